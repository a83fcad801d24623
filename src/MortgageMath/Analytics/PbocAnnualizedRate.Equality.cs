namespace MortgageMath.Analytics;

/// <summary>Equality of a <see cref="PbocAnnualizedRate"/>: a value: the monthly rate and the two annual figures.</summary>
public sealed partial class PbocAnnualizedRate : IEquatable<PbocAnnualizedRate>
{
    /// <summary>True when both have the same monthly rate (so the same annual figures).</summary>
    /// <param name="other">The other rate.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PbocAnnualizedRate? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            PeriodicRate == other.PeriodicRate && Nominal == other.Nominal && Effective == other.Effective);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PbocAnnualizedRate other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(PbocAnnualizedRate)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(PeriodicRate, Nominal, Effective);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PbocAnnualizedRate? left, PbocAnnualizedRate? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PbocAnnualizedRate? left, PbocAnnualizedRate? right) => !(left == right);
}
