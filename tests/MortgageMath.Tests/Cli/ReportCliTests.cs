namespace MortgageMath.Tests.Cli;

/// <summary><c>mortgage report</c>: the page of a spec or of the loan options, written whole; bad input is one error
/// line and no file.</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_spec_becomes_one_html_file()
    {
        string output = Path.Combine(_dir, "report.html");
        CliResult result = CliRunner.Run("report", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json"), "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string html = File.ReadAllText(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"payment\">5,307.27</div>", html, StringComparison.Ordinal);
        Assert.Equal(["report.html"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_that_is_not_html_is_refused_and_nothing_is_written()
    {
        string output = Path.Combine(_dir, "report.pdf");
        CliAssert.OneErrorLine(CliRunner.Run(["report", .. CliRunner.Tv1[1..], "--output", output]),
            $"error: --output '{output}': the report is an HTML page, so name it .html");
        Assert.Empty(Directory.GetFiles(_dir));
        Assert.Equal(0, CliRunner.Run(["report", .. CliRunner.Tv1[1..], "--output", Path.Combine(_dir, "REPORT.HTM")]).ExitCode);
    }

    [Fact]
    public void The_loan_options_and_a_title_go_to_standard_output()
    {
        CliResult result = CliRunner.Run(["report", .. CliRunner.Tv1[1..], "--title", "陈先生的房贷"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<title>陈先生的房贷</title>", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_zh_CN_writes_the_page_in_chinese()
    {
        CliResult result = CliRunner.Run("report", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json"), "--lang", "zh-CN");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<html lang=\"zh-CN\">", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("<title>房贷还款报告</title>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("<h2>还款计划</h2>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("<div class=\"label\">月供</div><div class=\"value\" id=\"payment\">5,307.27</div>", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Mortgage report", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combined_spec_reports_its_parts()
    {
        CliResult result = CliRunner.Run("report", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("id=\"payment\">4,171.16</div>", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_one_error_line_and_no_file()
    {
        string output = Path.Combine(_dir, "report.html");
        CliAssert.OneErrorLine(CliRunner.Run("report", "--principal", "1000000", "--rate", "4.9", "--years", "30", "--output", output), "error: ");
        CliAssert.OneErrorLine(CliRunner.Run(["report", .. CliRunner.Tv1[1..], "--output", " "]), "error: --output is empty");
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
