using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A combined 30-year loan (组合贷款): a floating commercial leg (LPR5Y − 45bp repriced every 1 January, over the
/// shipped history projected forward) and a provident-fund leg (the 1 January rule), built leg by leg and merged.
/// </summary>
[MemoryDiagnoser]
public class CombinedLoanBenchmarks
{
    private CombinedLoan _combined = null!;
    private Loan _commercial = null!;
    private Loan _providentFund = null!;

    [GlobalSetup]
    public void Setup()
    {
        var disbursed = new LocalDate(2020, 6, 20);
        RateTable rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2051, 1, 1));
        _commercial = new Loan(700_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, disbursed)
        {
            Rates = rates,
        };
        _providentFund = new Loan(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = rates };
        _combined = new CombinedLoan(new LoanLeg("commercial", _commercial), new LoanLeg("provident-fund", _providentFund));
    }

    [Benchmark(Baseline = true, Description = "commercial leg alone (floating), 360 rows")]
    public Schedule CommercialLeg() => _commercial.BuildSchedule();

    /// <summary>The other leg alone: issue 16's goal compares the combined loan with the sum of its legs.</summary>
    [Benchmark(Description = "provident-fund leg alone, 360 rows")]
    public Schedule ProvidentFundLeg() => _providentFund.BuildSchedule();

    [Benchmark(Description = "combined: floating commercial + provident fund, merged")]
    public CombinedSchedule Combined() => _combined.BuildSchedule();
}
