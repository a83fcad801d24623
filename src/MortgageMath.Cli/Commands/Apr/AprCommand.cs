using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage apr</c> command: what the loan really costs, fees included, as one annual figure, by the two methods
/// of the library's <see cref="Apr"/>: the PBoC [2021] No.3 annualized rate (the monthly IRR of the borrower's cash
/// flows, nominal and effective) and the Regulation Z Appendix J APR (actuarial method, monthly unit-period). The cash
/// flows are <see cref="LoanCashFlows.From"/> of the loan's exact schedule: principal less the up-front fees received
/// at disbursement, every row's payment (a periodic fee added to each regular payment) on its due date.
/// </summary>
internal sealed class AprCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _upfrontFee = new("--upfront-fee")
    {
        Description = CliText.Help_Apr_UpfrontFee,
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _periodicFee = new("--periodic-fee")
    {
        Description = CliText.Help_Apr_PeriodicFee,
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Apr_Format,
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal AprCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("apr", today, withLeg: true);
        Command = new Command("apr", CliText.Help_Apr);
        foreach (Option option in (Option[])[.. _loan.All, _upfrontFee, _periodicFee, _format])
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
    /// <exception cref="UsageException">An option or the spec is invalid, a fee is out of range, or no rate (within a rate's range) balances the flows.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = PrepayCommand.ReadFormat(result.GetValue(_format), "apr");
        decimal upfront = result.GetValue(_upfrontFee) is { } upfrontText ? ArgumentParsers.ParseFee("--upfront-fee", upfrontText) : 0m;
        decimal periodic = result.GetValue(_periodicFee) is { } periodicText ? ArgumentParsers.ParseFee("--periodic-fee", periodicText) : 0m;
        LoanOptions.SingleLoan single = _loan.Read(result);
        LoanSpec guard = single.Spec ?? LoanSpec.FromOptions(single.Loan, "--principal");
        Schedule schedule = guard.Guard(single.Loan.BuildSchedule);

        LoanCashFlows flows;
        PbocAnnualizedRate pboc;
        RegZApr regZ;
        try
        {
            flows = LoanCashFlows.From(schedule, upfront, periodic);
            pboc = Apr.Pboc(flows);
            regZ = Apr.RegZActuarial(flows);
        }
        catch (ArgumentException e) when (e.ParamName is "upfrontFees" or "periodicFee")
        {
            string option = e.ParamName == "upfrontFees" ? "--upfront-fee" : "--periodic-fee";
            throw new UsageException($"{option}: {LoanSpecReader.LibraryText(e)}");
        }
        catch (OverflowException)
        {
            throw new UsageException(CliText.Err_AprBeyondRange);
        }
        catch (NoSolutionException e)
        {
            throw new UsageException(Language.Format(CliText.Err_NoRateBalances, e.Message));
        }

        var report = new AprReport(schedule, upfront, periodic, flows, pboc, regZ, single.Leg);
        string text = format switch
        {
            OutputFormat.Json => AprWriters.Json(report),
            OutputFormat.Markdown => AprWriters.Markdown(report, single.LegLine),
            _ => AprWriters.Table(report, single.LegLine),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }
}
