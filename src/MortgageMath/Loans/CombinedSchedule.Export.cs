using System.Text.Json;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class CombinedSchedule
{
    /// <summary>
    /// Writes the combined schedule as the documented CSV (<c>docs/export.md</c>; the same as <c>mortgage schedule
    /// --format csv</c> for a spec with legs): a <c>leg</c> column before the single-loan columns; per date, each leg's
    /// row exactly as in that leg's own CSV, then a <see cref="ScheduleFormat.TotalLeg"/> line with the sums.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScheduleCsv.Write(this, writer);
    }

    /// <summary>Writes the combined schedule as the documented JSON document, UTF-8 without a byte-order mark,
    /// followed by a <c>\n</c>.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using (var json = new Utf8JsonWriter(utf8Json, MortgageJson.WriterOptions))
        {
            ScheduleJson.Write(json, this);
        }

        utf8Json.WriteByte((byte)'\n');
    }

    /// <summary>Writes the combined schedule as the documented JSON document, followed by a <c>\n</c>.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Schedule.WriteJson(writer, json => ScheduleJson.Write(json, this));
    }

    /// <summary>Writes the combined schedule document as one JSON value (no line ending after it).
    /// <c>JsonSerializer.Serialize(combined, MortgageJson.Options)</c> writes the same.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScheduleJson.Write(writer, this);
    }
}
