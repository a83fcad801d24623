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
        return $"Loan: {Amounts.Grouped(loan.Principal, places)} at {rate} over {loan.Periods} months, " +
            $"{loan.Method.Name}; disbursed {Amounts.Date(loan.Disbursement)}, repayment day {loan.EffectiveRepaymentDay}, " +
            $"first due {Amounts.Date(schedule.First.DueDate)}, rounding {loan.Rounding}.";
    }

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
        string F(string label) => atRate.Length == 0 ? label : label[..^1] + atRate + ")";

        if (quote.MonthlyDecrease is { } decrease)
        {
            return
            [
                (F("First monthly payment (P/n + P·i, rounded)"), A(quote.Payment)),
                (atRate.Length == 0 ? "First monthly payment, unrounded" : $"First monthly payment, unrounded (at the rate at disbursement {Amounts.Percent(schedule.RateChanges[0].AnnualRate)}%)", Amounts.Exact(quote.ExactPayment)),
                (F("Monthly decrease ((P/n)·i, rounded)"), A(decrease)),
                (F("Last payment, formula (P/n + (P/n)·i)"), A(quote.LastFormulaPayment)),
                ("Last payment, exact schedule", A(schedule.Last.Payment)),
                (F("Total interest, formula (P·i·(n+1)/2)"), A(quote.FormulaTotalInterest)),
                ("Total interest, exact schedule", A(quote.ScheduleTotalInterest)),
                ("Total payments, exact schedule", A(schedule.TotalPayment)),
            ];
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
            figures.Add((atRate.Length == 0 ? "Total interest, rounded payment × n − principal" : $"Total interest, rounded payment × n − principal{atRate.Replace(", at", " (at", StringComparison.Ordinal)})", A(rounded)));
        }

        figures.Add(("Total interest, exact schedule", A(quote.ScheduleTotalInterest)));
        figures.Add(("Total payments, exact schedule", A(schedule.TotalPayment)));
        return figures;
    }
}
