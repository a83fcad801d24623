using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>An affordability outcome as JSON (<c>--format json</c>).</summary>
internal static class AffordJsonWriter
{
    /// <summary>The outcome as JSON.</summary>
    /// <param name="o">The outcome.</param>
    /// <returns>The JSON, ending in a new line.</returns>
    internal static string Write(AffordOutcome o)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("policy", o.Policy.Name);
            WriteHousehold(json, o.ReportHousehold);
            WriteLoan(json, o);
            json.WritePropertyName("purchase");
            if (o.Purchase is { } p)
            {
                json.WriteStartObject();
                JsonScheduleWriter.WriteAmount(json, "price", p.Price, 2);
                JsonScheduleWriter.WriteAmount(json, "down_payment", p.DownPayment, 2);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            WriteReportFields(json, o.Report);
            if (o.Solution is { } s)
            {
                json.WriteStartObject("solution");
                json.WriteString("question", s.Question);
                json.WriteBoolean("found", s.Found);
                JsonScheduleWriter.WriteAmount(json, "value", s.Value, 2);
                JsonScheduleWriter.WriteAmount(json, "beyond_value", s.BeyondValue, 2);
                json.WriteStartArray("binding_rules");
                foreach (string rule in s.BindingRules)
                {
                    json.WriteStringValue(rule);
                }

                json.WriteEndArray();
                json.WriteString("explanation", s.Explanation);
                if (o.SolveNote is { } note)
                {
                    json.WriteString("note", note);
                }

                json.WritePropertyName("beyond");
                if (s.Beyond is { } beyond)
                {
                    json.WriteStartObject();
                    JsonScheduleWriter.WriteAmount(json, "loan_amount", beyond.LoanAmount, 2);
                    JsonScheduleWriter.WriteAmount(json, "monthly_income", beyond.MonthlyIncome, 2);
                    WriteReportFields(json, beyond);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteHousehold(Utf8JsonWriter json, Household h)
    {
        json.WriteStartObject("household");
        json.WriteStartArray("borrowers");
        foreach (Borrower b in h.Borrowers)
        {
            json.WriteStartObject();
            JsonScheduleWriter.WriteAmount(json, "monthly_income", b.MonthlyIncome, 2);
            json.WriteNumber("age", b.Age);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonScheduleWriter.WriteAmount(json, "monthly_income", h.MonthlyIncome, 2);
        JsonScheduleWriter.WriteAmount(json, "monthly_debt_payments", h.MonthlyDebtPayments, 2);
        JsonScheduleWriter.WriteAmount(json, "monthly_housing_costs", h.MonthlyHousingCosts, 2);
        JsonScheduleWriter.WriteAmount(json, "provident_fund_balance", h.ProvidentFundBalance, 2);
        json.WriteEndObject();
    }

    private static void WriteLoan(Utf8JsonWriter json, AffordOutcome o)
    {
        json.WriteStartObject("loan");
        JsonScheduleWriter.WriteAmount(json, "principal", o.Report.LoanAmount, 2);
        if (o.Schedules.Count == 1 && o.Schedules[0].Leg is null)
        {
            Schedule s = o.Schedules[0].Schedule;
            json.WriteNumber("periods", s.Loan.Periods);
            json.WriteString("method", s.Loan.Method.Name);
            json.WriteString("disbursement", Amounts.Date(s.Loan.Disbursement));
            json.WriteString("summary", QuoteFigures.Summary(s));
        }
        else
        {
            json.WriteStartArray("legs");
            foreach ((string? leg, Schedule s) in o.Schedules)
            {
                json.WriteStartObject();
                json.WriteString("name", leg);
                JsonScheduleWriter.WriteAmount(json, "principal", s.Loan.Principal, s.Loan.Rounding.DecimalPlaces);
                json.WriteNumber("periods", s.Loan.Periods);
                json.WriteString("method", s.Loan.Method.Name);
                json.WriteString("summary", QuoteFigures.Summary(s));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteReportFields(Utf8JsonWriter json, AffordabilityReport report)
    {
        json.WriteStartArray("rules");
        foreach (RuleResult r in report.Results)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Rule);
            json.WriteString("outcome", AffordFigures.ResultCode(r.Outcome));
            json.WritePropertyName("actual");
            if (r.Outcome == RuleOutcome.NotApplicable)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(Amounts.Exact(r.Actual));
            }

            json.WritePropertyName("limit");
            json.WriteRawValue(Amounts.Exact(r.Limit));
            json.WriteString("limit_kind", r.LimitIsMinimum ? "minimum" : "maximum");
            json.WritePropertyName("margin");
            if (r.Outcome == RuleOutcome.NotApplicable)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(Amounts.Exact(r.Margin));
            }

            JsonScheduleWriter.WriteAmount(json, "headroom", r.Outcome == RuleOutcome.NotApplicable ? null : r.Headroom, 2);
            json.WriteString("unit", AffordFigures.UnitName(r.Unit));
            json.WriteString("source", r.Source);
            json.WriteString("explanation", r.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        HighestPayment h = report.HighestPayment;
        json.WriteStartObject("highest_payment");
        JsonScheduleWriter.WriteAmount(json, "amount", h.Amount, 2);
        json.WriteString("date", Amounts.Date(h.Date));
        if (h.Period is { } period)
        {
            json.WriteNumber("period", period);
        }
        else
        {
            json.WriteNull("period");
        }

        json.WriteBoolean("is_first_payment", h.IsFirstPayment);
        JsonScheduleWriter.WriteAmount(json, "first_payment", h.FirstPayment, 2);
        json.WriteString("description", h.Description);
        json.WriteEndObject();
        json.WriteBoolean("approved", report.Approved);
        json.WriteString("verdict", report.Verdict);
    }
}
