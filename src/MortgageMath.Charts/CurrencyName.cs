namespace MortgageMath.Charts;

/// <summary>The rule for the currency name that charts and reports show beside amounts.</summary>
internal static class CurrencyName
{
    /// <summary>The name, when it is 1 to 8 characters and not blank.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Empty, blank or longer than 8 characters.</exception>
    internal static string Checked(string value, string parameter) =>
        value is { Length: >= 1 and <= 8 } && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, "A currency is 1 to 8 characters, e.g. CNY.");
}
