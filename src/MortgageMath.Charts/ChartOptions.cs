using System.Globalization;

namespace MortgageMath.Charts;

/// <summary>
/// How a chart is drawn: its size in pixels, the culture of its texts and numbers, and the currency its amounts are
/// in. An immutable value with value equality; <see cref="Default"/> is 800 × 450, English (invariant culture), CNY.
/// </summary>
public sealed record ChartOptions
{
    /// <summary>The smallest width or height, in pixels.</summary>
    public const int MinSize = 200;

    /// <summary>The largest width or height, in pixels.</summary>
    public const int MaxSize = 8000;

    private readonly int width = 800;
    private readonly int height = 450;
    private readonly CultureInfo culture = CultureInfo.InvariantCulture;
    private readonly string currency = "CNY";

    /// <summary>The default options: 800 × 450 pixels, invariant culture (English texts), CNY.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>The width in pixels, <see cref="MinSize"/> to <see cref="MaxSize"/> (800 by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range (ParamName <c>Width</c>, ActualValue the width).</exception>
    public int Width
    {
        get => width;
        init => width = CheckSize(value, nameof(Width));
    }

    /// <summary>The height in pixels, <see cref="MinSize"/> to <see cref="MaxSize"/> (450 by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range (ParamName <c>Height</c>, ActualValue the height).</exception>
    public int Height
    {
        get => height;
        init => height = CheckSize(value, nameof(Height));
    }

    /// <summary>The culture of the texts (titles, legends, axis labels) and of the numbers and dates on the axes.
    /// The invariant culture by default, which gives the English texts.</summary>
    public CultureInfo Culture
    {
        get => culture;
        init => culture = value ?? throw new ArgumentNullException(nameof(Culture));
    }

    /// <summary>The currency the amounts are in, as shown on the axes (e.g. <c>CNY</c>, <c>USD</c>; 1 to 8
    /// characters). The library's loans carry no currency, so the caller says it; <c>CNY</c> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Empty, blank or longer than 8 characters.</exception>
    public string Currency
    {
        get => currency;
        init => currency = CurrencyName.Checked(value, nameof(Currency));
    }

    /// <summary>A title in place of the chart's own (null: the chart's own title).</summary>
    public string? Title { get; init; }

    private static int CheckSize(int value, string name) => value is >= MinSize and <= MaxSize
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"A chart's {name.ToLowerInvariant()} is {MinSize} to {MaxSize} pixels; was {value}.");
}
