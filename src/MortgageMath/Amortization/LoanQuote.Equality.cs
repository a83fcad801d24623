namespace MortgageMath;

/// <summary>Equality of a <see cref="LoanQuote"/>: a value: the loan quoted and every figure.</summary>
public sealed partial class LoanQuote : IEquatable<LoanQuote>
{
    /// <summary>True when both quote equal loans with the same figures (compared as numbers).</summary>
    /// <param name="other">The other quote.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LoanQuote? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Payment == other.Payment && ExactPayment == other.ExactPayment && MonthlyDecrease == other.MonthlyDecrease &&
            ExactMonthlyDecrease == other.ExactMonthlyDecrease && LastFormulaPayment == other.LastFormulaPayment &&
            BalloonPayment == other.BalloonPayment && PaymentAfterInterestOnly == other.PaymentAfterInterestOnly &&
            FormulaTotalInterest == other.FormulaTotalInterest && RoundedPaymentTotalInterest == other.RoundedPaymentTotalInterest &&
            ScheduleTotalInterest == other.ScheduleTotalInterest && Loan == other.Loan);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LoanQuote other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(LoanQuote)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Loan, Payment, ScheduleTotalInterest);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoanQuote? left, LoanQuote? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoanQuote? left, LoanQuote? right) => !(left == right);
}
