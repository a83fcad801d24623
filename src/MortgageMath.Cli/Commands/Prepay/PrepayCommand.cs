using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage prepay</c> command: "if I prepay this amount on this date, what do I save with each option?".
/// Compares the loan without the prepayment to the loan with it, for each option, by the bank's exact schedules
/// (<see cref="PrepaymentComparison.Strategies"/>), and, for a fixed-rate loan prepaid right after a regular payment,
/// also prints the closed-form figures a published calculator shows (<see cref="PrepaymentQuote.AfterPayment"/>).
/// </summary>
internal sealed class PrepayCommand
{
    /// <summary>The note printed under the comparison: why the two sets of figures differ.</summary>
    internal const string Note =
        "The schedule figures are the bank's: every payment rounded, the last one settling the residue. The calculator " +
        "(closed-form) figures use the unrounded payment and balances, rounded once, as published prepayment calculators " +
        "do; the two differ by cents.";

    private static readonly PrepaymentOption[] AllOptions =
        [PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment];

    private readonly LoanOptions _loan;

    private readonly Option<string> _date = new("--date")
    {
        Description = "The day of the prepayment, yyyy-MM-dd: after disbursement, before the last due date. On a due date it follows that day's payment. Required.",
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _amount = new("--amount")
    {
        Description = "The principal prepaid, a plain number: 200000 or 50000.50. Required.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _option = new("--option")
    {
        Description = "What the prepayment does to the loan: lower-payment (减少月供), shorten-term (缩短期限), shorten-term-keep-payment, new-term:N (N payments left, 月供和期限都变), all (the first three, the default), or several separated by commas, side by side.",
        HelpName = "OPTION",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), json or markdown.",
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal PrepayCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("prepay", today, withLeg: true);
        Command = new Command("prepay", "Compare prepaying an amount on a date with each option (lower the payment, shorten the term, a new term) against not prepaying.");
        foreach (Option option in (Option[])[.. _loan.All, _date, _amount, _option, _format])
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
        LoanOptions.SingleLoan single = _loan.Read(result);
        (Loan loan, LoanSpec? spec) = (single.Loan, single.Spec);
        LocalDate date = ArgumentParsers.ParseDate(
            result.GetValue(_date) ?? throw new UsageException("Option '--date' is required; see 'mortgage prepay --help'."), "--date");
        decimal amount = ArgumentParsers.ParseAmount(
            "--amount", result.GetValue(_amount) ?? throw new UsageException("Option '--amount' is required; see 'mortgage prepay --help'."));
        PrepaymentOption[] options = ParseOptions(result.GetValue(_option));

        LoanSpec guard = spec ?? LoanSpec.FromOptions(loan, "--date/--amount");
        IReadOnlyList<PrepaymentComparison> comparisons = guard.Guard(
            () => PrepaymentComparison.Strategies(loan, date, amount, options), (date, "--date/--amount"));
        Calculator calculator = CalculatorFigures(loan, comparisons[0].Baseline, date, amount, options);
        var report = new Report(loan, date, amount, comparisons, calculator) { Leg = single.Leg };

        string text = format switch
        {
            OutputFormat.Json => Json(report),
            OutputFormat.Markdown => Markdown(report),
            _ => Table(report),
        };
        if (format != OutputFormat.Json && single.LegLine is { } legLine)
        {
            text = legLine + (format == OutputFormat.Markdown ? "\n\n" : "\n") + text;
        }

        OutputFile.WriteStandardOutput(stdout, text);
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
            _ => throw new UsageException($"--format '{text}' is not a format for {command}; write table, json or markdown."),
        };

    /// <summary>
    /// Reads <c>--option</c>: one option, <c>all</c> (the three that keep or shorten the term), or several separated
    /// by commas, compared side by side in the order given; <c>new-term:N</c> is a new term of N payments after the
    /// prepayment (<see cref="PrepaymentOption.NewTerm"/>).
    /// </summary>
    private static PrepaymentOption[] ParseOptions(string? text)
    {
        if (text is null)
        {
            return AllOptions;
        }

        var options = new List<PrepaymentOption>();
        foreach (string part in text.Split(','))
        {
            foreach (PrepaymentOption option in ParseOption(part.Trim()))
            {
                string name = option.ToString()!;
                if (options.Any(o => o.ToString() == name))
                {
                    throw new UsageException($"--option lists '{ArgumentParsers.Echo(name)}' twice; give each option once.");
                }

                options.Add(option);
            }
        }

        return [.. options];
    }

    private static PrepaymentOption[] ParseOption(string text)
    {
        const string NewTerm = "new-term";
        const string HowToWrite = "write new-term:N, e.g. new-term:120.";
        string lower = text.ToLowerInvariant();
        if (lower == NewTerm || lower.StartsWith(NewTerm + ":", StringComparison.Ordinal))
        {
            string number = text.Length > NewTerm.Length ? text[(NewTerm.Length + 1)..].Trim() : "";
            if (number.Length == 0)
            {
                throw new UsageException($"--option '{ArgumentParsers.Echo(text)}' needs the number of payments left after the prepayment; {HowToWrite}");
            }

            if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int periods))
            {
                throw new UsageException($"--option '{ArgumentParsers.Echo(text)}': '{ArgumentParsers.Echo(number)}' is not a whole number; {HowToWrite}");
            }

            try
            {
                return [PrepaymentOption.NewTerm(periods)];
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--option '{ArgumentParsers.Echo(text)}': {LoanSpecReader.LibraryText(e)}");
            }
        }

        return lower switch
        {
            "all" => AllOptions,
            "lower-payment" => [PrepaymentOption.LowerPayment],
            "shorten-term" => [PrepaymentOption.ShortenTerm],
            "shorten-term-keep-payment" => [PrepaymentOption.ShortenTermKeepPayment],
            _ => throw new UsageException(
                $"--option '{ArgumentParsers.Echo(text)}' is not a prepayment option; write lower-payment, shorten-term, shorten-term-keep-payment, new-term:N or all, or several separated by commas."),
        };
    }

    /// <summary>
    /// The closed-form quotes, when they apply: a fixed-rate equal-installment or equal-principal loan without events,
    /// prepaid on a due date (right after its regular payment). Otherwise the reason they are not shown.
    /// </summary>
    private static Calculator CalculatorFigures(Loan loan, Schedule baseline, LocalDate date, decimal amount, PrepaymentOption[] options)
    {
        if (loan.Events.Count > 0)
        {
            return new Calculator(null, [], "the loan has events of its own; the closed form assumes none");
        }

        if (loan.Method != RepaymentMethod.EqualInstallment && loan.Method != RepaymentMethod.EqualPrincipal)
        {
            return new Calculator(null, [], $"the closed form covers equal-installment and equal-principal loans, not {loan.Method.Name}");
        }

        int paymentsMade = 0;
        bool onDueDate = false;
        foreach (Installment row in baseline)
        {
            if (row.Kind == InstallmentKind.Regular && row.DueDate <= date)
            {
                paymentsMade++;
                onDueDate |= row.DueDate == date;
            }
        }

        if (!onDueDate)
        {
            return new Calculator(null, [], $"{Amounts.Date(date)} is not a due date; the closed form prices a prepayment made right after a regular payment");
        }

        var quotes = new List<PrepaymentQuote>(options.Length);
        try
        {
            foreach (PrepaymentOption option in options)
            {
                quotes.Add(PrepaymentQuote.AfterPayment(loan, paymentsMade, amount, option));
            }
        }
        catch (ArgumentException e) when (e.ParamName == "loan")
        {
            return new Calculator(paymentsMade, [], "the closed form needs a fixed-rate loan");
        }
        catch (ArgumentException e)
        {
            return new Calculator(paymentsMade, [], "the closed form refused: " + LoanSpecReader.LibraryText(e));
        }

        return new Calculator(paymentsMade, quotes, null);
    }

    // ------------------------------------------------------------------ the report, as rows of figures

    private sealed record Calculator(int? PaymentsMade, IReadOnlyList<PrepaymentQuote> Quotes, string? Unavailable);

    private sealed record Report(Loan Loan, LocalDate Date, decimal Amount, IReadOnlyList<PrepaymentComparison> Comparisons, Calculator Calculator)
    {
        /// <summary>The leg of a combined spec the loan is, or null.</summary>
        internal string? Leg { get; init; }

        internal Schedule Baseline => Comparisons[0].Baseline;

        internal int Places => Loan.Rounding.DecimalPlaces;

        internal string A(decimal amount) => Amounts.Grouped(amount, Places);

        internal string A(decimal? amount) => amount is { } value ? A(value) : "—";

        /// <summary>The regular rows after the prepayment date.</summary>
        internal static int PaymentsAfter(Schedule schedule, LocalDate date) =>
            schedule.Count(r => r.Kind is InstallmentKind.Regular or InstallmentKind.Balloon && r.DueDate > date);

        internal List<(string Label, string[] Values)> ScheduleRows()
        {
            string[] Each(Func<PrepaymentComparison, string> value) => [.. Comparisons.Select(value)];
            return
            [
                ("Interest saved", Each(c => A(c.InterestSaved))),
                ("Payments saved", Each(c => I(c.PeriodsSaved))),
                ("Payments left after the prepayment", Each(c => I(PaymentsAfter(c.Alternative, Date)))),
                ("New payment", Each(c => A(c.NewPayment))),
                ("Last payment", Each(c => A(c.Alternative.Last.Payment))),
                ("Last due date", Each(c => Amounts.Date(c.Alternative.Last.DueDate))),
                ("Penalties", Each(c => A(c.PenaltiesPaid))),
                ("Total interest", Each(c => A(c.Alternative.TotalInterest))),
                ("Total cash out", Each(c => A(c.AlternativeCashOut))),
                ("Cash saved", Each(c => A(c.CashSaved))),
            ];
        }

        internal List<(string Label, string[] Values)> CalculatorRows()
        {
            string[] Each(Func<PrepaymentQuote, string> value) => [.. Calculator.Quotes.Select(value)];
            return
            [
                ("Balance before", Each(q => A(q.BalanceBefore))),
                ("Balance after", Each(q => A(q.BalanceAfter))),
                ("Payments left", Each(q => I(q.RemainingPeriods))),
                ("Term before rounding up (n*)", Each(q => q.ExactRemainingPeriods is { } n ? n.ToString("F2", CultureInfo.InvariantCulture) : "—")),
                ("Payments saved", Each(q => I(q.PeriodsSaved))),
                ("New payment", Each(q => A(q.NewPayment))),
                ("Last payment", Each(q => A(q.LastPayment))),
                ("Remaining interest without", Each(q => A(q.RemainingInterestWithout))),
                ("Remaining interest with", Each(q => A(q.RemainingInterestWith))),
                ("Interest saved", Each(q => A(q.InterestSaved))),
            ];
        }

        internal string[] Headers => [.. Comparisons.Select(c => c.Option!.ToString()!)];

        internal string PrepaymentLine()
        {
            int before = Baseline.Count(r => r.Kind == InstallmentKind.Regular && r.DueDate <= Date);
            bool onDue = Baseline.Any(r => r.Kind == InstallmentKind.Regular && r.DueDate == Date);
            string when = onDue ? $"right after regular payment {I(before)} (a due date)" : $"between due dates, after {I(before)} regular payment(s)";
            return $"Prepayment: {A(Amount)} on {Amounts.Date(Date)}, {when}; interest with it: {QuoteFigures.InterestPolicy(Loan.PrepaymentInterest)}; penalty: {Loan.PrepaymentPenalty}.";
        }

        internal string BaselineLine() =>
            $"Without it: {I(Baseline.RegularPayments)} regular payments, last payment {A(Baseline.Last.Payment)} on {Amounts.Date(Baseline.Last.DueDate)}, " +
            $"total interest {A(Baseline.TotalInterest)}, total cash out {A(Comparisons[0].BaselineCashOut)}.";

        internal string CalculatorTitle => Calculator.PaymentsMade is { } k
            ? $"Calculator (closed-form), prepaying right after payment {I(k)}:"
            : "Calculator (closed-form):";

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------ table

    private static string Table(Report report)
    {
        var text = new StringBuilder();
        text.Append(QuoteFigures.Summary(report.Baseline)).Append('\n');
        text.Append(report.PrepaymentLine()).Append('\n');
        text.Append(report.BaselineLine()).Append("\n\n");
        List<(string Label, string[] Values)> scheduleRows = report.ScheduleRows();
        List<(string Label, string[] Values)> calculatorRows = report.Calculator.Quotes.Count > 0 ? report.CalculatorRows() : [];
        int labelWidth = scheduleRows.Concat(calculatorRows).Max(r => r.Label.Length) + 2;
        string[] headers = report.Headers;
        int[] widths = [.. headers.Select((h, k) => Math.Max(h.Length, scheduleRows.Concat(calculatorRows).Max(r => r.Values[k].Length)))];

        void Line(string label, string[] values)
        {
            text.Append(label.PadRight(labelWidth));
            for (int k = 0; k < values.Length; k++)
            {
                text.Append(k == 0 ? "" : "  ").Append(values[k].PadLeft(widths[k]));
            }

            text.Append('\n');
        }

        text.Append("Schedule (the bank's exact schedule):\n");
        Line("", headers);
        foreach ((string label, string[] values) in scheduleRows)
        {
            Line("  " + label, values);
        }

        text.Append('\n');
        if (calculatorRows.Count > 0)
        {
            text.Append(report.CalculatorTitle).Append('\n');
            Line("", headers);
            foreach ((string label, string[] values) in calculatorRows)
            {
                Line("  " + label, values);
            }
        }
        else
        {
            text.Append("Calculator (closed-form): not shown: ").Append(report.Calculator.Unavailable).Append(".\n");
        }

        text.Append('\n').Append(Note).Append('\n');
        return text.ToString();
    }

    // ------------------------------------------------------------------ markdown

    private static string Markdown(Report report)
    {
        var text = new StringBuilder();
        text.Append(QuoteFigures.Summary(report.Baseline)).Append("\n\n");
        text.Append(report.PrepaymentLine()).Append("\n\n");
        text.Append(report.BaselineLine()).Append("\n\n");

        void Table(string title, List<(string Label, string[] Values)> rows)
        {
            text.Append("**").Append(title.TrimEnd(':')).Append("**\n\n");
            text.Append("| |");
            foreach (string header in report.Headers)
            {
                text.Append(' ').Append(header).Append(" |");
            }

            text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", report.Headers.Length))).Append('\n');
            foreach ((string label, string[] values) in rows)
            {
                text.Append("| ").Append(label).Append(" |");
                foreach (string value in values)
                {
                    text.Append(' ').Append(value).Append(" |");
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        Table("Schedule (the bank's exact schedule)", report.ScheduleRows());
        if (report.Calculator.Quotes.Count > 0)
        {
            Table(report.CalculatorTitle, report.CalculatorRows());
        }
        else
        {
            text.Append("Calculator (closed-form): not shown: ").Append(report.Calculator.Unavailable).Append(".\n\n");
        }

        text.Append(Note).Append('\n');
        return text.ToString();
    }

    // ------------------------------------------------------------------ json

    private static string Json(Report report)
    {
        int places = report.Places;
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            if (report.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, report.Baseline);

            json.WriteStartObject("prepayment");
            json.WriteString("date", Amounts.Date(report.Date));
            JsonScheduleWriter.WriteAmount(json, "amount", report.Amount, places);
            json.WriteString("prepayment_interest", QuoteFigures.InterestPolicy(report.Loan.PrepaymentInterest));
            json.WriteString("penalty_policy", report.Loan.PrepaymentPenalty.ToString());
            json.WriteEndObject();

            json.WriteStartObject("without_prepayment");
            json.WriteNumber("regular_payments", report.Baseline.RegularPayments);
            JsonScheduleWriter.WriteAmount(json, "last_payment", report.Baseline.Last.Payment, places);
            json.WriteString("last_due_date", Amounts.Date(report.Baseline.Last.DueDate));
            JsonScheduleWriter.WriteAmount(json, "total_interest", report.Baseline.TotalInterest, places);
            JsonScheduleWriter.WriteAmount(json, "total_penalty", report.Baseline.TotalPenalty, places);
            JsonScheduleWriter.WriteAmount(json, "cash_out", report.Comparisons[0].BaselineCashOut, places);
            json.WriteEndObject();

            json.WriteStartArray("options");
            for (int k = 0; k < report.Comparisons.Count; k++)
            {
                PrepaymentComparison c = report.Comparisons[k];
                json.WriteStartObject();
                json.WriteString("option", c.Option!.ToString());
                json.WriteStartObject("schedule");
                JsonScheduleWriter.WriteAmount(json, "interest_saved", c.InterestSaved, places);
                json.WriteNumber("periods_saved", c.PeriodsSaved);
                json.WriteNumber("regular_payments", c.Alternative.RegularPayments);
                json.WriteNumber("payments_after_prepayment", Report.PaymentsAfter(c.Alternative, report.Date));
                JsonScheduleWriter.WriteAmount(json, "new_payment", c.NewPayment, places);
                JsonScheduleWriter.WriteAmount(json, "last_payment", c.Alternative.Last.Payment, places);
                json.WriteString("last_due_date", Amounts.Date(c.Alternative.Last.DueDate));
                JsonScheduleWriter.WriteAmount(json, "penalties", c.PenaltiesPaid, places);
                JsonScheduleWriter.WriteAmount(json, "total_interest", c.Alternative.TotalInterest, places);
                JsonScheduleWriter.WriteAmount(json, "cash_out", c.AlternativeCashOut, places);
                JsonScheduleWriter.WriteAmount(json, "cash_saved", c.CashSaved, places);
                json.WriteEndObject();

                json.WritePropertyName("calculator");
                if (report.Calculator.Quotes.Count > k)
                {
                    PrepaymentQuote q = report.Calculator.Quotes[k];
                    json.WriteStartObject();
                    json.WriteNumber("payments_made", q.PaymentsMade);
                    JsonScheduleWriter.WriteAmount(json, "balance_before", q.BalanceBefore, places);
                    JsonScheduleWriter.WriteAmount(json, "balance_after", q.BalanceAfter, places);
                    json.WriteNumber("remaining_periods", q.RemainingPeriods);
                    json.WritePropertyName("exact_remaining_periods");
                    if (q.ExactRemainingPeriods is { } n)
                    {
                        json.WriteRawValue(n.ToString("F2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    json.WriteNumber("periods_saved", q.PeriodsSaved);
                    JsonScheduleWriter.WriteAmount(json, "new_payment", q.NewPayment, places);
                    JsonScheduleWriter.WriteAmount(json, "last_payment", q.LastPayment, places);
                    JsonScheduleWriter.WriteAmount(json, "remaining_interest_without", q.RemainingInterestWithout, places);
                    JsonScheduleWriter.WriteAmount(json, "remaining_interest_with", q.RemainingInterestWith, places);
                    JsonScheduleWriter.WriteAmount(json, "interest_saved", q.InterestSaved, places);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.Calculator.Unavailable is { } why)
            {
                json.WriteString("calculator_unavailable", why);
            }
            else
            {
                json.WriteNull("calculator_unavailable");
            }

            json.WriteString("note", Note);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
