using MortgageMath.Tests.Cli;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// The tool's own parts of an error line (the remedy after a missing rate fixing) speak the run's language, around
/// the library's text, which the library translates itself (ChineseErrorsLibraryTests).
/// </summary>
public class ChineseToolErrorsTests
{
    private const string FloatingSpec = """
        { "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30,
          "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "january-1" } } }
        """;

    [Fact]
    public void A_missing_fixing_names_the_remedy_in_Chinese()
    {
        CliResult result = CliRunner.Run("schedule", "--lang", "zh-CN", "--spec", SpecFiles.Write(FloatingSpec), "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("；请用 --rates FILE 或在贷款文件中写 \"rates\": {\"fixings\": [...]} 给出定价值，或用 \"rates\": {\"assume_unchanged_until\": \"yyyy-MM-dd\"} 假设利率此后不变。", line, StringComparison.Ordinal);
        Assert.DoesNotContain("give the fixings", line, StringComparison.Ordinal);
        Assert.DoesNotContain("No lpr5y fixing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_error_in_English_keeps_its_words()
    {
        CliResult result = CliRunner.Run("schedule", "--lang", "en", "--spec", SpecFiles.Write(FloatingSpec), "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("; give the fixings with --rates FILE or \"rates\": {\"fixings\": [...]} in the spec, or assume no change with \"rates\": {\"assume_unchanged_until\": \"yyyy-MM-dd\"}.\n",
            result.Stderr, StringComparison.Ordinal);
    }
}
