using System.Numerics;

namespace MortgageMath.Tests.Money;

/// <summary>
/// The annuity payment's 128-bit estimate may decide a rounding only when it is right: compared here with the exact
/// rational P·R·Nⁿ / (D·(Nⁿ − Dⁿ)) for random loans in every rounding mode, including tiny and huge rates.
/// </summary>
public sealed class AnnuityEstimateTests
{
    [Fact]
    public void EstimateDecidesOnlyCorrectRoundings()
    {
        var random = new Random(20261122);
        int decided = 0;
        int decided64 = 0;
        for (int k = 0; k < 3000; k++)
        {
            long principal = (k % 3) switch
            {
                0 => random.NextInt64(1, 1_000),
                1 => random.NextInt64(1, 10_000_000_000),
                _ => random.NextInt64(1, 100_000_000_000_000),
            };
            decimal percent = (k % 4) switch
            {
                0 => random.Next(1, 1_000) / 1_000_000m,           // up to 0.001%
                1 => random.Next(1, 100_000_000) / 1_000_000m,     // up to 100%
                2 => random.Next(1, 2_400) / 100m,
                _ => random.Next(1, 1_000_000) / 1_000_000_000_000m, // tiny
            };
            int periods = random.Next(1, 601);
            var rate = new PeriodicRate(Rate.Percent(percent));
            (BigInteger num, BigInteger den) = Annuity.Rational(principal, rate, periods);
            foreach (RoundingMode mode in Enum.GetValues<RoundingMode>())
            {
                long exact = (long)FixedPoint.RoundQuotient(num, den, mode);
                if (Annuity.Estimate(principal, rate, periods).TryRound(mode, out long estimated))
                {
                    decided++;
                    Assert.True(exact == estimated, $"P={principal} r={percent}% n={periods} {mode}: estimate {estimated}, exact {exact}");
                }

                if (Annuity.Estimate64(principal, rate, periods).TryRound(mode, Annuity.Estimate64AccurateBits, out long quick))
                {
                    decided64++;
                    Assert.True(exact == quick, $"P={principal} r={percent}% n={periods} {mode}: 64-bit estimate {quick}, exact {exact}");
                }

                Assert.Equal(exact, Annuity.Payment(principal, rate, periods, mode));
            }
        }

        Assert.True(decided > 8_000, $"the estimate should decide almost every case; decided {decided} of 9000");
        Assert.True(decided64 > 6_000, $"the 64-bit estimate should decide most cases; decided {decided64} of 9000");
    }

    [Fact]
    public void ExactTieIsLeftToTheExactPath()
    {
        // 1 fen over 2 months at 0%... is not an annuity; build a tie directly: 0.5 units.
        var half = new Float128(UInt128.One << 127, -128);
        Assert.False(half.TryRound(RoundingMode.HalfUp, out _));
        var oneAndAQuarter = new Float128((UInt128)5 << 125, -127);
        Assert.True(oneAndAQuarter.TryRound(RoundingMode.HalfUp, out long rounded));
        Assert.Equal(1, rounded);
    }
}
