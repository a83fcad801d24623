using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>The renderers of <c>mortgage rates</c>: a rate table as CSV (the rate-file format), JSON or a text table (in
/// the run's language: CliText <c>Rates_*</c>; the sources are data and stay as written).</summary>
internal static class RateTableWriters
{
    /// <summary>The table in the rate-file format (<see cref="RateTable.WriteCsv"/>), loadable with <c>--rates</c>.</summary>
    /// <param name="table">The fixings shown.</param>
    /// <returns>The CSV.</returns>
    internal static string Csv(RateTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        table.WriteCsv(text);
        return text.ToString();
    }

    /// <summary>The table's fixings as JSON, with the as-of date.</summary>
    /// <param name="table">The fixings shown.</param>
    /// <returns>The JSON, ending in a new line.</returns>
    internal static string Json(RateTable table)
    {
        List<RateFixing> fixings = Fixings(table);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("as_of", Amounts.Date(table.AsOf));
            json.WriteStartArray("fixings");
            foreach (RateFixing fixing in fixings)
            {
                json.WriteStartObject();
                json.WriteString("index", fixing.Index.Name);
                json.WriteString("effective_date", Amounts.Date(fixing.EffectiveDate));
                json.WritePropertyName("rate_pct");
                json.WriteRawValue(Amounts.Percent(fixing.Value));
                json.WriteString("source", fixing.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The table's fixings as a plain text table, with the as-of date.</summary>
    /// <param name="table">The fixings shown.</param>
    /// <returns>The text.</returns>
    internal static string Table(RateTable table)
    {
        List<RateFixing> fixings = Fixings(table);
        var text = new StringBuilder();
        text.Append(Language.Format(CliText.Rates_AsOf, Amounts.Date(table.AsOf))).Append('\n');
        if (fixings.Count == 0)
        {
            text.Append(CliText.Rates_NoFixings).Append('\n');
            return text.ToString();
        }

        // Widths in terminal columns: a Chinese header takes two per character (TextWidth).
        int indexWidth = Math.Max(TextWidth.Of(CliText.Rates_Col_Index), fixings.Max(f => f.Index.Name.Length));
        int dateWidth = Math.Max(TextWidth.Of(CliText.Rates_Col_Effective), 10);
        int rateWidth = Math.Max(TextWidth.Of(CliText.Rates_Col_RatePct), 6);
        text.Append(TextWidth.PadRight(CliText.Rates_Col_Index, indexWidth)).Append("  ")
            .Append(TextWidth.PadRight(CliText.Rates_Col_Effective, dateWidth)).Append("  ")
            .Append(TextWidth.PadLeft(CliText.Rates_Col_RatePct, rateWidth)).Append("  ")
            .Append(CliText.Rates_Col_Source).Append('\n');
        foreach (RateFixing fixing in fixings)
        {
            text.Append(fixing.Index.Name.PadRight(indexWidth)).Append("  ")
                .Append(Amounts.Date(fixing.EffectiveDate).PadRight(dateWidth)).Append("  ")
                .Append(fixing.Value.ToPercent().ToString("0.00######", CultureInfo.InvariantCulture).PadLeft(rateWidth)).Append("  ")
                .Append(fixing.Source)
                .Append('\n');
        }

        return text.ToString();
    }

    private static List<RateFixing> Fixings(RateTable table) => [.. table.Indexes.SelectMany(table.Fixings)];
}
