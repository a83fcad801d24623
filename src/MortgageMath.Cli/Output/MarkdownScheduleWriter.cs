using MortgageMath.Serialization;
using System.Text;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// Writes a schedule as Markdown: the loan summary, a GitHub pipe table of the rows (numbers right-aligned, amounts
/// with thousands separators) ending in a bold totals row, then the quote figures as a bullet list.
/// </summary>
internal static class MarkdownScheduleWriter
{
    /// <summary>Writes the Markdown.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(Schedule schedule, TextWriter writer)
    {
        int places = schedule.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);
        var text = new StringBuilder(schedule.Count * 100);

        text.Append(QuoteFigures.Summary(schedule)).Append("\n\n");
        bool kinds = ScheduleFormat.HasKindColumns(schedule);
        bool penalties = schedule.TotalPenalty != 0m;
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        text.Append($"| {CliText.Col_Period} | {CliText.Col_DueDate} | {CliText.Col_RatePctMarkdown} | {CliText.Col_OpeningBalance} | {CliText.Col_Payment} | {CliText.Col_Principal} | {CliText.Col_Interest} |")
            .Append(penalties ? $" {CliText.Col_Penalty} |" : "")
            .Append(holidays ? $" {CliText.Col_DeferredInterest} | {CliText.Col_CapitalizedInterest} |" : "")
            .Append($" {CliText.Col_ClosingBalance} |")
            .Append(kinds ? $" {CliText.Col_Kind} |" : "")
            .Append('\n');
        text.Append("|---:|---|---:|---:|---:|---:|---:|")
            .Append(penalties ? "---:|" : "")
            .Append(holidays ? "---:|---:|" : "")
            .Append("---:|")
            .Append(kinds ? "---|" : "")
            .Append('\n');
        foreach (Installment row in schedule)
        {
            text.Append("| ").Append(row.Period.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" | ").Append(Amounts.Date(row.DueDate))
                .Append(" | ").Append(RateDisplay.Cell(row))
                .Append(" | ").Append(A(row.OpeningBalance))
                .Append(" | ").Append(A(row.Payment))
                .Append(" | ").Append(A(row.Principal))
                .Append(" | ").Append(A(row.Interest));
            if (penalties)
            {
                text.Append(" | ").Append(A(row.Penalty));
            }

            if (holidays)
            {
                text.Append(" | ").Append(A(row.DeferredInterest)).Append(" | ").Append(A(row.CapitalizedInterest));
            }

            text.Append(" | ").Append(A(row.ClosingBalance));
            if (kinds)
            {
                text.Append(" | ").Append(row.Kind == InstallmentKind.Regular ? "" : ScheduleLabels.Kind(row.Kind));
            }

            text.Append(" |\n");
        }

        text.Append($"| **{CliText.Col_Total}** | | | | **").Append(A(schedule.TotalPayment))
            .Append("** | **").Append(A(schedule.TotalPrincipal))
            .Append("** | **").Append(A(schedule.TotalInterest))
            .Append(penalties ? "** | **" + A(schedule.TotalPenalty) : "")
            .Append(holidays ? "** | **" + A(schedule.TotalDeferredInterest) + "** | **" + A(schedule.TotalCapitalizedInterest) : "")
            .Append("** | |")
            .Append(kinds ? " |" : "")
            .Append("\n\n");

        foreach ((string label, string value) in QuoteFigures.For(schedule))
        {
            text.Append("- ").Append(label).Append(CliText.Label_Separator).Append(value).Append('\n');
        }

        if (RateDisplay.HasSeveralRates(schedule))
        {
            text.Append($"\n{CliText.Md_RateChanges}\n\n| {CliText.Col_EffectiveDate} | {CliText.Col_RatePctMarkdown} | {CliText.Col_Reason} |\n|---|---:|---|\n");
            foreach (RateChange change in schedule.RateChanges)
            {
                text.Append("| ").Append(Amounts.Date(change.EffectiveDate))
                    .Append(" | ").Append(Amounts.Percent(change.AnnualRate))
                    .Append(" | ").Append(change.Reason.Replace("|", "\\|", StringComparison.Ordinal))
                    .Append(" |\n");
            }
        }

        writer.Write(text);
    }
}
