using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;

namespace MortgageMath;

/// <summary>
/// A percentage that is not an interest rate: a penalty of 3% of the amount prepaid, a 10% yearly allowance.
/// Created with <see cref="Percent"/>, so 3 and 0.03 cannot be confused.
/// </summary>
[JsonConverter(typeof(Serialization.PercentageJsonConverter))]
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
        if (RangeProblem(percent) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, problem);
        }

        return new Percentage(Rate.Percent(percent));
    }

    private static string? RangeProblem(decimal percent) => percent is < 0m or > 100m
        ? Resources.Localized.Format(Resources.LibraryText.Valid_PercentageRange, percent)
        : null;

    /// <summary>
    /// Reads a percentage as <see cref="ToString"/> writes it: a plain invariant number followed by <c>%</c>
    /// (<c>3%</c>, <c>2.5%</c>); white space around the text and before the <c>%</c> is ignored; a bare number, or
    /// one in basis points, is refused. For every percentage, <c>Parse(p.ToString()) == p</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>3%</c>.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a number with a <c>%</c>; the message quotes it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0%..100% or has more than 14 decimal places;
    /// <see cref="ArgumentException.ParamName"/> is <c>text</c>.</exception>
    public static Percentage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryRead(text, out Percentage percentage, out string? problem, out bool outOfRange))
        {
            return percentage;
        }

        throw outOfRange ? new ArgumentOutOfRangeException(nameof(text), text, problem) : new FormatException(problem);
    }

    /// <summary>Reads a percentage like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text, e.g. <c>3%</c>; null gives false.</param>
    /// <param name="percentage">The percentage, or <see cref="Zero"/> when the text is not one.</param>
    /// <returns>Whether the text is a percentage within range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Percentage percentage) => TryRead(text, out percentage, out _, out _);

    /// <summary>The reading behind <see cref="Parse"/>: the percentage, or what is wrong (a sentence quoting the text)
    /// and whether the form is right but the value out of range.</summary>
    internal static bool TryRead([NotNullWhen(true)] string? text, out Percentage percentage, out string? problem, out bool outOfRange)
    {
        percentage = default;
        problem = null;
        outOfRange = false;
        if (text is null)
        {
            return false;
        }

        QuantityForm form = SpecText.ReadQuantity(text, out decimal number, out string unit, out string numberText);
        if (form == QuantityForm.NoUnit)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_PercentageNoUnit, text, numberText);
            return false;
        }

        if (form == QuantityForm.Neither || unit != SpecNames.Units.Percent)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_PercentageNeither, text);
            return false;
        }

        if (form == QuantityForm.NotANumber)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_PercentageNotANumber, text, numberText);
            return false;
        }

        if ((RangeProblem(number) ?? Rate.PercentProblem(number)) is { } reason)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_PercentageUnusable, text, reason);
            outOfRange = true;
            return false;
        }

        percentage = Percent(number);
        return true;
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

    /// <summary>The value with a percent sign, invariant culture, without trailing zeros: <c>3%</c>, <c>2.5%</c>.
    /// <see cref="Parse"/> reads it back as an equal percentage.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _value.ToString();
}
