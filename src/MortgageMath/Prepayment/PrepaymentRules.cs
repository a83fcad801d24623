using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// The bank's rules for partial prepayments, as data: a minimum amount (a fixed sum, or a multiple of the current
/// payment, e.g. Shanghai ICBC: 6 × the monthly payment) and a lock-in (allowed only N months after disbursement).
/// Breaking a rule throws <see cref="PrepaymentRuleViolationException"/> naming it. A payoff is exempt from the
/// minimum amounts but not from the lock-in.
/// </summary>
public sealed record PrepaymentRules
{
    /// <summary>No rules.</summary>
    public static PrepaymentRules None { get; } = new();

    /// <summary>The smallest partial prepayment accepted, e.g. 10,000; null for none.</summary>
    public decimal? MinimumAmount
    {
        get;
        init
        {
            if (value is < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(MinimumAmount), value, Resources.Localized.Format(Resources.LibraryText.Valid_MinimumAmountNegative, value));
            }

            field = value;
        }
    }

    /// <summary>The smallest partial prepayment as a multiple of the payment in force, e.g. 6; null for none.</summary>
    public decimal? MinimumPaymentMultiple
    {
        get;
        init
        {
            if (value is < 0m or > 1000m)
            {
                throw new ArgumentOutOfRangeException(nameof(MinimumPaymentMultiple), value, Resources.Localized.Format(Resources.LibraryText.Valid_PaymentMultipleRange, value));
            }

            field = value;
        }
    }

    /// <summary>Prepayments are allowed only on or after disbursement plus this many months (0 = any time).</summary>
    public int AllowedAfterMonths
    {
        get;
        init
        {
            if (value is < 0 or > Loan.MaxPeriods)
            {
                throw new ArgumentOutOfRangeException(nameof(AllowedAfterMonths), value, Resources.Localized.Format(Resources.LibraryText.Valid_LockInRange, Loan.MaxPeriods, value));
            }

            field = value;
        }
    }
}

/// <summary>A prepayment breaks a bank rule or a legal limit; <see cref="Rule"/> names it.</summary>
public sealed class PrepaymentRuleViolationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The rule broken, e.g. "minimum prepayment amount".</param>
    /// <param name="message">What happened and what the rule requires.</param>
    public PrepaymentRuleViolationException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    /// <summary>Creates the exception for the event at <paramref name="eventIndex"/> in <see cref="Loan.Events"/>.</summary>
    /// <param name="eventIndex">The prepayment's position in <see cref="Loan.Events"/>, from 0.</param>
    /// <param name="eventDate">The prepayment's date.</param>
    /// <param name="rule">The rule broken, e.g. "minimum prepayment amount".</param>
    /// <param name="message">What happened and what the rule requires.</param>
    public PrepaymentRuleViolationException(int eventIndex, LocalDate eventDate, string rule, string message)
        : base(message)
    {
        Rule = rule;
        EventIndex = eventIndex;
        EventDate = eventDate;
    }

    /// <summary>The rule broken.</summary>
    public string Rule { get; }

    /// <summary>The position in <see cref="Loan.Events"/> (from 0) of the prepayment that breaks the rule; null when
    /// the exception was raised outside a loan (e.g. by a penalty asked directly).</summary>
    public int? EventIndex { get; }

    /// <summary>The date of the prepayment that breaks the rule; null when <see cref="EventIndex"/> is.</summary>
    public LocalDate? EventDate { get; }
}
