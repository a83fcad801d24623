using System.Numerics;

namespace MortgageMath.Tests.Properties;

/// <summary>
/// Independent exact oracles, written from the formulas in china-mortgage-conventions.md §3 / §8.1 with
/// <see cref="BigInteger"/> rationals built from the decimals' own mantissas. Deliberately does NOT call the
/// library's FixedPoint, Annuity or PeriodicRate.
/// </summary>
internal static class ExactOracle
{
    /// <summary>value = Mantissa / 10^Scale, read straight from decimal.GetBits.</summary>
    internal static (BigInteger Mantissa, int Scale) Parts(decimal value)
    {
        int[] bits = decimal.GetBits(value);
        BigInteger m = new BigInteger((uint)bits[0])
            | (new BigInteger((uint)bits[1]) << 32)
            | (new BigInteger((uint)bits[2]) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        return (value < 0 ? -m : m, scale);
    }

    internal static BigInteger Pow10(int k) => BigInteger.Pow(10, k);

    /// <summary>Rounds num/den (den &gt; 0, num ≥ 0) to an integer.</summary>
    internal static BigInteger Round(BigInteger num, BigInteger den, RoundingMode mode)
    {
        if (den.Sign <= 0 || num.Sign < 0)
        {
            throw new ArgumentException("oracle expects num >= 0, den > 0");
        }

        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        if (r.IsZero)
        {
            return q;
        }

        BigInteger twice = 2 * r;
        return mode switch
        {
            RoundingMode.HalfUp => twice >= den ? q + 1 : q,
            RoundingMode.HalfEven => twice > den || (twice == den && !q.IsEven) ? q + 1 : q,
            RoundingMode.Truncate => q,
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
    }

    /// <summary>A whole number of minor units as a decimal (compared by value).</summary>
    internal static decimal Money(BigInteger minor, int places) => (decimal)minor / (decimal)Pow10(places);

    /// <summary>Whole minor units of an amount that is known to have at most <paramref name="places"/> decimals.</summary>
    internal static BigInteger ToMinor(decimal amount, int places)
    {
        (BigInteger m, int s) = Parts(amount);
        BigInteger scaled = m * Pow10(places);
        BigInteger q = BigInteger.DivRem(scaled, Pow10(s), out BigInteger r);
        if (!r.IsZero)
        {
            throw new ArgumentException($"{amount} is not a whole number of 10^-{places}");
        }

        return q;
    }

    /// <summary>round(opening × annual / 12) to the policy's places.</summary>
    internal static decimal MonthlyInterest(decimal opening, Rate annual, RoundingPolicy policy)
    {
        (BigInteger mo, int so) = Parts(opening);
        (BigInteger mr, int sr) = Parts(annual.ToFraction());
        BigInteger num = mo * mr * Pow10(policy.DecimalPlaces);
        BigInteger den = 12 * Pow10(so + sr);
        return Money(Round(num, den, policy.Mode), policy.DecimalPlaces);
    }

    /// <summary>round(opening × annual × days / daysInYear) to the policy's places.</summary>
    internal static decimal DailyInterest(decimal opening, Rate annual, int days, int daysInYear, RoundingPolicy policy)
    {
        (BigInteger mo, int so) = Parts(opening);
        (BigInteger mr, int sr) = Parts(annual.ToFraction());
        BigInteger num = mo * mr * days * Pow10(policy.DecimalPlaces);
        BigInteger den = daysInYear * Pow10(so + sr);
        return Money(Round(num, den, policy.Mode), policy.DecimalPlaces);
    }

    /// <summary>
    /// A* = P·i·(1+i)^n / ((1+i)^n − 1) with i = annual/12, as an exact fraction of minor units.
    /// With annual = r/10^s: i = r/(12·10^s) = r/D, 1+i = (D+r)/D, so
    /// A* = P·r·(D+r)^n / (D·((D+r)^n − D^n)). Rate 0: A* = P/n.
    /// </summary>
    internal static (BigInteger Num, BigInteger Den) AnnuityMinor(decimal principal, Rate annual, int n, int places)
    {
        (BigInteger mp, int sp) = Parts(principal);
        (BigInteger r, int s) = Parts(annual.ToFraction());
        BigInteger pNum = mp * Pow10(places); // P in minor units = pNum / 10^sp
        BigInteger pDen = Pow10(sp);
        if (r.IsZero)
        {
            return (pNum, pDen * n);
        }

        BigInteger d = 12 * Pow10(s);
        BigInteger growth = BigInteger.Pow(d + r, n);
        BigInteger dn = BigInteger.Pow(d, n);
        return (pNum * r * growth, pDen * d * (growth - dn));
    }

    /// <summary>round(A*) to the policy's places.</summary>
    internal static decimal AnnuityPayment(decimal principal, Rate annual, int n, RoundingPolicy policy)
    {
        (BigInteger num, BigInteger den) = AnnuityMinor(principal, annual, n, policy.DecimalPlaces);
        return Money(Round(num, den, policy.Mode), policy.DecimalPlaces);
    }

    /// <summary>C1 formula total interest, equal installment: round(A*·n − P).</summary>
    internal static decimal AnnuityFormulaTotal(decimal principal, Rate annual, int n, RoundingPolicy policy)
    {
        (BigInteger num, BigInteger den) = AnnuityMinor(principal, annual, n, policy.DecimalPlaces);
        BigInteger p = ToMinor(principal, policy.DecimalPlaces);
        BigInteger excess = (num * n) - (p * den);
        if (excess.Sign < 0)
        {
            throw new InvalidOperationException("A*·n < P cannot happen for rates >= 0");
        }

        return Money(Round(excess, den, policy.Mode), policy.DecimalPlaces);
    }

    /// <summary>Equal-principal formula total interest: round(P·i·(n+1)/2).</summary>
    internal static decimal EqualPrincipalFormulaTotal(decimal principal, Rate annual, int n, RoundingPolicy policy)
    {
        (BigInteger mp, int sp) = Parts(principal);
        (BigInteger r, int s) = Parts(annual.ToFraction());
        BigInteger num = mp * r * (n + 1) * Pow10(policy.DecimalPlaces);
        BigInteger den = 2 * 12 * Pow10(s + sp);
        return Money(Round(num, den, policy.Mode), policy.DecimalPlaces);
    }
}
