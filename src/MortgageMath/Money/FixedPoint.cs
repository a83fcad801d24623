using System.Numerics;

namespace MortgageMath;

/// <summary>
/// The one place where money is rounded. Amounts travel as whole minor units (<see cref="long"/> fen or cents);
/// every interest figure is the exact rational <c>amount × numerator / denominator</c>, rounded once by a
/// <see cref="RoundingMode"/>. Integer arithmetic makes "exact, rounded once" true by construction.
/// </summary>
internal static class FixedPoint
{
    /// <summary>Powers of ten that fit in a <see cref="long"/>: 10^0 .. 10^18.</summary>
    internal static readonly long[] Pow10 = BuildPow10();

    private static long[] BuildPow10()
    {
        var p = new long[19];
        p[0] = 1;
        for (int k = 1; k < p.Length; k++)
        {
            p[k] = p[k - 1] * 10;
        }

        return p;
    }

    /// <summary>round(value × numerator / divisor) for value, numerator ≥ 0, exactly; the divisor is prepared in advance.</summary>
    internal static long MulDivRound(long value, long numerator, in Divisor divisor, RoundingMode mode)
    {
        ulong hi = Math.BigMul((ulong)value, (ulong)numerator, out ulong lo);
        if (hi != 0)
        {
            return MulDivRound(value, numerator, (long)divisor.Value, mode);
        }

        ulong d = divisor.Value;
        ulong q = divisor.Divide(lo);
        ulong r = lo - (q * d);
        return (long)(q + RoundUp(q, r, d, mode));
    }

    /// <summary>round(value × numerator / denominator) for value, numerator ≥ 0 and denominator &gt; 0, exactly.</summary>
    internal static long MulDivRound(long value, long numerator, long denominator, RoundingMode mode)
    {
        ulong hi = Math.BigMul((ulong)value, (ulong)numerator, out ulong lo);
        ulong d = (ulong)denominator;
        if (hi == 0)
        {
            ulong q = lo / d;
            ulong r = lo - (q * d);
            return (long)(q + RoundUp(q, r, d, mode));
        }

        UInt128 product = new(hi, lo);
        UInt128 q128 = product / d;
        ulong r128 = (ulong)(product - (q128 * d));
        return checked((long)(q128 + RoundUp((ulong)q128, r128, d, mode)));
    }

    /// <summary>1 when a quotient q with remainder r over divisor d rounds up under the mode, else 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong RoundUp(ulong q, ulong r, ulong d, RoundingMode mode)
    {
        if (r == 0)
        {
            return 0;
        }

        switch (mode)
        {
            case RoundingMode.HalfUp:
                return r >= d - r ? 1UL : 0UL;
            case RoundingMode.HalfEven:
                ulong rest = d - r;
                return r > rest || (r == rest && (q & 1) == 1) ? 1UL : 0UL;
            default:
                return 0;
        }
    }

    /// <summary>round(numerator / denominator) for any signs, exactly; ties of HalfUp go away from zero.</summary>
    internal static BigInteger RoundQuotient(BigInteger numerator, BigInteger denominator, RoundingMode mode)
    {
        if (denominator.Sign == 0)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        bool negative = numerator.Sign < 0;
        BigInteger q = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out BigInteger r);
        if (!r.IsZero)
        {
            BigInteger twice = r * 2;
            int cmp = twice.CompareTo(denominator);
            bool up = mode switch
            {
                RoundingMode.HalfUp => cmp >= 0,
                RoundingMode.HalfEven => cmp > 0 || (cmp == 0 && !q.IsEven),
                _ => false,
            };
            if (up)
            {
                q += 1;
            }
        }

        return negative ? -q : q;
    }

    /// <summary>A whole number of minor units as a decimal amount with exactly <paramref name="places"/> decimals.</summary>
    internal static decimal ToDecimal(long minor, int places)
    {
        bool negative = minor < 0;
        ulong abs = negative ? (ulong)(-minor) : (ulong)minor;
        return new decimal((int)(uint)abs, (int)(uint)(abs >> 32), 0, negative, (byte)places);
    }

    /// <summary>A BigInteger number of minor units as a decimal amount.</summary>
    internal static decimal ToDecimal(BigInteger minor, int places) => (decimal)minor / Pow10[places];

    /// <summary>
    /// Converts an amount to whole minor units, or returns false when it has more decimals than
    /// <paramref name="places"/> (it is not a whole number of minor units) or does not fit.
    /// </summary>
    internal static bool TryToMinor(decimal amount, int places, out long minor)
    {
        if (TryUnits(amount, out long units, out int scale) && TryScaleUnits(units, scale, places, out minor))
        {
            return true;
        }

        minor = 0;
        decimal scaled;
        try
        {
            scaled = amount * Pow10[places];
        }
        catch (OverflowException)
        {
            return false; // beyond decimal's range, so beyond a long's (a Try method refuses, it does not throw)
        }

        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        minor = (long)scaled;
        return true;
    }

    /// <summary>
    /// The common case of an amount, read from the decimal's own fields with no decimal arithmetic: a non-negative
    /// amount whose mantissa is below 2^40, as <paramref name="units"/> of 10^−<paramref name="scale"/>
    /// (value = units / 10^scale, the decimal's own scale, trailing zeros kept). False otherwise.
    /// </summary>
    internal static bool TryUnits(decimal amount, out long units, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] >= 0 && bits[2] == 0 && (uint)bits[1] <= 0xFF)
        {
            units = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            return true;
        }

        units = 0;
        return false;
    }

    /// <summary>Units of 10^−<paramref name="scale"/> below 2^40 (<see cref="TryUnits"/>) as minor units of
    /// <paramref name="places"/> decimals, exactly: when the scale is at most the places and no more than 6 fewer, so
    /// that units × 10^(places − scale) &lt; 2^60. False otherwise (the caller converts the amount by decimal arithmetic).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool TryScaleUnits(long units, int scale, int places, out long minor)
    {
        if (scale <= places && places - scale <= 6)
        {
            minor = units * Pow10[places - scale];
            return true;
        }

        minor = 0;
        return false;
    }

    /// <summary>The mantissa and scale of a decimal: value = mantissa / 10^scale, with trailing zeros removed.</summary>
    internal static (BigInteger Mantissa, int Scale) Decompose(decimal value)
    {
        value = Normalize(value);
        int scale = value.Scale;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        return (value < 0 ? -mantissa : mantissa, scale);
    }

    /// <summary>The same value with no trailing zeros (4.900 becomes 4.9).</summary>
    internal static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
