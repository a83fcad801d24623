using System.Collections;
using System.Globalization;
using System.Resources;
using MortgageMath.Charts.Resources;

namespace MortgageMath.Charts;

/// <summary>
/// Every human-visible text of the charts and the report, looked up by key and culture in the resources
/// Resources/ChartText.resx (English, the neutral language) and its translations (ChartText.zh-Hans.resx: the
/// satellite assembly zh-Hans/MortgageMath.Charts.resources.dll), through .NET's culture fallback (zh-CN → zh-Hans →
/// English). Keys are stable dotted identifiers (<c>Chart.Balance.Title</c>); formats take their arguments by position
/// (<see cref="Format"/>). See docs/localization.md.
/// </summary>
internal static class Texts
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (English for the invariant culture,
    /// English cultures and any language without a translation).</summary>
    /// <param name="key">A key of the resources.</param>
    /// <param name="culture">The culture of the output.</param>
    /// <exception cref="KeyNotFoundException">No such key (a programming error, caught by the tests).</exception>
    internal static string Get(string key, CultureInfo culture) =>
        ChartText.ResourceManager.GetString(key, culture) ?? throw new KeyNotFoundException($"No chart text '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its arguments formatted in <paramref name="culture"/>.</summary>
    internal static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>Every key of the English (neutral) resources (for the tests that each is used and translated).</summary>
    internal static IEnumerable<string> Keys
    {
        get
        {
            ResourceSet set = ChartText.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
            return [.. set.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
        }
    }
}
