using static MortgageMath.Tests.Combined.CombinedSupport;

namespace MortgageMath.Tests.Combined;

/// <summary>Splitting a purchase between a provident-fund leg and a commercial leg (cap rules: china-mortgage-conventions.md §5.4).</summary>
public class PurchaseSplitTests
{
    // The TV-9 terms as templates (the principal is replaced).
    private static readonly Loan Commercial = Tv9Commercial with { Principal = 1m };
    private static readonly Loan Fund = Tv9ProvidentFund with { Principal = 1m };

    [Fact]
    public void City_cap_limits_the_provident_fund_and_the_rest_is_commercial()
    {
        var cap = new ProvidentFundCap(accountBalance: 100_000m, multiple: 15m, cityCap: 1_200_000m); // 1,500,000 vs 1,200,000
        Assert.Equal(1_200_000m, cap.Limit);
        PurchaseSplit split = CombinedLoan.SplitPurchase(3_000_000m, 900_000m, cap, Commercial, Fund);

        Assert.Equal(2_100_000m, split.LoanAmount);
        Assert.Equal(1_200_000m, split.ProvidentFundLimit);
        Assert.Equal(1_200_000m, split.ProvidentFundAmount);
        Assert.Equal(900_000m, split.CommercialAmount);
        Assert.Equal([PurchaseSplit.CommercialLeg, PurchaseSplit.ProvidentFundLeg], split.Combined.Legs.Select(l => l.Name));
        Assert.Equal(900_000m, split.Combined.Leg(PurchaseSplit.CommercialLeg).Principal);
        Assert.Equal(1_200_000m, split.Combined.Leg(PurchaseSplit.ProvidentFundLeg).Principal);
        Assert.Equal(2_100_000m, split.AllCommercial.Principal);
        Assert.Same(Commercial.RatePlan, split.AllCommercial.RatePlan);
        AssertConsistent(split.Combined, split.CombinedSchedule);

        // 900,000 at 3.05% + 1,200,000 at 2.60% against 2,100,000 at 3.05%, 360 months each.
        Assert.Equal(3_818.75m, split.CombinedSchedule.Quote.Leg(PurchaseSplit.CommercialLeg).Payment);
        Assert.Equal(4_804.08m, split.CombinedSchedule.Quote.Leg(PurchaseSplit.ProvidentFundLeg).Payment);
        Assert.Equal(8_622.83m, split.CombinedSchedule.Quote.Payment);
        Assert.Equal(8_910.41m, split.AllCommercialSchedule.Quote.Payment);
        Assert.Equal(287.58m, split.MonthlyPaymentSaving);
        Assert.True(split.InterestSaving > 0m);
        Assert.Equal(split.AllCommercialSchedule.TotalInterest - split.CombinedSchedule.TotalInterest, split.InterestSaving);
        Assert.Equal(103_533.80m, split.InterestSaving);
        Assert.Equal(split.AllCommercialSchedule.TotalPayment - split.CombinedSchedule.TotalPayment, split.InterestSaving);
    }

    [Fact]
    public void Balance_times_multiple_limits_when_below_the_city_cap()
    {
        var cap = new ProvidentFundCap(40_000m, 15m, 1_200_000m);
        PurchaseSplit split = CombinedLoan.SplitPurchase(3_000_000m, 900_000m, cap, Commercial, Fund);
        Assert.Equal(600_000m, split.ProvidentFundAmount);
        Assert.Equal(1_500_000m, split.CommercialAmount);
    }

    [Fact]
    public void The_fund_lends_in_round_sums_when_told()
    {
        var cap = new ProvidentFundCap(12_345.67m, 12m, 1_200_000m) { LendingUnit = 10_000m }; // 148,148.04 → 140,000
        Assert.Equal(140_000m, cap.Limit);
        Assert.Equal(148_148.04m, (cap with { LendingUnit = 0.01m }).Limit);
        Assert.Equal(148_000m, (cap with { LendingUnit = 1_000m }).Limit);
        PurchaseSplit split = CombinedLoan.SplitPurchase(1_000_000m, 300_000m, cap, Commercial, Fund);
        Assert.Equal(140_000m, split.ProvidentFundAmount);
        Assert.Equal(560_000m, split.CommercialAmount);
    }

    [Fact]
    public void A_cap_above_the_loan_gives_a_provident_fund_leg_only()
    {
        var cap = new ProvidentFundCap(200_000m, 20m, 2_400_000m);
        PurchaseSplit split = CombinedLoan.SplitPurchase(1_000_000m, 300_000m, cap, Commercial, Fund);
        Assert.Equal(2_400_000m, split.ProvidentFundLimit);
        Assert.Equal(700_000m, split.ProvidentFundAmount);
        Assert.Equal(0m, split.CommercialAmount);
        LoanLeg only = Assert.Single(split.Combined.Legs);
        Assert.Equal(PurchaseSplit.ProvidentFundLeg, only.Name);
        Assert.True(split.MonthlyPaymentSaving > 0m);
        Assert.True(split.InterestSaving > 0m);
        AssertConsistent(split.Combined, split.CombinedSchedule);
    }

    [Fact]
    public void No_provident_fund_gives_a_commercial_leg_only_and_no_saving()
    {
        PurchaseSplit split = CombinedLoan.SplitPurchase(1_000_000m, 300_000m, new ProvidentFundCap(0m, 15m, 1_200_000m), Commercial, Fund);
        Assert.Equal(0m, split.ProvidentFundAmount);
        Assert.Equal(PurchaseSplit.CommercialLeg, Assert.Single(split.Combined.Legs).Name);
        Assert.Equal(0m, split.MonthlyPaymentSaving);
        Assert.Equal(0m, split.InterestSaving);
    }

    [Fact]
    public void The_fund_amount_is_whole_minor_units_of_its_leg()
    {
        var cap = new ProvidentFundCap(10_000.01m, 12.5m, 1_200_000m);         // 125,000.125 → 125,000.12
        PurchaseSplit split = CombinedLoan.SplitPurchase(1_000_000m, 300_000m, cap, Commercial, Fund);
        Assert.Equal(125_000.12m, split.ProvidentFundAmount);
        Assert.Equal(574_999.88m, split.CommercialAmount);
        Assert.Equal(700_000m, split.Combined.Principal);
    }

    [Fact]
    public void Inputs_are_validated_with_name_value_and_range()
    {
        var cap = new ProvidentFundCap(100_000m, 15m, 1_200_000m);
        AssertRange("price", () => CombinedLoan.SplitPurchase(0m, 0m, cap, Commercial, Fund));
        AssertRange("price", () => CombinedLoan.SplitPurchase(-1m, 0m, cap, Commercial, Fund));
        AssertRange("price", () => CombinedLoan.SplitPurchase(Loan.MaxPrincipal + 1m, 0m, cap, Commercial, Fund));
        AssertRange("downPayment", () => CombinedLoan.SplitPurchase(1_000_000m, -1m, cap, Commercial, Fund));
        AssertRange("downPayment", () => CombinedLoan.SplitPurchase(1_000_000m, 1_000_000m, cap, Commercial, Fund));
        AssertRange("AccountBalance", () => new ProvidentFundCap(-0.01m, 15m, 1m));
        AssertRange("Multiple", () => new ProvidentFundCap(1m, -1m, 1m));
        AssertRange("Multiple", () => new ProvidentFundCap(1m, ProvidentFundCap.MaxMultiple + 1m, 1m));
        AssertRange("CityCap", () => new ProvidentFundCap(1m, 1m, -5m));
        AssertRange("LendingUnit", () => cap with { LendingUnit = 0m });
        Assert.Throws<ArgumentNullException>(() => CombinedLoan.SplitPurchase(1m, 0m, null!, Commercial, Fund));
        Assert.Throws<ArgumentNullException>(() => CombinedLoan.SplitPurchase(1m, 0m, cap, null!, Fund));
        Assert.Throws<ArgumentNullException>(() => CombinedLoan.SplitPurchase(1m, 0m, cap, Commercial, null!));
        // A loan amount with more decimals than the commercial leg keeps is the leg's error.
        Assert.Throws<ArgumentException>(() => CombinedLoan.SplitPurchase(1_000_000.005m, 0m, new ProvidentFundCap(0m, 0m, 0m), Commercial, Fund));
    }

    private static void AssertRange(string name, Func<object> act)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(act);
        Assert.Equal(name, e.ParamName);
        Assert.NotNull(e.ActualValue);
        Assert.Contains("; was ", e.Message);
    }
}
