using System.Globalization;
using System.Text;
using MortgageMath.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MortgageMath.Cli;

/// <summary>
/// Writes the schedule of a combined loan (a spec with <c>"legs"</c>) in each <see cref="OutputFormat"/>: CSV and JSON
/// are the library's (<see cref="CombinedSchedule.WriteCsv"/>, <see cref="CombinedSchedule.WriteJson(TextWriter)"/>);
/// the table and Markdown, for people, are the tool's and follow the same columns (<see cref="ScheduleFormat"/>). Every leg
/// row is shown exactly as in that leg's own schedule; the per-date sums are <see cref="CombinedRow"/>'s. Amounts of
/// a leg carry that leg's rounding decimals; sums carry the most decimals of any leg. Lines end with <c>\n</c>.
/// </summary>
internal static class CombinedScheduleWriters
{
    /// <summary>Renders <paramref name="schedule"/> in <paramref name="format"/> to a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="schedule">The combined schedule.</param>
    /// <returns>The complete output.</returns>
    internal static string Render(OutputFormat format, CombinedSchedule schedule)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        switch (format)
        {
            case OutputFormat.Csv:
                schedule.WriteCsv(writer);
                break;
            case OutputFormat.Json:
                schedule.WriteJson(writer);
                break;
            case OutputFormat.Markdown:
                WriteMarkdown(schedule, writer);
                break;
            default:
                WriteTable(schedule, writer);
                break;
        }

        return writer.ToString();
    }

    /// <summary>
    /// The table: a line for the combined loan and one per leg (the single-loan loan line), a table with one row per
    /// date (each leg's payment that day, the total payment, principal, interest (and penalty) and the combined
    /// closing balance) with a totals footer, the combined quote figures (each leg's figure + … = the sum), then each
    /// leg's own quote figures and rate changes.
    /// </summary>
    internal static void WriteTable(CombinedSchedule schedule, TextWriter writer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        bool kinds = ScheduleFormat.HasKindColumns(schedule);
        bool penalties = schedule.TotalPenalty != 0m;
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        int legs = schedule.Legs.Count;
        console.Profile.Width = TableScheduleWriter.Width + (20 * Math.Max(0, legs - 1)) + (kinds ? 30 : 0) + (penalties ? 14 : 0) + (holidays ? 44 : 0);
        console.Profile.Capabilities.Unicode = true;

        int places = SumPlaces(schedule);
        string A(decimal amount) => Amounts.Grouped(amount, places);

        var table = new Table().Border(TableBorder.Square);
        table.AddColumn(new TableColumn("Date").Footer("Total"));
        for (int k = 0; k < legs; k++)
        {
            table.AddColumn(new TableColumn(new Text($"{schedule.Loan.Legs[k].Name} payment")).RightAligned()
                .Footer(new Text(Amounts.Grouped(schedule.Legs[k].TotalPayment, schedule.Legs[k].Loan.Rounding.DecimalPlaces))));
        }

        table.AddColumn(new TableColumn("Total payment").RightAligned().Footer(A(schedule.TotalPayment)));
        table.AddColumn(new TableColumn("Total principal").RightAligned().Footer(A(schedule.TotalPrincipal)));
        table.AddColumn(new TableColumn("Total interest").RightAligned().Footer(A(schedule.TotalInterest)));
        if (penalties)
        {
            table.AddColumn(new TableColumn("Total penalty").RightAligned().Footer(A(schedule.TotalPenalty)));
        }

        if (holidays)
        {
            table.AddColumn(new TableColumn("Deferred interest").RightAligned().Footer(A(schedule.TotalDeferredInterest)));
            table.AddColumn(new TableColumn("Capitalized interest").RightAligned().Footer(A(schedule.TotalCapitalizedInterest)));
        }

        table.AddColumn(new TableColumn("Balance").RightAligned());
        if (kinds)
        {
            table.AddColumn(new TableColumn("Kind"));
        }

        table.ShowFooters = true;
        var cells = new List<IRenderable>(legs + 7);
        foreach (CombinedRow combined in schedule)
        {
            cells.Clear();
            cells.Add(new Text(Amounts.Date(combined.Date)));
            foreach (string cell in LegPaymentCells(schedule, combined))
            {
                cells.Add(new Text(cell));
            }

            cells.Add(new Text(A(combined.Payment)));
            cells.Add(new Text(A(combined.Principal)));
            cells.Add(new Text(A(combined.Interest)));
            if (penalties)
            {
                cells.Add(new Text(A(combined.Penalty)));
            }

            if (holidays)
            {
                decimal deferred = combined.DeferredInterest, capitalized = combined.CapitalizedInterest;
                cells.Add(new Text(A(deferred)));
                cells.Add(new Text(A(capitalized)));
            }

            cells.Add(new Text(A(combined.ClosingBalance)));
            if (kinds)
            {
                cells.Add(new Text(KindCell(combined)));
            }

            table.AddRow(cells);
        }

        foreach (string line in SummaryLines(schedule))
        {
            writer.Write(line);
            writer.Write('\n');
        }

        console.Write(table);
        foreach ((string label, string value) in Figures(schedule))
        {
            writer.Write(label);
            writer.Write(": ");
            writer.Write(value);
            writer.Write('\n');
        }

        for (int k = 0; k < legs; k++)
        {
            Schedule leg = schedule.Legs[k];
            writer.Write('\n');
            writer.Write($"Leg {schedule.Loan.Legs[k].Name}:\n");
            foreach ((string label, string value) in QuoteFigures.For(leg))
            {
                writer.Write($"  {label}: {value}\n");
            }

            if (RateDisplay.HasSeveralRates(leg))
            {
                writer.Write("  Rate changes (effective date, annual rate, reason):\n");
                foreach (string line in RateDisplay.ChangeLines(leg))
                {
                    writer.Write($"    {line}\n");
                }
            }
        }
    }

    /// <summary>The Markdown: the same content as the table, as paragraphs, a pipe table with a bold totals row and bullet lists.</summary>
    internal static void WriteMarkdown(CombinedSchedule schedule, TextWriter writer)
    {
        int places = SumPlaces(schedule);
        string A(decimal amount) => Amounts.Grouped(amount, places);
        bool kinds = ScheduleFormat.HasKindColumns(schedule);
        bool penalties = schedule.TotalPenalty != 0m;
        bool holidays = ScheduleFormat.HasHolidayColumns(schedule);
        int legs = schedule.Legs.Count;
        var text = new StringBuilder(schedule.Count * 120);

        List<string> summary = SummaryLines(schedule);
        text.Append(summary[0]).Append("\n\n");
        foreach (string line in summary.Skip(1))
        {
            text.Append("- ").Append(Escape(line)).Append('\n');
        }

        text.Append("\n| Date |");
        foreach (LoanLeg leg in schedule.Loan.Legs)
        {
            text.Append(' ').Append(Escape(leg.Name)).Append(" payment |");
        }

        text.Append(" Total payment | Total principal | Total interest |")
            .Append(penalties ? " Total penalty |" : "")
            .Append(holidays ? " Deferred interest | Capitalized interest |" : "")
            .Append(" Balance |")
            .Append(kinds ? " Kind |" : "")
            .Append("\n|---|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", legs + 4 + (penalties ? 1 : 0) + (holidays ? 2 : 0)))).Append(kinds ? "---|" : "").Append('\n');
        foreach (CombinedRow combined in schedule)
        {
            text.Append("| ").Append(Amounts.Date(combined.Date));
            foreach (string cell in LegPaymentCells(schedule, combined))
            {
                text.Append(" | ").Append(cell);
            }

            text.Append(" | ").Append(A(combined.Payment))
                .Append(" | ").Append(A(combined.Principal))
                .Append(" | ").Append(A(combined.Interest));
            if (penalties)
            {
                text.Append(" | ").Append(A(combined.Penalty));
            }

            if (holidays)
            {
                decimal deferred = combined.DeferredInterest, capitalized = combined.CapitalizedInterest;
                text.Append(" | ").Append(A(deferred)).Append(" | ").Append(A(capitalized));
            }

            text.Append(" | ").Append(A(combined.ClosingBalance));
            if (kinds)
            {
                text.Append(" | ").Append(Escape(KindCell(combined)));
            }

            text.Append(" |\n");
        }

        text.Append("| **Total** |");
        for (int k = 0; k < legs; k++)
        {
            text.Append(" **").Append(Amounts.Grouped(schedule.Legs[k].TotalPayment, schedule.Legs[k].Loan.Rounding.DecimalPlaces)).Append("** |");
        }

        text.Append(" **").Append(A(schedule.TotalPayment)).Append("** | **").Append(A(schedule.TotalPrincipal))
            .Append("** | **").Append(A(schedule.TotalInterest)).Append("** |")
            .Append(penalties ? " **" + A(schedule.TotalPenalty) + "** |" : "")
            .Append(holidays
                ? " **" + A(schedule.TotalDeferredInterest) + "** | **" + A(schedule.TotalCapitalizedInterest) + "** |"
                : "")
            .Append(" |")
            .Append(kinds ? " |" : "")
            .Append("\n\n");

        foreach ((string label, string value) in Figures(schedule))
        {
            text.Append("- ").Append(Escape(label)).Append(": ").Append(Escape(value)).Append('\n');
        }

        for (int k = 0; k < legs; k++)
        {
            Schedule leg = schedule.Legs[k];
            text.Append("\nLeg ").Append(Escape(schedule.Loan.Legs[k].Name)).Append(":\n\n");
            foreach ((string label, string value) in QuoteFigures.For(leg))
            {
                text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
            }

            if (RateDisplay.HasSeveralRates(leg))
            {
                text.Append("\nRate changes:\n\n| Effective date | Rate (%) | Reason |\n|---|---:|---|\n");
                foreach (RateChange change in leg.RateChanges)
                {
                    text.Append("| ").Append(Amounts.Date(change.EffectiveDate))
                        .Append(" | ").Append(Amounts.Percent(change.AnnualRate))
                        .Append(" | ").Append(Escape(change.Reason))
                        .Append(" |\n");
                }
            }
        }

        writer.Write(text);
    }

    /// <summary>The first line describes the combined loan; then one line per leg: its name and its loan line.</summary>
    private static List<string> SummaryLines(CombinedSchedule schedule)
    {
        int legs = schedule.Legs.Count;
        var lines = new List<string>(legs + 1)
        {
            $"Combined loan: {legs.ToString(CultureInfo.InvariantCulture)} leg{(legs == 1 ? "" : "s")}, {Amounts.Grouped(schedule.Loan.Principal, SumPlaces(schedule))} in total; each leg is computed on its own and the legs are summed by date.",
        };
        for (int k = 0; k < legs; k++)
        {
            lines.Add($"{schedule.Loan.Legs[k].Name}: {QuoteFigures.Summary(schedule.Legs[k])}");
        }

        return lines;
    }

    /// <summary>The combined figures: each is the legs' figures by one convention and their sum, <c>a + b = sum</c>.</summary>
    private static List<(string Label, string Value)> Figures(CombinedSchedule schedule)
    {
        CombinedQuote quote = schedule.Quote;
        int places = SumPlaces(schedule);
        string Sum(Func<int, decimal> leg, decimal total)
        {
            IEnumerable<string> parts = Enumerable.Range(0, schedule.Legs.Count)
                .Select(k => Amounts.Grouped(leg(k), schedule.Legs[k].Loan.Rounding.DecimalPlaces));
            return schedule.Legs.Count == 1
                ? Amounts.Grouped(total, places)
                : $"{string.Join(" + ", parts)} = {Amounts.Grouped(total, places)}";
        }

        string names = string.Join(" + ", schedule.Loan.Legs.Select(l => l.Name));
        var figures = new List<(string Label, string Value)>
        {
            ($"Monthly payment, combined (each leg's calculator payment, summed: {names})", Sum(k => quote.Legs[k].Payment, quote.Payment)),
            ("Total interest, formula (each leg's, summed)", Sum(k => quote.Legs[k].FormulaTotalInterest, quote.FormulaTotalInterest)),
        };
        if (quote.RoundedPaymentTotalInterest is { } rounded)
        {
            figures.Add(("Total interest, rounded payment × n − principal (each leg's, summed)", Sum(k => quote.Legs[k].RoundedPaymentTotalInterest!.Value, rounded)));
        }

        figures.Add(("Total interest, exact schedule", Sum(k => schedule.Legs[k].TotalInterest, schedule.TotalInterest)));
        if (schedule.TotalPenalty != 0m)
        {
            figures.Add(("Total prepayment penalties, exact schedule", Sum(k => schedule.Legs[k].TotalPenalty, schedule.TotalPenalty)));
        }

        figures.Add(("Total payments, exact schedule", Sum(k => schedule.Legs[k].TotalPayment, schedule.TotalPayment)));
        return figures;
    }

    /// <summary>Each leg's payment on the row's date (the sum of its rows that day, e.g. a payment and a prepayment), or empty when it has none.</summary>
    private static string[] LegPaymentCells(CombinedSchedule schedule, CombinedRow combined)
    {
        int legs = schedule.Legs.Count;
        var sums = new decimal?[legs];
        foreach (LegInstallment entry in combined.Rows)
        {
            int k = LegIndex(schedule, entry.Leg);
            sums[k] = (sums[k] ?? 0m) + entry.Row.Payment;
        }

        var cells = new string[legs];
        for (int k = 0; k < legs; k++)
        {
            cells[k] = sums[k] is { } sum ? Amounts.Grouped(sum, schedule.Legs[k].Loan.Rounding.DecimalPlaces) : "";
        }

        return cells;
    }

    /// <summary>The rows of the date that are not regular payments: <c>commercial prepayment</c>; empty otherwise.</summary>
    private static string KindCell(CombinedRow combined) => string.Join("; ",
        combined.Rows.Where(r => r.Row.Kind != InstallmentKind.Regular).Select(r => $"{r.Leg} {ScheduleFormat.KindName(r.Row.Kind)}"));

    /// <summary>The position of the leg named <paramref name="name"/> (names are unique).</summary>
    private static int LegIndex(CombinedSchedule schedule, string name)
    {
        IReadOnlyList<LoanLeg> legs = schedule.Loan.Legs;
        for (int k = 0; k < legs.Count; k++)
        {
            if (ReferenceEquals(legs[k].Name, name) || string.Equals(legs[k].Name, name, StringComparison.Ordinal))
            {
                return k;
            }
        }

        throw new InvalidOperationException($"No leg is named '{name}'.");
    }

    /// <summary>The decimals of the sums: the most any leg keeps.</summary>
    private static int SumPlaces(CombinedSchedule schedule) => schedule.Legs.Max(l => l.Loan.Rounding.DecimalPlaces);

    /// <summary>Text for a Markdown table cell or list item: <c>|</c> escaped.</summary>
    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
