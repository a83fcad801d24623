using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
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
        Description = "The payoff day, yyyy-MM-dd: after disbursement. A payment due that day is made first. Required.",
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), json or markdown.",
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal PayoffCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("payoff", today, withLeg: true);
        Command = new Command("payoff", "Quote repaying the whole loan on a date: balance, accrued interest, penalty and total.");
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
            result.GetValue(_date) ?? throw new UsageException("Option '--date' is required; see 'mortgage payoff --help'."), "--date");

        LoanSpec guard = spec ?? LoanSpec.FromOptions(loan, "--date");
        (Schedule schedule, PayoffQuote quote) = guard.Guard(() => (loan.BuildSchedule(), loan.PayoffQuote(date)), (date, "--date"));

        // The last due date on or before the payoff day (or the disbursement): where the accrued interest starts.
        LocalDate since = loan.Disbursement;
        foreach (Installment row in schedule)
        {
            if (row.DueDate <= date && row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon)
            {
                since = row.DueDate;
            }
        }

        int days = Period.DaysBetween(since, date);
        bool repaid = date >= schedule.Last.DueDate;
        int places = loan.Rounding.DecimalPlaces;
        string policy = QuoteFigures.InterestPolicy(loan.PrepaymentInterest);
        string text;
        if (format == OutputFormat.Json)
        {
            var buffer = new ArrayBufferWriter<byte>(4 * 1024);
            using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
            {
                json.WriteStartObject();
                if (single.Leg is { } leg)
                {
                    json.WriteString("leg", leg);
                }

                JsonScheduleWriter.WriteLoan(json, schedule);
                json.WriteStartObject("payoff");
                json.WriteString("date", Amounts.Date(quote.Date));
                JsonScheduleWriter.WriteAmount(json, "balance", quote.Balance, places);
                JsonScheduleWriter.WriteAmount(json, "accrued_interest", quote.AccruedInterest, places);
                JsonScheduleWriter.WriteAmount(json, "penalty", quote.Penalty, places);
                JsonScheduleWriter.WriteAmount(json, "total", quote.Total, places);
                json.WriteString("last_due_date", Amounts.Date(since));
                json.WriteNumber("days_since_last_due_date", days);
                json.WriteString("prepayment_interest", policy);
                json.WriteString("penalty_policy", loan.PrepaymentPenalty.ToString());
                json.WriteBoolean("already_repaid", repaid);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            text = Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
        }
        else
        {
            string A(decimal amount) => Amounts.Grouped(amount, places);
            string bullet = format == OutputFormat.Markdown ? "- " : "  ";
            var lines = new StringBuilder();
            if (single.LegLine is { } legLine)
            {
                lines.Append(legLine).Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
            }

            lines.Append(QuoteFigures.Summary(schedule)).Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
            if (repaid)
            {
                lines.Append($"Payoff on {Amounts.Date(date)}: nothing to pay; the loan is repaid by its last due date, {Amounts.Date(schedule.Last.DueDate)}.\n");
            }
            else
            {
                lines.Append($"Payoff on {Amounts.Date(date)}:").Append(format == OutputFormat.Markdown ? "\n\n" : "\n");
                lines.Append(bullet).Append($"Balance (after the payments due by then): {A(quote.Balance)}\n");
                lines.Append(bullet).Append($"Accrued interest ({policy}, {days} day(s) since {Amounts.Date(since)}): {A(quote.AccruedInterest)}\n");
                lines.Append(bullet).Append($"Penalty ({loan.PrepaymentPenalty}): {A(quote.Penalty)}\n");
                lines.Append(bullet).Append($"Total to pay: {A(quote.Total)}\n");
            }

            text = lines.ToString();
        }

        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }
}
