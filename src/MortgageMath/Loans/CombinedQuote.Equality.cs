namespace MortgageMath;

/// <summary>Equality of a <see cref="CombinedQuote"/>: a value: the combined loan quoted, each leg's quote and the sums.</summary>
public sealed partial class CombinedQuote : IEquatable<CombinedQuote>
{
    /// <summary>True when both quote equal combined loans with equal leg quotes and the same sums.</summary>
    /// <param name="other">The other quote.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CombinedQuote? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Payment == other.Payment && FormulaTotalInterest == other.FormulaTotalInterest &&
            RoundedPaymentTotalInterest == other.RoundedPaymentTotalInterest && ScheduleTotalInterest == other.ScheduleTotalInterest &&
            Sequences.Equal(Legs, other.Legs) && Loan == other.Loan);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CombinedQuote other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(CombinedQuote)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Loan, Payment, ScheduleTotalInterest);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CombinedQuote? left, CombinedQuote? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CombinedQuote? left, CombinedQuote? right) => !(left == right);
}
