namespace MortgageMath;

/// <summary>Equality of a <see cref="PurchaseSplit"/>: a value: the purchase, the amounts and both schedules.</summary>
public sealed partial class PurchaseSplit : IEquatable<PurchaseSplit>
{
    /// <summary>True when both split the same purchase into the same amounts with equal schedules.</summary>
    /// <param name="other">The other split.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PurchaseSplit? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Price == other.Price && DownPayment == other.DownPayment && ProvidentFundLimit == other.ProvidentFundLimit &&
            ProvidentFundAmount == other.ProvidentFundAmount && CommercialAmount == other.CommercialAmount &&
            CombinedSchedule == other.CombinedSchedule && AllCommercialSchedule == other.AllCommercialSchedule);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PurchaseSplit other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(PurchaseSplit)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Price, DownPayment, ProvidentFundAmount, CommercialAmount);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first split.</param>
    /// <param name="right">The second split.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PurchaseSplit? left, PurchaseSplit? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first split.</param>
    /// <param name="right">The second split.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PurchaseSplit? left, PurchaseSplit? right) => !(left == right);
}
