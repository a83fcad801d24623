using System.Diagnostics.CodeAnalysis;
using NodaTime;
using System.Globalization;

namespace MortgageMath;

public sealed partial class PrepaymentQuote
{
    /// <summary>
    /// Whether the closed form (<see cref="AfterPayment"/>) prices a prepayment on <paramref name="date"/>: the loan
    /// must have no events of its own, repay by <see cref="RepaymentMethod.EqualInstallment"/> or
    /// <see cref="RepaymentMethod.EqualPrincipal"/>, be prepaid on one of its due dates (right after that day's regular
    /// payment) and have a fixed rate. The conditions are checked in that order and the first one broken is the reason.
    /// Whether the amount and option fit is <see cref="AfterPayment"/>'s to say.
    /// </summary>
    /// <param name="loan">The loan.</param>
    /// <param name="date">The day of the prepayment.</param>
    /// <param name="paymentsMade">The regular payments due on or before <paramref name="date"/> (the argument
    /// <see cref="AfterPayment"/> takes) once the events and the method pass; otherwise 0.</param>
    /// <param name="reason">Why the closed form does not apply, in a lower-case clause such as "the closed form needs a
    /// fixed-rate loan"; null when it applies.</param>
    /// <returns>True when the closed form applies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loan"/> is null.</exception>
    /// <example>
    /// <code>
    /// var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
    /// if (PrepaymentQuote.Supports(loan, new LocalDate(2025, 3, 20), out int made, out string? why))
    /// {
    ///     var quote = PrepaymentQuote.AfterPayment(loan, made, 200_000m, PrepaymentOption.ShortenTerm); // made == 12
    /// }
    /// </code>
    /// </example>
    public static bool Supports(Loan loan, LocalDate date, out int paymentsMade, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(loan);
        paymentsMade = 0;
        if (loan.Events.Count > 0)
        {
            reason = Resources.LibraryText.Valid_QuoteEvents;
            return false;
        }

        if (loan.Method != RepaymentMethod.EqualInstallment && loan.Method != RepaymentMethod.EqualPrincipal)
        {
            reason = Resources.Localized.Format(Resources.LibraryText.Valid_QuoteMethod, loan.Method.Name);
            return false;
        }

        Schedule schedule = loan.BuildSchedule();
        paymentsMade = schedule.RegularPaymentsThrough(date);
        if (!schedule.IsRegularDueDate(date))
        {
            reason = Resources.Localized.Format(Resources.LibraryText.Valid_QuoteNotDueDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return false;
        }

        if (loan.RatePlan is not FixedRatePlan)
        {
            reason = Resources.LibraryText.Valid_QuoteFixedRate;
            return false;
        }

        reason = null;
        return true;
    }
}
