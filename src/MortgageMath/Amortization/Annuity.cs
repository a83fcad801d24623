using System.Numerics;
using System.Runtime.CompilerServices;

namespace MortgageMath;

/// <summary>
/// The equal-installment payment A* = P·i·(1+i)^n / ((1+i)^n − 1), i = annual/12, rounded once to the minor unit.
/// A 64-bit, then a 128-bit binary estimate (<see cref="Float64"/>, <see cref="Float128"/>; no cancellation: they
/// iterate g = (1+i)^k − 1 directly) decides the rounding whenever A* is clearly away from a rounding boundary;
/// otherwise the exact rational, in <see cref="BigInteger"/>, decides. The result is therefore always the correctly
/// rounded exact value. Quotes print A* itself from a 28-digit decimal evaluation of the same formula.
/// </summary>
internal static class Annuity
{
    /// <summary>Below this growth g = (1+i)^n − 1 the decimal path loses digits, so the exact path is used.</summary>
    private const decimal MinGrowthForDecimal = 0.000001m;

    /// <summary>The rounded payment in minor units.</summary>
    internal static long Payment(long principal, in PeriodicRate rate, int periods, RoundingMode mode)
    {
        if (rate.Mantissa == 0)
        {
            return FixedPoint.MulDivRound(principal, 1, periods, mode);
        }

        return Estimate64(principal, rate, periods).TryRound(mode, Estimate64AccurateBits, out long quick)
            ? quick
            : CloseToBoundary(principal, rate, periods, mode);
    }

    /// <summary>The rare payment too close to a rounding boundary for the 64-bit estimate: the 128-bit one, then the
    /// exact rational (kept out of line so that the common path stays small).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long CloseToBoundary(long principal, in PeriodicRate rate, int periods, RoundingMode mode)
    {
        if (Estimate(principal, rate, periods).TryRound(mode, out long rounded))
        {
            return rounded;
        }

        (BigInteger num, BigInteger den) = Rational(principal, rate, periods);
        return (long)FixedPoint.RoundQuotient(num, den, mode);
    }

    /// <summary>
    /// A bound, in bits, on the relative accuracy of <see cref="Estimate64"/>: at most about 60 truncating operations
    /// for 600 periods, each off by less than 2^-62, plus the Newton reciprocals' 2^-60: far better than 2^-50.
    /// </summary>
    internal const int Estimate64AccurateBits = 50;

    /// <summary>The same estimate as <see cref="Estimate"/> with 64-bit mantissas: about five times cheaper, good to 2^-50.</summary>
    internal static Float64 Estimate64(long principal, in PeriodicRate rate, int periods)
    {
        // i = R / D as R × (1/D) with 1/D prepared per scale: the same operations as the division, done once.
        Float64 i = Float64.From((ulong)rate.Mantissa) * MonthlyReciprocals[rate.Scale];
        Float64 g = Growth(i, Float64.From(1), Float64.From(2), periods);
        return Float64.From((ulong)principal) * (i + (i / g));
    }

    /// <summary>1 / (12 × 10^s) for every scale s a rate can have, as <see cref="Float64.Reciprocal"/> gives it.</summary>
    private static readonly Float64[] MonthlyReciprocals = BuildMonthlyReciprocals();

    private static Float64[] BuildMonthlyReciprocals()
    {
        var reciprocals = new Float64[Rate.MaxFractionScale + 1];
        for (int s = 0; s < reciprocals.Length; s++)
        {
            reciprocals[s] = Float64.Reciprocal(Float64.From((ulong)(12 * FixedPoint.Pow10[s])));
        }

        return reciprocals;
    }

    /// <summary>
    /// A* in minor units as a 128-bit binary estimate (relative error far below 2^-100): g = (1+i)^n − 1 by
    /// doubling, without cancellation, then P·(i + i/g).
    /// </summary>
    internal static Float128 Estimate(long principal, in PeriodicRate rate, int periods)
    {
        Float128 i = Float128.From((ulong)rate.Mantissa) / Float128.From((ulong)rate.MonthlyDenominator);
        Float128 g = Growth(i, Float128.From(1), Float128.From(2), periods);
        return Float128.From((ulong)principal) * (i + (i / g));
    }

    /// <summary>
    /// g = (1+i)ⁿ − 1 by binary doubling without cancellation: g₂ₖ = gₖ·(gₖ + 2) and gₖ₊₁ = gₖ + i·(1 + gₖ); the same
    /// steps for every number type the estimates use.
    /// </summary>
    private static T Growth<T>(T i, T one, T two, int periods)
        where T : struct, IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>
    {
        T g = default; // zero, for decimal and for the binary estimates
        for (int bit = 31 - BitOperations.LeadingZeroCount((uint)periods); bit >= 0; bit--)
        {
            g *= g + two; // k → 2k
            if (((periods >> bit) & 1) == 1)
            {
                g += i * (one + g); // k → k + 1
            }
        }

        return g;
    }

    /// <summary>A* in minor units as a decimal (about 28 significant digits), for quotes.</summary>
    internal static decimal ExactPayment(long principal, in PeriodicRate rate, int periods)
    {
        if (rate.Mantissa == 0)
        {
            return (decimal)principal / periods;
        }

        if (TryDecimal(principal, rate, periods, out decimal exact))
        {
            return exact;
        }

        (BigInteger num, BigInteger den) = Rational(principal, rate, periods);
        return ToDecimal(num, den);
    }

    /// <summary>A* in minor units as the exact fraction num/den (rate must not be zero).</summary>
    internal static (BigInteger Numerator, BigInteger Denominator) Rational(long principal, in PeriodicRate rate, int periods)
    {
        // i = R / D with D = 12·10^s; 1 + i = N / D with N = D + R.
        // A* = P · (R/D) · N^n / (N^n − D^n)
        BigInteger d = rate.MonthlyDenominator;
        BigInteger n = d + rate.Mantissa;
        BigInteger nPow = BigInteger.Pow(n, periods);
        BigInteger dPow = BigInteger.Pow(d, periods);
        return (principal * (BigInteger)rate.Mantissa * nPow, d * (nPow - dPow));
    }

    private static bool TryDecimal(long principal, in PeriodicRate rate, int periods, out decimal exact)
    {
        exact = 0;
        decimal i = (decimal)rate.Mantissa / rate.MonthlyDenominator;
        decimal g = Growth(i, 1m, 2m, periods);

        if (g < MinGrowthForDecimal)
        {
            return false;
        }

        exact = principal * (i + (i / g));
        return true;
    }

    /// <summary>num/den as a decimal with as many digits as fit.</summary>
    internal static decimal ToDecimal(BigInteger num, BigInteger den)
    {
        BigInteger whole = BigInteger.Abs(num / den);
        int digits = whole.IsZero ? 0 : (int)Math.Floor(BigInteger.Log10(whole)) + 1;
        int scale = Math.Clamp(27 - digits, 0, 18);
        BigInteger scaled = FixedPoint.RoundQuotient(num * FixedPoint.Pow10[scale], den, RoundingMode.HalfEven);
        return (decimal)scaled / FixedPoint.Pow10[scale];
    }
}
