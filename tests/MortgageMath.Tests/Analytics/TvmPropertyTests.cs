using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MortgageMath.Tests.Analytics;

/// <summary>Identities the time-value functions must satisfy in decimal, over a few hundred random loans each.</summary>
public sealed class TvmPropertyTests
{
    /// <summary>Per-period rates: zero, tiny (1e-10), typical monthly and yearly, high, and negative.</summary>
    private static Gen<decimal> Rates =>
        Gen.Frequency(
            (1, Gen.Elements(0m, 0.0000000001m, 0.000001m, 0.08m / 12, 0.049m / 12, 0.5m, -0.005m)),
            (6, Gen.Choose(1, 3_000_000).Select(k => k / 100_000_000m)), // up to 3% per period, 8 decimals
            (1, Gen.Choose(1, 500_000).Select(k => -k / 100_000_000m))); // down to -0.5%

    private static Gen<decimal> PositiveRates => Rates.Where(r => r > 0m);

    private static Gen<int> Periods => Gen.Frequency((1, Gen.Elements(1, 2, 12, 360, 600)), (4, Gen.Choose(1, 480)));

    private static Gen<decimal> Amounts => Gen.Choose(1, 200_000_000).Select(c => c / 100m); // 0.01 to 2,000,000.00

    private static Gen<PaymentTiming> Timings => Gen.Elements(PaymentTiming.EndOfPeriod, PaymentTiming.BeginningOfPeriod);

    private static Arbitrary<(decimal R, int N, decimal Pv, PaymentTiming T)> Loans(Gen<decimal> rates) =>
        Arb.From(from r in rates from n in Periods from pv in Amounts from t in Timings select (r, n, pv, t));

    /// <summary>PV(r, n, PMT(r, n, pv)) = pv: the payment (negative) is worth the loan (positive) today. (Equivalently
    /// PV(r, n, −PMT) = −pv.)</summary>
    [Property(MaxTest = 300)]
    public Property Pv_of_the_payment_is_the_loan() =>
        Prop.ForAll(Loans(Rates), c =>
        {
            decimal pmt = Tvm.Pmt(c.R, c.N, c.Pv, 0m, c.T);
            Near.Relative(c.Pv, Tvm.Pv(c.R, c.N, pmt, 0m, c.T), 0.00000000000000000001m);
            Near.Relative(-c.Pv, Tvm.Pv(c.R, c.N, -pmt, 0m, c.T), 0.00000000000000000001m);
        });

    [Property(MaxTest = 300)]
    public Property Interest_plus_principal_is_the_payment() =>
        Prop.ForAll(Loans(Rates), c =>
        {
            decimal pmt = Tvm.Pmt(c.R, c.N, c.Pv, 0m, c.T);
            int per = 1 + (int)(c.Pv % c.N);
            decimal sum = Tvm.IPmt(c.R, per, c.N, c.Pv, 0m, c.T) + Tvm.PPmt(c.R, per, c.N, c.Pv, 0m, c.T);
            Near.Relative(pmt, sum, 0.0000000000000000000001m);
        });

    [Property(MaxTest = 200)]
    public Property Cumulative_interest_over_the_whole_loan_is_payments_minus_principal() =>
        Prop.ForAll(Loans(PositiveRates), c =>
        {
            decimal pmt = Tvm.Pmt(c.R, c.N, c.Pv, 0m, c.T);
            decimal interest = Tvm.CumIPmt(c.R, c.N, c.Pv, 1, c.N, c.T);
            decimal principal = Tvm.CumPrinc(c.R, c.N, c.Pv, 1, c.N, c.T);
            Near.Absolute((pmt * c.N) + c.Pv, interest, 0.000000000000000001m * c.Pv);
            Near.Absolute(-c.Pv, principal, 0.000000000000000001m * c.Pv);
        });

    /// <summary>RATE(n, PMT(r, n, pv), pv) = r. (One payment in advance, n = 1 with payments at the beginning, is
    /// repaid at once: every rate fits, so that case is left out.)</summary>
    [Property(MaxTest = 300)]
    public Property Rate_recovers_the_rate_of_a_payment() =>
        Prop.ForAll(Loans(Rates), c =>
        {
            if (c.N == 1 && c.T == PaymentTiming.BeginningOfPeriod)
            {
                return;
            }

            decimal pmt = Tvm.Pmt(c.R, c.N, c.Pv, 0m, c.T);
            decimal rate = Tvm.Rate(c.N, pmt, c.Pv, 0m, c.T);
            Near.Absolute(c.R, rate, 0.00000000000000000001m + (0.0000000000000001m * Math.Abs(c.R)));
        });

    [Property(MaxTest = 200)]
    public Property Irr_of_a_level_annuity_is_its_rate() =>
        Prop.ForAll(Loans(Rates.Where(r => r > -0.005m)), c =>
        {
            int n = Math.Min(c.N, 120);
            decimal a = -Tvm.Pmt(c.R, n, c.Pv);
            var flows = new decimal[n + 1];
            flows[0] = -c.Pv;
            Array.Fill(flows, a, 1, n);
            decimal irr = CashFlows.Irr(flows);
            Near.Absolute(c.R, irr, 0.00000000000000000001m + (0.0000000000000001m * Math.Abs(c.R)));
            Near.Absolute(0m, flows[0] + CashFlows.Npv(irr, flows.Skip(1)), 0.0000000000000000001m * c.Pv);
        });

    private static Gen<decimal[]> Flows =>
        from n in Gen.Choose(2, 40)
        from first in Gen.Choose(1, 1_000_000)
        from rest in Gen.ArrayOf(Gen.Choose(-20_000, 100_000), n)
        select new[] { -(decimal)first }.Concat(rest.Select(x => (decimal)x)).ToArray();

    [Property(MaxTest = 300)]
    public Property Npv_at_the_irr_is_zero() =>
        Prop.ForAll(Arb.From(Flows), flows =>
        {
            decimal irr;
            try
            {
                irr = CashFlows.Irr(flows);
            }
            catch (NoSolutionException)
            {
                // Only allowed when no sign change is certain to exist: at r = 0 the NPV is Σ flows, and it tends
                // to flows[0] < 0 as r grows, so Σ flows > 0 guarantees a root.
                Assert.True(flows.Sum() <= 0m, "an IRR exists but was not found");
                return;
            }

            decimal scale = flows.Sum(Math.Abs);
            if (irr >= 0m)
            {
                decimal npv = flows[0] + CashFlows.Npv(irr, flows.Skip(1));
                Near.Absolute(0m, npv, 0.00000000000000000001m * scale);
                return;
            }

            // Below 0 the discount factors (1 + r)^-k grow without bound near -100% (and can exceed decimal's range), so
            // check the NPV scaled by (1 + r)^(n-1): Σ flows[k]·(1 + r)^(n-1-k), whose terms never grow.
            decimal scaled = 0m;
            for (int k = 0; k < flows.Length; k++)
            {
                scaled += flows[k] * DecimalMath.IntegerPower(1m + irr, flows.Length - 1 - k);
            }

            Near.Absolute(0m, scaled, 0.00000000000000000001m * scale);
        });
}
