using System.Globalization;
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
