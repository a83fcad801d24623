using NodaTime;
using static MortgageMath.Tests.Floating.FloatingSupport;

namespace MortgageMath.Tests.Floating;

/// <summary>Floating plans and rate events that cannot be built, and the errors they give.</summary>
public sealed class FloatingErrorTests
{
    private static Loan Lpr(decimal spreadBp = 0m) =>
        new(500_000m, RatePlan.Floating(RateIndex.Lpr5Y, Bp(spreadBp), RepricingRule.EveryJanuary1), 60, D(2020, 6, 10)); // matures 2025-06-10

    [Fact]
    public void Spread_change_on_a_fixed_loan()
    {
        var loan = new Loan(500_000m, Pct(4.9m), 60, D(2020, 6, 10)) { Events = [RateEvent.SpreadChange(D(2022, 3, 1), Bp(-30m))] };
        var ex = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal((0, D(2022, 3, 1)), (ex.EventIndex, ex.EventDate));
        Assert.Contains("2022-03-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fixed", ex.Message, StringComparison.Ordinal);

        // Also on the fixed step of a stepped plan, after the floating step would be fine.
        RatePlan stepped = RatePlan.Stepped(RatePlan.Fixed(Pct(4.9m)), 24, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1));
        Assert.Throws<LoanEventException>(() => (loan with { RatePlan = stepped }).BuildSchedule());
        Schedule ok = (loan with { RatePlan = stepped, Events = [RateEvent.SpreadChange(D(2022, 8, 1), Bp(-30m))] }).BuildSchedule();
        Assert.Contains(ok.RateChanges, c => c.Causes.HasFlag(RateChangeCauses.SpreadChange));
    }

    [Theory]
    [InlineData(2020, 6, 1)]    // before disbursement
    [InlineData(2020, 6, 10)]   // on disbursement
    [InlineData(2025, 6, 10)]   // on the last due date
    [InlineData(2026, 1, 1)]    // after maturity
    public void Rate_event_outside_the_loan(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        Loan loan = Lpr() with { Events = [RateEvent.SpreadChange(date, Bp(-30m))] };
        var ex = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal((0, date, (object)date), (ex.EventIndex, ex.EventDate, ex.ActualValue!));
        Assert.Contains(date.ToString("yyyy-MM-dd", null), ex.Message, StringComparison.Ordinal);
        Assert.Throws<LoanEventException>(() => (Lpr() with { Events = [RateEvent.FixedRate(date, Pct(3m))] }).BuildSchedule());
    }

    [Fact]
    public void Rate_event_the_day_after_disbursement_and_the_day_before_maturity_are_fine()
    {
        Schedule s = (Lpr() with { Events = [RateEvent.SpreadChange(D(2020, 6, 11), Bp(10m)), RateEvent.SpreadChange(D(2025, 6, 9), Bp(20m))] }).BuildSchedule();
        Assert.Equal(D(2025, 6, 9), s.RateChanges[^1].EffectiveDate);
        Assert.Equal([30, 1], s.Last.RateSegments.Select(g => g.Days));
    }

    [Fact]
    public void Spread_that_makes_the_rate_negative()
    {
        // 2025-05-20 LPR 3.50 − 400bp = −0.50%.
        var ex = Assert.Throws<ArgumentException>(() =>
            new Loan(100_000m, RatePlan.Floating(RateIndex.Lpr5Y, Bp(-400m), RepricingRule.EveryJanuary1), 6, D(2025, 6, 1)).BuildSchedule());
        Assert.Contains("-0.5%", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-06-01", ex.Message, StringComparison.Ordinal);

        // Becoming negative later, through a spread change (4.65 − 500bp on 2021-06-01), is the same error.
        Assert.Throws<ArgumentException>(() => (Lpr() with { Events = [RateEvent.SpreadChange(D(2021, 6, 1), Bp(-500m))] }).BuildSchedule());

        // A floor rescues it: max(−0.50%, 0%) = 0%.
        Schedule floored = new Loan(100_000m, RatePlan.Floating(RateIndex.Lpr5Y, Bp(-400m), RepricingRule.EveryJanuary1, Rate.Zero), 6, D(2025, 6, 1)).BuildSchedule();
        Assert.Equal(0m, floored.TotalInterest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(-3)]
    public void Repricing_cycle_outside_1_to_120_months(int months)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryMonths(months));
        Assert.Equal("months", ex.ParamName);
        _ = RepricingRule.EveryMonths(1);
        _ = RepricingRule.EveryMonths(120);
    }

    [Theory]
    [InlineData(10_001)]
    [InlineData(-10_001)]
    [InlineData(10_000.5)]
    public void Spread_beyond_10000bp(double basisPoints)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Spread.FromBasisPoints((decimal)basisPoints));
        Assert.Equal(10_000m, Spread.FromBasisPoints(10_000m).BasisPoints);
        Assert.Equal(-10_000m, Spread.FromBasisPoints(-10_000m).BasisPoints);
    }

    [Fact]
    public void Missing_fixing_before_the_first_lpr()
    {
        var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 36, D(2019, 1, 1));
        var ex = Assert.Throws<MissingRateFixingException>(() => loan.BuildSchedule());
        Assert.Equal(RateIndex.Lpr5Y, ex.Index);
        Assert.Equal(D(2019, 1, 1), ex.Date);
        Assert.Contains("2019-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2019-08-20", ex.Message, StringComparison.Ordinal);

        // The first LPR fixing day itself works.
        Assert.Equal(Pct(4.85m), (loan with { Disbursement = D(2019, 8, 20) }).BuildSchedule().First.AnnualRate);
    }

    [Fact]
    public void Floor_outside_0_to_100_percent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Pct(-0.01m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Pct(100.01m)));
    }
}
