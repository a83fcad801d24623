using System.Text;

namespace MortgageMath.Cli;

/// <summary>
/// Writes a schedule as CSV: the header <see cref="Header"/>, then one row per period; dates <c>yyyy-MM-dd</c>, the
/// rate in percent (<c>4.9</c>), amounts with exactly the rounding policy's decimals and no thousands separators,
/// <c>\n</c> line endings, no totals rows. No field ever needs quoting. A schedule with a prepayment, payoff or
/// balloon row, or a penalty, has two more columns at the end (<see cref="KindColumns"/>): the row's kind and penalty.
/// A schedule with a payment holiday has two more after those (<see cref="HolidayColumns"/>): the interest the row
/// deferred and the part of it added to the balance, so that every row reconciles:
/// <c>closing_balance = opening_balance − principal + capitalized_interest</c>.
/// </summary>
internal static class CsvScheduleWriter
{
    /// <summary>The header line (without its line ending).</summary>
    internal const string Header = "period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance";

    /// <summary>The columns appended to <see cref="Header"/> when some row is not a regular payment or has a penalty.</summary>
    internal const string KindColumns = ",kind,penalty";

    /// <summary>The columns appended after <see cref="KindColumns"/> when some row is a payment holiday.</summary>
    internal const string HolidayColumns = ",deferred_interest,capitalized_interest";

    /// <summary>Writes the CSV.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(Schedule schedule, TextWriter writer)
    {
        int places = schedule.Loan.Rounding.DecimalPlaces;
        var line = new StringBuilder(128);
        bool kinds = RowKinds.HasSpecialRows(schedule);
        bool holidays = RowKinds.HasHolidays(schedule);
        writer.Write(Header);
        if (kinds)
        {
            writer.Write(KindColumns);
        }

        if (holidays)
        {
            writer.Write(HolidayColumns);
        }

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
                .Append(Amounts.Plain(row.ClosingBalance, places));
            if (kinds)
            {
                line.Append(',').Append(RowKinds.Name(row.Kind)).Append(',').Append(Amounts.Plain(row.Penalty, places));
            }

            if (holidays)
            {
                line.Append(',').Append(Amounts.Plain(row.DeferredInterest, places))
                    .Append(',').Append(Amounts.Plain(RowKinds.CapitalizedInterest(row), places));
            }

            line.Append('\n');
            writer.Write(line);
        }
    }
}
