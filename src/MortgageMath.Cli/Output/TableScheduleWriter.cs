using MortgageMath.Cli.Resources;
using MortgageMath.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MortgageMath.Cli;

/// <summary>
/// Writes a schedule as an aligned text table (Spectre.Console, no ANSI codes, no colour, a fixed width so the
/// output does not depend on the terminal), with a totals footer, followed by the quote figures.
/// </summary>
internal static class TableScheduleWriter
{
    /// <summary>The width the table is laid out for, in characters.</summary>
    internal const int Width = 120;

    /// <summary>The width when the table has the Kind (and Penalty) columns: a schedule with prepayments, a payoff or a balloon.</summary>
    internal const int WideWidth = 150;

    /// <summary>The width when the table also has the Deferred and Capitalized interest columns: a schedule with a payment holiday.</summary>
    internal const int HolidayWidth = 190;

    /// <summary>Writes the table and the quote figures.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write.</param>
    internal static void Write(Schedule schedule, TextWriter writer)
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
        console.Profile.Width = holidays ? HolidayWidth : kinds ? WideWidth : Width;
        console.Profile.Capabilities.Unicode = true;

        int places = schedule.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);

        var table = new Table().Border(TableBorder.Square);
        table.AddColumn(new TableColumn(CliText.Col_Period).RightAligned().Footer(CliText.Col_Total));
        table.AddColumn(new TableColumn(CliText.Col_DueDate));
        table.AddColumn(new TableColumn(CliText.Col_RatePct).RightAligned());
        table.AddColumn(new TableColumn(CliText.Col_OpeningBalance).RightAligned());
        table.AddColumn(new TableColumn(CliText.Col_Payment).RightAligned().Footer(A(schedule.TotalPayment)));
        table.AddColumn(new TableColumn(CliText.Col_Principal).RightAligned().Footer(A(schedule.TotalPrincipal)));
        table.AddColumn(new TableColumn(CliText.Col_Interest).RightAligned().Footer(A(schedule.TotalInterest)));
        if (penalties)
        {
            table.AddColumn(new TableColumn(CliText.Col_Penalty).RightAligned().Footer(A(schedule.TotalPenalty)));
        }

        if (holidays)
        {
            table.AddColumn(new TableColumn(CliText.Col_DeferredInterest).RightAligned().Footer(A(schedule.TotalDeferredInterest)));
            table.AddColumn(new TableColumn(CliText.Col_CapitalizedInterest).RightAligned().Footer(A(schedule.TotalCapitalizedInterest)));
        }

        table.AddColumn(new TableColumn(CliText.Col_ClosingBalance).RightAligned());
        if (kinds)
        {
            table.AddColumn(new TableColumn(CliText.Col_Kind));
        }

        table.ShowFooters = true;

        var cells = new List<IRenderable>(10);
        foreach (Installment row in schedule)
        {
            cells.Clear();
            cells.Add(new Text(row.Period.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cells.Add(new Text(Amounts.Date(row.DueDate)));
            cells.Add(new Text(RateDisplay.Cell(row)));
            cells.Add(new Text(A(row.OpeningBalance)));
            cells.Add(new Text(A(row.Payment)));
            cells.Add(new Text(A(row.Principal)));
            cells.Add(new Text(A(row.Interest)));
            if (penalties)
            {
                cells.Add(new Text(A(row.Penalty)));
            }

            if (holidays)
            {
                cells.Add(new Text(A(row.DeferredInterest)));
                cells.Add(new Text(A(row.CapitalizedInterest)));
            }

            cells.Add(new Text(A(row.ClosingBalance)));
            if (kinds)
            {
                cells.Add(new Text(row.Kind == InstallmentKind.Regular ? "" : ScheduleLabels.Kind(row.Kind)));
            }

            table.AddRow(cells);
        }

        writer.Write(QuoteFigures.Summary(schedule));
        writer.Write('\n');
        console.Write(table);
        foreach ((string label, string value) in QuoteFigures.For(schedule))
        {
            writer.Write(label);
            writer.Write(CliText.Label_Separator);
            writer.Write(value);
            writer.Write('\n');
        }

        if (RateDisplay.HasSeveralRates(schedule))
        {
            writer.Write(CliText.RateChanges_Heading);
            writer.Write('\n');
            foreach (string line in RateDisplay.ChangeLines(schedule))
            {
                writer.Write("  ");
                writer.Write(line);
                writer.Write('\n');
            }
        }
    }
}
