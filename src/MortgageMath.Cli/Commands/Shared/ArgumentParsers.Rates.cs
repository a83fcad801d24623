using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>Parsing rates and spreads written with their unit.</summary>
internal static partial class ArgumentParsers
{
    /// <summary>
    /// Parses <c>--rate</c>: a number with its unit, <c>4.9%</c> (percent) or <c>490bp</c> (basis points; fractions
    /// such as <c>-63.5bp</c> are allowed). A bare number is refused because its unit would be a guess.
    /// </summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="UsageException">The text has no unit or is not a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is beyond what <see cref="Rate"/> accepts.</exception>
    internal static Rate ParseRate(string text) =>
        ParseRateText(text, isSpread: false, problem => new UsageException("--rate " + problem));

    /// <summary>
    /// Parses a rate or a spread written with its unit (<c>4.9%</c>, <c>490bp</c>, <c>-63.5bp</c>): the one syntax
    /// of <c>--rate</c> and of every rate and spread in a loan spec.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="isSpread">True for a spread: a bare number is then suggested as basis points first (<c>30bp or 0.3%</c>).</param>
    /// <param name="error">Makes the exception from the problem, e.g. <c>'4.9' has no unit; write 4.9% or 490bp.</c></param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is beyond what <see cref="Rate"/> accepts.</exception>
    internal static Rate ParseRateText(string text, bool isSpread, Func<string, Exception> error)
    {
        string example = isSpread ? Language.Format(CliText.Rate_Examples, "-30bp", "0.1%") : Language.Format(CliText.Rate_Examples, "4.9%", "490bp");
        string trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
        {
            string number = trimmed[..^1].TrimEnd();
            if (!TryParseDecimal(number, out decimal percent))
            {
                throw error(Language.Format(CliText.Rate_NotNumber, Echo(text), Echo(number), example));
            }

            return Rate.Percent(percent);
        }

        if (trimmed.EndsWith("bp", StringComparison.OrdinalIgnoreCase))
        {
            string number = trimmed[..^2].TrimEnd();
            if (!TryParseDecimal(number, out decimal basisPoints))
            {
                throw error(Language.Format(CliText.Rate_NotNumber, Echo(text), Echo(number), isSpread ? example : Language.Format(CliText.Rate_Examples, "490bp", "4.9%")));
            }

            return Rate.BasisPoints(basisPoints);
        }

        if (TryParseDecimal(trimmed, out decimal bare))
        {
            if (isSpread)
            {
                string asPercent = (bare / 100m).Normalize().ToString(CultureInfo.InvariantCulture);
                throw error(Language.Format(CliText.Rate_NoUnit, Echo(text), Echo(trimmed) + "bp", Echo(asPercent) + "%"));
            }

            string asBasisPoints = (bare * 100m).Normalize().ToString(CultureInfo.InvariantCulture);
            if (bare is > 0m and < 1m)
            {
                // 0.049 is more likely the fraction 4.9% than 0.049%: say both.
                throw error(Language.Format(CliText.Rate_NoUnitFraction, Echo(text), Echo(trimmed) + "%", Echo(asBasisPoints) + "bp", asBasisPoints + "%"));
            }

            throw error(Language.Format(CliText.Rate_NoUnit, Echo(text), Echo(trimmed) + "%", Echo(asBasisPoints) + "bp"));
        }

        throw error(Language.Format(CliText.Rate_NotRate, Echo(text), example));
    }
}
