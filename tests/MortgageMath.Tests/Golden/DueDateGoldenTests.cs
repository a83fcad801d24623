using NodaTime;

namespace MortgageMath.Tests.Golden;

/// <summary>Due dates: the repayment day each month, clamped to the month's end (31 → 30 → Feb 28/29); §3.3.</summary>
public class DueDateGoldenTests
{
    private static Loan Loan(LocalDate disbursed, int? day = null, int periods = 60) =>
        new(100_000m, Rate.Percent(4.9m), periods, disbursed) { RepaymentDay = day };

    [Fact]
    public void Repayment_day_31_clamps_to_month_end_including_leap_february_2028()
    {
        Schedule s = Loan(new LocalDate(2024, 3, 31), periods: 60).BuildSchedule();
        Assert.Equal(new LocalDate(2024, 4, 30), s[0].DueDate);
        Assert.Equal(new LocalDate(2024, 5, 31), s[1].DueDate);
        Assert.Equal(new LocalDate(2024, 6, 30), s[2].DueDate);
        Assert.Equal(new LocalDate(2025, 2, 28), s[10].DueDate);
        Assert.Equal(new LocalDate(2025, 3, 31), s[11].DueDate);
        Assert.Equal(new LocalDate(2028, 2, 29), s[46].DueDate);
        Assert.Equal(new LocalDate(2029, 2, 28), s[58].DueDate);
        Assert.Equal(new LocalDate(2029, 3, 31), s[59].DueDate);
        Assert.Equal(408.33m, s[0].Interest); // a regular month: 100,000 × 4.9% / 12 = 408.33
    }

    [Theory]
    [InlineData(2024, 2024, 2, 29)] // leap
    [InlineData(2025, 2025, 2, 28)]
    [InlineData(2100, 2100, 2, 28)] // not a leap year
    [InlineData(2000, 2000, 2, 29)] // leap (divisible by 400)
    public void Disbursed_January_31_first_due_is_end_of_February_and_is_a_regular_month(int year, int dueYear, int dueMonth, int dueDay)
    {
        Loan loan = Loan(new LocalDate(year, 1, 31), day: 31, periods: 12);
        Schedule s = loan.BuildSchedule();
        Assert.Equal(new LocalDate(dueYear, dueMonth, dueDay), s[0].DueDate);
        Assert.Equal(408.33m, s[0].Interest); // balance × rate / 12, not days/360
        Assert.Equal(new LocalDate(year, 3, 31), s[1].DueDate);
        Assert.Equal(new LocalDate(year, 4, 30), s[2].DueDate);
    }

    [Fact]
    public void Default_repayment_day_is_the_disbursement_day()
    {
        Schedule s = Loan(new LocalDate(2024, 1, 30), periods: 3).BuildSchedule();
        Assert.Equal(new[] { new LocalDate(2024, 2, 29), new LocalDate(2024, 3, 30), new LocalDate(2024, 4, 30) }, s.Select(r => r.DueDate));
        Assert.Equal(408.33m, s[0].Interest);
    }

    [Fact]
    public void Repayment_day_30_in_february_and_after()
    {
        Schedule s = Loan(new LocalDate(2023, 1, 30), day: 30, periods: 3).BuildSchedule();
        Assert.Equal(new[] { new LocalDate(2023, 2, 28), new LocalDate(2023, 3, 30), new LocalDate(2023, 4, 30) }, s.Select(r => r.DueDate));
    }

    [Fact]
    public void Repayment_day_different_from_disbursement_day_makes_an_odd_first_period()
    {
        // Disbursed 2024-02-29 with day 31: first due 2024-03-31 (31 days; Feb 29 + 1 month = Mar 29 ≠ Mar 31).
        Schedule s = Loan(new LocalDate(2024, 2, 29), day: 31, periods: 3).BuildSchedule();
        Assert.Equal(new LocalDate(2024, 3, 31), s[0].DueDate);
        Assert.Equal(421.94m, s[0].Interest); // round(100,000 × 4.9% × 31 / 360) = 421.944…
        Assert.Equal(new LocalDate(2024, 4, 30), s[1].DueDate);
    }

    [Fact]
    public void Explicit_first_due_date_in_the_same_month()
    {
        Loan loan = Loan(new LocalDate(2024, 3, 10), day: 20, periods: 3) with { FirstDueDate = new LocalDate(2024, 3, 20) };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(new[] { new LocalDate(2024, 3, 20), new LocalDate(2024, 4, 20), new LocalDate(2024, 5, 20) }, s.Select(r => r.DueDate));
        Assert.Equal(136.11m, s[0].Interest); // round(100,000 × 4.9% × 10 / 360) = 136.111…
    }

    [Fact]
    public void Explicit_first_due_date_two_months_later_on_month_end()
    {
        Loan loan = Loan(new LocalDate(2024, 1, 31), day: 31, periods: 3) with { FirstDueDate = new LocalDate(2024, 3, 31) };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(new LocalDate(2024, 3, 31), s[0].DueDate);
        Assert.Equal(816.67m, s[0].Interest); // 60 days (Jan 31 → Mar 31, 2024): round(100,000 × 4.9% × 60 / 360) = 816.666…
    }
}
