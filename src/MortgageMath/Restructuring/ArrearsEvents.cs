using System.Globalization;
using MortgageMath.Resources;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// Arrears capitalization (欠款本金化, a US "capitalization of arrearages"): on a due date, after that date's payment,
/// <see cref="Amount"/> is added to the balance and the payment is recomputed over the periods left to the same
/// maturity (add a <see cref="TermChange"/> on the same date to extend it as well). The schedule shows it as a row of
/// kind <see cref="InstallmentKind.Capitalization"/> with nothing paid and the amount as its
/// <see cref="Installment.CapitalizedInterest"/>, so that every row keeps
/// <c>ClosingBalance = OpeningBalance − Principal + CapitalizedInterest</c>. In a <see cref="Servicing.LoanAccount"/>
/// the amount settles the arrears on that date (overdue principal, interest, penalty and compound interest, fees, in
/// the policy's allocation order); <see cref="Servicing.LoanAccount.CapitalizeArrears"/> builds the event from an
/// account's arrears. Interest is then charged on the whole new balance.
/// </summary>
public sealed class ArrearsCapitalization : RestructuringEvent
{
    private ArrearsCapitalization(LocalDate dueDate, decimal amount)
        : base(dueDate) => Amount = amount;

    /// <summary>The amount added to the balance, greater than 0.</summary>
    public decimal Amount { get; }

    /// <summary>Adds <paramref name="amount"/> to the balance after the payment due on <paramref name="dueDate"/>.</summary>
    /// <param name="dueDate">A due date of the loan before its maturity.</param>
    /// <param name="amount">The arrears capitalized, greater than 0 and at most <see cref="Loan.MaxPrincipal"/>; the
    /// loan's rounding must keep its decimal places (checked when the schedule is built).</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or above <see cref="Loan.MaxPrincipal"/>.</exception>
    public static ArrearsCapitalization On(LocalDate dueDate, decimal amount) =>
        amount is <= 0m or > Loan.MaxPrincipal
            ? throw new ArgumentOutOfRangeException(nameof(amount), amount,
                Resources.Localized.Format(Resources.LibraryText.Valid_ArrearsAmountRange, Loan.MaxPrincipal, amount))
            : new ArrearsCapitalization(dueDate, amount);

    private protected override bool EqualsCore(LoanEvent other) => other is ArrearsCapitalization o && Amount == o.Amount;

    private protected override int GetHashCodeCore() => Amount.GetHashCode();

    /// <summary><c>arrears capitalization 2025-03-20: 13088.88</c> (in the UI culture's language: <c>2025-03-20 欠款资本化：13088.88</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(LibraryText.Event_ArrearsCapitalization, DateText.Iso(Date), Amount.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// A payment deferral (US practice, e.g. the Fannie Mae payment deferral): the payments due on <see cref="Periods"/>
/// consecutive due dates from <see cref="LoanEvent.Date"/> on are moved, without interest, to the loan's last row (its
/// maturity, or its payoff when it is repaid sooner). The schedule keeps their principal and interest as contracted
/// (the interest-bearing balance goes down as if they were paid, so every later payment is unchanged) and marks them
/// <see cref="InstallmentKind.Deferred"/>; <see cref="Schedule.TotalDeferredPayments"/> is what falls due with the
/// last row, and a <see cref="PayoffQuote"/> includes the part deferred up to its date. A
/// <see cref="Servicing.LoanAccount"/> treats a deferred instalment as falling due with the last row: it is neither
/// overdue nor charged penalty interest before that. It defers missed payments (dated back to the first one missed)
/// or skipped ones to come alike.
/// </summary>
public sealed class PaymentDeferral : RestructuringEvent
{
    /// <summary>The most payments a deferral moves by default: 6 (Fannie Mae payment deferral, up to six months of P&amp;I).</summary>
    public const int DefaultMaximumPeriods = 6;

    private PaymentDeferral(LocalDate firstDueDate, int periods, int maximumPeriods)
        : base(firstDueDate)
    {
        Periods = periods;
        MaximumPeriods = maximumPeriods;
    }

    /// <summary>How many consecutive payments are deferred, from 1 to <see cref="MaximumPeriods"/>.</summary>
    public int Periods { get; }

    /// <summary>The most payments the product allows to defer (the policy the count was checked against).</summary>
    public int MaximumPeriods { get; }

    /// <summary>Defers the payments due on <paramref name="periods"/> due dates from <paramref name="firstDueDate"/> on.</summary>
    /// <param name="firstDueDate">The first deferred payment's due date (a due date of the loan before its last).</param>
    /// <param name="periods">How many payments, 1 to <paramref name="maximumPeriods"/>; none of them may be the last.</param>
    /// <param name="maximumPeriods">The product's maximum, 1 to 120 (default <see cref="DefaultMaximumPeriods"/>).</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The maximum is outside 1..120 or the count outside 1..maximum.</exception>
    public static PaymentDeferral Of(LocalDate firstDueDate, int periods, int maximumPeriods = DefaultMaximumPeriods)
    {
        if (maximumPeriods is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumPeriods), maximumPeriods, Resources.Localized.Format(Resources.LibraryText.Valid_DeferralMaximumRange, maximumPeriods));
        }

        if (periods < 1 || periods > maximumPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, Resources.Localized.Format(Resources.LibraryText.Valid_DeferralPeriodsRange, maximumPeriods, periods));
        }

        return new PaymentDeferral(firstDueDate, periods, maximumPeriods);
    }

    private protected override bool EqualsCore(LoanEvent other) => other is PaymentDeferral o && Periods == o.Periods && MaximumPeriods == o.MaximumPeriods;

    private protected override int GetHashCodeCore() => HashCode.Combine(Periods, MaximumPeriods);

    /// <summary><c>payment deferral 2025-03-20: 3 payments to the last row</c> (in the UI culture's language:
    /// <c>2025-03-20 延期还款：3 期移至最后一期</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(LibraryText.Event_PaymentDeferral, DateText.Iso(Date), Periods);
}
