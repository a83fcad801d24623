namespace MortgageMath;

/// <summary>Equality of a <see cref="PrepaymentComparison"/>: a value: the two schedules compared and the option.</summary>
public sealed partial class PrepaymentComparison : IEquatable<PrepaymentComparison>
{
    /// <summary>True when both compare equal schedules with the same option and new payment.</summary>
    /// <param name="other">The other comparison.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PrepaymentComparison? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Option == other.Option && NewPayment == other.NewPayment && Baseline == other.Baseline && Alternative == other.Alternative);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PrepaymentComparison other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(PrepaymentComparison)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Baseline, Alternative, Option);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PrepaymentComparison? left, PrepaymentComparison? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PrepaymentComparison? left, PrepaymentComparison? right) => !(left == right);
}
