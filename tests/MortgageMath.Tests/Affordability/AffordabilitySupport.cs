using NodaTime;

namespace MortgageMath.Tests.Affordability;

/// <summary>Shared loans and households for the affordability tests (china-mortgage-conventions.md §5).</summary>
internal static class AffordabilitySupport
{
    internal static readonly LocalDate Tv1Disbursed = new(2024, 3, 20);

    /// <summary>TV-1: 1,000,000 at 4.9% over 360 months, equal installment: 5,307.27 a month.</summary>
    internal static Loan Tv1 { get; } = new(1_000_000m, Rate.Percent(4.9m), 360, Tv1Disbursed);

    /// <summary>TV-10 先息后本: 1,000,000 at 3.5%, 24 months of interest only (2,916.67), then 4,673.00.</summary>
    internal static Loan InterestFirstTv10 { get; } =
        new(1_000_000m, Rate.Percent(3.5m), 360, new LocalDate(2024, 1, 15)) { Method = RepaymentMethod.InterestFirst(24) };

    /// <summary>TV-10 气球贷: 1,000,000 at 5% amortized over 240 months, maturing at 60: 6,599.56 a month, balloon 841,148.05.</summary>
    internal static Loan BalloonTv10 { get; } =
        new(1_000_000m, Rate.Percent(5m), 60, new LocalDate(2024, 1, 15)) { Method = RepaymentMethod.Balloon(240) };

    internal static readonly RateTable Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));

    /// <summary>TV-9 (組合贷款): commercial 700,000 at LPR 3.50 − 45bp = 3.05% + provident fund 300,000 at 2.60%, 360
    /// months: 2,970.14 + 1,201.02 = 4,171.16.</summary>
    internal static CombinedLoan Tv9 { get; } = CombinedOf(700_000m, 300_000m);

    internal static CombinedLoan CombinedOf(decimal commercial, decimal providentFund)
    {
        var disbursed = new LocalDate(2025, 6, 20);
        var legs = new List<LoanLeg>();
        if (commercial > 0m)
        {
            legs.Add(new LoanLeg("commercial",
                new Loan(commercial, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, disbursed) { Rates = Rates }));
        }

        if (providentFund > 0m)
        {
            legs.Add(new LoanLeg("provident-fund",
                new Loan(providentFund, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = Rates }));
        }

        return new CombinedLoan(legs);
    }

    internal static Household Single(decimal income, int age = 35, decimal debts = 0m) =>
        new(new Borrower(income, age)) { MonthlyDebtPayments = debts };
}
