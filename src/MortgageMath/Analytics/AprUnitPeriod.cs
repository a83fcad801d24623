using NodaTime;

namespace MortgageMath.Analytics;

/// <summary>
/// The unit-period of the US Regulation Z Appendix J actuarial method ((b)(3)): normally the most common interval
/// between payments. The APR is the unit-period rate times the number of unit-periods in a year ((b)(4)), shown in
/// each member's summary.
/// </summary>
public enum UnitPeriod
{
    /// <summary>A month: 12 a year. Whole months are counted back from each payment date by calendar; the odd days
    /// that remain are divided by 30 ((b)(5)(ii)). A payment on the last day of a month counts back from the advance's
    /// day when that is later, so a due day clamped to a short month is a whole month (January 31 → February 28).</summary>
    Monthly = 0,

    /// <summary>Half a month: 24 a year. Days = 30 × whole months counted back + remaining days; unit = 15 days ((b)(5)(iii)).</summary>
    Semimonthly = 1,

    /// <summary>Two months: 6 a year. Days = 30 × whole months + remaining days; unit = 60 days ((b)(5)(iii)).</summary>
    Bimonthly = 2,

    /// <summary>A quarter: 4 a year. Days = 30 × whole months + remaining days; unit = 90 days ((b)(5)(iii)).</summary>
    Quarterly = 3,

    /// <summary>Half a year: 2 a year. Days = 30 × whole months + remaining days; unit = 180 days ((b)(5)(iii)).</summary>
    SemiAnnually = 4,

    /// <summary>A year: 1 a year. Whole years counted back; remaining days / 365 ((b)(5)(v)).</summary>
    Annually = 5,

    /// <summary>A week: 52 a year. Actual days / 7 ((b)(5)(iv)).</summary>
    Weekly = 6,

    /// <summary>Two weeks: 26 a year. Actual days / 14 ((b)(5)(iv)).</summary>
    Biweekly = 7,

    /// <summary>Four weeks: 13 a year. Actual days / 28 ((b)(5)(iv)).</summary>
    FourWeekly = 8,

    /// <summary>A day: 365 a year. Actual days ((b)(5)(iv)).</summary>
    Daily = 9,
}

/// <summary>
/// Appendix J (b)(5): the time from the advance to a payment as t whole unit-periods plus a fraction f of one,
/// counted <b>back</b> from the payment date.
/// </summary>
internal static class UnitPeriodCount
{
    internal static void Check(UnitPeriod unit, string name)
    {
        if (unit is < UnitPeriod.Monthly or > UnitPeriod.Daily)
        {
            throw new ArgumentOutOfRangeException(name, unit, Resources.Localized.Format(Resources.LibraryText.Err_AprUnitPeriod, (int)unit));
        }
    }

    /// <summary>The number of unit-periods in a year ((b)(4)).</summary>
    internal static int PerYear(UnitPeriod unit) => unit switch
    {
        UnitPeriod.Monthly => 12,
        UnitPeriod.Semimonthly => 24,
        UnitPeriod.Bimonthly => 6,
        UnitPeriod.Quarterly => 4,
        UnitPeriod.SemiAnnually => 2,
        UnitPeriod.Annually => 1,
        UnitPeriod.Weekly => 52,
        UnitPeriod.Biweekly => 26,
        UnitPeriod.FourWeekly => 13,
        UnitPeriod.Daily => 365,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>
    /// t whole unit-periods and the fraction f (0 ≤ f, normally &lt; 1) from <paramref name="advance"/> to
    /// <paramref name="payment"/> (not before it).
    /// </summary>
    internal static (int T, decimal F) Between(LocalDate advance, LocalDate payment, UnitPeriod unit)
    {
        switch (unit)
        {
            case UnitPeriod.Monthly:
            {
                (int months, int days) = MonthsBack(advance, payment);
                return (months, days / 30m);
            }

            case UnitPeriod.Semimonthly:
                return Split(MonthDays(advance, payment), 15);
            case UnitPeriod.Bimonthly:
                return Split(MonthDays(advance, payment), 60);
            case UnitPeriod.Quarterly:
                return Split(MonthDays(advance, payment), 90);
            case UnitPeriod.SemiAnnually:
                return Split(MonthDays(advance, payment), 180);
            case UnitPeriod.Annually:
            {
                (int months, int days) = MonthsBack(advance, payment, step: 12);
                return (months / 12, days / 365m);
            }

            case UnitPeriod.Weekly:
                return Split(Period.DaysBetween(advance, payment), 7);
            case UnitPeriod.Biweekly:
                return Split(Period.DaysBetween(advance, payment), 14);
            case UnitPeriod.FourWeekly:
                return Split(Period.DaysBetween(advance, payment), 28);
            case UnitPeriod.Daily:
                return (Period.DaysBetween(advance, payment), 0m);
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, null);
        }
    }

    private static (int T, decimal F) Split(int days, int unitDays) => (days / unitDays, (days % unitDays) / (decimal)unitDays);

    /// <summary>(b)(5)(iii): 30 × whole months counted back + the remaining days.</summary>
    private static int MonthDays(LocalDate advance, LocalDate payment)
    {
        (int months, int days) = MonthsBack(advance, payment);
        return (30 * months) + days;
    }

    /// <summary>
    /// The most whole months (a multiple of <paramref name="step"/>) that can be counted back from
    /// <paramref name="payment"/> without passing <paramref name="advance"/>, and the actual days left over. Counting
    /// back keeps the payment's day of the month, clamped to each month's length. A payment on the <b>last day</b> of a
    /// month counts back from the advance's day when that is later (a due day clamped to a short month): from an advance
    /// on January 31 (or 30), February 28 is one month, not 28 (or 29) days; April 30 is three months.
    /// </summary>
    internal static (int Months, int Days) MonthsBack(LocalDate advance, LocalDate payment, int step = 1)
    {
        bool monthEnd = payment.Day == payment.Calendar.GetDaysInMonth(payment.Year, payment.Month);
        int day = monthEnd ? Math.Max(payment.Day, advance.Day) : payment.Day;
        int months = ((payment.Year - advance.Year) * 12) + payment.Month - advance.Month;
        months -= months % step;
        LocalDate back = Back(payment, day, months);
        while (months > 0 && back < advance)
        {
            months -= step;
            back = Back(payment, day, months);
        }

        return (months, Period.DaysBetween(advance, back));
    }

    /// <summary>The given day (clamped to the month's length) of the month <paramref name="months"/> before the date's,
    /// or the date itself for 0 months.</summary>
    private static LocalDate Back(LocalDate date, int day, int months)
    {
        if (months == 0)
        {
            return date;
        }

        LocalDate month = new LocalDate(date.Year, date.Month, 1).PlusMonths(-months);
        return new LocalDate(month.Year, month.Month, Math.Min(day, month.Calendar.GetDaysInMonth(month.Year, month.Month)));
    }
}
