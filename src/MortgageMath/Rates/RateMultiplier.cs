using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MortgageMath;

/// <summary>
/// How a pre-2020 Chinese mortgage rate was priced from the PBoC benchmark: the benchmark × a factor — 上浮 10% is
/// × 1.1 (<see cref="Up"/>), 九折 (下浮 10%) is × 0.9 (<see cref="Down"/>). A factor between 0 and 10 with at most 8
/// decimal places. Text form (<see cref="ToString"/>, <see cref="Parse"/>): <c>x1.1</c>, <c>x0.9</c>.
/// </summary>
public readonly struct RateMultiplier : IEquatable<RateMultiplier>
{
    private const decimal MaxFactor = 10m;
    private const int MaxPlaces = 8;
    private readonly decimal _excess; // factor − 1, so default(RateMultiplier) is × 1

    private RateMultiplier(decimal factor) => _excess = FixedPoint.Normalize(factor - 1m);

    /// <summary>× 1: the benchmark itself.</summary>
    public static RateMultiplier One => default;

    /// <summary>The factor: 1.1 for 上浮 10%.</summary>
    public decimal Factor => FixedPoint.Normalize(_excess + 1m);

    /// <summary>A multiplier from its factor: <c>FromFactor(1.1m)</c> for 上浮 10%, <c>FromFactor(0.9m)</c> for 九折.</summary>
    /// <param name="factor">Above 0, at most 10, at most 8 decimal places.</param>
    /// <returns>The multiplier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The factor is out of range.</exception>
    public static RateMultiplier FromFactor(decimal factor) => Problem(factor) is { } problem
        ? throw new ArgumentOutOfRangeException(nameof(factor), factor, problem)
        : new RateMultiplier(factor);

    /// <summary>上浮: the benchmark raised by <paramref name="percent"/> (10% gives × 1.1).</summary>
    /// <param name="percent">The rise.</param>
    /// <returns>The multiplier.</returns>
    public static RateMultiplier Up(Percentage percent) => FromFactor(1m + (percent.ToPercent() / 100m));

    /// <summary>下浮: the benchmark lowered by <paramref name="percent"/> (10% gives × 0.9, 九折; 30% gives × 0.7).</summary>
    /// <param name="percent">The cut, below 100%.</param>
    /// <returns>The multiplier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cut is 100%.</exception>
    public static RateMultiplier Down(Percentage percent) => FromFactor(1m - (percent.ToPercent() / 100m));

    private static string? Problem(decimal factor) =>
        factor is <= 0m or > MaxFactor || FixedPoint.Normalize(factor).Scale > MaxPlaces
            ? Resources.Localized.Format(Resources.LibraryText.Valid_MultiplierRange, MaxFactor, MaxPlaces, factor)
            : null;

    /// <summary><paramref name="rate"/> × the factor, exactly (rounded to 16 decimal places of a fraction only beyond them).</summary>
    internal Rate Apply(Rate rate) => _excess == 0m ? rate : Rate.Fraction(Math.Round(rate.ToFraction() * Factor, Rate.MaxFractionScale, MidpointRounding.AwayFromZero));

    /// <summary>Reads <c>x1.1</c> (or <c>×1.1</c>), as <see cref="ToString"/> writes it.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The multiplier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not <c>x</c> followed by a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The factor is out of range.</exception>
    public static RateMultiplier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryReadFactor(text, out decimal factor))
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_MultiplierText, text));
        }

        return Problem(factor) is { } problem ? throw new ArgumentOutOfRangeException(nameof(text), text, problem) : new RateMultiplier(factor);
    }

    /// <summary>Reads a multiplier like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="multiplier">The multiplier, or <see cref="One"/>.</param>
    /// <returns>Whether the text is a multiplier in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RateMultiplier multiplier)
    {
        multiplier = One;
        if (text is null || !TryReadFactor(text, out decimal factor) || Problem(factor) is not null)
        {
            return false;
        }

        multiplier = new RateMultiplier(factor);
        return true;
    }

    private static bool TryReadFactor(string text, out decimal factor)
    {
        factor = 0m;
        string t = text.Trim();
        return t.Length > 1 && (t[0] is 'x' or 'X' or '×') && Specs.SpecText.TryNumber(t[1..].Trim(), out factor);
    }

    /// <summary>True when both have the same factor.</summary>
    /// <param name="other">The other multiplier.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RateMultiplier other) => _excess == other._excess;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RateMultiplier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _excess.GetHashCode();

    /// <summary>True when both have the same factor.</summary>
    /// <param name="left">A multiplier.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RateMultiplier left, RateMultiplier right) => left.Equals(right);

    /// <summary>True when they differ.</summary>
    /// <param name="left">A multiplier.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RateMultiplier left, RateMultiplier right) => !left.Equals(right);

    /// <summary><c>x1.1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "x" + Factor.ToString(CultureInfo.InvariantCulture);
}
