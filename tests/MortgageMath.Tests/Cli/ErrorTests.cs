namespace MortgageMath.Tests.Cli;

public class ErrorTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "bare rate", Args("--rate", "4.9", "--years", "30"), "error: --rate '4.9' has no unit; write 4.9% or 490bp." },
        { "bare fraction", Args("--rate", "0.049", "--years", "30"), "error: --rate '0.049' has no unit; write 0.049% or 4.9bp, or 4.9% if it is a fraction of 1." },
        { "rate abc%", Args("--rate", "abc%", "--years", "30"), "error: --rate 'abc%' is not a rate" },
        { "rate without number", Args("--rate", "fast", "--years", "30"), "error: --rate 'fast' is not a rate" },
        { "negative rate", Args("--rate", "-63.5bp", "--years", "30"), "error: --rate: The annual rate must be between 0% and 100%; was -0.635%." },
        { "rate beyond Rate's range", Args("--rate", "100001bp", "--years", "30"), "error: --rate: A rate must be between" },
        { "negative principal", Args("--principal", "-5", "--rate", "4.9%", "--years", "30"), "error: --principal: Principal must be greater than 0" },
        { "principal 0", Args("--principal", "0", "--rate", "4.9%", "--years", "30"), "error: --principal: Principal must be greater than 0" },
        { "principal beyond the maximum", Args("--principal", "1000000000000.01", "--rate", "4.9%", "--years", "30"), "error: --principal: Principal must be greater than 0 and at most 1,000,000,000,000" },
        { "principal not a number", Args("--principal", "1,000,000", "--rate", "4.9%", "--years", "30"), "error: --principal '1,000,000' is not an amount" },
        { "principal too precise", Args("--principal", "1000.005", "--rate", "4.9%", "--years", "30"), "error: --principal: Principal 1000.005 has more decimal places" },
        { "both months and years", Args("--rate", "4.9%", "--months", "360", "--years", "30"), "error: give the term once: either --months N or --years N, not both." },
        { "neither months nor years", Args("--rate", "4.9%"), "error: the term is missing; add --months N" },
        { "months 601", Args("--rate", "4.9%", "--months", "601"), "error: --months must be between 1 and 600; was 601." },
        { "months 0", Args("--rate", "4.9%", "--months", "0"), "error: --months must be between 1 and 600; was 0." },
        { "years 51", Args("--rate", "4.9%", "--years", "51"), "error: --years must be between 1 and 50; was 51." },
        { "months not a number", Args("--rate", "4.9%", "--months", "ten"), "error: --months 'ten' is not a whole number" },
        { "payment day 32", Args("--rate", "4.9%", "--years", "30", "--payment-day", "32"), "error: --payment-day: The repayment day must be between 1 and 31; was 32." },
        { "payment day not a number", Args("--rate", "4.9%", "--years", "30", "--payment-day", "last"), "error: --payment-day 'last' is not a day of the month" },
        { "bad date", Args("--rate", "4.9%", "--years", "30", "--start", "2024-02-30"), "error: --start '2024-02-30' is not a valid date; write yyyy-MM-dd" },
        { "date in wrong form", Args("--rate", "4.9%", "--years", "30", "--start", "20/03/2024"), "error: --start '20/03/2024' is not a valid date" },
        { "date out of range", Args("--rate", "4.9%", "--years", "30", "--start", "1899-12-31"), "error: --start: The disbursement date must be in the years 1900 to 2200" },
        { "unknown method", Args("--rate", "4.9%", "--years", "30", "--method", "balloon"), "error: --method 'balloon' is not a repayment method; write equal-installment or equal-principal." },
        { "unknown format", Args("--rate", "4.9%", "--years", "30", "--format", "xml"), "error: --format 'xml' is not a format; write table, csv, json or markdown." },
        { "missing --principal", ["schedule", "--rate", "4.9%", "--years", "30"], "error: Option '--principal' is required; see 'mortgage schedule --help'." },
        { "missing --rate", ["schedule", "--principal", "1000000", "--years", "30"], "error: Option '--rate' is required; see 'mortgage schedule --help'." },
        { "option without value", Args("--rate", "4.9%", "--years"), "error: Required argument missing for option: '--years'; see 'mortgage schedule --help'." },
        { "option given twice", Args("--rate", "4.9%", "--rate", "5%", "--years", "30"), "error: Option '--rate' expects a single argument but 2 were provided; see 'mortgage schedule --help'." },
        { "unknown option", Args("--rate", "4.9%", "--years", "30", "--colour"), "error: Unrecognized command or argument '--colour'; see 'mortgage schedule --help'." },
        { "unknown command", ["shedule", "--principal", "1"], "error: Unrecognized command or argument 'shedule'; did you mean 'schedule'? See 'mortgage --help'." },
        { "misspelt option", Args("--rate", "4.9%", "--yeras", "30"), "error: Unrecognized command or argument '--yeras'; did you mean '--years'? See 'mortgage schedule --help'." },
        { "misspelt global option", Args("--rate", "4.9%", "--years", "30", "--lnag", "en"), "error: Unrecognized command or argument '--lnag'; did you mean '--lang'? See 'mortgage schedule --help'." },
        { "unknown word", ["sched", "--principal", "1"], "error: Unrecognized command or argument 'sched'; see 'mortgage --help'." },
        { "no command", [], "error: Required command was not provided; see 'mortgage --help'." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_one_error_line_and_exit_code_2(string name, string[] args, string expectedStart)
    {
        CliResult result = CliRunner.Run(args);

        Assert.True(result.ExitCode == 2, $"{name}: exit code {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.EndsWith("\n", result.Stderr, StringComparison.Ordinal);
        string[] lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--principal")]
    [InlineData("--rate")]
    [InlineData("--months")]
    [InlineData("--start")]
    [InlineData("--payment-day")]
    [InlineData("--method")]
    public void A_long_value_is_echoed_truncated_to_40_characters(string option)
    {
        string digits = "1" + new string('0', 10_000);
        string[] args =
        [
            "schedule", "--principal", "1000000", "--rate", "4.9%", "--months", "360", "--start", "2024-03-20",
            "--payment-day", "20", "--method", "equal-installment",
        ];
        int at = Array.IndexOf(args, option);
        args[at + 1] = option == "--principal" ? digits + "," : digits + "x";

        CliResult result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: {option} '{digits[..40]}…'", line, StringComparison.Ordinal);
        Assert.True(line.Length < 250, $"{line.Length} characters: {line[..Math.Min(200, line.Length)]}");
    }

    [Fact]
    public void A_principal_of_many_digits_is_out_of_range_not_unreadable()
    {
        string digits = "1" + new string('0', 10_000);
        CliResult result = CliRunner.Run("schedule", "--principal", digits, "--rate", "4.9%", "--years", "30");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: --principal '{digits[..40]}…' is too large: the principal must be greater than 0 and at most 1,000,000,000,000.\n",
            result.Stderr);
    }

    [Fact]
    public void Library_messages_lose_the_parameter_tail_and_name_the_option()
    {
        var e = new ArgumentOutOfRangeException("RepaymentDay", 32, "The repayment day must be between 1 and 31; was 32.");
        Assert.Contains("(Parameter", e.Message, StringComparison.Ordinal);

        Assert.Equal("--payment-day: The repayment day must be between 1 and 31; was 32.", MortgageMath.Cli.CliApp.LibraryMessage(e));
        Assert.Equal("Something odd.", MortgageMath.Cli.CliApp.LibraryMessage(new ArgumentException("Something odd.", "other")));
    }

    private static string[] Args(params string[] rest)
    {
        bool hasPrincipal = rest.Contains("--principal");
        return hasPrincipal ? ["schedule", .. rest] : ["schedule", "--principal", "1000000", .. rest];
    }
}
