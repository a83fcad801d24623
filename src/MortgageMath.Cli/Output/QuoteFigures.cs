namespace MortgageMath.Cli;

/// <summary>
/// The quote figures the table and Markdown formats print below the rows, each labelled with the convention that
/// produced it (published calculators disagree, so no figure is printed without its convention).
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
        string rate = RateDisplay.HasSeveralRates(schedule)
            ? $"{Amounts.Percent(schedule.RateChanges[0].AnnualRate)}% a year at disbursement ({loan.RatePlan}{(loan.Events.Count > 0 ? $"; {loan.Events.Count} rate event(s)" : "")})"
            : $"{Amounts.Percent(schedule.RateChanges[0].AnnualRate)}% a year";
        string summary = $"Loan: {Amounts.Grouped(loan.Principal, places)} at {rate} over {loan.Periods} months, " +
            $"{loan.Method}; disbursed {Amounts.Date(loan.Disbursement)}, repayment day {loan.EffectiveRepaymentDay}, " +
            $"first due {Amounts.Date(schedule.First.DueDate)}, rounding {loan.Rounding}.";
        List<string> prepayments = [.. loan.Events.OfType<Prepayment>().Select(p => Describe(p, places))];
        if (prepayments.Count > 0)
        {
            summary += $" Prepayments: {string.Join("; ", prepayments)} (interest with a prepayment: {InterestPolicy(loan.PrepaymentInterest)}; penalty: {loan.PrepaymentPenalty}).";
        }

        List<string> restructurings = [.. loan.Events.OfType<RestructuringEvent>().Select(r => r.ToString()!)];
        if (restructurings.Count > 0)
        {
            summary += $" Restructurings: {string.Join("; ", restructurings)} (the payment and formula figures below the rows are the contract's before them; the rows show them).";
        }

        return summary;
    }

    /// <summary>A prepayment as the tool writes it: <c>200,000.00 on 2025-03-20, shorten-term</c> or <c>payoff on 2025-04-08</c>.</summary>
    /// <param name="prepayment">The prepayment.</param>
    /// <param name="places">The rounding policy's decimals.</param>
    /// <returns>The text.</returns>
    internal static string Describe(Prepayment prepayment, int places) => prepayment.Amount is { } amount
        ? $"{Amounts.Grouped(amount, places)} on {Amounts.Date(prepayment.Date)}, {prepayment.Option}"
        : $"payoff on {Amounts.Date(prepayment.Date)}";

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

        // The formula figures assume one rate: with several, say which one.
        string atRate = RateDisplay.HasSeveralRates(schedule)
            ? $", at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%"
            : "";
        // The formula figures also ignore prepayments: with any, say so.
        string suffix = atRate + (schedule.Loan.Events.OfType<Prepayment>().Any() ? ", ignoring the prepayments" : "");
        string F(string label) => suffix.Length == 0 ? label : label[..^1] + suffix + ")";

        if (quote.MonthlyDecrease is { } decrease)
        {
            return WithPenalties(schedule,
            [
                (F("First monthly payment (P/n + P·i, rounded)"), A(quote.Payment)),
                (atRate.Length == 0 ? "First monthly payment, unrounded" : $"First monthly payment, unrounded (at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%)", Amounts.Exact(quote.ExactPayment)),
                (F("Monthly decrease ((P/n)·i, rounded)"), A(decrease)),
                (F("Last payment, formula (P/n + (P/n)·i)"), A(quote.LastFormulaPayment)),
                ("Last payment, exact schedule", A(schedule.Last.Payment)),
                (F("Total interest, formula (P·i·(n+1)/2)"), A(quote.FormulaTotalInterest)),
                ("Total interest, exact schedule", A(quote.ScheduleTotalInterest)),
                ("Total payments, exact schedule", A(schedule.TotalPayment)),
            ]);
        }

        if (quote.BalloonPayment is { } balloon)
        {
            return WithPenalties(schedule,
            [
                (F("Monthly payment (rounded annuity payment over the amortization term)"), A(quote.Payment)),
                (atRate.Length == 0 ? "Monthly payment, unrounded" : $"Monthly payment, unrounded (at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%)", Amounts.Exact(quote.ExactPayment)),
                (F($"Balloon payment, formula (balance after {schedule.Loan.Periods - 1} payments + a month's interest)"), A(balloon)),
                ($"{(schedule.Last.Kind == InstallmentKind.Balloon ? "Balloon" : "Last")} payment, exact schedule", A(schedule.Last.Payment)),
                (F("Total interest, formula (payments + balloon − principal)"), A(quote.FormulaTotalInterest)),
                ("Total interest, exact schedule", A(quote.ScheduleTotalInterest)),
                ("Total payments, exact schedule", A(schedule.TotalPayment)),
            ]);
        }

        if (quote.PaymentAfterInterestOnly is { } afterInterestOnly)
        {
            return WithPenalties(schedule,
            [
                (F("Monthly payment, interest-only periods (interest + any minimum principal, rounded)"), A(quote.Payment)),
                (atRate.Length == 0 ? "Monthly payment, interest-only periods, unrounded" : $"Monthly payment, interest-only periods, unrounded (at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%)", Amounts.Exact(quote.ExactPayment)),
                (F("Monthly payment after the interest-only periods (first amortizing payment, rounded)"), A(afterInterestOnly)),
                (F("Last payment, formula"), A(quote.LastFormulaPayment)),
                ("Last payment, exact schedule", A(schedule.Last.Payment)),
                (F("Total interest, formula (interest-only interest + amortizing formula total)"), A(quote.FormulaTotalInterest)),
                ("Total interest, exact schedule", A(quote.ScheduleTotalInterest)),
                ("Total payments, exact schedule", A(schedule.TotalPayment)),
            ]);
        }

        var figures = new List<(string Label, string Value)>
        {
            (F("Monthly payment (rounded annuity payment)"), A(quote.Payment)),
            (atRate.Length == 0 ? "Monthly payment, unrounded" : $"Monthly payment, unrounded (at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%)", Amounts.Exact(quote.ExactPayment)),
            ("Last payment, exact schedule (settles the rounding residue)", A(schedule.Last.Payment)),
            (F("Total interest, formula (unrounded payment × n − principal)"), A(quote.FormulaTotalInterest)),
        };
        if (quote.RoundedPaymentTotalInterest is { } rounded)
        {
            figures.Add((suffix.Length == 0 ? "Total interest, rounded payment × n − principal" : $"Total interest, rounded payment × n − principal ({suffix[2..]})", A(rounded)));
        }

        figures.Add(("Total interest, exact schedule", A(quote.ScheduleTotalInterest)));
        figures.Add(("Total payments, exact schedule", A(schedule.TotalPayment)));
        return WithPenalties(schedule, figures);
    }

    /// <summary>The figures with the penalty total before the last line (total payments), when a penalty was paid.</summary>
    private static List<(string Label, string Value)> WithPenalties(Schedule schedule, List<(string Label, string Value)> figures)
    {
        if (schedule.TotalPenalty != 0m)
        {
            figures.Insert(figures.Count - 1, ("Total prepayment penalties, exact schedule", Amounts.Grouped(schedule.TotalPenalty, schedule.Loan.Rounding.DecimalPlaces)));
        }

        return figures;
    }
}
