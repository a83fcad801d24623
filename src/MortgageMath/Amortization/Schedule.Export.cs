using System.Buffers;
using System.Text;
using System.Text.Json;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class Schedule
{
    /// <summary>
    /// Writes the schedule as the documented CSV (<c>docs/export.md</c>; the same as <c>mortgage schedule --format
    /// csv</c>): a header, one line per row, <c>\n</c> line endings, invariant culture. Columns for kinds and penalties,
    /// and for payment holidays, are added only when the schedule has such rows (<see cref="ScheduleFormat"/>).
    /// </summary>
    /// <param name="writer">Where to write.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScheduleCsv.Write(this, writer);
    }

    /// <summary>Writes the schedule as the documented JSON document (the same as <c>mortgage schedule --format json</c>),
    /// UTF-8 without a byte-order mark, followed by a <c>\n</c>.</summary>
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

    /// <summary>Writes the schedule as the documented JSON document, followed by a <c>\n</c>.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteJson(writer, json => ScheduleJson.Write(json, this));
    }

    /// <summary>Writes the schedule document as one JSON value (no line ending after it), e.g. as a member of a document
    /// of your own. <c>JsonSerializer.Serialize(schedule, MortgageJson.Options)</c> writes the same.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScheduleJson.Write(writer, this);
    }

    /// <summary>Writes a JSON document through a buffer to <paramref name="writer"/>, followed by a <c>\n</c>.</summary>
    internal static void WriteJson(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, MortgageJson.WriterOptions))
        {
            write(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }
}
