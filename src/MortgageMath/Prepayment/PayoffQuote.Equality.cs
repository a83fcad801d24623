using NodaTime;

namespace MortgageMath;

/// <summary>Equality of a <see cref="PayoffQuote"/>: a value: the date and the amounts.</summary>
public sealed partial class PayoffQuote : IEquatable<PayoffQuote>
{
    /// <summary>True when both are for the same date with the same amounts (compared as numbers), accrual start and
    /// repaid flag.</summary>
    /// <param name="other">The other quote.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PayoffQuote? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Date == other.Date && Balance == other.Balance && AccruedInterest == other.AccruedInterest && Penalty == other.Penalty &&
            DeferredPayments == other.DeferredPayments && AccruedSince == other.AccruedSince && AlreadyRepaid == other.AlreadyRepaid);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PayoffQuote other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(PayoffQuote)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Date, Balance, AccruedInterest, Penalty, DeferredPayments, AccruedSince, AlreadyRepaid);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PayoffQuote? left, PayoffQuote? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first quote.</param>
    /// <param name="right">The second quote.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PayoffQuote? left, PayoffQuote? right) => !(left == right);
}
