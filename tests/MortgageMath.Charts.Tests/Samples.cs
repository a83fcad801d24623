using MortgageMath.Affordability;
using MortgageMath.Servicing;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Charts.Tests;

/// <summary>The loans the chart tests draw: TV-1 (1,000,000 at 4.9% over 30 years from 2024-03-20, the repository's
/// first golden vector), its 200,000 prepayment (TV-7a), the TV-9 combined loan and the LPR + spread loan of
/// docs/examples.</summary>
internal static class Samples
{
    internal static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    internal static readonly Lazy<Schedule> Tv1Schedule = new(() => Tv1.BuildSchedule());

    internal static PrepaymentComparison Prepaid() => PrepaymentComparison.Compare(
        Tv1, Tv1 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm)] });

    internal static CombinedSchedule Combined() => LoanSpec.Load(Example("combined-tv9.json")).BuildCombinedSchedule();

    internal static Schedule Floating() => LoanSpec.Load(Example("lpr-spread-change.json")).BuildSchedule();

    /// <summary>TV-1 serviced to 2024-09-01: the first three instalments paid on time, then nothing.</summary>
    internal static LoanAccount Account() => Tv1.Account(
        [new ReceivedPayment(new LocalDate(2024, 4, 20), 5307.27m), new ReceivedPayment(new LocalDate(2024, 5, 20), 5307.27m),
         new ReceivedPayment(new LocalDate(2024, 6, 20), 5307.27m)],
        new LocalDate(2024, 9, 1));

    internal static Chart Frontier(ChartOptions? options = null) => ChartExtensions.AffordabilityFrontier(
        AffordabilityPolicy.ChinaCommercial,
        new Household(new Borrower(10_000m, 35)),
        new Loan(1_000_000m, Rate.Percent(3.5m), 360, new LocalDate(2025, 1, 1)),
        [5_000m, 10_000m, 15_000m, 20_000m, 25_000m, 30_000m],
        options);

    internal static string Example(string name) => Path.Combine(RepositoryRoot, "docs", "examples", name);

    internal static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MortgageMath.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"MortgageMath.sln was not found above {AppContext.BaseDirectory}.");
        }
    }
}
