using System.Globalization;
using NodaTime;

namespace MortgageMath.Cli;
/// <summary>Whether <c>mortgage prepay</c> shows the closed-form quotes: the quotes, the regular payments made before the
/// prepayment, or why they are not shown.</summary>
internal sealed record PrepayCalculator(int? PaymentsMade, IReadOnlyList<PrepaymentQuote> Quotes, string? Unavailable);

/// <summary>What <c>mortgage prepay</c> prints, as rows of figures shared by its table, markdown and JSON writers.</summary>
internal sealed record PrepayReport(Loan Loan, LocalDate Date, decimal Amount, IReadOnlyList<PrepaymentComparison> Comparisons, PrepayCalculator Calculator)
{
    /// <summary>The leg of a combined spec the loan is, or null.</summary>
    internal string? Leg { get; init; }

    internal Schedule Baseline => Comparisons[0].Baseline;

    internal int Places => Loan.Rounding.DecimalPlaces;

    internal string A(decimal amount) => Amounts.Grouped(amount, Places);

    internal string A(decimal? amount) => amount is { } value ? A(value) : "—";

    internal List<(string Label, string[] Values)> ScheduleRows()
    {
        string[] Each(Func<PrepaymentComparison, string> value) => [.. Comparisons.Select(value)];
        return
        [
            ("Interest saved", Each(c => A(c.InterestSaved))),
            ("Payments saved", Each(c => I(c.PeriodsSaved))),
            ("Payments left after the prepayment", Each(c => I(c.Alternative.PaymentsAfter(Date)))),
            ("New payment", Each(c => A(c.NewPayment))),
            ("Last payment", Each(c => A(c.Alternative.Last.Payment))),
            ("Last due date", Each(c => Amounts.Date(c.Alternative.Last.DueDate))),
            ("Penalties", Each(c => A(c.PenaltiesPaid))),
            ("Total interest", Each(c => A(c.Alternative.TotalInterest))),
            ("Total cash out", Each(c => A(c.AlternativeCashOut))),
            ("Cash saved", Each(c => A(c.CashSaved))),
        ];
    }

    internal List<(string Label, string[] Values)> CalculatorRows()
    {
        string[] Each(Func<PrepaymentQuote, string> value) => [.. Calculator.Quotes.Select(value)];
        return
        [
            ("Balance before", Each(q => A(q.BalanceBefore))),
            ("Balance after", Each(q => A(q.BalanceAfter))),
            ("Payments left", Each(q => I(q.RemainingPeriods))),
            ("Term before rounding up (n*)", Each(q => q.ExactRemainingPeriods is { } n ? n.ToString("F2", CultureInfo.InvariantCulture) : "—")),
            ("Payments saved", Each(q => I(q.PeriodsSaved))),
            ("New payment", Each(q => A(q.NewPayment))),
            ("Last payment", Each(q => A(q.LastPayment))),
            ("Remaining interest without", Each(q => A(q.RemainingInterestWithout))),
            ("Remaining interest with", Each(q => A(q.RemainingInterestWith))),
            ("Interest saved", Each(q => A(q.InterestSaved))),
        ];
    }

    internal string[] Headers => [.. Comparisons.Select(c => c.Option!.ToString()!)];

    internal string PrepaymentLine()
    {
        int before = Baseline.RegularPaymentsThrough(Date);
        bool onDue = Baseline.IsRegularDueDate(Date);
        string when = onDue ? $"right after regular payment {I(before)} (a due date)" : $"between due dates, after {I(before)} regular payment(s)";
        return $"Prepayment: {A(Amount)} on {Amounts.Date(Date)}, {when}; interest with it: {QuoteFigures.InterestPolicy(Loan.PrepaymentInterest)}; penalty: {Loan.PrepaymentPenalty}.";
    }

    internal string BaselineLine() =>
        $"Without it: {I(Baseline.RegularPayments)} regular payments, last payment {A(Baseline.Last.Payment)} on {Amounts.Date(Baseline.Last.DueDate)}, " +
        $"total interest {A(Baseline.TotalInterest)}, total cash out {A(Comparisons[0].BaselineCashOut)}.";

    internal string CalculatorTitle => Calculator.PaymentsMade is { } k
        ? $"Calculator (closed-form), prepaying right after payment {I(k)}:"
        : "Calculator (closed-form):";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
