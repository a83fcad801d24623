using NodaTime;
using static MortgageMath.Tests.Floating.FloatingSupport;

namespace MortgageMath.Tests.Floating;

/// <summary>Minimal reproductions of library bugs found by the floating-rate tests (skipped until fixed).</summary>
public sealed class FloatingBugTests
{
    private static readonly RateTable Tv8Table = Table(RateIndex.Lpr5Y, [(D(2022, 1, 20), 4.20m), (D(2023, 12, 20), 3.95m)], D(2060, 1, 1));

    /// <summary>
    /// An odd first period (not one calendar month) in which the rate changes, under NewRateForWholePeriod, is charged
    /// ONE REGULAR MONTH at the new rate instead of the period's actual days at the new rate: the odd-days rule
    /// (OddFirstPeriodPolicy docs: "in both policies the first period's interest is charged for the actual days") is
    /// skipped because Amortizer checks it only in the `else if` after the rate-change branch. A 41-day first period
    /// loses 11 days of interest; an 8-day one is charged 30 days. A fixed 3.95% loan charges the actual days.
    /// </summary>
    [Fact]
    public void Odd_first_period_with_a_rate_change_whole_period_policy_charges_actual_days()
    {
        RatePlan plan = RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1);

        // Disbursed 2023-12-10, due on the 20th: first period 2023-12-10 → 2024-01-20 (41 days), repriced 2024-01-01 to 3.95%.
        var longFirst = new Loan(1_000_000m, plan, 360, D(2023, 12, 10))
        {
            RepaymentDay = 20,
            Rates = Tv8Table,
            RateChangeInterest = RateChangeInterest.NewRateForWholePeriod,
        };
        Installment first = longFirst.BuildSchedule().First;
        Assert.True(first.RateChanged);
        Assert.Equal(4_498.61m, new Loan(1_000_000m, Pct(3.95m), 360, D(2023, 12, 10)) { RepaymentDay = 20 }.BuildSchedule().First.Interest);
        Assert.Equal(4_498.61m, first.Interest); // 1,000,000 × 3.95% × 41 / 360; the library charges 3,291.67 (= × 1/12)

        // Disbursed 2023-12-28, due on the 5th: first period 8 days, repriced inside it.
        Installment shortFirst = (longFirst with { Disbursement = D(2023, 12, 28), RepaymentDay = 5 }).BuildSchedule().First;
        Assert.Equal(877.78m, shortFirst.Interest); // 1,000,000 × 3.95% × 8 / 360; the library charges 3,291.67
    }

    /// <summary>
    /// OddFirstPeriodPolicy is documented for a first period that is NOT exactly one month. Yet with
    /// KeepRegularPayment a regular (one-month) first period that straddles a repricing is treated like an odd one:
    /// its payment is forced to the new regular payment (principal absorbing the split interest) and the annuity restarts
    /// over n − 1 periods, instead of TV-8's straddle rule (new regular principal + day-split interest). The policy
    /// should make no difference when the first period is exactly one month.
    /// </summary>
    [Fact]
    public void Keep_regular_payment_does_not_touch_a_one_month_first_period_with_a_repricing()
    {
        var adjust = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, D(2023, 12, 19))
        {
            Rates = Tv8Table,
        };
        Loan keep = adjust with { OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment };
        Schedule a = adjust.BuildSchedule();
        Schedule k = keep.BuildSchedule();
        Assert.True(a.First.RateChanged);
        Assert.Equal(1_453.70m, a.First.Principal);   // PMT(1,000,000, 3.95%/12, 360) 4,745.37 − 3,291.67
        Assert.Equal(3_491.67m, a.First.Interest);    // 1,000,000 × (4.20% × 13 + 3.95% × 18) / 360
        Assert.Equal(a.ToArray(), k.ToArray()); // the library: first payment 4,745.37 (principal 1,253.70), then 4,746.32
    }
}
