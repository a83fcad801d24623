namespace MortgageMath.Affordability;

/// <summary>Equality of a <see cref="RuleResult"/>: a value: the rule, the outcome, the figures and the explanation.</summary>
public sealed partial class RuleResult : IEquatable<RuleResult>
{
    /// <summary>True when both are the same rule's result with the same outcome, figures (compared as numbers) and explanation.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RuleResult? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Rule == other.Rule && Source == other.Source && Outcome == other.Outcome && Actual == other.Actual &&
            Limit == other.Limit && LimitIsMinimum == other.LimitIsMinimum && Margin == other.Margin && Headroom == other.Headroom && Unit == other.Unit &&
            Explanation == other.Explanation);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleResult other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(RuleResult)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Rule, Outcome, Actual, Limit, Margin);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RuleResult? left, RuleResult? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RuleResult? left, RuleResult? right) => !(left == right);
}
