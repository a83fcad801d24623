using System.Globalization;

namespace MortgageMath.Reports;

/// <summary>
/// How a <see cref="Report"/> is written: the culture of its texts and numbers, the currency its amounts are in, and
/// an optional title. An immutable value with value equality; <see cref="Default"/> is English (invariant culture),
/// CNY, the title "Mortgage report".
/// </summary>
public sealed record ReportOptions
{
    private readonly CultureInfo culture = CultureInfo.InvariantCulture;
    private readonly string currency = "CNY";

    /// <summary>English (invariant culture), CNY, the default title.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>The culture of the texts and of the numbers (the invariant culture by default: English texts, 1,234.56).</summary>
    public CultureInfo Culture
    {
        get => culture;
        init => culture = value ?? throw new ArgumentNullException(nameof(Culture));
    }

    /// <summary>The currency of the amounts, as shown beside the key figures and on the charts' axes (1 to 8
    /// characters, <c>CNY</c> by default; the library's loans carry no currency).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Empty, blank or longer than 8 characters.</exception>
    public string Currency
    {
        get => currency;
        init => currency = Charts.CurrencyName.Checked(value, nameof(Currency));
    }

    /// <summary>The page's title and heading (null: "Mortgage report" in the report's culture).</summary>
    public string? Title { get; init; }
}
