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
        console.Profile.Width = Width;
        console.Profile.Capabilities.Unicode = true;

        int places = schedule.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);

        var table = new Table().Border(TableBorder.Square);
        table.AddColumn(new TableColumn("Period").RightAligned().Footer("Total"));
        table.AddColumn(new TableColumn("Due date"));
        table.AddColumn(new TableColumn("Rate %").RightAligned());
        table.AddColumn(new TableColumn("Opening balance").RightAligned());
        table.AddColumn(new TableColumn("Payment").RightAligned().Footer(A(schedule.TotalPayment)));
        table.AddColumn(new TableColumn("Principal").RightAligned().Footer(A(schedule.TotalPrincipal)));
        table.AddColumn(new TableColumn("Interest").RightAligned().Footer(A(schedule.TotalInterest)));
        table.AddColumn(new TableColumn("Closing balance").RightAligned());
        table.ShowFooters = true;

        foreach (Installment row in schedule)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(row.Period.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(Amounts.Date(row.DueDate)),
                new Text(RateDisplay.Cell(row)),
                new Text(A(row.OpeningBalance)),
                new Text(A(row.Payment)),
                new Text(A(row.Principal)),
                new Text(A(row.Interest)),
                new Text(A(row.ClosingBalance)),
            });
        }

        writer.Write(QuoteFigures.Summary(schedule));
        writer.Write('\n');
        console.Write(table);
        foreach ((string label, string value) in QuoteFigures.For(schedule))
        {
            writer.Write(label);
            writer.Write(": ");
            writer.Write(value);
            writer.Write('\n');
        }

        if (RateDisplay.HasSeveralRates(schedule))
        {
            writer.Write("Rate changes (effective date, annual rate, reason):\n");
            foreach (string line in RateDisplay.ChangeLines(schedule))
            {
                writer.Write("  ");
                writer.Write(line);
                writer.Write('\n');
            }
        }
    }
}
