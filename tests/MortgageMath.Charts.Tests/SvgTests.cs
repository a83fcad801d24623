using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MortgageMath.Charts.Tests;

/// <summary>The SVG itself: well-formed XML, one drawn line per series with one vertex per point, the texts present.</summary>
public sealed partial class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The vertex count of the longest path stroked in <paramref name="colour"/> (the series' line; its
    /// legend swatch is a 2-vertex path of the same colour).</summary>
    private static int Vertices(XDocument svg, string colour) => svg.Descendants(Svg + "path")
        .Where(p => string.Equals((string?)p.Attribute("stroke"), colour, StringComparison.OrdinalIgnoreCase))
        .Select(p => MoveOrLine().Matches((string?)p.Attribute("d") ?? "").Count)
        .DefaultIfEmpty(0).Max();

    internal static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

    [Fact]
    public void A_balance_chart_is_well_formed_svg_with_one_line_of_361_points_and_its_texts()
    {
        XDocument svg = XDocument.Parse(Samples.Tv1Schedule.Value.Chart().Balance().ToSvg());
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("800", (string?)svg.Root.Attribute("width"));
        Assert.Equal(361, Vertices(svg, "#1F77B4"));
        List<string> texts = Texts(svg);
        Assert.Contains("Outstanding balance", texts);
        Assert.Contains("Amount (CNY)", texts);
        Assert.Contains("Balance", texts);
        Assert.Contains("1,000,000", texts); // the top tick: the axis reaches the principal
        Assert.Contains("2054", texts);      // the last year on the date axis
        Assert.All(svg.Descendants(Svg + "text"), t => Assert.Equal("DejaVu Sans, sans-serif", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void A_comparison_draws_one_line_per_schedule()
    {
        PrepaymentComparison comparison = Samples.Prepaid();
        XDocument svg = XDocument.Parse(comparison.Chart().Balance().ToSvg());
        Assert.Equal(361, Vertices(svg, "#1F77B4"));
        Assert.Equal(comparison.Alternative.Count + 1, Vertices(svg, "#D62728"));
        Assert.Equal(0, Vertices(svg, "#2CA02C")); // no third series
        List<string> texts = Texts(svg);
        Assert.Contains("Without prepayment", texts);
        Assert.Contains("With prepayment", texts);
    }

    [Fact]
    public void Every_chart_kind_is_well_formed_svg()
    {
        foreach (Chart chart in GoldenImageTests.Charts().Select(c => c.Chart))
        {
            XDocument svg = XDocument.Parse(chart.ToSvg());
            Assert.Contains(chart.Title, Texts(svg));
            Assert.All(chart.SeriesNames, name => Assert.Contains(name, Texts(svg)));
        }
    }

    [GeneratedRegex("[ML]")]
    private static partial Regex MoveOrLine();
}
