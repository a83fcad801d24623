using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>
/// A <c>mortgage statement</c> result as a table (indented lines), Markdown, CSV or JSON. Renders the library's
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
        if (report.Account is { } account)
        {
            string asOf = Amounts.Date(account.AsOf);
            text.Append($"Year {y.Year}, from the account as of {asOf} ")
                .Append(report.YearToDate ? "(--as-of, before the end of the year: the year to date)" : "(the end of the year)")
                .Append($", {report.PaymentsSource} by the day each was applied:").Append(gap);
            text.Append(bullet).Append($"Payments received: {y.Payments.ToString(CultureInfo.InvariantCulture)}\n");
            text.Append(bullet).Append($"Principal: {A(y.Principal)}\n");
            text.Append(bullet).Append($"Interest: {A(y.Interest)}\n");
            text.Append(bullet).Append($"Penalty interest (罚息): {A(y.PenaltyInterest)}\n");
            text.Append(bullet).Append($"Compound interest (复利): {A(y.CompoundInterest)}\n");
            text.Append(bullet).Append($"Fees (late fees and charges): {A(y.Fees)}\n");
            text.Append(bullet).Append($"Total paid: {A(y.Total)}\n");
            text.Append(bullet).Append(report.YearToDate
                ? $"Principal owed on 31 December (payments to {asOf}): {A(y.BalanceOnDecember31)}\n"
                : $"Principal owed on 31 December: {A(y.BalanceOnDecember31)}\n");
        }
        else
        {
            text.Append($"Year {y.Year}, from the schedule (by due date):").Append(gap);
            text.Append(bullet).Append($"Payments: {y.Payments.ToString(CultureInfo.InvariantCulture)}\n");
            text.Append(bullet).Append($"Principal: {A(y.Principal)}\n");
            text.Append(bullet).Append($"Interest: {A(y.Interest)}\n");
            text.Append(bullet).Append($"Prepayment penalties: {A(y.Penalty)}\n");
            text.Append(bullet).Append($"Total paid: {A(y.Total)}\n");
            text.Append(bullet).Append($"Balance on 31 December: {A(y.BalanceOnDecember31)}\n");
        }

        HousingLoanInterestDeduction d = report.Deduction;
        text.Append(markdown ? "\n" : "")
            .Append($"China, housing-loan interest deduction (住房贷款利息专项附加扣除), tax year {d.TaxYear}, by the schedule:").Append(gap);
        text.Append(bullet).Append($"Eligible months: {d.Months.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append(bullet).Append($"Share: {d.Share}\n");
        text.Append(bullet).Append($"Deduction: {A(d.Amount)}\n");
        text.Append(bullet).Append($"Rule: {HousingLoanInterestPolicy.China.Source}\n");

        MortgageInterestStatement f = report.Form1098;
        text.Append(markdown ? "\n" : "")
            .Append($"US, Form 1098 box 1, mortgage interest received in {f.Year}{(report.Account is null ? ", by the schedule" : ", by the account")}:").Append(gap);
        text.Append(bullet).Append($"Interest: {A(f.Interest)}\n");
        text.Append(bullet).Append($"Charges reported as interest: {A(f.Charges)}\n");
        text.Append(bullet).Append($"Mortgage interest received (box 1): {A(f.InterestReceived)}\n");
        text.Append(bullet).Append(f.MustReport
            ? $"Reporting threshold {A(f.Threshold)}: reached, the lender must file Form 1098\n"
            : $"Reporting threshold {A(f.Threshold)}: not reached, the lender need not file Form 1098\n");
        text.Append(bullet).Append($"Rule: {MortgageInterestReportingPolicy.UnitedStates.Source}\n");
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
