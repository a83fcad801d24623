using System.CommandLine;
using System.Text;
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
    private readonly Option<string> _principal = new("--principal")
    {
        Description = "The amount lent, a plain number: 1000000 or 250000.50. Required unless --spec is given.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _rate = new("--rate")
    {
        Description = "The annual rate with its unit: 4.9% (percent) or 490bp (basis points). A bare number is refused. Required unless --spec is given.",
        HelpName = "RATE",
    };

    private readonly Option<string> _months = new("--months")
    {
        Description = $"The term in monthly periods, 1 to {Loan.MaxPeriods}. Give --months or --years, not both.",
        HelpName = "N",
    };

    private readonly Option<string> _years = new("--years")
    {
        Description = $"The term in years, 1 to {Loan.MaxPeriods / 12} (years × 12 periods). Give --months or --years, not both.",
        HelpName = "N",
    };

    private readonly Option<string> _method = new("--method")
    {
        Description = "How the loan is repaid: equal-installment (等额本息, the default) or equal-principal (等额本金).",
        HelpName = "equal-installment|equal-principal",
    };

    private readonly Option<string> _start = new("--start")
    {
        Description = "The disbursement date (放款日), yyyy-MM-dd. Default: today.",
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _paymentDay = new("--payment-day")
    {
        Description = "The day of the month payments fall due (还款日), 1 to 31; clamped to the month's last day. Default: the start date's day.",
        HelpName = "D",
    };

    private readonly Option<string> _spec = new("--spec")
    {
        Description = "Read the whole loan from a loan spec file (JSON; see docs/loan-spec.md): any rate plan, events. Replaces the loan-term options.",
        HelpName = "FILE",
    };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = "With --spec: a rate file (CSV: index,effective_date,rate_pct,source); each index in it replaces the shipped history of that index.",
        HelpName = "FILE",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), csv, json or markdown.",
        HelpName = "table|csv|json|markdown",
    };

    private readonly Option<string> _output = new("--output")
    {
        Description = "Write to this file (UTF-8, overwritten) instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Func<LocalDate> _today;

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal ScheduleCommand(Func<LocalDate> today)
    {
        _today = today;
        Command = new Command("schedule", "Print the repayment schedule of a loan, row by row, with its totals and the calculator figures.");
        foreach (Option option in new Option[] { _principal, _rate, _months, _years, _method, _start, _paymentDay, _spec, _rates, _format, _output })
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
    internal sealed record Request(Loan Loan, OutputFormat Format, string? OutputPath, LoanSpec? Spec = null);

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
            throw new UsageException("--output is empty; give a file name, e.g. --output schedule.csv.");
        }

        if (result.GetValue(_spec) is { } specPath)
        {
            foreach (Option option in new Option[] { _principal, _rate, _months, _years, _method, _start, _paymentDay })
            {
                if (result.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException(
                        $"{option.Name} cannot be combined with --spec: the spec file describes the whole loan; change the loan in the file (see docs/loan-spec.md).");
                }
            }

            if (string.IsNullOrWhiteSpace(specPath))
            {
                throw new UsageException("--spec is empty; give a loan spec file, e.g. --spec loan.json.");
            }

            RateTable table = RateTables.Load(result.GetValue(_rates));
            LoanSpec spec = LoanSpecReader.ReadFile(specPath, table);
            return new Request(spec.Loan, format, output, spec);
        }

        if (result.GetResult(_rates) is { Implicit: false })
        {
            throw new UsageException(
                "--rates applies to a loan spec (--spec FILE): the options describe a fixed-rate loan, which reads no rate table.");
        }

        string principalText = result.GetValue(_principal)
            ?? throw new UsageException("Option '--principal' is required; see 'mortgage schedule --help'.");
        string rateText = result.GetValue(_rate)
            ?? throw new UsageException("Option '--rate' is required; see 'mortgage schedule --help'.");
        decimal principal = ArgumentParsers.ParsePrincipal(principalText);
        Rate rate = ArgumentParsers.ParseRate(rateText);

        string? monthsText = result.GetValue(_months);
        string? yearsText = result.GetValue(_years);
        int periods = (monthsText, yearsText) switch
        {
            (not null, not null) => throw new UsageException("give the term once: either --months N or --years N, not both."),
            (null, null) => throw new UsageException("the term is missing; add --months N (e.g. --months 360) or --years N (e.g. --years 30)."),
            (not null, null) => ArgumentParsers.ParseTerm("--months", monthsText, Loan.MaxPeriods),
            _ => ArgumentParsers.ParseTerm("--years", yearsText!, Loan.MaxPeriods / 12) * 12,
        };

        RepaymentMethod method = result.GetValue(_method) is { } methodText
            ? ArgumentParsers.ParseMethod(methodText)
            : RepaymentMethod.EqualInstallment;
        LocalDate start = result.GetValue(_start) is { } startText ? ArgumentParsers.ParseDate(startText) : _today();
        int? paymentDay = result.GetValue(_paymentDay) is { } dayText ? ArgumentParsers.ParsePaymentDay(dayText) : null;

        var loan = new Loan(principal, rate, periods, start) { Method = method, RepaymentDay = paymentDay };
        return new Request(loan, format, output);
    }

    /// <summary>Runs the command: builds the schedule, renders it completely, then writes it in one piece.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code.</returns>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        Request request = Read(result);
        Schedule schedule = request.Spec is { } spec ? spec.BuildSchedule() : request.Loan.BuildSchedule();
        string text = ScheduleWriters.Render(request.Format, schedule);
        if (request.OutputPath is { } path)
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        else
        {
            stdout.Write(text);
            stdout.Flush();
        }

        return ExitCodes.Ok;
    }
}
