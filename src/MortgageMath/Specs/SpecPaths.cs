using System.Globalization;

namespace MortgageMath.Specs;

/// <summary>
/// The JSON path of the spec value a library exception is about, from the exception's data (which event, which
/// parameter), never from its message.
/// </summary>
internal static class SpecPaths
{
    /// <summary>The path of the loan property <paramref name="exception"/> names (<see cref="ArgumentException.ParamName"/>).</summary>
    /// <param name="root">The loan's path: <c>$</c>, or <c>$.legs[k]</c>.</param>
    /// <param name="termKey">How the spec wrote the term: <c>months</c> or <c>years</c>.</param>
    /// <param name="exception">The exception.</param>
    /// <returns>The path; the loan's own path when the parameter is not a spec value.</returns>
    internal static string ForParameter(string root, string termKey, ArgumentException exception)
    {
        if (exception is LoanEventException loanEvent)
        {
            return ForEvent(root, loanEvent.EventIndex);
        }

        if (exception is TermExtensionException extension)
        {
            return ForEvent(root, extension.EventIndex);
        }

        string? name = exception.ParamName switch
        {
            nameof(Loan.Principal) => "principal",
            nameof(Loan.Periods) => termKey,
            nameof(Loan.Disbursement) => "disbursement",
            nameof(Loan.RepaymentDay) => "repayment_day",
            nameof(Loan.FirstDueDate) => "first_due_date",
            nameof(Loan.RatePlan) => "rate",
            nameof(Loan.Rates) => "rates",
            nameof(Loan.Method) => "method",
            nameof(Loan.Rounding) => "rounding",
            nameof(Loan.DayCount) => "day_count",
            nameof(Loan.OddFirstPeriod) => "odd_first_period",
            nameof(Loan.RateChangeInterest) => "rate_change_interest",
            nameof(Loan.Events) => "events",
            nameof(Loan.PrepaymentInterest) => "prepayment_interest",
            nameof(Loan.PrepaymentPenalty) => "prepayment_penalty",
            nameof(Loan.PrepaymentRules) => "prepayment_rules",
            _ => null,
        };
        return name is null ? root : $"{root}.{name}";
    }

    /// <summary>The path of the event at <paramref name="index"/> of the loan at <paramref name="root"/>; <c>events</c> itself for an unknown index.</summary>
    internal static string ForEvent(string root, int index) => index >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{root}.events[{index}]")
        : $"{root}.events";
}
