using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Golden;

/// <summary>TV-5 of china-mortgage-conventions.md §8 (constructed from §3.3, 首期按实际天数计息).</summary>
public class OddFirstPeriodGoldenTests
{
    // 100万, 4.90%, 360, disbursed 2024-03-10, repayment day 20 → first due 2024-04-20, 41 days.
    private static readonly Loan Tv5 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 10)) { RepaymentDay = 20 };

    // TV-1 disbursed on 2024-03-20: the same due dates, regular first month.
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void TV5_adjust_first_payment_is_the_default_and_charges_41_days_at_actual_360()
    {
        Assert.Equal(OddFirstPeriodPolicy.AdjustFirstPayment, Tv5.OddFirstPeriod);
        Assert.Equal(DayCount.Actual360, Tv5.DayCount);
        Schedule s = Tv5.BuildSchedule();
        Assert.Equal(new LocalDate(2024, 4, 20), s.First.DueDate);
        Assert.Equal(5_580.56m, s.First.Interest);   // round(1,000,000 × 4.9% / 360 × 41)
        Assert.Equal(1_223.94m, s.First.Principal);  // TV-1's scheduled principal
        Assert.Equal(6_804.50m, s.First.Payment);
    }

    [Fact]
    public void TV5_rows_2_to_360_equal_TV1_rows_2_to_360_including_due_dates()
    {
        Schedule odd = Tv5.BuildSchedule();
        Schedule regular = Tv1.BuildSchedule();
        Assert.Equal(regular.Count, odd.Count);
        for (int k = 1; k < 360; k++)
        {
            Assert.Equal(regular[k], odd[k]);
        }

        Assert.Equal(regular.TotalInterest + (5_580.56m - 4_083.33m), odd.TotalInterest);
    }

    [Fact]
    public void TV5_actual_365_fixed_charges_round_1000000_x_4_9pct_x_41_over_365()
    {
        Schedule s = (Tv5 with { DayCount = DayCount.Actual365Fixed }).BuildSchedule();
        Assert.Equal(5_504.11m, s.First.Interest); // 5,504.1095…
        Assert.Equal(1_223.94m + 5_504.11m, s.First.Payment);
    }

    /// <summary>
    /// KeepRegularPayment (FST_PAY_FLG = 1) as the library documents it: the 41-day interest 5,580.56 exceeds the
    /// regular payment 5,307.27, so the principal part is 0 and the first payment is the interest alone.
    /// </summary>
    [Fact]
    public void TV5_keep_regular_payment_long_first_period_library_documented_behaviour()
    {
        Schedule s = (Tv5 with { OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment }).BuildSchedule();
        Assert.Equal(5_580.56m, s.First.Interest);
        Assert.Equal(0m, s.First.Principal);
        Assert.Equal(5_580.56m, s.First.Payment);
        // No principal was repaid in row 1, so the method restarts on 1,000,000 over the 359 periods left.
        Assert.Equal(new Loan(1_000_000m, Rate.Percent(4.9m), 359, new LocalDate(2024, 4, 20)).Quote().Payment, s[1].Payment);
        Assert.Equal(5_313.77m, s[1].Payment);
        Assert.Equal(4_083.33m, s[1].Interest);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void Keep_regular_payment_short_first_period_26_days_keeps_5307_27()
    {
        // Disbursed 2024-03-25, due on the 20th → 2024-04-20, 26 days: interest round(1e6 × 4.9% × 26 / 360) = 3,538.89.
        Loan loan = Tv5 with { Disbursement = new LocalDate(2024, 3, 25), OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(3_538.89m, s.First.Interest);
        Assert.Equal(5_307.27m, s.First.Payment);
        Assert.Equal(1_768.38m, s.First.Principal); // 1,223.94 + 4,083.33 − 3,538.89

        Schedule adjusted = (loan with { OddFirstPeriod = OddFirstPeriodPolicy.AdjustFirstPayment }).BuildSchedule();
        Assert.Equal(1_223.94m + 3_538.89m, adjusted.First.Payment);
    }

    /// <summary>
    /// With KeepRegularPayment and a short first period the first month repays extra principal; the method then
    /// restarts on the balance left over the periods left, so the loan is not paid off early and no row is 0.00
    /// (before that fix, 100万 4.9% 360 with a 1-day first period ended with three 0.00 rows).
    /// </summary>
    [Fact]
    public void Keep_regular_payment_short_first_period_has_no_zero_payment_rows()
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 19))
        {
            RepaymentDay = 20,
            FirstDueDate = new LocalDate(2024, 3, 20),
            OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment,
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(136.11m, s.First.Interest);
        Assert.Equal(5_171.16m, s.First.Principal);
        Assert.Equal(5_307.27m, s.First.Payment);
        Assert.All(s, row => Assert.True(row.Payment > 0m, row.ToString()));
        Assert.Equal(0m, s.Last.ClosingBalance);

        // Rows 2..360 are the equal-installment schedule of the balance left (994,828.84) over 359 periods.
        Schedule rest = new Loan(994_828.84m, Rate.Percent(4.9m), 359, new LocalDate(2024, 3, 20)).BuildSchedule();
        Assert.Equal(rest.First.Payment, s[1].Payment);
        Assert.Equal(rest.Last.Payment, s.Last.Payment);
    }
}
