using BenchmarkDotNet.Attributes;

namespace MortgageMath.Benchmarks;

/// <summary>The equal-installment payment alone: the 128-bit estimate, the decimal evaluation and the exact rational.</summary>
[MemoryDiagnoser]
public class AnnuityBenchmarks
{
    private readonly PeriodicRate _rate = new(Rate.Percent(4.9m));

    [Benchmark(Baseline = true, Description = "Annuity.Payment (estimate, exact fallback)")]
    public long Payment() => Annuity.Payment(1_000_000_00, _rate, 360, RoundingMode.HalfUp);

    [Benchmark(Description = "Annuity.ExactPayment (28-digit decimal)")]
    public decimal DecimalPayment() => Annuity.ExactPayment(1_000_000_00, _rate, 360);

    [Benchmark(Description = "exact BigInteger rational")]
    public long RationalPayment()
    {
        (System.Numerics.BigInteger num, System.Numerics.BigInteger den) = Annuity.Rational(1_000_000_00, _rate, 360);
        return (long)FixedPoint.RoundQuotient(num, den, RoundingMode.HalfUp);
    }
}
