using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Apr;

/// <summary>
/// Properties of the annualized rates over random fixed-rate loans (equal installment and equal principal, 1 to 30
/// years, disbursed on days 1–28 so that every due date is a whole number of months after disbursement).
/// </summary>
/// <remarks>
/// <para><b>Tolerance of "fee-free APR = note rate".</b> A bank schedule charges interest round(Bₖ₋₁ · i) on the
/// balance, i = annual rate / 12, so Bₖ = Bₖ₋₁(1 + i) + eₖ − Pₖ with a rounding error |eₖ| ≤ 0.005 (half a cent).
/// Discounting at i gives Σ Pₖ vᵏ = L + Σ eₖ vᵏ: at the note rate the flows miss the principal L by at most
/// 0.005 · n. The present value's slope in the rate is Σ k Pₖ v^(k+1) ≥ L / (1 + i), so the IRR differs from i by
/// at most 0.005 · n · (1 + i) / L a month, and the nominal annual figure by at most 12 times that:
/// <c>0.06 · n · (1 + i) / L</c> (for 1,000,000 over 360 months: 2.2·10⁻⁵, 0.2 basis points). The errors mostly
/// cancel, so the observed gaps are far smaller; the bound is what is guaranteed.</para>
/// </remarks>
public sealed class AprPropertyTests
{
    private static Gen<Loan> Loans =>
        from principal in Gen.Choose(1_000, 200_000).Select(k => k * 10m) // 10,000 to 2,000,000
        from bp in Gen.Choose(1, 1_500) // 0.01% to 15%
        from periods in Gen.Frequency((1, Gen.Elements(1, 12, 360)), (4, Gen.Choose(2, 360)))
        from year in Gen.Choose(2000, 2040)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from equalPrincipal in Gen.Elements(false, true)
        select new Loan(principal, Rate.BasisPoints(bp), periods, new LocalDate(year, month, day))
        {
            Method = equalPrincipal ? RepaymentMethod.EqualPrincipal : RepaymentMethod.EqualInstallment,
        };

    private static decimal NoteRate(Schedule schedule) => schedule.First.AnnualRate.ToFraction();

    private static decimal Tolerance(Schedule schedule) =>
        0.06m * schedule.Count * (1m + (NoteRate(schedule) / 12m)) / schedule.Loan.Principal;

    /// <summary>PBoC nominal (monthly IRR × 12) of a fee-free schedule is its note rate, within the rounding bound.</summary>
    [Property(MaxTest = 300)]
    public Property Fee_free_pboc_nominal_is_the_note_rate() =>
        Prop.ForAll(Arb.From(Loans), loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            PbocAnnualizedRate rate = MortgageMath.Analytics.Apr.Pboc(schedule);
            decimal error = Math.Abs(rate.Nominal.ToFraction() - NoteRate(schedule));
            Assert.True(error <= Tolerance(schedule),
                $"{loan.Principal} at {NoteRate(schedule)} over {loan.Periods}: nominal {rate.Nominal}, error {error} > {Tolerance(schedule)}");
        });

    /// <summary>The IRR of the schedule's flows (Excel-style, equally spaced) reproduces the loan's monthly rate, and the
    /// Appendix J monthly APR of the same flows equals the PBoC nominal figure.</summary>
    [Property(MaxTest = 200)]
    public Property Irr_of_the_cash_flows_is_the_loan_rate() =>
        Prop.ForAll(Arb.From(Loans), loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            var flows = LoanCashFlows.From(schedule);
            decimal irr = CashFlows.Irr(flows.ToSignedFlows().Select(f => f.Amount).ToArray(), 0.01m);
            Assert.True(Math.Abs((irr * 12m) - NoteRate(schedule)) <= Tolerance(schedule), $"IRR × 12 = {irr * 12m}, rate {NoteRate(schedule)}");

            PbocAnnualizedRate pboc = MortgageMath.Analytics.Apr.Pboc(flows);
            Assert.True(Math.Abs(pboc.PeriodicRate - irr) <= 0.0000000000000000001m, $"{pboc.PeriodicRate} vs IRR {irr}");
            Assert.Equal(pboc.Nominal, MortgageMath.Analytics.Apr.RegZActuarial(flows).AnnualRate);
        });

    /// <summary>Fees raise every figure: an up-front fee (up to 5% of the principal) or a periodic fee (up to 100).</summary>
    [Property(MaxTest = 200)]
    public Property Fees_raise_the_apr() =>
        Prop.ForAll(
            Arb.From(from loan in Loans
                     from upfrontPermille in Gen.Choose(0, 50)
                     from periodicCents in Gen.Choose(0, 10_000)
                     where upfrontPermille + periodicCents > 0
                     select (loan, upfront: loan.Principal * upfrontPermille / 1_000m, periodic: periodicCents / 100m)),
            c =>
            {
                Schedule schedule = c.loan.BuildSchedule();
                PbocAnnualizedRate bare = MortgageMath.Analytics.Apr.Pboc(schedule);
                PbocAnnualizedRate withFees = MortgageMath.Analytics.Apr.Pboc(schedule, c.upfront, c.periodic);
                Assert.True(withFees.PeriodicRate > bare.PeriodicRate, $"{withFees} vs {bare}");
                Assert.True(withFees.Nominal > bare.Nominal && withFees.Effective > bare.Effective, $"{withFees} vs {bare}");
                RegZApr regZ = MortgageMath.Analytics.Apr.RegZActuarial(LoanCashFlows.From(schedule, c.upfront, c.periodic));
                Assert.True(regZ.AnnualRate > MortgageMath.Analytics.Apr.RegZActuarial(LoanCashFlows.From(schedule)).AnnualRate);
            });

    /// <summary>Effective = (1 + r)^12 − 1 ≥ nominal for r ≥ 0, and a whole-month schedule's unit counts are exact.</summary>
    [Property(MaxTest = 100)]
    public Property Effective_is_at_least_nominal() =>
        Prop.ForAll(Arb.From(Loans), loan =>
        {
            PbocAnnualizedRate rate = MortgageMath.Analytics.Apr.Pboc(loan.BuildSchedule(), loan.Principal / 100m);
            Assert.True(rate.Effective >= rate.Nominal, rate.ToString());
            foreach (Installment row in loan.BuildSchedule())
            {
                Assert.Equal((row.Period, 0m), UnitPeriodCount.Between(loan.Disbursement, row.DueDate, UnitPeriod.Monthly));
            }
        });
}
