using System.Numerics;

namespace MortgageMath;

/// <summary>
/// A positive binary floating-point number with a 64-bit mantissa (value = mantissa × 2^exponent, top bit set): the
/// cheap first tier of the annuity estimate. Each operation truncates (relative error below 2^-62); callers decide a
/// rounding from it only when the value is further from the boundary than a bound on the accumulated error, and
/// otherwise move on to <see cref="Float128"/> and then to exact rationals. It is not money.
/// </summary>
internal readonly struct Float64 :
    IAdditionOperators<Float64, Float64, Float64>, IMultiplyOperators<Float64, Float64, Float64>, IDivisionOperators<Float64, Float64, Float64>
{
    private Float64(ulong mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    internal ulong Mantissa { get; }

    internal int Exponent { get; }

    internal bool IsZero => Mantissa == 0;

    internal static Float64 From(ulong value)
    {
        if (value == 0)
        {
            return default;
        }

        int lz = BitOperations.LeadingZeroCount(value);
        return new Float64(value << lz, -lz);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float64 operator *(Float64 a, Float64 b)
    {
        if (a.IsZero || b.IsZero)
        {
            return default;
        }

        ulong high = Math.BigMul(a.Mantissa, b.Mantissa, out ulong low);
        int exponent = a.Exponent + b.Exponent + 64;
        if ((high >> 63) == 0)
        {
            high = (high << 1) | (low >> 63);
            exponent--;
        }

        return new Float64(high, exponent);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float64 operator +(Float64 a, Float64 b)
    {
        if (a.IsZero)
        {
            return b;
        }

        if (b.IsZero)
        {
            return a;
        }

        if (a.Exponent < b.Exponent || (a.Exponent == b.Exponent && a.Mantissa < b.Mantissa))
        {
            (a, b) = (b, a);
        }

        int shift = a.Exponent - b.Exponent;
        if (shift >= 64)
        {
            return a;
        }

        ulong sum = a.Mantissa + (b.Mantissa >> shift);
        return sum < a.Mantissa
            ? new Float64((sum >> 1) | (1UL << 63), a.Exponent + 1)
            : new Float64(sum, a.Exponent);
    }

    /// <summary>a − b for a ≥ b (the caller guarantees it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float64 operator -(Float64 a, Float64 b)
    {
        int shift = a.Exponent - b.Exponent;
        if (b.IsZero || shift >= 64)
        {
            return a;
        }

        ulong difference = a.Mantissa - (b.Mantissa >> shift);
        if (difference == 0)
        {
            return default;
        }

        int lz = BitOperations.LeadingZeroCount(difference);
        return new Float64(difference << lz, a.Exponent - lz);
    }

    /// <summary>1 / value: a 31-bit estimate from one hardware division, then two Newton steps.</summary>
    internal static Float64 Reciprocal(Float64 value)
    {
        ulong top = value.Mantissa >> 32; // in [2^31, 2^32)
        ulong estimate = (1UL << 63) / (top + 1); // ≈ 2^95 / mantissa, in [2^31, 2^32)
        var r = new Float64(estimate << 32, -127 - value.Exponent);
        Float64 two = From(2);
        r *= two - (value * r);
        r *= two - (value * r);
        return r;
    }

    public static Float64 operator /(Float64 a, Float64 b) => a * Reciprocal(b);

    /// <summary>
    /// Rounds to an integer by <paramref name="mode"/> when the value's distance from the rounding boundary exceeds
    /// its relative error bound 2^-<paramref name="accurateBits"/> (plus a margin); otherwise returns false.
    /// </summary>
    internal bool TryRound(RoundingMode mode, int accurateBits, out long result)
    {
        result = 0;
        if (IsZero)
        {
            return true;
        }

        int shift = -Exponent; // value = mantissa / 2^shift
        if (shift <= 1 || shift >= 127)
        {
            return false;
        }

        // The value as a 64.64 fixed-point number; the error bound in the same units.
        UInt128 fixedPoint = shift <= 64 ? (UInt128)Mantissa << (64 - shift) : (UInt128)(Mantissa >> (shift - 64));
        UInt128 error = (fixedPoint >> accurateBits) + 2;
        ulong whole = (ulong)(fixedPoint >> 64);
        ulong fraction = (ulong)fixedPoint;
        const ulong half = 1UL << 63;
        bool up;
        if (mode == RoundingMode.Truncate)
        {
            if (fraction <= error || ulong.MaxValue - fraction <= error)
            {
                return false;
            }

            up = false;
        }
        else
        {
            ulong distance = fraction > half ? fraction - half : half - fraction;
            if (distance <= error)
            {
                return false;
            }

            up = fraction > half;
        }

        if (whole >= long.MaxValue)
        {
            return false;
        }

        result = (long)whole + (up ? 1 : 0);
        return true;
    }
}
