using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;
using Specs = MortgageMath.Specs;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage account</c> command: the loan's account as of a date (<see cref="Loan.Account"/>): the payments
/// received (the spec's <c>payments</c>, or <c>--payments FILE</c>) applied against the schedule under the spec's
/// <c>overdue_policy</c>. A thin shell: every figure is the library's <see cref="LoanAccount"/>; this only renders it.
/// </summary>
internal sealed class AccountCommand
{
    private readonly LoanOptions _loan;

    private readonly Option<string> _payments = new("--payments")
    {
        Description = CliText.Help_Account_Payments,
        HelpName = "FILE",
    };

    private readonly Option<string> _asOf = new("--as-of")
    {
        Description = CliText.Help_Account_AsOf,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Account_Format,
        HelpName = "text|csv|json",
    };

    private readonly Option<string> _output = new("--output")
    {
        Description = CliText.Help_Account_Output,
        HelpName = "FILE",
    };

    private readonly Option<bool> _explain = new("--explain")
    {
        Description = CliText.Help_Account_Explain,
    };

    private readonly ChartOption _chart = new(CliText.Help_ChartWhat_Account);

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date (for a loan given by the options).</param>
    internal AccountCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("account", today, withLeg: true);
        Command = new Command(
            "account",
            CliText.Help_Account);
        foreach (Option option in (Option[])[.. _loan.All, _payments, _asOf, _format, _output, _explain, _chart.Option])
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
    /// <exception cref="UsageException">An option, the spec or the payments file is invalid, or the library refused the account.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        AccountFormat format = ReadFormat(result.GetValue(_format));
        if (result.GetValue(_explain) && format != AccountFormat.Text)
        {
            throw new UsageException(Language.Format(CliText.Err_ExplainFormat, format == AccountFormat.Json ? "json" : "csv"));
        }
        string? output = result.GetValue(_output);
        if (output is not null && string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException(Language.Format(CliText.Err_OutputEmpty, "account.json"));
        }

        string? chartPath = _chart.Read(result);
        string asOfText = result.GetValue(_asOf) ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--as-of", "account"));
        LocalDate asOf = ArgumentParsers.ParseDate(asOfText, "--as-of");
        LoanOptions.SingleLoan single = _loan.Read(result);
        Specs.LoanDocument? document = single.Spec?.Document;

        string? paymentsFile = result.GetValue(_payments);
        IReadOnlyList<ReceivedPayment> payments = paymentsFile is null ? document?.Payments ?? [] : ReadPayments(paymentsFile);
        OverduePolicy? policy = document?.OverduePolicy;

        LoanSpec guard = single.Spec ?? LoanSpec.FromOptions(single.Loan, "--as-of");
        LoanAccount account = guard.Guard(() => Build(single.Loan, payments, asOf, policy, paymentsFile));
        string text = format switch
        {
            AccountFormat.Json => AccountWriters.Json(account, single),
            AccountFormat.Csv => AccountWriters.Csv(account),
            _ => AccountWriters.Text(account, single, result.GetValue(_explain)),
        };

        if (output is not null)
        {
            OutputFile.Write(output, text);
        }
        else
        {
            OutputFile.WriteStandardOutput(stdout, text);
        }

        ChartOption.Write(chartPath, () => Charts.ChartExtensions.Chart(account, ChartOption.Options));
        return ExitCodes.Ok;
    }

    /// <summary>The account; a payment the library refuses is named where it came from (the spec's path, or the line of
    /// the payments file: payment i is on line i + 2). Shared with <c>statement</c>.</summary>
    internal static LoanAccount Build(Loan loan, IReadOnlyList<ReceivedPayment> payments, LocalDate asOf, OverduePolicy? policy, string? paymentsFile)
    {
        try
        {
            return loan.Account(payments, asOf, policy);
        }
        catch (PaymentRecordException e)
        {
            string text = LoanSpecReader.LibraryText(e);
            throw new UsageException(paymentsFile is null
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.payments[{e.PaymentIndex}]: {text}")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--payments '{paymentsFile}' line {e.PaymentIndex + 2}: {text}"));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "asOf")
        {
            throw new UsageException($"--as-of: {LoanSpecReader.LibraryText(e)}");
        }
    }

    /// <summary>Reads a <c>--payments</c> file (CSV <c>date,amount</c>; <c>-</c> for standard input). Shared with <c>statement</c>.</summary>
    internal static IReadOnlyList<ReceivedPayment> ReadPayments(string file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new UsageException(CliText.Err_PaymentsEmpty);
        }

        string csv = InputFiles.ReadText("--payments", file);
        try
        {
            return Specs.PaymentsCsv.Parse(csv);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--payments '{file}' {e.Message}");
        }
    }

    private static AccountFormat ReadFormat(string? text) => text is null
        ? AccountFormat.Text
        : text.Trim().ToLowerInvariant() switch
        {
            "text" or "table" => AccountFormat.Text,
            "csv" => AccountFormat.Csv,
            "json" => AccountFormat.Json,
            _ => throw new UsageException(Language.Format(CliText.Err_Format_TextCsvJson, ArgumentParsers.Echo(text), "account")),
        };
}

/// <summary>The formats <c>mortgage account --format</c> writes.</summary>
internal enum AccountFormat
{
    /// <summary>Words and an aligned table (the default).</summary>
    Text = 0,

    /// <summary>One line per instalment due by the as-of date.</summary>
    Csv = 1,

    /// <summary>The whole account as JSON.</summary>
    Json = 2,
}
