using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage prepay</c> command: "if I prepay this amount on this date, what do I save with each option?".
/// Compares the loan without the prepayment to the loan with it, for each option, by the bank's exact schedules
/// (<see cref="PrepaymentComparison.Strategies"/>), and, for a fixed-rate loan prepaid right after a regular payment,
/// also prints the closed-form figures a published calculator shows (<see cref="PrepaymentQuote.AfterPayment"/>).
/// </summary>
internal sealed partial class PrepayCommand
{
    /// <summary>The note printed under the comparison: why the two sets of figures differ.</summary>
    internal const string Note =
        "The schedule figures are the bank's: every payment rounded, the last one settling the residue. The calculator " +
        "(closed-form) figures use the unrounded payment and balances, rounded once, as published prepayment calculators " +
        "do; the two differ by cents.";

    private readonly LoanOptions _loan;

    private readonly Option<string> _date = new("--date")
    {
        Description = CliText.Help_Prepay_Date,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _amount = new("--amount")
    {
        Description = CliText.Help_Prepay_Amount,
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _option = new("--option")
    {
        Description = CliText.Help_Prepay_Option,
        HelpName = "OPTION",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Prepay_Format,
        HelpName = "table|json|markdown",
    };

    private readonly ChartOption _chart = new(CliText.Help_ChartWhat_Prepay);

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal PrepayCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("prepay", today, withLeg: true);
        Command = new Command("prepay", CliText.Help_Prepay);
        foreach (Option option in (Option[])[.. _loan.All, _date, _amount, _option, _format, _chart.Option])
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
    /// <exception cref="UsageException">An option or the spec is invalid, or the library refused the prepayment.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = ReadFormat(result.GetValue(_format), "prepay");
        string? chartPath = _chart.Read(result);
        LoanOptions.SingleLoan single = _loan.Read(result);
        (Loan loan, LoanSpec? spec) = (single.Loan, single.Spec);
        LocalDate date = ArgumentParsers.ParseDate(
            result.GetValue(_date) ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--date", "prepay")), "--date");
        decimal amount = ArgumentParsers.ParseAmount(
            "--amount", result.GetValue(_amount) ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--amount", "prepay")));
        PrepaymentOption[] options = ParseOptions(result.GetValue(_option));

        LoanSpec guard = spec ?? LoanSpec.FromOptions(loan, "--date/--amount");
        IReadOnlyList<PrepaymentComparison> comparisons = guard.Guard(
            () => PrepaymentComparison.Strategies(loan, date, amount, options), (date, "--date/--amount"));
        PrepayCalculator calculator = CalculatorFigures(loan, date, amount, options);
        var report = new PrepayReport(loan, date, amount, comparisons, calculator) { Leg = single.Leg };

        string text = format switch
        {
            OutputFormat.Json => PrepayJsonWriter.Json(report),
            OutputFormat.Markdown => PrepayTextWriter.Markdown(report),
            _ => PrepayTextWriter.Table(report),
        };
        if (format != OutputFormat.Json && single.LegLine is { } legLine)
        {
            text = legLine + (format == OutputFormat.Markdown ? "\n\n" : "\n") + text;
        }

        OutputFile.WriteStandardOutput(stdout, text);
        ChartOption.Write(chartPath, () => Charts.ChartExtensions.Chart(comparisons, ChartOption.Options).Balance());
        return ExitCodes.Ok;
    }

    /// <summary>Reads <c>--format</c> for a command that prints a report: table, json or markdown.</summary>
    /// <param name="text">The option's text, or null.</param>
    /// <param name="command">The command, for the message.</param>
    /// <returns>The format.</returns>
    /// <exception cref="UsageException">The format is not one of those.</exception>
    internal static OutputFormat ReadFormat(string? text, string command) => text is null
        ? OutputFormat.Table
        : text.Trim().ToLowerInvariant() switch
        {
            "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            "markdown" or "md" => OutputFormat.Markdown,
            _ => throw new UsageException(Language.Format(CliText.Err_Format_TableJsonMarkdown, text, command)),
        };

    /// <summary>
    /// The closed-form quotes, when <see cref="PrepaymentQuote.Supports"/> says they apply; otherwise, or when the
    /// closed form refuses the amount or an option, the reason they are not shown.
    /// </summary>
    private static PrepayCalculator CalculatorFigures(Loan loan, LocalDate date, decimal amount, PrepaymentOption[] options)
    {
        if (!PrepaymentQuote.Supports(loan, date, out int paymentsMade, out string? reason))
        {
            return new PrepayCalculator(null, [], reason);
        }

        var quotes = new List<PrepaymentQuote>(options.Length);
        try
        {
            foreach (PrepaymentOption option in options)
            {
                quotes.Add(PrepaymentQuote.AfterPayment(loan, paymentsMade, amount, option));
            }
        }
        catch (ArgumentException e)
        {
            return new PrepayCalculator(paymentsMade, [], "the closed form refused: " + LoanSpecReader.LibraryText(e));
        }

        return new PrepayCalculator(paymentsMade, quotes, null);
    }
}
