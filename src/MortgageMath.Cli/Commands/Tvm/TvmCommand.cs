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
    /// <summary>The options each function may leave out (the others are required, except --values/--flows/--file: one of them).</summary>
    private static readonly HashSet<string> Optional = new(StringComparer.Ordinal) { "--fv", "--type", "--guess", "--format" };

    /// <summary>Each option's help name and description (in the run's language: read when the commands are made, per
    /// run); an option a function may leave out gets its default appended.</summary>
    private static Dictionary<string, (string HelpName, string Description, string? Default)> OptionHelp() => new(StringComparer.Ordinal)
    {
        ["--rate"] = ("RATE", CliText.Help_TvmOptRate, null),
        ["--xrate"] = ("RATE", CliText.Help_TvmOptXrate, null),
        ["--nper"] = ("N", CliText.Help_TvmOptNper, null),
        ["--per"] = ("N", CliText.Help_TvmOptPer, null),
        ["--pv"] = ("AMOUNT", CliText.Help_TvmOptPv, "0"),
        ["--fv"] = ("AMOUNT", CliText.Help_TvmOptFv, "0"),
        ["--pmt"] = ("AMOUNT", CliText.Help_TvmOptPmt, null),
        ["--type"] = ("end|begin", CliText.Help_TvmOptType, "end"),
        ["--guess"] = ("RATE", CliText.Help_TvmOptGuess, "10%"),
        ["--values"] = ("V1,V2,...", CliText.Help_TvmOptValues, ""),
        ["--flows"] = ("DATE=AMOUNT,...", CliText.Help_TvmOptFlows, ""),
        ["--file"] = ("FILE", CliText.Help_TvmOptFile, ""),
        ["--format"] = ("table|json|csv", CliText.Help_TvmOptFormat, "table"),
    };

    private readonly List<Function> _functions;

    /// <summary>Creates the command and its subcommands.</summary>
    internal TvmCommand()
    {
        Dictionary<string, (string HelpName, string Description, string? Default)> help = OptionHelp();
        _functions =
        [
            new("pmt", "PMT", CliText.Help_TvmPmt, ["--rate", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount, help,
                r => Tvm.Pmt(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("ipmt", "IPMT", CliText.Help_TvmIpmt, ["--rate", "--per", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount, help,
                r => Tvm.IPmt(r.Rate("--rate"), r.Int("--per"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("ppmt", "PPMT", CliText.Help_TvmPpmt, ["--rate", "--per", "--nper", "--pv", "--fv", "--type"], ResultKind.Amount, help,
                r => Tvm.PPmt(r.Rate("--rate"), r.Int("--per"), r.Int("--nper"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("pv", "PV", CliText.Help_TvmPv, ["--rate", "--nper", "--pmt", "--fv", "--type"], ResultKind.Amount, help,
                r => Tvm.Pv(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pmt"), r.Amount("--fv", 0m), r.Type())),
            new("fv", "FV", CliText.Help_TvmFv, ["--rate", "--nper", "--pmt", "--pv", "--type"], ResultKind.Amount, help,
                r => Tvm.Fv(r.Rate("--rate"), r.Int("--nper"), r.Amount("--pmt"), r.Amount("--pv", 0m), r.Type())),
            new("nper", "NPER", CliText.Help_TvmNper, ["--rate", "--pmt", "--pv", "--fv", "--type"], ResultKind.Periods, help,
                r => Tvm.NPer(r.Rate("--rate"), r.Amount("--pmt"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type())),
            new("rate", "RATE", CliText.Help_TvmRate, ["--nper", "--pmt", "--pv", "--fv", "--type", "--guess"], ResultKind.RatePerPeriod, help,
                r => Tvm.Rate(r.Int("--nper"), r.Amount("--pmt"), r.Amount("--pv"), r.Amount("--fv", 0m), r.Type(), r.Guess())),
            new("npv", "NPV", CliText.Help_TvmNpv, ["--rate", "--values", "--file"], ResultKind.Amount, help,
                r => CashFlows.Npv(r.Rate("--rate"), r.Values())),
            new("irr", "IRR", CliText.Help_TvmIrr, ["--values", "--file", "--guess"], ResultKind.RatePerPeriod, help,
                r => CashFlows.Irr(r.Values(), r.Guess())),
            new("xnpv", "XNPV", CliText.Help_TvmXnpv, ["--xrate", "--flows", "--file"], ResultKind.Amount, help,
                r => CashFlows.Xnpv(r.Rate("--rate"), r.Flows())),
            new("xirr", "XIRR", CliText.Help_TvmXirr, ["--flows", "--file", "--guess"], ResultKind.RatePerYear, help,
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
