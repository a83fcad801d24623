using NodaTime;

namespace MortgageMath.Tests.Export;

/// <summary>The loans and results the export tests print and serialize.</summary>
internal static class ExportSupport
{
    /// <summary>TV-1: 1,000,000 at 4.9% over 30 years, equal installment, disbursed 2024-03-20.</summary>
    internal static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    /// <summary>The TV-9 combined loan: commercial 700,000 at 4.9% and provident fund 300,000 at 3.25%, 30 years.</summary>
    internal static readonly CombinedLoan Tv9 = new(
        new LoanLeg("commercial", new Loan(700_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20))),
        new LoanLeg("provident-fund", new Loan(300_000m, Rate.Percent(3.25m), 360, new LocalDate(2024, 3, 20))));

    internal static PurchaseSplit Split() => CombinedLoan.SplitPurchase(3_000_000m, 900_000m,
        new ProvidentFundCap(accountBalance: 100_000m, multiple: 15m, cityCap: 1_200_000m),
        Tv1 with { Principal = 1m }, new Loan(1m, Rate.Percent(3.1m), 360, new LocalDate(2024, 3, 20)));

    internal static AffordabilityReport Report() =>
        AffordabilityPolicy.ChinaCommercial.Evaluate(new Household(new Borrower(12_000m, 35)), Tv1);
}
