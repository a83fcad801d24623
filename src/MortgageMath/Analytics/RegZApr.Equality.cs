namespace MortgageMath.Analytics;

/// <summary>Equality of an <see cref="RegZApr"/>: a value: the unit-period rate, the unit-periods a year and the APR.</summary>
public sealed partial class RegZApr : IEquatable<RegZApr>
{
    /// <summary>True when both have the same unit-period rate, unit-periods a year and APR.</summary>
    /// <param name="other">The other APR.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RegZApr? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            UnitPeriodRate == other.UnitPeriodRate && UnitPeriodsPerYear == other.UnitPeriodsPerYear &&
            AnnualRate == other.AnnualRate && Disclosed == other.Disclosed);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RegZApr other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(RegZApr)"/> (amounts hash by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(UnitPeriodRate, UnitPeriodsPerYear, AnnualRate, Disclosed);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first APR.</param>
    /// <param name="right">The second APR.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RegZApr? left, RegZApr? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first APR.</param>
    /// <param name="right">The second APR.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RegZApr? left, RegZApr? right) => !(left == right);
}
