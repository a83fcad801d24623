using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage rates</c> command: prints the fixings of the rate table the tool uses (the shipped history, or it
/// with a <c>--rates</c> file), all indexes or one, from a date, with the table's as-of date.
/// </summary>
internal sealed class RatesCommand
{
    private readonly Option<string> _index = new("--index")
    {
        Description = CliText.Help_Rates_Index,
        HelpName = "NAME",
    };

    private readonly Option<string> _from = new("--from")
    {
        Description = CliText.Help_Rates_From,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Rates_Format,
        HelpName = "table|csv|json",
    };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = CliText.Help_Rates_Rates,
        HelpName = "FILE",
    };

    private readonly ChartOption _chart = new(CliText.Help_ChartWhat_Rates);

    /// <summary>Creates the command.</summary>
    internal RatesCommand()
    {
        Command = new Command("rates", CliText.Help_Rates);
        foreach (Option option in new Option[] { _index, _from, _format, _rates, _chart.Option })
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>Runs the command.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">An option is invalid.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        string formatText = result.GetValue(_format) ?? "table";
        string format = formatText.Trim().ToLowerInvariant() switch
        {
            "table" => "table",
            "csv" => "csv",
            "json" => "json",
            _ => throw new UsageException(Language.Format(CliText.Err_Format_TableCsvJson, formatText, "rates")),
        };
        string? chartPath = _chart.Read(result);
        RateTable table = RateTables.Load(result.GetValue(_rates));
        RateIndex? only = null;
        if (result.GetValue(_index) is { } name)
        {
            only = table.Indexes.FirstOrDefault(i => string.Equals(i.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException(
                    Language.Format(CliText.Err_RatesUnknownIndex, name, string.Join(", ", table.Indexes.Select(i => i.Name))));
        }

        LocalDate? from = result.GetValue(_from) is { } fromText ? ArgumentParsers.ParseDate(fromText, "--from") : null;
        if (chartPath is not null && only is null)
        {
            throw new UsageException(CliText.Err_RatesChartIndex);
        }

        // The fixings shown, as a table of their own (same as-of date): an index left with none drops out.
        RateTable shown = table;
        foreach (RateIndex index in table.Indexes)
        {
            shown = shown.WithSeries(index, (only is null || index == only)
                ? table.Fixings(index).Where(f => from is null || f.EffectiveDate >= from.Value)
                : []);
        }

        string text = format switch
        {
            "csv" => RateTableWriters.Csv(shown),
            "json" => RateTableWriters.Json(shown),
            _ => RateTableWriters.Table(shown),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        ChartOption.Write(chartPath, () => Charts.ChartExtensions.Chart(shown, only!, options: ChartOption.Options));
        return ExitCodes.Ok;
    }
}
