namespace MortgageMath;

/// <summary>Equality of a <see cref="Schedule"/>: a value, so two schedules built from equal loans are equal.</summary>
public sealed partial class Schedule : IEquatable<Schedule>
{
    /// <summary>True when both repay equal loans with equal rows (the same figures in the same order) and the same rate changes.</summary>
    /// <param name="other">The other schedule.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Schedule? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Count == other.Count && RegularPayments == other.RegularPayments &&
            SameRows(other) && Sequences.Equal(RateChanges, other.RateChanges) && Loan == other.Loan);

    private bool SameRows(Schedule other)
    {
        for (int k = 0; k < Count; k++)
        {
            if (_rows[k] != other._rows[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Schedule other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(Schedule)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Loan, Count, Count > 0 ? Last : default);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first schedule.</param>
    /// <param name="right">The second schedule.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Schedule? left, Schedule? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first schedule.</param>
    /// <param name="right">The second schedule.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Schedule? left, Schedule? right) => !(left == right);
}
