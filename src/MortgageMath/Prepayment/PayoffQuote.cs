using NodaTime;

namespace MortgageMath;

/// <summary>What it takes to repay a loan in full on a date.</summary>
public sealed partial class PayoffQuote
{
    private PayoffQuote(LocalDate date, decimal balance, decimal accruedInterest, decimal penalty, LocalDate accruedSince, bool alreadyRepaid,
        decimal deferredPayments = 0m)
    {
        DeferredPayments = deferredPayments;
        Date = date;
        AccruedSince = accruedSince;
        AlreadyRepaid = alreadyRepaid;
        Balance = balance;
        AccruedInterest = accruedInterest;
        Penalty = penalty;
    }

    /// <summary>The payoff date.</summary>
    public LocalDate Date { get; }

    /// <summary>The principal outstanding that day (after a regular payment due that day).</summary>
    public decimal Balance { get; }

    /// <summary>The interest accrued since the last due date, per the loan's <see cref="PrepaymentInterest"/> policy.</summary>
    public decimal AccruedInterest { get; }

    /// <summary>The prepayment penalty.</summary>
    public decimal Penalty { get; }

    /// <summary>The payments a <see cref="PaymentDeferral"/> moved to the end of the loan that fell due on or before
    /// <see cref="Date"/>: without interest, they are due with the payoff; 0 without a deferral.</summary>
    public decimal DeferredPayments { get; }

    /// <summary>
    /// The day the accrued interest runs from: the last regular (balloon, deferred) due date on or before <see cref="Date"/>,
    /// or the disbursement when no payment has fallen due by then.
    /// </summary>
    public LocalDate AccruedSince { get; }

    /// <summary>The days from <see cref="AccruedSince"/> to <see cref="Date"/>: 0 on a due date.</summary>
    public int AccruedDays => Period.DaysBetween(AccruedSince, Date);

    /// <summary>
    /// True when <see cref="Date"/> is on or after the loan's last due date: the schedule has repaid the loan by then
    /// and every amount is 0.
    /// </summary>
    public bool AlreadyRepaid { get; }

    /// <summary>The total to pay: <see cref="Balance"/> + <see cref="AccruedInterest"/> + <see cref="Penalty"/> +
    /// <see cref="DeferredPayments"/>.</summary>
    public decimal Total => Balance + AccruedInterest + Penalty + DeferredPayments;

    internal static PayoffQuote For(Loan loan, LocalDate date) => For(loan, date, loan.BuildSchedule());

    /// <summary>The quote when the loan's schedule is already built (<see cref="Servicing.LoanAccount"/>). With
    /// <paramref name="afterPrepaymentsOnDate"/> the loan's prepayments dated <paramref name="date"/> are kept (an
    /// account has made them, or holds them in arrears) and the payoff comes after them, and after arrears capitalized
    /// that day; without it they are replaced
    /// by the payoff, as <see cref="Loan.PayoffQuote"/> quotes.</summary>
    internal static PayoffQuote For(Loan loan, LocalDate date, Schedule current, bool afterPrepaymentsOnDate = false)
    {
        LocalDate since = loan.Disbursement;
        foreach (Installment row in current)
        {
            if (row.DueDate <= date && row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon or InstallmentKind.Deferred)
            {
                since = row.DueDate;
            }
        }

        if (date >= current.Last.DueDate)
        {
            return new PayoffQuote(date, 0m, 0m, 0m, since, alreadyRepaid: true); // repaid by the end of that day
        }

        if (afterPrepaymentsOnDate && date <= loan.Disbursement)
        {
            // An account drawn up on the disbursement day: nothing has accrued, and no prepayment (so no penalty) can
            // fall on that day; the payoff is the principal.
            return new PayoffQuote(date, loan.Principal, 0m, 0m, since, alreadyRepaid: false);
        }

        // A restructuring from the payoff date on never happens (it would come after the loan is repaid).
        Loan withPayoff = loan with
        {
            Events = [.. loan.Events.Where(e => e is RestructuringEvent
                ? e.Date < date
                : e.Date < date || (afterPrepaymentsOnDate && e.Date == date) || e is not Prepayment), Prepayment.Payoff(date)],
        };
        Schedule paidOff = withPayoff.BuildSchedule();
        Installment payoff = paidOff.Last;

        // An account has capitalized arrears dated that day (after the day's payment, before any interest accrues):
        // they are part of the balance it pays off.
        decimal capitalizedToday = afterPrepaymentsOnDate ? loan.Events.OfType<ArrearsCapitalization>().Where(c => c.Date == date).Sum(c => c.Amount) : 0m;
        return new PayoffQuote(date, payoff.Principal + capitalizedToday, payoff.Interest, payoff.Penalty, since, alreadyRepaid: false, paidOff.TotalDeferredPayments);
    }
}
