using System.Numerics;

namespace MortgageMath;

/// <summary>
/// A positive binary floating-point number with a 128-bit mantissa (value = <see cref="Mantissa"/> × 2^<see cref="Exponent"/>,
/// the mantissa's top bit set), for the annuity estimate. Each operation truncates, so its relative error is below
/// 2^-126. It never decides a rounding on its own: callers use it only when the value is far from a rounding
/// boundary compared with the accumulated error, and fall back to exact rationals otherwise. It is not money.
/// </summary>
internal readonly struct Float128 :
    IAdditionOperators<Float128, Float128, Float128>, IMultiplyOperators<Float128, Float128, Float128>, IDivisionOperators<Float128, Float128, Float128>
{
    internal Float128(UInt128 mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    internal UInt128 Mantissa { get; }

    internal int Exponent { get; }

    internal bool IsZero => Mantissa == UInt128.Zero;

    internal static Float128 From(ulong value)
    {
        if (value == 0)
        {
            return default;
        }

        int lz = BitOperations.LeadingZeroCount(value);
        return new Float128((UInt128)value << (64 + lz), -(64 + lz));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float128 operator *(Float128 a, Float128 b)
    {
        if (a.IsZero || b.IsZero)
        {
            return default;
        }

        ulong a1 = (ulong)(a.Mantissa >> 64), a0 = (ulong)a.Mantissa;
        ulong b1 = (ulong)(b.Mantissa >> 64), b0 = (ulong)b.Mantissa;
        ulong h00 = Math.BigMul(a0, b0, out _);
        ulong h01 = Math.BigMul(a0, b1, out ulong l01);
        ulong h10 = Math.BigMul(a1, b0, out ulong l10);
        ulong h11 = Math.BigMul(a1, b1, out ulong l11);
        UInt128 middle = (UInt128)h00 + l01 + l10;
        UInt128 upper = (UInt128)h01 + h10 + l11 + (ulong)(middle >> 64);
        ulong w3 = h11 + (ulong)(upper >> 64);
        ulong w2 = (ulong)upper;
        ulong w1 = (ulong)middle;
        UInt128 high = new(w3, w2);
        int exponent = a.Exponent + b.Exponent + 128;
        if ((w3 >> 63) == 0)
        {
            high = (high << 1) | (w1 >> 63);
            exponent--;
        }

        return new Float128(high, exponent);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float128 operator +(Float128 a, Float128 b)
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
        if (shift >= 128)
        {
            return a;
        }

        UInt128 sum = a.Mantissa + (b.Mantissa >> shift);
        if (sum < a.Mantissa)
        {
            return new Float128((sum >> 1) | (UInt128.One << 127), a.Exponent + 1);
        }

        return new Float128(sum, a.Exponent);
    }

    /// <summary>a − b for a ≥ b (the caller guarantees it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Float128 operator -(Float128 a, Float128 b)
    {
        if (b.IsZero)
        {
            return a;
        }

        int shift = a.Exponent - b.Exponent;
        if (shift >= 128)
        {
            return a;
        }

        UInt128 difference = a.Mantissa - (b.Mantissa >> shift);
        if (difference == UInt128.Zero)
        {
            return default;
        }

        int lz = (int)UInt128.LeadingZeroCount(difference);
        return new Float128(difference << lz, a.Exponent - lz);
    }

    /// <summary>1 / value by two Newton steps from a 64-bit estimate.</summary>
    internal static Float128 Reciprocal(Float128 value)
    {
        ulong top = (ulong)(value.Mantissa >> 64); // in [2^63, 2^64)
        UInt128 estimate = (UInt128.One << 127) / top; // in (2^63, 2^64]
        int lz = (int)UInt128.LeadingZeroCount(estimate);
        var r = new Float128(estimate << lz, -191 - value.Exponent - lz);
        Float128 two = From(2);
        r *= two - (value * r);
        r *= two - (value * r);
        return r;
    }

    public static Float128 operator /(Float128 a, Float128 b) => a * Reciprocal(b);

    /// <summary>
    /// Rounds to an integer by <paramref name="mode"/> when the value is clearly away from the rounding boundary
    /// (more than 2^-64 of a unit, far above the accumulated error of the estimate); otherwise returns false.
    /// </summary>
    internal bool TryRound(RoundingMode mode, out long result)
    {
        result = 0;
        int shift = -Exponent;
        if (IsZero)
        {
            return true;
        }

        if (shift <= 64)
        {
            return false; // ≥ 2^63: never an amount here; let the exact path decide
        }

        UInt128 whole = shift >= 128 ? UInt128.Zero : Mantissa >> shift;
        // The fraction scaled to 64 bits: frac = fractional part × 2^64.
        // (C# masks shift counts to 0..127, so each shift below stays in range.)
        ulong fraction = shift switch
        {
            >= 192 => 0, // below 2^-64 of a unit
            >= 128 => (ulong)(Mantissa >> (shift - 64)),
            _ => (ulong)((Mantissa << (128 - shift)) >> 64),
        };
        const ulong margin = 1UL << 20; // 2^-44 of a unit
        const ulong half = 1UL << 63;
        bool up;
        if (mode == RoundingMode.Truncate)
        {
            if (fraction < margin || fraction > ulong.MaxValue - margin)
            {
                return false;
            }

            up = false;
        }
        else
        {
            ulong distance = fraction > half ? fraction - half : half - fraction;
            if (distance < margin)
            {
                return false;
            }

            up = fraction > half;
        }

        result = (long)whole + (up ? 1 : 0);
        return true;
    }
}
