using System.CommandLine;
using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;
using Specs = MortgageMath.Specs;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage statement</c> command: one calendar year of the loan (<c>MortgageMath.Statements</c>): what was
/// paid and what was owed on 31 December — from the schedule, or, when payments are given (the spec's <c>payments</c>
/// or <c>--payments FILE</c>), from the account at the end of the year — with China's housing-loan interest deduction
/// and the US Form 1098 figure for the year. A thin shell: every figure and rule is the library's; this only renders them.
/// </summary>
internal sealed class StatementCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _year = new("--year")
    {
        Description = CliText.Help_Statement_Year,
        HelpName = "YYYY",
    };

    private readonly Option<string> _payments = new("--payments")
    {
        Description = CliText.Help_Statement_Payments,
        HelpName = "FILE",
    };

    private readonly Option<string> _asOf = new("--as-of")
    {
        Description = CliText.Help_Statement_AsOf,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _share = new("--share")
    {
        Description = CliText.Help_Statement_Share,
        HelpName = "100%|50%",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Statement_Format,
        HelpName = "table|csv|json|markdown",
    };

    private readonly Option<string> _output = new("--output")
    {
        Description = CliText.Help_Statement_Output,
        HelpName = "FILE",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date (for a loan given by the options).</param>
    internal StatementCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("statement", today, withLeg: true);
        Command = new Command(
            "statement",
            CliText.Help_Statement);
        foreach (Option option in (Option[])[.. _loan.All, _year, _payments, _asOf, _share, _format, _output])
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
    /// <exception cref="UsageException">An option, the spec or the payments file is invalid, or the library refused the year or the share.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = result.GetValue(_format) is { } formatText ? ArgumentParsers.ParseFormat(formatText) : OutputFormat.Table;
        string? output = result.GetValue(_output);
        if (output is not null && string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException(Language.Format(CliText.Err_OutputEmpty, "statement.json"));
        }

        int year = ParseYear(result.GetValue(_year) ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--year", "statement")));
        Percentage? share = result.GetValue(_share) is { } shareText ? ParseShare(shareText) : null;
        LocalDate? asOfOption = result.GetValue(_asOf) is { } asOfText ? ArgumentParsers.ParseDate(asOfText, "--as-of") : null;
        LoanOptions.SingleLoan single = _loan.Read(result);
        Specs.LoanDocument? document = single.Spec?.Document;

        string? paymentsFile = result.GetValue(_payments);
        IReadOnlyList<ReceivedPayment>? payments = paymentsFile is null ? document?.Payments : AccountCommand.ReadPayments(paymentsFile);
        if (payments is null && asOfOption is not null)
        {
            throw new UsageException(CliText.Err_StatementAsOfNeedsPayments);
        }

        LoanSpec guard = single.Spec ?? LoanSpec.FromOptions(single.Loan, "--year");
        Schedule schedule = guard.Guard(single.Loan.BuildSchedule);
        YearSummary summary = Library(() => schedule.YearSummary(year));
        HousingLoanInterestDeduction deduction = Library(() => schedule.HousingLoanInterestDeduction(year, share));
        StatementReport report;
        if (payments is null)
        {
            report = new StatementReport(single, schedule, summary, deduction, schedule.MortgageInterestStatement(year), null, false, null);
        }
        else
        {
            var endOfYear = new LocalDate(year, 12, 31);
            bool early = asOfOption is { } a && a < endOfYear;
            LocalDate asOf = early ? asOfOption!.Value : endOfYear;
            LoanAccount account = guard.Guard(() => AccountCommand.Build(single.Loan, payments, asOf, document?.OverduePolicy, paymentsFile));
            summary = Library(() => account.YearSummary(year), early ? "--year/--as-of" : "--year");
            report = new StatementReport(single, schedule, summary, deduction, account.MortgageInterestStatement(year), account, early,
                paymentsFile is null ? Resources.CliText.Stmt_SpecPayments : Localization.Language.Format(Resources.CliText.Stmt_PaymentsFile, paymentsFile));
        }

        string text = format switch
        {
            OutputFormat.Json => StatementWriters.Json(report),
            OutputFormat.Csv => StatementWriters.Csv(report),
            _ => StatementWriters.Text(report, format == OutputFormat.Markdown),
        };

        if (output is not null)
        {
            OutputFile.Write(output, text);
        }
        else
        {
            OutputFile.WriteStandardOutput(stdout, text);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Runs a statement of the library; its refusal of the year or the share names the option.</summary>
    private static T Library<T>(Func<T> statement, string yearOption = "--year")
    {
        try
        {
            return statement();
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "year" or "taxYear")
        {
            throw new UsageException($"{yearOption}: {LoanSpecReader.LibraryText(e)}");
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "share")
        {
            throw new UsageException($"--share: {LoanSpecReader.LibraryText(e)}");
        }
    }

    private static int ParseYear(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int year)
            ? year
            : throw new UsageException(Language.Format(CliText.Err_YearNotYear, ArgumentParsers.Echo(text)));

    private static Percentage ParseShare(string text) => Percentage.TryParse(text, out Percentage share)
        ? share
        : throw new UsageException(Language.Format(CliText.Err_ShareNotPercent, ArgumentParsers.Echo(text)));
}

/// <summary>What <c>mortgage statement</c> renders: the library's figures for one year.</summary>
/// <param name="Single">The loan as read, with its leg for a leg of a combined spec.</param>
/// <param name="Schedule">The loan's schedule.</param>
/// <param name="Summary">The year's summary: from <paramref name="Account"/> when there is one, else from the schedule.</param>
/// <param name="Deduction">China's housing-loan interest deduction for the tax year (from the schedule).</param>
/// <param name="Form1098">The US Form 1098 figure: from <paramref name="Account"/> when there is one, else from the schedule.</param>
/// <param name="Account">The account at the end of the year (or the earlier --as-of), or null for the schedule.</param>
/// <param name="YearToDate">True when --as-of is before 31 December of the year.</param>
/// <param name="PaymentsSource">Where the payments came from, in words, or null for the schedule.</param>
internal sealed record StatementReport(
    LoanOptions.SingleLoan Single, Schedule Schedule, YearSummary Summary, HousingLoanInterestDeduction Deduction,
    MortgageInterestStatement Form1098, LoanAccount? Account, bool YearToDate, string? PaymentsSource);
