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
    /// <summary>The day number of an ISO date.</summary>
    internal static int Of(LocalDate date) => Of(date.Year, date.Month, date.Day);

    /// <summary>
    /// The day number of year-month-day in the proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level
    /// date algorithms", days_from_civil): March-based years make the leap day the year's last.
    /// </summary>
    internal static int Of(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>Refuses a date outside the ISO calendar, naming the parameter; returns the date.</summary>
    internal static LocalDate RequireIso(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(
                $"Dates must be in the ISO calendar; {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the {date.Calendar.Id} calendar (convert it with WithCalendar(CalendarSystem.Iso)).",
                paramName);
        }

        return date;
    }
}
