namespace MortgageMath.Cli;

/// <summary>Picks the writer for an <see cref="OutputFormat"/>: CSV and JSON are the library's (<see cref="Schedule.WriteCsv"/>,
/// <see cref="Schedule.WriteJson(TextWriter)"/>), the table and Markdown the tool's. Every writer ends lines with <c>\n</c> on every platform.</summary>
internal static class ScheduleWriters
{
    /// <summary>Writes <paramref name="schedule"/> in <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(OutputFormat format, Schedule schedule, TextWriter writer)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                schedule.WriteCsv(writer);
                break;
            case OutputFormat.Json:
                schedule.WriteJson(writer);
                break;
            case OutputFormat.Markdown:
                MarkdownScheduleWriter.Write(schedule, writer);
                break;
            default:
                TableScheduleWriter.Write(schedule, writer);
                break;
        }
    }

    /// <summary>Renders <paramref name="schedule"/> in <paramref name="format"/> to a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The complete output.</returns>
    internal static string Render(OutputFormat format, Schedule schedule)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(format, schedule, writer);
        return writer.ToString();
    }
}
