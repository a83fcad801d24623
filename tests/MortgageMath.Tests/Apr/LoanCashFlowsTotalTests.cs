using NodaTime;

namespace MortgageMath.Tests.Apr;

/// <summary><see cref="LoanCashFlows.TotalPayments"/>: the payments back, fees included.</summary>
public class LoanCashFlowsTotalTests
{
    [Fact]
    public void A_schedule_total_plus_the_periodic_fees()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
        Schedule schedule = loan.BuildSchedule();
        LoanCashFlows flows = LoanCashFlows.From(schedule, upfrontFees: 1_000m, periodicFee: 10m);
        Assert.Equal(schedule.TotalPayment + (360 * 10m), flows.TotalPayments);
        Assert.Equal(flows.Payments.Sum(p => p.Amount), flows.TotalPayments);
    }

    [Fact]
    public void Given_payments_in_order()
    {
        var d = new LocalDate(2024, 1, 1);
        var flows = new LoanCashFlows(100m, d, [(d.PlusMonths(1), 60.50m), (d.PlusMonths(2), 50.25m)]);
        Assert.Equal(110.75m, flows.TotalPayments);
    }
}
