using NodaTime;

namespace MortgageMath.Tests.Apr;

/// <summary>Invalid inputs name their parameter; flows no rate can balance throw <see cref="NoSolutionException"/>.</summary>
public sealed class AprErrorTests
{
    private static readonly LocalDate Day = new(2024, 1, 10);
    private static readonly (LocalDate, decimal)[] OnePayment = [(new LocalDate(2024, 2, 10), 1_010m)];

    [Fact]
    public void No_payments() =>
        Assert.Equal("payments", Assert.Throws<ArgumentException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, [], UnitPeriod.Monthly)).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_advance(int advance)
    {
        Assert.Equal("advance", Assert.ThrowsAny<ArgumentException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(advance, Day, OnePayment, UnitPeriod.Monthly)).ParamName);
        Assert.Equal("advance", Assert.ThrowsAny<ArgumentException>(() => new LoanCashFlows(advance, Day, OnePayment)).ParamName);
        Assert.Equal("netAdvance", Assert.ThrowsAny<ArgumentException>(() => MortgageMath.Analytics.Apr.Pboc(advance, [100m])).ParamName);
        Assert.Equal("advance", Assert.ThrowsAny<ArgumentException>(() =>
            MortgageMath.Analytics.Apr.RegZSinglePayment(advance, Day, 100m, Day.PlusDays(30))).ParamName);
    }

    [Fact]
    public void Payment_before_the_advance_date()
    {
        (LocalDate, decimal)[] early = [(Day.PlusDays(-1), 500m), (Day.PlusMonths(1), 600m)];
        ArgumentException e = Assert.Throws<ArgumentException>(() => MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, early, UnitPeriod.Monthly));
        Assert.Equal("payments", e.ParamName);
        Assert.Contains("2024-01-09", e.Message, StringComparison.Ordinal);
        Assert.Equal("payments", Assert.Throws<ArgumentException>(() => new LoanCashFlows(1_000m, Day, early)).ParamName);
        Assert.Equal("paymentDate", Assert.Throws<ArgumentException>(() =>
            MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, Day, 1_100m, Day)).ParamName);
    }

    [Fact]
    public void Negative_payment_and_empty_monthly_payments()
    {
        Assert.Equal("payments", Assert.Throws<ArgumentException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, [(Day.PlusMonths(1), -5m)], UnitPeriod.Monthly)).ParamName);
        Assert.Equal("monthlyPayments", Assert.Throws<ArgumentException>(() => MortgageMath.Analytics.Apr.Pboc(1_000m, [])).ParamName);
        Assert.Equal("monthlyPayments", Assert.Throws<ArgumentException>(() => MortgageMath.Analytics.Apr.Pboc(1_000m, [600m, -1m])).ParamName);
        Assert.Equal("payment", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, Day, 0m, Day.PlusDays(9))).ParamName);
    }

    [Fact]
    public void Undefined_unit_period() =>
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, OnePayment, (UnitPeriod)99)).ParamName);

    [Fact]
    public void Fees_out_of_range()
    {
        Schedule schedule = new Loan(10_000m, Rate.Percent(5m), 12, Day).BuildSchedule();
        Assert.Equal("upfrontFees", Assert.Throws<ArgumentOutOfRangeException>(() => LoanCashFlows.From(schedule, 10_000m)).ParamName);
        Assert.Equal("upfrontFees", Assert.Throws<ArgumentOutOfRangeException>(() => LoanCashFlows.From(schedule, -1m)).ParamName);
        Assert.Equal("periodicFee", Assert.Throws<ArgumentOutOfRangeException>(() => MortgageMath.Analytics.Apr.Pboc(schedule, 0m, -0.01m)).ParamName);
    }

    [Fact]
    public void Nothing_repaid_has_no_solution()
    {
        NoSolutionException e = Assert.Throws<NoSolutionException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, [(Day.PlusMonths(1), 0m)], UnitPeriod.Monthly));
        Assert.Contains("no solution", e.Message, StringComparison.Ordinal);
        Assert.Throws<NoSolutionException>(() => MortgageMath.Analytics.Apr.Pboc(1_000m, [0m, 0m]));
        // Repaid on the advance date itself, for less: no time passes, so no rate makes 900 worth 1,000.
        Assert.Throws<NoSolutionException>(() => MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Day, [(Day, 900m)], UnitPeriod.Monthly));
    }

    [Fact]
    public void Beyond_the_range_of_a_rate() =>
        Assert.Throws<OverflowException>(() => MortgageMath.Analytics.Apr.Pboc(100m, [1_000m])); // 900% a month
}
