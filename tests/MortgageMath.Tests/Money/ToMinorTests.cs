using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath.Tests.Money;

/// <summary>
/// <see cref="FixedPoint.TryToMinor"/> (whose common case reads the decimal's fields) against its definition in
/// decimal arithmetic: the amount × 10^places, accepted exactly when that is a whole number within a long. For every
/// scale (0–28), sign, size (up to decimal's 96 bits) and number of places (0–18), and at the fast path's edges
/// (mantissa 2^40 − 1, 2^40; six and seven places more than the scale).
/// </summary>
public class ToMinorTests
{
    private static (bool Ok, long Minor) Definition(decimal amount, int places)
    {
        decimal scaled;
        try
        {
            scaled = amount * FixedPoint.Pow10[places];
        }
        catch (OverflowException)
        {
            return (false, 0);
        }

        return scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue ? (false, 0) : (true, (long)scaled);
    }

    private static Gen<decimal> Amounts =>
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Elements(0, 0, 0, 1, 0xFF, 0x100, 0x12345, int.MaxValue, -1)
        from hi in Gen.Elements(0, 0, 0, 0, 1, 7)
        from negative in Gen.Elements(false, false, true)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale);

    [Property(MaxTest = 5_000)]
    public Property The_minor_units_are_the_definition_s() =>
        Prop.ForAll(Arb.From(Amounts), Arb.From(Gen.Choose(0, 18)), (amount, places) =>
        {
            bool ok = FixedPoint.TryToMinor(amount, places, out long minor);
            Assert.Equal(Definition(amount, places), (ok, ok ? minor : 0));
        });

    [Theory]
    [InlineData("1099511627775", 0)] // 2^40 − 1: the fast path's largest mantissa
    [InlineData("1099511627776", 0)] // 2^40: the general path
    [InlineData("1099511.627775", 6)]
    [InlineData("1099511627775", 6)] // six places more than the scale
    [InlineData("1099511627775", 7)] // seven: the general path
    [InlineData("5307.27", 2)]
    [InlineData("5307.270", 2)]
    [InlineData("5307.275", 2)] // not a whole number of fen: refused
    [InlineData("-0.01", 2)]
    [InlineData("0", 4)]
    public void The_edges_of_the_fast_path_give_the_definition_s_figure(string text, int places)
    {
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        bool ok = FixedPoint.TryToMinor(amount, places, out long minor);
        Assert.Equal(Definition(amount, places), (ok, ok ? minor : 0));
    }

    /// <summary>A received payment keeps its amount's units worked out once (trailing zeros removed) and converts
    /// with them: the same answer as the definition for every positive amount a payment can have, and equal amounts
    /// (5307.27, 5307.270) are equal payments with equal hash codes.</summary>
    [Property(MaxTest = 5_000)]
    public Property A_payment_s_minor_units_are_the_definition_s() =>
        Prop.ForAll(Arb.From(Amounts), Arb.From(Gen.Choose(0, 18)), Arb.From(Gen.Choose(0, 3)), (amount, places, zeros) =>
        {
            amount = Math.Abs(amount);
            if (amount == 0m || amount > Loan.MaxPrincipal)
            {
                return;
            }

            var payment = new ReceivedPayment(new LocalDate(2025, 4, 20), amount);
            bool ok = payment.TryToMinor(places, out long minor);
            Assert.Equal(Definition(amount, places), (ok, ok ? minor : 0));

            // the same amount with trailing zeros (when the 96-bit mantissa has room): an equal payment, converted the same
            decimal padded = amount * decimal.Parse("1." + new string('0', zeros), System.Globalization.CultureInfo.InvariantCulture);
            if (padded.Scale == amount.Scale + zeros)
            {
                var same = new ReceivedPayment(new LocalDate(2025, 4, 20), padded);
                Assert.True(padded == amount, $"{padded} {amount}");
                Assert.True(same == payment && same.GetHashCode() == payment.GetHashCode(), $"{same} {payment} {same == payment} {same.GetHashCode()} {payment.GetHashCode()}");
                Assert.Equal((ok, ok ? minor : 0), same.TryToMinor(places, out long other) ? (true, other) : (false, 0));
            }
        });
}
