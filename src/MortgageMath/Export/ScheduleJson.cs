using System.Text.Json;

namespace MortgageMath.Serialization;

/// <summary>
/// Writes schedules as the documented JSON (<c>docs/cli.md</c>, "json"). A schedule is one object with five members:
/// <c>loan</c> (the terms), <c>rate_changes</c> (every date from which the rate differed, with the reason), <c>rows</c>
/// (one object per row: a row in which the rate changed has <c>rate_segments</c>; every row has its <c>kind</c> and
/// <c>penalty</c>; a payment-holiday row has its <c>deferred_interest</c> and <c>capitalized_interest</c>), <c>totals</c>
/// (sums of the rows) and <c>quote</c> (the calculator figures, each convention named). Amounts are JSON numbers with
/// exactly the rounding policy's decimals (<c>1000000.00</c>); dates are <c>yyyy-MM-dd</c> strings.
/// </summary>
internal static class ScheduleJson
{
    /// <summary>Writes the schedule document as one JSON value.</summary>
    internal static void Write(Utf8JsonWriter json, Schedule schedule)
    {
        json.WriteStartObject();
        WriteLoan(json, schedule);
        WriteRateChanges(json, schedule);
        json.WriteStartArray("rows");
        foreach (Installment row in schedule)
        {
            WriteRow(json, row);
        }

        json.WriteEndArray();
        WriteTotals(json, schedule);
        WriteQuote(json, schedule);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the combined document as one JSON value: <c>combined</c> (true), <c>legs</c> (per leg: <c>name</c>, and
    /// <c>loan</c>, <c>rate_changes</c>, <c>totals</c>, <c>quote</c> exactly as the single-loan document has them),
    /// <c>rows</c> (per date: <c>date</c>, <c>legs</c> (each leg row with its <c>leg</c> name first, then the single-loan
    /// row members) and <c>total</c> (the sums and the combined closing balance)), <c>totals</c> and <c>quote</c> (the
    /// sums of the legs' figures, and <c>legs</c>: each leg's payment by name). Sums carry the most decimals of any leg.
    /// </summary>
    internal static void Write(Utf8JsonWriter json, CombinedSchedule schedule)
    {
        int places = SumPlaces(schedule);
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        CombinedQuote quote = schedule.Quote;
        json.WriteStartObject();
        json.WriteBoolean("combined", true);

        json.WriteStartArray("legs");
        for (int k = 0; k < schedule.Legs.Count; k++)
        {
            Schedule leg = schedule.Legs[k];
            json.WriteStartObject();
            json.WriteString("name", schedule.Loan.Legs[k].Name);
            WriteLoan(json, leg);
            WriteRateChanges(json, leg);
            WriteTotals(json, leg);
            WriteQuote(json, leg);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("rows");
        foreach (CombinedRow combined in schedule)
        {
            WriteCombinedRow(json, combined, schedule, places, holidays);
        }

        json.WriteEndArray();

        json.WriteStartObject("totals");
        WriteAmount(json, "payment", schedule.TotalPayment, places);
        WriteAmount(json, "principal", schedule.TotalPrincipal, places);
        WriteAmount(json, "interest", schedule.TotalInterest, places);
        WriteAmount(json, "penalty", schedule.TotalPenalty, places);
        if (holidays)
        {
            WriteAmount(json, "deferred_interest", schedule.TotalDeferredInterest, places);
            WriteAmount(json, "capitalized_interest", schedule.TotalCapitalizedInterest, places);
        }

        json.WriteEndObject();

        json.WriteStartObject("quote");
        WriteAmount(json, "payment", quote.Payment, places);
        WriteAmount(json, "formula_total_interest", quote.FormulaTotalInterest, places);
        WriteAmount(json, "rounded_payment_total_interest", quote.RoundedPaymentTotalInterest, places);
        WriteAmount(json, "schedule_total_interest", quote.ScheduleTotalInterest, places);
        json.WriteStartObject("legs");
        for (int k = 0; k < quote.Legs.Count; k++)
        {
            WriteAmount(json, schedule.Loan.Legs[k].Name, quote.Legs[k].Payment, schedule.Legs[k].Places);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
    }

    /// <summary>Writes one row as a JSON object (the members of <c>rows[]</c>).</summary>
    internal static void WriteRow(Utf8JsonWriter json, Installment row)
    {
        json.WriteStartObject();
        WriteRowFields(json, row, row.Places);
        json.WriteEndObject();
    }

    /// <summary>Writes one date of a combined schedule as a JSON object (the members of <c>rows[]</c> of the combined document).</summary>
    internal static void WriteCombinedRow(Utf8JsonWriter json, CombinedRow combined, CombinedSchedule schedule, int places, bool holidays)
    {
        json.WriteStartObject();
        json.WriteString("date", ExportText.Date(combined.Date));
        json.WriteStartArray("legs");
        foreach (LegInstallment entry in combined.Rows)
        {
            int k = schedule.Loan.IndexOf(entry.Leg);
            json.WriteStartObject();
            json.WriteString("leg", entry.Leg);
            WriteRowFields(json, entry.Row, schedule.Legs[k].Places);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("total");
        WriteAmount(json, "payment", combined.Payment, places);
        WriteAmount(json, "principal", combined.Principal, places);
        WriteAmount(json, "interest", combined.Interest, places);
        WriteAmount(json, "penalty", combined.Penalty, places);
        if (holidays)
        {
            WriteAmount(json, "deferred_interest", combined.DeferredInterest, places);
            WriteAmount(json, "capitalized_interest", combined.CapitalizedInterest, places);
        }

        WriteAmount(json, "closing_balance", combined.ClosingBalance, places);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Writes the <c>rate_changes</c> member: every date from which the rate differed, with the reason.</summary>
    internal static void WriteRateChanges(Utf8JsonWriter json, Schedule schedule)
    {
        json.WriteStartArray("rate_changes");
        foreach (RateChange change in schedule.RateChanges)
        {
            json.WriteStartObject();
            json.WriteString("date", ExportText.Date(change.EffectiveDate));
            WritePercent(json, "annual_rate_pct", change.AnnualRate);
            json.WriteString("reason", change.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the members of one row object (<c>period</c> … <c>penalty</c>, the holiday amounts of a holiday
    /// row, and <c>rate_segments</c> when the rate changed in it).</summary>
    internal static void WriteRowFields(Utf8JsonWriter json, Installment row, int places)
    {
        json.WriteNumber("period", row.Period);
        json.WriteString("due_date", ExportText.Date(row.DueDate));
        WritePercent(json, "annual_rate_pct", row.AnnualRate);
        WriteAmount(json, "opening_balance", row.OpeningBalance, places);
        WriteAmount(json, "payment", row.Payment, places);
        WriteAmount(json, "principal", row.Principal, places);
        WriteAmount(json, "interest", row.Interest, places);
        WriteAmount(json, "closing_balance", row.ClosingBalance, places);
        json.WriteString("kind", ScheduleFormat.KindName(row.Kind));
        WriteAmount(json, "penalty", row.Penalty, places);
        if (row.Kind is InstallmentKind.Holiday or InstallmentKind.Capitalization)
        {
            WriteAmount(json, "deferred_interest", row.DeferredInterest, places);
            WriteAmount(json, "capitalized_interest", row.CapitalizedInterest, places);
        }

        if (row.RateChanged)
        {
            json.WriteStartArray("rate_segments");
            foreach (RateSegment segment in row.RateSegments)
            {
                json.WriteStartObject();
                json.WriteString("from", ExportText.Date(segment.From));
                json.WriteString("until", ExportText.Date(segment.Until));
                json.WriteNumber("days", segment.Days);
                WritePercent(json, "annual_rate_pct", segment.AnnualRate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    /// <summary>Writes the <c>totals</c> member: the sums of the rows.</summary>
    internal static void WriteTotals(Utf8JsonWriter json, Schedule schedule)
    {
        int places = schedule.Places;
        json.WriteStartObject("totals");
        WriteAmount(json, "payment", schedule.TotalPayment, places);
        WriteAmount(json, "principal", schedule.TotalPrincipal, places);
        WriteAmount(json, "interest", schedule.TotalInterest, places);
        WriteAmount(json, "penalty", schedule.TotalPenalty, places);
        if (ScheduleFormat.HasHolidayColumns(schedule))
        {
            WriteAmount(json, "deferred_interest", schedule.TotalDeferredInterest, places);
            WriteAmount(json, "capitalized_interest", schedule.TotalCapitalizedInterest, places);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes the <c>quote</c> member: the calculator figures, each convention named.</summary>
    internal static void WriteQuote(Utf8JsonWriter json, Schedule schedule)
    {
        LoanQuote quote = schedule.Quote;
        int places = schedule.Places;
        json.WriteStartObject("quote");
        WriteAmount(json, "payment", quote.Payment, places);
        json.WritePropertyName("exact_payment");
        json.WriteRawValue(ExportText.Exact(quote.ExactPayment));
        WriteAmount(json, "formula_total_interest", quote.FormulaTotalInterest, places);
        WriteAmount(json, "rounded_payment_total_interest", quote.RoundedPaymentTotalInterest, places);
        WriteAmount(json, "schedule_total_interest", quote.ScheduleTotalInterest, places);
        WriteAmount(json, "monthly_decrease", quote.MonthlyDecrease, places);
        WriteAmount(json, "balloon_payment", quote.BalloonPayment, places);
        WriteAmount(json, "payment_after_interest_only", quote.PaymentAfterInterestOnly, places);
        json.WriteEndObject();
    }

    /// <summary>Writes the <c>loan</c> member: the terms of <paramref name="schedule"/>'s loan.</summary>
    internal static void WriteLoan(Utf8JsonWriter json, Schedule schedule)
    {
        Loan loan = schedule.Loan;
        int places = schedule.Places;
        json.WriteStartObject("loan");
        WriteAmount(json, "principal", loan.Principal, places);
        WritePercent(json, "annual_rate_pct", schedule.RateChanges[0].AnnualRate);
        json.WriteNumber("periods", loan.Periods);
        json.WriteString("method", loan.Method.Name);
        json.WriteString("method_description", loan.Method.ToString());
        json.WriteString("disbursement", ExportText.Date(loan.Disbursement));
        json.WriteNumber("repayment_day", loan.EffectiveRepaymentDay);
        json.WriteString("first_due_date", ExportText.Date(schedule.First.DueDate));
        json.WriteEndObject();
    }

    /// <summary>Writes an amount as a JSON number with exactly <paramref name="places"/> decimals, or null.</summary>
    internal static void WriteAmount(Utf8JsonWriter json, string name, decimal? amount, int places)
    {
        json.WritePropertyName(name);
        if (amount is { } value)
        {
            json.WriteRawValue(ExportText.Plain(value, places));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Writes a rate as a JSON number in percent (<c>4.9</c>).</summary>
    private static void WritePercent(Utf8JsonWriter json, string name, Rate rate)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(ExportText.Percent(rate));
    }

    /// <summary>The decimals of a combined schedule's sums: the most any leg keeps.</summary>
    internal static int SumPlaces(CombinedSchedule schedule) => schedule.Legs.Max(l => l.Places);
}
