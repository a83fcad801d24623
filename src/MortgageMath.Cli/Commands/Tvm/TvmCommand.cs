using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage tvm FUNCTION</c> commands: Excel's time-value functions (<see cref="Tvm"/>: PMT, IPMT, PPMT, PV, FV,
/// NPER, RATE; <see cref="CashFlows"/>: NPV, IRR, XNPV, XIRR) with Excel's arguments, defaults and sign convention
/// (money received positive, paid negative). Rates are written with their unit, per period (<c>0.5%</c>, <c>50bp</c>,
/// or <c>6%/12</c>: 6% a year paid monthly); a bare number is refused as everywhere in the tool. The result is printed
/// with every digit the library computes; nothing is rounded or re-computed here.
/// </summary>
internal sealed partial class TvmCommand
{
    private const string RateHelp =
        "The rate per period with its unit: 0.5%, 50bp, or a yearly rate divided by the periods a year, 6%/12. A bare number is refused.";

    /// <summary>The options each function may leave out (the others are required, except --values/--flows/--file: one of them).</summary>
    private static readonly HashSet<string> Optional = new(StringComparer.Ordinal) { "--fv", "--type", "--guess", "--format" };

    /// <summary>Each option's help name and description; an option a function may leave out gets its default appended.</summary>
    private static readonly Dictionary<string, (string HelpName, string Description, string? Default)> OptionHelp = new(StringComparer.Ordinal)
    {
        ["--rate"] = ("RATE", RateHelp, null),
        ["--xrate"] = ("RATE", "The yearly discount rate with its unit (XNPV counts time in 365-day years): 9% or 900bp.", null),
        ["--nper"] = ("N", "The number of periods, a whole number.", null),
        ["--per"] = ("N", "The period, 1 to nper.", null),
        ["--pv"] = ("AMOUNT", "The present value: the amount borrowed (positive) or invested (negative), a plain number with its sign.", "0"),
        ["--fv"] = ("AMOUNT", "The future value wanted after the last payment, a plain number with its sign.", "0"),
        ["--pmt"] = ("AMOUNT", "The payment each period, a plain number with its sign (paid: negative).", null),
        ["--type"] = ("end|begin", "When payments fall: end of each period (Excel 0) or begin (Excel 1).", "end"),
        ["--guess"] = ("RATE", "Where the search starts, with its unit; the root nearest it is returned when there are several.", "10%"),
        ["--values"] = ("V1,V2,...", "The cash flows, equally spaced, as plain numbers separated by commas (the first at time 0 for IRR, one period out for NPV). This or --file.", ""),
        ["--flows"] = ("DATE=AMOUNT,...", "The dated cash flows, yyyy-MM-dd=AMOUNT separated by commas; time runs from the first date. This or --file.", ""),
        ["--file"] = ("FILE", "Read the values (one a line) or the flows (date,amount a line) from a file instead: a header line and '#' lines are allowed; at most 64 MB.", ""),
        ["--format"] = ("table|json|csv", "The output format: table, json or csv.", "table"),
    };

    private readonly List<Function> _functions;

    /// <summary>Creates the command and its subcommands.</summary>
    internal TvmCommand()
    {
        _functions =
        [
            new("pmt", "PMT", "The payment per period of a loan or an annuity.", ["--rate", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount,
                r => Tvm.Pmt(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("ipmt", "IPMT", "The interest part of the payment of period per.", ["--rate", "--per", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount,
                r => Tvm.IPmt(r.Rate("--rate"), r.Int("--per"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("ppmt", "PPMT", "The principal part of the payment of period per.", ["--rate", "--per", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount,
                r => Tvm.PPmt(r.Rate("--rate"), r.Int("--per"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("pv", "PV", "The present value of a series of payments.", ["--rate", "--nper", "--pmt", "--fv", "--type"], ResultKind.Amount,
                r => Tvm.Pv(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pmt"), r.Amount("--fv", 0m), r.Type())),
            new("fv", "FV", "The future value of a series of payments and a present value.", ["--rate", "--nper", "--pmt", "--pv", "--type"], ResultKind.Amount,
                r => Tvm.Fv(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pmt"), r.Amount("--pv", 0m), r.Type())),
            new("nper", "NPER", "The number of periods (may be fractional or negative).", ["--rate", "--pmt", "--pv", "--fv", "--type"], ResultKind.Periods,
                r => Tvm.NPer(r.Rate("--rate"), r.Amount("--pmt"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("rate", "RATE", "The rate per period that balances the payments.", ["--nper", "--pmt", "--pv", "--fv", "--type", "--guess"], ResultKind.RatePerPeriod,
                r => Tvm.Rate(r.Int("--nper"), r.Amount("--pmt"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type(), r.Guess())),
            new("npv", "NPV", "The net present value of equally spaced values, the first one period out.", ["--rate", "--values", "--file"], ResultKind.Amount,
                r => CashFlows.Npv(r.Rate("--rate"), r.Values())),
            new("irr", "IRR", "The internal rate of return per period of equally spaced values, the first at time 0.", ["--values", "--file", "--guess"], ResultKind.RatePerPeriod,
                r => CashFlows.Irr(r.Values(), r.Guess())),
            new("xnpv", "XNPV", "The net present value of dated cash flows at a yearly rate.", ["--xrate", "--flows", "--file"], ResultKind.Amount,
                r => CashFlows.Xnpv(r.Rate("--rate"), r.Flows())),
            new("xirr", "XIRR", "The yearly internal rate of return of dated cash flows.", ["--flows", "--file", "--guess"], ResultKind.RatePerYear,
                r => CashFlows.Xirr(r.Flows(), r.Guess())),
        ];

        Command = new Command("tvm", CliText.Help_Tvm);
        foreach (Function function in _functions)
        {
            Command.Subcommands.Add(function.Command);
        }
    }

    /// <summary>What a function returns, for the table's extra line.</summary>
    internal enum ResultKind
    {
        Amount,
        Periods,
        RatePerPeriod,
        RatePerYear,
    }

    /// <summary>The System.CommandLine command; its subcommands' actions are bound by <see cref="Bind"/>.</summary>
    internal Command Command { get; }

    /// <summary>Binds every function's action.</summary>
    /// <param name="stdout">Standard output.</param>
    internal void Bind(TextWriter stdout)
    {
        foreach (Function function in _functions)
        {
            function.Command.SetAction(result => Execute(function, result, stdout));
        }
    }

    private static int Execute(Function function, ParseResult result, TextWriter stdout)
    {
        OutputFormat format = result.GetValue(function.Option("--format")) is { } formatText
            ? formatText.Trim().ToLowerInvariant() switch
            {
                "table" => OutputFormat.Table,
                "json" => OutputFormat.Json,
                "csv" => OutputFormat.Csv,
                _ => throw new UsageException(Language.Format(CliText.Tvm_ErrFormat, ArgumentParsers.Echo(formatText))),
            }
            : OutputFormat.Table;

        var reader = new Reader(result, function);
        decimal value;
        try
        {
            value = function.Compute(reader);
        }
        catch (ArgumentException e) when (e.ParamName is { } name && reader.OptionFor(name) is { } option)
        {
            throw new UsageException($"{option}: {LoanSpecReader.LibraryText(e)}");
        }
        catch (NoSolutionException e)
        {
            throw new UsageException(e.Message);
        }
        catch (OverflowException)
        {
            throw new UsageException(Language.Format(CliText.Tvm_ErrOverflow, function.Excel));
        }

        string text = format switch
        {
            OutputFormat.Json => TvmResultWriter.Json(function, reader, value),
            OutputFormat.Csv => $"function,result\n{function.Name},{Amounts.Exact(value)}\n",
            _ => TvmResultWriter.Table(function, reader, value),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }
}
