using System.Xml.Linq;

namespace MortgageMath.Tests.Cli;

/// <summary><c>--chart FILE.svg|FILE.png</c> on schedule, prepay, account and rates: the chart is written whole beside
/// the command's usual output; a bad name is one error line (exit 2) before any work, and a failed write leaves no file.</summary>
public sealed class ChartCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chart-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static XDocument Svg(string path) => XDocument.Parse(File.ReadAllText(path));

    private static IEnumerable<string> Texts(XDocument svg) => svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value.Trim());

    [Fact]
    public void Schedule_draws_the_balance_beside_its_table()
    {
        CliResult result = CliRunner.Run([.. CliRunner.Tv1, "--format", "csv", "--chart", PathOf("balance.svg")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1,2024-04-20,4.9,1000000.00,5307.27,1223.94,4083.33,998776.06", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Outstanding balance", Texts(Svg(PathOf("balance.svg"))));
        Assert.Equal(["balance.svg"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Lang_zh_CN_draws_chinese_titles_axes_and_legends()
    {
        CliResult result = CliRunner.Run([.. CliRunner.Tv1, "--lang", "zh-CN", "--chart", PathOf("balance.svg")]);
        Assert.Equal(0, result.ExitCode);
        IEnumerable<string> texts = Texts(Svg(PathOf("balance.svg")));
        Assert.Contains("剩余本金", texts);
        Assert.Contains("金额（CNY）", texts);
        Assert.DoesNotContain("Outstanding balance", texts);
        result = CliRunner.Run(["prepay", .. CliRunner.Tv1[1..], "--date", "2025-03-20", "--amount", "200000", "--lang", "zh-CN", "--chart", PathOf("prepay.svg")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("不提前还款", Texts(Svg(PathOf("prepay.svg"))));
    }

    [Fact]
    public void A_combined_spec_draws_one_line_per_leg()
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json"), "--chart", PathOf("legs.svg"));
        Assert.Equal(0, result.ExitCode);
        IEnumerable<string> texts = Texts(Svg(PathOf("legs.svg")));
        Assert.Contains("commercial", texts);
        Assert.Contains("provident-fund", texts);
    }

    [Fact]
    public void Prepay_draws_the_baseline_and_each_option_as_png()
    {
        CliResult result = CliRunner.Run(["prepay", .. CliRunner.Tv1[1..], "--date", "2025-03-20", "--amount", "200000", "--chart", PathOf("prepay.PNG")]);
        Assert.Equal(0, result.ExitCode);
        byte[] png = File.ReadAllBytes(PathOf("prepay.PNG"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Account_draws_due_against_received()
    {
        CliResult result = CliRunner.Run("account", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "overdue-account.json"),
            "--as-of", "2024-09-01", "--chart", PathOf("account.svg"));
        Assert.Equal(0, result.ExitCode);
        IEnumerable<string> texts = Texts(Svg(PathOf("account.svg")));
        Assert.Contains("Due (cumulative)", texts);
        Assert.Contains("As of 2024-09-01", texts);
    }

    [Fact]
    public void Rates_draws_the_index_it_is_given()
    {
        CliResult result = CliRunner.Run("rates", "--index", "lpr5y", "--from", "2020-01-01", "--chart", PathOf("lpr.svg"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lpr5y history", Texts(Svg(PathOf("lpr.svg"))));
    }

    [Fact]
    public void Rates_without_an_index_refuses_a_chart()
    {
        CliAssert.OneErrorLine(CliRunner.Run("rates", "--chart", PathOf("lpr.svg")), "error: --chart draws one index: give --index too, e.g. --index lpr5y.");
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("chart.jpg")]
    [InlineData("chart")]
    public void Another_extension_is_one_error_line_and_no_file(string name)
    {
        CliResult result = CliRunner.Run([.. CliRunner.Tv1, "--chart", PathOf(name)]);
        CliAssert.OneErrorLine(result, $"error: --chart '{PathOf(name)}' must name a .svg or .png file, e.g. --chart balance.svg.");
        Assert.Equal("", result.Stdout);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_chart_that_cannot_be_written_is_an_io_error_and_leaves_no_fragment()
    {
        CliResult result = CliRunner.Run([.. CliRunner.Tv1, "--chart", PathOf(Path.Combine("missing", "balance.svg"))]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: could not write the output", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
