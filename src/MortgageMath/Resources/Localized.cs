using System.Globalization;

namespace MortgageMath.Resources;

/// <summary>
/// Fills in the library's explanatory texts. The texts live in Resources/LibraryText.resx (English, the neutral
/// language) and its translations (LibraryText.zh-Hans.resx: satellite assembly zh-Hans/MortgageMath.resources.dll);
/// the generated accessor <see cref="LibraryText"/> reads them in <see cref="CultureInfo.CurrentUICulture"/>, so an
/// explanation is in the language of the thread that makes it. Numbers, amounts and dates inside a text are always
/// formatted invariantly (the decimal point is a point in every language). See docs/localization.md.
/// </summary>
internal static class Localized
{
    /// <summary>A resource text with its placeholders filled in, invariantly.</summary>
    /// <param name="format">The text, e.g. <see cref="LibraryText.Term_Margin"/>.</param>
    /// <param name="args">The values of its placeholders.</param>
    /// <returns>The text.</returns>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The resource text named <paramref name="key"/> (a <c>nameof(LibraryText.…)</c>), read when it is
    /// needed: a phrase passed down to a range check is looked up only when the check fails.</summary>
    /// <param name="key">The resource key.</param>
    /// <returns>The text in <see cref="CultureInfo.CurrentUICulture"/>.</returns>
    internal static string Text(string key) => LibraryText.ResourceManager.GetString(key, LibraryText.Culture) ?? key;

    /// <summary>Names as a list of alternatives in the reader's language: <c>a, b or c</c>, <c>a、b 或 c</c>.</summary>
    /// <param name="names">The names, as they are written (spec names stay untranslated).</param>
    /// <returns>The list.</returns>
    internal static string Either(params IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : Format(LibraryText.Valid_ListOr, string.Join(LibraryText.Valid_ListSeparator, names.Take(names.Count - 1)), names[^1]);
}
