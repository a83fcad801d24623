using System.Text;

namespace MortgageMath.Cli;

/// <summary>
/// Writes a schedule as CSV: the header <see cref="Header"/>, then one row per period; dates <c>yyyy-MM-dd</c>, the
/// rate in percent (<c>4.9</c>), amounts with exactly the rounding policy's decimals and no thousands separators,
/// <c>\n</c> line endings, no totals rows. No field ever needs quoting.
/// </summary>
internal static class CsvScheduleWriter
{
    /// <summary>The header line (without its line ending).</summary>
    internal const string Header = "period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance";

    /// <summary>Writes the CSV.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(Schedule schedule, TextWriter writer)
    {
        int places = schedule.Loan.Rounding.DecimalPlaces;
        var line = new StringBuilder(128);
        writer.Write(Header);
        writer.Write('\n');
        foreach (Installment row in schedule)
        {
            line.Clear()
                .Append(row.Period.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(Amounts.Date(row.DueDate)).Append(',')
                .Append(Amounts.Percent(row.AnnualRate)).Append(',')
                .Append(Amounts.Plain(row.OpeningBalance, places)).Append(',')
                .Append(Amounts.Plain(row.Payment, places)).Append(',')
                .Append(Amounts.Plain(row.Principal, places)).Append(',')
                .Append(Amounts.Plain(row.Interest, places)).Append(',')
                .Append(Amounts.Plain(row.ClosingBalance, places))
                .Append('\n');
            writer.Write(line);
        }
    }
}
