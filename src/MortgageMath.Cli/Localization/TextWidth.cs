namespace MortgageMath.Cli.Localization;

/// <summary>
/// The width of a text in terminal columns, for the reports the tool lays out itself (Spectre.Console measures its
/// tables the same way): a Chinese character (or any East Asian wide or full-width one, e.g. the full-width colon
/// and parentheses) takes two columns, every other character one. For English text the width is the length, so
/// English layouts are as before.
/// </summary>
internal static class TextWidth
{
    /// <summary>The width of <paramref name="text"/> in columns.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The columns it takes.</returns>
    internal static int Of(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> columns.</summary>
    /// <param name="text">The text.</param>
    /// <param name="width">The columns.</param>
    /// <returns>The padded text.</returns>
    internal static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    /// <summary>Spaces up to <paramref name="width"/> columns, then <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="width">The columns.</param>
    /// <returns>The padded text.</returns>
    internal static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Of(text))) + text;

    // East Asian Wide and Fullwidth blocks (Unicode UAX #11) of the Basic Multilingual Plane.
    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\u303E') or (>= '\u3041' and <= '\u33FF')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uA000' and <= '\uA4CF')
            or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
