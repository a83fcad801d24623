namespace MortgageMath.Analytics;

/// <summary>Equality of the <see cref="LoanCashFlows"/>: a value: the advance and the payments.</summary>
public sealed partial class LoanCashFlows : IEquatable<LoanCashFlows>
{
    /// <summary>True when both have the same advance on the same date and the same payments in the same order (amounts compared as numbers).</summary>
    /// <param name="other">The other cash flows.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LoanCashFlows? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Advance == other.Advance && AdvanceDate == other.AdvanceDate && Sequences.Equal(_payments, other._payments));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LoanCashFlows other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(LoanCashFlows)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Advance, AdvanceDate, Sequences.Hash(_payments));

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first cash flows.</param>
    /// <param name="right">The second cash flows.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoanCashFlows? left, LoanCashFlows? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first cash flows.</param>
    /// <param name="right">The second cash flows.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoanCashFlows? left, LoanCashFlows? right) => !(left == right);
}
