using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage payoff</c> command: what it takes to repay the whole loan on a date (<see cref="Loan.PayoffQuote"/>):
/// the balance after any payment due that day, the interest accrued since the last due date, the penalty, the total.
/// </summary>
internal sealed class PayoffCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _date = new("--date")
    {
        Description = CliText.Help_Payoff_Date,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Payoff_Format,
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal PayoffCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("payoff", today, withLeg: true);
        Command = new Command("payoff", CliText.Help_Payoff);
        foreach (Option option in (Option[])[.. _loan.All, _date, _format])
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
    /// <exception cref="UsageException">An option or the spec is invalid, or the library refused the payoff.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = PrepayCommand.ReadFormat(result.GetValue(_format), "payoff");
        LoanOptions.SingleLoan single = _loan.Read(result);
        (Loan loan, LoanSpec? spec) = (single.Loan, single.Spec);
        LocalDate date = ArgumentParsers.ParseDate(
            result.GetValue(_date) ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--date", "payoff")), "--date");

        LoanSpec guard = spec ?? LoanSpec.FromOptions(loan, "--date");
        (Schedule schedule, PayoffQuote quote) = guard.Guard(() => (loan.BuildSchedule(), loan.PayoffQuote(date)), (date, "--date"));
        string text = PayoffWriters.Render(format, schedule, quote, single);
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }
}
