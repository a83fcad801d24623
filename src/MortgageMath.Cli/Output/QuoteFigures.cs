using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// The quote figures the table and Markdown formats print below the rows, each labelled with the convention that
/// produced it (published calculators disagree, so no figure is printed without its convention). Labels are in the
/// run's language (<see cref="Language"/>).
/// </summary>
internal static class QuoteFigures
{
    /// <summary>One line describing the loan: principal, rate, term, method and dates.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The line.</returns>
    internal static string Summary(Schedule schedule)
    {
        Loan loan = schedule.Loan;
        int places = loan.Rounding.DecimalPlaces;
        string firstRate = Amounts.Percent(schedule.RateChanges[0].AnnualRate);
        string rate = RateDisplay.HasSeveralRates(schedule)
            ? Language.Format(CliText.Summary_RateSeveral, firstRate, loan.RatePlan,
                loan.Events.Count > 0 ? Language.Format(CliText.Summary_RateEvents, loan.Events.Count) : "")
            : Language.Format(CliText.Summary_Rate, firstRate);
        string summary = Language.Format(CliText.Summary_Loan, Amounts.Grouped(loan.Principal, places), rate, loan.Periods,
            MethodName(loan.Method), Amounts.Date(loan.Disbursement), loan.EffectiveRepaymentDay,
            Amounts.Date(schedule.First.DueDate), loan.Rounding);
        List<string> prepayments = [.. loan.Events.OfType<Prepayment>().Select(p => Describe(p, places))];
        if (prepayments.Count > 0)
        {
            summary += Language.Format(CliText.Summary_Prepayments, string.Join("; ", prepayments), InterestPolicy(loan.PrepaymentInterest), loan.PrepaymentPenalty);
        }

        List<string> restructurings = [.. loan.Events.OfType<RestructuringEvent>().Select(r => r.ToString()!)];
        if (restructurings.Count > 0)
        {
            summary += Language.Format(CliText.Summary_Restructurings, string.Join("; ", restructurings));
        }

        return summary;
    }

    /// <summary>A repayment method as people read it: <c>equal-installment</c> (等额本息 in Chinese),
    /// <c>equal-principal</c> (等额本金); the other methods by their spec text (<c>balloon(360)</c>).</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    internal static string MethodName(RepaymentMethod method) =>
        method == RepaymentMethod.EqualInstallment ? CliText.Method_EqualInstallment
        : method == RepaymentMethod.EqualPrincipal ? CliText.Method_EqualPrincipal
        : method.ToString();

    /// <summary>A prepayment as the tool writes it: <c>200,000.00 on 2025-03-20, shorten-term</c> or <c>payoff on 2025-04-08</c>.</summary>
    /// <param name="prepayment">The prepayment.</param>
    /// <param name="places">The rounding policy's decimals.</param>
    /// <returns>The text.</returns>
    internal static string Describe(Prepayment prepayment, int places) => prepayment.Amount is { } amount
        ? Language.Format(CliText.Summary_Prepayment, Amounts.Grouped(amount, places), Amounts.Date(prepayment.Date), prepayment.Option)
        : Language.Format(CliText.Summary_Payoff, Amounts.Date(prepayment.Date));

    /// <summary>The spec's name of a <see cref="PrepaymentInterest"/> policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns><c>accrued-on-balance</c>, <c>accrued-on-prepaid-amount</c> or <c>none</c>.</returns>
    internal static string InterestPolicy(PrepaymentInterest policy) => policy switch
    {
        PrepaymentInterest.AccruedOnPrepaidAmount => "accrued-on-prepaid-amount",
        PrepaymentInterest.None => "none",
        _ => "accrued-on-balance",
    };

    /// <summary>The labelled figures, in print order.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Pairs of label and formatted value.</returns>
    internal static IReadOnlyList<(string Label, string Value)> For(Schedule schedule)
    {
        LoanQuote quote = schedule.Quote;
        int places = schedule.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);

        // The formula figures assume one rate: with several, say which one. They also ignore prepayments: with any, say so.
        string? atRate = RateDisplay.HasSeveralRates(schedule)
            ? Language.Format(CliText.Figure_AtRate, Amounts.Percent(schedule.RateChanges[0].AnnualRate))
            : null;
        List<string> notes = [];
        if (atRate is not null)
        {
            notes.Add(atRate);
        }

        if (schedule.Loan.Events.OfType<Prepayment>().Any())
        {
            notes.Add(CliText.Figure_IgnoringPrepayments);
        }

        string noteText = string.Join(CliText.List_Separator, notes);

        // A label that ends in a parenthesis gets the notes inside it; any other label gets them in parentheses of their own.
        string F(string label)
        {
            if (notes.Count == 0)
            {
                return label;
            }

            return label.EndsWith(CliText.Paren_Close, StringComparison.Ordinal)
                ? label[..^CliText.Paren_Close.Length] + CliText.List_Separator + noteText + CliText.Paren_Close
                : label + CliText.Paren_Open + noteText + CliText.Paren_Close;
        }

        string Unrounded(string label) => atRate is null ? label : label + CliText.Paren_Open + atRate + CliText.Paren_Close;

        if (quote.MonthlyDecrease is { } decrease)
        {
            return WithPenalties(schedule,
            [
                (F(CliText.Figure_EP_FirstPayment), A(quote.Payment)),
                (Unrounded(CliText.Figure_EP_FirstPaymentUnrounded), Amounts.Exact(quote.ExactPayment)),
                (F(CliText.Figure_EP_MonthlyDecrease), A(decrease)),
                (F(CliText.Figure_EP_LastFormula), A(quote.LastFormulaPayment)),
                (CliText.Figure_LastExact, A(schedule.Last.Payment)),
                (F(CliText.Figure_EP_TotalInterestFormula), A(quote.FormulaTotalInterest)),
                (CliText.Figure_TotalInterestExact, A(quote.ScheduleTotalInterest)),
                (CliText.Figure_TotalPaymentsExact, A(schedule.TotalPayment)),
            ]);
        }

        if (quote.BalloonPayment is { } balloon)
        {
            return WithPenalties(schedule,
            [
                (F(CliText.Figure_Balloon_Payment), A(quote.Payment)),
                (Unrounded(CliText.Figure_PaymentUnrounded), Amounts.Exact(quote.ExactPayment)),
                (F(Language.Format(CliText.Figure_Balloon_Formula, schedule.Loan.Periods - 1)), A(balloon)),
                (schedule.Last.Kind == InstallmentKind.Balloon ? CliText.Figure_Balloon_LastExact : CliText.Figure_LastExact, A(schedule.Last.Payment)),
                (F(CliText.Figure_Balloon_TotalInterestFormula), A(quote.FormulaTotalInterest)),
                (CliText.Figure_TotalInterestExact, A(quote.ScheduleTotalInterest)),
                (CliText.Figure_TotalPaymentsExact, A(schedule.TotalPayment)),
            ]);
        }

        if (quote.PaymentAfterInterestOnly is { } afterInterestOnly)
        {
            return WithPenalties(schedule,
            [
                (F(CliText.Figure_IO_Payment), A(quote.Payment)),
                (Unrounded(CliText.Figure_IO_PaymentUnrounded), Amounts.Exact(quote.ExactPayment)),
                (F(CliText.Figure_IO_After), A(afterInterestOnly)),
                (F(CliText.Figure_IO_LastFormula), A(quote.LastFormulaPayment)),
                (CliText.Figure_LastExact, A(schedule.Last.Payment)),
                (F(CliText.Figure_IO_TotalInterestFormula), A(quote.FormulaTotalInterest)),
                (CliText.Figure_TotalInterestExact, A(quote.ScheduleTotalInterest)),
                (CliText.Figure_TotalPaymentsExact, A(schedule.TotalPayment)),
            ]);
        }

        var figures = new List<(string Label, string Value)>
        {
            (F(CliText.Figure_EI_Payment), A(quote.Payment)),
            (Unrounded(CliText.Figure_PaymentUnrounded), Amounts.Exact(quote.ExactPayment)),
            (CliText.Figure_EI_LastExact, A(schedule.Last.Payment)),
            (F(CliText.Figure_EI_TotalInterestFormula), A(quote.FormulaTotalInterest)),
        };
        if (quote.RoundedPaymentTotalInterest is { } rounded)
        {
            figures.Add((F(CliText.Figure_EI_TotalInterestRounded), A(rounded)));
        }

        figures.Add((CliText.Figure_TotalInterestExact, A(quote.ScheduleTotalInterest)));
        figures.Add((CliText.Figure_TotalPaymentsExact, A(schedule.TotalPayment)));
        return WithPenalties(schedule, figures);
    }

    /// <summary>The figures with the penalty total before the last line (total payments), when a penalty was paid.</summary>
    private static List<(string Label, string Value)> WithPenalties(Schedule schedule, List<(string Label, string Value)> figures)
    {
        if (schedule.TotalPenalty != 0m)
        {
            figures.Insert(figures.Count - 1, (CliText.Figure_TotalPenalties, Amounts.Grouped(schedule.TotalPenalty, schedule.Loan.Rounding.DecimalPlaces)));
        }

        return figures;
    }
}
