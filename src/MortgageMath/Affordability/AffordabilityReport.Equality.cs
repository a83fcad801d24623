namespace MortgageMath.Affordability;

/// <summary>Equality of a <see cref="AffordabilityReport"/>: a value: the policy, every result and the figures judged.</summary>
public sealed partial class AffordabilityReport : IEquatable<AffordabilityReport>
{
    /// <summary>True when both are the same policy's report with equal results in the same order and the same figures.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AffordabilityReport? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Policy == other.Policy && Approved == other.Approved && MonthlyIncome == other.MonthlyIncome &&
            LoanAmount == other.LoanAmount && HighestPayment == other.HighestPayment && Sequences.Equal(Results, other.Results));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AffordabilityReport other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(AffordabilityReport)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Policy, Approved, MonthlyIncome, LoanAmount, Results.Count);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AffordabilityReport? left, AffordabilityReport? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AffordabilityReport? left, AffordabilityReport? right) => !(left == right);
}
