using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
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
            (CliText.Prepay_Row_InterestSaved, Each(c => A(c.InterestSaved))),
            (CliText.Prepay_Row_PaymentsSaved, Each(c => I(c.PeriodsSaved))),
            (CliText.Prepay_Row_PaymentsLeftAfter, Each(c => I(c.Alternative.PaymentsAfter(Date)))),
            (CliText.Prepay_Row_NewPayment, Each(c => A(c.NewPayment))),
            (CliText.Prepay_Row_LastPayment, Each(c => A(c.Alternative.Last.Payment))),
            (CliText.Prepay_Row_LastDueDate, Each(c => Amounts.Date(c.Alternative.Last.DueDate))),
            (CliText.Prepay_Row_Penalties, Each(c => A(c.PenaltiesPaid))),
            (CliText.Prepay_Row_TotalInterest, Each(c => A(c.Alternative.TotalInterest))),
            (CliText.Prepay_Row_TotalCashOut, Each(c => A(c.AlternativeCashOut))),
            (CliText.Prepay_Row_CashSaved, Each(c => A(c.CashSaved))),
        ];
    }

    internal List<(string Label, string[] Values)> CalculatorRows()
    {
        string[] Each(Func<PrepaymentQuote, string> value) => [.. Calculator.Quotes.Select(value)];
        return
        [
            (CliText.Prepay_Calc_BalanceBefore, Each(q => A(q.BalanceBefore))),
            (CliText.Prepay_Calc_BalanceAfter, Each(q => A(q.BalanceAfter))),
            (CliText.Prepay_Calc_PaymentsLeft, Each(q => I(q.RemainingPeriods))),
            (CliText.Prepay_Calc_ExactTerm, Each(q => q.ExactRemainingPeriods is { } n ? n.ToString("F2", CultureInfo.InvariantCulture) : "—")),
            (CliText.Prepay_Row_PaymentsSaved, Each(q => I(q.PeriodsSaved))),
            (CliText.Prepay_Row_NewPayment, Each(q => A(q.NewPayment))),
            (CliText.Prepay_Row_LastPayment, Each(q => A(q.LastPayment))),
            (CliText.Prepay_Calc_InterestWithout, Each(q => A(q.RemainingInterestWithout))),
            (CliText.Prepay_Calc_InterestWith, Each(q => A(q.RemainingInterestWith))),
            (CliText.Prepay_Row_InterestSaved, Each(q => A(q.InterestSaved))),
        ];
    }

    internal string[] Headers => [.. Comparisons.Select(c => OptionName(c.Option!))];

    /// <summary>A prepayment option as the text formats head its column: its spec name in English (<c>shorten-term</c>),
    /// 缩短期限 in Chinese; <c>new-term(N)</c> as it is.</summary>
    internal static string OptionName(PrepaymentOption option) =>
        option == PrepaymentOption.LowerPayment ? CliText.Prepay_Option_LowerPayment
        : option == PrepaymentOption.ShortenTerm ? CliText.Prepay_Option_ShortenTerm
        : option == PrepaymentOption.ShortenTermKeepPayment ? CliText.Prepay_Option_ShortenTermKeepPayment
        : option.ToString();

    internal string PrepaymentLine()
    {
        int before = Baseline.RegularPaymentsThrough(Date);
        bool onDue = Baseline.IsRegularDueDate(Date);
        string when = Language.Format(onDue ? CliText.Prepay_OnDueDate : CliText.Prepay_BetweenDueDates, I(before));
        return Language.Format(CliText.Prepay_Prepayment, A(Amount), Amounts.Date(Date), when, QuoteFigures.InterestPolicy(Loan.PrepaymentInterest), Loan.PrepaymentPenalty);
    }

    internal string BaselineLine() =>
        Language.Format(CliText.Prepay_Baseline, I(Baseline.RegularPayments), A(Baseline.Last.Payment), Amounts.Date(Baseline.Last.DueDate),
            A(Baseline.TotalInterest), A(Comparisons[0].BaselineCashOut));

    internal string CalculatorTitle => Calculator.PaymentsMade is { } k
        ? Language.Format(CliText.Prepay_CalculatorAfter, I(k))
        : CliText.Prepay_Calculator;

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
