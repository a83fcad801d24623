using NodaTime;
using static MortgageMath.Tests.Floating.FloatingSupport;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// Legitimate consequences of the split-by-actual-days convention (china-mortgage-conventions.md §1.4, TV-8) that
/// make "a lower rate path never costs more" false in general; the properties assert the precise versions
/// (FloatingPropertyTests: parallel cuts under the split policy, any cuts under the whole-period policy).
/// </summary>
public sealed class FloatingConventionTests
{
    private static RateTable TwoFixings(decimal first, decimal second) =>
        Table(RateIndex.Lpr5Y, [(D(2022, 1, 20), first), (D(2023, 12, 20), second)], D(2060, 1, 1));

    private static Loan OnTable(Loan loan, RateTable table) => loan with { Rates = table };

    /// <summary>
    /// A 1bp cut that makes the 1 January repricing change the rate turns the period 2023-12-31 → 2024-01-31 into a
    /// straddled one charged for its 31 actual days / 360, where an unchanged rate charges a regular month (1/12):
    /// that month's interest, and here the total, go UP although every rate went down or stayed.
    /// </summary>
    [Fact]
    public void A_small_cut_can_raise_interest_through_a_31_day_straddled_month()
    {
        var loan = new Loan(120_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 12, D(2023, 7, 31))
        {
            Method = RepaymentMethod.EqualPrincipal,
        };
        Schedule high = OnTable(loan, TwoFixings(5.00m, 5.00m)).BuildSchedule();
        Schedule low = OnTable(loan, TwoFixings(5.00m, 4.99m)).BuildSchedule();

        Installment h = high[5];
        Installment l = low[5];
        Assert.Equal(D(2024, 1, 31), l.DueDate);
        Assert.False(h.RateChanged);
        Assert.Equal([1, 30], l.RateSegments.Select(g => g.Days));
        Assert.Equal(291.67m, h.Interest);            // 70,000 × 5% / 12
        Assert.Equal(300.81m, l.Interest);            // 70,000 × (5% × 1 + 4.99% × 30) / 360
        Assert.True(low.TotalInterest > high.TotalInterest);

        // Under the whole-period policy the same cut lowers both.
        Schedule lowWhole = OnTable(loan with { RateChangeInterest = RateChangeInterest.NewRateForWholePeriod }, TwoFixings(5.00m, 4.99m)).BuildSchedule();
        Assert.Equal(291.08m, lowWhole[5].Interest);  // 70,000 × 4.99% / 12
        Assert.True(lowWhole.TotalInterest < high.TotalInterest);
    }

    /// <summary>
    /// §1.4: "This can make the January payment higher than December's even when rates fall." Due on the 5th, the
    /// January period has 27 days at the old rate and 4 at the new one, but its principal part is the new (lower-rate)
    /// schedule's, which is larger: cutting the December fixing raises that payment above the no-cut payment.
    /// </summary>
    [Fact]
    public void A_cut_can_raise_the_straddled_payment()
    {
        var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, D(2022, 12, 5));
        Schedule high = OnTable(loan, TwoFixings(4.20m, 4.20m)).BuildSchedule();
        Schedule low = OnTable(loan, TwoFixings(4.20m, 3.95m)).BuildSchedule();
        Assert.Equal(982_993.05m, low[11].ClosingBalance);
        Assert.Equal([27, 4], low[12].RateSegments.Select(g => g.Days));
        Assert.Equal(4_890.17m, high[12].Payment);
        Assert.Equal(1_513.34m, low[12].Principal);   // as in TV-8
        Assert.Equal(3_527.85m, low[12].Interest);    // 982,993.05 × (4.20% × 27 + 3.95% × 4) / 360
        Assert.Equal(5_041.19m, low[12].Payment);     // higher than without the cut, and than December's 4,890.17
        Assert.True(low[12].Payment > low[11].Payment);
        Assert.Equal(4_749.03m, low[13].Payment);
        Assert.True(low.TotalInterest < high.TotalInterest);
    }

    /// <summary>
    /// The same mechanism in a short odd first period (AdjustFirstPayment, even at a fixed rate): the payment is the
    /// regular principal (larger at a lower rate) plus only 8 days of interest, so the lower rate pays more that month.
    /// </summary>
    [Fact]
    public void A_lower_rate_can_raise_a_short_odd_first_payment()
    {
        Installment at395 = new Loan(1_000_000m, Pct(3.95m), 360, D(2023, 12, 28)) { RepaymentDay = 5 }.BuildSchedule().First;
        Installment at420 = new Loan(1_000_000m, Pct(4.20m), 360, D(2023, 12, 28)) { RepaymentDay = 5 }.BuildSchedule().First;
        Assert.Equal(8, Period.DaysBetween(D(2023, 12, 28), at395.DueDate));
        Assert.True(at395.Payment > at420.Payment, $"{at395} vs {at420}");
    }
}
