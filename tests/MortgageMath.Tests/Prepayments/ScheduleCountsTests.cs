using NodaTime;

namespace MortgageMath.Tests.Prepayments;

/// <summary><see cref="Schedule.RegularPaymentsThrough"/>, <see cref="Schedule.IsRegularDueDate"/> and
/// <see cref="Schedule.PaymentsAfter"/>.</summary>
public class ScheduleCountsTests
{
    private static readonly Schedule Tv1 = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)).BuildSchedule();

    [Theory]
    [InlineData(2024, 3, 20, 0, false, 360)]
    [InlineData(2024, 4, 20, 1, true, 359)]
    [InlineData(2025, 3, 20, 12, true, 348)]
    [InlineData(2025, 3, 21, 12, false, 348)]
    [InlineData(2054, 3, 20, 360, true, 0)]
    public void Counts_around_a_date(int year, int month, int day, int through, bool due, int after)
    {
        var date = new LocalDate(year, month, day);
        Assert.Equal(through, Tv1.RegularPaymentsThrough(date));
        Assert.Equal(due, Tv1.IsRegularDueDate(date));
        Assert.Equal(after, Tv1.PaymentsAfter(date));
    }

    [Fact]
    public void A_balloon_counts_after_but_not_as_regular()
    {
        Schedule schedule = new Loan(1_000_000m, Rate.Percent(4.9m), 60, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.Balloon(360) }.BuildSchedule();
        LocalDate balloon = schedule.Last.DueDate;
        Assert.Equal(1, schedule.PaymentsAfter(balloon.PlusDays(-1)));
        Assert.False(schedule.IsRegularDueDate(balloon));
        Assert.Equal(59, schedule.RegularPaymentsThrough(balloon)); // the balloon row is not a regular one here
        Assert.Equal(60, schedule.RegularPayments); // which counts it
    }

    [Fact]
    public void Prepayment_rows_are_not_counted()
    {
        var date = new LocalDate(2025, 3, 25);
        Schedule schedule = (Tv1.Loan with { Events = [Prepayment.Partial(date, 100_000m, PrepaymentOption.LowerPayment)] }).BuildSchedule();
        Assert.Equal(12, schedule.RegularPaymentsThrough(date));
        Assert.False(schedule.IsRegularDueDate(date));
        Assert.Equal(348, schedule.PaymentsAfter(date));
    }
}
