using MortgageMath.Specs;

namespace MortgageMath.Serialization;

/// <summary>
/// The layout rules of the documented schedule formats (<c>docs/cli.md</c>, "Formats"; <c>docs/export.md</c>): the
/// CSV header and its optional columns, and the names of the row kinds. <see cref="Schedule.WriteCsv"/>,
/// <see cref="Schedule.WriteJson(Stream)"/> and their <see cref="CombinedSchedule"/> counterparts follow them; a renderer
/// of its own (a table, Markdown) reads them here so that every output shows the same columns and names.
/// </summary>
public static class ScheduleFormat
{
    /// <summary>The CSV header of a schedule whose rows are all regular payments without a penalty or holiday.</summary>
    public const string CsvHeader = "period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance";

    /// <summary>The columns appended to <see cref="CsvHeader"/> when <see cref="HasKindColumns(Schedule)"/>.</summary>
    public const string CsvKindColumns = ",kind,penalty";

    /// <summary>The columns appended after <see cref="CsvKindColumns"/> when <see cref="HasHolidayColumns(Schedule)"/>.</summary>
    public const string CsvHolidayColumns = ",deferred_interest,capitalized_interest";

    /// <summary>The first column of a combined schedule's CSV, before <see cref="CsvHeader"/>.</summary>
    public const string CombinedCsvHeader = "leg," + CsvHeader;

    /// <summary>The <c>leg</c> value of the combined CSV line that holds a date's sums (so no leg may be named so).</summary>
    public const string TotalLeg = "total";

    /// <summary>The name of a row kind: <c>regular</c>, <c>prepayment</c>, <c>payoff</c>, <c>balloon</c> or <c>holiday</c>
    /// (the <c>kind</c> column and member).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string KindName(InstallmentKind kind) => SpecNames.InstallmentKinds.NameOf(kind);

    /// <summary>Reads a row kind's name, ignoring case (the inverse of <see cref="KindName"/>).</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns>Whether <paramref name="text"/> names a kind.</returns>
    public static bool TryParseKind(string? text, out InstallmentKind kind) => SpecNames.InstallmentKinds.TryParse(text, out kind);

    /// <summary>True when some row is not a regular payment or carries a penalty: the formats then show the kind and
    /// penalty of every row (<see cref="CsvKindColumns"/>). A plain schedule keeps its original columns.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether to show the kind and penalty columns.</returns>
    public static bool HasKindColumns(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        foreach (Installment row in schedule)
        {
            if (row.Kind != InstallmentKind.Regular || row.PenaltyMinor != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some leg <see cref="HasKindColumns(Schedule)"/>.</summary>
    /// <param name="schedule">The combined schedule.</param>
    /// <returns>Whether to show the kind and penalty columns.</returns>
    public static bool HasKindColumns(CombinedSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Legs.Any(HasKindColumns);
    }

    /// <summary>True when some row is a payment holiday or an arrears capitalization: the formats then show, on every
    /// row, the interest deferred and the amount capitalized (<see cref="CsvHolidayColumns"/>). A schedule without one keeps its columns.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether to show the holiday columns.</returns>
    public static bool HasHolidayColumns(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        foreach (Installment row in schedule)
        {
            if (row.Kind is InstallmentKind.Holiday or InstallmentKind.Capitalization)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some leg <see cref="HasHolidayColumns(Schedule)"/>.</summary>
    /// <param name="schedule">The combined schedule.</param>
    /// <returns>Whether to show the holiday columns.</returns>
    public static bool HasHolidayColumns(CombinedSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Legs.Any(HasHolidayColumns);
    }
}
