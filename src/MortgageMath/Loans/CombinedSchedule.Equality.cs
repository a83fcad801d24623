namespace MortgageMath;

/// <summary>Equality of a <see cref="CombinedSchedule"/>: a value, so two schedules built from equal combined loans are equal.</summary>
public sealed partial class CombinedSchedule : IEquatable<CombinedSchedule>
{
    /// <summary>True when both repay equal combined loans with equal leg schedules (so the same combined rows).</summary>
    /// <param name="other">The other combined schedule.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CombinedSchedule? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Loan == other.Loan && Sequences.Equal(Legs, other.Legs));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CombinedSchedule other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(CombinedSchedule)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Loan, _rows.Length);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first combined schedule.</param>
    /// <param name="right">The second combined schedule.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CombinedSchedule? left, CombinedSchedule? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first combined schedule.</param>
    /// <param name="right">The second combined schedule.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CombinedSchedule? left, CombinedSchedule? right) => !(left == right);
}
