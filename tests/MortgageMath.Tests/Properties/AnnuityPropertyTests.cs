using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MortgageMath.Tests.Properties;

/// <summary>
/// The internal <c>Annuity.Payment</c> (decimal fast path with an exact fallback near rounding boundaries) must equal
/// the independent BigInteger oracle: round(P·i·(1+i)^n / ((1+i)^n − 1)).
/// </summary>
public class AnnuityPropertyTests
{
    /// <summary>Fractions with up to 16 decimals in (0, 1]: tiny (down to 1e-16, i.e. 0.000000000001 bp), 0.0001 bp, bp with 2 decimals, and dense 16-digit rates.</summary>
    private static Gen<Rate> AnyRate =>
        Gen.Frequency(
            (1, Gen.Elements(
                Rate.BasisPoints(0.0001m), Rate.BasisPoints(0.000000000001m), Rate.Fraction(0.0000000000000001m),
                Rate.Fraction(0.000001m), Rate.Fraction(0.0000012m), Rate.Fraction(1m), Rate.Fraction(0.9999999999999999m),
                Rate.Percent(4.9m), Rate.Percent(12m), Rate.Percent(24m))),
            (3, from scale in Gen.Choose(1, 16)
                from a in Gen.Choose(1, 99_999_999)
                from b in Gen.Choose(0, 99_999_999)
                let mantissa = ((long)a * 100_000_000) + b // up to ~10^16
                let value = mantissa % (long)Math.Pow(10, Math.Min(scale, 16))
                select Rate.Fraction(Math.Max(value, 1) / (decimal)Math.Pow(10, scale))),
            (3, Gen.Choose(1, 240_000).Select(h => Rate.BasisPoints(h / 100m))),
            (2, Gen.Choose(1, 1_000_000).Select(k => Rate.BasisPoints(k / 1_000_000m))));

    private static Gen<long> Principals =>
        Gen.Frequency(
            (1, Gen.Elements(1L, 2L, 99L, 100_000_000_000_000L, 10_000_000_000_000_000L)),
            (6, LoanGen.MinorUnits(16)));

    private static Gen<(long P, Rate R, int N, RoundingMode M)> Cases =>
        from p in Principals
        from r in AnyRate
        from n in LoanGen.Periods
        from m in Gen.Elements(RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Truncate)
        select (p, r, n, m);

    [Property(MaxTest = 3000)]
    public Property Payment_equals_the_exact_oracle() =>
        Prop.ForAll(Arb.From(Cases), c => AssertPayment(c.P, c.R, c.N, c.M));

    /// <summary>
    /// Exact ties (A* = k + ½ exactly) and exact integers: built from the reduced fraction A*/P = a/b, a tie needs an odd a
    /// and P = (b/2)·odd. The decimal path must defer to the exact path here (HalfUp up, HalfEven to even, Truncate down).
    /// </summary>
    [Fact]
    public void Payment_at_exact_ties_and_integers_matches_the_oracle()
    {
        int ties = 0;
        foreach (Rate rate in new[] { Rate.Percent(12m), Rate.Percent(6m), Rate.Percent(24m), Rate.Percent(1.2m), Rate.Percent(100m), Rate.Percent(18m), Rate.Percent(4.8m) })
        {
            for (int n = 1; n <= 8; n++)
            {
                (BigInteger num, BigInteger den) = ExactOracle.AnnuityMinor(1m, rate, n, 0); // A* per unit of principal
                BigInteger g = BigInteger.GreatestCommonDivisor(num, den);
                BigInteger a = num / g, b = den / g;
                if (b > 20_000_000_000_000)
                {
                    continue;
                }

                foreach (int odd in new[] { 1, 3, 7 })
                {
                    // P = b·odd makes A* an integer; P = (b/2)·odd makes it a tie when a is odd.
                    AssertPayment((long)(b * odd), rate, n, RoundingMode.HalfUp);
                    AssertPayment((long)(b * odd), rate, n, RoundingMode.Truncate);
                    AssertPayment((long)(b * odd) + 1, rate, n, RoundingMode.Truncate);
                    AssertPayment((long)(b * odd) - 1, rate, n, RoundingMode.Truncate);
                    if (b.IsEven && !a.IsEven)
                    {
                        ties++;
                        foreach (RoundingMode mode in Enum.GetValues<RoundingMode>())
                        {
                            AssertPayment((long)(b / 2 * odd), rate, n, mode);
                        }
                    }
                }
            }
        }

        Assert.True(ties > 10, $"only {ties} tie cases were constructed");
        // The classic: 50 at 12%/12 for one month is exactly 50.5 minor units.
        Assert.Equal(51L, Annuity.Payment(50, new PeriodicRate(Rate.Percent(12m)), 1, RoundingMode.HalfUp));
        Assert.Equal(50L, Annuity.Payment(50, new PeriodicRate(Rate.Percent(12m)), 1, RoundingMode.HalfEven));
        Assert.Equal(50L, Annuity.Payment(50, new PeriodicRate(Rate.Percent(12m)), 1, RoundingMode.Truncate));
    }

    /// <summary>Near the g = (1+i)^n − 1 ≈ 10^-6 switch between the exact and the decimal path, with huge principals.</summary>
    [Fact]
    public void Payment_near_the_decimal_path_threshold_matches_the_oracle()
    {
        foreach (int n in new[] { 1, 2, 12, 360, 600 })
        {
            // g ≈ n·i, so i ≈ 10^-6 / n: sweep the last digits around it.
            decimal center = 0.000001m / n * 12m; // annual fraction
            for (int k = -50; k <= 50; k++)
            {
                decimal annual = decimal.Round(center * (1m + (k / 1000m)), 16);
                if (annual <= 0)
                {
                    continue;
                }

                foreach (long p in new[] { 1L, 12_345L, 99_999_999_999_999L, 100_000_000_000_000L, 10_000_000_000_000_000L })
                {
                    foreach (RoundingMode mode in Enum.GetValues<RoundingMode>())
                    {
                        AssertPayment(p, Rate.Fraction(annual), n, mode);
                    }
                }
            }
        }
    }

    internal static void AssertPayment(long principal, Rate rate, int n, RoundingMode mode)
    {
        (BigInteger num, BigInteger den) = ExactOracle.AnnuityMinor(principal, rate, n, 0);
        long expected = (long)ExactOracle.Round(num, den, mode);
        long actual = Annuity.Payment(principal, new PeriodicRate(rate), n, mode);
        Assert.True(expected == actual, $"Annuity.Payment({principal}, {rate.ToFraction()}, {n}, {mode}) = {actual}, oracle {expected} (exact {(double)num / (double)den})");
    }
}
