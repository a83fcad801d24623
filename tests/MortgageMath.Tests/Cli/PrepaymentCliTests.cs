using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary>Spec version 2 (prepayments, penalties, rules, balloon and interest-first), and the prepay and payoff commands.</summary>
public class PrepaymentCliTests
{
    private static readonly string[] Tv1Loan = ["--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20"];

    /// <summary>The TV-1 loan as a version-2 spec with the given extra members (each starting with a comma).</summary>
    private static string Tv1Spec(string extra, int version = 2) => $$"""
        { "version": {{version}}, "principal": 1000000, "disbursement": "2024-03-20", "years": 30,
          "rate": { "type": "fixed", "annual": "4.9%" }{{extra}} }
        """;

    private const string Tv7aEvent = """
        , "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": "shorten-term" } ]
        """;

    private static string Example(string name) => Path.Combine(SpecFiles.ExamplesDirectory(), name);

    private static CliResult Schedule(string json, params string[] extra) =>
        CliRunner.Run(["schedule", "--spec", SpecFiles.Write(json), .. extra]);

    private static void AssertOneErrorLine(CliResult result, string expectedStart)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.Stderr}, stdout: {result.Stdout}");
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ examples

    [Fact]
    public void The_payment_holiday_example_skips_two_payments_and_capitalizes_their_interest()
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Example("payment-holiday.json"), "--format", "csv");

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(MortgageMath.Serialization.ScheduleFormat.CsvHeader + ",kind,penalty,deferred_interest,capitalized_interest", lines[0]);
        Assert.Equal("3,2024-06-20,4.9,997547.13,0.00,0.00,0.00,1001620.45,holiday,0.00,4073.32,4073.32", lines[3]);
        Assert.StartsWith("4,2024-07-20,4.9,1001620.45,0.00,0.00,0.00,", lines[4], StringComparison.Ordinal);
        Assert.EndsWith(",holiday,0.00,4089.95,4089.95", lines[4], StringComparison.Ordinal);
        Assert.Equal(361, lines.Length); // the term is unchanged
        Assert.Contains(",0.00,regular,0.00,0.00,0.00", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_holiday_needs_version_2_and_a_policy()
    {
        string holiday = """
            , "events": [ { "type": "payment-holiday", "date": "2024-06-20", "skipped_interest": "capitalized" } ]
            """;
        CliResult v1 = CliRunner.Run(["schedule", "--spec", SpecFiles.Write(Tv1Spec(holiday, version: 1))]);
        Assert.Equal(2, v1.ExitCode);
        Assert.StartsWith("error: $.events[0]: a payment-holiday event needs spec version 2", v1.Stderr, StringComparison.Ordinal);

        string bad = """
            , "events": [ { "type": "payment-holiday", "date": "2024-06-20", "skipped_interest": "forgiven" } ]
            """;
        CliResult policy = CliRunner.Run(["schedule", "--spec", SpecFiles.Write(Tv1Spec(bad))]);
        Assert.Equal(2, policy.ExitCode);
        Assert.StartsWith("error: $.events[0].skipped_interest: 'forgiven' is not a skipped-interest policy", policy.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tv7a_example_prepays_200000_and_shortens_the_term()
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Example("prepayment-tv7a.json"), "--format", "csv");

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(MortgageMath.Serialization.ScheduleFormat.CsvHeader + ",kind,penalty", lines[0]);
        Assert.Equal("12,2025-03-20,4.9,986258.44,5307.27,1280.05,4027.22,984978.39,regular,0.00", lines[12]);
        Assert.Equal("12,2025-03-20,4.9,984978.39,200000.00,200000.00,0.00,784978.39,prepayment,0.00", lines[13]);
        Assert.StartsWith("13,2025-04-20,4.9,784978.39,5297.25,", lines[14], StringComparison.Ordinal);
        Assert.Equal(242, lines.Length); // header + 240 regular rows + the prepayment row
        Assert.Equal("240,2044-03-20,4.9,5276.22,5297.76,5276.22,21.54,0.00,regular,0.00", lines[^1]);
    }

    [Fact]
    public void The_balloon_example_pays_6599_56_and_ends_with_a_balloon_of_841148_05()
    {
        CliResult csv = CliRunner.Run("schedule", "--spec", Example("balloon-tv10.json"), "--format", "csv");
        Assert.Equal("", csv.Stderr);
        string[] lines = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.EndsWith(",kind,penalty", lines[0], StringComparison.Ordinal);
        Assert.Equal(61, lines.Length);
        Assert.Equal("1,2024-02-15,5,1000000.00,6599.56,2432.89,4166.67,997567.11,regular,0.00", lines[1]);
        Assert.Equal("60,2029-01-15,5,837657.81,841148.05,837657.81,3490.24,0.00,balloon,0.00", lines[60]);

        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("schedule", "--spec", Example("balloon-tv10.json"), "--format", "json").Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("balloon", root.GetProperty("loan").GetProperty("method").GetString());
        Assert.Equal("balloon", root.GetProperty("rows")[59].GetProperty("kind").GetString());
        Assert.Equal("regular", root.GetProperty("rows")[0].GetProperty("kind").GetString());
        JsonElement quote = root.GetProperty("quote");
        Assert.Equal("6599.56", quote.GetProperty("payment").GetRawText());
        Assert.Equal("841148.19", quote.GetProperty("balloon_payment").GetRawText());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("payment_after_interest_only").ValueKind);

        string table = CliRunner.Run("schedule", "--spec", Example("balloon-tv10.json")).Stdout;
        Assert.Contains("Monthly payment (rounded annuity payment over the amortization term): 6,599.56\n", table, StringComparison.Ordinal);
        Assert.Contains("Balloon payment, formula (balance after 59 payments + a month's interest): 841,148.19\n", table, StringComparison.Ordinal);
        Assert.Contains("Balloon payment, exact schedule: 841,148.05\n", table, StringComparison.Ordinal);
        Assert.Contains("│ balloon │", table, StringComparison.Ordinal);
        Assert.Contains("balloon(240)", table, StringComparison.Ordinal); // RepaymentMethod.ToString(), the canonical text
    }

    [Fact]
    public void The_interest_first_example_pays_2916_67_then_4673_00()
    {
        CliResult csv = CliRunner.Run("schedule", "--spec", Example("interest-first-tv10.json"), "--format", "csv");
        Assert.Equal("", csv.Stderr);
        string[] lines = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(MortgageMath.Serialization.ScheduleFormat.CsvHeader, lines[0]); // every row regular: the issue-2 header
        Assert.Equal("1,2024-02-15,3.5,1000000.00,2916.67,0.00,2916.67,1000000.00", lines[1]);
        Assert.Equal("24,2026-01-15,3.5,1000000.00,2916.67,0.00,2916.67,1000000.00", lines[24]);
        Assert.StartsWith("25,2026-02-15,3.5,1000000.00,4673.00,", lines[25], StringComparison.Ordinal);
        Assert.EndsWith(",0.00", lines[360], StringComparison.Ordinal);

        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("schedule", "--spec", Example("interest-first-tv10.json"), "--format", "json").Stdout);
        JsonElement quote = doc.RootElement.GetProperty("quote");
        Assert.Equal("2916.67", quote.GetProperty("payment").GetRawText());
        Assert.Equal("4673.00", quote.GetProperty("payment_after_interest_only").GetRawText());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("balloon_payment").ValueKind);

        string table = CliRunner.Run("schedule", "--spec", Example("interest-first-tv10.json")).Stdout;
        Assert.Contains("Monthly payment after the interest-only periods (first amortizing payment, rounded): 4,673.00\n", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Kind", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Interest_first_with_equal_principal_and_a_minimum_principal_is_read()
    {
        CliResult result = Schedule(Tv1Spec("""
            , "method": { "type": "interest-first", "interest_only_months": 12, "then": "equal-principal", "minimum_principal": 1 }
            """), "--format", "csv");

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("1,2024-04-20,4.9,1000000.00,4084.33,1.00,4083.33,999999.00", lines[1]);
        Assert.StartsWith("13,2025-04-20,4.9,999988.00,", lines[13], StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ output columns

    [Fact]
    public void Csv_keeps_the_issue_2_header_without_special_rows()
    {
        string[] plain = CliRunner.Run(CliRunner.Tv1With("--format", "csv")).Stdout.Split('\n');
        Assert.Equal("period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance", plain[0]);
        Assert.Equal(8, plain[1].Split(',').Length);
    }

    [Fact]
    public void Json_rows_have_kind_and_penalty_and_totals_the_penalty()
    {
        using JsonDocument plain = JsonDocument.Parse(CliRunner.Run(CliRunner.Tv1With("--format", "json")).Stdout);
        Assert.Equal("regular", plain.RootElement.GetProperty("rows")[0].GetProperty("kind").GetString());
        Assert.Equal("0.00", plain.RootElement.GetProperty("rows")[0].GetProperty("penalty").GetRawText());
        Assert.Equal("0.00", plain.RootElement.GetProperty("totals").GetProperty("penalty").GetRawText());
        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("quote").GetProperty("balloon_payment").ValueKind);

        CliResult result = Schedule(Tv1Spec(Tv7aEvent + """
            , "prepayment_penalty": { "type": "percent-of-amount-by-year", "percents": ["3%", "2%", "1%"] }
            """), "--format", "json");
        Assert.Equal("", result.Stderr);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement row = doc.RootElement.GetProperty("rows")[12];
        Assert.Equal("prepayment", row.GetProperty("kind").GetString());
        Assert.Equal("4000.00", row.GetProperty("penalty").GetRawText());
        Assert.Equal("204000.00", row.GetProperty("payment").GetRawText());
        Assert.Equal("4000.00", doc.RootElement.GetProperty("totals").GetProperty("penalty").GetRawText());
    }

    [Fact]
    public void Table_and_markdown_show_the_kind_and_the_penalty_only_when_there_is_one()
    {
        string spec = Tv1Spec(Tv7aEvent + """
            , "prepayment_penalty": { "type": "months-of-interest", "months": 3, "within_years": 2 }
            """);
        string table = Schedule(spec).Stdout;
        Assert.Contains("  Penalty │", table, StringComparison.Ordinal);
        string prepaymentRow = Assert.Single(table.Split('\n'), l => l.Contains("prepayment", StringComparison.Ordinal) && l.StartsWith('│'));
        Assert.Contains("202,450.00", prepaymentRow, StringComparison.Ordinal);
        Assert.Contains("2,450.00", prepaymentRow, StringComparison.Ordinal);
        Assert.Contains("Total prepayment penalties, exact schedule: 2,450.00\n", table, StringComparison.Ordinal);
        Assert.Contains("Prepayments: 200,000.00 on 2025-03-20, shorten-term", table, StringComparison.Ordinal);

        string markdown = Schedule(spec, "--format", "markdown").Stdout;
        Assert.Contains("| Period | Due date | Rate (%) | Opening balance | Payment | Principal | Interest | Penalty | Closing balance | Kind |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 12 | 2025-03-20 | 4.9 | 984,978.39 | 202,450.00 | 200,000.00 | 0.00 | 2,450.00 | 784,978.39 | prepayment |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("** | **2,450.00** | | |\n", markdown, StringComparison.Ordinal);

        string noPenalty = Schedule(Tv1Spec(Tv7aEvent)).Stdout;
        Assert.Contains("Kind", noPenalty, StringComparison.Ordinal);
        Assert.DoesNotContain("Penalty", noPenalty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payoff_event_ends_the_schedule_with_a_payoff_row()
    {
        CliResult result = Schedule(Tv1Spec("""
            , "events": [ { "type": "payoff", "date": "2025-04-08" } ]
            """), "--format", "csv");

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("13,2025-04-08,4.9,984978.39,987525.65,984978.39,2547.26,0.00,payoff,0.00", lines[^1]);
    }

    // ------------------------------------------------------------------ versions

    [Fact]
    public void A_version_2_file_reads_version_1_content_the_same_way()
    {
        string v1 = Schedule(Tv1Spec("", version: 1), "--format", "csv").Stdout;
        string v2 = Schedule(Tv1Spec("", version: 2), "--format", "csv").Stdout;
        Assert.Equal(v1, v2);
        Assert.Equal(CliRunner.Run(CliRunner.Tv1With("--format", "csv")).Stdout, v2);
    }

    public static TheoryData<string, string> Version1Errors => new()
    {
        { Tv7aEvent, "error: $.events[0]: a prepayment event needs spec version 2" },
        { """, "events": [ { "type": "payoff", "date": "2025-04-08" } ]""", "error: $.events[0]: a payoff event needs spec version 2" },
        { """, "prepayment_interest": "none" """, "error: $.prepayment_interest: \"prepayment_interest\" needs spec version 2" },
        { """, "prepayment_penalty": { "type": "none" } """, "error: $.prepayment_penalty: \"prepayment_penalty\" needs spec version 2" },
        { """, "prepayment_rules": { "minimum_amount": 1 } """, "error: $.prepayment_rules: \"prepayment_rules\" needs spec version 2" },
        { """, "method": { "type": "balloon", "amortization_months": 400 } """, "error: $.method: a repayment method written as an object needs spec version 2" },
    };

    [Theory]
    [MemberData(nameof(Version1Errors))]
    public void Version_2_features_in_a_version_1_file_name_the_path(string extra, string expectedStart) =>
        AssertOneErrorLine(Schedule(Tv1Spec(extra, version: 1), "--format", "csv"), expectedStart);

    [Fact]
    public void A_version_4_file_asks_for_a_newer_tool() =>
        AssertOneErrorLine(Schedule(Tv1Spec("", version: 4)), "error: $.version: this tool reads spec versions 1 to 3; the file is version 4; upgrade the tool.");

    // ------------------------------------------------------------------ penalties and rules

    public static TheoryData<string, string> Penalties => new()
    {
        { """{ "type": "none" }""", "0.00" },
        { """{ "type": "percent-of-amount-by-year", "percents": ["3%", "2%", "1%"] }""", "4000.00" },
        { """{ "type": "months-of-interest", "months": 3 }""", "2450.00" },
        { """{ "type": "months-of-interest", "months": 3, "within_years": 1 }""", "0.00" },
        { """{ "type": "uk-erc", "yearly_allowance": "10%", "percents": ["5%", "4%", "3%", "2%", "1%"] }""", "4054.97" },
        { """{ "type": "sum", "of": [ { "type": "percent-of-amount-by-year", "percents": ["3%", "2%"] }, { "type": "months-of-interest", "months": 1 } ] }""", "4816.67" },
        { """{ "type": "percent-of-amount-by-year", "percents": ["2%", "2%"], "check_us_limit": true }""", "4000.00" },
    };

    [Theory]
    [MemberData(nameof(Penalties))]
    public void Each_penalty_policy_is_read(string penalty, string expected)
    {
        CliResult result = Schedule(Tv1Spec(Tv7aEvent + $", \"prepayment_penalty\": {penalty}"), "--format", "csv");

        Assert.Equal("", result.Stderr);
        string row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains(",prepayment,", StringComparison.Ordinal));
        Assert.EndsWith("," + expected, row, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepayment_interest_is_read()
    {
        string events = """, "events": [ { "type": "prepayment", "date": "2025-04-08", "amount": 200000, "option": "lower-payment" } ]""";
        string onAmount = Schedule(Tv1Spec(events + """, "prepayment_interest": "accrued-on-prepaid-amount" """), "--format", "csv").Stdout;
        Assert.Contains("13,2025-04-08,4.9,984978.39,200517.22,200000.00,517.22,784978.39,prepayment,0.00\n", onAmount, StringComparison.Ordinal);
        string onBalance = Schedule(Tv1Spec(events), "--format", "csv").Stdout;
        Assert.Contains("13,2025-04-08,4.9,984978.39,202547.26,200000.00,2547.26,784978.39,prepayment,0.00\n", onBalance, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RuleViolations => new()
    {
        { """{ "minimum_amount": 300000 }""", "error: $.events[0]: breaks the rule 'minimum prepayment amount': The prepayment of 200000.00 on 2025-03-20 is below the minimum of 300000." },
        { """{ "minimum_payment_multiple": 60 }""", "error: $.events[0]: breaks the rule 'minimum prepayment as a multiple of the payment':" },
        { """{ "allowed_after_months": 13 }""", "error: $.events[0]: breaks the rule 'prepayment lock-in': Prepayments are allowed only from 2025-04-20" },
    };

    [Theory]
    [MemberData(nameof(RuleViolations))]
    public void A_broken_rule_exits_2_naming_the_event_and_the_rule(string rules, string expectedStart) =>
        AssertOneErrorLine(Schedule(Tv1Spec(Tv7aEvent + $", \"prepayment_rules\": {rules}"), "--format", "csv"), expectedStart);

    [Fact]
    public void Rules_that_are_kept_let_the_schedule_through()
    {
        CliResult result = Schedule(Tv1Spec(Tv7aEvent + """
            , "prepayment_rules": { "minimum_amount": 10000, "minimum_payment_multiple": 6, "allowed_after_months": 12 }
            """), "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void The_us_limit_check_names_the_regulation()
    {
        AssertOneErrorLine(
            Schedule(Tv1Spec(Tv7aEvent + """, "prepayment_penalty": { "type": "percent-of-amount-by-year", "percents": ["3%", "3%"], "check_us_limit": true }"""), "--format", "csv"),
            "error: $.events[0]: breaks the rule 'US Regulation Z §1026.43(g) prepayment-penalty limit': The penalty 6000.00");
    }

    public static TheoryData<string, string> V2Errors => new()
    {
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000 } ]""", "error: $.events[0].option: required" },
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": "shorter" } ]""", "error: $.events[0].option: 'shorter' is not allowed; write lower-payment, shorten-term or shorten-term-keep-payment." },
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": { "new_term_months": 0 } } ]""", "error: $.events[0].option.new_term_months: The new term must be between 1 and 600 periods; was 0." },
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": -5, "option": "shorten-term" } ]""", "error: $.events[0].amount: A prepayment must be greater than 0" },
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 2000000, "option": "shorten-term" } ]""", "error: $.events[0]: The prepayment of 2000000 on 2025-03-20 is more than the balance then" },
        { """, "events": [ { "type": "payoff", "date": "2025-04-08" }, { "type": "prepayment", "date": "2025-06-20", "amount": 100, "option": "lower-payment" } ]""", "error: $.events[1]: A prepayment on 2025-06-20 comes after the loan is repaid on 2025-04-08." },
        { """, "events": [ { "type": "payoff", "date": "2025-04-08", "amount": 5 } ]""", "error: $.events[0].amount: unknown property" },
        { """, "prepayment_interest": "daily" """, "error: $.prepayment_interest: 'daily' is not allowed; write accrued-on-balance, accrued-on-prepaid-amount or none." },
        { """, "prepayment_penalty": { "type": "flat" } """, "error: $.prepayment_penalty.type: 'flat' is not a penalty type" },
        { """, "prepayment_penalty": { "type": "percent-of-amount-by-year", "percents": [3] } """, "error: $.prepayment_penalty.percents[0]: 3 has no unit; write \"3%\"" },
        { """, "prepayment_penalty": { "type": "percent-of-amount-by-year", "percents": ["300%"] } """, "error: $.prepayment_penalty.percents[0]: A percentage must be between 0% and 100%; was 300%." },
        { """, "prepayment_penalty": { "type": "months-of-interest", "months": 30 } """, "error: $.prepayment_penalty.months: The months of interest must be between 1 and 24; was 30." },
        { """, "prepayment_penalty": { "type": "sum", "of": [ { "type": "uk-erc", "percents": ["1%"] } ] } """, "error: $.prepayment_penalty.of[0].yearly_allowance: required" },
        { """, "prepayment_penalty": { "type": "none", "check_us_limit": "yes" } """, "error: $.prepayment_penalty.check_us_limit: expected true or false" },
        { """, "prepayment_rules": { "allowed_after_months": -1 } """, "error: $.prepayment_rules.allowed_after_months: The lock-in must be between 0 and 600 months; was -1." },
        { """, "prepayment_rules": { "minimum": 1 } """, "error: $.prepayment_rules.minimum: unknown property" },
        { """, "method": "balloon" """, "error: $.method: 'balloon' is not a repayment method; write equal-installment or equal-principal; a balloon loan is an object" },
        { """, "method": { "type": "balloon" } """, "error: $.method.amortization_months: required" },
        { """, "method": { "type": "balloon", "amortization_months": 240 } """, "error: $.method: A balloon loan's amortization term (240 periods) must be at least its term (360 periods)." },
        { """, "method": { "type": "interest-first", "interest_only_months": 360 } """, "error: $.method: The interest-only periods (360) must be fewer than the loan's periods (360)." },
        { """, "method": { "type": "interest-first", "interest_only_months": 12, "then": "balloon" } """, "error: $.method.then: 'balloon' is not allowed; write equal-installment or equal-principal." },
        { """, "method": { "type": "interest-first", "interest_only_months": 12, "minimum_principal": -1 } """, "error: $.method.minimum_principal: The minimum principal must be between 0" },
    };

    [Theory]
    [MemberData(nameof(V2Errors))]
    public void A_bad_version_2_value_names_its_path(string extra, string expectedStart) =>
        AssertOneErrorLine(Schedule(Tv1Spec(extra), "--format", "csv"), expectedStart);

    // ------------------------------------------------------------------ prepay

    [Fact]
    public void Prepay_shows_the_tv7a_schedule_and_calculator_figures()
    {
        CliResult result = CliRunner.Run(["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "200000"]);

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        string Row(string section, string label)
        {
            int start = Array.FindIndex(lines, l => l.StartsWith(section, StringComparison.Ordinal));
            Assert.True(start >= 0, section);
            return lines.Skip(start).First(l => l.StartsWith("  " + label + " ", StringComparison.Ordinal));
        }

        static string[] Values(string row) => row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];

        Assert.Contains("lower-payment  shorten-term  shorten-term-keep-payment", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["4,229.63", "5,297.25", "5,307.27"], Values(Row("Schedule", "New payment")));
        Assert.Equal(["348", "228", "228"], Values(Row("Schedule", "Payments left after the prepayment")));
        Assert.Equal(["0", "120", "120"], Values(Row("Schedule", "Payments saved")));
        Assert.Equal(["175,019.80", "439,154.37", "440,629.64"], Values(Row("Schedule", "Interest saved")));
        Assert.Equal(["4,226.47", "5,297.76", "1,547.95"], Values(Row("Schedule", "Last payment")));
        Assert.Equal(["0.00", "0.00", "0.00"], Values(Row("Schedule", "Penalties")));
        Assert.Equal(["1,735,595.32", "1,471,460.75", "1,469,985.48"], Values(Row("Schedule", "Total cash out")));

        Assert.Contains("Calculator (closed-form), prepaying right after payment 12:", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["175,019.18", "439,155.64", "440,630.38"], Values(Row("Calculator", "Interest saved")));
        Assert.Equal(["4,229.63", "5,297.25", "5,307.27"], Values(Row("Calculator", "New payment")));
        Assert.Equal(["—", "227.29", "227.29"], Values(Row("Calculator", "Term before rounding up (n*)")));
        Assert.Equal(["4,229.63", "5,297.25", "1,548.95"], Values(Row("Calculator", "Last payment")));
        Assert.Equal(["984,978.41", "984,978.41", "984,978.41"], Values(Row("Calculator", "Balance before")));
        Assert.Contains("the two differ by cents", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepay_json_has_both_sets_of_figures()
    {
        CliResult result = CliRunner.Run(["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "200000", "--format", "json"]);

        Assert.Equal("", result.Stderr);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("200000.00", root.GetProperty("prepayment").GetProperty("amount").GetRawText());
        Assert.Equal(360, root.GetProperty("without_prepayment").GetProperty("regular_payments").GetInt32());
        JsonElement[] options = [.. root.GetProperty("options").EnumerateArray()];
        Assert.Equal(["lower-payment", "shorten-term", "shorten-term-keep-payment"], options.Select(o => o.GetProperty("option").GetString()));

        JsonElement shorten = options[1];
        Assert.Equal("5297.25", shorten.GetProperty("schedule").GetProperty("new_payment").GetRawText());
        Assert.Equal(228, shorten.GetProperty("schedule").GetProperty("payments_after_prepayment").GetInt32());
        Assert.Equal(120, shorten.GetProperty("schedule").GetProperty("periods_saved").GetInt32());
        Assert.Equal("439154.37", shorten.GetProperty("schedule").GetProperty("interest_saved").GetRawText());
        Assert.Equal("439155.64", shorten.GetProperty("calculator").GetProperty("interest_saved").GetRawText());
        Assert.Equal(12, shorten.GetProperty("calculator").GetProperty("payments_made").GetInt32());
        Assert.Equal("227.29", shorten.GetProperty("calculator").GetProperty("exact_remaining_periods").GetRawText());

        Assert.Equal("4229.63", options[0].GetProperty("schedule").GetProperty("new_payment").GetRawText());
        Assert.Equal("175019.80", options[0].GetProperty("schedule").GetProperty("interest_saved").GetRawText());
        Assert.Equal("175019.18", options[0].GetProperty("calculator").GetProperty("interest_saved").GetRawText());
        Assert.Equal("1547.95", options[2].GetProperty("schedule").GetProperty("last_payment").GetRawText());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("calculator_unavailable").ValueKind);
    }

    [Fact]
    public void Prepay_between_due_dates_or_on_a_floating_loan_explains_why_there_are_no_calculator_figures()
    {
        CliResult between = CliRunner.Run(["prepay", .. Tv1Loan, "--date", "2025-04-08", "--amount", "200000", "--option", "lower-payment"]);
        Assert.Equal(0, between.ExitCode);
        Assert.Contains("Calculator (closed-form): not shown: 2025-04-08 is not a due date;", between.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("shorten-term", between.Stdout.Split("\n\n")[1], StringComparison.Ordinal);

        CliResult floating = CliRunner.Run("prepay", "--spec", Example("lpr-spread-change.json"), "--date", "2025-03-20", "--amount", "100000", "--format", "json");
        Assert.Equal("", floating.Stderr);
        using JsonDocument doc = JsonDocument.Parse(floating.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("options")[0].GetProperty("calculator").ValueKind);
        Assert.StartsWith("the loan has events", doc.RootElement.GetProperty("calculator_unavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Prepay_markdown_is_two_pipe_tables()
    {
        CliResult result = CliRunner.Run(["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "200000", "--option", "shorten-term", "--format", "markdown"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("| | shorten-term |\n|---|---:|\n| Interest saved | 439,154.37 |\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Interest saved | 439,155.64 |\n", result.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> PrepayErrors => new()
    {
        { ["prepay", .. Tv1Loan, "--amount", "200000"], "error: Option '--date' is required; see 'mortgage prepay --help'." },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20"], "error: Option '--amount' is required; see 'mortgage prepay --help'." },
        { ["prepay", "--rate", "4.9%", "--years", "30", "--date", "2025-03-20", "--amount", "1"], "error: Option '--principal' is required; see 'mortgage prepay --help'." },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "0"], "error: --amount must be greater than 0" },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "2,000"], "error: --amount '2,000' is not an amount" },
        { ["prepay", .. Tv1Loan, "--date", "2025-02-30", "--amount", "2000"], "error: --date '2025-02-30' is not a valid date" },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "2000000"], "error: --date/--amount: The prepayment of 2000000 on 2025-03-20 is more than the balance then" },
        { ["prepay", .. Tv1Loan, "--date", "2023-03-20", "--amount", "2000"], "error: --date/--amount: A prepayment must fall after disbursement" },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "2000", "--option", "shorter"], "error: --option 'shorter' is not a prepayment option" },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "2000", "--format", "csv"], "error: --format 'csv' is not a format for prepay; write table, json or markdown." },
        { ["prepay", .. Tv1Loan, "--date", "2025-03-20", "--amount", "2000", "--colour"], "error: Unrecognized command or argument '--colour'; see 'mortgage prepay --help'." },
    };

    [Theory]
    [MemberData(nameof(PrepayErrors))]
    public void Prepay_errors_are_one_line(string[] args, string expectedStart) => AssertOneErrorLine(CliRunner.Run(args), expectedStart);

    [Fact]
    public void Prepay_with_a_spec_applies_its_rules_to_the_prepayment()
    {
        string spec = SpecFiles.Write(Tv1Spec(""", "prepayment_rules": { "minimum_amount": 300000 }"""));
        AssertOneErrorLine(
            CliRunner.Run("prepay", "--spec", spec, "--date", "2025-03-20", "--amount", "200000"),
            "error: --date/--amount: breaks the rule 'minimum prepayment amount':");
        AssertOneErrorLine(
            CliRunner.Run("prepay", "--spec", spec, "--principal", "5", "--date", "2025-03-20", "--amount", "200000"),
            "error: --principal cannot be combined with --spec");
    }

    // ------------------------------------------------------------------ payoff

    [Fact]
    public void Payoff_quotes_tv6()
    {
        CliResult result = CliRunner.Run(["payoff", .. Tv1Loan, "--date", "2025-04-08"]);

        Assert.Equal("", result.Stderr);
        Assert.Contains("Payoff on 2025-04-08:\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Balance (after the payments due by then): 984,978.39\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Accrued interest (accrued-on-balance, 19 day(s) since 2025-03-20): 2,547.26\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Penalty (none): 0.00\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Total to pay: 987,525.65\n", result.Stdout, StringComparison.Ordinal);

        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run(["payoff", .. Tv1Loan, "--date", "2025-04-08", "--format", "json"]).Stdout);
        JsonElement payoff = doc.RootElement.GetProperty("payoff");
        Assert.Equal("984978.39", payoff.GetProperty("balance").GetRawText());
        Assert.Equal("2547.26", payoff.GetProperty("accrued_interest").GetRawText());
        Assert.Equal("0.00", payoff.GetProperty("penalty").GetRawText());
        Assert.Equal("987525.65", payoff.GetProperty("total").GetRawText());
        Assert.Equal(19, payoff.GetProperty("days_since_last_due_date").GetInt32());
    }

    [Fact]
    public void Payoff_from_a_spec_charges_its_penalty()
    {
        string spec = SpecFiles.Write(Tv1Spec("""
            , "prepayment_penalty": { "type": "percent-of-amount-by-year", "percents": ["3%", "2%", "1%"] }
            """));
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("payoff", "--spec", spec, "--date", "2025-04-08", "--format", "json").Stdout);
        JsonElement payoff = doc.RootElement.GetProperty("payoff");
        Assert.Equal("19699.57", payoff.GetProperty("penalty").GetRawText()); // 2% of 984,978.39 in loan year 2
        Assert.Equal("1007225.22", payoff.GetProperty("total").GetRawText());
    }

    [Fact]
    public void Payoff_errors_and_a_date_after_maturity()
    {
        AssertOneErrorLine(CliRunner.Run(["payoff", .. Tv1Loan, "--date", "2020-01-01"]), "error: --date: A payoff must fall after disbursement");
        AssertOneErrorLine(CliRunner.Run(["payoff", .. Tv1Loan]), "error: Option '--date' is required; see 'mortgage payoff --help'.");

        CliResult after = CliRunner.Run(["payoff", .. Tv1Loan, "--date", "2060-01-01"]);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("nothing to pay; the loan is repaid by its last due date, 2054-03-20.", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_lists_the_new_commands()
    {
        string help = CliRunner.Run("--help").Stdout;
        Assert.Contains("prepay", help, StringComparison.Ordinal);
        Assert.Contains("payoff", help, StringComparison.Ordinal);

        CliResult prepayHelp = CliRunner.Run("prepay", "--help");
        Assert.Equal(0, prepayHelp.ExitCode);
        foreach (string option in new[] { "--spec", "--principal", "--date", "--amount", "--option", "--format" })
        {
            Assert.Contains(option, prepayHelp.Stdout, StringComparison.Ordinal);
        }
    }
}
