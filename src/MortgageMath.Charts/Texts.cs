using System.Globalization;

namespace MortgageMath.Charts;

/// <summary>
/// Every human-visible text of the charts and the report, in one place, looked up by key and culture. Today it holds
/// the English texts; localization replaces <see cref="Get"/>'s table by a <c>ResourceManager</c> with the same keys
/// (<c>ResourceManager.GetString(key, culture)</c>, English as the neutral resources), so that no caller changes.
/// Keys are stable identifiers; formats take their arguments by position (<see cref="Format"/>).
/// </summary>
internal static class Texts
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        // Chart titles, axes and series.
        ["Chart.Balance.Title"] = "Outstanding balance",
        ["Chart.PrincipalAndInterest.Title"] = "Principal and interest of each payment",
        ["Chart.CumulativeInterest.Title"] = "Cumulative interest paid",
        ["Chart.Payment.Title"] = "Payment of each period",
        ["Chart.Rate.Title"] = "Interest rate and repricing dates",
        ["Chart.IndexHistory.Title"] = "{0} history",
        ["Chart.Frontier.Title"] = "Largest loan against monthly income",
        ["Chart.Account.Title"] = "Payments due and received, as of {0}",
        ["Axis.Date"] = "Date",
        ["Axis.Amount"] = "Amount ({0})",
        ["Axis.Rate"] = "Annual rate (%)",
        ["Axis.MonthlyIncome"] = "Monthly income ({0})",
        ["Axis.MaxLoan"] = "Largest loan ({0})",
        ["Series.Balance"] = "Balance",
        ["Series.Principal"] = "Principal",
        ["Series.Interest"] = "Interest",
        ["Series.CumulativeInterest"] = "Cumulative interest",
        ["Series.Payment"] = "Payment",
        ["Series.Rate"] = "Annual rate",
        ["Series.Repricing"] = "Rate change",
        ["Series.MaxLoan"] = "Largest loan",
        ["Series.AsOf"] = "As of {0}",
        ["Series.Due"] = "Due (cumulative)",
        ["Series.Received"] = "Received (cumulative)",
        ["Series.WithoutPrepayment"] = "Without prepayment",
        ["Series.WithPrepayment"] = "With prepayment",
        ["Series.PrepaidWith"] = "Prepaid, {0}",
        ["Series.ThisLoan"] = "This loan",
        ["Method.EqualInstallment"] = "Equal installment (等额本息)",
        ["Method.EqualPrincipal"] = "Equal principal (等额本金)",

        // The report.
        ["Report.Title"] = "Mortgage report",
        ["Report.Generated"] = "Prepared with MortgageMath. Figures are exact to the cent under the loan's rounding policy; a floating rate after the last known fixing is assumed unchanged.",
        ["Report.Terms"] = "Loan terms",
        ["Report.Figures"] = "Key figures",
        ["Report.Charts"] = "Charts",
        ["Report.Methods"] = "Repayment methods compared",
        ["Report.Repricing"] = "Repricing history",
        ["Report.Schedule"] = "Repayment schedule",
        ["Term.Principal"] = "Principal",
        ["Term.Rate"] = "Interest rate",
        ["Term.Term"] = "Term",
        ["Term.TermValue"] = "{0} months ({1} years)",
        ["Term.Method"] = "Repayment method",
        ["Term.Disbursement"] = "Disbursement",
        ["Term.FirstDue"] = "First payment date",
        ["Term.LastDue"] = "Last payment date",
        ["Figure.Payment"] = "Monthly payment",
        ["Figure.FirstPayment"] = "First monthly payment",
        ["Figure.MonthlyDecrease"] = "Monthly decrease",
        ["Figure.LastPayment"] = "Last payment",
        ["Figure.TotalInterest"] = "Total interest",
        ["Figure.TotalPayment"] = "Total repaid",
        ["Figure.Payments"] = "Number of payments",
        ["Column.Method"] = "Method",
        ["Column.FirstPayment"] = "First payment",
        ["Column.LastPayment"] = "Last payment",
        ["Column.TotalInterest"] = "Total interest",
        ["Column.TotalPayment"] = "Total repaid",
        ["Column.Difference"] = "Interest against equal installment",
        ["Column.Period"] = "No.",
        ["Column.DueDate"] = "Due date",
        ["Column.Rate"] = "Rate",
        ["Column.Payment"] = "Payment",
        ["Column.Principal"] = "Principal",
        ["Column.Interest"] = "Interest",
        ["Column.Balance"] = "Balance",
        ["Column.EffectiveDate"] = "Effective date",
        ["Column.Reason"] = "Reason",
        ["Column.Leg"] = "Part",
        ["Schedule.Year"] = "{0}: {1} payments, {2} paid ({3} principal, {4} interest), balance {5}",
        ["Repricing.None"] = "The rate is fixed: no repricing.",
    };

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (English until localized).</summary>
    /// <param name="key">A key of the table above.</param>
    /// <param name="culture">The culture of the output.</param>
    /// <exception cref="KeyNotFoundException">No such key (a programming error, caught by the tests).</exception>
    internal static string Get(string key, CultureInfo culture)
    {
        _ = culture;
        return English[key];
    }

    /// <summary>The text of <paramref name="key"/> with its arguments formatted in <paramref name="culture"/>.</summary>
    internal static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>Every key (for the test that each is present in every language).</summary>
    internal static IEnumerable<string> Keys => English.Keys;
}
