using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Spec;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage tvm FUNCTION</c> commands: Excel's time-value functions (<see cref="Tvm"/>: PMT, IPMT, PPMT, PV, FV,
/// NPER, RATE; <see cref="CashFlows"/>: NPV, IRR, XNPV, XIRR) with Excel's arguments, defaults and sign convention
/// (money received positive, paid negative). Rates are written with their unit, per period (<c>0.5%</c>, <c>50bp</c>,
/// or <c>6%/12</c>: 6% a year paid monthly); a bare number is refused as everywhere in the tool. The result is printed
/// with every digit the library computes; nothing is rounded or re-computed here.
/// </summary>
internal sealed class TvmCommand
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

        Command = new Command("tvm", "Excel's time-value functions (PMT, IPMT, PPMT, PV, FV, NPER, RATE, NPV, IRR, XNPV, XIRR), exactly, in decimal.");
        foreach (Function function in _functions)
        {
            Command.Subcommands.Add(function.Command);
        }
    }

    /// <summary>What a function returns, for the table's extra line.</summary>
    private enum ResultKind
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
                _ => throw new UsageException($"--format '{ArgumentParsers.Echo(formatText)}' is not a format for tvm; write table, json or csv."),
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
            throw new UsageException($"{function.Excel}: the result is beyond the decimal range (about ±7.9e28).");
        }

        string text = format switch
        {
            OutputFormat.Json => Json(function, reader, value),
            OutputFormat.Csv => $"function,result\n{function.Name},{Amounts.Exact(value)}\n",
            _ => Table(function, reader, value),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }

    private static string Table(Function function, Reader reader, decimal value)
    {
        var text = new StringBuilder();
        text.Append(function.Excel).Append('(')
            .AppendJoin(", ", reader.Arguments.Select(a => a.Name + " " + a.Display))
            .Append(")\n= ").Append(Amounts.Exact(value)).Append('\n');
        if (function.Kind is ResultKind.RatePerPeriod or ResultKind.RatePerYear)
        {
            text.Append("= ").Append(Amounts.Exact(value * 100m / 1.0000000000000000000000000000m)).Append(function.Kind == ResultKind.RatePerYear ? "% a year\n" : "% per period\n");
        }

        return text.ToString();
    }

    private static string Json(Function function, Reader reader, decimal value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("function", function.Name);
            json.WriteStartObject("arguments");
            foreach (Argument argument in reader.Arguments)
            {
                json.WritePropertyName(argument.Name);
                argument.WriteJson(json);
            }

            json.WriteEndObject();
            json.WritePropertyName("result");
            json.WriteRawValue(Amounts.Exact(value));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>One argument as read: its Excel name, how the table shows it, how JSON writes it.</summary>
    private sealed record Argument(string Name, string Display, Action<Utf8JsonWriter> WriteJson);

    /// <summary>One function: its subcommand, options and computation.</summary>
    private sealed class Function
    {
        private readonly Dictionary<string, Option<string>> _options = new(StringComparer.Ordinal);

        internal Function(string name, string excel, string description, string[] options, ResultKind kind, Func<Reader, decimal> compute)
        {
            Name = name;
            Excel = excel;
            Kind = kind;
            Compute = compute;
            Command = new Command(name, $"{excel}: {description}");
            foreach (string key in (string[])[.. options, "--format"])
            {
                (string helpName, string help, string? byDefault) = OptionHelp[key];
                bool optional = Optional.Contains(key) || (key == "--pv" && name == "fv");
                string text = byDefault == "" ? help : optional ? $"{help} Default: {byDefault}." : $"{help} Required.";
                string optionName = key == "--xrate" ? "--rate" : key;
                var option = new Option<string>(optionName) { Description = text, HelpName = helpName };
                _options[optionName] = option;
                Command.Options.Add(option);
            }
        }

        internal string Name { get; }

        internal string Excel { get; }

        internal ResultKind Kind { get; }

        internal Func<Reader, decimal> Compute { get; }

        internal Command Command { get; }

        internal Option<string> Option(string name) => _options[name];

        internal bool Has(string name) => _options.ContainsKey(name);
    }

    /// <summary>Reads a function's arguments from the command line, in the order the computation asks for them,
    /// and records each as read so the output echoes exactly what was computed.</summary>
    private sealed class Reader(ParseResult result, Function function)
    {
        private string? _valuesOption;

        internal List<Argument> Arguments { get; } = [];

        /// <summary>The option a library parameter came from, for its error message.</summary>
        internal string? OptionFor(string parameter) => parameter switch
        {
            "values" or "flows" => _valuesOption,
            _ => function.Has("--" + parameter) ? "--" + parameter : null,
        };

        internal decimal Rate(string option)
        {
            decimal rate = ParseRate(option, Required(option));
            Record("rate", Amounts.Exact(rate), rate);
            return rate;
        }

        internal decimal Guess()
        {
            string? text = result.GetValue(function.Option("--guess"));
            decimal guess = text is null ? 0.1m : ParseRate("--guess", text);
            Record("guess", Amounts.Exact(guess), guess);
            return guess;
        }

        internal int Int(string option)
        {
            string text = Required(option);
            if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                throw new UsageException($"{option} '{ArgumentParsers.Echo(text)}' is not a whole number; write e.g. {option} 360.");
            }

            Arguments.Add(new Argument(option[2..], value.ToString(CultureInfo.InvariantCulture), json => json.WriteNumberValue(value)));
            return value;
        }

        internal decimal Amount(string option, decimal? byDefault = null)
        {
            string? text = result.GetValue(function.Option(option));
            decimal value = text is null
                ? byDefault ?? throw MissingOption(option)
                : ParseAmount(option, text);
            Record(option[2..], Amounts.Exact(value), value);
            return value;
        }

        internal PaymentTiming Type()
        {
            string? text = result.GetValue(function.Option("--type"));
            PaymentTiming type = text?.Trim().ToLowerInvariant() switch
            {
                null or "end" or "0" => PaymentTiming.EndOfPeriod,
                "begin" or "1" => PaymentTiming.BeginningOfPeriod,
                _ => throw new UsageException(
                    $"--type '{ArgumentParsers.Echo(text)}' is not a payment timing; write end (Excel 0, the default) or begin (Excel 1)."),
            };
            string name = type == PaymentTiming.EndOfPeriod ? "end" : "begin";
            Arguments.Add(new Argument("type", name, json => json.WriteStringValue(name)));
            return type;
        }

        internal decimal[] Values()
        {
            decimal[] values = Source("--values", "the values", "--values V1,V2,...") is { } inline
                ? ParseValues(inline)
                : ReadValuesFile(result.GetValue(function.Option("--file"))!);
            Arguments.Add(new Argument("values", Describe(values.Select(Amounts.Exact).ToList()), json =>
            {
                json.WriteStartArray();
                foreach (decimal value in values)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }));
            return values;
        }

        internal (LocalDate Date, decimal Amount)[] Flows()
        {
            (LocalDate Date, decimal Amount)[] flows = Source("--flows", "the flows", "--flows DATE=AMOUNT,...") is { } inline
                ? ParseFlows(inline)
                : ReadFlowsFile(result.GetValue(function.Option("--file"))!);
            Arguments.Add(new Argument("flows", Describe(flows.Select(f => $"{Amounts.Date(f.Date)} {Amounts.Exact(f.Amount)}").ToList()), json =>
            {
                json.WriteStartArray();
                foreach ((LocalDate date, decimal amount) in flows)
                {
                    json.WriteStartObject();
                    json.WriteString("date", Amounts.Date(date));
                    json.WritePropertyName("amount");
                    json.WriteRawValue(Amounts.Exact(amount));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }));
            return flows;
        }

        /// <summary>The inline list, or null when the file is to be read; exactly one of the two must be given.</summary>
        private string? Source(string option, string what, string syntax)
        {
            string? inline = result.GetValue(function.Option(option));
            string? file = result.GetValue(function.Option("--file"));
            if (inline is not null && file is not null)
            {
                throw new UsageException($"give {what} once: {option} or --file, not both.");
            }

            if (inline is null && file is null)
            {
                throw new UsageException($"{what} are missing; give {syntax} or --file FILE.");
            }

            _valuesOption = inline is not null ? option : "--file";
            return inline;
        }

        private void Record(string name, string display, decimal value) =>
            Arguments.Add(new Argument(name, display, json => json.WriteRawValue(Amounts.Exact(value))));

        private string Required(string option) => result.GetValue(function.Option(option)) ?? throw MissingOption(option);

        private UsageException MissingOption(string option) =>
            new($"Option '{option}' is required; see 'mortgage tvm {function.Name} --help'.");

        private static string Describe(List<string> items) =>
            "[" + string.Join(", ", items.Take(6)) + (items.Count > 6 ? $", … ({items.Count.ToString(CultureInfo.InvariantCulture)} values)" : "") + "]";
    }

    /// <summary>
    /// A TVM rate: per period, with its unit (<c>0.5%</c>, <c>50bp</c>), optionally divided by the periods a year
    /// (<c>6%/12</c>), as a fraction. Unlike a loan's rate it may be negative or above 100% (the library checks > −100%).
    /// </summary>
    internal static decimal ParseRate(string option, string text)
    {
        string trimmed = text.Trim();
        int divisor = 1;
        int slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(trimmed[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out divisor) || divisor < 1)
            {
                throw new UsageException(
                    $"{option} '{ArgumentParsers.Echo(text)}': the number of periods a year must be a whole number from 1 up; write e.g. 8%/12.");
            }

            trimmed = trimmed[..slash].TrimEnd();
        }

        decimal fraction;
        if (trimmed.EndsWith('%') && ArgumentParsers.TryParsePlainDecimal(trimmed[..^1].TrimEnd(), out decimal percent))
        {
            fraction = percent / 100m;
        }
        else if (trimmed.EndsWith("bp", StringComparison.OrdinalIgnoreCase) && ArgumentParsers.TryParsePlainDecimal(trimmed[..^2].TrimEnd(), out decimal basisPoints))
        {
            fraction = basisPoints / 10_000m;
        }
        else if (ArgumentParsers.TryParsePlainDecimal(trimmed, out decimal bare))
        {
            string asBasisPoints = (bare * 100m / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
            throw new UsageException(
                $"{option} '{ArgumentParsers.Echo(text)}' has no unit; write {ArgumentParsers.Echo(trimmed)}% or {ArgumentParsers.Echo(asBasisPoints)}bp (a rate per period: 8%/12 is 8% a year paid monthly).");
        }
        else
        {
            throw new UsageException(
                $"{option} '{ArgumentParsers.Echo(text)}' is not a rate; write a rate per period with its unit, e.g. 0.5%, 50bp or 6%/12.");
        }

        return fraction / divisor;
    }

    private static decimal ParseAmount(string option, string text) => ArgumentParsers.TryParsePlainDecimal(text, out decimal value)
        ? value
        : throw new UsageException(
            $"{option} '{ArgumentParsers.Echo(text)}' is not an amount; write a plain number with its sign (received positive, paid negative), e.g. 10000 or -200.");

    private static decimal[] ParseValues(string text)
    {
        string[] parts = text.Split(',');
        var values = new decimal[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ArgumentParsers.TryParsePlainDecimal(parts[i], out values[i]))
            {
                throw new UsageException(
                    $"--values: value {(i + 1).ToString(CultureInfo.InvariantCulture)} '{ArgumentParsers.Echo(parts[i].Trim())}' is not a number; write the values as plain numbers separated by commas, e.g. -10000,3000,4200.");
            }
        }

        return values;
    }

    private static (LocalDate, decimal)[] ParseFlows(string text)
    {
        string[] parts = text.Split(',');
        var flows = new (LocalDate, decimal)[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            string at = $"--flows: flow {(i + 1).ToString(CultureInfo.InvariantCulture)} '{ArgumentParsers.Echo(part)}'";
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new UsageException($"{at} is not DATE=AMOUNT; write e.g. 2008-03-01=2750.");
            }

            string dateText = part[..equals].Trim();
            string amountText = part[(equals + 1)..].Trim();
            if (LocalDatePattern.Iso.Parse(dateText) is not { Success: true } date)
            {
                throw new UsageException($"{at}: '{ArgumentParsers.Echo(dateText)}' is not a valid date; write yyyy-MM-dd=AMOUNT, e.g. 2008-03-01=2750.");
            }

            if (!ArgumentParsers.TryParsePlainDecimal(amountText, out decimal amount))
            {
                throw new UsageException($"{at}: '{ArgumentParsers.Echo(amountText)}' is not a number; write yyyy-MM-dd=AMOUNT, e.g. 2008-03-01=2750.");
            }

            flows[i] = (date.Value, amount);
        }

        return flows;
    }

    /// <summary>The content lines of a file (blank and <c>#</c> lines left out), each with its line number.</summary>
    private static IEnumerable<(int Number, string Text)> ContentLines(string path)
    {
        string[] lines = InputFiles.ReadText("--file", path).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (i + 1, line);
            }
        }
    }

    private static decimal[] ReadValuesFile(string path)
    {
        var values = new List<decimal>();
        bool first = true;
        foreach ((int number, string line) in ContentLines(path))
        {
            bool header = first && line.Any(char.IsAsciiLetter);
            first = false;
            if (header)
            {
                continue;
            }

            if (!ArgumentParsers.TryParsePlainDecimal(line, out decimal value))
            {
                throw new UsageException(
                    $"--file '{path}' line {number.ToString(CultureInfo.InvariantCulture)}: '{ArgumentParsers.Echo(line)}' is not a number; write one value a line, e.g. -10000.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? [.. values] : throw new UsageException($"--file '{path}' has no values; write one value a line, e.g. -10000.");
    }

    private static (LocalDate, decimal)[] ReadFlowsFile(string path)
    {
        const string Hint = "write date,amount lines, e.g. 2008-03-01,2750.";
        var flows = new List<(LocalDate, decimal)>();
        bool first = true;
        foreach ((int number, string line) in ContentLines(path))
        {
            string at = $"--file '{path}' line {number.ToString(CultureInfo.InvariantCulture)}";
            string[] fields = line.Split(',');
            bool isFirst = first;
            first = false;
            if (fields.Length != 2)
            {
                throw new UsageException($"{at}: '{ArgumentParsers.Echo(line)}' is not date,amount; {Hint}");
            }

            string dateText = fields[0].Trim();
            if (LocalDatePattern.Iso.Parse(dateText) is not { Success: true } date)
            {
                if (isFirst && dateText.Any(char.IsAsciiLetter))
                {
                    continue; // a header
                }

                throw new UsageException($"{at}: '{ArgumentParsers.Echo(dateText)}' is not a valid date; {Hint}");
            }

            string amountText = fields[1].Trim();
            if (!ArgumentParsers.TryParsePlainDecimal(amountText, out decimal amount))
            {
                throw new UsageException($"{at}: '{ArgumentParsers.Echo(amountText)}' is not a number; {Hint}");
            }

            flows.Add((date.Value, amount));
        }

        return flows.Count > 0 ? [.. flows] : throw new UsageException($"--file '{path}' has no flows; {Hint}");
    }
}
