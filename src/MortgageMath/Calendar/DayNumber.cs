using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A date of the ISO calendar as a plain day count (days since 1970-01-01), so that the amortization loop and the
/// rate timeline compare dates and count days with integer arithmetic. A <see cref="LocalDate"/> comparison costs
/// several nanoseconds (it checks the calendars first) and <see cref="Period.DaysBetween"/> more; the loop does both
/// for every period. Dates reach the library in the ISO calendar only (checked where they come in, by
/// <see cref="RequireIso"/>), so year, month and day are enough.
/// </summary>
internal static class DayNumber
{
    /// <summary>An ISO date as one integer that orders like the date (year, month, day in bits): a comparison
    /// without NodaTime's calendar check and virtual compare, for a loop that compares dates it does not count.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int Key(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    /// <summary>The day number of an ISO date.</summary>
    internal static int Of(LocalDate date) => Of(date.Year, date.Month, date.Day);

    /// <summary>The day number of year-month-day in the proleptic Gregorian calendar: from a table of 1 January
    /// for the years loans live in (1900 to 2300), otherwise by <see cref="Civil"/>.</summary>
    internal static int Of(int year, int month, int day)
    {
        uint index = (uint)(year - TableFirstYear);
        if (index < (uint)(YearStarts.Length - 1))
        {
            int start = YearStarts[index];
            int days = start + DaysBeforeMonth[month - 1] + day - 1;
            if (month > 2 && YearStarts[index + 1] - start == 366)
            {
                days++; // after 29 February
            }

            return days;
        }

        return Civil(year, month, day);
    }

    private const int TableFirstYear = FirstTableYear;

    /// <summary>The first year of the day table: no loan date is earlier (<see cref="Loan.MinYear"/>).</summary>
    internal const int FirstTableYear = 1900;

    /// <summary>The last year of the day table: a loan disbursed by <see cref="Loan.MaxYear"/> and running
    /// <see cref="Loan.MaxPeriods"/> months ends in 2251 at the latest.</summary>
    internal const int LastTableYear = 2300;

    /// <summary>The day number of 1 January of each year from <see cref="TableFirstYear"/> to <see cref="LastTableYear"/> + 1.</summary>
    private static readonly int[] YearStarts = BuildYearStarts();

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    private static int[] BuildYearStarts()
    {
        var starts = new int[LastTableYear + 1 - TableFirstYear + 1];
        for (int k = 0; k < starts.Length; k++)
        {
            starts[k] = Civil(TableFirstYear + k, 1, 1);
        }

        return starts;
    }

    /// <summary>
    /// The day number of year-month-day in the proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level
    /// date algorithms", days_from_civil): March-based years make the leap day the year's last.
    /// </summary>
    internal static int Civil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The ISO date of a day number (days since 1970-01-01, as <see cref="Of(LocalDate)"/> counts).</summary>
    internal static LocalDate ToDate(int dayNumber)
    {
        // H. Hinnant's civil_from_days (the inverse of Civil): March-based years, so the leap day is a year's last.
        // NodaTime's PlusDays from the epoch walks the calendar and costs about ten times as much.
        int z = dayNumber + 719468;
        int era = (z >= 0 ? z : z - 146096) / 146097;
        int dayOfEra = z - (era * 146097);
        int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        int mp = ((5 * dayOfYear) + 2) / 153;
        int day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        return new LocalDate(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0), month, day);
    }

    /// <summary>Refuses a date outside the ISO calendar, naming the parameter; returns the date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="paramName">The parameter (or init property) it came in by.</param>
    /// <param name="item">For a date inside a list, the resource key (<c>nameof(LibraryText.…)</c>) of which element
    /// it is, e.g. <see cref="Resources.LibraryText.Valid_IsoCalendarFlow"/> ("flow {0} on "); read only when the date
    /// is refused, so that checking a long list costs no lookup (and no string) per element.</param>
    /// <param name="index">The element's index, put into <paramref name="item"/>'s placeholder.</param>
    internal static LocalDate RequireIso(LocalDate date, string paramName, string? item = null, int index = 0)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            string? which = item is null ? null : Resources.Localized.Format(Resources.Localized.Text(item), index);
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_IsoCalendar, which, DateText.Iso(date), date.Calendar.Id),
                paramName);
        }

        return date;
    }
}
