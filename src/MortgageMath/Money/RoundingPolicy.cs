namespace MortgageMath;

/// <summary>How an amount is rounded to the minor unit when a bank rounds it.</summary>
public enum RoundingMode
{
    /// <summary>Round half up (四舍五入): ties go away from zero, so 0.005 becomes 0.01. The default.</summary>
    HalfUp = 0,

    /// <summary>Round half to even (banker's rounding): ties go to the even neighbour, so 0.005 becomes 0.00 and 0.015 becomes 0.02.</summary>
    HalfEven = 1,

    /// <summary>Truncate (舍去): drop the digits beyond the minor unit, toward zero, so 0.019 becomes 0.01.</summary>
    Truncate = 2,
}

/// <summary>
/// A named rounding rule: the number of decimal places a bank keeps (2 for yuan and fen, cents) and the
/// <see cref="RoundingMode"/> applied. Every amount in a schedule is rounded exactly once, by this policy.
/// </summary>
/// <example><c>new RoundingPolicy(2, RoundingMode.HalfEven)</c>; <see cref="Default"/> is half-up to 0.01.</example>
public sealed record RoundingPolicy
{
    /// <summary>The most decimal places a policy may keep.</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>Half-up to 0.01: what Chinese banks print (四舍五入到分) and the library's default.</summary>
    public static RoundingPolicy Default { get; } = new(2, RoundingMode.HalfUp);

    /// <summary>Creates a policy.</summary>
    /// <param name="decimalPlaces">Decimal places kept, 0 to <see cref="MaxDecimalPlaces"/>.</param>
    /// <param name="mode">How ties and excess digits are resolved.</param>
    /// <exception cref="ArgumentOutOfRangeException">The places or the mode are outside their valid ranges.</exception>
    public RoundingPolicy(int decimalPlaces = 2, RoundingMode mode = RoundingMode.HalfUp)
    {
        if (decimalPlaces is < 0 or > MaxDecimalPlaces)
        {
            throw new ArgumentOutOfRangeException(nameof(decimalPlaces), decimalPlaces,
                Resources.Localized.Format(Resources.LibraryText.Valid_DecimalPlacesRange, MaxDecimalPlaces, decimalPlaces));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode,
                Resources.Localized.Format(Resources.LibraryText.Valid_RoundingMode, (int)mode));
        }

        DecimalPlaces = decimalPlaces;
        Mode = mode;
    }

    /// <summary>Decimal places kept: 2 means amounts are whole fen or cents.</summary>
    public int DecimalPlaces { get; }

    /// <summary>How ties and excess digits are resolved.</summary>
    public RoundingMode Mode { get; }

    /// <summary>The smallest amount this policy represents, e.g. 0.01.</summary>
    public decimal MinorUnit => FixedPoint.ToDecimal(1, DecimalPlaces);

    /// <summary>Rounds <paramref name="value"/> to <see cref="DecimalPlaces"/> by <see cref="Mode"/>.</summary>
    /// <param name="value">The exact amount.</param>
    /// <returns>The rounded amount.</returns>
    public decimal Round(decimal value) => Mode switch
    {
        RoundingMode.HalfUp => Math.Round(value, DecimalPlaces, MidpointRounding.AwayFromZero),
        RoundingMode.HalfEven => Math.Round(value, DecimalPlaces, MidpointRounding.ToEven),
        _ => Math.Round(value, DecimalPlaces, MidpointRounding.ToZero),
    };

    /// <summary>A short description such as <c>half-up to 0.01</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string mode = Mode switch
        {
            RoundingMode.HalfUp => "half-up",
            RoundingMode.HalfEven => "half-even",
            _ => "truncate",
        };
        return $"{mode} to {MinorUnit.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
