using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>
/// Writes a schedule as an indented JSON document with five members: <c>loan</c> (the terms), <c>rate_changes</c> (every
/// date from which the rate differed, with the reason), <c>rows</c> (one object per period; a row in which the rate
/// changed has <c>rate_segments</c>; every row has its <c>kind</c> and <c>penalty</c>; a payment-holiday row has its
/// <c>deferred_interest</c> and <c>capitalized_interest</c>), <c>totals</c> (sums of the rows)
/// and <c>quote</c> (the calculator figures, each convention named).
/// Amounts are JSON numbers carrying exactly the rounding policy's decimals (<c>1000000.00</c>); dates are
/// <c>yyyy-MM-dd</c> strings; lines end with <c>\n</c>.
/// </summary>
internal static class JsonScheduleWriter
{
    /// <summary>Writes the JSON document, followed by a line ending.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(Schedule schedule, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteDocument(json, schedule);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    private static void WriteDocument(Utf8JsonWriter json, Schedule schedule)
    {
        int places = schedule.Loan.Rounding.DecimalPlaces;

        json.WriteStartObject();

        WriteLoan(json, schedule);
        WriteRateChanges(json, schedule);

        json.WriteStartArray("rows");
        foreach (Installment row in schedule)
        {
            json.WriteStartObject();
            WriteRowFields(json, row, places);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteTotals(json, schedule);
        WriteQuote(json, schedule);

        json.WriteEndObject();
    }

    /// <summary>Writes the <c>rate_changes</c> member: every date from which the rate differed, with the reason.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="schedule">The schedule.</param>
    internal static void WriteRateChanges(Utf8JsonWriter json, Schedule schedule)
    {
        json.WriteStartArray("rate_changes");
        foreach (RateChange change in schedule.RateChanges)
        {
            json.WriteStartObject();
            json.WriteString("date", Amounts.Date(change.EffectiveDate));
            json.WritePropertyName("annual_rate_pct");
            json.WriteRawValue(Amounts.Percent(change.AnnualRate));
            json.WriteString("reason", change.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the members of one row object (<c>period</c> … <c>penalty</c>, and <c>rate_segments</c> when the rate changed in it).</summary>
    /// <param name="json">The writer, inside the row's object.</param>
    /// <param name="row">The row.</param>
    /// <param name="places">The rounding policy's decimals.</param>
    internal static void WriteRowFields(Utf8JsonWriter json, Installment row, int places)
    {
        json.WriteNumber("period", row.Period);
        json.WriteString("due_date", Amounts.Date(row.DueDate));
        json.WritePropertyName("annual_rate_pct");
        json.WriteRawValue(Amounts.Percent(row.AnnualRate));
        WriteAmount(json, "opening_balance", row.OpeningBalance, places);
        WriteAmount(json, "payment", row.Payment, places);
        WriteAmount(json, "principal", row.Principal, places);
        WriteAmount(json, "interest", row.Interest, places);
        WriteAmount(json, "closing_balance", row.ClosingBalance, places);
        json.WriteString("kind", RowKinds.Name(row.Kind));
        WriteAmount(json, "penalty", row.Penalty, places);
        if (row.Kind == InstallmentKind.Holiday)
        {
            WriteAmount(json, "deferred_interest", row.DeferredInterest, places);
            WriteAmount(json, "capitalized_interest", RowKinds.CapitalizedInterest(row), places);
        }

        if (row.RateChanged)
        {
            json.WriteStartArray("rate_segments");
            foreach (RateSegment segment in row.RateSegments)
            {
                json.WriteStartObject();
                json.WriteString("from", Amounts.Date(segment.From));
                json.WriteString("until", Amounts.Date(segment.Until));
                json.WriteNumber("days", segment.Days);
                json.WritePropertyName("annual_rate_pct");
                json.WriteRawValue(Amounts.Percent(segment.AnnualRate));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    /// <summary>Writes the <c>totals</c> member: the sums of the rows.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="schedule">The schedule.</param>
    internal static void WriteTotals(Utf8JsonWriter json, Schedule schedule)
    {
        int places = schedule.Loan.Rounding.DecimalPlaces;
        json.WriteStartObject("totals");
        WriteAmount(json, "payment", schedule.TotalPayment, places);
        WriteAmount(json, "principal", schedule.TotalPrincipal, places);
        WriteAmount(json, "interest", schedule.TotalInterest, places);
        WriteAmount(json, "penalty", schedule.TotalPenalty, places);
        if (RowKinds.HasHolidays(schedule))
        {
            WriteAmount(json, "deferred_interest", RowKinds.TotalDeferredInterest(schedule), places);
            WriteAmount(json, "capitalized_interest", RowKinds.TotalCapitalizedInterest(schedule), places);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes the <c>quote</c> member: the calculator figures, each convention named.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="schedule">The schedule.</param>
    internal static void WriteQuote(Utf8JsonWriter json, Schedule schedule)
    {
        LoanQuote quote = schedule.Quote;
        int places = schedule.Loan.Rounding.DecimalPlaces;
        json.WriteStartObject("quote");
        WriteAmount(json, "payment", quote.Payment, places);
        json.WritePropertyName("exact_payment");
        json.WriteRawValue(Amounts.Exact(quote.ExactPayment));
        WriteAmount(json, "formula_total_interest", quote.FormulaTotalInterest, places);
        WriteAmount(json, "rounded_payment_total_interest", quote.RoundedPaymentTotalInterest, places);
        WriteAmount(json, "schedule_total_interest", quote.ScheduleTotalInterest, places);
        WriteAmount(json, "monthly_decrease", quote.MonthlyDecrease, places);
        WriteAmount(json, "balloon_payment", quote.BalloonPayment, places);
        WriteAmount(json, "payment_after_interest_only", quote.PaymentAfterInterestOnly, places);
        json.WriteEndObject();
    }

    /// <summary>Writes the <c>loan</c> member: the terms of <paramref name="schedule"/>'s loan.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="schedule">The schedule.</param>
    internal static void WriteLoan(Utf8JsonWriter json, Schedule schedule)
    {
        Loan loan = schedule.Loan;
        int places = loan.Rounding.DecimalPlaces;
        json.WriteStartObject("loan");
        WriteAmount(json, "principal", loan.Principal, places);
        json.WritePropertyName("annual_rate_pct");
        json.WriteRawValue(Amounts.Percent(schedule.RateChanges[0].AnnualRate));
        json.WriteNumber("periods", loan.Periods);
        json.WriteString("method", loan.Method.Name);
        json.WriteString("method_description", loan.Method.ToString());
        json.WriteString("disbursement", Amounts.Date(loan.Disbursement));
        json.WriteNumber("repayment_day", loan.EffectiveRepaymentDay);
        json.WriteString("first_due_date", Amounts.Date(schedule.First.DueDate));
        json.WriteEndObject();
    }

    /// <summary>Creates the indented, LF-ended JSON writer every command uses.</summary>
    /// <param name="buffer">Where the UTF-8 goes.</param>
    /// <returns>The writer.</returns>
    internal static Utf8JsonWriter CreateWriter(ArrayBufferWriter<byte> buffer) =>
        new(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Writes an amount as a JSON number with exactly <paramref name="places"/> decimals, or null.</summary>
    internal static void WriteAmount(Utf8JsonWriter json, string name, decimal? amount, int places)
    {
        json.WritePropertyName(name);
        if (amount is { } value)
        {
            json.WriteRawValue(Amounts.Plain(value, places));
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
