using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary>The <c>mortgage statement</c> command: the year from the schedule or the account, China's deduction and
/// the Form 1098 figure in every format, and every bad input as one error line with exit code 2.</summary>
public class StatementCliTests
{
    private static string Tv1 => Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json");

    private static string Overdue => Path.Combine(SpecFiles.ExamplesDirectory(), "overdue-account.json");

    /// <summary>The first instalment paid 30 days late with its 罚息 and 复利, the next three on time (docs/statements.md §1).</summary>
    private const string FourPayments = "date,amount\n2024-05-20,5339.78\n2024-05-20,5307.27\n2024-06-20,5307.27\n2024-07-20,5307.27\n";

    private static void AssertOneErrorLine(CliResult result, string expected) => CliAssert.OneErrorLine(result, expected);

    [Fact]
    public void The_tv1_year_2024_in_chinese_matches_its_golden_table()
    {
        // The same figures as fixed-tv1-statement-2024.txt, labelled in Chinese (--lang zh-CN; CliText Stmt_*).
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(GoldenFiles.Read("fixed-tv1-statement-2024.zh-CN.txt")), result.Stdout);
        string english = System.Text.Encoding.UTF8.GetString(GoldenFiles.Read("fixed-tv1-statement-2024.txt"));
        static string[] Figures(string text) => [.. System.Text.RegularExpressions.Regex.Matches(text, @"\d[\d,]*\.\d\d").Select(m => m.Value)];
        Assert.Equal(Figures(english), Figures(result.Stdout));
    }

    [Fact]
    public void The_tv1_year_2024_matches_its_golden_table()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2024");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(GoldenFiles.Read("fixed-tv1-statement-2024.txt")), result.Stdout);
    }

    [Fact]
    public void Json_has_the_summary_the_deduction_and_the_form_1098_figure()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(2024, root.GetProperty("year").GetInt32());
        Assert.Equal("schedule", root.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("as_of").ValueKind);
        JsonElement summary = root.GetProperty("summary");
        Assert.Equal(9, summary.GetProperty("payments").GetInt32());
        Assert.Equal("11197.06", summary.GetProperty("principal").GetRawText());
        Assert.Equal("36568.37", summary.GetProperty("interest").GetRawText());
        Assert.Equal("0.00", summary.GetProperty("penalty").GetRawText());
        Assert.Equal("47765.43", summary.GetProperty("total").GetRawText());
        Assert.Equal("988802.94", summary.GetProperty("balance_on_december_31").GetRawText());
        JsonElement deduction = root.GetProperty("housing_loan_interest_deduction");
        Assert.Equal(9, deduction.GetProperty("months").GetInt32());
        Assert.Equal("100", deduction.GetProperty("share_pct").GetRawText());
        Assert.Equal("9000.00", deduction.GetProperty("amount").GetRawText());
        JsonElement form = root.GetProperty("form_1098");
        Assert.Equal("36568.37", form.GetProperty("interest_received").GetRawText());
        Assert.Equal("600.00", form.GetProperty("threshold").GetRawText());
        Assert.True(form.GetProperty("must_report").GetBoolean());
    }

    [Fact]
    public void Csv_is_a_header_and_one_line_and_a_half_share_halves_the_deduction()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--format", "csv", "--share", "50%");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "year,source,as_of,payments,principal,interest,penalty,penalty_interest,compound_interest,fees,total,balance_on_december_31," +
            "deduction_months,deduction_share_pct,deduction_amount,form_1098_interest,form_1098_charges,form_1098_interest_received,form_1098_threshold,form_1098_must_report",
            lines[0]);
        Assert.Equal("2024,schedule,,9,11197.06,36568.37,0.00,0.00,0.00,0.00,47765.43,988802.94,9,50,4500.00,36568.37,0.00,36568.37,600.00,true", lines[1]);
    }

    [Fact]
    public void Markdown_shows_the_three_parts_as_bullet_lists()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2025", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Year 2025, from the schedule (by due date):\n\n- Payments: 12\n- Principal: 15,582.77\n- Interest: 48,104.47\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- Balance on 31 December: 973,220.17\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("tax year 2025, by the schedule:\n\n- Eligible months: 12\n- Share: 100%\n- Deduction: 12,000.00\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- Reporting threshold 600.00: reached, the lender must file Form 1098\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deduction_stops_at_240_months()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2045", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("housing_loan_interest_deduction").GetProperty("months").GetInt32());
        Assert.Equal("0.00", doc.RootElement.GetProperty("housing_loan_interest_deduction").GetProperty("amount").GetRawText());
        Assert.Equal(12, doc.RootElement.GetProperty("summary").GetProperty("payments").GetInt32());
    }

    [Fact]
    public void With_payments_the_year_comes_from_the_account_to_the_as_of_date()
    {
        string payments = SpecFiles.Write(FourPayments, ".csv");
        CliResult result = CliRunner.Run("statement", "--spec", Overdue, "--payments", payments, "--year", "2024", "--as-of", "2024-07-31");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            $"Year 2024, from the account as of 2024-07-31 (--as-of, before the end of the year: the year to date), --payments '{payments}' by the day each was applied:\n" +
            "  Payments received: 4\n  Principal: 4,925.81\n  Interest: 16,303.27\n  Penalty interest (罚息): 7.50\n  Compound interest (复利): 25.01\n" +
            "  Fees (late fees and charges): 0.00\n  Total paid: 21,261.59\n  Principal owed on 31 December (payments to 2024-07-31): 995,074.19\n",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Eligible months: 9\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Charges reported as interest: 32.51\n  Mortgage interest received (box 1): 16,335.78\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_specs_payments_give_the_account_at_the_end_of_the_year()
    {
        // overdue-account.json records that nothing was paid: the account, not the schedule, answers.
        CliResult result = CliRunner.Run("statement", "--spec", Overdue, "--year", "2024", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("account", root.GetProperty("source").GetString());
        Assert.Equal("2024-12-31", root.GetProperty("as_of").GetString());
        Assert.False(root.GetProperty("year_to_date").GetBoolean());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("payments").GetInt32());
        Assert.Equal("1000000.00", root.GetProperty("summary").GetProperty("balance_on_december_31").GetRawText());
        Assert.Equal("0.00", root.GetProperty("form_1098").GetProperty("interest_received").GetRawText());
        Assert.False(root.GetProperty("form_1098").GetProperty("must_report").GetBoolean());
        Assert.Equal(9, root.GetProperty("housing_loan_interest_deduction").GetProperty("months").GetInt32());
    }

    [Fact]
    public void A_leg_of_a_combined_spec_is_named()
    {
        CliResult result = CliRunner.Run("statement", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json"), "--leg", "provident-fund", "--year", "2026", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("provident-fund", doc.RootElement.GetProperty("leg").GetString());
        Assert.Equal(12, doc.RootElement.GetProperty("summary").GetProperty("payments").GetInt32());
    }

    [Fact]
    public void The_output_goes_to_a_file()
    {
        string output = SpecFiles.Write("old", ".json");
        CliResult result = CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--format", "json", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("9000.00", doc.RootElement.GetProperty("housing_loan_interest_deduction").GetProperty("amount").GetRawText());
    }

    [Fact]
    public void A_missing_year_is_bad_input() =>
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1), "error: Option '--year' is required; see 'mortgage statement --help'.");

    [Theory]
    [InlineData("2060", "error: --year: The year must be from 2024 to 2054 (the years of the schedule); was 2060.")]
    [InlineData("2023", "error: --year: The year must be from 2024 to 2054 (the years of the schedule); was 2023.")]
    [InlineData("twenty", "error: --year 'twenty' is not a year; write a whole number, e.g. --year 2025.")]
    public void A_year_outside_the_loan_names_the_range(string year, string expected) =>
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1, "--year", year), expected);

    [Fact]
    public void A_year_after_the_as_of_date_names_both_options() =>
        AssertOneErrorLine(
            CliRunner.Run("statement", "--spec", Overdue, "--year", "2025", "--as-of", "2024-07-31"),
            "error: --year/--as-of: The year must be from 2024 to 2024 (the years of the account (to its as-of date)); was 2025.");

    [Theory]
    [InlineData("30%", "error: --share: The share must be 100%, or 50% where spouses who each bought a home before marriage each deduct for one of them.")]
    [InlineData("half", "error: --share 'half' is not a percentage; write 100% or 50%.")]
    [InlineData("50", "error: --share '50' is not a percentage; write 100% or 50%.")]
    public void A_bad_share_is_bad_input(string share, string expected) =>
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--share", share), expected);

    [Fact]
    public void As_of_without_payments_is_bad_input() =>
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--as-of", "2024-06-30"), "error: --as-of applies to the account");

    [Fact]
    public void A_bad_payments_line_names_the_line()
    {
        string file = SpecFiles.Write("date,amount\n2024-04-20,abc\n", ".csv");
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1, "--payments", file, "--year", "2024"), $"error: --payments '{file}' line 2: 'abc' is not an amount");
    }

    [Fact]
    public void A_bad_format_leaves_the_output_file_alone()
    {
        string output = SpecFiles.Write("old", ".txt");
        AssertOneErrorLine(CliRunner.Run("statement", "--spec", Tv1, "--year", "2024", "--format", "xml", "--output", output), "error: --format 'xml' is not a format");
        Assert.Equal("old", File.ReadAllText(output));
    }
}
