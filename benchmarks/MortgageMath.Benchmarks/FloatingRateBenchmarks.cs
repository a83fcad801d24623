using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A 30-year LPR loan repriced every 1 January with a different fixing each year (so 30 repricings, each one a
/// re-amortization and a day-split January), beside the same loan at a fixed rate. Goal: floating within 2× of fixed.
/// </summary>
[MemoryDiagnoser]
public class FloatingRateBenchmarks
{
    private Loan _fixed = null!;
    private Loan _fixedEp = null!;
    private Loan _floating = null!;
    private Loan _floatingEp = null!;
    private Loan _floatingWhole = null!;

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("index,effective_date,rate_pct,source\n");
        for (int year = 2023; year <= 2054; year++)
        {
            decimal rate = 3.5m + ((year % 4) * 0.15m); // changes every year
            csv.Append(CultureInfo.InvariantCulture, $"lpr5y,{year}-12-20,{rate},benchmark\n");
        }

        RateTable table = RateTable.Parse(new StringReader(csv.ToString()), new LocalDate(2060, 1, 1));
        var disbursement = new LocalDate(2024, 1, 20);
        _floating = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, disbursement)
        {
            Rates = table,
        };
        _fixed = new Loan(1_000_000m, Rate.Percent(3.8m), 360, disbursement);
        _fixedEp = _fixed with { Method = RepaymentMethod.EqualPrincipal };
        _floatingEp = _floating with { Method = RepaymentMethod.EqualPrincipal };
        _floatingWhole = _floating with { RateChangeInterest = RateChangeInterest.NewRateForWholePeriod };
        if (_floating.BuildSchedule().RateChanges.Count < 30)
        {
            throw new InvalidOperationException("the floating benchmark loan should reprice about 30 times");
        }
    }

    [Benchmark(Baseline = true, Description = "fixed rate, 360 rows")]
    public Schedule Fixed() => _fixed.BuildSchedule();

    [Benchmark(Description = "fixed rate, equal principal")]
    public Schedule FixedEp() => _fixedEp.BuildSchedule();

    [Benchmark(Description = "floating, equal principal")]
    public Schedule FloatingEp() => _floatingEp.BuildSchedule();

    [Benchmark(Description = "floating, whole straddled period at the new rate")]
    public Schedule FloatingWhole() => _floatingWhole.BuildSchedule();

    [Benchmark(Description = "timeline only")]
    public object Timeline() => RateTimeline.Build(_floating, DueDates.For(_floating), _floating.Periods);

    [Benchmark(Description = "LPR floating, 30 repricings, 360 rows")]
    public Schedule Floating() => _floating.BuildSchedule();
}
