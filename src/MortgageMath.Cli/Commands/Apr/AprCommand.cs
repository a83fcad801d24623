using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
        Description = "Fees paid (or withheld) at disbursement, a plain number: 0 or more, less than the principal. The borrower receives the principal less these. Default: 0.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _periodicFee = new("--periodic-fee")
    {
        Description = "A fee paid with every regular payment (an account or insurance fee), a plain number, 0 or more. Default: 0.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), json or markdown.",
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal AprCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("apr", today, withLeg: true);
        Command = new Command("apr", "The annualized rate of a loan with its fees: PBoC [2021] No.3 (IRR, nominal and effective) and the Regulation Z APR.");
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
            throw new UsageException(
                "the annualized rate of these cash flows is beyond ±1000% a year, the most a rate holds; check the fees against the principal.");
        }
        catch (NoSolutionException e)
        {
            throw new UsageException($"no rate balances these cash flows: {e.Message}");
        }

        var report = new Report(schedule, upfront, periodic, flows, pboc, regZ, single.Leg);
        string text = format switch
        {
            OutputFormat.Json => Json(report),
            OutputFormat.Markdown => Markdown(report, single.LegLine),
            _ => Table(report, single.LegLine),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }

    private const string PbocTitle = "Annualized rate, PBoC [2021] No.3 (IRR method, 内部收益率法)";

    private const string RegZTitle = "APR, Regulation Z Appendix J (actuarial method, monthly unit-period)";

    private sealed record Report(Schedule Schedule, decimal Upfront, decimal Periodic, LoanCashFlows Flows, PbocAnnualizedRate Pboc, RegZApr RegZ, string? Leg)
    {
        internal int Places => Schedule.Loan.Rounding.DecimalPlaces;

        internal decimal TotalPayments => Flows.Payments.Sum(p => p.Amount);

        internal string A(decimal amount) => Amounts.Grouped(amount, Places);

        internal string FeesLine()
        {
            var parts = new List<string>(2);
            if (Upfront != 0m)
            {
                parts.Add($"{A(Upfront)} up front (received: {A(Flows.Advance)} of the {A(Schedule.Loan.Principal)} lent)");
            }

            if (Periodic != 0m)
            {
                parts.Add($"{A(Periodic)} with each regular payment");
            }

            return parts.Count == 0 ? "Fees: none." : $"Fees: {string.Join(", ", parts)}.";
        }

        internal string FlowsLine() =>
            $"Cash flows: {A(Flows.Advance)} received on {Amounts.Date(Flows.AdvanceDate)}; " +
            $"{Flows.Payments.Count.ToString(CultureInfo.InvariantCulture)} payments from {Amounts.Date(Flows.Payments[0].Date)} " +
            $"to {Amounts.Date(Flows.Payments[^1].Date)}, {A(TotalPayments)} in total.";

        internal (string Label, string Value)[] PbocFigures() =>
        [
            ("Monthly IRR", MonthlyPercent(Pboc.PeriodicRate)),
            ("Nominal annualized rate (monthly IRR × 12)", TwoDecimals(Pboc.Nominal.ToPercent())),
            ("Effective annualized rate ((1 + monthly IRR)^12 − 1)", TwoDecimals(Pboc.Effective.ToPercent())),
        ];

        internal (string Label, string Value)[] RegZFigures() =>
        [
            ("Unit-period rate", MonthlyPercent(RegZ.UnitPeriodRate) + " a month"),
            ("APR (unit-period rate × 12, disclosed to two decimals)", RegZ.Disclosed.ToString("0.00", CultureInfo.InvariantCulture) + "%"),
        ];

        private static string MonthlyPercent(decimal fraction) =>
            decimal.Round(fraction * 100m, 7, MidpointRounding.AwayFromZero).ToString("0.0000000", CultureInfo.InvariantCulture) + "%";

        private static string TwoDecimals(decimal percent) =>
            decimal.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";
    }

    private static string Table(Report report, string? legLine)
    {
        var text = new StringBuilder();
        if (legLine is not null)
        {
            text.Append(legLine).Append('\n');
        }

        text.Append(QuoteFigures.Summary(report.Schedule)).Append('\n');
        text.Append(report.FeesLine()).Append('\n');
        text.Append(report.FlowsLine()).Append("\n\n");
        text.Append(PbocTitle).Append(":\n");
        foreach ((string label, string value) in report.PbocFigures())
        {
            text.Append("  ").Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append(RegZTitle).Append(":\n");
        foreach ((string label, string value) in report.RegZFigures())
        {
            text.Append("  ").Append(label).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    private static string Markdown(Report report, string? legLine)
    {
        var text = new StringBuilder();
        if (legLine is not null)
        {
            text.Append(legLine).Append("\n\n");
        }

        text.Append(QuoteFigures.Summary(report.Schedule)).Append("\n\n");
        text.Append("- ").Append(report.FeesLine()).Append('\n');
        text.Append("- ").Append(report.FlowsLine()).Append("\n\n");
        text.Append("**").Append(PbocTitle).Append("**\n\n");
        foreach ((string label, string value) in report.PbocFigures())
        {
            text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append("\n**").Append(RegZTitle).Append("**\n\n");
        foreach ((string label, string value) in report.RegZFigures())
        {
            text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(Report report)
    {
        int places = report.Places;
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            if (report.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, report.Schedule);

            json.WriteStartObject("fees");
            JsonScheduleWriter.WriteAmount(json, "upfront", report.Upfront, places);
            JsonScheduleWriter.WriteAmount(json, "periodic", report.Periodic, places);
            json.WriteEndObject();

            json.WriteStartObject("cash_flows");
            JsonScheduleWriter.WriteAmount(json, "advance", report.Flows.Advance, places);
            json.WriteString("advance_date", Amounts.Date(report.Flows.AdvanceDate));
            json.WriteNumber("payments", report.Flows.Payments.Count);
            json.WriteString("first_payment_date", Amounts.Date(report.Flows.Payments[0].Date));
            json.WriteString("last_payment_date", Amounts.Date(report.Flows.Payments[^1].Date));
            JsonScheduleWriter.WriteAmount(json, "total_payments", report.TotalPayments, places);
            json.WriteEndObject();

            json.WriteStartObject("pboc");
            json.WriteString("method", "PBoC [2021] No.3, IRR (compound) method");
            WriteExact(json, "monthly_rate", report.Pboc.PeriodicRate);
            WriteExact(json, "nominal_pct", report.Pboc.Nominal.ToPercent());
            WriteExact(json, "effective_pct", report.Pboc.Effective.ToPercent());
            json.WriteEndObject();

            json.WriteStartObject("reg_z");
            json.WriteString("method", "Regulation Z Appendix J, actuarial method");
            json.WriteString("unit_period", "month");
            WriteExact(json, "unit_period_rate", report.RegZ.UnitPeriodRate);
            WriteExact(json, "unit_periods_per_year", report.RegZ.UnitPeriodsPerYear);
            WriteExact(json, "annual_rate_pct", report.RegZ.AnnualRate.ToPercent());
            json.WritePropertyName("disclosed_pct");
            json.WriteRawValue(report.RegZ.Disclosed.ToString("0.00", CultureInfo.InvariantCulture));
            json.WriteEndObject();

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes a decimal as a JSON number with all its digits (invariant culture, no exponent).</summary>
    private static void WriteExact(Utf8JsonWriter json, string name, decimal value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(Amounts.Exact(value));
    }
}
