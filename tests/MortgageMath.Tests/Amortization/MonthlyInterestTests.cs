using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;

namespace MortgageMath.Tests.Amortization;

/// <summary>
/// The loop's monthly interest, round(balance × rate / 12), against the exact rational rounded by
/// <see cref="ExactOracle.Round"/>: on the 64-bit path (half up by adding half the divisor, truncation by the
/// quotient) and the 128-bit one (beyond the largest balance the 64-bit path takes, and half even), at the boundary
/// between them, for rates at every scale.
/// </summary>
public class MonthlyInterestTests
{
    private static readonly RoundingMode[] Modes = [RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Truncate];

    private static Gen<Rate> Rates =>
        from scale in Gen.Choose(0, 16)
        from mantissa in Gen.Choose(0, int.MaxValue).Select(m => (long)m * 7919 % 100_000_000_000_000_000L)
        let value = Math.Min(10m, mantissa / (decimal)Math.Pow(10, scale))
        select Rate.Fraction(value);

    [Property(MaxTest = 2_000)]
    public Property Monthly_interest_is_the_exact_rational_rounded_once() =>
        Prop.ForAll(Arb.From(Rates), Arb.From(Gen.Choose(0, int.MaxValue)), (rate, seed) =>
        {
            var periodic = new PeriodicRate(rate);
            var random = new Random(seed);
            // The largest balance of the 64-bit path, for half up: (2^64 − 1 − d/2) / m; around it, and anywhere below 10^15;
            // the (lower) limit of the plain loop's terms, and below it.
            BigInteger d = 12 * ExactOracle.Pow10(periodic.Scale);
            long edge = periodic.Mantissa == 0 ? long.MaxValue : (long)BigInteger.Min(long.MaxValue, (ulong.MaxValue - d / 2) / periodic.Mantissa);
            long fast = (long)Math.Min((ulong)long.MaxValue, periodic.FastLimit); // the largest balance of the plain loop's terms
            long[] balances = [0, 1, random.NextInt64(1, 1_000_000_000_000_000), Math.Max(0, edge - 1), edge, edge == long.MaxValue ? edge : edge + 1,
                fast, Math.Max(0, fast - 1), random.NextInt64(0, fast == long.MaxValue ? fast : fast + 1)];
            foreach (long balance in balances)
            {
                if (BigInteger.Multiply(balance, periodic.Mantissa) / d > long.MaxValue)
                {
                    continue;
                }

                foreach (RoundingMode mode in Modes)
                {
                    BigInteger expected = ExactOracle.Round(BigInteger.Multiply(balance, periodic.Mantissa), d, mode);
                    Assert.True(expected == periodic.MonthlyInterest(balance, mode), $"{balance} × {rate} / 12, {mode}: {expected} expected");
                    if ((ulong)balance <= periodic.FastLimit)
                    {
                        // The plain loop's terms, in registers, up to the limit.
                        Assert.True(expected == periodic.Terms(mode).Interest(balance), $"{balance} × {rate} / 12, {mode}, plain: {expected} expected");
                    }
                }
            }
        });
}
