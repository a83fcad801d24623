using System.Globalization;

namespace MortgageMath;

/// <summary>
/// A percentage that is not an interest rate: a penalty of 3% of the amount prepaid, a 10% yearly allowance.
/// Created with <see cref="Percent"/>, so 3 and 0.03 cannot be confused.
/// </summary>
public readonly struct Percentage : IEquatable<Percentage>
{
    private readonly Rate _value;

    private Percentage(Rate value) => _value = value;

    /// <summary>A percentage given in percent: <c>Percentage.Percent(3m)</c> is 3%.</summary>
    /// <param name="percent">The value in percent, 0 to 100, with at most 14 decimal places.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..100.</exception>
    public static Percentage Percent(decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent,
                $"A percentage must be between 0% and 100%; was {percent.ToString(CultureInfo.InvariantCulture)}%.");
        }

        return new Percentage(Rate.Percent(percent));
    }

    /// <summary>0%.</summary>
    public static Percentage Zero => default;

    /// <summary>The value in percent: 3 for 3%.</summary>
    /// <returns>The percent value.</returns>
    public decimal ToPercent() => _value.ToPercent();

    /// <summary>The exact mantissa and scale of the fraction (3% = 3 / 10²).</summary>
    internal (long Mantissa, int Scale) ToFixedPoint() => _value.ToFixedPoint();

    /// <inheritdoc />
    public bool Equals(Percentage other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Percentage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>True when both are the same percentage.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Percentage left, Percentage right) => left.Equals(right);

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Percentage left, Percentage right) => !left.Equals(right);

    /// <summary>The value with a percent sign: <c>3%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _value.ToString();
}
