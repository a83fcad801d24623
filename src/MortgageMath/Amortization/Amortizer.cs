using NodaTime;

namespace MortgageMath;

/// <summary>
/// The one amortization loop. It walks the due dates, asks the rate timeline which rate(s) applied in the period,
/// charges interest exactly (rounded once), asks the repayment method what principal is due, and writes one row per
/// period. The last period settles the remaining balance, so the schedule always ends at exactly 0.
/// </summary>
internal static class Amortizer
{
    internal static Schedule Build(Loan loan)
    {
        long balance = loan.ValidateCombination();
        RoundingMode mode = loan.Rounding.Mode;
        int places = loan.Rounding.DecimalPlaces;
        int periods = loan.Periods;
        DueDates dueDates = DueDates.For(loan);
        RateTimeline timeline = RateTimeline.Build(loan, dueDates);
        RepaymentMethod method = loan.Method;
        int daysInYear = loan.DayCount.DaysInYear();
        bool splitByDays = loan.RateChangeInterest == RateChangeInterest.SplitByActualDays;

        var rate = new PeriodicRate(timeline.RateOf(0));
        long level = method.Level(balance, rate, periods, mode);

        // Installment holds only a rarely-set array reference, so allocation without zeroing is not available;
        // every element is written below.
        var rows = new Installment[periods];
        long totalInterest = 0;
        long totalPrincipal = 0;
        int current = 0; // timeline entry in force at the start of the period
        int rateEntry = 0; // timeline entry whose rate the level was set with
        LocalDate start = loan.Disbursement;
        for (int period = 1; period <= periods; period++)
        {
            LocalDate due = dueDates.Of(period);
            RateSegment[]? segments = null;
            int last = current;
            if (timeline.Count > 1)
            {
                while (current + 1 < timeline.Count && timeline.DateOf(current + 1) <= start)
                {
                    current++;
                }

                last = current;
                while (last + 1 < timeline.Count && timeline.DateOf(last + 1) < due)
                {
                    last++;
                }

                // Consecutive timeline entries differ, so only a move to another entry can change the rate.
                if (last != rateEntry && timeline.RateOf(last) != rate.Annual)
                {
                    rateEntry = last;
                    rate = new PeriodicRate(timeline.RateOf(last));
                    if (method.RestartsOnRateChange)
                    {
                        level = method.Level(balance, rate, periods - period + 1, mode);
                    }
                }
            }

            long regularInterest = rate.MonthlyInterest(balance, mode);
            long interest = regularInterest;
            long principal = method.ScheduledPrincipal(level, regularInterest);
            if (last > current)
            {
                segments = Segments(timeline, current, last, start, due);
                if (splitByDays)
                {
                    interest = ActualDaysInterest(balance, segments, daysInYear, mode);
                }
            }
            else if (period == 1 && loan.Disbursement.PlusMonths(1) != due)
            {
                interest = rate.DailyInterest(balance, Period.DaysBetween(start, due), daysInYear, mode);
            }

            bool restartAfterFirst = false;
            if (period == 1 && interest != regularInterest && loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
            {
                // The first payment stays the regular one, so its principal part absorbs the odd days' interest;
                // the method then restarts on the balance left, over the periods left (no early payoff, no 0.00 rows).
                principal += regularInterest - interest;
                restartAfterFirst = true;
            }

            if (period == periods || principal > balance)
            {
                principal = balance;
            }
            else if (principal < 0)
            {
                principal = 0;
            }

            rows[period - 1] = new Installment(period, due, rate.Annual, balance, principal, interest, places, segments);
            balance -= principal;
            totalPrincipal += principal;
            totalInterest += interest;
            start = due;
            if (restartAfterFirst && period < periods)
            {
                level = method.Level(balance, rate, periods - period, mode);
            }
        }

        return new Schedule(loan, rows, totalPrincipal, totalInterest, timeline.Changes);
    }

    private static RateSegment[] Segments(RateTimeline timeline, int first, int last, LocalDate start, LocalDate due)
    {
        var segments = new RateSegment[last - first + 1];
        for (int k = first; k <= last; k++)
        {
            LocalDate from = k == first ? start : timeline.DateOf(k);
            LocalDate until = k == last ? due : timeline.DateOf(k + 1);
            segments[k - first] = new RateSegment(from, until, timeline.RateOf(k));
        }

        return segments;
    }

    /// <summary>
    /// Σ balance × rateₖ × daysₖ / daysInYear over the segments, as one exact rational rounded once: each rate is
    /// brought to the largest scale among them, so the sum is an integer numerator over daysInYear × 10^scale.
    /// </summary>
    private static long ActualDaysInterest(long balance, RateSegment[] segments, int daysInYear, RoundingMode mode)
    {
        Span<(long Mantissa, int Scale, int Days)> parts = stackalloc (long, int, int)[segments.Length];
        int scale = 0;
        for (int k = 0; k < segments.Length; k++)
        {
            (long mantissa, int s) = segments[k].AnnualRate.ToFixedPoint();
            parts[k] = (mantissa, s, segments[k].Days);
            scale = Math.Max(scale, s);
        }

        long numerator = 0;
        foreach ((long mantissa, int s, int days) in parts)
        {
            numerator += mantissa * FixedPoint.Pow10[scale - s] * days;
        }

        return FixedPoint.MulDivRound(balance, numerator, daysInYear * FixedPoint.Pow10[scale], mode);
    }
}
