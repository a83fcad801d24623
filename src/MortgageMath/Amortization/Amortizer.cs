namespace MortgageMath;

/// <summary>
/// The one amortization loop. It walks the due dates, asks the rate what interest is due (exactly, rounded once),
/// asks the repayment method what principal is due, and writes one row per period. The last period settles the
/// remaining balance, so the schedule always ends at exactly 0.
/// </summary>
internal static class Amortizer
{
    internal static Schedule Build(Loan loan)
    {
        long balance = loan.ValidateCombination();
        RoundingMode mode = loan.Rounding.Mode;
        int places = loan.Rounding.DecimalPlaces;
        int periods = loan.Periods;
        var rate = new PeriodicRate(loan.AnnualRate);
        DueDates dueDates = DueDates.For(loan);
        RepaymentMethod method = loan.Method;
        long level = method.Level(balance, rate, periods, mode);

        // Installment holds no references, so the array need not be zeroed first: every element is written below.
        Installment[] rows = GC.AllocateUninitializedArray<Installment>(periods);
        long totalInterest = 0;
        long totalPrincipal = 0;
        for (int period = 1; period <= periods; period++)
        {
            long regularInterest = rate.MonthlyInterest(balance, mode);
            long interest = regularInterest;
            long principal = method.ScheduledPrincipal(level, regularInterest);
            if (period == 1)
            {
                (interest, principal) = FirstPeriod(loan, dueDates, rate, balance, regularInterest, principal, mode);
            }

            if (period == periods || principal > balance)
            {
                principal = balance;
            }
            else if (principal < 0)
            {
                principal = 0;
            }

            rows[period - 1] = new Installment(period, dueDates.Of(period), rate.Annual, balance, principal, interest, places);
            balance -= principal;
            totalPrincipal += principal;
            totalInterest += interest;
        }

        return new Schedule(loan, rows, totalPrincipal, totalInterest);
    }

    /// <summary>
    /// The first period: a regular month when the first due date is exactly one month after disbursement;
    /// otherwise interest for the actual days, and the first payment set by <see cref="OddFirstPeriodPolicy"/>.
    /// </summary>
    private static (long Interest, long Principal) FirstPeriod(
        Loan loan, in DueDates dueDates, in PeriodicRate rate, long balance, long regularInterest, long scheduledPrincipal, RoundingMode mode)
    {
        if (loan.Disbursement.PlusMonths(1) == dueDates.FirstDue)
        {
            return (regularInterest, scheduledPrincipal);
        }

        int days = NodaTime.Period.DaysBetween(loan.Disbursement, dueDates.FirstDue);
        long interest = rate.DailyInterest(balance, days, loan.OddPeriodDayCount.DaysInYear(), mode);
        long principal = loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment
            ? scheduledPrincipal + regularInterest - interest
            : scheduledPrincipal;
        return (interest, principal);
    }
}
