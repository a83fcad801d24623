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
        return $"Loan: {Amounts.Grouped(loan.Principal, places)} at {Amounts.Percent(loan.AnnualRate)}% a year over {loan.Periods} months, " +
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

        if (quote.MonthlyDecrease is { } decrease)
        {
            return
            [
                ("First monthly payment (P/n + P·i, rounded)", A(quote.Payment)),
                ("First monthly payment, unrounded", Amounts.Exact(quote.ExactPayment)),
                ("Monthly decrease ((P/n)·i, rounded)", A(decrease)),
                ("Last payment, formula (P/n + (P/n)·i)", A(quote.LastFormulaPayment)),
                ("Last payment, exact schedule", A(schedule.Last.Payment)),
                ("Total interest, formula (P·i·(n+1)/2)", A(quote.FormulaTotalInterest)),
                ("Total interest, exact schedule", A(quote.ScheduleTotalInterest)),
                ("Total payments, exact schedule", A(schedule.TotalPayment)),
            ];
        }

        var figures = new List<(string Label, string Value)>
        {
            ("Monthly payment (rounded annuity payment)", A(quote.Payment)),
            ("Monthly payment, unrounded", Amounts.Exact(quote.ExactPayment)),
            ("Last payment, exact schedule (settles the rounding residue)", A(schedule.Last.Payment)),
            ("Total interest, formula (unrounded payment × n − principal)", A(quote.FormulaTotalInterest)),
        };
        if (quote.RoundedPaymentTotalInterest is { } rounded)
        {
            figures.Add(("Total interest, rounded payment × n − principal", A(rounded)));
        }

        figures.Add(("Total interest, exact schedule", A(quote.ScheduleTotalInterest)));
        figures.Add(("Total payments, exact schedule", A(schedule.TotalPayment)));
        return figures;
    }
}
