using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>The largest loan a household can carry under the China commercial preset, exact to the cent (TV-1 terms).</summary>
[MemoryDiagnoser]
public class AffordabilityBenchmarks
{
    private readonly Household _household = new(new Borrower(12_000m, 35));
    private readonly Loan _terms = new(1m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Benchmark(Description = "max-loan solver, 360-month equal installment")]
    public AffordabilitySolution MaxLoan() => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, _household, _terms);
}
