using System.Text;

namespace MortgageMath.Charts;

/// <summary>
/// A chart ready to save: what it shows (<see cref="Kind"/>, <see cref="Title"/>, <see cref="SeriesNames"/>) and how
/// it is drawn (<see cref="Options"/>). Immutable, with value equality over its data and options; drawing happens on
/// <see cref="ToSvg"/>, <see cref="ToPng"/> or a save, each time afresh (so a chart is safe to share between threads).
/// Amounts were converted from decimal to double only for the plot coordinates.
/// </summary>
public sealed class Chart : IEquatable<Chart>
{
    internal Chart(ChartModel model, ChartOptions options)
    {
        Model = model;
        Options = options;
    }

    internal ChartModel Model { get; }

    /// <summary>What the chart shows.</summary>
    public ChartKind Kind => Model.Kind;

    /// <summary>The title drawn above the chart (<see cref="ChartOptions.Title"/> when given).</summary>
    public string Title => Options.Title ?? Model.Title;

    /// <summary>The legend entries, one per series (lines, bands), in drawing order; markers are not series.</summary>
    public IReadOnlyList<string> SeriesNames => Model.Series.Select(s => s.Name).ToArray();

    /// <summary>How the chart is drawn: size, culture, currency.</summary>
    public ChartOptions Options { get; }

    /// <summary>The same chart with another title.</summary>
    /// <param name="title">The title (not empty).</param>
    /// <exception cref="ArgumentException">An empty or blank title.</exception>
    public Chart WithTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new Chart(Model, Options with { Title = title });
    }

    /// <summary>The same chart drawn with other options (size, culture of the numbers, currency label).</summary>
    /// <param name="options">The options.</param>
    public Chart WithOptions(ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Chart(Model, options);
    }

    /// <summary>The same chart drawn <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="width">The width, <see cref="ChartOptions.MinSize"/> to <see cref="ChartOptions.MaxSize"/>.</param>
    /// <param name="height">The height, in the same range.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size outside that range.</exception>
    public Chart WithSize(int width, int height) => new(Model, Options with { Width = width, Height = height });

    /// <summary>The chart as an SVG document (UTF-8 XML, texts as <c>&lt;text&gt;</c> in the chart's font).</summary>
    public string ToSvg() => ChartRenderer.Svg(Model, Options);

    /// <summary>The chart as a PNG image of <see cref="ChartOptions.Width"/> × <see cref="ChartOptions.Height"/> pixels.</summary>
    public byte[] ToPng() => ChartRenderer.Png(Model, Options);

    /// <summary>The chart in <paramref name="format"/>: the SVG as UTF-8 bytes (no byte order mark), or the PNG.</summary>
    /// <param name="format">SVG or PNG.</param>
    public byte[] ToBytes(ChartFileFormat format) => format switch
    {
        ChartFileFormat.Svg => new UTF8Encoding(false).GetBytes(ToSvg()),
        ChartFileFormat.Png => ToPng(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Svg or Png."),
    };

    /// <summary>Saves the chart as SVG to <paramref name="path"/> and returns the chart (to chain more saves).</summary>
    /// <param name="path">The file; a temporary file beside it is renamed over it, so a failure leaves no fragment.</param>
    public Chart SaveSvg(string path) => Save(path, ChartFileFormat.Svg);

    /// <summary>Saves the chart as PNG to <paramref name="path"/> and returns the chart.</summary>
    /// <param name="path">The file; a temporary file beside it is renamed over it, so a failure leaves no fragment.</param>
    public Chart SavePng(string path) => Save(path, ChartFileFormat.Png);

    /// <summary>Saves the chart in the format its extension names (<c>.svg</c> or <c>.png</c>) and returns the chart.</summary>
    /// <param name="path">The file, ending in <c>.svg</c> or <c>.png</c>.</param>
    /// <exception cref="ArgumentException">Any other extension.</exception>
    public Chart Save(string path) => Save(path, ChartFileFormats.FromPath(path));

    private Chart Save(string path, ChartFileFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = ToBytes(format);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return this;
    }

    /// <inheritdoc />
    public bool Equals(Chart? other) => other is not null && Model.Equals(other.Model) && Options.Equals(other.Options);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Chart);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Options);

    /// <summary>The kind, title and series, e.g. <c>Balance chart "Outstanding balance": Balance (361 points)</c>.</summary>
    public override string ToString() => $"{Kind} chart \"{Title}\": "
        + string.Join(", ", Model.Series.Select(s => $"{s.Name} ({s.Count} points)"));
}
