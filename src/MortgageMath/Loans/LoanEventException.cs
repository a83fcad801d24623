using NodaTime;

namespace MortgageMath;

/// <summary>
/// An event of a loan (a rate event, a prepayment, a payoff, a payment holiday) does not fit the loan: it falls
/// outside the loan's dates, a prepayment is larger than the balance then, a spread change meets a fixed rate, ….
/// <see cref="EventIndex"/> and <see cref="EventDate"/> say which event, so a caller (a spec reader, a form) can point
/// at it without reading the message.
/// </summary>
/// <remarks>
/// Derives from <see cref="ArgumentOutOfRangeException"/> (and so from <see cref="ArgumentException"/>), with
/// <see cref="ArgumentException.ParamName"/> <c>"Events"</c> (<see cref="Loan.Events"/>), so code that caught those
/// before still does. <see cref="ArgumentOutOfRangeException.ActualValue"/> is the event's date when the date itself is
/// what is out of range, otherwise null (the message then carries no "Actual value was" line).
/// </remarks>
public sealed class LoanEventException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventIndex">The event's position in <see cref="Loan.Events"/>, from 0.</param>
    /// <param name="eventDate">The event's date.</param>
    /// <param name="message">What is wrong, naming the event's date.</param>
    /// <param name="dateIsOutOfRange">True when the date itself is outside what the loan allows (it becomes <see cref="ArgumentOutOfRangeException.ActualValue"/>).</param>
    internal LoanEventException(int eventIndex, LocalDate eventDate, string message, bool dateIsOutOfRange = false)
        : base(nameof(Loan.Events), dateIsOutOfRange ? eventDate : null, message)
    {
        EventIndex = eventIndex;
        EventDate = eventDate;
    }

    /// <summary>The event's position in <see cref="Loan.Events"/> (from 0; the order of the list, not of the dates).</summary>
    public int EventIndex { get; }

    /// <summary>The event's date (<see cref="LoanEvent.Date"/>).</summary>
    public LocalDate EventDate { get; }

    /// <summary>The position of <paramref name="loanEvent"/> in <paramref name="loan"/>'s events: the same instance, else the first equal event.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="loanEvent">One of its events (the amortizer sorts and filters them, so it knows the instance, not the index).</param>
    /// <returns>The index, from 0.</returns>
    internal static int IndexOf(Loan loan, LoanEvent loanEvent)
    {
        IReadOnlyList<LoanEvent> events = loan.Events;
        for (int i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], loanEvent))
            {
                return i;
            }
        }

        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] == loanEvent)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The exception for <paramref name="loanEvent"/> of <paramref name="loan"/>.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="loanEvent">The event at fault.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="dateIsOutOfRange">True when the date itself is out of range.</param>
    /// <returns>The exception, to throw.</returns>
    internal static LoanEventException For(Loan loan, LoanEvent loanEvent, string message, bool dateIsOutOfRange = false) =>
        new(IndexOf(loan, loanEvent), loanEvent.Date, message, dateIsOutOfRange);
}
