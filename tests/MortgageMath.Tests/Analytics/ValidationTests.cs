using NodaTime;

namespace MortgageMath.Tests.Analytics;

/// <summary>Arguments where Excel shows #NUM! are rejected by name, value and valid range; missing values by name.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Nper_below_one()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Pmt(0.01m, 0, 1000m));
        Assert.Equal("nper", e.ParamName);
        Assert.Equal(0, e.ActualValue);
        Assert.Contains("at least 1", e.Message);
        Assert.Equal("nper", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Rate(0, -1m, 10m)).ParamName);
        Assert.Equal("nper", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Pv(0.01m, -1, 10m)).ParamName);
        Assert.Equal(-5m, Tvm.Pv(0.01m, 0, 10m, 5m)); // nper = 0 is fine for PV and FV, as in Excel
        Assert.Equal(-5m, Tvm.Fv(0.01m, 0, 10m, 5m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Per_outside_one_to_nper(int per)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.IPmt(0.01m, per, 12, 1000m));
        Assert.Equal("per", e.ParamName);
        Assert.Contains("between 1 and nper (12)", e.Message);
        Assert.Equal("per", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.PPmt(0.01m, per, 12, 1000m)).ParamName);
    }

    [Fact]
    public void Rate_at_or_below_minus_one()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Pmt(-1m, 12, 1000m));
        Assert.Equal("rate", e.ParamName);
        Assert.Contains("greater than -1", e.Message);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.NPer(-1.5m, -10m, 100m)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.Npv(-1m, new[] { 1m })).ParamName);
        Assert.Equal("guess", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Rate(12, -10m, 100m, 0m, PaymentTiming.EndOfPeriod, -1m)).ParamName);
        Assert.Equal("guess", Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.Irr(new[] { -1m, 2m }, -2m)).ParamName);
    }

    [Fact]
    public void Cumulative_functions_follow_excel_restrictions()
    {
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.CumIPmt(0m, 12, 1000m, 1, 12)).ParamName);
        Assert.Equal("pv", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.CumPrinc(0.01m, 12, 0m, 1, 12)).ParamName);
        Assert.Equal("startPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.CumIPmt(0.01m, 12, 1000m, 0, 12)).ParamName);
        Assert.Equal("endPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.CumIPmt(0.01m, 12, 1000m, 5, 4)).ParamName);
        Assert.Equal("endPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.CumPrinc(0.01m, 12, 1000m, 1, 13)).ParamName);
    }

    [Fact]
    public void Undefined_timing() =>
        Assert.Equal("type", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Pmt(0.01m, 12, 1000m, 0m, (PaymentTiming)2)).ParamName);

    [Fact]
    public void NPer_without_solution()
    {
        var e = Assert.Throws<NoSolutionException>(() => Tvm.NPer(0m, 0m, 1000m));
        Assert.StartsWith("NPER(0, 0, 1000, 0, 0) has no solution", e.Message);
        // A payment smaller than the interest never repays the loan.
        Assert.Throws<NoSolutionException>(() => Tvm.NPer(0.01m, -5m, 1000m));
    }

    [Fact]
    public void Dated_flows_before_the_first_date()
    {
        var flows = new[] { (new LocalDate(2024, 1, 1), -100m), (new LocalDate(2023, 12, 31), 110m) };
        Assert.Equal("flows", Assert.Throws<ArgumentException>(() => CashFlows.Xnpv(0.1m, flows)).ParamName);
        Assert.Throws<ArgumentException>(() => CashFlows.Xirr(flows));
        Assert.Throws<ArgumentException>(() => CashFlows.Xirr(Array.Empty<(LocalDate, decimal)>()));
        Assert.Throws<NoSolutionException>(() => CashFlows.Xirr(new[] { (new LocalDate(2024, 1, 1), 100m), (new LocalDate(2025, 1, 1), 110m) }));
    }

    [Fact]
    public void Zero_rate_is_exact()
    {
        Assert.Equal(-120m, Tvm.Pmt(0m, 25, 3000m));
        Assert.Equal(-120m, Tvm.Pmt(0m, 25, 3000m, 0m, PaymentTiming.BeginningOfPeriod));
        Assert.Equal(0m, Tvm.IPmt(0m, 3, 25, 3000m));
        Assert.Equal(-3000m, Tvm.Pv(0m, 25, 120m));
        Assert.Equal(0m, Tvm.Rate(25, -120m, 3000m));
    }

    [Fact]
    public void A_tiny_rate_keeps_its_digits()
    {
        // PMT at 1e-12 per period = −P·r/(1 − (1+r)^-n), here from a 50-digit Python Decimal evaluation.
        decimal pmt = Tvm.Pmt(0.000000000001m, 360, 1000m);
        Near.Relative(-2.7777777782791666666966664352m, pmt, 0.000000000000000000000001m);
    }
}
