using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using MortgageMath.Reports;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage report</c> command: the customer report page of a loan (a spec or the loan options) as one
/// self-contained HTML file, from the library's <see cref="Report"/>; written whole to <c>--output</c>, or to standard
/// output.
/// </summary>
internal sealed class ReportCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _output = new("--output")
    {
        Description = CliText.Help_Report_Output,
        HelpName = "FILE.html",
    };

    private readonly Option<string> _title = new("--title")
    {
        Description = CliText.Help_Report_Title,
        HelpName = "TEXT",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal ReportCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("report", today);
        Command = new Command(
            "report",
            CliText.Help_Report);
        foreach (Option option in (Option[])[.. _loan.All, _output, _title])
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>Runs the command: builds the whole page, then writes it in one piece.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code.</returns>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        string? output = result.GetValue(_output);
        if (output is not null && string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException(Language.Format(CliText.Err_OutputEmpty, "report.html"));
        }

        if (output is not null && !output.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(Language.Format(CliText.Err_ReportExtension, output));
        }

        string? title = result.GetValue(_title);
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            throw new UsageException(CliText.Err_TitleEmpty);
        }

        var options = new ReportOptions { Title = title, Culture = System.Globalization.CultureInfo.CurrentUICulture };
        (Loan? loan, LoanSpec? spec, CombinedSpec? combined) = _loan.ReadAny(result);
        string html;
        if (combined is not null)
        {
            combined.BuildSchedule(); // a refusal names the path inside the leg at fault
            html = Report.Html(combined.Document, options);
        }
        else if (spec is { Document: { } document })
        {
            html = spec.Guard(() => Report.Html(document, options));
        }
        else
        {
            html = Report.Html(loan!, options);
        }

        if (output is not null)
        {
            OutputFile.Write(output, html);
        }
        else
        {
            OutputFile.WriteStandardOutput(stdout, html);
        }

        return ExitCodes.Ok;
    }
}
