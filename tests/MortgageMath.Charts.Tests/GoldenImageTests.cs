using SkiaSharp;

namespace MortgageMath.Charts.Tests;

/// <summary>
/// One golden PNG per chart kind (Golden/*.png), compared by a tolerant pixel check: fonts and anti-aliasing differ
/// a little between machines, so a pixel counts as different only when no pixel within <see cref="Radius"/> of it in
/// the other image is within <see cref="ChannelTolerance"/> on every channel, and the images match when at most
/// <see cref="MaxDifferentFraction"/> of the pixels differ. A missing or moved line, band or legend fails; a glyph
/// drawn a pixel aside does not. Refresh the goldens with <c>MORTGAGEMATH_UPDATE_GOLDENS=1</c> (docs/charts.md).
/// </summary>
public sealed class GoldenImageTests
{
    private const int Radius = 2;
    private const int ChannelTolerance = 40;
    private const double MaxDifferentFraction = 0.002;
    private static readonly ChartOptions Small = new() { Width = 640, Height = 360 };

    internal static IEnumerable<(string Name, Chart Chart)> Charts()
    {
        yield return ("balance", Samples.Tv1Schedule.Value.Chart(Small).Balance());
        yield return ("principal-and-interest", Samples.Tv1Schedule.Value.Chart(Small).PrincipalAndInterest());
        yield return ("cumulative-interest-methods", ScheduleChart.Methods(Samples.Tv1, Small).CumulativeInterest());
        yield return ("payment-prepaid", Samples.Prepaid().Chart(Small).Payment());
        yield return ("rate-floating", Samples.Floating().Chart(Small).Rate());
        yield return ("index-lpr5y", RateTable.China.Chart(RateIndex.Lpr5Y, new NodaTime.LocalDate(2019, 8, 20), new NodaTime.LocalDate(2025, 12, 31), Small));
        yield return ("affordability-frontier", Samples.Frontier(Small));
        yield return ("account", Samples.Account().Chart(Small));
        yield return ("balance-combined-zh", Samples.Combined().Chart(Small with { Culture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN") }).Balance().WithTitle("组合贷款：各部分剩余本金"));
        yield return ("principal-and-interest-zh", Samples.Tv1Schedule.Value.Chart(Small with { Culture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN") }).PrincipalAndInterest());
    }

    public static TheoryData<string> Names() => [.. Charts().Select(c => c.Name)];

    [Fact]
    public void Every_chart_kind_has_a_golden()
    {
        Assert.Equal(Enum.GetValues<ChartKind>().Order(), Charts().Select(c => c.Chart.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_png_matches_its_golden(string name)
    {
        Chart chart = Charts().Single(c => c.Name == name).Chart;
        byte[] png = chart.ToPng();
        string golden = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".png");
        if (Environment.GetEnvironmentVariable("MORTGAGEMATH_UPDATE_GOLDENS") == "1")
        {
            string source = Path.Combine(Samples.RepositoryRoot, "tests", "MortgageMath.Charts.Tests", "Golden", name + ".png");
            File.WriteAllBytes(source, png);
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, png);
        }

        Assert.True(File.Exists(golden), $"No golden {golden}: run the tests once with MORTGAGEMATH_UPDATE_GOLDENS=1 (docs/charts.md).");
        using SKBitmap expected = SKBitmap.Decode(golden);
        using SKBitmap actual = SKBitmap.Decode(png);
        double fraction = DifferentFraction(expected, actual);
        if (fraction > MaxDifferentFraction)
        {
            string saved = Path.Combine(Path.GetTempPath(), $"{name}.actual.png");
            File.WriteAllBytes(saved, png);
            Assert.Fail($"{name}: {fraction:P2} of the pixels differ from the golden (at most {MaxDifferentFraction:P2}); this run's image is {saved}.");
        }
    }

    [Fact]
    public void The_check_sees_a_missing_series()
    {
        using SKBitmap full = SKBitmap.Decode(ScheduleChart.Methods(Samples.Tv1, Small).Balance().ToPng());
        using SKBitmap one = SKBitmap.Decode(Samples.Tv1Schedule.Value.Chart(Small).Balance().WithTitle("Outstanding balance").ToPng());
        Assert.True(DifferentFraction(full, one) > MaxDifferentFraction);
    }

    internal static double DifferentFraction(SKBitmap expected, SKBitmap actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return 1;
        }

        SKColor[] a = expected.Pixels, b = actual.Pixels;
        int width = expected.Width, height = expected.Height, different = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (!Near(a, b, width, height, x, y) || !Near(b, a, width, height, x, y))
                {
                    different++;
                }
            }
        }

        return (double)different / (width * height);
    }

    /// <summary>Whether pixel (x, y) of <paramref name="from"/> has a close match within <see cref="Radius"/> in <paramref name="to"/>.</summary>
    private static bool Near(SKColor[] from, SKColor[] to, int width, int height, int x, int y)
    {
        SKColor c = from[y * width + x];
        for (int dy = -Radius; dy <= Radius; dy++)
        {
            int yy = y + dy;
            if (yy < 0 || yy >= height)
            {
                continue;
            }

            for (int dx = -Radius; dx <= Radius; dx++)
            {
                int xx = x + dx;
                if (xx < 0 || xx >= width)
                {
                    continue;
                }

                SKColor d = to[yy * width + xx];
                if (Math.Abs(c.Red - d.Red) <= ChannelTolerance && Math.Abs(c.Green - d.Green) <= ChannelTolerance
                    && Math.Abs(c.Blue - d.Blue) <= ChannelTolerance)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
