using System.Globalization;
using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary><c>mortgage afford</c>: the explained report, the three solvers, the formats and the errors.</summary>
public class AffordCliTests
{
    private static readonly string[] Tv1Loan = ["--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20"];

    private static CliResult Afford(params string[] extra) => CliRunner.Run(["afford", .. Tv1Loan, .. extra]);

    private static CliResult AffordSpec(string file, params string[] extra) =>
        CliRunner.Run(["afford", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), file), .. extra]);

    private static CliResult Ok(CliResult result)
    {
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        return result;
    }

    private static void AssertError(CliResult result, string contains)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(contains, result.Stderr, StringComparison.Ordinal);
    }

    private static string Row(string stdout, string rule) =>
        stdout.Split('\n').Single(l => l.StartsWith("│ " + rule + " ", StringComparison.Ordinal));

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(Ok(result).Stdout).RootElement;

    private static JsonElement Rule(JsonElement report, string name) =>
        report.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    [Fact]
    public void Tv1_with_income_12000_is_approved_with_a_housing_ratio_of_44_23_percent()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35")).Stdout;

        Assert.StartsWith("Policy: China commercial.\nLoan: 1,000,000.00 at 4.9% a year over 360 months", output, StringComparison.Ordinal);
        string housing = Row(output, "housing-ratio");
        Assert.Contains("│ pass ", housing, StringComparison.Ordinal);
        Assert.Contains("44.23%", housing, StringComparison.Ordinal);
        Assert.Contains("≤ 50%", housing, StringComparison.Ordinal);
        Assert.Contains("+5.77 points (+692.73)", housing, StringComparison.Ordinal);
        Assert.Contains("CBRC 2004", housing, StringComparison.Ordinal);
        Assert.Contains("│ n.a. ", Row(output, "min-down-payment"), StringComparison.Ordinal);
        Assert.Contains("Payment judged: The highest scheduled payment is 5,307.27 in period 1 (2024-04-20), the first payment.\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: approved (approved under China commercial: 4 rules pass, 1 not applicable).\n", output, StringComparison.Ordinal);
        Assert.All(output.TrimEnd('\n').Split('\n').Where(l => l.StartsWith('│')), l => Assert.True(l.Length <= 150, l));
    }

    [Fact]
    public void Other_debts_of_2000_fail_the_debt_ratio_and_the_verdict_says_not_approved()
    {
        CliResult result = Ok(Afford("--income", "12000", "--age", "35", "--debts", "2000"));

        string debt = Row(result.Stdout, "debt-ratio");
        Assert.Contains("│ fail ", debt, StringComparison.Ordinal);
        Assert.Contains("60.89%", debt, StringComparison.Ordinal);
        Assert.Contains("≤ 55%", debt, StringComparison.Ordinal);
        Assert.Contains("-5.89 points (-707.27)", debt, StringComparison.Ordinal);
        Assert.Contains("  debt-ratio: all debt payments 7,307.27 (housing 5,307.27 + other debts 2,000.00) are 60.89% of income 12,000.00", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: not approved (declined under China commercial: debt-ratio fails).\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_makes_the_down_payment_rule_apply()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35", "--price", "1300000", "--down-payment", "300000")).Stdout;
        Assert.Contains("Purchase: price 1,300,000.00, down payment 300,000.00, loan 1,000,000.00.", output, StringComparison.Ordinal);
        string down = Row(output, "min-down-payment");
        Assert.Contains("23.08%", down, StringComparison.Ordinal);
        Assert.Contains("≥ 15%", down, StringComparison.Ordinal);
        Assert.Contains("+8.08 points (+105,000.00)", down, StringComparison.Ordinal);

        // The down payment alone: the price is the loan plus the down payment.
        Assert.Contains("Purchase: price 1,300,000.00, down payment 300,000.00",
            Ok(Afford("--income", "12000", "--age", "35", "--down-payment", "300000")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_loan_is_1130526_27_and_one_cent_more_fails_the_housing_ratio()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35", "--solve", "max-loan")).Stdout;

        Assert.StartsWith("Solve: the largest loan.\n", output, StringComparison.Ordinal);
        Assert.Contains("Answer: the largest loan is 1,130,526.27.\n", output, StringComparison.Ordinal);
        Assert.Contains("Loan: 1,130,526.27 at 4.9% a year", output, StringComparison.Ordinal);
        Assert.Contains("Verdict: approved", output, StringComparison.Ordinal);
        Assert.EndsWith(
            "One cent more: 1,130,526.28 is not approved: housing-ratio fails (housing payment 6,000.01 is 50.0001% of income 12,000.00; the limit is 50%, which allows 6,000.00; over by 0.0001 points (0.01)).\n",
            output, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_loan_without_principal_uses_the_other_terms()
    {
        CliResult result = CliRunner.Run("afford", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--income", "12000", "--age", "35", "--solve", "max-loan");
        Assert.Contains("Answer: the largest loan is 1,130,526.27.\n", Ok(result).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_income_with_2000_of_debts_is_13285_95()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35", "--debts", "2000", "--solve", "min-income")).Stdout;

        Assert.Contains("Answer: the lowest monthly income is 13,285.95.\n", output, StringComparison.Ordinal);
        Assert.Contains("Household: monthly income 13,285.95 (main borrower 13,285.95, age 35)", output, StringComparison.Ordinal);
        Assert.Contains("One cent less: 13,285.94 is not approved: debt-ratio fails", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_income_scales_co_borrowers_in_proportion()
    {
        JsonElement json = Json(Afford("--income", "9000,3000", "--age", "35,33", "--debts", "2000", "--solve", "min-income", "--format", "json"));

        Assert.Equal(13285.95m, json.GetProperty("solution").GetProperty("value").GetDecimal());
        JsonElement borrowers = json.GetProperty("household").GetProperty("borrowers");
        Assert.Equal(9964.47m, borrowers[0].GetProperty("monthly_income").GetDecimal());
        Assert.Equal(3321.48m, borrowers[1].GetProperty("monthly_income").GetDecimal());
        Assert.Equal(13285.95m, json.GetProperty("household").GetProperty("monthly_income").GetDecimal());
    }

    [Fact]
    public void Max_price_with_150000_down_is_1000000_bound_by_the_minimum_down_payment()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35", "--solve", "max-price", "--down-payment", "150000")).Stdout;

        Assert.Contains("Answer: the largest price is 1,000,000.00.\n", output, StringComparison.Ordinal);
        Assert.Contains("Purchase: price 1,000,000.00, down payment 150,000.00, loan 850,000.00.", output, StringComparison.Ordinal);
        Assert.Contains("One cent more: 1,000,000.01 is not approved: min-down-payment fails", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_price_with_a_low_income_is_bound_by_the_housing_ratio()
    {
        JsonElement solution = Json(Afford("--income", "8000", "--age", "35", "--solve", "max-price", "--down-payment", "300000", "--format", "json"))
            .GetProperty("solution");
        decimal price = solution.GetProperty("value").GetDecimal();
        Assert.Equal(1_053_684.49m, price);
        Assert.Equal(price + 0.01m, solution.GetProperty("beyond_value").GetDecimal());
        Assert.Equal("housing-ratio", solution.GetProperty("binding_rules")[0].GetString());
        Assert.False(solution.GetProperty("beyond").GetProperty("approved").GetBoolean());

        // The boundary, judged again: the loan at the answer passes, one cent more fails.
        decimal loan = price - 300_000m;
        string at = Ok(CliRunner.Run("afford", "--principal", loan.ToString(CultureInfo.InvariantCulture), "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--income", "8000", "--age", "35", "--down-payment", "300000")).Stdout;
        string beyond = Ok(CliRunner.Run("afford", "--principal", (loan + 0.01m).ToString(CultureInfo.InvariantCulture), "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--income", "8000", "--age", "35", "--down-payment", "300000")).Stdout;
        Assert.Contains("Verdict: approved", at, StringComparison.Ordinal);
        Assert.Contains("Verdict: not approved (declined under China commercial: housing-ratio fails)", beyond, StringComparison.Ordinal);
    }

    [Fact]
    public void Interest_first_loan_is_judged_on_its_first_amortizing_payment()
    {
        CliResult result = Ok(AffordSpec("interest-first-tv10.json", "--income", "12000", "--age", "35"));

        Assert.Contains(
            "Payment judged: The highest scheduled payment is 4,673.00 in period 25 (2026-02-15): the first amortizing payment after 24 interest-only periods; not the first payment (2,916.67).\n",
            result.Stdout, StringComparison.Ordinal);
        JsonElement highest = Json(AffordSpec("interest-first-tv10.json", "--income", "12000", "--age", "35", "--format", "json")).GetProperty("highest_payment");
        Assert.Equal(4673.00m, highest.GetProperty("amount").GetDecimal());
        Assert.Equal(25, highest.GetProperty("period").GetInt32());
        Assert.Equal("2026-02-15", highest.GetProperty("date").GetString());
        Assert.False(highest.GetProperty("is_first_payment").GetBoolean());
        Assert.Equal(2916.67m, highest.GetProperty("first_payment").GetDecimal());
    }

    [Fact]
    public void Combined_tv9_is_judged_on_the_legs_summed_payment()
    {
        string output = Ok(AffordSpec("combined-tv9.json", "--income", "12000", "--age", "35")).Stdout;

        Assert.Contains("commercial leg: Loan: 700,000.00 at 3.05% a year", output, StringComparison.Ordinal);
        Assert.Contains("provident-fund leg: Loan: 300,000.00 at 2.6% a year", output, StringComparison.Ordinal);
        Assert.Contains(
            "Payment judged: The highest scheduled monthly payment is 4,171.16 in 2025-07 (commercial 2,970.14 on 2025-07-20 + provident-fund 1,201.02 on 2025-07-20), the first payment.",
            output, StringComparison.Ordinal);
        Assert.Contains("34.76%", Row(output, "housing-ratio"), StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_max_loan_scales_the_commercial_leg_and_keeps_the_provident_fund_leg()
    {
        JsonElement json = Json(AffordSpec("combined-tv9.json", "--income", "12000", "--age", "35", "--solve", "max-loan", "--format", "json"));

        JsonElement solution = json.GetProperty("solution");
        decimal total = solution.GetProperty("value").GetDecimal();
        Assert.Equal(1_431_021.32m, total);
        Assert.Equal("housing-ratio", solution.GetProperty("binding_rules")[0].GetString());
        JsonElement legs = json.GetProperty("loan").GetProperty("legs");
        Assert.Equal(total - 300_000m, legs[0].GetProperty("principal").GetDecimal());
        Assert.Equal(300_000m, legs[1].GetProperty("principal").GetDecimal());
        Assert.Equal(6000.00m, json.GetProperty("highest_payment").GetProperty("amount").GetDecimal());
        Assert.Contains("the provident-fund leg keeps its 300,000.00", solution.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Us_qm_policy_has_the_28_36_43_rules()
    {
        CliResult result = Ok(Afford("--income", "20000", "--age", "40", "--debts", "2000", "--housing-costs", "500", "--policy", "us-qm"));

        Assert.StartsWith("Policy: US qualified mortgage.\n", result.Stdout, StringComparison.Ordinal);
        // Housing: 5,307.27 + 500.00 = 5,807.27 of 20,000 = 29.04% > 28%; all debts 7,807.27 = 39.04% > 36%, ≤ 43%.
        Assert.Contains("29.04%", Row(result.Stdout, "front-end"), StringComparison.Ordinal);
        Assert.Contains("│ fail ", Row(result.Stdout, "front-end"), StringComparison.Ordinal);
        Assert.Contains("│ fail ", Row(result.Stdout, "back-end"), StringComparison.Ordinal);
        Assert.Contains("│ pass ", Row(result.Stdout, "qm-dti"), StringComparison.Ordinal);
        Assert.Contains("39.04%", Row(result.Stdout, "qm-dti"), StringComparison.Ordinal);
        Assert.Contains("Verdict: not approved (declined under US qualified mortgage: front-end, back-end fail).", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Provident_fund_policy_takes_the_city_figures_as_data()
    {
        CliResult result = Ok(CliRunner.Run("afford", "--principal", "600000", "--rate", "3.1%", "--years", "25", "--start", "2024-03-20",
            "--income", "9000,6000", "--age", "30,29", "--policy", "china-provident-fund", "--pf-multiple", "15", "--pf-city-cap", "1200000", "--pf-balance", "30000"));

        Assert.StartsWith("Policy: China provident fund.\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("provident-fund balance 30,000.00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("│ fail ", Row(result.Stdout, "pf-balance-multiple"), StringComparison.Ordinal);
        Assert.Contains("≤ 450,000.00", Row(result.Stdout, "pf-balance-multiple"), StringComparison.Ordinal);
        Assert.Contains("│ pass ", Row(result.Stdout, "pf-city-cap"), StringComparison.Ordinal);
        Assert.Contains("│ pass ", Row(result.Stdout, "pf-retirement"), StringComparison.Ordinal);

        JsonElement max = Json(CliRunner.Run("afford", "--rate", "3.1%", "--years", "25", "--start", "2024-03-20",
            "--income", "9000,6000", "--age", "30,29", "--policy", "china-provident-fund", "--pf-multiple", "15", "--pf-city-cap", "1200000", "--pf-balance", "30000",
            "--solve", "max-loan", "--format", "json"));
        Assert.Equal(450_000.00m, max.GetProperty("solution").GetProperty("value").GetDecimal());
        Assert.Equal("pf-balance-multiple", max.GetProperty("solution").GetProperty("binding_rules")[0].GetString());
    }

    [Fact]
    public void Json_has_the_report_fields()
    {
        JsonElement json = Json(Afford("--income", "12000", "--age", "35", "--debts", "2000", "--format", "json"));

        Assert.Equal("China commercial", json.GetProperty("policy").GetString());
        Assert.False(json.GetProperty("approved").GetBoolean());
        Assert.Equal("declined under China commercial: debt-ratio fails", json.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("purchase").ValueKind);
        Assert.False(json.TryGetProperty("solution", out _));
        JsonElement housing = Rule(json, "housing-ratio");
        Assert.Equal("pass", housing.GetProperty("outcome").GetString());
        Assert.Equal(44.22725m, housing.GetProperty("actual").GetDecimal());
        Assert.Equal(50m, housing.GetProperty("limit").GetDecimal());
        Assert.Equal("maximum", housing.GetProperty("limit_kind").GetString());
        Assert.Equal(5.77275m, housing.GetProperty("margin").GetDecimal());
        Assert.Equal(692.73m, housing.GetProperty("headroom").GetDecimal());
        Assert.Equal("percent", housing.GetProperty("unit").GetString());
        Assert.StartsWith("CBRC 2004", housing.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("housing payment 5,307.27 is 44.23% of income 12,000.00", housing.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("fail", Rule(json, "debt-ratio").GetProperty("outcome").GetString());
        Assert.Equal("years", Rule(json, "age-plus-term").GetProperty("unit").GetString());
        JsonElement down = Rule(json, "min-down-payment");
        Assert.Equal("n.a.", down.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, down.GetProperty("actual").ValueKind);
        Assert.Equal("minimum", down.GetProperty("limit_kind").GetString());
        JsonElement highest = json.GetProperty("highest_payment");
        Assert.Equal(5307.27m, highest.GetProperty("amount").GetDecimal());
        Assert.Equal(1, highest.GetProperty("period").GetInt32());
        Assert.True(highest.GetProperty("is_first_payment").GetBoolean());
        Assert.Equal(1_000_000m, json.GetProperty("loan").GetProperty("principal").GetDecimal());
        Assert.Equal(2000m, json.GetProperty("household").GetProperty("monthly_debt_payments").GetDecimal());
    }

    [Fact]
    public void Json_solution_has_the_value_the_binding_rules_and_the_report_beyond()
    {
        JsonElement json = Json(Afford("--income", "12000", "--age", "35", "--solve", "max-loan", "--format", "json"));

        Assert.True(json.GetProperty("approved").GetBoolean());
        Assert.Equal(1_130_526.27m, json.GetProperty("loan").GetProperty("principal").GetDecimal());
        JsonElement solution = json.GetProperty("solution");
        Assert.Equal("the largest loan", solution.GetProperty("question").GetString());
        Assert.True(solution.GetProperty("found").GetBoolean());
        Assert.Equal(1_130_526.27m, solution.GetProperty("value").GetDecimal());
        Assert.Equal(1_130_526.28m, solution.GetProperty("beyond_value").GetDecimal());
        Assert.Equal(["housing-ratio"], solution.GetProperty("binding_rules").EnumerateArray().Select(e => e.GetString()!));
        JsonElement beyond = solution.GetProperty("beyond");
        Assert.False(beyond.GetProperty("approved").GetBoolean());
        Assert.Equal(1_130_526.28m, beyond.GetProperty("loan_amount").GetDecimal());
        Assert.Equal(6000.01m, beyond.GetProperty("highest_payment").GetProperty("amount").GetDecimal());
        Assert.Equal("fail", Rule(beyond, "housing-ratio").GetProperty("outcome").GetString());
        Assert.StartsWith("The largest loan is 1,130,526.27 under China commercial", solution.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_a_pipe_table_and_bullets()
    {
        string output = Ok(Afford("--income", "12000", "--age", "35", "--debts", "2000", "--format", "markdown")).Stdout;

        Assert.Contains("- Policy: China commercial.\n", output, StringComparison.Ordinal);
        Assert.Contains("| Rule | Result | Actual | Limit | Margin | Source |\n|---|---|---:|---:|---:|---|\n", output, StringComparison.Ordinal);
        Assert.Contains("| debt-ratio | fail | 60.89% | ≤ 55% | -5.89 points (-707.27) | CBRC 2004", output, StringComparison.Ordinal);
        Assert.Contains("- debt-ratio: all debt payments 7,307.27", output, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: not approved (declined under China commercial: debt-ratio fails).\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_passes_is_reported_not_an_error()
    {
        string output = Ok(Afford("--income", "12000", "--age", "45", "--solve", "max-loan")).Stdout;
        Assert.Contains("Answer: no value passes; age-plus-term fails", output, StringComparison.Ordinal);
        Assert.Contains("Verdict: not approved", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--income 12000,8000 --age 35", "--income has 2 value(s) and --age 1")]
    [InlineData("--income -12000 --age 35", "--income must be at least 0")]
    [InlineData("--income 12k --age 35", "--income '12k' is not an amount")]
    [InlineData("--income 0 --age 35", "--income: the borrowers' incomes add up to 0")]
    [InlineData("--income 12000 --age 12", "--age: An age must be between 18 and 100; was 12.")]
    [InlineData("--income 12000 --age 35 --policy china-bank", "--policy 'china-bank' is not a policy")]
    [InlineData("--income 12000 --age 35 --solve max-price", "--solve max-price needs --down-payment")]
    [InlineData("--income 12000 --age 35 --solve max-price --down-payment 1 --price 2", "--price cannot be combined with --solve max-price")]
    [InlineData("--income 12000 --age 35 --solve max-loan --down-payment 300000", "--solve max-loan judges the loan without a purchase")]
    [InlineData("--income 12000 --age 35 --solve biggest", "--solve 'biggest' is not something to solve for")]
    [InlineData("--income 12000 --age 35 --price 1200000 --down-payment 100000", "must equal the price")]
    [InlineData("--income 12000 --age 35 --price 900000", "--price 900,000.00 is less than the loan 1,000,000.00")]
    [InlineData("--income 12000 --age 35 --policy china-provident-fund --pf-multiple 15", "--pf-city-cap is missing")]
    [InlineData("--income 12000 --age 35 --pf-balance 1000", "--pf-balance applies to --policy china-provident-fund only")]
    [InlineData("--income 12000 --age 35 --format csv", "--format 'csv' is not a format for afford")]
    [InlineData("--age 35", "Option '--income' is required")]
    [InlineData("--income 12000", "Option '--age' is required")]
    public void Bad_input_exits_2_with_one_error_line(string extra, string message) =>
        AssertError(Afford(extra.Split(' ')), message);

    [Fact]
    public void A_combined_spec_under_the_provident_fund_policy_cannot_be_scaled()
    {
        AssertError(AffordSpec("combined-tv9.json", "--income", "12000", "--age", "35", "--policy", "china-provident-fund",
            "--pf-multiple", "15", "--pf-city-cap", "1200000", "--pf-balance", "100000", "--solve", "max-loan"),
            "write the provident-fund leg as a spec of its own");
    }
}
