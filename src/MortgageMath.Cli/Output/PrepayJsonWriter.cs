using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>A <c>mortgage prepay</c> report as JSON (<c>--format json</c>).</summary>
internal static class PrepayJsonWriter
{
    internal static string Json(PrepayReport report)
    {
        int places = report.Places;
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            if (report.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, report.Baseline);

            json.WriteStartObject("prepayment");
            json.WriteString("date", Amounts.Date(report.Date));
            JsonScheduleWriter.WriteAmount(json, "amount", report.Amount, places);
            json.WriteString("prepayment_interest", QuoteFigures.InterestPolicy(report.Loan.PrepaymentInterest));
            json.WriteString("penalty_policy", report.Loan.PrepaymentPenalty.ToString());
            json.WriteEndObject();

            json.WriteStartObject("without_prepayment");
            json.WriteNumber("regular_payments", report.Baseline.RegularPayments);
            JsonScheduleWriter.WriteAmount(json, "last_payment", report.Baseline.Last.Payment, places);
            json.WriteString("last_due_date", Amounts.Date(report.Baseline.Last.DueDate));
            JsonScheduleWriter.WriteAmount(json, "total_interest", report.Baseline.TotalInterest, places);
            JsonScheduleWriter.WriteAmount(json, "total_penalty", report.Baseline.TotalPenalty, places);
            JsonScheduleWriter.WriteAmount(json, "cash_out", report.Comparisons[0].BaselineCashOut, places);
            json.WriteEndObject();

            json.WriteStartArray("options");
            for (int k = 0; k < report.Comparisons.Count; k++)
            {
                PrepaymentComparison c = report.Comparisons[k];
                json.WriteStartObject();
                json.WriteString("option", c.Option!.ToString());
                json.WriteStartObject("schedule");
                JsonScheduleWriter.WriteAmount(json, "interest_saved", c.InterestSaved, places);
                json.WriteNumber("periods_saved", c.PeriodsSaved);
                json.WriteNumber("regular_payments", c.Alternative.RegularPayments);
                json.WriteNumber("payments_after_prepayment", c.Alternative.PaymentsAfter(report.Date));
                JsonScheduleWriter.WriteAmount(json, "new_payment", c.NewPayment, places);
                JsonScheduleWriter.WriteAmount(json, "last_payment", c.Alternative.Last.Payment, places);
                json.WriteString("last_due_date", Amounts.Date(c.Alternative.Last.DueDate));
                JsonScheduleWriter.WriteAmount(json, "penalties", c.PenaltiesPaid, places);
                JsonScheduleWriter.WriteAmount(json, "total_interest", c.Alternative.TotalInterest, places);
                JsonScheduleWriter.WriteAmount(json, "cash_out", c.AlternativeCashOut, places);
                JsonScheduleWriter.WriteAmount(json, "cash_saved", c.CashSaved, places);
                json.WriteEndObject();

                json.WritePropertyName("calculator");
                if (report.Calculator.Quotes.Count > k)
                {
                    PrepaymentQuote q = report.Calculator.Quotes[k];
                    json.WriteStartObject();
                    json.WriteNumber("payments_made", q.PaymentsMade);
                    JsonScheduleWriter.WriteAmount(json, "balance_before", q.BalanceBefore, places);
                    JsonScheduleWriter.WriteAmount(json, "balance_after", q.BalanceAfter, places);
                    json.WriteNumber("remaining_periods", q.RemainingPeriods);
                    json.WritePropertyName("exact_remaining_periods");
                    if (q.ExactRemainingPeriods is { } n)
                    {
                        json.WriteRawValue(n.ToString("F2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    json.WriteNumber("periods_saved", q.PeriodsSaved);
                    JsonScheduleWriter.WriteAmount(json, "new_payment", q.NewPayment, places);
                    JsonScheduleWriter.WriteAmount(json, "last_payment", q.LastPayment, places);
                    JsonScheduleWriter.WriteAmount(json, "remaining_interest_without", q.RemainingInterestWithout, places);
                    JsonScheduleWriter.WriteAmount(json, "remaining_interest_with", q.RemainingInterestWith, places);
                    JsonScheduleWriter.WriteAmount(json, "interest_saved", q.InterestSaved, places);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.Calculator.Unavailable is { } why)
            {
                json.WriteString("calculator_unavailable", why);
            }
            else
            {
                json.WriteNull("calculator_unavailable");
            }

            json.WriteString("note", PrepayCommand.Note);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
