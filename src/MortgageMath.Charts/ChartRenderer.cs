using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace MortgageMath.Charts;

/// <summary>Draws a <see cref="ChartModel"/> with ScottPlot. The only place that knows ScottPlot.</summary>
internal static partial class ChartRenderer
{
    /// <summary>The font named when a text has Chinese (or other CJK) characters: Noto Sans CJK SC (Debian
    /// <c>fonts-noto-cjk</c>), which has the glyphs; without it the text would show as empty boxes (tofu).</summary>
    internal const string CjkFont = "Noto Sans CJK SC";

    /// <summary>The font named otherwise (Debian <c>fonts-dejavu-core</c>); SVG adds the generic <c>sans-serif</c>.</summary>
    internal const string LatinFont = "DejaVu Sans";

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"),
    ];

    /// <summary>One drawing at a time: ScottPlot's <c>Font.Set</c> also sets its process-wide default font, which
    /// other plots read while drawing (a legend once lost its CJK characters that way), so drawing is serialized;
    /// a chart takes milliseconds.</summary>
    private static readonly Lock Gate = new();

    internal static string Svg(ChartModel model, ChartOptions options)
    {
        string svg;
        lock (Gate)
        {
            svg = Build(model, options).GetSvgXml(options.Width, options.Height);
        }

        // A generic family after the named one, for viewers that lack it.
        svg = FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, sans-serif\"");
        return UnifyRadicals(svg);
    }

    /// <summary>
    /// The SVG canvas writes each text back from its glyphs, and a CJK font draws a Kangxi radical (U+2F00–U+2FDF)
    /// and its unified ideograph with one glyph, so 金 may come back as ⾦: each radical becomes its ideograph again
    /// (its NFKC form), so that the SVG's text reads, searches and copies as written.
    /// </summary>
    internal static string UnifyRadicals(string svg)
    {
        if (!svg.Any(c => c is >= '\u2E80' and <= '\u2FDF'))
        {
            return svg;
        }

        var text = new System.Text.StringBuilder(svg.Length);
        foreach (char c in svg)
        {
            text.Append(c is >= '\u2E80' and <= '\u2FDF' ? c.ToString().Normalize(System.Text.NormalizationForm.FormKC) : c);
        }

        return text.ToString();
    }

    internal static byte[] Png(ChartModel model, ChartOptions options)
    {
        lock (Gate)
        {
            return Build(model, options).GetImageBytes(options.Width, options.Height, ImageFormat.Png);
        }
    }

    /// <summary>The font for these texts: <see cref="CjkFont"/> if any has a CJK character, else <see cref="LatinFont"/>.</summary>
    internal static string FontFor(IEnumerable<string> texts) => texts.Any(HasCjk) ? CjkFont : LatinFont;

    internal static bool HasCjk(string text)
    {
        foreach (char c in text)
        {
            if (c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Pixels kept right of the plot when the x axis is numeric: half of a label such as "1,000,000" and a margin.</summary>
    private const float RightRoomForLastTick = 40;

    internal static Plot Build(ChartModel model, ChartOptions options)
    {
        CultureInfo culture = options.Culture;
        string title = options.Title ?? model.Title;
        IEnumerable<string> texts = new[] { title, model.XLabel, model.YLabel }
            .Concat(model.Series.Select(s => s.Name)).Concat(model.Markers.Select(m => m.Label));
        string font = FontFor(texts);
        var plot = new Plot();
        // Legend entries take ScottPlot's process-wide default font when their plottable is added, and Font.Set
        // sets that default: set it before adding anything (under the drawing lock), and again after.
        plot.Font.Set(font);
        int colour = 0;
        foreach (ChartSeries series in model.Series)
        {
            Color color = Palette[colour++ % Palette.Length];
            if (series.Base is { } bottom)
            {
                var fill = plot.Add.FillY(series.X, bottom, series.Y);
                fill.FillColor = color.WithAlpha(0.55);
                fill.LineColor = color;
                fill.LegendText = series.Name;
            }
            else
            {
                var line = plot.Add.ScatterLine(series.X, series.Y, color);
                line.LineWidth = 2;
                line.LegendText = series.Name;
                if (series.Step)
                {
                    line.ConnectStyle = ConnectStyle.StepHorizontal;
                }
            }
        }

        bool first = true;
        foreach (ChartMarker marker in model.Markers)
        {
            var vertical = plot.Add.VerticalLine(marker.X, 1, Colors.Gray);
            vertical.LinePattern = LinePattern.Dashed;
            if (first)
            {
                vertical.LegendText = marker.Label;
                first = false;
            }
        }

        if (model.XAxis == AxisKind.Date)
        {
            plot.Axes.DateTimeTicksBottom();
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, model.XAxis, culture) };

            // A numeric axis puts a tick (an income such as 30,000) on its last value, at the plot's right edge: room
            // for half of that label, which the empty right axis panel would otherwise cut.
            plot.Axes.Right.MinimumSize = RightRoomForLastTick;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, model.YAxis, culture) };
        plot.Title(title);
        plot.XLabel(model.XLabel);
        plot.YLabel(model.YLabel);
        (double xMin, double xMax) = model.XRange;
        (double yMin, double yMax) = model.YRange;
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.Legend.IsVisible = model.Series.Count + (model.Markers.Count > 0 ? 1 : 0) > 0;
        plot.Legend.Alignment = model.Kind is ChartKind.CumulativeInterest or ChartKind.AffordabilityFrontier or ChartKind.PrincipalAndInterest or ChartKind.Account
            ? Alignment.UpperLeft
            : Alignment.UpperRight;
        plot.Font.Set(font);
        plot.Legend.FontName = font;
        plot.Legend.SetBestFontOnEachRender = false;
        if (font == CjkFont)
        {
            SeatCjkText(plot);
        }

        return plot;
    }

    /// <summary>
    /// ScottPlot puts a line of text's baseline at the bottom of its box less the font's <em>lowest</em> glyph extent
    /// (<c>SKFontMetrics.Bottom</c>), not its descent. Noto Sans CJK's lowest extent is far below its descent (0.76 em
    /// against DejaVu Sans's 0.23 em), so every text drawn in it sat about half an em too high: tick labels on the tick
    /// marks, the legend's text over the top of its box, the rotated y-axis title half outside the image. Each text is
    /// moved back by the difference from DejaVu Sans at its size, so a Chinese chart is laid out as a Latin one is.
    /// (Rotated −90°, the y-axis title's "down" is to the right.)
    /// </summary>
    private static void SeatCjkText(Plot plot)
    {
        plot.Axes.Title.Label.OffsetY += CjkDrop(plot.Axes.Title.Label);
        if (plot.Axes.Bottom is ScottPlot.AxisPanels.AxisBase bottom)
        {
            bottom.LabelOffsetY += CjkDrop(bottom.LabelStyle);
        }

        if (plot.Axes.Left is ScottPlot.AxisPanels.AxisBase left)
        {
            left.LabelOffsetX += CjkDrop(left.LabelStyle);
        }

        plot.Axes.Bottom.TickLabelStyle.OffsetY += CjkDrop(plot.Axes.Bottom.TickLabelStyle);
        plot.Axes.Left.TickLabelStyle.OffsetY += CjkDrop(plot.Axes.Left.TickLabelStyle);

        // The legend's items are made from the plottables on each render; fixed ones keep the offset.
        LegendItem[] items = [.. plot.Legend.GetItems()];
        foreach (LegendItem item in items)
        {
            item.LabelFontName = CjkFont;
            item.LabelOffsetY += CjkDrop(item.LabelStyle, plot.Legend.FontSize ?? item.LabelFontSize);
        }

        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.ManualItems.AddRange(items);
    }

    /// <summary>How far (pixels) a text in the CJK font is drawn above where the same text in the Latin font would sit.</summary>
    private static float CjkDrop(LabelStyle style, float? size = null)
    {
        float fontSize = size ?? style.FontSize;
        return LowestBelowDescent(CjkFont, style.Bold, fontSize) - LowestBelowDescent(LatinFont, style.Bold, fontSize);
    }

    private static float LowestBelowDescent(string font, bool bold, float size)
    {
        using var skFont = new SkiaSharp.SKFont(Fonts.GetTypeface(font, bold, false), size);
        skFont.GetFontMetrics(out SkiaSharp.SKFontMetrics metrics);
        return metrics.Bottom - metrics.Descent;
    }

    private static string Label(double value, AxisKind kind, CultureInfo culture) => kind switch
    {
        AxisKind.Percent => value.ToString("0.##", culture) + "%",
        _ => value.ToString("N0", culture),
    };

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamily();
}
