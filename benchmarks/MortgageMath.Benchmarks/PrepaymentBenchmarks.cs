using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>A 30-year loan with 10 prepayments (a mix of options, half of them between due dates), beside the same loan without.</summary>
[MemoryDiagnoser]
public class PrepaymentBenchmarks
{
    private readonly Loan _plain = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
    private Loan _prepaid = null!;

    [GlobalSetup]
    public void Setup()
    {
        var events = new List<LoanEvent>();
        PrepaymentOption[] options = [PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment];
        for (int k = 0; k < 10; k++)
        {
            LocalDate date = new LocalDate(2025, 3, 20).PlusMonths(k * 18).PlusDays(k % 2 == 0 ? 0 : 9);
            events.Add(Prepayment.Partial(date, 20_000m, options[k % options.Length]));
        }

        _prepaid = _plain with { Events = events };
        if (_prepaid.BuildSchedule().Count(row => row.Kind == InstallmentKind.Prepayment) != 10)
        {
            throw new InvalidOperationException("the benchmark loan should have 10 prepayment rows");
        }
    }

    [Benchmark(Baseline = true, Description = "no prepayments, 360 rows")]
    public Schedule Plain() => _plain.BuildSchedule();

    [Benchmark(Description = "10 prepayments")]
    public Schedule TenPrepayments() => _prepaid.BuildSchedule();
}
