using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Spec;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MortgageMath.Cli;

/// <summary>
/// Writes the schedule of a combined loan (a spec with <c>"legs"</c>) in each <see cref="OutputFormat"/>. Every leg
/// row is shown exactly as in that leg's own schedule; the per-date sums are <see cref="CombinedRow"/>'s. Amounts of
/// a leg carry that leg's rounding decimals; sums carry the most decimals of any leg. Lines end with <c>\n</c>.
/// </summary>
internal static class CombinedScheduleWriters
{
    /// <summary>The first column of the combined CSV, before the single-loan header.</summary>
    internal const string CsvHeader = "leg," + CsvScheduleWriter.Header;

    /// <summary>The <c>leg</c> value of the CSV line that holds a date's sums.</summary>
    internal const string TotalLeg = LoanSpecReader.CombinedTotalName;

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
                WriteCsv(schedule, writer);
                break;
            case OutputFormat.Json:
                WriteJson(schedule, writer);
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
    /// The CSV: <see cref="CsvHeader"/> (plus <c>,kind,penalty</c> when a leg has a row that is not a regular payment
    /// or a penalty); then, per date, one line per leg row (<c>leg</c> = the leg's name, the row exactly as in the leg's
    /// own CSV) followed by one <c>total</c> line: period and rate empty, <c>opening_balance</c> = closing balance +
    /// principal, <c>payment</c>, <c>principal</c>, <c>interest</c> (and <c>penalty</c>) the sums of the date's leg rows,
    /// <c>closing_balance</c> what all legs owe together after the date, <c>kind</c> empty. When a leg has a payment
    /// holiday, <c>,deferred_interest,capitalized_interest</c> follow on every line (a total line: the date's sums), and
    /// a total line's <c>opening_balance</c> is closing balance + principal − capitalized interest.
    /// </summary>
    internal static void WriteCsv(CombinedSchedule schedule, TextWriter writer)
    {
        int places = SumPlaces(schedule);
        bool kinds = schedule.Legs.Any(RowKinds.HasSpecialRows);
        bool holidays = schedule.Legs.Any(RowKinds.HasHolidays);
        var line = new StringBuilder(160);
        writer.Write(CsvHeader);
        if (kinds)
        {
            writer.Write(CsvScheduleWriter.KindColumns);
        }

        if (holidays)
        {
            writer.Write(CsvScheduleWriter.HolidayColumns);
        }

        writer.Write('\n');
        string[] names = [.. schedule.Loan.Legs.Select(l => CsvField(l.Name))];
        int[] legPlaces = [.. schedule.Legs.Select(l => l.Loan.Rounding.DecimalPlaces)];
        foreach (CombinedRow combined in schedule)
        {
            foreach (LegInstallment entry in combined.Rows)
            {
                int k = LegIndex(schedule, entry.Leg);
                int p = legPlaces[k];
                Installment row = entry.Row;
                line.Clear()
                    .Append(names[k]).Append(',')
                    .Append(row.Period.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(Amounts.Date(row.DueDate)).Append(',')
                    .Append(Amounts.Percent(row.AnnualRate)).Append(',')
                    .Append(Amounts.Plain(row.OpeningBalance, p)).Append(',')
                    .Append(Amounts.Plain(row.Payment, p)).Append(',')
                    .Append(Amounts.Plain(row.Principal, p)).Append(',')
                    .Append(Amounts.Plain(row.Interest, p)).Append(',')
                    .Append(Amounts.Plain(row.ClosingBalance, p));
                if (kinds)
                {
                    line.Append(',').Append(RowKinds.Name(row.Kind)).Append(',').Append(Amounts.Plain(row.Penalty, p));
                }

                if (holidays)
                {
                    line.Append(',').Append(Amounts.Plain(row.DeferredInterest, p))
                        .Append(',').Append(Amounts.Plain(RowKinds.CapitalizedInterest(row), p));
                }

                writer.Write(line.Append('\n'));
            }

            (decimal deferred, decimal capitalized) = HolidaySums(combined);
            line.Clear()
                .Append(TotalLeg).Append(",,")
                .Append(Amounts.Date(combined.Date)).Append(",,")
                .Append(Amounts.Plain(combined.ClosingBalance + combined.Principal - capitalized, places)).Append(',')
                .Append(Amounts.Plain(combined.Payment, places)).Append(',')
                .Append(Amounts.Plain(combined.Principal, places)).Append(',')
                .Append(Amounts.Plain(combined.Interest, places)).Append(',')
                .Append(Amounts.Plain(combined.ClosingBalance, places));
            if (kinds)
            {
                line.Append(",,").Append(Amounts.Plain(combined.Penalty, places));
            }

            if (holidays)
            {
                line.Append(',').Append(Amounts.Plain(deferred, places)).Append(',').Append(Amounts.Plain(capitalized, places));
            }

            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>
    /// The JSON document: <c>combined</c> (true), <c>legs</c> (per leg: <c>name</c>, and <c>loan</c>,
    /// <c>rate_changes</c>, <c>totals</c>, <c>quote</c> exactly as the single-loan document has them), <c>rows</c>
    /// (per date: <c>date</c>, <c>legs</c> (each leg row with its <c>leg</c> name first, then the single-loan row
    /// fields) and <c>total</c> (the sums and the combined closing balance)), <c>totals</c> and <c>quote</c> (the sums
    /// of the legs' figures, and <c>legs</c>: each leg's payment by name).
    /// </summary>
    internal static void WriteJson(CombinedSchedule schedule, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            int places = SumPlaces(schedule);
            bool holidays = schedule.Legs.Any(RowKinds.HasHolidays);
            CombinedQuote quote = schedule.Quote;
            json.WriteStartObject();
            json.WriteBoolean("combined", true);

            json.WriteStartArray("legs");
            for (int k = 0; k < schedule.Legs.Count; k++)
            {
                Schedule leg = schedule.Legs[k];
                json.WriteStartObject();
                json.WriteString("name", schedule.Loan.Legs[k].Name);
                JsonScheduleWriter.WriteLoan(json, leg);
                JsonScheduleWriter.WriteRateChanges(json, leg);
                JsonScheduleWriter.WriteTotals(json, leg);
                JsonScheduleWriter.WriteQuote(json, leg);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("rows");
            foreach (CombinedRow combined in schedule)
            {
                json.WriteStartObject();
                json.WriteString("date", Amounts.Date(combined.Date));
                json.WriteStartArray("legs");
                foreach (LegInstallment entry in combined.Rows)
                {
                    int k = LegIndex(schedule, entry.Leg);
                    json.WriteStartObject();
                    json.WriteString("leg", entry.Leg);
                    JsonScheduleWriter.WriteRowFields(json, entry.Row, schedule.Legs[k].Loan.Rounding.DecimalPlaces);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("total");
                JsonScheduleWriter.WriteAmount(json, "payment", combined.Payment, places);
                JsonScheduleWriter.WriteAmount(json, "principal", combined.Principal, places);
                JsonScheduleWriter.WriteAmount(json, "interest", combined.Interest, places);
                JsonScheduleWriter.WriteAmount(json, "penalty", combined.Penalty, places);
                if (holidays)
                {
                    (decimal deferred, decimal capitalized) = HolidaySums(combined);
                    JsonScheduleWriter.WriteAmount(json, "deferred_interest", deferred, places);
                    JsonScheduleWriter.WriteAmount(json, "capitalized_interest", capitalized, places);
                }

                JsonScheduleWriter.WriteAmount(json, "closing_balance", combined.ClosingBalance, places);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("totals");
            JsonScheduleWriter.WriteAmount(json, "payment", schedule.TotalPayment, places);
            JsonScheduleWriter.WriteAmount(json, "principal", schedule.TotalPrincipal, places);
            JsonScheduleWriter.WriteAmount(json, "interest", schedule.TotalInterest, places);
            JsonScheduleWriter.WriteAmount(json, "penalty", schedule.TotalPenalty, places);
            if (holidays)
            {
                JsonScheduleWriter.WriteAmount(json, "deferred_interest", schedule.Legs.Sum(RowKinds.TotalDeferredInterest), places);
                JsonScheduleWriter.WriteAmount(json, "capitalized_interest", schedule.Legs.Sum(RowKinds.TotalCapitalizedInterest), places);
            }

            json.WriteEndObject();

            json.WriteStartObject("quote");
            JsonScheduleWriter.WriteAmount(json, "payment", quote.Payment, places);
            JsonScheduleWriter.WriteAmount(json, "formula_total_interest", quote.FormulaTotalInterest, places);
            JsonScheduleWriter.WriteAmount(json, "rounded_payment_total_interest", quote.RoundedPaymentTotalInterest, places);
            JsonScheduleWriter.WriteAmount(json, "schedule_total_interest", quote.ScheduleTotalInterest, places);
            json.WriteStartObject("legs");
            for (int k = 0; k < quote.Legs.Count; k++)
            {
                JsonScheduleWriter.WriteAmount(json, schedule.Loan.Legs[k].Name, quote.Legs[k].Payment, schedule.Legs[k].Loan.Rounding.DecimalPlaces);
            }

            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
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
        bool kinds = schedule.Legs.Any(RowKinds.HasSpecialRows);
        bool penalties = schedule.TotalPenalty != 0m;
        bool holidays = schedule.Legs.Any(RowKinds.HasHolidays);
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
            table.AddColumn(new TableColumn("Deferred interest").RightAligned().Footer(A(schedule.Legs.Sum(RowKinds.TotalDeferredInterest))));
            table.AddColumn(new TableColumn("Capitalized interest").RightAligned().Footer(A(schedule.Legs.Sum(RowKinds.TotalCapitalizedInterest))));
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
                (decimal deferred, decimal capitalized) = HolidaySums(combined);
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
        bool kinds = schedule.Legs.Any(RowKinds.HasSpecialRows);
        bool penalties = schedule.TotalPenalty != 0m;
        bool holidays = schedule.Legs.Any(RowKinds.HasHolidays);
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
                (decimal deferred, decimal capitalized) = HolidaySums(combined);
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
                ? " **" + A(schedule.Legs.Sum(RowKinds.TotalDeferredInterest)) + "** | **" + A(schedule.Legs.Sum(RowKinds.TotalCapitalizedInterest)) + "** |"
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

    /// <summary>The interest the date's holiday rows deferred and the part of it they capitalized, summed over the legs.</summary>
    private static (decimal Deferred, decimal Capitalized) HolidaySums(CombinedRow combined)
    {
        decimal deferred = 0m, capitalized = 0m;
        foreach (LegInstallment entry in combined.Rows)
        {
            deferred += entry.Row.DeferredInterest;
            capitalized += RowKinds.CapitalizedInterest(entry.Row);
        }

        return (deferred, capitalized);
    }

    /// <summary>The rows of the date that are not regular payments: <c>commercial prepayment</c>; empty otherwise.</summary>
    private static string KindCell(CombinedRow combined) => string.Join("; ",
        combined.Rows.Where(r => r.Row.Kind != InstallmentKind.Regular).Select(r => $"{r.Leg} {RowKinds.Name(r.Row.Kind)}"));

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

    /// <summary>A CSV field: as it is, or quoted (RFC 4180) when it holds a comma, a quote or a line break.</summary>
    private static string CsvField(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    /// <summary>Text for a Markdown table cell or list item: <c>|</c> escaped.</summary>
    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
