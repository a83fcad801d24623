using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;

namespace MortgageMath;

/// <summary>
/// A spread over a reference rate (加点), in basis points: may be negative or fractional (LPR − 63.5bp).
/// Create it with <see cref="FromBasisPoints"/>; a spread is never a bare decimal.
/// </summary>
[JsonConverter(typeof(Serialization.SpreadJsonConverter))]
public readonly struct Spread : IEquatable<Spread>
{
    private readonly Rate _rate;

    private Spread(Rate rate) => _rate = rate;

    /// <summary>No spread: the reference rate itself.</summary>
    public static Spread Zero => default;

    /// <summary>A spread in basis points, e.g. <c>Spread.FromBasisPoints(-30m)</c> for LPR − 30bp.</summary>
    /// <param name="basisPoints">The spread, between -10000 and 10000 basis points, with at most 12 decimal places.</param>
    /// <returns>The spread.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside ±10000bp or too precise.</exception>
    public static Spread FromBasisPoints(decimal basisPoints)
    {
        if (RangeProblem(basisPoints) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints, problem);
        }

        return new Spread(Rate.BasisPoints(basisPoints));
    }

    private static string? RangeProblem(decimal basisPoints) => basisPoints is < -10_000m or > 10_000m
        ? Resources.Localized.Format(Resources.LibraryText.Valid_SpreadRange, basisPoints)
        : null;

    /// <summary>
    /// Reads a spread as <see cref="ToString"/> writes it (<c>-30bp</c>, <c>+10bp</c>) or in percent (<c>0.1%</c>):
    /// the same form as <see cref="Rate.Parse"/> (a plain invariant number with an optional sign, then <c>bp</c> in any
    /// case or <c>%</c>; white space around the text and before the unit ignored; a bare number refused). For every
    /// spread, <c>Parse(spread.ToString()) == spread</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>-30bp</c>, <c>+10bp</c>, <c>-63.5bp</c>, <c>0.1%</c>.</param>
    /// <returns>The spread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a number with a unit; the message quotes it and says what to
    /// write (<c>'30' has no unit; write 30bp or 0.3%.</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spread is outside ±10000bp or has more than 12 decimal places
    /// in basis points; <see cref="ArgumentException.ParamName"/> is <c>text</c>.</exception>
    public static Spread Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryRead(text, out Spread spread, out string? problem, out bool outOfRange))
        {
            return spread;
        }

        throw outOfRange ? new ArgumentOutOfRangeException(nameof(text), text, problem) : new FormatException(problem);
    }

    /// <summary>Reads a spread like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text, e.g. <c>-30bp</c>; null gives false.</param>
    /// <param name="spread">The spread, or <see cref="Zero"/> when the text is not one.</param>
    /// <returns>Whether the text is a spread within range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Spread spread) => TryRead(text, out spread, out _, out _);

    internal static bool TryRead([NotNullWhen(true)] string? text, out Spread spread, out string? problem, out bool outOfRange)
    {
        spread = default;
        problem = null;
        outOfRange = false;
        if (text is null)
        {
            return false;
        }

        switch (SpecText.ReadQuantity(text, out decimal number, out string unit, out string numberText))
        {
            case QuantityForm.NoUnit:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_SpreadNoUnit, text, numberText, SpecText.Plain(number / 100m));
                return false;
            case QuantityForm.NotANumber:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_SpreadNotANumber, text, numberText);
                return false;
            case QuantityForm.Neither:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_SpreadNeither, text);
                return false;
        }

        decimal basisPoints = unit == SpecNames.Units.Percent ? number * 100m : number;
        if ((RangeProblem(basisPoints) ?? Rate.BasisPointsProblem(basisPoints)) is { } reason)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_SpreadUnusable, text, reason);
            outOfRange = true;
            return false;
        }

        spread = FromBasisPoints(basisPoints);
        return true;
    }

    /// <summary>The spread that turns <paramref name="reference"/> into <paramref name="target"/> (target − reference).</summary>
    /// <param name="target">The rate wanted, e.g. an old contract rate of 4.9%.</param>
    /// <param name="reference">The reference rate, e.g. the Dec-2019 LPR of 4.8%.</param>
    /// <returns>The spread (here +10bp).</returns>
    public static Spread Between(Rate target, Rate reference) => FromBasisPoints((target - reference).ToBasisPoints());

    /// <summary>The spread in basis points: -30 for LPR − 30bp.</summary>
    public decimal BasisPoints => _rate.ToBasisPoints();

    /// <summary>The spread as a rate (may be negative), to add to an index value.</summary>
    public Rate AsRate => _rate;

    /// <inheritdoc />
    public bool Equals(Spread other) => _rate == other._rate;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Spread other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _rate.GetHashCode();

    /// <summary>True when both spreads are the same.</summary>
    /// <param name="left">The first spread.</param>
    /// <param name="right">The second spread.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Spread left, Spread right) => left.Equals(right);

    /// <summary>True when the spreads differ.</summary>
    /// <param name="left">The first spread.</param>
    /// <param name="right">The second spread.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Spread left, Spread right) => !left.Equals(right);

    /// <summary>The spread with its sign and unit, invariant culture: <c>-30bp</c>, <c>+10bp</c>, <c>+0bp</c>.
    /// <see cref="Parse"/> reads it back as an equal spread.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (BasisPoints >= 0 ? "+" : "") + BasisPoints.ToString(CultureInfo.InvariantCulture) + "bp";
}
