using NodaTime;

namespace MortgageMath;

/// <summary>
/// Due dates of a monthly loan: the repayment day of each month, clamped to the month's last day
/// (31 → 30 → Feb 28/29). Period 1 falls on the first due date; each later period one calendar month on.
/// </summary>
internal readonly struct DueDates
{
    private readonly int _firstMonthIndex; // year * 12 + (month - 1) of the first due date
    private readonly int _day;
    private readonly (int FromPeriod, int Day)[]? _changes; // repayment-day changes, in period order (null: none)

    internal DueDates(LocalDate firstDue, int repaymentDay, (int FromPeriod, int Day)[]? changes = null)
    {
        FirstDue = firstDue;
        _firstMonthIndex = (firstDue.Year * 12) + firstDue.Month - 1;
        _day = repaymentDay;
        _changes = changes;
    }

    /// <summary>The first period from <paramref name="from"/> on for which <see cref="StartsNewDay"/> is true
    /// (<see cref="int.MaxValue"/>: none).</summary>
    internal int NextNewDay(int from)
    {
        int next = int.MaxValue;
        if (_changes is not null)
        {
            foreach ((int start, _) in _changes)
            {
                if (start >= from && start < next)
                {
                    next = start;
                }
            }
        }

        return next;
    }

    /// <summary>True when period <paramref name="period"/> is the first on a new repayment day: it straddles the change
    /// and is charged for its actual days.</summary>
    internal bool StartsNewDay(int period)
    {
        if (_changes is null)
        {
            return false;
        }

        foreach ((int from, _) in _changes)
        {
            if (from == period)
            {
                return true;
            }
        }

        return false;
    }

    internal LocalDate FirstDue { get; }

    /// <summary>The due dates implied by a loan: its first due date, or the repayment day in the month after
    /// disbursement; then each <see cref="RepaymentDayChange"/> moves the day from the period after its due date.</summary>
    internal static DueDates For(Loan loan)
    {
        int day = loan.EffectiveRepaymentDay;
        LocalDate first = loan.FirstDueDate ?? OnDay(loan.Disbursement.PlusMonths(1), day);
        var dates = new DueDates(first, day);
        if (loan.Events.Count == 0)
        {
            return dates;
        }

        RepaymentDayChange[] changes = [.. loan.Events.OfType<RepaymentDayChange>().OrderBy(c => c.Date)];
        if (changes.Length == 0)
        {
            return dates;
        }

        var list = new List<(int FromPeriod, int Day)>(changes.Length);
        foreach (RepaymentDayChange change in changes)
        {
            int period = dates.PeriodFor(change.Date);
            if (change.Date <= loan.Disbursement || dates.Of(period) != change.Date)
            {
                throw LoanEventException.For(loan, change,
                    Resources.Localized.Format(Resources.LibraryText.Valid_DayChangeDate, DateText.Iso(change.Date)),
                    dateIsOutOfRange: true);
            }

            if (list.Count > 0 && period + 1 - list[^1].FromPeriod < change.MinimumMonthsSincePrevious)
            {
                throw LoanEventException.For(loan, change, 
                    Resources.Localized.Format(Resources.LibraryText.Valid_DayChangeTooSoon, change, period + 1 - list[^1].FromPeriod, change.MinimumMonthsSincePrevious));
            }

            list.Add((period + 1, change.NewDay));
            dates = new DueDates(first, day, [.. list]);
        }

        return dates;
    }

    /// <summary>The due date of a 1-based period.</summary>
    internal LocalDate Of(int period)
    {
        (int year, int month, int day) = Parts(period);
        return new LocalDate(year, month, day);
    }

    /// <summary>The due date of a 1-based period, and its <see cref="DayNumber"/>.</summary>
    internal LocalDate Of(int period, out int dayNumber)
    {
        (int year, int month, int day) = Parts(period);
        dayNumber = DayNumber.Of(year, month, day);
        return new LocalDate(year, month, day);
    }

    /// <summary>The repayment day in force for a 1-based period, before it is clamped to a short month.</summary>
    internal int DayFrom(int period)
    {
        int day = _day;
        if (_changes is not null)
        {
            foreach ((int from, int newDay) in _changes)
            {
                if (period >= from)
                {
                    day = newDay;
                }
            }
        }

        return day;
    }

    /// <summary>The year, month and day of a 1-based period's due date.</summary>
    internal (int Year, int Month, int Day) Parts(int period)
    {
        int index = _firstMonthIndex + period - 1;
        int year = index / 12;
        int month = (index % 12) + 1;
        int day = DayFrom(period);
        return (year, month, day <= 28 ? day : Math.Min(day, DaysInMonth(year, month)));
    }

    /// <summary>The first period whose due date is on or after <paramref name="date"/> (1 for a date before the first
    /// due date): the period in which something dated <paramref name="date"/> happens.</summary>
    internal int PeriodFor(LocalDate date)
    {
        int period = (date.Year * 12) + date.Month - 1 - _firstMonthIndex + 1; // the period due in date's month
        if (period < 1)
        {
            return 1;
        }

        (_, _, int dueDay) = Parts(period); // in date's month
        return dueDay >= date.Day ? period : period + 1;
    }

    /// <summary>Days in a month of the ISO calendar.</summary>
    internal static int DaysInMonth(int year, int month) => month == 2
        ? (DateTime.IsLeapYear(year) ? 29 : 28)
        : 30 + ((month + (month >> 3)) & 1);

    /// <summary>The given month's repayment day, clamped to its last day.</summary>
    internal static LocalDate OnDay(LocalDate inMonth, int day) =>
        new(inMonth.Year, inMonth.Month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(inMonth.Year, inMonth.Month)));
}
