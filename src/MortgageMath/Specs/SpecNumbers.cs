using System.Globalization;

namespace MortgageMath.Specs;

/// <summary>The number and rate syntax of a loan spec: plain decimals and rates or spreads written with their unit.</summary>
internal static class SpecNumbers
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>How much of a bad value a message repeats.</summary>
    private const int EchoLength = 40;

    /// <summary>Parses a plain decimal number (optional sign and decimal point, invariant culture).</summary>
    internal static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), DecimalStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses a rate or a spread written with its unit (<c>4.9%</c>, <c>490bp</c>, <c>-63.5bp</c>); a bare number is
    /// refused with both spellings suggested (spreads in basis points first).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is beyond what <see cref="Rate"/> accepts.</exception>
    internal static Rate ParseRateText(string text, bool isSpread, Func<string, Exception> error)
    {
        string example = isSpread ? Or("-30bp", "0.1%") : Or("4.9%", "490bp");
        string trimmed = text.Trim();
        if (trimmed.EndsWith(SpecNames.Units.Percent, StringComparison.Ordinal))
        {
            string number = trimmed[..^1].TrimEnd();
            return TryParseDecimal(number, out decimal percent)
                ? Rate.Percent(percent)
                : throw error(Resources.Localized.Format(Resources.LibraryText.Err_SpecRateNotNumber, Echo(text), Echo(number), example));
        }

        if (trimmed.EndsWith(SpecNames.Units.BasisPoints, StringComparison.OrdinalIgnoreCase))
        {
            string number = trimmed[..^2].TrimEnd();
            return TryParseDecimal(number, out decimal basisPoints)
                ? Rate.BasisPoints(basisPoints)
                : throw error(Resources.Localized.Format(Resources.LibraryText.Err_SpecRateNotNumber, Echo(text), Echo(number), isSpread ? example : Or("490bp", "4.9%")));
        }

        if (TryParseDecimal(trimmed, out decimal bare))
        {
            if (isSpread)
            {
                string asPercent = Normalize(bare / 100m).ToString(CultureInfo.InvariantCulture);
                throw error(Resources.Localized.Format(Resources.LibraryText.Err_SpecRateBare, Echo(text), Echo(trimmed) + "bp", Echo(asPercent) + "%"));
            }

            string asBasisPoints = Normalize(bare * 100m).ToString(CultureInfo.InvariantCulture);
            throw error(Resources.Localized.Format(Resources.LibraryText.Err_SpecRateBare, Echo(text), Echo(trimmed) + "%", Echo(asBasisPoints) + "bp"));
        }

        throw error(Resources.Localized.Format(Resources.LibraryText.Err_SpecRateText, Echo(text), example));
    }

    /// <summary>"a or b" in the reader's language.</summary>
    private static string Or(string a, string b) => Resources.Localized.Either(a, b);

    /// <summary>The text, cut to <see cref="EchoLength"/> characters with an ellipsis.</summary>
    internal static string Echo(string text)
    {
        if (text.Length <= EchoLength)
        {
            return text;
        }

        int cut = char.IsHighSurrogate(text[EchoLength - 1]) ? EchoLength - 1 : EchoLength;
        return text[..cut] + "…";
    }

    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
