using NodaTime;

namespace MortgageMath.Tests.Apr;

/// <summary>
/// Every actuarial-method example of CFPB Regulation Z Appendix J (c), reproduced to the two decimals published
/// (inputs as transcribed in shared/reference/peers.md §5.4 and china-mortgage-conventions.md TV-12).
/// </summary>
public sealed class RegZAppendixJTests
{
    private static readonly LocalDate Jan10 = new(1978, 1, 10);

    private static IEnumerable<(LocalDate, decimal)> Monthly(LocalDate first, int count, decimal amount, int everyMonths = 1) =>
        Enumerable.Range(0, count).Select(k => (first.PlusMonths(k * everyMonths), amount));

    private static IEnumerable<(LocalDate, decimal)> EveryDays(LocalDate first, int count, decimal amount, int days) =>
        Enumerable.Range(0, count).Select(k => (first.PlusDays(k * days), amount));

    private static decimal Apr(decimal advance, LocalDate date, IEnumerable<(LocalDate, decimal)> payments, UnitPeriod unit) =>
        MortgageMath.Analytics.Apr.RegZActuarial(advance, date, payments.ToList(), unit).Disclosed;

    [Fact] // CFPB Regulation Z Appendix J (c)(1)(i): monthly payments, regular first period.
    public void C1i_monthly_regular_first_period() =>
        Assert.Equal(9.69m, Apr(5_000m, Jan10, Monthly(new LocalDate(1978, 2, 10), 24, 230m), UnitPeriod.Monthly));

    [Fact] // CFPB Regulation Z Appendix J (c)(1)(ii): monthly payments, long first period (t = 1, f = 19/30).
    public void C1ii_monthly_long_first_period()
    {
        var advance = new LocalDate(1978, 2, 10);
        Assert.Equal((1, 19m / 30m), UnitPeriodCount.Between(advance, new LocalDate(1978, 4, 1), UnitPeriod.Monthly));
        Assert.Equal(11.82m, Apr(6_000m, advance, Monthly(new LocalDate(1978, 4, 1), 36, 200m), UnitPeriod.Monthly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(1)(iii): semimonthly payments on the 1st and 16th, short first period (t = 0, f = 6/15).
    public void C1iii_semimonthly_short_first_period()
    {
        var advance = new LocalDate(1978, 2, 23);
        var dates = Enumerable.Range(0, 24).Select(k => new LocalDate(1978, 3, 1).PlusMonths(k / 2).PlusDays(k % 2 == 0 ? 0 : 15));
        Assert.Equal((0, 6m / 15m), UnitPeriodCount.Between(advance, new LocalDate(1978, 3, 1), UnitPeriod.Semimonthly));
        Assert.Equal((3, 6m / 15m), UnitPeriodCount.Between(advance, new LocalDate(1978, 4, 16), UnitPeriod.Semimonthly));
        Assert.Equal(10.34m, Apr(5_000m, advance, dates.Select(d => (d, 219.17m)), UnitPeriod.Semimonthly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(1)(iv): quarterly payments, long first period (t = 1, f = 39/90).
    public void C1iv_quarterly_long_first_period()
    {
        var advance = new LocalDate(1978, 5, 23);
        Assert.Equal((1, 39m / 90m), UnitPeriodCount.Between(advance, new LocalDate(1978, 10, 1), UnitPeriod.Quarterly));
        Assert.Equal(8.97m, Apr(10_000m, advance, Monthly(new LocalDate(1978, 10, 1), 40, 385m, 3), UnitPeriod.Quarterly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(1)(v): weekly payments, long first period (t = 4, f = 4/7).
    public void C1v_weekly_long_first_period()
    {
        var advance = new LocalDate(1978, 3, 20);
        Assert.Equal((4, 4m / 7m), UnitPeriodCount.Between(advance, new LocalDate(1978, 4, 21), UnitPeriod.Weekly));
        Assert.Equal(14.96m, Apr(500m, advance, EveryDays(new LocalDate(1978, 4, 21), 30, 17.60m, 7), UnitPeriod.Weekly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(2)(i): monthly, regular first period, irregular first payment.
    public void C2i_monthly_irregular_first_payment() =>
        Assert.Equal(10.08m, Apr(5_000m, Jan10,
            Monthly(new LocalDate(1978, 2, 10), 1, 250m).Concat(Monthly(new LocalDate(1978, 3, 10), 23, 230m)), UnitPeriod.Monthly));

    [Fact] // CFPB Regulation Z Appendix J (c)(2)(ii): every 4 weeks, long first period (t = 1, f = 5/28), irregular first payment.
    public void C2ii_four_weekly_irregular_first_payment()
    {
        var advance = new LocalDate(1978, 3, 18);
        Assert.Equal((1, 5m / 28m), UnitPeriodCount.Between(advance, new LocalDate(1978, 4, 20), UnitPeriod.FourWeekly));
        Assert.Equal(28.50m, Apr(400m, advance,
            EveryDays(new LocalDate(1978, 4, 20), 1, 39.50m, 28).Concat(EveryDays(new LocalDate(1978, 5, 18), 11, 38.31m, 28)), UnitPeriod.FourWeekly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(3)(i): monthly, regular first period, irregular final payment.
    public void C3i_monthly_irregular_final_payment() =>
        Assert.Equal(10.50m, Apr(5_000m, Jan10,
            Monthly(new LocalDate(1978, 2, 10), 23, 230m).Append((new LocalDate(1978, 2, 10).PlusMonths(23), 280m)), UnitPeriod.Monthly));

    [Fact] // CFPB Regulation Z Appendix J (c)(3)(ii): every 2 weeks, short first period (t = 0, f = 8/14), irregular final payment.
    public void C3ii_biweekly_irregular_final_payment()
    {
        var advance = new LocalDate(1978, 4, 3);
        var first = new LocalDate(1978, 4, 11);
        Assert.Equal((0, 8m / 14m), UnitPeriodCount.Between(advance, first, UnitPeriod.Biweekly));
        Assert.Equal(12.22m, Apr(200m, advance,
            EveryDays(first, 19, 9.50m, 14).Append((first.PlusDays(14 * 19), 30m)), UnitPeriod.Biweekly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(4)(i): monthly, regular first period, irregular first and final payments.
    public void C4i_monthly_irregular_first_and_final_payments() =>
        Assert.Equal(10.90m, Apr(5_000m, Jan10,
            Monthly(new LocalDate(1978, 2, 10), 1, 250m)
                .Concat(Monthly(new LocalDate(1978, 3, 10), 22, 230m))
                .Append((new LocalDate(1978, 3, 10).PlusMonths(22), 280m)), UnitPeriod.Monthly));

    [Fact] // CFPB Regulation Z Appendix J (c)(4)(ii): every 2 months, short first period (t = 0, f = 52/60), irregular first and final.
    public void C4ii_bimonthly_irregular_first_and_final_payments()
    {
        Assert.Equal((0, 52m / 60m), UnitPeriodCount.Between(Jan10, new LocalDate(1978, 3, 1), UnitPeriod.Bimonthly));
        Assert.Equal(7.30m, Apr(8_000m, Jan10,
            Monthly(new LocalDate(1978, 3, 1), 1, 449.36m)
                .Concat(Monthly(new LocalDate(1978, 5, 1), 18, 465m, 2))
                .Append((new LocalDate(1978, 5, 1).PlusMonths(36), 200m)), UnitPeriod.Bimonthly));
    }

    [Fact] // CFPB Regulation Z Appendix J (c)(5)(i): single advance, single payment, term of 255 days: 0.08 × 365/255.
    public void C5i_single_payment_in_days()
    {
        RegZApr apr = MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, new LocalDate(1978, 1, 3), 1_080m, new LocalDate(1978, 9, 15));
        Assert.Equal(11.45m, apr.Disclosed);
        Assert.Equal(0.08m, apr.UnitPeriodRate);
        Assert.Equal(0.08m * 365m / 255m, apr.AnnualRate.ToFraction(), 15);
        Assert.Equal("11.45%", apr.ToString());
    }

    [Fact] // (b)(5)(vi): a single payment a whole number of months later: 12 / months unit-periods a year.
    public void Single_payment_in_whole_months()
    {
        RegZApr apr = MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, new LocalDate(2024, 1, 31), 1_030m, new LocalDate(2024, 7, 31));
        Assert.Equal(2m, apr.UnitPeriodsPerYear);
        Assert.Equal(Rate.Percent(6m), apr.AnnualRate);
    }

    [Fact] // A single payment a year or more away uses the yearly unit-period: 1,000 → 1,210 after two years is 10%.
    public void Single_payment_after_two_years_is_annual()
    {
        RegZApr apr = MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, new LocalDate(2024, 2, 29), 1_210m, new LocalDate(2026, 2, 28));
        Assert.Equal(10.00m, apr.Disclosed);
        Assert.Equal(1m, apr.UnitPeriodsPerYear);
    }

    [Theory] // Whole months counted back from the payment; a month-end due date clamped from a later day is a whole month.
    [InlineData("1978-02-10", "1978-04-01", 1, 19)]
    [InlineData("2024-01-31", "2024-02-29", 1, 0)]
    [InlineData("2023-01-31", "2023-02-28", 1, 0)]
    [InlineData("2023-01-30", "2023-02-28", 1, 0)]
    [InlineData("2023-01-31", "2023-04-30", 3, 0)]
    [InlineData("2023-03-01", "2023-04-30", 1, 29)]
    [InlineData("2023-01-15", "2023-01-15", 0, 0)]
    [InlineData("2023-01-15", "2023-02-14", 0, 30)]
    [InlineData("2023-01-31", "2023-03-30", 1, 28)]
    public void Months_are_counted_back_by_calendar(string advance, string payment, int months, int days)
    {
        LocalDate a = LocalDate.FromDateTime(DateTime.Parse(advance, System.Globalization.CultureInfo.InvariantCulture));
        LocalDate p = LocalDate.FromDateTime(DateTime.Parse(payment, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((months, days), UnitPeriodCount.MonthsBack(a, p));
    }
}
