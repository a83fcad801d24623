using NodaTime;

namespace MortgageMath.Tests.Apr;

/// <summary>PBoC [2021] No.3 via china-mortgage-conventions.md TV-11: the IRR-based annualized rate.</summary>
public sealed class PbocAnnualizedRateTests
{
    private static readonly decimal[] Tv11Payments = Enumerable.Repeat(8_833.33m, 12).ToArray();

    private static void AssertTv11(PbocAnnualizedRate rate)
    {
        Assert.Equal(1.0670373m, decimal.Round(rate.PeriodicRate * 100m, 7)); // 7 significant digits
        Assert.Equal(12.80m, decimal.Round(rate.Nominal.ToPercent(), 2));
        Assert.Equal(13.58m, decimal.Round(rate.Effective.ToPercent(), 2));
        Assert.Equal(rate.PeriodicRate * 12m, rate.Nominal.ToFraction(), 16);
    }

    [Fact] // PBoC [2021] No.3 via china-mortgage-conventions.md TV-11: 100,000 less a 1,000 fee, 12 × 8,833.33.
    public void Tv11_from_net_advance_and_payments() =>
        AssertTv11(MortgageMath.Analytics.Apr.Pboc(99_000m, Tv11Payments));

    [Fact] // PBoC [2021] No.3 via china-mortgage-conventions.md TV-11, as dated flows a month apart.
    public void Tv11_from_dated_flows()
    {
        var start = new LocalDate(2021, 3, 31);
        var flows = new LoanCashFlows(99_000m, start, Tv11Payments.Select((p, k) => (start.PlusMonths(k + 1), p)));
        AssertTv11(MortgageMath.Analytics.Apr.Pboc(flows));

        // The same flows through Excel-style IRR agree.
        decimal irr = CashFlows.Irr([-99_000m, .. Tv11Payments]);
        Assert.Equal(irr, MortgageMath.Analytics.Apr.Pboc(flows).PeriodicRate, 20);
    }

    [Fact] // A schedule's flows with fees: advance = principal − up-front fees, periodic fee added to each regular payment.
    public void Cash_flows_of_a_schedule_carry_the_fees()
    {
        var loan = new Loan(100_000m, Rate.Percent(4.9m), 12, new LocalDate(2024, 3, 20));
        Schedule schedule = loan.BuildSchedule();
        var flows = LoanCashFlows.From(schedule, upfrontFees: 1_000m, periodicFee: 10m);
        Assert.Equal(99_000m, flows.Advance);
        Assert.Equal(loan.Disbursement, flows.AdvanceDate);
        Assert.Equal(12, flows.Payments.Count);
        for (int k = 0; k < 12; k++)
        {
            Assert.Equal((schedule[k].DueDate, schedule[k].Payment + 10m), flows.Payments[k]);
        }

        IReadOnlyList<(LocalDate Date, decimal Amount)> signed = flows.ToSignedFlows();
        Assert.Equal((loan.Disbursement, 99_000m), signed[0]);
        Assert.Equal(-flows.Payments[11].Amount, signed[12].Amount);
    }

    [Fact] // A fee-free regular schedule: nominal = the note rate to well under a basis point; effective = (1 + r/12)^12 − 1.
    public void Fee_free_schedule_gives_the_note_rate()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
        PbocAnnualizedRate rate = MortgageMath.Analytics.Apr.Pboc(loan.BuildSchedule());
        Assert.Equal(4.90m, decimal.Round(rate.Nominal.ToPercent(), 2));
        Assert.True(Math.Abs(rate.Nominal.ToFraction() - 0.049m) < 0.000001m, rate.ToString());
        Assert.Equal(5.01m, decimal.Round(rate.Effective.ToPercent(), 2)); // (1 + 0.049/12)^12 − 1 = 5.0115%
        Assert.Equal(4.90m, MortgageMath.Analytics.Apr.RegZActuarial(LoanCashFlows.From(loan.BuildSchedule())).Disclosed);
    }

    [Fact] // Payments worth less than the advance: a negative rate, still found (12 × 80 for 1,000).
    public void Repaying_less_than_the_advance_gives_a_negative_rate()
    {
        PbocAnnualizedRate rate = MortgageMath.Analytics.Apr.Pboc(1_000m, Enumerable.Repeat(80m, 12).ToArray());
        Assert.Equal(-7.47m, decimal.Round(rate.Nominal.ToPercent(), 2));
        Assert.Equal(-7.22m, decimal.Round(rate.Effective.ToPercent(), 2));
        Assert.Equal(0m, decimal.Round(CashFlows.Npv(rate.PeriodicRate, Enumerable.Repeat(80m, 12)) - 1_000m, 18));
    }
}
