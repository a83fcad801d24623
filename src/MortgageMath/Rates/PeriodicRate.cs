namespace MortgageMath;

/// <summary>
/// An annual rate in the exact form the loop uses: rate = <see cref="Mantissa"/> / 10^<see cref="Scale"/>, so the
/// monthly interest on a balance B is B × Mantissa / (12 × 10^Scale), an exact rational.
/// </summary>
internal readonly struct PeriodicRate
{
    internal PeriodicRate(Rate annual)
    {
        Annual = annual;
        (Mantissa, Scale) = annual.ToFixedPoint();
        Power = FixedPoint.Pow10[Scale];
        MonthlyDenominator = 12 * Power;
        _monthly = MonthlyDivisors[Scale];
        // A power-of-two bound instead of (2^64 − 1 − d/2) / Mantissa, which would cost a division per rate: a balance
        // below 2^(63 − bits of the mantissa) times the mantissa is below 2^63, and half the divisor (at most
        // 6 × 10^16 < 2^56) keeps the sum below 2^64. At most half the exact limit: 1.4 × 10^17 minor units at 4.9%
        // (mantissa 49), 1.8 × 10^16 at 3.45% (345); far less for a rate of many decimals, whose periods then take
        // the loop's general step.
        // (A loan's rates are never negative; a negative mantissa, should one come, takes the general path.)
        _noOverflow = Mantissa == 0 ? ulong.MaxValue
            : Mantissa < 0 ? 0
            : (1UL << (63 - (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Mantissa)))) - 1;
    }

    /// <summary>A balance up to which the product with the mantissa, plus half the divisor, fits in 64 bits: up to
    /// it <see cref="MonthlyInterest"/> needs neither the 128-bit product nor the remainder.</summary>
    private readonly ulong _noOverflow;

    private readonly Divisor _monthly;

    /// <summary>The largest balance for which <see cref="Terms"/> work out the monthly interest in 64 bits.</summary>
    internal ulong FastLimit => _noOverflow;

    /// <summary>What a loop needs to work out <see cref="MonthlyInterest"/> in registers, for a balance up to
    /// <see cref="FastLimit"/> (the loop's plain periods, see <c>Amortizer.PlainUntil</c>).</summary>
    internal MonthlyTerms Terms(RoundingMode mode)
    {
        (ulong multiplier, int shift1, int shift2) = _monthly.Parts;
        return new MonthlyTerms((ulong)Mantissa, mode == RoundingMode.HalfUp ? _monthly.Value >> 1 : 0, multiplier, _monthly.Value,
            shift1, shift2, mode == RoundingMode.HalfEven);
    }

    /// <summary>The prepared divisors 12 × 10^s for every scale a rate can have (built once).</summary>
    private static readonly Divisor[] MonthlyDivisors = BuildMonthlyDivisors();

    private static Divisor[] BuildMonthlyDivisors()
    {
        var divisors = new Divisor[Rate.MaxFractionScale + 1];
        for (int s = 0; s < divisors.Length; s++)
        {
            divisors[s] = new Divisor((ulong)(12 * FixedPoint.Pow10[s]));
        }

        return divisors;
    }

    internal Rate Annual { get; }

    internal long Mantissa { get; }

    internal int Scale { get; }

    /// <summary>10^Scale.</summary>
    internal long Power { get; }

    /// <summary>12 × 10^Scale.</summary>
    internal long MonthlyDenominator { get; }

    /// <summary>Regular monthly interest: round(balance × rate / 12), exactly: by <see cref="Terms"/> in 64 bits for a
    /// balance up to <see cref="FastLimit"/> (the plain loop's arithmetic), beyond it by
    /// <see cref="FixedPoint.MulDivRound(long, long, in Divisor, RoundingMode)"/>.</summary>
    internal long MonthlyInterest(long balance, RoundingMode mode)
    {
        if ((ulong)balance <= _noOverflow)
        {
            return Terms(mode).Interest(balance);
        }

        return FixedPoint.MulDivRound(balance, Mantissa, _monthly, mode);
    }

    /// <summary>Interest for actual days: round(balance × rate × days / daysInYear).</summary>
    internal long DailyInterest(long balance, int days, int daysInYear, RoundingMode mode) =>
        FixedPoint.MulDivRound(balance, Mantissa * days, daysInYear * Power, mode);
}

/// <summary>
/// The monthly interest round(b × rate / 12) of a <see cref="PeriodicRate"/> as plain 64-bit arithmetic, for a
/// balance b up to its <see cref="PeriodicRate.FastLimit"/>: n = b × Mantissa + Bias, q = n / d by the divisor's
/// magic multiplier and shifts; half up adds half the (even) divisor first, truncation nothing, half even adds 1 when
/// the remainder is above half, or exactly half and q odd. The same figure as
/// <see cref="PeriodicRate.MonthlyInterest"/>, which <c>MonthlyInterestTests</c> checks against the exact rational.
/// </summary>
internal readonly record struct MonthlyTerms(ulong Mantissa, ulong Bias, ulong Multiplier, ulong Divisor, int Shift1, int Shift2, bool HalfEven)
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long Interest(long balance)
    {
        ulong n = ((ulong)balance * Mantissa) + Bias;
        ulong q = MortgageMath.Divisor.Divide(n, Multiplier, Shift1, Shift2);
        if (HalfEven)
        {
            ulong r = n - (q * Divisor);
            ulong rest = Divisor - r;
            if (r > rest || (r == rest && (q & 1) != 0))
            {
                q++;
            }
        }

        return (long)q;
    }
}
