using NodaTime;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// Legacy multiplier rates (issue 13; servicing-conventions.md §7): a 2015 loan at the PBoC 5-year benchmark × 1.1
/// (上浮 10%), repriced every 1 January, converted to LPR + spread on 2020-03-01 with the spread fixed from the rate in
/// force against the December 2019 5-year LPR (4.80%). Benchmark and LPR fixings from the shipped table
/// (src/MortgageMath/Rates/Data/china-rates.csv, sources there).
/// </summary>
public class MultiplierRateTests
{
    private static readonly Loan Loan2015 = new(1_000_000m, RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.Up(Percentage.Percent(10m)), RepricingRule.EveryJanuary1), 240, new LocalDate(2015, 6, 15))
    {
        Events = [RateEvent.ConvertToLpr(new LocalDate(2020, 3, 1), RepricingRule.EveryJanuary1)],
        Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2036, 1, 1)),
    };

    [Fact]
    public void The_rate_follows_the_benchmark_times_1_1_then_lpr_plus_the_converted_spread()
    {
        Schedule s = Loan2015.BuildSchedule();
        var rates = s.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)).ToList();

        // 2015-06-15: benchmark 5.65% (from 2015-05-11) × 1.1 = 6.215%.
        Assert.Equal((new LocalDate(2015, 6, 15), Rate.Percent(6.215m)), rates[0]);
        Assert.Equal(RateMultiplier.FromFactor(1.1m), s.RateChanges[0].Multiplier);
        // 2016-01-01: benchmark 4.90% (from 2015-10-24) × 1.1 = 5.39%.
        Assert.Equal((new LocalDate(2016, 1, 1), Rate.Percent(5.39m)), rates[1]);
        // 2020-03-01: converted, 5.39% − 4.80% = +59bp, the rate unchanged; 2021-01-01: LPR 4.65% + 59bp = 5.24%.
        RateChange conversion = s.RateChanges.Single(c => c.EffectiveDate == new LocalDate(2020, 3, 1));
        Assert.Equal(Spread.FromBasisPoints(59m), conversion.Spread);
        Assert.Null(conversion.Multiplier);
        Assert.Equal(Rate.Percent(5.39m), conversion.AnnualRate);
        Assert.Contains((new LocalDate(2021, 1, 1), Rate.Percent(5.24m)), rates);
        // 2023-01-01: LPR 4.30% (from 2022-08-22) + 59bp = 4.89%.
        Assert.Contains((new LocalDate(2023, 1, 1), Rate.Percent(4.89m)), rates);
    }

    [Fact]
    public void The_first_rows_match_an_independent_computation()
    {
        Schedule s = Loan2015.BuildSchedule();

        // Period 1: 1,000,000 × 6.215% / 12 = 5,179.1666… → 5,179.17; the payment is the 240-month annuity at 6.215%.
        Assert.Equal(5_179.17m, s[0].Interest);
        decimal payment = Math.Round(MortgageMath.Tests.Servicing.DecimalAnnuity.Of(1_000_000m, 0.06215m / 12m, 240), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(payment, s[0].Payment);

        // From the first period wholly at 5.39% the payment is re-levelled on the balance over the months left.
        int k = s.ToList().FindIndex(r => r.AnnualRate == Rate.Percent(5.39m) && !r.RateChanged);
        Installment row = s[k];
        Installment before = s[k - 1];
        Assert.Equal(Math.Round(row.OpeningBalance * 0.0539m / 12m, 2, MidpointRounding.AwayFromZero), row.Interest);
        decimal relevelled = Math.Round(MortgageMath.Tests.Servicing.DecimalAnnuity.Of(before.ClosingBalance, 0.0539m / 12m, 240 - k), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(relevelled, row.Payment);
    }

    [Fact]
    public void Multipliers_read_and_write_their_text_and_refuse_nonsense()
    {
        Assert.Equal(RateMultiplier.FromFactor(0.9m), RateMultiplier.Down(Percentage.Percent(10m)));
        Assert.Equal("x0.9", RateMultiplier.Down(Percentage.Percent(10m)).ToString());
        Assert.Equal(RateMultiplier.FromFactor(1.1m), RateMultiplier.Parse("x1.1"));
        Assert.Equal(RateMultiplier.FromFactor(1.1m), RateMultiplier.Parse("×1.10"));
        Assert.Equal(RateMultiplier.One, RateMultiplier.Parse(RateMultiplier.One.ToString()));
        Assert.Throws<FormatException>(() => RateMultiplier.Parse("1.1"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RateMultiplier.FromFactor(0m));
        Assert.Equal("factor", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RateMultiplier.Down(Percentage.Percent(100m)));
        Assert.False(RateMultiplier.TryParse("x11", out _));
        Assert.NotEqual(RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.FromFactor(1.1m), RepricingRule.EveryJanuary1),
            RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.FromFactor(0.9m), RepricingRule.EveryJanuary1));
    }
}
