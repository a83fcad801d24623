using System.CommandLine;
using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage schedule</c> command: reads the loan terms, builds the schedule and writes it in the chosen format
/// to standard output or to <c>--output</c>. All options are read as text and parsed by <see cref="ArgumentParsers"/>,
/// so every mistake gets a message that names the option and shows how to write it.
/// </summary>
internal sealed class ScheduleCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Schedule_Format,
        HelpName = "table|csv|json|markdown",
    };

    private readonly Option<string> _output = new("--output")
    {
        Description = CliText.Help_Schedule_Output,
        HelpName = "FILE",
    };

    private readonly ChartOption _chart = new(CliText.Help_ChartWhat_Schedule);

    private readonly Option<string> _headers = new("--headers")
    {
        Description = CliText.Help_Schedule_Headers,
        HelpName = "en|zh-CN",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal ScheduleCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("schedule", today);
        Command = new Command("schedule", CliText.Help_Schedule);
        foreach (Option option in (Option[])[.. _loan.All, _format, _output, _chart.Option, _headers])
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>What the command line asked for, parsed and checked.</summary>
    /// <param name="Loan">The loan.</param>
    /// <param name="Format">The output format.</param>
    /// <param name="OutputPath">The file to write, or null for standard output.</param>
    /// <param name="Spec">The loan spec the loan was read from, or null when it came from the options.</param>
    /// <param name="Combined">The combined loan spec (<c>"legs"</c>) when the spec describes one; <paramref name="Loan"/> and <paramref name="Spec"/> are then null.</param>
    /// <param name="Headers">The language of the CSV column names (<c>--headers</c>); null for the documented English names.</param>
    internal sealed record Request(Loan? Loan, OutputFormat Format, string? OutputPath, LoanSpec? Spec = null, CombinedSpec? Combined = null, CultureInfo? Headers = null);

    /// <summary>Reads the options into a <see cref="Request"/>.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <returns>The request.</returns>
    /// <exception cref="UsageException">An option is unparsable, missing, given twice or in conflict with --spec, or the spec is invalid.</exception>
    /// <exception cref="ArgumentException">A loan term is out of the library's range.</exception>
    internal Request Read(ParseResult result)
    {
        OutputFormat format = result.GetValue(_format) is { } formatText ? ArgumentParsers.ParseFormat(formatText) : OutputFormat.Table;
        string? output = result.GetValue(_output);
        if (output is not null && string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException(CliText.Output_Empty);
        }

        CultureInfo? headers = null;
        if (result.GetValue(_headers) is { } headersText)
        {
            if (!Language.TryParse(headersText, out CultureInfo language))
            {
                throw new UsageException(Language.Format(CliText.Error_Headers, ArgumentParsers.Echo(headersText)));
            }

            if (format != OutputFormat.Csv)
            {
                throw new UsageException(CliText.Error_HeadersNeedCsv);
            }

            headers = language == Language.English ? null : language;
        }

        (Loan? loan, LoanSpec? spec, CombinedSpec? combined) = _loan.ReadAny(result);
        return new Request(loan, format, output, spec, combined, headers);
    }

    /// <summary>Runs the command: builds the schedule, renders it completely, then writes it in one piece.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code.</returns>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        Request request = Read(result);
        string? chartPath = _chart.Read(result);
        string text;
        Func<Charts.Chart> chart;
        if (request.Combined is { } combined)
        {
            CombinedSchedule legs = combined.BuildSchedule();
            text = CombinedScheduleWriters.Render(request.Format, legs);
            chart = () => Charts.ChartExtensions.Chart(legs, ChartOption.Options).Balance();
        }
        else
        {
            Schedule schedule = request.Spec is { } spec ? spec.BuildSchedule() : request.Loan!.BuildSchedule();
            text = ScheduleWriters.Render(request.Format, schedule);
            chart = () => Charts.ChartExtensions.Chart(schedule, ChartOption.Options).Balance();
        }

        if (request.Headers is { } headers)
        {
            text = ScheduleLabels.TranslateCsvHeader(text, headers);
        }

        if (request.OutputPath is { } path)
        {
            OutputFile.Write(path, text);
        }
        else
        {
            OutputFile.WriteStandardOutput(stdout, text);
        }

        ChartOption.Write(chartPath, chart);
        return ExitCodes.Ok;
    }
}
