using System.Text.Json;

namespace MortgageMath.Tests.Cli;

public class RatesCommandTests
{
    [Fact]
    public void Lpr5y_from_2024_shows_the_as_of_date_and_the_february_cut()
    {
        CliResult result = CliRunner.Run("rates", "--index", "lpr5y", "--from", "2024-01-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("Rate table as of 2026-03-20", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("lpr5y  2024-02-20    3.95  ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("2023-12-20", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("lpr1y", StringComparison.Ordinal));
    }

    [Fact]
    public void Lang_zh_CN_labels_the_table_in_chinese_with_the_same_rows()
    {
        string[] english = CliRunner.Run("rates", "--index", "lpr5y", "--from", "2024-01-01").Stdout.TrimEnd('\n').Split('\n');
        CliResult result = CliRunner.Run("rates", "--index", "lpr5y", "--from", "2024-01-01", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("利率表截至 2026-03-20（", lines[0], StringComparison.Ordinal);
        Assert.Equal("指标   生效日期    利率 %  来源", lines[1]);   // aligned in terminal columns: a Chinese character takes two
        Assert.Equal(english[2..], lines[2..]);                      // the fixings (and their sources) are data
    }

    [Fact]
    public void Csv_is_the_rate_file_format_and_loads_back()
    {
        CliResult result = CliRunner.Run("rates", "--index", "lpr5y", "--from", "2024-01-01", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("# rate table as of 2026-03-20; rates in percent", lines[0]);
        Assert.Equal("index,effective_date,rate_pct,source", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("lpr5y,2024-02-20,3.95,", StringComparison.Ordinal));
        Assert.All(lines.Skip(2), l => Assert.StartsWith("lpr5y,202", l, StringComparison.Ordinal));

        RateTable table = RateTable.Parse(new StringReader(result.Stdout));
        Assert.Equal(Rate.Percent(3.95m), table.FixingOn(RateIndex.Lpr5Y, new NodaTime.LocalDate(2024, 3, 1)).Value);
    }

    [Fact]
    public void Json_lists_the_fixings_with_the_as_of_date()
    {
        CliResult result = CliRunner.Run("rates", "--index", "pf-first-gt5y", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2026-03-20", doc.RootElement.GetProperty("as_of").GetString());
        Assert.All(doc.RootElement.GetProperty("fixings").EnumerateArray(),
            f => Assert.Equal("pf-first-gt5y", f.GetProperty("index").GetString()));
    }

    [Fact]
    public void All_indexes_by_default_and_a_rate_file_replaces_its_index()
    {
        string all = CliRunner.Run("rates", "--format", "csv").Stdout;
        Assert.Contains("\nlpr1y,", all, StringComparison.Ordinal);
        Assert.Contains("\npboc-5y,", all, StringComparison.Ordinal);

        string file = SpecFiles.Write("index,effective_date,rate_pct,source\nlpr5y,2022-01-20,4.20,mine\n", ".csv");
        string[] lpr = CliRunner.Run("rates", "--rates", file, "--index", "lpr5y", "--format", "csv").Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("lpr5y,2022-01-20,4.20,mine", Assert.Single(lpr.Skip(2)));
    }

    [Fact]
    public void An_unknown_index_lists_the_valid_names()
    {
        CliResult result = CliRunner.Run("rates", "--index", "lpr6y");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --index 'lpr6y' is not an index of the rate table; use one of lpr1y, lpr5y, pboc-1y,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_from_date_is_an_error()
    {
        CliResult result = CliRunner.Run("rates", "--from", "2024/01/01");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --from '2024/01/01' is not a valid date; write yyyy-MM-dd, e.g. 2024-03-20.\n", result.Stderr);
    }
}
