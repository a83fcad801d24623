using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// A <c>mortgage statement</c> result as a table (indented lines), Markdown, CSV or JSON; the text forms in the run's
/// language (Resources/CliText: <c>Stmt_*</c>), CSV and JSON unchanged by it. Renders the library's
/// <see cref="YearSummary"/>, <see cref="HousingLoanInterestDeduction"/> and <see cref="MortgageInterestStatement"/>
/// only: every amount, count and rule is the library's.
/// </summary>
internal static class StatementWriters
{
    /// <summary>The CSV header: one line for the year.</summary>
    internal const string CsvHeader =
        "year,source,as_of,payments,principal,interest,penalty,penalty_interest,compound_interest,fees,total,balance_on_december_31," +
        "deduction_months,deduction_share_pct,deduction_amount,form_1098_interest,form_1098_charges,form_1098_interest_received,form_1098_threshold,form_1098_must_report";

    /// <summary>The source as the CSV and JSON write it: <c>schedule</c> or <c>account</c>.</summary>
    private static string SourceName(StatementReport report) => report.Account is null ? "schedule" : "account";

    /// <summary>The statement as indented lines (table) or as Markdown bullet lists.</summary>
    /// <param name="report">The statement.</param>
    /// <param name="markdown">True for Markdown.</param>
    /// <returns>The text, ending in a newline.</returns>
    internal static string Text(StatementReport report, bool markdown)
    {
        int places = report.Single.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);
        string bullet = markdown ? "- " : "  ";
        string gap = markdown ? "\n\n" : "\n";
        var text = new StringBuilder();
        if (report.Single.LegLine is { } legLine)
        {
            text.Append(legLine).Append(gap);
        }

        text.Append(QuoteFigures.Summary(report.Schedule)).Append(gap);
        YearSummary y = report.Summary;
        string Line(string format, params object?[] args) => bullet + Language.Format(format, args) + "\n";
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        if (report.Account is { } account)
        {
            string asOf = Amounts.Date(account.AsOf);
            text.Append(Language.Format(CliText.Stmt_YearAccount, y.Year, asOf, report.YearToDate ? CliText.Stmt_YearToDate : CliText.Stmt_EndOfYear,
                report.PaymentsSource)).Append(gap);
            text.Append(Line(CliText.Stmt_PaymentsReceived, Count(y.Payments)));
            text.Append(Line(CliText.Stmt_Principal, A(y.Principal)));
            text.Append(Line(CliText.Stmt_Interest, A(y.Interest)));
            text.Append(Line(CliText.Stmt_PenaltyInterest, A(y.PenaltyInterest)));
            text.Append(Line(CliText.Stmt_CompoundInterest, A(y.CompoundInterest)));
            text.Append(Line(CliText.Stmt_Fees, A(y.Fees)));
            text.Append(Line(CliText.Stmt_TotalPaid, A(y.Total)));
            text.Append(report.YearToDate
                ? Line(CliText.Stmt_OwedDec31ToDate, asOf, A(y.BalanceOnDecember31))
                : Line(CliText.Stmt_OwedDec31, A(y.BalanceOnDecember31)));
        }
        else
        {
            text.Append(Language.Format(CliText.Stmt_YearSchedule, y.Year)).Append(gap);
            text.Append(Line(CliText.Stmt_Payments, Count(y.Payments)));
            text.Append(Line(CliText.Stmt_Principal, A(y.Principal)));
            text.Append(Line(CliText.Stmt_Interest, A(y.Interest)));
            text.Append(Line(CliText.Stmt_PrepaymentPenalties, A(y.Penalty)));
            text.Append(Line(CliText.Stmt_TotalPaid, A(y.Total)));
            text.Append(Line(CliText.Stmt_BalanceDec31, A(y.BalanceOnDecember31)));
        }

        HousingLoanInterestDeduction d = report.Deduction;
        text.Append(markdown ? "\n" : "").Append(Language.Format(CliText.Stmt_Deduction, d.TaxYear)).Append(gap);
        text.Append(Line(CliText.Stmt_EligibleMonths, Count(d.Months)));
        text.Append(Line(CliText.Stmt_Share, d.Share));
        text.Append(Line(CliText.Stmt_DeductionAmount, A(d.Amount)));
        text.Append(Line(CliText.Stmt_Rule, HousingLoanInterestPolicy.China.Source));

        MortgageInterestStatement f = report.Form1098;
        text.Append(markdown ? "\n" : "")
            .Append(Language.Format(report.Account is null ? CliText.Stmt_Form1098Schedule : CliText.Stmt_Form1098Account, f.Year)).Append(gap);
        text.Append(Line(CliText.Stmt_Interest, A(f.Interest)));
        text.Append(Line(CliText.Stmt_ChargesAsInterest, A(f.Charges)));
        text.Append(Line(CliText.Stmt_InterestReceived, A(f.InterestReceived)));
        text.Append(Line(f.MustReport ? CliText.Stmt_ThresholdReached : CliText.Stmt_ThresholdNotReached, A(f.Threshold)));
        text.Append(Line(CliText.Stmt_Rule, MortgageInterestReportingPolicy.UnitedStates.Source));
        return text.ToString();
    }

    /// <summary>The statement as CSV: <see cref="CsvHeader"/>, then one line.</summary>
    /// <param name="report">The statement.</param>
    /// <returns>The text.</returns>
    internal static string Csv(StatementReport report)
    {
        int places = report.Single.Loan.Rounding.DecimalPlaces;
        string P(decimal amount) => Amounts.Plain(amount, places);
        YearSummary y = report.Summary;
        HousingLoanInterestDeduction d = report.Deduction;
        MortgageInterestStatement f = report.Form1098;
        var text = new StringBuilder(CsvHeader).Append('\n');
        text.Append(string.Join(',',
            y.Year.ToString(CultureInfo.InvariantCulture), SourceName(report), report.Account is { } account ? Amounts.Date(account.AsOf) : "",
            y.Payments.ToString(CultureInfo.InvariantCulture), P(y.Principal), P(y.Interest), P(y.Penalty), P(y.PenaltyInterest),
            P(y.CompoundInterest), P(y.Fees), P(y.Total), P(y.BalanceOnDecember31),
            d.Months.ToString(CultureInfo.InvariantCulture), d.Share.ToPercent().ToString(CultureInfo.InvariantCulture), P(d.Amount),
            P(f.Interest), P(f.Charges), P(f.InterestReceived), P(f.Threshold), f.MustReport ? "true" : "false"));
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>The statement as JSON.</summary>
    /// <param name="report">The statement.</param>
    /// <returns>The text, ending in a newline.</returns>
    internal static string Json(StatementReport report)
    {
        int places = report.Single.Loan.Rounding.DecimalPlaces;
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            void Amount(string name, decimal amount) => JsonScheduleWriter.WriteAmount(json, name, amount, places);
            json.WriteStartObject();
            if (report.Single.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, report.Schedule);
            YearSummary y = report.Summary;
            json.WriteNumber("year", y.Year);
            json.WriteString("source", SourceName(report));
            if (report.Account is { } account)
            {
                json.WriteString("as_of", Amounts.Date(account.AsOf));
            }
            else
            {
                json.WriteNull("as_of");
            }

            json.WriteBoolean("year_to_date", report.YearToDate);
            json.WriteStartObject("summary");
            json.WriteNumber("payments", y.Payments);
            Amount("principal", y.Principal);
            Amount("interest", y.Interest);
            Amount("penalty", y.Penalty);
            Amount("penalty_interest", y.PenaltyInterest);
            Amount("compound_interest", y.CompoundInterest);
            Amount("fees", y.Fees);
            Amount("total", y.Total);
            Amount("balance_on_december_31", y.BalanceOnDecember31);
            json.WriteEndObject();

            HousingLoanInterestDeduction d = report.Deduction;
            json.WriteStartObject("housing_loan_interest_deduction");
            json.WriteNumber("tax_year", d.TaxYear);
            json.WriteNumber("months", d.Months);
            json.WritePropertyName("share_pct");
            json.WriteRawValue(d.Share.ToPercent().ToString(CultureInfo.InvariantCulture));
            Amount("amount", d.Amount);
            json.WriteString("rule", HousingLoanInterestPolicy.China.Source);
            json.WriteEndObject();

            MortgageInterestStatement f = report.Form1098;
            json.WriteStartObject("form_1098");
            json.WriteNumber("year", f.Year);
            Amount("interest", f.Interest);
            Amount("charges", f.Charges);
            Amount("interest_received", f.InterestReceived);
            Amount("threshold", f.Threshold);
            json.WriteBoolean("must_report", f.MustReport);
            json.WriteString("rule", MortgageInterestReportingPolicy.UnitedStates.Source);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
