using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>The annualized rate of a 360-period loan with a 1% up-front fee: the PBoC IRR and the Reg Z actuarial APR.</summary>
[MemoryDiagnoser]
public class AprBenchmarks
{
    private Schedule _schedule = null!;
    private LoanCashFlows _flows = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schedule = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)).BuildSchedule();
        _flows = LoanCashFlows.From(_schedule, upfrontFees: 10_000m);
    }

    [Benchmark(Description = "PBoC annualized rate (IRR), 360 periods")]
    public PbocAnnualizedRate Pboc() => Apr.Pboc(_flows);

    [Benchmark(Description = "Reg Z Appendix J actuarial APR, 360 periods")]
    public RegZApr RegZ() => Apr.RegZActuarial(_flows);
}
