using NodaTime;
using static MortgageMath.Tests.Affordability.AffordabilitySupport;

namespace MortgageMath.Tests.Affordability;

/// <summary>The presets' rules, each passing and failing with its figures: china-mortgage-conventions.md §5.1 (50% / 55%
/// of income), §5.2 (age + term ≤ 70, term ≤ 30 years, provident fund within retirement age), §5.3 (15% down payment
/// from 2024-09-24), §5.4 (provident-fund balance × multiple, city cap, as data) and §5.5 (US 28/36, QM 43%).</summary>
public class AffordabilityPolicyTests
{
    private static readonly AffordabilityPolicy China = AffordabilityPolicy.ChinaCommercial;

    [Fact]
    public void Housing_ratio_TV1_5307_27_on_12000_is_44_23_percent_and_passes_50_percent()
    {
        AffordabilityReport report = China.Evaluate(Single(12_000m), Tv1, new Purchase(1_300_000m, 300_000m));
        RuleResult housing = report.Result("housing-ratio");
        Assert.Equal(RuleOutcome.Passed, housing.Outcome);
        Assert.Equal(44.22725m, housing.Actual);          // 5,307.27 / 12,000 exactly
        Assert.Equal(50m, housing.Limit);
        Assert.Equal(5.77275m, housing.Margin);
        Assert.Equal(692.73m, housing.Headroom);           // 6,000.00 − 5,307.27
        Assert.Equal(RuleUnit.Percent, housing.Unit);
        Assert.Equal("housing payment 5,307.27 is 44.23% of income 12,000.00; the limit is 50%, which allows 6,000.00; margin 5.77 points (692.73)",
            housing.Explanation);
        Assert.StartsWith("CBRC 2004", housing.Source);
        Assert.True(report.Approved);
        Assert.Equal(5_307.27m, report.HighestPayment.Amount);
        Assert.True(report.HighestPayment.IsFirstPayment);
        Assert.Equal("approved under China commercial: 5 rules pass", report.Verdict);
    }

    [Fact]
    public void Debt_ratio_with_2000_other_debts_is_60_89_percent_and_fails_55_percent()
    {
        AffordabilityReport report = China.Evaluate(Single(12_000m, debts: 2_000m), Tv1);
        RuleResult debts = report.Result("debt-ratio");
        Assert.Equal(RuleOutcome.Failed, debts.Outcome);
        Assert.False(debts.Passed);
        Assert.Equal(7_307.27m * 100m / 12_000m, debts.Actual);
        Assert.Equal(-707.27m, debts.Headroom);            // 6,600.00 allowed
        Assert.True(debts.Margin < 0m);
        Assert.Equal("all debt payments 7,307.27 (housing 5,307.27 + other debts 2,000.00) are 60.89% of income 12,000.00; the limit is 55%, which allows 6,600.00; over by 5.89 points (707.27)",
            debts.Explanation);
        Assert.True(report.Result("housing-ratio").Passed);
        Assert.False(report.Approved);
        Assert.Equal(["debt-ratio"], report.Failures.Select(r => r.Rule));
        Assert.Equal("declined under China commercial: debt-ratio fails", report.Verdict);
        Assert.Equal(RuleOutcome.NotApplicable, report.Result("min-down-payment").Outcome);
        Assert.Contains("FAIL debt-ratio", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ratio_verdicts_are_exact_at_the_cent()
    {
        // 6,000.00 is exactly 50% of 12,000.00: passes with margin 0; 11,999.99 fails by less than a point's ten-thousandth.
        Household atLimit = Single(12_000m);
        Loan payment6000 = FindLoanWithPayment(6_000.00m);
        RuleResult exact = China.Evaluate(atLimit, payment6000).Result("housing-ratio");
        Assert.True(exact.Passed);
        Assert.Equal(0m, exact.Margin);
        Assert.Equal(0m, exact.Headroom);

        RuleResult below = China.Evaluate(Single(11_999.99m), payment6000).Result("housing-ratio");
        Assert.False(below.Passed);
        Assert.Equal(-0.01m, below.Headroom);              // allows 5,999.99
        Assert.Contains("is 50.00004% of income 11,999.99", below.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Housing_costs_count_in_both_ratios()
    {
        Household household = Single(12_000m) with { MonthlyHousingCosts = 700m };
        AffordabilityReport report = China.Evaluate(household, Tv1);
        RuleResult housing = report.Result("housing-ratio");
        Assert.False(housing.Passed);                      // 6,007.27 > 6,000.00
        Assert.Equal(-7.27m, housing.Headroom);
        Assert.StartsWith("housing payment 6,007.27 (loan 5,307.27 + other housing costs 700.00) is 50.06%", housing.Explanation, StringComparison.Ordinal);
        Assert.Equal(592.73m, report.Result("debt-ratio").Headroom);
    }

    [Fact]
    public void Age_plus_term_45_plus_30_is_75_and_fails_70()
    {
        RuleResult age = China.Evaluate(Single(50_000m, age: 45), Tv1).Result("age-plus-term");
        Assert.False(age.Passed);
        Assert.Equal(75m, age.Actual);
        Assert.Equal(70m, age.Limit);
        Assert.Equal(-5m, age.Margin);
        Assert.Null(age.Headroom);
        Assert.Equal(RuleUnit.Years, age.Unit);
        Assert.Equal("main borrower's age 45 + term 30 years = 75; the limit is 70; over by 5 years", age.Explanation);

        // 40 + 30 = 70 passes with margin 0; a 25-year-and-1-month term counts as 26 years.
        Assert.Equal(0m, China.Evaluate(Single(50_000m, age: 40), Tv1).Result("age-plus-term").Margin);
        RuleResult partYear = China.Evaluate(Single(50_000m, age: 45), Tv1 with { Periods = 301 }).Result("age-plus-term");
        Assert.Equal(71m, partYear.Actual);
        Assert.False(partYear.Passed);
    }

    [Fact]
    public void Age_basis_main_or_oldest_borrower()
    {
        var couple = new Household(new Borrower(10_000m, 38), new Borrower(10_000m, 44));
        Assert.True(China.Evaluate(couple, Tv1).Result("age-plus-term").Passed);   // main borrower 38 + 30
        AffordabilityPolicy oldest = China.Replace("age-plus-term",
            AffordabilityRule.AgePlusTerm("age-plus-term", 70, "a city using the older spouse", AgeBasis.OldestBorrower));
        RuleResult result = oldest.Evaluate(couple, Tv1).Result("age-plus-term");
        Assert.False(result.Passed);
        Assert.Equal("oldest borrower's age 44 + term 30 years = 74; the limit is 70; over by 4 years", result.Explanation);
        Assert.Equal(20_000m, couple.MonthlyIncome);
    }

    [Fact]
    public void Max_term_30_years()
    {
        RuleResult ok = China.Evaluate(Single(50_000m, 25), Tv1).Result("max-term");
        Assert.True(ok.Passed);
        Assert.Equal(30m, ok.Actual);
        RuleResult over = China.Evaluate(Single(50_000m, 25), Tv1 with { Periods = 361 }).Result("max-term");
        Assert.False(over.Passed);
        Assert.Equal("term 361 months (30.08 years); the limit is 30 years; over by 0.08 years", over.Explanation);
    }

    [Fact]
    public void Minimum_down_payment_15_percent_is_exact_at_the_cent()
    {
        Household rich = Single(100_000m);
        RuleResult exact = China.Evaluate(rich, Tv1 with { Principal = 850_000m }, new Purchase(1_000_000m, 150_000m)).Result("min-down-payment");
        Assert.True(exact.Passed);
        Assert.Equal(15m, exact.Actual);
        Assert.Equal(0m, exact.Margin);
        Assert.Equal(0m, exact.Headroom);
        Assert.Equal("down payment 150,000.00 is 15% of the price 1,000,000.00; the minimum is 15%, i.e. 150,000.00; margin 0 points (0.00)", exact.Explanation);

        RuleResult shortBy = China.Evaluate(rich, Tv1 with { Principal = 850_000.01m }, new Purchase(1_000_000m, 149_999.99m)).Result("min-down-payment");
        Assert.False(shortBy.Passed);
        Assert.Equal(-0.01m, shortBy.Headroom);
        Assert.Contains("short by", shortBy.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Loan_to_value_rule()
    {
        AffordabilityPolicy ltv = China.With(AffordabilityRule.MaxLoanToValue("ltv", Percentage.Percent(80m), "CBRC 2004: LTV ≤ 80%"));
        RuleResult result = ltv.Evaluate(Single(100_000m), Tv1 with { Principal = 850_000m }, new Purchase(1_000_000m, 150_000m)).Result("ltv");
        Assert.False(result.Passed);
        Assert.Equal(85m, result.Actual);
        Assert.Equal(-50_000m, result.Headroom);
        Assert.Equal("loan 850,000.00 is 85% of the price 1,000,000.00; the limit is 80%, i.e. 800,000.00; over by 5 points (50,000.00)", result.Explanation);
    }

    [Fact]
    public void US_28_36_43()
    {
        AffordabilityPolicy us = AffordabilityPolicy.UsQualifiedMortgage;
        Assert.Equal(["front-end", "back-end", "qm-dti"], us.Rules.Select(r => r.Name));

        // 5,307.27 ≤ 28% × income ⇔ income ≥ 18,954.5357…: 18,954.54 passes, 18,954.53 fails.
        Assert.True(us.Evaluate(Single(18_954.54m), Tv1).Result("front-end").Passed);
        Assert.False(us.Evaluate(Single(18_954.53m), Tv1).Result("front-end").Passed);

        // Back end: 36% × 18,954.54 = 6,823.6344 allows 6,823.63, so other debts up to 1,516.36.
        AffordabilityReport edge = us.Evaluate(Single(18_954.54m, debts: 1_516.36m), Tv1);
        Assert.True(edge.Approved);
        Assert.Equal(0m, edge.Result("back-end").Headroom);
        AffordabilityReport over = us.Evaluate(Single(18_954.54m, debts: 2_000m), Tv1);
        Assert.False(over.Result("back-end").Passed);      // 38.55%
        Assert.True(over.Result("qm-dti").Passed);          // ≤ 43%
        Assert.Contains("38.55%", over.Result("back-end").Explanation, StringComparison.Ordinal);
        Assert.Contains("CFPB", us.Rule("qm-dti").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Composition_with_without_replace()
    {
        Household household = Single(12_000m, debts: 2_000m);
        Assert.False(China.Evaluate(household, Tv1).Approved);
        Assert.True(China.Without("debt-ratio").Evaluate(household, Tv1).Approved);

        AffordabilityPolicy stricter = China.Replace("housing-ratio",
            AffordabilityRule.HousingPaymentToIncome("housing-ratio", Percentage.Percent(40m), "our bank"));
        RuleResult housing = stricter.Evaluate(Single(12_000m), Tv1).Result("housing-ratio");
        Assert.False(housing.Passed);
        Assert.Equal("our bank", housing.Source);
        Assert.Equal(China.Rules.Select(r => r.Name), stricter.Rules.Select(r => r.Name));   // same place

        AffordabilityPolicy us = AffordabilityPolicy.UsQualifiedMortgage.With(China.Rule("age-plus-term"));
        Assert.Equal("age-plus-term", us.Rules[^1].Name);
        Assert.Equal(5, China.Rules.Count);                 // presets are unchanged
        Assert.Equal("mine", China.Named("mine").Name);

        var own = new AffordabilityPolicy("own", AffordabilityRule.MaxTerm("short", 20, "internal"));
        Assert.False(own.Evaluate(Single(12_000m), Tv1).Approved);
        Assert.Equal("short: term ≤ 20 years [internal]", own.Rules[0].ToString());

        ArgumentException duplicate = Assert.Throws<ArgumentException>(() => China.With(China.Rule("max-term")));
        Assert.Contains("max-term", duplicate.Message, StringComparison.Ordinal);
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => China.Without("nope"));
        Assert.Equal("name", unknown.ParamName);
        Assert.Contains("housing-ratio, debt-ratio, age-plus-term, max-term, min-down-payment", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provident_fund_preset_balance_multiple_city_cap_and_retirement()
    {
        AffordabilityPolicy pf = AffordabilityPolicy.ChinaProvidentFund(multiple: 15m, cityCap: 1_200_000m);
        var loan = new Loan(600_000m, Rate.Percent(2.6m), 360, Tv1Disbursed);
        Household household = Single(10_000m, age: 30) with { ProvidentFundBalance = 50_000m };
        AffordabilityReport report = pf.Evaluate(household, loan);
        Assert.True(report.Approved);
        RuleResult multiple = report.Result("pf-balance-multiple");
        Assert.Equal(600_000m, multiple.Actual);
        Assert.Equal(750_000m, multiple.Limit);
        Assert.Equal(150_000m, multiple.Margin);
        Assert.Equal(RuleUnit.Money, multiple.Unit);
        Assert.Equal("provident-fund loan 600,000.00; the limit is balance 50,000.00 × 15 = 750,000.00; margin 150,000.00", multiple.Explanation);
        Assert.Equal("main borrower's age 30 + term 30 years = 60; the retirement age is 60 (assumed); margin 0 years",
            report.Result("pf-retirement").Explanation);

        // Age 31 runs past 60; a borrower whose own retirement age is 63 passes.
        Assert.False(pf.Evaluate(household with { Borrowers = [new Borrower(10_000m, 31)] }, loan).Result("pf-retirement").Passed);
        Assert.True(pf.Evaluate(household with { Borrowers = [new Borrower(10_000m, 31) { RetirementAge = 63 }] }, loan).Result("pf-retirement").Passed);

        // The city cap binds below the multiple.
        RuleResult cap = AffordabilityPolicy.ChinaProvidentFund(15m, 500_000m).Evaluate(household, loan).Result("pf-city-cap");
        Assert.False(cap.Passed);
        Assert.Equal(-100_000m, cap.Headroom);
        Assert.Equal("provident-fund loan 600,000.00; the limit is the city cap 500,000.00; over by 100,000.00", cap.Explanation);
    }

    [Fact]
    public void Provident_fund_rules_judge_the_provident_fund_leg_of_a_combined_loan()
    {
        AffordabilityPolicy pf = AffordabilityPolicy.ChinaProvidentFund(multiple: 10m, cityCap: 300_000m);
        Household household = Single(10_000m, age: 30) with { ProvidentFundBalance = 30_000m };
        AffordabilityReport report = pf.Evaluate(household, Tv9);
        Assert.True(report.Approved);
        Assert.Equal(300_000m, report.Result("pf-balance-multiple").Actual);   // not the 1,000,000 total
        Assert.Equal(0m, report.Result("pf-city-cap").Margin);
        Assert.Equal(1_000_000m, report.LoanAmount);
    }

    /// <summary>A fixed-rate 360-month loan at 4.9% whose regular payment is exactly <paramref name="payment"/>.</summary>
    private static Loan FindLoanWithPayment(decimal payment)
    {
        var terms = Tv1;
        AffordabilitySolution max = AffordabilitySolver.MaxLoan(
            new AffordabilityPolicy("payment", AffordabilityRule.HousingPaymentToIncome("p", Percentage.Percent(50m), "test")),
            Single(payment * 2m), terms);
        Loan loan = terms with { Principal = max.Value!.Value };
        Assert.Equal(payment, loan.BuildSchedule()[1].Payment);
        return loan;
    }
}
