using NodaTime;

namespace MortgageMath;

/// <summary>What becomes of the interest of a period whose payment is skipped.</summary>
public enum SkippedInterest
{
    /// <summary>Added to the balance (capitalized): the balance grows by the period's interest and later interest is
    /// charged on it; the schedule's principal then sums to the loan plus the capitalized interest. The balance may
    /// grow to at most <see cref="Loan.MaxPrincipal"/>; a capitalization beyond it is refused when the schedule is
    /// built (<see cref="ArgumentOutOfRangeException"/> naming <see cref="Loan.Events"/>, the date and the balance).</summary>
    Capitalized = 0,

    /// <summary>Deferred without interest on it and collected with the next regular payment (its interest includes it).</summary>
    CollectedLater = 1,
}

/// <summary>
/// A payment holiday (deferral): the payment due on <see cref="LoanEvent.Date"/> is skipped. The period's interest is
/// capitalized or collected later (<see cref="SkippedInterest"/>), and the repayment method restarts on the balance over
/// the periods left (equal installment re-amortizes; equal principal spreads the balance), so the term does not change.
/// The row shows Payment 0 and the interest not paid as <see cref="Installment.DeferredInterest"/>.
/// </summary>
public sealed class PaymentHoliday : LoanEvent
{
    private PaymentHoliday(LocalDate dueDate, SkippedInterest skippedInterest)
        : base(dueDate, nameof(dueDate))
    {
        SkippedInterest = skippedInterest;
    }

    /// <summary>What becomes of the skipped period's interest.</summary>
    public SkippedInterest SkippedInterest { get; }

    private protected override bool EqualsCore(LoanEvent other) => SkippedInterest == ((PaymentHoliday)other).SkippedInterest;

    private protected override int GetHashCodeCore() => (int)SkippedInterest;

    /// <summary>Skips the payment due on <paramref name="dueDate"/> (a due date of the loan, not its last).</summary>
    /// <param name="dueDate">The due date whose payment is skipped.</param>
    /// <param name="skippedInterest">Capitalize the interest, or collect it with the next payment.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The policy is not defined.</exception>
    public static PaymentHoliday On(LocalDate dueDate, SkippedInterest skippedInterest)
    {
        if (!Enum.IsDefined(skippedInterest))
        {
            throw new ArgumentOutOfRangeException(nameof(skippedInterest), skippedInterest,
                Resources.Localized.Format(Resources.LibraryText.Valid_SkippedInterest, (int)skippedInterest));
        }

        return new PaymentHoliday(dueDate, skippedInterest);
    }
}
