using System.Globalization;

namespace MortgageMath;

/// <summary>
/// A spread over a reference rate (加点), in basis points: may be negative or fractional (LPR − 63.5bp).
/// Create it with <see cref="FromBasisPoints"/>; a spread is never a bare decimal.
/// </summary>
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
        if (basisPoints is < -10_000m or > 10_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints,
                $"A spread must be between -10000bp and 10000bp; was {basisPoints.ToString(CultureInfo.InvariantCulture)}bp.");
        }

        return new Spread(Rate.BasisPoints(basisPoints));
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

    /// <summary>The spread with its sign and unit, e.g. <c>-30bp</c> or <c>+10bp</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (BasisPoints >= 0 ? "+" : "") + BasisPoints.ToString(CultureInfo.InvariantCulture) + "bp";
}
