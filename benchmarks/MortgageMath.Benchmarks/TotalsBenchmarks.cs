using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// The row-free path (<see cref="Loan.Totals()"/>) beside the schedule (<see cref="Loan.BuildSchedule"/>) on TV-1,
/// a 30-repricing floating loan and a combined loan, with the yardsticks of <see cref="Yardsticks"/>: a plain int64
/// loop writing the same rows, one only summing, and a rounded double loop. Goals (issue 16): schedule within 1.5× of
/// the int64 rows loop, totals within 1.2× of the int64 totals loop.
/// </summary>
[MemoryDiagnoser]
public class TotalsBenchmarks
{
    private readonly Loan _tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
    private Loan _floating = null!;
    private CombinedLoan _combined = null!;
    private readonly LocalDate _asOf = new(2026, 12, 5);

    [GlobalSetup]
    public void Setup()
    {
        var table = RateTable.China;
        for (int year = 2023; year <= 2054; year++)
        {
            table = table.WithFixing(RateIndex.Lpr5Y, new LocalDate(year, 12, 20), Rate.Percent(3.5m + ((year % 4) * 0.15m)), "benchmark");
        }

        table = table.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));
        _floating = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, new LocalDate(2024, 1, 20))
        {
            Rates = table,
        };
        var disbursed = new LocalDate(2020, 6, 20);
        _combined = new CombinedLoan(
            new LoanLeg("commercial", new Loan(700_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, disbursed) { Rates = table }),
            new LoanLeg("provident-fund", new Loan(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = table }));
    }

    [Benchmark(Baseline = true, Description = "yardstick: int64 loop, 360 rows")]
    public Yardsticks.Row[] Int64Rows() => Yardsticks.Int64Rows();

    [Benchmark(Description = "yardstick: int64 loop, totals only")]
    public (long, long) Int64Totals() => Yardsticks.Int64Totals();

    [Benchmark(Description = "yardstick: rounded double loop, totals only")]
    public double RoundedDouble() => Yardsticks.RoundedDoubleTotalInterest();

    [Benchmark(Description = "TV-1 schedule, 360 rows")]
    public Schedule Tv1Schedule() => _tv1.BuildSchedule();

    [Benchmark(Description = "TV-1 totals, row-free")]
    public LoanTotals Tv1Totals() => _tv1.Totals();

    [Benchmark(Description = "TV-1 totals as of a date (12-month window)")]
    public LoanTotals Tv1TotalsAsOf() => _tv1.Totals(_asOf);

    [Benchmark(Description = "floating (30 repricings) schedule")]
    public Schedule FloatingSchedule() => _floating.BuildSchedule();

    [Benchmark(Description = "floating (30 repricings) totals, row-free")]
    public LoanTotals FloatingTotals() => _floating.Totals();

    [Benchmark(Description = "combined schedule (merged rows)")]
    public CombinedSchedule CombinedSchedule() => _combined.BuildSchedule();

    [Benchmark(Description = "combined totals, leg by leg, row-free")]
    public CombinedTotals CombinedTotals() => _combined.Totals();
}
