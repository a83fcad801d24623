using System.Globalization;

namespace MortgageMath.Cli.Localization;

/// <summary>
/// The languages the tool speaks (<c>--lang</c>, <c>--headers</c>) and how a language is chosen: English, the neutral
/// language of the resources (Resources/CliText.resx), and Simplified Chinese (CliText.zh-Hans.resx). Texts come from
/// the resources through the generated <see cref="Resources.CliText"/> accessor, which reads
/// <see cref="CultureInfo.CurrentUICulture"/>: <see cref="CliApp"/> sets it for the run and restores it afterwards.
/// See docs/localization.md.
/// </summary>
internal static class Language
{
    /// <summary>English, the resources' neutral language.</summary>
    internal static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Simplified Chinese as used in mainland China.</summary>
    internal static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The language of a user interface culture: Chinese for the Simplified Chinese cultures (zh-CN, zh-SG,
    /// zh-Hans, …), English for every other one (English is the fallback).</summary>
    /// <param name="uiCulture">The user's UI culture, e.g. <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns><see cref="Chinese"/> or <see cref="English"/>.</returns>
    internal static CultureInfo Default(CultureInfo uiCulture) => IsSimplifiedChinese(uiCulture) ? Chinese : English;

    /// <summary>Reads a language as <c>--lang</c> and <c>--headers</c> accept it: <c>en</c> (or any English culture,
    /// e.g. <c>en-US</c>), <c>zh-CN</c> (or <c>zh</c>, <c>zh-Hans</c>, <c>zh-SG</c>), ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">The language, when the text names a supported one.</param>
    /// <returns>Whether <paramref name="text"/> names a supported language.</returns>
    internal static bool TryParse(string? text, out CultureInfo language)
    {
        language = English;
        string name = text?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 20)
        {
            return false;
        }

        if (name.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            language = Chinese;
            return true;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }

        if (IsSimplifiedChinese(culture))
        {
            language = Chinese;
            return true;
        }

        return culture.TwoLetterISOLanguageName == "en";
    }

    /// <summary>True for zh-Hans and the cultures under it (zh-CN, zh-SG, zh-Hans-CN, …).</summary>
    private static bool IsSimplifiedChinese(CultureInfo culture)
    {
        for (CultureInfo at = culture; at.Name.Length > 0; at = at.Parent)
        {
            if (at.Name.Equals("zh-Hans", StringComparison.OrdinalIgnoreCase) || at.Name.Equals("zh-CN", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A resource text with its arguments filled in (<see cref="string.Format(IFormatProvider, string, object[])"/>
    /// with the invariant culture: numbers and dates are already formatted by <see cref="Amounts"/>).</summary>
    /// <param name="format">The resource text, e.g. <see cref="Resources.CliText.Parse_TermRange"/>.</param>
    /// <param name="args">The values of its placeholders.</param>
    /// <returns>The text.</returns>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
