namespace MortgageMath;

/// <summary>Equality of a <see cref="PrepaymentQuote"/>: a value: the loan, the prepayment and every figure.</summary>
public sealed partial class PrepaymentQuote : IEquatable<PrepaymentQuote>
{
    /// <summary>True when both quote the same prepayment (payments made, amount, option) on equal loans with the same figures.</summary>
    /// <param name="other">The other quote.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PrepaymentQuote? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            PaymentsMade == other.PaymentsMade && Amount == other.Amount && Option == other.Option &&
            BalanceBefore == other.BalanceBefore && BalanceAfter == other.BalanceAfter &&
            RemainingInterestWithout == other.RemainingInterestWithout && RemainingInterestWith == other.RemainingInterestWith &&
            RemainingPeriods == other.RemainingPeriods && PeriodsSaved == other.PeriodsSaved &&
            ExactRemainingPeriods == other.ExactRemainingPeriods && NewPayment == other.NewPayment && LastPayment == other.LastPayment &&
            InterestSaved == other.InterestSaved && Loan == other.Loan);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PrepaymentQuote other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(PrepaymentQuote)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Loan, PaymentsMade, Amount, Option, NewPayment, InterestSaved);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PrepaymentQuote? left, PrepaymentQuote? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PrepaymentQuote? left, PrepaymentQuote? right) => !(left == right);
}
