using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Calendar;

/// <summary>
/// <see cref="DayNumber"/> (days since 1970-01-01 by integer arithmetic) against NodaTime's own day counting
/// (<see cref="Period.DaysBetween"/>), and the due dates' day numbers and <see cref="DueDates.PeriodFor"/> (which
/// places a dated event in its period) against the due dates themselves.
/// </summary>
public sealed class DayNumberTests
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Far ends of the ISO calendar as NodaTime supports it, and the day before/after the leap rule's edges.</summary>
    private static readonly LocalDate[] FarDates =
    [
        new(1, 1, 1), new(9999, 12, 31), new(1, 3, 1), new(0, 2, 29), new(0, 3, 1), new(-1, 12, 31), new(-9998, 1, 1),
        new(1600, 2, 29), new(1700, 3, 1), new(1899, 12, 31), new(2201, 1, 1), new(4000, 2, 29), new(9999, 1, 1),
    ];

    /// <summary>An ISO date in a year chosen by <paramref name="years"/>; month ends (and so 29 February) weighted.</summary>
    private static Gen<LocalDate> DatesIn(Gen<int> years) =>
        from year in years
        from month in Gen.Choose(1, 12)
        from day in Gen.Frequency(
            (3, Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))),
            (1, Gen.Constant(CalendarSystem.Iso.GetDaysInMonth(year, month))))
        select new LocalDate(year, month, day);

    /// <summary>Mostly the loan range 1900..2200 (with the century years weighted), sometimes anywhere NodaTime goes.</summary>
    private static Gen<LocalDate> Dates =>
        Gen.Frequency(
            (8, DatesIn(Gen.Frequency((1, Gen.Elements(1900, 2000, 2024, 2100, 2200)), (6, Gen.Choose(1900, 2200))))),
            (1, DatesIn(Gen.Choose(-9998, 9999))),
            (1, Gen.Elements(FarDates)));

    [Fact]
    public void Epoch_is_day_zero()
    {
        Assert.Equal(0, DayNumber.Of(Epoch));
        Assert.Equal(0, DayNumber.Of(1970, 1, 1));
        Assert.Equal(-1, DayNumber.Of(1969, 12, 31));
        Assert.Equal(1, DayNumber.Of(1970, 1, 2));
    }

    [Fact]
    public void Known_day_numbers()
    {
        Assert.Equal(10_957, DayNumber.Of(new LocalDate(2000, 1, 1)));   // Unix day of 2000-01-01
        Assert.Equal(19_802, DayNumber.Of(new LocalDate(2024, 3, 20)));  // TV1's disbursement
        Assert.Equal(-25_567, DayNumber.Of(new LocalDate(1900, 1, 1)));
        Assert.Equal(-719_162, DayNumber.Of(new LocalDate(1, 1, 1)));
        Assert.Equal(2_932_896, DayNumber.Of(new LocalDate(9999, 12, 31)));
    }

    /// <summary><see cref="DayNumber.ToDate"/> is the inverse of <see cref="DayNumber.Of(LocalDate)"/> and NodaTime's
    /// days from the epoch, over every day of 1899–2301 (the loan range and past it) and the far dates.</summary>
    [Fact]
    public void ToDate_inverts_the_day_number_on_every_day_of_the_loan_range()
    {
        for (LocalDate date = new(1899, 1, 1); date.Year <= 2301; date = date.PlusDays(1))
        {
            int day = DayNumber.Of(date);
            Assert.Equal(date, DayNumber.ToDate(day));
        }

        foreach (LocalDate date in FarDates)
        {
            Assert.Equal(date, DayNumber.ToDate(Period.DaysBetween(Epoch, date)));
        }
    }

    [Property(MaxTest = 2_000)]
    public Property ToDate_agrees_with_NodaTime_anywhere() =>
        Prop.ForAll(Arb.From(Dates), date => Assert.Equal(date, DayNumber.ToDate(Period.DaysBetween(Epoch, date))));

    [Fact]
    public void Far_dates_agree_with_NodaTime()
    {
        foreach (LocalDate date in FarDates)
        {
            Assert.True(Period.DaysBetween(Epoch, date) == DayNumber.Of(date), $"{date:uuuu-MM-dd}: {DayNumber.Of(date)} vs {Period.DaysBetween(Epoch, date)}");
        }

        Assert.Equal(Period.DaysBetween(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31)), DayNumber.Of(9999, 12, 31) - DayNumber.Of(1, 1, 1));
        Assert.Equal(3_652_058, DayNumber.Of(9999, 12, 31) - DayNumber.Of(1, 1, 1));
    }

    [Fact]
    public void The_year_table_agrees_with_the_civil_formula_on_every_day_it_covers_and_next_to_it()
    {
        // Of reads a table of 1 January for 1900..2300 and falls back to Civil outside; both must give every day.
        var day = new LocalDate(1899, 12, 1);
        int expected = DayNumber.Civil(1899, 12, 1);
        while (day <= new LocalDate(2302, 1, 31))
        {
            Assert.Equal(expected, DayNumber.Of(day.Year, day.Month, day.Day));
            Assert.Equal(expected, DayNumber.Civil(day.Year, day.Month, day.Day));
            day = day.PlusDays(1);
            expected++;
        }
    }

    [Fact]
    public void Leap_days()
    {
        Assert.Equal(1, DayNumber.Of(2000, 2, 29) - DayNumber.Of(2000, 2, 28)); // divisible by 400: leap
        Assert.Equal(1, DayNumber.Of(2000, 3, 1) - DayNumber.Of(2000, 2, 29));
        Assert.Equal(1, DayNumber.Of(2100, 3, 1) - DayNumber.Of(2100, 2, 28)); // divisible by 100 only: not leap
        Assert.Equal(1, DayNumber.Of(1900, 3, 1) - DayNumber.Of(1900, 2, 28));
        Assert.Equal(1, DayNumber.Of(2024, 3, 1) - DayNumber.Of(2024, 2, 29));
        Assert.Equal(2, DayNumber.Of(2024, 3, 1) - DayNumber.Of(2024, 2, 28));
        Assert.Equal(1, DayNumber.Of(2023, 3, 1) - DayNumber.Of(2023, 2, 28));
        Assert.Equal(366, DayNumber.Of(2001, 1, 1) - DayNumber.Of(2000, 1, 1));
        Assert.Equal(365, DayNumber.Of(2101, 1, 1) - DayNumber.Of(2100, 1, 1));
        Assert.Equal(366, DayNumber.Of(2025, 1, 1) - DayNumber.Of(2024, 1, 1));
        Assert.Equal(146_097, DayNumber.Of(2400, 1, 1) - DayNumber.Of(2000, 1, 1)); // one 400-year cycle
    }

    [Property(MaxTest = 500)]
    public Property Differences_equal_NodaTime_days_between() =>
        Prop.ForAll(Arb.From(from a in Dates from b in Dates select (a, b)), p =>
        {
            (LocalDate a, LocalDate b) = p;
            int expected = Period.DaysBetween(a, b);
            Assert.True(DayNumber.Of(b) - DayNumber.Of(a) == expected, $"{a:uuuu-MM-dd} → {b:uuuu-MM-dd}: {DayNumber.Of(b) - DayNumber.Of(a)} vs {expected}");
            Assert.Equal(Period.DaysBetween(Epoch, a), DayNumber.Of(a));
        });

    [Property(MaxTest = 500)]
    public Property Parts_and_date_overloads_agree() =>
        Prop.ForAll(Arb.From(Dates), date =>
        {
            Assert.Equal(DayNumber.Of(date), DayNumber.Of(date.Year, date.Month, date.Day));
            int step = date == new LocalDate(9999, 12, 31) ? -1 : 1; // NodaTime ends there
            Assert.Equal(DayNumber.Of(date) + step, DayNumber.Of(date.PlusDays(step)));
        });

    // ---- DueDates: day numbers and PeriodFor

    /// <summary>A repayment day 1..31 (28..31 weighted), a first due date on that day clamped to its month, and 1..600 periods.</summary>
    private static Gen<(LocalDate FirstDue, int Day, int Periods)> DueDateCases =>
        from day in Gen.Frequency((2, Gen.Elements(1, 28, 29, 30, 31)), (5, Gen.Choose(1, 31)))
        from month in DatesIn(Gen.Frequency((1, Gen.Elements(1900, 1999, 2000, 2023, 2024, 2099, 2100, 2200)), (6, Gen.Choose(1900, 2200))))
        from periods in Gen.Frequency((1, Gen.Elements(1, 2, 12, 13, 600)), (6, Gen.Choose(1, 600)))
        select (DueDates.OnDay(month, day), day, periods);

    [Property(MaxTest = 300)]
    public Property Due_dates_and_their_day_numbers_agree_with_NodaTime() =>
        Prop.ForAll(Arb.From(DueDateCases), c =>
        {
            var dueDates = new DueDates(c.FirstDue, c.Day);
            Assert.Equal(c.FirstDue, dueDates.Of(1));
            for (int p = 1; p <= c.Periods; p++)
            {
                LocalDate expected = DueDates.OnDay(c.FirstDue.PlusMonths(p - 1), c.Day);
                LocalDate date = dueDates.Of(p, out int day);
                if (date != expected || dueDates.Of(p) != expected || day != Period.DaysBetween(Epoch, expected))
                {
                    Assert.Fail($"period {p} of {c}: Of {date:uuuu-MM-dd} day {day}; expected {expected:uuuu-MM-dd} day {Period.DaysBetween(Epoch, expected)}");
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property PeriodFor_is_the_first_period_due_on_or_after_the_date() =>
        Prop.ForAll(Arb.From(DueDateCases), Arb.From(Gen.Choose(-40, 18_300)), (c, offset) =>
        {
            // Any day from a little before the first due date to well after the last.
            var dueDates = new DueDates(c.FirstDue, c.Day);
            LocalDate date = c.FirstDue.PlusDays(offset);
            int period = dueDates.PeriodFor(date);
            Assert.True(period >= 1);
            Assert.True(dueDates.Of(period) >= date, $"{c} {date:uuuu-MM-dd}: period {period} is due {dueDates.Of(period):uuuu-MM-dd}");
            Assert.True(period == 1 || dueDates.Of(period - 1) < date, $"{c} {date:uuuu-MM-dd}: period {period - 1} is already due {dueDates.Of(period - 1):uuuu-MM-dd}");
        });

    [Fact]
    public void PeriodFor_on_and_between_clamped_due_dates()
    {
        // Due on the 31st: 2024-01-31, 2024-02-29, 2024-03-31, ...
        var dueDates = new DueDates(new LocalDate(2024, 1, 31), 31);
        Assert.Equal(1, dueDates.PeriodFor(new LocalDate(2023, 12, 15)));
        Assert.Equal(1, dueDates.PeriodFor(new LocalDate(2024, 1, 31)));
        Assert.Equal(2, dueDates.PeriodFor(new LocalDate(2024, 2, 1)));
        Assert.Equal(2, dueDates.PeriodFor(new LocalDate(2024, 2, 29)));
        Assert.Equal(3, dueDates.PeriodFor(new LocalDate(2024, 3, 1)));
        Assert.Equal(3, dueDates.PeriodFor(new LocalDate(2024, 3, 31)));
        Assert.Equal(4, dueDates.PeriodFor(new LocalDate(2024, 4, 1)));
    }
}
