using System.Xml.Linq;
using SkiaSharp;

namespace MortgageMath.Charts.Tests;

/// <summary>
/// Chinese text is drawn in a font that has its glyphs (Noto Sans CJK SC, Debian <c>fonts-noto-cjk</c>, which
/// <c>.ci/run</c> installs). These tests fail, never skip, on a machine without the font.
/// </summary>
public sealed class CjkTests
{
    private const string Missing = "the font Noto Sans CJK SC is missing: install it (Debian: apt-get install -y fonts-noto-cjk)";

    [Fact]
    public void The_cjk_font_is_installed_and_has_the_glyphs()
    {
        // Not disposed: SkiaSharp hands out one shared wrapper per native typeface, which ScottPlot also holds.
        SKTypeface? typeface = SKFontManager.Default.MatchFamily(ChartRenderer.CjkFont);
        Assert.True(typeface is not null && typeface.FamilyName == ChartRenderer.CjkFont, Missing);
        Assert.True(typeface!.ContainsGlyphs("等额本息等额本金剩余本金"), Missing);
    }

    [Fact]
    public void A_chinese_title_names_the_cjk_font_in_the_svg()
    {
        XDocument svg = XDocument.Parse(Samples.Tv1Schedule.Value.Chart().Balance().WithTitle("剩余本金").ToSvg());
        XElement title = svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Single(t => t.Value.Trim() == "剩余本金");
        Assert.Equal("Noto Sans CJK SC, sans-serif", (string?)title.Attribute("font-family"));
    }

    [Fact]
    public void Chinese_titles_render_as_glyphs_not_tofu()
    {
        // Tofu draws every missing glyph as the same box: two titles of the same characters in another order would
        // then give the same image. Real glyphs give different images.
        Chart chart = Samples.Tv1Schedule.Value.Chart(new ChartOptions { Width = 400, Height = 240 }).Balance();
        using SKBitmap a = SKBitmap.Decode(chart.WithTitle("本金余额").ToPng());
        using SKBitmap b = SKBitmap.Decode(chart.WithTitle("额余金本").ToPng());
        int different = a.Pixels.Zip(b.Pixels).Count(p => p.First != p.Second);
        Assert.True(different > 100, $"{different} pixels differ between two orders of the same characters: {Missing}");
    }

    [Fact]
    public void Chinese_text_in_the_svg_reads_as_written()
    {
        // 金 and the Kangxi radical ⾦ share a glyph in CJK fonts; the SVG must carry 金.
        Chart chart = ScheduleChart.Methods(Samples.Tv1).Balance().WithTitle("等额本金与等额本息");
        List<string> texts = SvgTests.Texts(XDocument.Parse(chart.ToSvg()));
        Assert.Contains("等额本金与等额本息", texts);
        Assert.Contains("Equal principal (等额本金)", texts);
    }
}
