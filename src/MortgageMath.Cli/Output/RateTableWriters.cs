using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>The renderers of <c>mortgage rates</c>: a rate table as CSV (the rate-file format), JSON or a text table.</summary>
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
        text.Append("Rate table as of ").Append(Amounts.Date(table.AsOf))
            .Append(" (fixings of later dates are unknown; a loan that needs them fails unless told what to assume)\n");
        if (fixings.Count == 0)
        {
            text.Append("No fixings match.\n");
            return text.ToString();
        }

        int indexWidth = Math.Max("Index".Length, fixings.Max(f => f.Index.Name.Length));
        text.Append("Index".PadRight(indexWidth)).Append("  Effective   Rate %  Source\n");
        foreach (RateFixing fixing in fixings)
        {
            text.Append(fixing.Index.Name.PadRight(indexWidth)).Append("  ")
                .Append(Amounts.Date(fixing.EffectiveDate)).Append("  ")
                .Append(fixing.Value.ToPercent().ToString("0.00######", CultureInfo.InvariantCulture).PadLeft(6)).Append("  ")
                .Append(fixing.Source)
                .Append('\n');
        }

        return text.ToString();
    }

    private static List<RateFixing> Fixings(RateTable table) => [.. table.Indexes.SelectMany(table.Fixings)];
}
