using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A 360-period loan with one of each restructuring event (issue 13) — a term change (extension by 24 months), a
/// method change (equal principal → equal installment) and a 6-month interest-only period — beside the same loan
/// without them (the yardstick). The events go through the one amortization loop, so the cost is a few restarts.
/// </summary>
[MemoryDiagnoser]
public class RestructuringBenchmarks
{
    private readonly Loan _plain = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal };
    private readonly Loan _restructured;

    public RestructuringBenchmarks() => _restructured = _plain with
    {
        Events =
        [
            MethodChange.To(new LocalDate(2026, 3, 20), RepaymentMethod.EqualInstallment),
            InterestOnlyPeriod.From(new LocalDate(2027, 3, 20), 6, resume: InterestOnlyResume.ToMaturity),
            TermChange.Extend(new LocalDate(2029, 3, 20), 24),
        ],
    };

    [Benchmark(Baseline = true, Description = "schedule, 360 months, no events (yardstick)")]
    public Schedule Plain() => _plain.BuildSchedule();

    [Benchmark(Description = "schedule, 360 months, method change + interest only + extension")]
    public Schedule Restructured() => _restructured.BuildSchedule();
}
