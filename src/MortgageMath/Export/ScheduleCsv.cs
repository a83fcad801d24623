using System.Globalization;
using System.Text;

namespace MortgageMath.Serialization;

/// <summary>
/// Writes schedules as the documented CSV (<c>docs/cli.md</c>, "csv"): the header <see cref="ScheduleFormat.CsvHeader"/>,
/// then one line per row; dates <c>yyyy-MM-dd</c>, the rate in percent (<c>4.9</c>), amounts with exactly the rounding
/// policy's decimals and no thousands separators, <c>\n</c> line endings, no totals line. A schedule with a prepayment,
/// payoff or balloon row, or a penalty, has the two <see cref="ScheduleFormat.CsvKindColumns"/> at the end; one with a
/// payment holiday has the two <see cref="ScheduleFormat.CsvHolidayColumns"/> after those, so that every row reconciles:
/// <c>closing_balance = opening_balance − principal + capitalized_interest</c>.
/// </summary>
internal static class ScheduleCsv
{
    /// <summary>Writes <paramref name="schedule"/>.</summary>
    internal static void Write(Schedule schedule, TextWriter writer)
    {
        int places = schedule.Places;
        var line = new StringBuilder(128);
        bool kinds = ScheduleFormat.HasKindColumns(schedule);
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        WriteHeader(writer, ScheduleFormat.CsvHeader, kinds, holidays);
        foreach (Installment row in schedule)
        {
            AppendRow(line.Clear(), row, places, kinds, holidays);
            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>
    /// Writes <paramref name="schedule"/>: <see cref="ScheduleFormat.CombinedCsvHeader"/> (with the optional columns when
    /// any leg has them); then, per date, one line per leg row (<c>leg</c> = the leg's name, the row exactly as in the
    /// leg's own CSV) followed by one <see cref="ScheduleFormat.TotalLeg"/> line: period and rate empty,
    /// <c>opening_balance</c> = closing balance + principal − capitalized interest, <c>payment</c>, <c>principal</c>,
    /// <c>interest</c> (and <c>penalty</c>, and the holiday amounts) the sums of the date's leg rows,
    /// <c>closing_balance</c> what all legs owe together after the date, <c>kind</c> empty.
    /// </summary>
    internal static void Write(CombinedSchedule schedule, TextWriter writer)
    {
        int places = ScheduleJson.SumPlaces(schedule);
        bool kinds = ScheduleFormat.HasKindColumns(schedule);
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        var line = new StringBuilder(160);
        WriteHeader(writer, ScheduleFormat.CombinedCsvHeader, kinds, holidays);
        string[] names = [.. schedule.Loan.Legs.Select(l => Field(l.Name))];
        foreach (CombinedRow combined in schedule)
        {
            foreach (LegInstallment entry in combined.Rows)
            {
                int k = schedule.Loan.IndexOf(entry.Leg);
                line.Clear().Append(names[k]).Append(',');
                AppendRow(line, entry.Row, schedule.Legs[k].Places, kinds, holidays);
                writer.Write(line.Append('\n'));
            }

            decimal deferred = combined.DeferredInterest, capitalized = combined.CapitalizedInterest;
            line.Clear()
                .Append(ScheduleFormat.TotalLeg).Append(",,")
                .Append(ExportText.Date(combined.Date)).Append(",,")
                .Append(ExportText.Plain(combined.ClosingBalance + combined.Principal - capitalized, places)).Append(',')
                .Append(ExportText.Plain(combined.Payment, places)).Append(',')
                .Append(ExportText.Plain(combined.Principal, places)).Append(',')
                .Append(ExportText.Plain(combined.Interest, places)).Append(',')
                .Append(ExportText.Plain(combined.ClosingBalance, places));
            if (kinds)
            {
                line.Append(",,").Append(ExportText.Plain(combined.Penalty, places));
            }

            if (holidays)
            {
                line.Append(',').Append(ExportText.Plain(deferred, places)).Append(',').Append(ExportText.Plain(capitalized, places));
            }

            writer.Write(line.Append('\n'));
        }
    }

    private static void WriteHeader(TextWriter writer, string header, bool kinds, bool holidays)
    {
        writer.Write(header);
        if (kinds)
        {
            writer.Write(ScheduleFormat.CsvKindColumns);
        }

        if (holidays)
        {
            writer.Write(ScheduleFormat.CsvHolidayColumns);
        }

        writer.Write('\n');
    }

    private static void AppendRow(StringBuilder line, Installment row, int places, bool kinds, bool holidays)
    {
        line.Append(row.Period.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(ExportText.Date(row.DueDate)).Append(',')
            .Append(ExportText.Percent(row.AnnualRate)).Append(',')
            .Append(ExportText.Plain(row.OpeningBalance, places)).Append(',')
            .Append(ExportText.Plain(row.Payment, places)).Append(',')
            .Append(ExportText.Plain(row.Principal, places)).Append(',')
            .Append(ExportText.Plain(row.Interest, places)).Append(',')
            .Append(ExportText.Plain(row.ClosingBalance, places));
        if (kinds)
        {
            line.Append(',').Append(ScheduleFormat.KindName(row.Kind)).Append(',').Append(ExportText.Plain(row.Penalty, places));
        }

        if (holidays)
        {
            line.Append(',').Append(ExportText.Plain(row.DeferredInterest, places))
                .Append(',').Append(ExportText.Plain(row.CapitalizedInterest, places));
        }
    }

    /// <summary>A CSV field: as it is, or quoted (RFC 4180) when it holds a comma, a quote or a line break.</summary>
    private static string Field(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
