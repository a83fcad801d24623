using static MortgageMath.Tests.Affordability.AffordabilitySupport;

namespace MortgageMath.Tests.Affordability;

/// <summary>What a renderer needs is exposed as data, not left for it to re-derive or to read out of text: the income
/// split, what was solved for, whether a limit is a minimum, which rules judge the provident-fund loan, and how a
/// combined loan lends another total.</summary>
public class AffordabilityDataTests
{
    [Fact]
    public void WithMonthlyIncome_splits_in_proportion_and_gives_the_rest_to_the_main_borrower()
    {
        var couple = new Household(new Borrower(9_000m, 38), new Borrower(6_000m, 36)) { MonthlyDebtPayments = 500m, ProvidentFundBalance = 80_000m };
        Household scaled = couple.WithMonthlyIncome(10_000m);
        Assert.Equal([6_000m, 4_000m], scaled.Borrowers.Select(b => b.MonthlyIncome));
        Assert.Equal(couple with { Borrowers = [new Borrower(6_000m, 38), new Borrower(4_000m, 36)] }, scaled);

        // Shares round down to the cent; the main borrower takes the remainder, so the total is exact.
        var three = new Household(new Borrower(1m, 30), new Borrower(1m, 30), new Borrower(1m, 30));
        Household thirds = three.WithMonthlyIncome(100m);
        Assert.Equal([33.34m, 33.33m, 33.33m], thirds.Borrowers.Select(b => b.MonthlyIncome));
        Assert.Equal(100m, thirds.MonthlyIncome);

        // All incomes 0: split equally.
        var none = new Household(new Borrower(0m, 30), new Borrower(0m, 40));
        Assert.Equal([50m, 50m], none.WithMonthlyIncome(100m).Borrowers.Select(b => b.MonthlyIncome));
        Assert.Equal(12_345.67m, Single(1m).WithMonthlyIncome(12_345.67m).MonthlyIncome);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1_000_000_000_000.01)]
    public void WithMonthlyIncome_rejects_a_total_out_of_range(decimal total)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Single(1_000m).WithMonthlyIncome(total));
        Assert.Equal("total", e.ParamName);
    }

    [Fact]
    public void MinIncome_reports_the_split_WithMonthlyIncome_gives()
    {
        var couple = new Household(new Borrower(9_000m, 38), new Borrower(6_000m, 36));
        AffordabilitySolution s = AffordabilitySolver.MinIncome(AffordabilityPolicy.ChinaCommercial, couple, Tv1);
        Assert.Equal(AffordabilityTarget.MinIncome, s.Target);
        Assert.Equal(s.Value, s.Report.MonthlyIncome);
        Assert.Equal(s.Report, AffordabilityPolicy.ChinaCommercial.Evaluate(couple.WithMonthlyIncome(s.Value!.Value), Tv1));
    }

    [Fact]
    public void A_solution_says_what_it_solved_for()
    {
        Household h = Single(12_000m);
        AffordabilityPolicy policy = AffordabilityPolicy.ChinaCommercial;
        Assert.Equal(AffordabilityTarget.MaxLoan, AffordabilitySolver.MaxLoan(policy, h, Tv1).Target);
        Assert.Equal(AffordabilityTarget.MaxPrice, AffordabilitySolver.MaxPrice(policy, h, 300_000m, Tv1).Target);
        Assert.Equal(AffordabilityTarget.MaxLoan, AffordabilitySolver.MaxLoan(policy, h, Tv9.WithTotalPrincipal).Target);
        Assert.Equal("the largest loan", AffordabilitySolver.MaxLoan(policy, h, Tv1).Question);
    }

    [Fact]
    public void Only_the_minimum_down_payment_has_a_minimum_limit()
    {
        AffordabilityReport report = AffordabilityPolicy.ChinaCommercial.Evaluate(Single(12_000m), Tv1, new Purchase(1_250_000m, 250_000m));
        Assert.Equal(["min-down-payment"], report.Results.Where(r => r.LimitIsMinimum).Select(r => r.Rule));
        Assert.Equal(["min-down-payment"], AffordabilityPolicy.ChinaCommercial.Rules.Where(r => r.LimitIsMinimum).Select(r => r.Name));
        Assert.False(AffordabilityRule.MaxLoanToValue("ltv", Percentage.Percent(80m), "CBRC 2004").LimitIsMinimum);

        // Every rule's description agrees: "≥" for a minimum, "≤" for a maximum.
        AffordabilityPolicy pf = AffordabilityPolicy.ChinaProvidentFund(15m, 1_200_000m);
        foreach (AffordabilityRule rule in AffordabilityPolicy.ChinaCommercial.Rules.Concat(AffordabilityPolicy.UsQualifiedMortgage.Rules).Concat(pf.Rules))
        {
            Assert.Equal(rule.LimitIsMinimum, rule.Description.Contains('≥', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_provident_fund_rules_say_they_judge_the_provident_fund_loan()
    {
        AffordabilityPolicy pf = AffordabilityPolicy.ChinaProvidentFund(15m, 1_200_000m);
        Assert.Equal(["pf-retirement", "pf-balance-multiple", "pf-city-cap"], pf.Rules.Where(r => r.JudgesProvidentFundLoan).Select(r => r.Name));
        Assert.DoesNotContain(AffordabilityPolicy.ChinaCommercial.Rules, r => r.JudgesProvidentFundLoan);
        Assert.DoesNotContain(AffordabilityPolicy.UsQualifiedMortgage.Rules, r => r.JudgesProvidentFundLoan);
    }

    [Fact]
    public void WithTotalPrincipal_keeps_the_provident_fund_leg_and_gives_the_rest_to_the_other()
    {
        Assert.Same(Tv9.Legs[1], Tv9.ProvidentFund);
        Assert.True(Tv9.CanChangeTotalPrincipal);
        Assert.Same(Tv9, Tv9.WithTotalPrincipal(1_000_000m));

        CombinedLoan more = Tv9.WithTotalPrincipal(1_200_000.01m);
        Assert.Equal(1_200_000.01m, more.Principal);
        Assert.Equal(["commercial", "provident-fund"], more.Legs.Select(l => l.Name));
        Assert.Equal([900_000.01m, 300_000m], more.Legs.Select(l => l.Loan.Principal));
        Assert.Equal(Tv9.Legs[0].Loan with { Principal = 900_000.01m }, more.Legs[0].Loan);

        // Up to the provident-fund leg's amount, that leg lends it all, alone.
        CombinedLoan small = Tv9.WithTotalPrincipal(250_000m);
        Assert.Equal(new CombinedLoan(new LoanLeg("provident-fund", Tv9.Leg("provident-fund") with { Principal = 250_000m })), small);

        // The order of the legs is kept.
        var reversed = new CombinedLoan(Tv9.Legs[1], Tv9.Legs[0]);
        Assert.Equal(["provident-fund", "commercial"], reversed.WithTotalPrincipal(500_000m).Legs.Select(l => l.Name));
    }

    [Fact]
    public void WithTotalPrincipal_needs_two_legs_one_of_them_provident_fund()
    {
        CombinedLoan commercialOnly = CombinedOf(700_000m, 0m);
        Assert.Null(commercialOnly.ProvidentFund);
        Assert.False(commercialOnly.CanChangeTotalPrincipal);
        var e = Assert.Throws<InvalidOperationException>(() => commercialOnly.WithTotalPrincipal(800_000m));
        Assert.Contains("this loan has 'commercial'", e.Message, StringComparison.Ordinal);
        Assert.False(CombinedOf(0m, 300_000m).CanChangeTotalPrincipal);
    }
}
