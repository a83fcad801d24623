using System.Text;
using System.Text.Json;

namespace MortgageMath.Tests.Cli;

public class SpecTests
{
    /// <summary>TV-8's rate file: the LPR 4.20% from 2022-01-20 and 3.95% from 2023-12-20, nothing else.</summary>
    private const string Tv8Rates = """
        index,effective_date,rate_pct,source
        lpr5y,2022-01-20,4.20,TV-8
        lpr5y,2023-12-20,3.95,TV-8
        """;

    private const string Tv8Spec = """
        {
          "version": 1,
          "principal": 1000000,
          "disbursement": "2022-12-20",
          "months": 360,
          "rate": { "type": "floating", "index": "lpr5y", "spread": "+0bp", "repricing": { "rule": "january-1" } },
          "rates": { "assume_unchanged_until": "2060-01-01" }
        }
        """;

    private static CliResult RunTv8(params string[] extra) =>
        CliRunner.Run(["schedule", "--spec", SpecFiles.Write(Tv8Spec), "--rates", SpecFiles.Write(Tv8Rates, ".csv"), .. extra]);

    [Fact]
    public void Tv8_row_13_splits_the_period_at_the_repricing()
    {
        CliResult result = RunTv8("--format", "csv");

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("12,2023-12-20,4.2,984437.69,4890.17,1444.64,3445.53,982993.05", lines[12]);
        Assert.Equal("13,2024-01-20,3.95,982993.05,4938.80,1513.34,3425.46,981479.71", lines[13]);
        Assert.StartsWith("14,2024-02-20,3.95,981479.71,4749.03,", lines[14], StringComparison.Ordinal);
    }

    [Fact]
    public void Tv8_json_has_rate_segments_on_the_straddled_row_and_the_rate_changes()
    {
        CliResult result = RunTv8("--format", "json");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;

        JsonElement changes = root.GetProperty("rate_changes");
        Assert.Equal(2, changes.GetArrayLength());
        Assert.Equal("2022-12-20", changes[0].GetProperty("date").GetString());
        Assert.Equal("4.2", changes[0].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("2024-01-01", changes[1].GetProperty("date").GetString());
        Assert.Equal("3.95", changes[1].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("repricing: lpr5y 3.95% +0bp", changes[1].GetProperty("reason").GetString());

        JsonElement rows = root.GetProperty("rows");
        Assert.False(rows[11].TryGetProperty("rate_segments", out _));
        Assert.False(rows[13].TryGetProperty("rate_segments", out _));
        JsonElement segments = rows[12].GetProperty("rate_segments");
        Assert.Equal(2, segments.GetArrayLength());
        Assert.Equal("2023-12-20", segments[0].GetProperty("from").GetString());
        Assert.Equal("2024-01-01", segments[0].GetProperty("until").GetString());
        Assert.Equal(12, segments[0].GetProperty("days").GetInt32());
        Assert.Equal("4.2", segments[0].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal(19, segments[1].GetProperty("days").GetInt32());
        Assert.Equal("3.95", segments[1].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("4938.80", rows[12].GetProperty("payment").GetRawText());
    }

    [Fact]
    public void Tv8_table_and_markdown_show_both_rates_and_list_the_changes()
    {
        string table = RunTv8().Stdout;
        Assert.Contains(" 4.2→3.95 ", table, StringComparison.Ordinal);
        Assert.Contains("Rate changes (effective date, annual rate, reason):\n", table, StringComparison.Ordinal);
        Assert.Contains("  2024-01-01  3.95%  repricing: lpr5y 3.95% +0bp\n", table, StringComparison.Ordinal);
        Assert.Contains("Monthly payment (rounded annuity payment, at the rate at disbursement 4.2%): 4,890.17\n", table, StringComparison.Ordinal);

        string markdown = RunTv8("--format", "markdown").Stdout;
        Assert.Contains("| 13 | 2024-01-20 | 4.2→3.95 | 982,993.05 | 4,938.80 | 1,513.34 | 3,425.46 | 981,479.71 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2024-01-01 | 3.95 | repricing: lpr5y 3.95% +0bp |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_spec_gives_the_flag_commands_csv_byte_for_byte()
    {
        string spec = SpecFiles.Write("""
            { "version": 1, "principal": "1000000.00", "disbursement": "2024-03-20", "years": 30,
              "rate": { "type": "fixed", "annual": "490bp" } }
            """);

        CliResult fromSpec = CliRunner.Run("schedule", "--spec", spec, "--format", "csv");
        CliResult fromFlags = CliRunner.Run(CliRunner.Tv1With("--format", "csv"));

        Assert.Equal(0, fromSpec.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(fromFlags.Stdout), Encoding.UTF8.GetBytes(fromSpec.Stdout));
        Assert.Equal(CliRunner.Run(CliRunner.Tv1).Stdout, CliRunner.Run("schedule", "--spec", spec).Stdout);
    }

    [Fact]
    public void Every_option_of_a_spec_is_applied()
    {
        string spec = SpecFiles.Write("""
            {
              "version": 1, "principal": 120000, "disbursement": "2024-03-10", "months": 12,
              "repayment_day": 20, "first_due_date": "2024-04-20", "method": "equal-principal",
              "rounding": { "decimal_places": 2, "mode": "half-even" }, "day_count": "actual/365",
              "odd_first_period": "keep-regular-payment", "rate_change_interest": "new-rate-for-whole-period",
              "rate": { "type": "fixed", "annual": "3.1%" }
            }
            """);

        CliResult result = CliRunner.Run("schedule", "--spec", spec, "--format", "json");

        Assert.Equal("", result.Stderr);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement loan = doc.RootElement.GetProperty("loan");
        Assert.Equal("equal-principal", loan.GetProperty("method").GetString());
        Assert.Equal(20, loan.GetProperty("repayment_day").GetInt32());
        Assert.Equal("2024-04-20", loan.GetProperty("first_due_date").GetString());
    }

    [Fact]
    public void Stepped_and_provident_fund_plans_build()
    {
        string stepped = SpecFiles.Write("""
            { "version": 1, "principal": 500000, "disbursement": "2024-03-20", "years": 20,
              "rate": { "type": "stepped", "first": { "type": "fixed", "annual": "3.2%" }, "periods": 36,
                        "then": { "type": "fixed", "annual": "4.1%" } } }
            """);
        CliResult result = CliRunner.Run("schedule", "--spec", stepped, "--format", "csv");
        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("36,2027-03-20,3.2,", lines[36], StringComparison.Ordinal);
        Assert.StartsWith("37,2027-04-20,4.1,", lines[37], StringComparison.Ordinal);

        string pf = SpecFiles.Write("""
            { "version": 1, "principal": 600000, "disbursement": "2024-03-20", "years": 30,
              "rate": { "type": "provident-fund", "index": "pf-first-gt5y" },
              "rates": { "assume_unchanged_until": "2060-01-01" } }
            """);
        result = CliRunner.Run("schedule", "--spec", pf, "--format", "csv");
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("1,2024-04-20,3.1,", result.Stdout.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_fixings_and_custom_indexes_extend_the_table()
    {
        string spec = SpecFiles.Write("""
            { "version": 1, "principal": 100000, "disbursement": "2024-03-20", "months": 24,
              "rate": { "type": "floating", "index": "my-base", "spread": "50bp", "repricing": { "rule": "every-months", "months": 12 } },
              "rates": { "fixings": [ { "index": "my-base", "date": "2024-01-01", "rate": "3%" },
                                      { "index": "my-base", "date": "2025-01-01", "rate": "2.5%" } ],
                         "assume_unchanged_until": "2030-01-01" } }
            """);

        CliResult result = CliRunner.Run("schedule", "--spec", spec, "--format", "csv");

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("1,2024-04-20,3.5,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("13,2025-04-20,3,", lines[13], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> SpecErrors => new()
    {
        { "missing version", """{ "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.version: required" },
        { "version 4", """{ "version": 4, "principal": 1000000, "balloon": 5, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.version: this tool reads spec versions 1 to 3; the file is version 4; upgrade the tool." },
        { "version 0", """{ "version": 0 }""", "error: $.version: must be from 1 to 3; was 0." },
        { "version as string", """{ "version": "1" }""", "error: $.version: expected a whole number" },
        { "unknown property", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "sprad": "-30bp", "repricing": { "rule": "january-1" } } }""", "error: $.rate.sprad: unknown property; the properties of a floating rate (spec version 1) are type, index, spread, repricing, floor." },
        { "unknown root property", """{ "version": 1, "Principal": 1000000 }""", "error: $.Principal: unknown property (did you mean 'principal'?)" },
        { "bare spread", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "spread": "30", "repricing": { "rule": "january-1" } } }""", "error: $.rate.spread: '30' has no unit; write 30bp or 0.3%." },
        { "bare annual rate", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9" } }""", "error: $.rate.annual: '4.9' has no unit; write 4.9% or 490bp." },
        { "rate as number", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": 4.9 } }""", "error: $.rate.annual: 4.9 has no unit; write \"4.9%\" or \"490bp\"" },
        { "negative fixed rate", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "-1%" } }""", "error: $.rate.annual: The annual rate must be between 0% and 100%; was -1%." },
        { "bad date", """{ "version": 1, "principal": 1000000, "disbursement": "2024-02-30", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.disbursement: '2024-02-30' is not a valid date; write yyyy-MM-dd" },
        { "unknown index", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr6y", "spread": "0bp", "repricing": { "rule": "january-1" } } }""", "error: $.rate.index: 'lpr6y' is not a known index; use one of lpr1y, lpr5y," },
        { "missing term", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.months: the term is missing" },
        { "both months and years", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.years: give the term once" },
        { "months 601", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 601, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.months: must be between 1 and 600; was 601." },
        { "negative principal", """{ "version": 1, "principal": -5, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.principal: Principal must be greater than 0" },
        { "principal with comma", """{ "version": 1, "principal": "1,000,000", "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.principal: \"1,000,000\" is not an amount" },
        { "principal too precise", """{ "version": 1, "principal": 1000.005, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.principal: Principal 1000.005 has more decimal places" },
        { "missing rate", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30 }""", "error: $.rate: required" },
        { "unknown rate type", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "variable" } }""", "error: $.rate.type: 'variable' is not a rate type" },
        { "unknown repricing rule", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "monthly" } } }""", "error: $.rate.repricing.rule: 'monthly' is not a repricing rule" },
        { "repricing cycle 0", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "every-months", "months": 0 } } }""", "error: $.rate.repricing.months: A repricing cycle must be between 1 and 120 months; was 0." },
        { "stepped periods 0", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "stepped", "first": { "type": "fixed", "annual": "3%" }, "periods": 0, "then": { "type": "fixed", "annual": "4%" } } }""", "error: $.rate.periods: A step must last between 1 and 599 periods; was 0." },
        { "nested rate error", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "stepped", "first": { "type": "fixed", "annual": "3%" }, "periods": 12, "then": { "type": "fixed", "anual": "4%" } } }""", "error: $.rate.then.anual: unknown property" },
        { "unknown event type", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "prepay", "date": "2025-01-01" } ] }""", "error: $.events[0].type: 'prepay' is not an event type" },
        { "spread change on a fixed loan", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "fixed-rate", "date": "2025-01-01", "annual": "4%" }, { "type": "spread-change", "date": "2025-10-25", "spread": "-30bp" } ] }""", "error: $.events[1]: A spread change on 2025-10-25 needs a floating rate, but the loan is on a fixed rate then." },
        // Two events on one date: the path comes from the exception's EventIndex, not from the date in the message.
        { "the second of two events on one date", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "fixed-rate", "date": "2025-10-25", "annual": "4%" }, { "type": "spread-change", "date": "2025-10-25", "spread": "-30bp" } ] }""", "error: $.events[1]: A spread change on 2025-10-25 needs a floating rate" },
        { "the second of two prepayments on one date", """{ "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 1000, "option": "lower-payment" }, { "type": "prepayment", "date": "2025-03-20", "amount": 2000000, "option": "lower-payment" } ] }""", "error: $.events[1]: The prepayment of 2000000 on 2025-03-20 is more than the balance then" },
        { "event after maturity", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 12, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "fixed-rate", "date": "2030-01-01", "annual": "4%" } ] }""", "error: $.events[0]: A rate event must fall after disbursement" },
        { "event date missing", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "fixed-rate", "annual": "4%" } ] }""", "error: $.events[0].date: required" },
        { "bad rounding mode", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rounding": { "mode": "up" }, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.rounding.mode: 'up' is not allowed; write half-up, half-even or truncate." },
        { "bad day count", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "day_count": "30/360", "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.day_count: '30/360' is not allowed; write actual/360 or actual/365." },
        { "first due date off the repayment day", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "first_due_date": "2024-04-21", "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.first_due_date: The first due date 2024-04-21 is not on the repayment day 20" },
        { "repayment day 32", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "repayment_day": 32, "rate": { "type": "fixed", "annual": "4.9%" } }""", "error: $.repayment_day: The repayment day must be between 1 and 31; was 32." },
        { "property given twice", """{ "version": 1, "principal": 1, "principal": 2 }""", "error: $.principal: given twice" },
        { "not an object", """[1, 2]""", "error: $: a loan spec is a JSON object" },
        { "missing fixing", """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "january-1" } } }""", "error: No lpr5y fixing is known for 2027-01-01: the rate table is as of 2026-03-20; give the fixings with --rates FILE" },
    };

    [Theory]
    [MemberData(nameof(SpecErrors))]
    public void A_bad_spec_names_the_json_path_and_exits_2(string name, string json, string expectedStart)
    {
        CliResult result = CliRunner.Run("schedule", "--spec", SpecFiles.Write(json), "--format", "csv");

        Assert.True(result.ExitCode == 2, $"{name}: exit code {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        string[] lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        string file = SpecFiles.Write("{\n  \"version\": 1,\n  \"principal\": 1000000,\n}\n");

        CliResult result = CliRunner.Run("schedule", "--spec", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {file}: line 4, column 1: not valid JSON:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--principal", "1000000")]
    [InlineData("--rate", "4.9%")]
    [InlineData("--years", "30")]
    [InlineData("--months", "360")]
    [InlineData("--method", "equal-principal")]
    [InlineData("--start", "2024-03-20")]
    [InlineData("--payment-day", "20")]
    public void Loan_term_options_conflict_with_spec(string option, string value)
    {
        CliResult result = CliRunner.Run("schedule", "--spec", SpecFiles.Write(Tv8Spec), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {option} cannot be combined with --spec: the spec file describes the whole loan; change the loan in the file (see docs/loan-spec.md).\n", result.Stderr);
    }

    [Fact]
    public void Rates_without_spec_is_an_error()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--rates", SpecFiles.Write(Tv8Rates, ".csv")));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --rates applies to a loan spec (--spec FILE)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_spec_file_or_a_bad_rate_file_is_an_error()
    {
        CliResult missing = CliRunner.Run("schedule", "--spec", Path.Combine(Path.GetTempPath(), "no-such-loan.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: --spec '", missing.Stderr, StringComparison.Ordinal);

        CliResult badRates = CliRunner.Run("schedule", "--spec", SpecFiles.Write(Tv8Spec), "--rates", SpecFiles.Write("index,date,rate\n", ".csv"));
        Assert.Equal(2, badRates.ExitCode);
        Assert.Contains("the header must be exactly 'index,effective_date,rate_pct,source'", badRates.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_example_file_parses_and_builds()
    {
        string[] files = Directory.GetFiles(SpecFiles.ExamplesDirectory(), "*.json");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            CliResult result = CliRunner.Run("schedule", "--spec", file, "--format", "json");
            Assert.True(result.ExitCode == 0, $"{Path.GetFileName(file)}: {result.Stderr}");
            using JsonDocument doc = JsonDocument.Parse(result.Stdout);
            JsonElement last = doc.RootElement.GetProperty("rows").EnumerateArray().Last();
            JsonElement closing = doc.RootElement.TryGetProperty("combined", out _)
                ? last.GetProperty("total").GetProperty("closing_balance") // a combined loan (docs/examples/combined-tv9.json)
                : last.GetProperty("closing_balance");
            Assert.Equal("0.00", closing.GetRawText());
        }
    }

    [Fact]
    public void The_lpr_example_applies_the_2024_spread_change_to_the_old_index_value()
    {
        string file = Path.Combine(SpecFiles.ExamplesDirectory(), "lpr-spread-change.json");
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("schedule", "--spec", file, "--format", "json").Stdout);

        JsonElement change = doc.RootElement.GetProperty("rate_changes").EnumerateArray()
            .Single(c => c.GetProperty("date").GetString() == "2024-10-25");
        Assert.Equal("3.9", change.GetProperty("annual_rate_pct").GetRawText());
    }

    [Fact]
    public void The_benchmark_example_converts_to_lpr_plus_59bp()
    {
        string file = Path.Combine(SpecFiles.ExamplesDirectory(), "benchmark-to-lpr.json");
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("schedule", "--spec", file, "--format", "json").Stdout);

        JsonElement[] changes = [.. doc.RootElement.GetProperty("rate_changes").EnumerateArray()];
        Assert.Equal("5.39", changes[0].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("2020-03-01", changes[1].GetProperty("date").GetString()); // the conversion, rate unchanged
        Assert.Equal("5.39", changes[1].GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("converted to LPR: lpr5y 4.8% +59bp", changes[1].GetProperty("reason").GetString());
        Assert.Equal("2021-01-01", changes[2].GetProperty("date").GetString());
        Assert.Equal("repricing: lpr5y 4.65% +59bp", changes[2].GetProperty("reason").GetString());
    }
}
