using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Cli;

/// <summary>Parsing the tvm rates, amounts, values and flows, inline or from a file.</summary>
internal sealed partial class TvmCommand
{
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
                throw new UsageException(Language.Format(CliText.Tvm_ErrPeriodsPerYear, option, ArgumentParsers.Echo(text)));
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
            throw new UsageException(Language.Format(
                CliText.Tvm_ErrRateNoUnit, option, ArgumentParsers.Echo(text), ArgumentParsers.Echo(trimmed), ArgumentParsers.Echo(asBasisPoints)));
        }
        else
        {
            throw new UsageException(Language.Format(CliText.Tvm_ErrRateNotRate, option, ArgumentParsers.Echo(text)));
        }

        return fraction / divisor;
    }

    private static decimal ParseAmount(string option, string text) => ArgumentParsers.TryParsePlainDecimal(text, out decimal value)
        ? value
        : throw new UsageException(Language.Format(CliText.Tvm_ErrAmount, option, ArgumentParsers.Echo(text)));

    private static decimal[] ParseValues(string text)
    {
        string[] parts = text.Split(',');
        var values = new decimal[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ArgumentParsers.TryParsePlainDecimal(parts[i], out values[i]))
            {
                throw new UsageException(Language.Format(
                    CliText.Tvm_ErrValue, (i + 1).ToString(CultureInfo.InvariantCulture), ArgumentParsers.Echo(parts[i].Trim())));
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
            string at = Language.Format(CliText.Tvm_ErrFlowAt, (i + 1).ToString(CultureInfo.InvariantCulture), ArgumentParsers.Echo(part));
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new UsageException(Language.Format(CliText.Tvm_ErrFlowNotPair, at));
            }

            string dateText = part[..equals].Trim();
            string amountText = part[(equals + 1)..].Trim();
            if (LocalDatePattern.Iso.Parse(dateText) is not { Success: true } date)
            {
                throw new UsageException(Language.Format(CliText.Tvm_ErrFlowDate, at, ArgumentParsers.Echo(dateText)));
            }

            if (!ArgumentParsers.TryParsePlainDecimal(amountText, out decimal amount))
            {
                throw new UsageException(Language.Format(CliText.Tvm_ErrFlowAmount, at, ArgumentParsers.Echo(amountText)));
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
                throw new UsageException(Language.Format(
                    CliText.Tvm_ErrFileValue, path, number.ToString(CultureInfo.InvariantCulture), ArgumentParsers.Echo(line)));
            }

            values.Add(value);
        }

        return values.Count > 0 ? [.. values] : throw new UsageException(Language.Format(CliText.Tvm_ErrFileNoValues, path));
    }

    private static (LocalDate, decimal)[] ReadFlowsFile(string path)
    {
        string hint = CliText.Tvm_ErrFileFlowHint;
        var flows = new List<(LocalDate, decimal)>();
        bool first = true;
        foreach ((int number, string line) in ContentLines(path))
        {
            string at = Language.Format(CliText.Tvm_ErrFileLine, path, number.ToString(CultureInfo.InvariantCulture));
            string[] fields = line.Split(',');
            bool isFirst = first;
            first = false;
            if (fields.Length != 2)
            {
                throw new UsageException(Language.Format(CliText.Tvm_ErrFileNotFlow, at, ArgumentParsers.Echo(line), hint));
            }

            string dateText = fields[0].Trim();
            if (LocalDatePattern.Iso.Parse(dateText) is not { Success: true } date)
            {
                if (isFirst && dateText.Any(char.IsAsciiLetter))
                {
                    continue; // a header
                }

                throw new UsageException(Language.Format(CliText.Tvm_ErrFileDate, at, ArgumentParsers.Echo(dateText), hint));
            }

            string amountText = fields[1].Trim();
            if (!ArgumentParsers.TryParsePlainDecimal(amountText, out decimal amount))
            {
                throw new UsageException(Language.Format(CliText.Tvm_ErrFileAmount, at, ArgumentParsers.Echo(amountText), hint));
            }

            flows.Add((date.Value, amount));
        }

        return flows.Count > 0 ? [.. flows] : throw new UsageException(Language.Format(CliText.Tvm_ErrFileNoFlows, path, hint));
    }
}
