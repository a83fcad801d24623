using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A 360-period loan with one of each restructuring event (issue 13) — a method change (equal principal → equal
/// installment), a 6-month interest-only period, a repayment-day change and a term extension by 24 months (beyond
/// the 360-month housing maximum, so with <see cref="ExtensionLimits.None"/>), and apart an arrears capitalization
/// with a 6-month payment deferral — beside the same loan without them
/// (the yardstick). The events go through the one amortization loop, so the cost is a few restarts.
/// </summary>
[MemoryDiagnoser]
public class RestructuringBenchmarks
{
    private readonly Loan _plain = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal };
    private readonly Loan _restructured;
    private readonly Loan _arrears;

    public RestructuringBenchmarks()
    {
        _restructured = _plain with
        {
            Events =
            [
                MethodChange.To(new LocalDate(2026, 3, 20), RepaymentMethod.EqualInstallment),
                InterestOnlyPeriod.From(new LocalDate(2027, 3, 20), 6, resume: InterestOnlyResume.ToMaturity),
                RepaymentDayChange.From(new LocalDate(2028, 3, 20), 5),
                TermChange.Extend(new LocalDate(2029, 3, 5), 24, ExtensionLimits.None),
            ],
        };

        // Arrears of two instalments capitalized, then six payments deferred to the last row (US practice).
        _arrears = _plain with
        {
            Events =
            [
                ArrearsCapitalization.On(new LocalDate(2026, 3, 20), 16_000m),
                PaymentDeferral.Of(new LocalDate(2027, 3, 20), 6),
            ],
        };
    }

    [Benchmark(Baseline = true, Description = "schedule, 360 months, no events (yardstick)")]
    public Schedule Plain() => _plain.BuildSchedule();

    /// <summary>Fails the run at once if the events are refused (a benchmark that throws only reports NA).</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (_restructured.BuildSchedule().Count != 384)
        {
            throw new InvalidOperationException("the restructured loan should have 384 rows");
        }

        if (_arrears.BuildSchedule().Count != 361)
        {
            throw new InvalidOperationException("the loan with arrears capitalized should have 361 rows");
        }
    }

    [Benchmark(Description = "schedule, 360 months, method change + interest only + day change + extension")]
    public Schedule Restructured() => _restructured.BuildSchedule();

    [Benchmark(Description = "schedule, 360 months, arrears capitalization + 6-month payment deferral")]
    public Schedule ArrearsCapitalizedAndDeferred() => _arrears.BuildSchedule();
}
