using System.CommandLine;
using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>Reading a tvm function's arguments.</summary>
internal sealed partial class TvmCommand
{
    /// <summary>Reads a function's arguments from the command line, in the order the computation asks for them,
    /// and records each as read so the output echoes exactly what was computed.</summary>
    internal sealed class Reader(ParseResult result, Function function)
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
                throw new UsageException(Language.Format(CliText.Tvm_ErrWhole, option, ArgumentParsers.Echo(text)));
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
                _ => throw new UsageException(Language.Format(CliText.Tvm_ErrType, ArgumentParsers.Echo(text))),
            };
            string name = type == PaymentTiming.EndOfPeriod ? "end" : "begin";
            Arguments.Add(new Argument("type", name, json => json.WriteStringValue(name)));
            return type;
        }

        internal decimal[] Values()
        {
            decimal[] values = Source("--values", CliText.Tvm_ErrValuesTwice, CliText.Tvm_ErrValuesMissing, "--values V1,V2,...") is { } inline
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
            (LocalDate Date, decimal Amount)[] flows = Source("--flows", CliText.Tvm_ErrFlowsTwice, CliText.Tvm_ErrFlowsMissing, "--flows DATE=AMOUNT,...") is { } inline
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
        private string? Source(string option, string twice, string missing, string syntax)
        {
            string? inline = result.GetValue(function.Option(option));
            string? file = result.GetValue(function.Option("--file"));
            if (inline is not null && file is not null)
            {
                throw new UsageException(Language.Format(twice, option));
            }

            if (inline is null && file is null)
            {
                throw new UsageException(Language.Format(missing, syntax));
            }

            _valuesOption = inline is not null ? option : "--file";
            return inline;
        }

        private void Record(string name, string display, decimal value) =>
            Arguments.Add(new Argument(name, display, json => json.WriteRawValue(Amounts.Exact(value))));

        private string Required(string option) => result.GetValue(function.Option(option)) ?? throw MissingOption(option);

        private UsageException MissingOption(string option) =>
            new(Language.Format(CliText.Loan_OptionRequired, option, "tvm " + function.Name));

        private static string Describe(List<string> items) =>
            "[" + string.Join(", ", items.Take(6)) + (items.Count > 6 ? $", … ({items.Count.ToString(CultureInfo.InvariantCulture)} values)" : "") + "]";
    }
}
