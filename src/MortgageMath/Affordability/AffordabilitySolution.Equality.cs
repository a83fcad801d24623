namespace MortgageMath.Affordability;

/// <summary>Equality of a <see cref="AffordabilitySolution"/>: a value: the question, the boundary, both reports and the explanation.</summary>
public sealed partial class AffordabilitySolution : IEquatable<AffordabilitySolution>
{
    /// <summary>True when both answer the same question with the same boundary, equal reports and the same explanation.</summary>
    /// <param name="other">The other solution.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AffordabilitySolution? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Target == other.Target && Question == other.Question && Value == other.Value && BeyondValue == other.BeyondValue &&
            Explanation == other.Explanation && Sequences.Equal(BindingRules, other.BindingRules) && Report == other.Report &&
            Beyond == other.Beyond);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AffordabilitySolution other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(AffordabilitySolution)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Question, Value, BeyondValue);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first solution.</param>
    /// <param name="right">The second solution.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AffordabilitySolution? left, AffordabilitySolution? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first solution.</param>
    /// <param name="right">The second solution.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AffordabilitySolution? left, AffordabilitySolution? right) => !(left == right);
}
