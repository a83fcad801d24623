using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// The tool reads the version-3 spec forms of issue 13: a term change (docs/examples/term-extension.json), an extension
/// beyond its limit as one error line, and a rate priced as a multiple of the benchmark
/// (docs/examples/benchmark-multiplier-to-lpr.json).
/// </summary>
public class RestructuringSpecCliTests
{
    private static string Example(string name) => Path.Combine(SpecFiles.ExamplesDirectory(), name);

    private static string TwentyYearsExtendedBy(int months, int term = 240, string limits = "") => SpecFiles.Write($$"""
        { "version": 3, "principal": 1000000, "disbursement": "2024-03-20", "months": {{term}}, "rate": { "type": "fixed", "annual": "4.9%" },
          "events": [ { "type": "term-change", "date": "2025-03-20", "extend_months": {{months}}{{limits}} } ] }
        """);

    private static void AssertOneError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Fact]
    public void The_term_extension_example_pays_6009_31_from_period_13()
    {
        CliResult csv = CliRunner.Run("schedule", "--spec", Example("term-extension.json"), "--format", "csv");
        Assert.Equal("", csv.Stderr);
        Assert.Equal(0, csv.ExitCode);
        string[] lines = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("12,2025-03-20,4.9,972368.27,6544.44,2573.94,3970.50,969794.33", lines[12], StringComparison.Ordinal);
        Assert.StartsWith("13,2025-04-20,4.9,969794.33,6009.31,2049.32,3959.99,967745.01", lines[13], StringComparison.Ordinal);
        Assert.StartsWith("275,", lines[^2], StringComparison.Ordinal);
        Assert.Contains(",6009.31,", lines[^2], StringComparison.Ordinal);
        Assert.StartsWith("276,2047-03-20,", lines[^1], StringComparison.Ordinal);

        // The table shows the same rows.
        CliResult table = CliRunner.Run("schedule", "--spec", Example("term-extension.json"));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("│     12 │ 2025-03-20 │    4.9 │      972,368.27 │     6,544.44 │     2,573.94 │   3,970.50 │      969,794.33 │", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("│     13 │ 2025-04-20 │    4.9 │      969,794.33 │     6,009.31 │     2,049.32 │   3,959.99 │      967,745.01 │", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_loan_spec_md_shows_are_what_the_tool_prints()
    {
        string doc = File.ReadAllText(Path.Combine(SpecFiles.ExamplesDirectory(), "..", "loan-spec.md")).ReplaceLineEndings("\n");
        const string Intro = "`mortgage schedule --spec docs/examples/term-extension.json` prints, around the change:";
        int at = doc.IndexOf(Intro, StringComparison.Ordinal);
        Assert.True(at >= 0, "the intro line is missing from loan-spec.md");
        int start = doc.IndexOf('\n', doc.IndexOf("```", at, StringComparison.Ordinal)) + 1;
        string shown = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        CliResult result = CliRunner.Run("schedule", "--spec", Example("term-extension.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(shown, result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_beyond_the_general_loan_rules_is_one_error_naming_the_limit()
    {
        AssertOneError(
            CliRunner.Run("schedule", "--spec", TwentyYearsExtendedBy(37)),
            "error: $.events[0]: The term change 2025-03-20: extend by 37 extends the loan by 37 periods in all; 贷款通则 art. 12 allows at most 36 for an original term of 240 (the term up to 12 months, half of it up to 60, else 36).");
    }

    [Fact]
    public void An_extension_beyond_the_product_maximum_is_one_error_naming_the_limit()
    {
        AssertOneError(
            CliRunner.Run("schedule", "--spec", TwentyYearsExtendedBy(24, term: 348), "--format", "csv"),
            "error: $.events[0]: The term change 2025-03-20: extend by 24 makes the term 372 periods in all; the product allows at most 360.");

        // Without limits the same file builds: 372 rows.
        CliResult free = CliRunner.Run("schedule", "--spec", TwentyYearsExtendedBy(24, term: 348, limits: ", \"limits\": \"none\""), "--format", "csv");
        Assert.Equal(0, free.ExitCode);
        Assert.StartsWith("372,", free.Stdout.TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_beyond_the_limit_in_prepay_is_one_error_too()
    {
        AssertOneError(
            CliRunner.Run("prepay", "--spec", TwentyYearsExtendedBy(37), "--date", "2026-03-20", "--amount", "100000"),
            "error: $.events[0]: The term change 2025-03-20: extend by 37 extends the loan by 37 periods in all; 贷款通则 art. 12 allows at most 36 for an original term of 240 (the term up to 12 months, half of it up to 60, else 36).");
    }

    [Fact]
    public void A_term_change_in_a_version_2_file_needs_version_3()
    {
        string v2 = SpecFiles.Write(File.ReadAllText(Example("term-extension.json")).Replace("\"version\": 3", "\"version\": 2", StringComparison.Ordinal));
        AssertOneError(
            CliRunner.Run("schedule", "--spec", v2),
            "error: $.events[0]: a term-change event needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning).");
    }

    [Fact]
    public void Spread_and_multiplier_together_are_one_error()
    {
        string both = SpecFiles.Write("""
            { "version": 3, "principal": 1000000, "disbursement": "2015-06-15", "months": 240,
              "rate": { "type": "floating", "index": "pboc-5y", "spread": "+49bp", "multiplier": "x1.1", "repricing": { "rule": "january-1" } } }
            """);
        AssertOneError(
            CliRunner.Run("schedule", "--spec", both),
            "error: $.rate.multiplier: give either \"spread\" (the index plus a spread, e.g. \"+49bp\") or \"multiplier\" (the index times a factor, e.g. \"x1.1\"), not both.");
    }

    [Fact]
    public void The_multiplier_example_follows_the_benchmark_times_1_1_then_lpr_plus_59bp()
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Example("benchmark-multiplier-to-lpr.json"), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);

        JsonElement[] changes = [.. doc.RootElement.GetProperty("rate_changes").EnumerateArray()];
        (string Date, string Rate, string Reason) Change(int k) => (
            changes[k].GetProperty("date").GetString()!, changes[k].GetProperty("annual_rate_pct").GetRawText(), changes[k].GetProperty("reason").GetString()!);

        Assert.Equal(("2015-06-15", "6.215", "at disbursement: pboc-5y 5.65% x1.1"), Change(0));
        Assert.Equal(("2016-01-01", "5.39", "repricing: pboc-5y 4.9% x1.1"), Change(1));
        Assert.Equal(("2020-03-01", "5.39", "converted to LPR: lpr5y 4.8% +59bp"), Change(2));
        Assert.Equal(("2021-01-01", "5.24", "repricing: lpr5y 4.65% +59bp"), Change(3));

        JsonElement[] rows = [.. doc.RootElement.GetProperty("rows").EnumerateArray()];
        Assert.Equal(240, rows.Length);
        Assert.Equal("6.215", rows[0].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("0.00", rows[^1].GetProperty("closing_balance").GetRawText());
    }
}

/// <summary>The tool shows an arrears capitalization and a payment deferral (docs/examples/arrears-capitalization.json).</summary>
public class ArrearsEventsCliTests
{
    [Fact]
    public void The_capitalization_example_shows_the_capitalized_row_and_the_deferred_ones()
    {
        string spec = Path.Combine(SpecFiles.ExamplesDirectory(), "arrears-capitalization.json");
        CliResult csv = CliRunner.Run("schedule", "--spec", spec, "--format", "csv");
        Assert.Equal("", csv.Stderr);
        Assert.Equal(0, csv.ExitCode);
        string[] lines = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance,kind,penalty,deferred_interest,capitalized_interest", lines[0]);
        Assert.Equal("12,2025-03-20,4.9,969794.33,0.00,0.00,0.00,982920.62,capitalization,0.00,0.00,13126.29", lines[13]);
        Assert.StartsWith("13,2025-04-20,4.9,982920.62,6633.02,", lines[14], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l.Contains(",deferred,", StringComparison.Ordinal)));
        Assert.StartsWith("25,2026-04-20,4.9,", lines.Single(l => l.StartsWith("25,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",deferred,", lines.Single(l => l.StartsWith("25,", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The account of the same loan shows the capitalization as a ledger line, and is current.
        string payments = string.Join(", ", Enumerable.Range(0, 10).Select(k => $$"""{ "date": "{{new NodaTime.LocalDate(2024, 4, 20).PlusMonths(k):yyyy-MM-dd}}", "amount": 6544.44 }"""));
        string withPayments = SpecFiles.Write(File.ReadAllText(spec).TrimEnd().TrimEnd('}') + $", \"payments\": [ {payments} ] }}");
        CliResult account = CliRunner.Run("account", "--spec", withPayments, "--as-of", "2025-03-20");
        Assert.Equal(0, account.ExitCode);
        Assert.Contains("  2025-03-20 capitalized 13,126.29: #11 penalty-interest 14.65, #11 compound-interest 22.76,", account.Stdout, StringComparison.Ordinal);
        Assert.Contains("Days past due: 0", account.Stdout, StringComparison.Ordinal);
        Assert.Contains("Payoff amount: 982,920.62", account.Stdout, StringComparison.Ordinal);

        CliResult payoff = CliRunner.Run("payoff", "--spec", spec, "--date", "2026-08-20", "--format", "json");
        Assert.Equal(0, payoff.ExitCode);
        Assert.Contains("\"deferred_payments\": 19899.06", payoff.Stdout, StringComparison.Ordinal);
    }
}
