using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage rates</c> command: prints the fixings of the rate table the tool uses (the shipped history, or it
/// with a <c>--rates</c> file), all indexes or one, from a date, with the table's as-of date.
/// </summary>
internal sealed class RatesCommand
{
    private readonly Option<string> _index = new("--index")
    {
        Description = "Only this index, e.g. lpr5y, lpr1y, pboc-5y, pf-first-gt5y. Default: every index.",
        HelpName = "NAME",
    };

    private readonly Option<string> _from = new("--from")
    {
        Description = "Only fixings effective on or after this date, yyyy-MM-dd.",
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), csv (the rate-file format, loadable with --rates) or json.",
        HelpName = "table|csv|json",
    };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = "A rate file (CSV: index,effective_date,rate_pct,source); each index in it replaces the shipped history of that index.",
        HelpName = "FILE",
    };

    /// <summary>Creates the command.</summary>
    internal RatesCommand()
    {
        Command = new Command("rates", "Print the reference-rate history (LPR, PBoC benchmark, provident fund) the tool uses, with its as-of date.");
        foreach (Option option in new Option[] { _index, _from, _format, _rates })
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
    /// <exception cref="UsageException">An option is invalid.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        string formatText = result.GetValue(_format) ?? "table";
        string format = formatText.Trim().ToLowerInvariant() switch
        {
            "table" => "table",
            "csv" => "csv",
            "json" => "json",
            _ => throw new UsageException($"--format '{formatText}' is not a format for rates; write table, csv or json."),
        };
        RateTable table = RateTables.Load(result.GetValue(_rates));
        RateIndex? only = null;
        if (result.GetValue(_index) is { } name)
        {
            only = table.Indexes.FirstOrDefault(i => string.Equals(i.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException(
                    $"--index '{name}' is not an index of the rate table; use one of {string.Join(", ", table.Indexes.Select(i => i.Name))}.");
        }

        LocalDate? from = result.GetValue(_from) is { } fromText ? ArgumentParsers.ParseDate(fromText, "--from") : null;
        List<RateFixing> fixings = [.. (only is null ? table.Indexes : [only])
            .SelectMany(table.Fixings)
            .Where(f => from is null || f.EffectiveDate >= from.Value)];

        string text = format switch
        {
            "csv" => Csv(table, only, from),
            "json" => Json(table, fixings),
            _ => Table(table, fixings),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }

    /// <summary>The table's own CSV (<see cref="RateTable.WriteCsv"/>), with the rows of other indexes and earlier dates left out.</summary>
    private static string Csv(RateTable table, RateIndex? only, LocalDate? from)
    {
        using var all = new StringWriter(CultureInfo.InvariantCulture);
        table.WriteCsv(all);
        string fromText = from is { } f ? Amounts.Date(f) : "";
        var text = new StringBuilder();
        foreach (string line in all.ToString().Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] head = line.Split(',', 3);
            bool isRow = !line.StartsWith('#') && line != "index,effective_date,rate_pct,source" && head.Length == 3;
            if (isRow && ((only is not null && head[0] != only.Name) || string.CompareOrdinal(head[1], fromText) < 0))
            {
                continue;
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(RateTable table, List<RateFixing> fixings)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("as_of", Amounts.Date(table.AsOf));
            json.WriteStartArray("fixings");
            foreach (RateFixing fixing in fixings)
            {
                json.WriteStartObject();
                json.WriteString("index", fixing.Index.Name);
                json.WriteString("effective_date", Amounts.Date(fixing.EffectiveDate));
                json.WritePropertyName("rate_pct");
                json.WriteRawValue(Amounts.Percent(fixing.Value));
                json.WriteString("source", fixing.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static string Table(RateTable table, List<RateFixing> fixings)
    {
        var text = new StringBuilder();
        text.Append("Rate table as of ").Append(Amounts.Date(table.AsOf))
            .Append(" (fixings of later dates are unknown; a loan that needs them fails unless told what to assume)\n");
        if (fixings.Count == 0)
        {
            text.Append("No fixings match.\n");
            return text.ToString();
        }

        int indexWidth = Math.Max("Index".Length, fixings.Max(f => f.Index.Name.Length));
        text.Append("Index".PadRight(indexWidth)).Append("  Effective   Rate %  Source\n");
        foreach (RateFixing fixing in fixings)
        {
            text.Append(fixing.Index.Name.PadRight(indexWidth)).Append("  ")
                .Append(Amounts.Date(fixing.EffectiveDate)).Append("  ")
                .Append(fixing.Value.ToPercent().ToString("0.00######", CultureInfo.InvariantCulture).PadLeft(6)).Append("  ")
                .Append(fixing.Source)
                .Append('\n');
        }

        return text.ToString();
    }
}
