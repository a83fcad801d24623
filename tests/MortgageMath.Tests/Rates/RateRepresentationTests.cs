using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MortgageMath.Tests.Rates;

/// <summary>
/// <see cref="Rate"/> holds its value as a mantissa over a power of ten without trailing zeros, so equal values are
/// equal (and hash alike) however they were made, and comparison and + / − are integer arithmetic. Checked against
/// plain decimal arithmetic on <see cref="Rate.ToFraction"/>, which is exact for these values (at most 16 places,
/// magnitude at most 20).
/// </summary>
public sealed class RateRepresentationTests
{
    private static readonly long[] Pow10 = Enumerable.Range(0, 19).Select(k => (long)Math.Pow(10, k)).ToArray();

    /// <summary>mantissa / 10^scale as a decimal that keeps the scale (and so any trailing zeros).</summary>
    private static decimal ToDecimal(long mantissa, int scale)
    {
        ulong abs = (ulong)Math.Abs(mantissa);
        return new decimal((int)(uint)abs, (int)(uint)(abs >> 32), 0, mantissa < 0, (byte)scale);
    }

    /// <summary>A long in [0, max] from two ints, of a random number of digits (so small mantissas are common too).</summary>
    private static Gen<long> UpTo(long max) =>
        from digits in Gen.Choose(1, 18)
        from hi in Gen.Choose(0, int.MaxValue - 1)
        from lo in Gen.Choose(0, int.MaxValue - 1)
        select (((long)hi << 31) | (uint)lo) % Math.Min(Pow10[digits], max + 1);

    /// <summary>A decimal with at most 16 places and |x| ≤ 10, as (mantissa, scale); the scale may carry trailing zeros.</summary>
    private static Gen<decimal> Fractions =>
        Gen.Frequency(
            (1, Gen.Elements(0m, 10m, -10m, 0.0000000000000001m, -0.0000000000000001m, 9.9999999999999999m, 0.049m, 0.04900m, 1m, 1.0000000000000000m)),
            (8, from scale in Gen.Choose(0, 16)
                from magnitude in UpTo(10 * Pow10[scale])
                from negative in Gen.Elements(false, true)
                select ToDecimal(negative ? -magnitude : magnitude, scale)));

    private static Gen<Rate> Rates => Fractions.Select(Rate.Fraction);

    /// <summary>Pairs of rates: independent, equal values of different scales, and close values on a coarse grid
    /// (so that equality, ties in comparisons and exact zeros come up often).</summary>
    private static Gen<(Rate A, Rate B)> Pairs =>
        Gen.Frequency(
            (4, from a in Rates from b in Rates select (a, b)),
            (2, from x in Fractions
                let parts = Parts(x)
                from extra in Gen.Choose(0, 16 - parts.Scale) // the same value padded with trailing zeros
                select (Rate.Fraction(x), Rate.Fraction(ToDecimal(parts.Mantissa * Pow10[extra], parts.Scale + extra)))),
            (2, from a in Gen.Choose(-100, 100)
                from b in Gen.Choose(-100, 100)
                from sa in Gen.Choose(1, 3)
                from sb in Gen.Choose(1, 3)
                select (Rate.Fraction(ToDecimal(a, sa)), Rate.Fraction(ToDecimal(b, sb)))));

    /// <summary>A decimal's own mantissa and scale (trailing zeros included), read from its bits.</summary>
    private static (long Mantissa, int Scale) Parts(decimal value)
    {
        int[] bits = decimal.GetBits(value);
        Assert.Equal(0, bits[2]);
        long mantissa = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return (value < 0 ? -mantissa : mantissa, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>The scale of a decimal once its trailing zeros are dropped.</summary>
    private static int SignificantScale(decimal value)
    {
        (long mantissa, int scale) = Parts(value);
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return scale;
    }

    // ---- equal values, however made

    [Fact]
    public void Equal_values_are_equal_with_equal_hash_codes()
    {
        Rate[] same =
        [
            Rate.Percent(4.9m), Rate.Percent(4.900m), Rate.Percent(4.90000000000000m), Rate.Fraction(0.049m),
            Rate.Fraction(0.0490000000000000m), Rate.BasisPoints(490m), Rate.BasisPoints(490.000000000000m),
            Rate.Percent(3.65m) + Rate.BasisPoints(125m), Rate.Percent(5m) - Rate.BasisPoints(10m),
            Rate.Fraction(0.05m) - Rate.Fraction(0.001m), Rate.Zero + Rate.Percent(4.9m),
        ];
        foreach (Rate a in same)
        {
            foreach (Rate b in same)
            {
                Assert.True(a == b, $"{a} vs {b}");
                Assert.False(a != b);
                Assert.True(a.Equals(b));
                Assert.True(a.Equals((object)b));
                Assert.Equal(0, a.CompareTo(b));
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
                Assert.Equal(a.ToFixedPoint(), b.ToFixedPoint());
            }

            Assert.Equal((49L, 3), a.ToFixedPoint());
            Assert.Equal("4.9%", a.ToString());
            Assert.Equal(0.049m, a.ToFraction());
            Assert.Equal(3, a.ToFraction().Scale); // no trailing zeros kept from how it was made
            Assert.Equal(4.9m, a.ToPercent());
            Assert.Equal(490m, a.ToBasisPoints());
        }

        Assert.Single(same.Distinct());
        Assert.Single(new HashSet<Rate>(same));
        Assert.NotEqual(Rate.Percent(4.9m), Rate.Percent(4.91m));
        Assert.False(Rate.Percent(4.9m).Equals("4.9%"));
    }

    [Fact]
    public void A_zero_difference_is_Zero()
    {
        Rate[] zeros =
        [
            Rate.Percent(4.9m) - Rate.Fraction(0.049m), Rate.Percent(3.65m) + Rate.Percent(-3.65m), Rate.Percent(0.000m),
            Rate.BasisPoints(-0m), Rate.Fraction(0.0000000000000000m), Rate.Fraction(-0.0000000000000000m),
            Rate.Fraction(0.0000000000000001m) - Rate.Fraction(0.0000000000000001m), Rate.Percent(1000m) - Rate.Percent(1000m),
            default,
        ];
        foreach (Rate zero in zeros)
        {
            Assert.Equal(Rate.Zero, zero);
            Assert.True(zero == Rate.Zero);
            Assert.Equal(Rate.Zero.GetHashCode(), zero.GetHashCode());
            Assert.Equal((0L, 0), zero.ToFixedPoint());
            Assert.Equal(0m, zero.ToFraction());
            Assert.Equal(0, zero.ToFraction().Scale);
            Assert.False(decimal.IsNegative(zero.ToFraction()));
            Assert.Equal("0%", zero.ToString());
        }
    }

    [Fact]
    public void Fixed_point_has_no_trailing_zeros()
    {
        Assert.Equal((49L, 3), Rate.Percent(4.9m).ToFixedPoint());
        Assert.Equal((4L, 2), (Rate.Percent(3.65m) + Rate.Percent(0.35m)).ToFixedPoint());
        Assert.Equal((0L, 0), Rate.Zero.ToFixedPoint());
        Assert.Equal((1L, 0), Rate.Percent(100m).ToFixedPoint());
        Assert.Equal((10L, 0), Rate.Percent(1000m).ToFixedPoint()); // an integer keeps its zero: scale 0
        Assert.Equal((-10L, 0), Rate.Percent(-1000m).ToFixedPoint());
        Assert.Equal((1L, 16), Rate.Fraction(0.0000000000000001m).ToFixedPoint());
        Assert.Equal((-635L, 5), Rate.BasisPoints(-63.5m).ToFixedPoint());
        Assert.Equal((1L, 1), (Rate.Percent(4.95m) + Rate.Percent(5.05m)).ToFixedPoint());
        Assert.Equal((99_999_999_999_999_999L, 16), Rate.Fraction(9.9999999999999999m).ToFixedPoint());
    }

    [Property(MaxTest = 500)]
    public Property Fixed_point_is_the_value_without_trailing_zeros() =>
        Prop.ForAll(Arb.From(Fractions), x =>
        {
            (long mantissa, int scale) = Rate.Fraction(x).ToFixedPoint();
            Assert.InRange(scale, 0, 16);
            Assert.True(ToDecimal(mantissa, scale) == x, $"{x}: ({mantissa}, {scale})");
            Assert.True(mantissa % 10 != 0 || scale == 0, $"{x}: ({mantissa}, {scale}) has a trailing zero");
            Assert.True(mantissa != 0 || scale == 0, $"{x}: zero at scale {scale}");
        });

    // ---- ToFraction round trip and the other units

    [Property(MaxTest = 500)]
    public Property Fraction_round_trips() =>
        Prop.ForAll(Arb.From(Fractions), x =>
        {
            Rate rate = Rate.Fraction(x);
            Assert.Equal(x, rate.ToFraction());
            Assert.Equal(SignificantScale(x), rate.ToFraction().Scale);
            Assert.Equal(rate, Rate.Fraction(rate.ToFraction()));
            Assert.Equal(x * 100m, rate.ToPercent());
            Assert.Equal(x * 10_000m, rate.ToBasisPoints());
        });

    [Property(MaxTest = 500)]
    public Property Percent_basis_points_and_fraction_of_the_same_value_are_equal() =>
        Prop.ForAll(Arb.From(Fractions), x =>
        {
            Rate fraction = Rate.Fraction(x);
            Rate percent = Rate.Percent(x * 100m);
            Rate basisPoints = Rate.BasisPoints(x * 10_000m);
            Assert.Equal(fraction, percent);
            Assert.Equal(fraction, basisPoints);
            Assert.Equal(fraction.GetHashCode(), percent.GetHashCode());
            Assert.Equal(fraction.GetHashCode(), basisPoints.GetHashCode());
            Assert.Equal(fraction.ToFixedPoint(), percent.ToFixedPoint());
        });

    // ---- comparison, equality and arithmetic agree with decimal

    [Property(MaxTest = 500)]
    public Property Comparisons_agree_with_decimal() =>
        Prop.ForAll(Arb.From(Pairs), p =>
        {
            (Rate a, Rate b) = p;
            decimal x = a.ToFraction(), y = b.ToFraction();
            string info = $"{a} vs {b}";
            Assert.True((a < b) == (x < y), info);
            Assert.True((a > b) == (x > y), info);
            Assert.True((a <= b) == (x <= y), info);
            Assert.True((a >= b) == (x >= y), info);
            Assert.True((a == b) == (x == y), info);
            Assert.True((a != b) == (x != y), info);
            Assert.True(a.Equals(b) == (x == y), info);
            Assert.True(a.Equals((object)b) == (x == y), info);
            Assert.True(Math.Sign(a.CompareTo(b)) == x.CompareTo(y), info);
            Assert.True(Math.Sign(b.CompareTo(a)) == -x.CompareTo(y), info);
            if (x == y)
            {
                Assert.True(a.GetHashCode() == b.GetHashCode(), info);
                Assert.True(a.ToFixedPoint() == b.ToFixedPoint(), info);
            }
        });

    [Property(MaxTest = 500)]
    public Property Sum_and_difference_agree_with_decimal() =>
        Prop.ForAll(Arb.From(Pairs), p =>
        {
            (Rate a, Rate b) = p;
            decimal x = a.ToFraction(), y = b.ToFraction();
            AssertCombines(x + y, () => a + b, $"{a} + {b}");
            AssertCombines(x - y, () => a - b, $"{a} - {b}");
            AssertCombines(y - x, () => b - a, $"{b} - {a}");
        });

    private static void AssertCombines(decimal expected, Func<Rate> combine, string info)
    {
        if (Math.Abs(expected) <= 10m)
        {
            Rate result = combine();
            Assert.True(result.ToFraction() == expected, $"{info} = {result}, decimal {expected}");
            Assert.True(result == Rate.Fraction(expected), $"{info} = {result}, decimal {expected}");
            Assert.True(result.GetHashCode() == Rate.Fraction(expected).GetHashCode(), info);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => combine());
        }
    }

    // ---- limits

    [Fact]
    public void Overflow_of_the_1000_percent_limit_throws()
    {
        var sum = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(900m) + Rate.Percent(200m));
        Assert.Equal("right", sum.ParamName);
        Assert.Contains("1000%", sum.Message, StringComparison.Ordinal);
        Assert.Equal(1100m, sum.ActualValue);
        var difference = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(-900m) - Rate.Percent(200m));
        Assert.Equal(-1100m, difference.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(1000m) + Rate.Fraction(0.0000000000000001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(-1000m) - Rate.Fraction(0.0000000000000001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(1000m) - Rate.Percent(-1000m));

        // Exactly at the limit is fine.
        Assert.Equal(Rate.Percent(1000m), Rate.Percent(900m) + Rate.Percent(100m));
        Assert.Equal(Rate.Percent(-1000m), Rate.Percent(-500m) - Rate.Percent(500m));
        Assert.Equal(Rate.Percent(1000m), Rate.Fraction(9.9999999999999999m) + Rate.Fraction(0.0000000000000001m));
    }

    [Fact]
    public void Negative_rates_work()
    {
        Rate minus = Rate.BasisPoints(-63.5m);
        Assert.Equal(-0.00635m, minus.ToFraction());
        Assert.Equal(-0.635m, minus.ToPercent());
        Assert.Equal("-0.635%", minus.ToString());
        Assert.True(minus < Rate.Zero);
        Assert.True(Rate.Percent(-2m) < minus);
        Assert.Equal(Rate.Percent(4.265m), Rate.Percent(4.9m) + minus);
        Assert.Equal(Rate.Zero - Rate.Percent(4.9m), Rate.Percent(-4.9m));
        Assert.Equal(Rate.Percent(-4.9m), Rate.Fraction(-0.049m));
        Assert.NotEqual(Rate.Percent(-4.9m), Rate.Percent(4.9m));
        Assert.True(Rate.Percent(-1000m) < Rate.Percent(-999.99999999999999m));
    }

    [Fact]
    public void The_smallest_step_is_exact()
    {
        Rate step = Rate.Fraction(0.0000000000000001m);
        Assert.Equal(0.0000000000000001m, step.ToFraction());
        Assert.Equal(step, Rate.Percent(0.00000000000001m));
        Assert.Equal(step, Rate.BasisPoints(0.000000000001m));
        Assert.True(step > Rate.Zero);
        Assert.True(Rate.Zero - step < Rate.Zero);
        Assert.Equal(Rate.Fraction(-0.0000000000000001m), Rate.Zero - step);
        Assert.Equal(Rate.Fraction(0.0490000000000001m), Rate.Percent(4.9m) + step);
        Assert.True(Rate.Percent(4.9m) + step > Rate.Percent(4.9m));
        Assert.True(Rate.Percent(4.9m) - step < Rate.Percent(4.9m));
        Assert.Equal(Rate.Percent(4.9m), Rate.Percent(4.9m) + step - step);
        Assert.Equal((1L, 16), step.ToFixedPoint());
        Assert.Equal((490_000_000_000_001L, 16), (Rate.Percent(4.9m) + step).ToFixedPoint());
        Assert.True(Rate.Fraction(10m) - step < Rate.Fraction(10m));
        Assert.True(Rate.Fraction(-10m) + step > Rate.Fraction(-10m));
    }
}
