using System.Globalization;
using NodaTime;
using NodaTime.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// Turns the text of each <c>mortgage schedule</c> option into a value, invariant culture throughout. Every failure is
/// a <see cref="UsageException"/> whose message names the option, echoes the text and shows how to write it.
/// </summary>
internal static partial class ArgumentParsers
{
    /// <summary>Plain decimal numbers only: an optional sign, digits and an optional decimal point (no thousands separators, no exponent).</summary>
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Parses <c>--principal</c>: a plain decimal number such as <c>1000000</c> or <c>250000.50</c>.</summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The amount (its range is checked by <see cref="Loan"/>).</returns>
    /// <exception cref="UsageException">The text is not a number.</exception>
    internal static decimal ParsePrincipal(string text)
    {
        if (!TryParseDecimal(text, out decimal value))
        {
            if (IsPlainNumber(text))
            {
                throw new UsageException(Language.Format(CliText.Parse_PrincipalTooLarge, Echo(text)));
            }

            throw new UsageException(Language.Format(CliText.Parse_PrincipalNotAmount, Echo(text)));
        }

        return value;
    }

    /// <summary>Parses an amount option such as <c>--amount</c>: a plain decimal number greater than 0.</summary>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="text">The option's text.</param>
    /// <returns>The amount (its decimals are checked against the rounding policy by the library).</returns>
    /// <exception cref="UsageException">The text is not a number or not greater than 0.</exception>
    internal static decimal ParseAmount(string option, string text)
    {
        if (!TryParseDecimal(text, out decimal value))
        {
            if (IsPlainNumber(text))
            {
                throw new UsageException(Language.Format(CliText.Parse_AmountTooLarge, option, Echo(text)));
            }

            throw new UsageException(Language.Format(CliText.Parse_AmountNotAmount, option, Echo(text)));
        }

        if (value <= 0m || value > Loan.MaxPrincipal)
        {
            throw new UsageException(Language.Format(CliText.Parse_AmountRange, option, Echo(text.Trim())));
        }

        return value;
    }

    /// <summary>Parses a fee option such as <c>--upfront-fee</c>: a plain decimal number, 0 or more (its upper bound is the library's).</summary>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="text">The option's text.</param>
    /// <returns>The fee.</returns>
    /// <exception cref="UsageException">The text is not a number or is negative.</exception>
    internal static decimal ParseFee(string option, string text)
    {
        if (!TryParseDecimal(text, out decimal value))
        {
            throw new UsageException(Language.Format(CliText.Parse_FeeNotAmount, option, Echo(text)));
        }

        if (value < 0m)
        {
            throw new UsageException(Language.Format(CliText.Parse_FeeNegative, option, Echo(text.Trim())));
        }

        return value;
    }

    /// <summary>The most characters of a value an error message echoes; a longer value is cut there and ends in <c>…</c>.</summary>
    internal const int EchoLength = 40;

    /// <summary>A value as an error message echoes it: whole when short, else its first <see cref="EchoLength"/>
    /// characters and <c>…</c> (a 10,000-digit argument must not become a 10,000-character error line).</summary>
    /// <param name="text">The value as given.</param>
    /// <returns>The text to quote.</returns>
    internal static string Echo(string text)
    {
        if (text.Length <= EchoLength)
        {
            return text;
        }

        int cut = char.IsHighSurrogate(text[EchoLength - 1]) ? EchoLength - 1 : EchoLength;
        return text[..cut] + "…";
    }

    /// <summary>True when the text is written as a plain number (sign, digits, one decimal point) whatever its size.</summary>
    private static bool IsPlainNumber(string text)
    {
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            span = span[1..];
        }

        int points = 0;
        int digits = 0;
        foreach (char c in span)
        {
            if (c == '.')
            {
                points++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && points <= 1;
    }

    /// <summary>Parses a plain decimal number (optional sign and decimal point, invariant culture).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is such a number.</returns>
    internal static bool TryParsePlainDecimal(string text, out decimal value) => TryParseDecimal(text, out value);

    /// <summary>Parses <c>--months</c> or <c>--years</c>: a whole number within the loan's term limit.</summary>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="text">The option's text.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <returns>The number.</returns>
    /// <exception cref="UsageException">The text is not a whole number or is outside 1..<paramref name="max"/>.</exception>
    internal static int ParseTerm(string option, string text, int max)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            if (IsPlainNumber(text) && !text.Contains('.', StringComparison.Ordinal))
            {
                throw new UsageException(Language.Format(CliText.Parse_TermRange, option, max, Echo(text.Trim())));
            }

            throw new UsageException(Language.Format(CliText.Parse_TermNotWhole, option, Echo(text), max / 2));
        }

        if (value < 1 || value > max)
        {
            throw new UsageException(Language.Format(CliText.Parse_TermRange, option, max, value));
        }

        return value;
    }

    /// <summary>Parses <c>--payment-day</c>: a whole number (its range, 1 to 31, is checked by <see cref="Loan"/>).</summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The day.</returns>
    /// <exception cref="UsageException">The text is not a whole number.</exception>
    internal static int ParsePaymentDay(string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            if (IsPlainNumber(text) && !text.Contains('.', StringComparison.Ordinal))
            {
                throw new UsageException(Language.Format(CliText.Parse_PaymentDayRange, Echo(text.Trim())));
            }

            throw new UsageException(Language.Format(CliText.Parse_PaymentDayNotDay, Echo(text)));
        }

        return value;
    }

    /// <summary>Parses <c>--start</c> (or another date option): an ISO date <c>yyyy-MM-dd</c>.</summary>
    /// <param name="text">The option's text.</param>
    /// <param name="option">The option's name, for the message.</param>
    /// <returns>The date.</returns>
    /// <exception cref="UsageException">The text is not a valid date in that form.</exception>
    internal static LocalDate ParseDate(string text, string option = "--start")
    {
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success)
        {
            throw new UsageException(Language.Format(CliText.Parse_DateInvalid, option, Echo(text)));
        }

        return result.Value;
    }

    /// <summary>Parses <c>--method</c>: <c>equal-installment</c> or <c>equal-principal</c>.</summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The method.</returns>
    /// <exception cref="UsageException">The name is unknown.</exception>
    internal static RepaymentMethod ParseMethod(string text)
    {
        if (!RepaymentMethod.TryParse(text, out RepaymentMethod method))
        {
            throw new UsageException(Language.Format(CliText.Parse_Method, Echo(text), RepaymentMethod.EqualInstallment.Name, RepaymentMethod.EqualPrincipal.Name));
        }

        return method;
    }

    /// <summary>Parses <c>--format</c>: <c>table</c>, <c>csv</c>, <c>json</c> or <c>markdown</c> (case-insensitive).</summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The format.</returns>
    /// <exception cref="UsageException">The name is unknown.</exception>
    internal static OutputFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        "markdown" or "md" => OutputFormat.Markdown,
        _ => throw new UsageException(Language.Format(CliText.Parse_Format, Echo(text))),
    };

    private static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), DecimalStyle, CultureInfo.InvariantCulture, out value);

    private static decimal Normalize(this decimal value) => value / 1.0000000000000000000000000000m;
}
