using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MortgageMath.Tests.Money;

/// <summary>The loop's multiply-and-shift division must equal hardware division for every numerator.</summary>
public sealed class DivisorTests
{
    private static readonly ulong[] Divisors =
    [
        1, 2, 3, 7, 10, 12, 120, 1_200, 12_000, 120_000, 12_000_000_000, 12 * 10_000_000_000_000_000UL,
        360, 365, 3_650_000_000_000_000_000, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) + 1,
    ];

    private static readonly ulong[] Numerators =
    [
        0, 1, 2, 11, 12, 13, 1_000_000_00, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1, 4_899_999_999_999,
    ];

    [Fact]
    public void EdgeNumeratorsDivideExactly()
    {
        foreach (ulong d in Divisors)
        {
            var divisor = new Divisor(d);
            foreach (ulong n in Numerators)
            {
                Assert.Equal(n / d, divisor.Divide(n));
            }

            // Multiples of the divisor and their neighbours, where an inexact reciprocal would be off by one.
            foreach (ulong k in new ulong[] { 1, 2, 3, 1_000, 123_456_789, ulong.MaxValue / d })
            {
                UInt128 multiple = (UInt128)k * d;
                if (multiple > ulong.MaxValue || k == 0)
                {
                    continue;
                }

                ulong m = (ulong)multiple;
                Assert.Equal(k, divisor.Divide(m));
                Assert.Equal(k - 1, divisor.Divide(m - 1));
                if (m < ulong.MaxValue)
                {
                    Assert.Equal((m + 1) / d, divisor.Divide(m + 1));
                }
            }
        }
    }

    [Property(MaxTest = 2000)]
    public void RandomNumeratorsAndDivisorsDivideExactly(ulong n, ulong d, int shift)
    {
        d = Math.Max(1, d >> (Math.Abs(shift) % 64));
        var divisor = new Divisor(d);
        Assert.Equal(n / d, divisor.Divide(n));
        Assert.Equal(n * 7919 / d, divisor.Divide(n * 7919));
    }

    [Fact]
    public void ZeroDivisorIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Divisor(0));

    [Theory]
    [InlineData(1_000_000_00L, 49L, 12_000L, 408_333L)]      // 1,000,000.00 × 4.9% / 12 = 4,083.333… → 4,083.33
    [InlineData(5L, 1L, 10L, 1L)]                            // 0.5 → 1 (half up)
    [InlineData(15L, 1L, 10L, 2L)]                           // 1.5 → 2
    public void MulDivRoundWithPreparedDivisorMatchesPlainDivision(long value, long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, FixedPoint.MulDivRound(value, numerator, new Divisor((ulong)denominator), RoundingMode.HalfUp));
        Assert.Equal(expected, FixedPoint.MulDivRound(value, numerator, denominator, RoundingMode.HalfUp));
    }

    [Property(MaxTest = 2000)]
    public void MulDivRoundPreparedEqualsUnprepared(long value, long numerator, int scale)
    {
        value = Math.Abs(value % 100_000_000_000_000L);
        numerator = Math.Abs(numerator % 10_000_000_000L);
        long denominator = 12 * FixedPoint.Pow10[Math.Abs(scale) % 17];
        foreach (RoundingMode mode in Enum.GetValues<RoundingMode>())
        {
            Assert.Equal(
                FixedPoint.MulDivRound(value, numerator, denominator, mode),
                FixedPoint.MulDivRound(value, numerator, new Divisor((ulong)denominator), mode));
        }
    }
}
