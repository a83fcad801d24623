namespace MortgageMath.Affordability;

/// <summary>Equality of the <see cref="HighestPayment"/>: a value: the amounts, the date and the description.</summary>
public sealed partial class HighestPayment : IEquatable<HighestPayment>
{
    /// <summary>True when both are the same payment (amount, date, period, first payment) with the same description.</summary>
    /// <param name="other">The other payment.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(HighestPayment? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Amount == other.Amount && Date == other.Date && Period == other.Period && FirstPayment == other.FirstPayment &&
            IsFirstPayment == other.IsFirstPayment && Description == other.Description);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HighestPayment other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(HighestPayment)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Amount, Date, Period, FirstPayment);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first payment.</param>
    /// <param name="right">The second payment.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(HighestPayment? left, HighestPayment? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first payment.</param>
    /// <param name="right">The second payment.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(HighestPayment? left, HighestPayment? right) => !(left == right);
}
