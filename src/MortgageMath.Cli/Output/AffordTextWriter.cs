using System.Globalization;
using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Rendering;
using static MortgageMath.Cli.AffordFigures;

namespace MortgageMath.Cli;

/// <summary>An affordability outcome as text: a Spectre table (<c>--format table</c>) or markdown.</summary>
internal static class AffordTextWriter
{
    /// <summary>The outcome as text.</summary>
    /// <param name="o">The outcome.</param>
    /// <param name="markdown">Markdown rather than a table.</param>
    /// <returns>The text, ending in a new line.</returns>
    internal static string Write(AffordOutcome o, bool markdown)
    {
        var text = new StringBuilder();
        string gap = markdown ? "\n\n" : "\n";
        string bullet = markdown ? "- " : "  ";
        if (o.Solution is { } s)
        {
            text.Append(Language.Format(CliText.Afford_Solve, s.Question)).Append(gap);
            if (o.SolveNote is { } note)
            {
                text.Append(note).Append(gap);
            }

            text.Append(Answer(s)).Append(gap);
            text.Append(s.Value is null ? CliText.Afford_ReportAtBest : CliText.Afford_ReportAtAnswer).Append(gap);
        }

        foreach (string line in HeaderLines(o))
        {
            text.Append(markdown ? "- " : "").Append(line).Append('\n');
        }

        text.Append(markdown ? "\n" : "");
        if (markdown)
        {
            text.Append($"| {CliText.Afford_Col_Rule} | {CliText.Afford_Col_Result} | {CliText.Afford_Col_Actual} | {CliText.Afford_Col_Limit} | {CliText.Afford_Col_Margin} | {CliText.Afford_Col_Source} |\n|---|---|---:|---:|---:|---|\n");
            foreach (RuleResult r in o.Report.Results)
            {
                text.Append($"| {r.Rule} | {Result(r.Outcome)} | {Actual(r)} | {Limit(r)} | {Margin(r)} | {r.Source.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }

            text.Append('\n');
        }
        else
        {
            text.Append(SpectreTable(o));
        }

        text.Append(CliText.Afford_Explanations).Append(gap);
        foreach (RuleResult r in o.Report.Results)
        {
            text.Append(bullet).Append(r.Rule).Append(CliText.Label_Separator).Append(r.Explanation).Append('\n');
        }

        text.Append(markdown ? "\n" : "");
        text.Append(CliText.Afford_PaymentJudged).Append(PaymentLine(o.Report.HighestPayment)).Append(gap);
        text.Append(VerdictLine(o.Report)).Append('\n');
        if (o.Solution is { } solution && BeyondLine(solution) is { } beyondLine)
        {
            text.Append(markdown ? "\n" : "").Append(beyondLine).Append('\n');
        }

        return text.ToString();
    }

    private static string SpectreTable(AffordOutcome o)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = TableScheduleWriter.WideWidth;
        console.Profile.Capabilities.Unicode = true;
        var table = new Table().Border(TableBorder.Square);
        table.AddColumn(new TableColumn(CliText.Afford_Col_Rule).NoWrap());
        table.AddColumn(new TableColumn(CliText.Afford_Col_Result).NoWrap());
        table.AddColumn(new TableColumn(CliText.Afford_Col_Actual).RightAligned().NoWrap());
        table.AddColumn(new TableColumn(CliText.Afford_Col_Limit).RightAligned().NoWrap());
        table.AddColumn(new TableColumn(CliText.Afford_Col_Margin).RightAligned().NoWrap());
        table.AddColumn(new TableColumn(CliText.Afford_Col_Source));
        foreach (RuleResult r in o.Report.Results)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(r.Rule), new Text(Result(r.Outcome)), new Text(Actual(r)), new Text(Limit(r)),
                new Text(Margin(r)), new Text(r.Source),
            });
        }

        console.Write(table);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
