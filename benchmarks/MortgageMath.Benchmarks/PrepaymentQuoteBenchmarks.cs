using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// <see cref="PrepaymentQuote.AfterPayment"/> in its most expensive case: a long-scale rate (14 decimals) over the
/// maximum 600 periods, so every power f^m of the exact rationals has hundreds of digits. This timing used to be a
/// 5-second assertion in PrepaymentQuoteTests; the tests now assert the figures and the time is measured here.
/// </summary>
[MemoryDiagnoser]
public class PrepaymentQuoteBenchmarks
{
    private readonly Loan _loan = new(987_654_321.09m, Rate.Percent(4.12345678901234m), 600, new LocalDate(2024, 3, 20));

    [Params("shorten-term", "shorten-term-keep-payment", "lower-payment", "new-term 300")]
    public string Option { get; set; } = "shorten-term";

    private PrepaymentOption _option = PrepaymentOption.ShortenTerm;

    [GlobalSetup]
    public void Setup() => _option = Option switch
    {
        "shorten-term" => PrepaymentOption.ShortenTerm,
        "shorten-term-keep-payment" => PrepaymentOption.ShortenTermKeepPayment,
        "lower-payment" => PrepaymentOption.LowerPayment,
        _ => PrepaymentOption.NewTerm(300),
    };

    [Benchmark(Description = "quote after payment 1 of 600, long-scale rate")]
    public PrepaymentQuote Quote() => PrepaymentQuote.AfterPayment(_loan, 1, 1_000_000m, _option);
}
