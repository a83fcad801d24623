using System.Buffers;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>A <c>mortgage payoff</c> quote as a table (<c>--format table</c>), markdown or JSON.</summary>
internal static class PayoffWriters
{
    /// <summary>The quote as text.</summary>
    /// <param name="format">Table, markdown or JSON.</param>
    /// <param name="schedule">The loan's schedule without the payoff.</param>
    /// <param name="quote">The quote.</param>
    /// <param name="single">The loan as read, with its leg for a leg of a combined spec.</param>
    /// <returns>The text, ending in a newline.</returns>
    internal static string Render(OutputFormat format, Schedule schedule, PayoffQuote quote, LoanOptions.SingleLoan single)
    {
    int places = single.Loan.Rounding.DecimalPlaces;
    string policy = QuoteFigures.InterestPolicy(single.Loan.PrepaymentInterest);
    string text;
    if (format == OutputFormat.Json)
    {
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            if (single.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, schedule);
            json.WriteStartObject("payoff");
            json.WriteString("date", Amounts.Date(quote.Date));
            JsonScheduleWriter.WriteAmount(json, "balance", quote.Balance, places);
            JsonScheduleWriter.WriteAmount(json, "accrued_interest", quote.AccruedInterest, places);
            JsonScheduleWriter.WriteAmount(json, "penalty", quote.Penalty, places);
            if (quote.DeferredPayments != 0m)
            {
                JsonScheduleWriter.WriteAmount(json, "deferred_payments", quote.DeferredPayments, places);
            }

            JsonScheduleWriter.WriteAmount(json, "total", quote.Total, places);
            json.WriteString("last_due_date", Amounts.Date(quote.AccruedSince));
            json.WriteNumber("days_since_last_due_date", quote.AccruedDays);
            json.WriteString("prepayment_interest", policy);
            json.WriteString("penalty_policy", single.Loan.PrepaymentPenalty.ToString());
            json.WriteBoolean("already_repaid", quote.AlreadyRepaid);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        text = Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
    else
    {
        string A(decimal amount) => Amounts.Grouped(amount, places);
        string bullet = format == OutputFormat.Markdown ? "- " : "  ";
        var lines = new StringBuilder();
        if (single.LegLine is { } legLine)
        {
            lines.Append(legLine).Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
        }

        lines.Append(QuoteFigures.Summary(schedule)).Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
        if (quote.AlreadyRepaid)
        {
            lines.Append(Language.Format(CliText.Payoff_Nothing, Amounts.Date(quote.Date), Amounts.Date(schedule.Last.DueDate))).Append('\n');
        }
        else
        {
            lines.Append(Language.Format(CliText.Payoff_On, Amounts.Date(quote.Date))).Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
            lines.Append(bullet).Append(CliText.Payoff_Balance).Append(A(quote.Balance)).Append('\n');
            lines.Append(bullet).Append(Language.Format(CliText.Payoff_Accrued, policy, quote.AccruedDays, Amounts.Date(quote.AccruedSince))).Append(A(quote.AccruedInterest)).Append('\n');
            lines.Append(bullet).Append(Language.Format(CliText.Payoff_Penalty, single.Loan.PrepaymentPenalty)).Append(A(quote.Penalty)).Append('\n');
            if (quote.DeferredPayments != 0m)
            {
                lines.Append(bullet).Append(CliText.Payoff_Deferred).Append(A(quote.DeferredPayments)).Append('\n');
            }

            lines.Append(bullet).Append(CliText.Payoff_Total).Append(A(quote.Total)).Append('\n');
        }

        text = lines.ToString();
    }

        return text;
    }
}
