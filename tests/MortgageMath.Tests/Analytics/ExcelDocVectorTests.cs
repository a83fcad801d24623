using NodaTime;

namespace MortgageMath.Tests.Analytics;

/// <summary>
/// Every row of peers.md §5.1 (the examples on Excel's documentation pages, support.microsoft.com): the value at the
/// precision the page prints, and the IEEE-double value computed by the VB / ExcelFinancialFunctions libraries
/// ("double here") within 1e-9 relative.
/// </summary>
public sealed class ExcelDocVectorTests
{
    private const decimal DoubleTolerance = 0.000000001m; // 1e-9 relative

    [Fact] // PMT(8%/12,10,10000) = (1,037.03)
    public void Pmt_monthly()
    {
        decimal pmt = Tvm.Pmt(0.08m / 12, 10, 10000m);
        Near.Printed(-1037.03m, pmt, 2);
        Near.Relative(-1037.0320893591638m, pmt, DoubleTolerance);
    }

    [Fact] // PMT(8%/12,10,10000,0,1) = (1,030.16)
    public void Pmt_beginning_of_period()
    {
        decimal pmt = Tvm.Pmt(0.08m / 12, 10, 10000m, 0m, PaymentTiming.BeginningOfPeriod);
        Near.Printed(-1030.16m, pmt, 2);
        Near.Relative(-1030.1643271779778m, pmt, DoubleTolerance);
    }

    [Fact] // PMT(6%/12,18*12,0,50000) = (129.08)
    public void Pmt_saving_towards_a_future_value()
    {
        decimal pmt = Tvm.Pmt(0.06m / 12, 18 * 12, 0m, 50000m);
        Near.Printed(-129.08m, pmt, 2);
        Near.Relative(-129.08116086799544m, pmt, DoubleTolerance);
    }

    [Fact] // IPMT(10%/12,1,3*12,8000) = (66.67)
    public void IPmt_first_month()
    {
        decimal ipmt = Tvm.IPmt(0.1m / 12, 1, 36, 8000m);
        Near.Printed(-66.67m, ipmt, 2);
        Near.Relative(-66.66666666666667m, ipmt, DoubleTolerance);
    }

    [Fact] // IPMT(10%,3,3,8000) = (292.45)
    public void IPmt_last_year()
    {
        decimal ipmt = Tvm.IPmt(0.1m, 3, 3, 8000m);
        Near.Printed(-292.45m, ipmt, 2);
        Near.Relative(-292.4471299093658m, ipmt, DoubleTolerance);
        Near.Relative(-292.447129909366m, ipmt, 0.000000000001m); // the DAX page's 15 digits
    }

    [Fact] // PPMT(10%/12,1,2*12,2000) = (75.62)
    public void PPmt_first_month()
    {
        decimal ppmt = Tvm.PPmt(0.1m / 12, 1, 24, 2000m);
        Near.Printed(-75.62m, ppmt, 2);
        Near.Relative(-75.62318600836666m, ppmt, DoubleTolerance);
    }

    [Fact] // PPMT(8%,10,10,200000) = (27,598.05)
    public void PPmt_last_year()
    {
        decimal ppmt = Tvm.PPmt(0.08m, 10, 10, 200000m);
        Near.Printed(-27598.05m, ppmt, 2);
        Near.Relative(-27598.053462421354m, ppmt, DoubleTolerance);
    }

    [Fact] // CUMIPMT(9%/12,30*12,125000,13,24,0) = -11135.23213; (…,1,1,0) = -937.5
    public void CumIPmt_second_year_and_first_month()
    {
        decimal year2 = Tvm.CumIPmt(0.09m / 12, 360, 125000m, 13, 24, PaymentTiming.EndOfPeriod);
        Near.Printed(-11135.23213m, year2, 5);
        Near.Relative(-11135.232130750845m, year2, DoubleTolerance);
        Assert.Equal(-937.5m, Tvm.CumIPmt(0.09m / 12, 360, 125000m, 1, 1, PaymentTiming.EndOfPeriod));
    }

    [Fact] // CUMPRINC(9%/12,30*12,125000,13,24,0) = -934.1071234; (…,1,1,0) = -68.27827118
    public void CumPrinc_second_year_and_first_month()
    {
        decimal year2 = Tvm.CumPrinc(0.09m / 12, 360, 125000m, 13, 24, PaymentTiming.EndOfPeriod);
        Near.Printed(-934.1071234m, year2, 7);
        Near.Relative(-934.1071234208766m, year2, DoubleTolerance);
        decimal first = Tvm.CumPrinc(0.09m / 12, 360, 125000m, 1, 1, PaymentTiming.EndOfPeriod);
        Near.Printed(-68.27827118m, first, 8);
        Near.Relative(-68.27827118097673m, first, DoubleTolerance);
    }

    [Fact] // RATE(4*12,-200,8000) = 1% (formatted); ×12 = 9.24%
    public void Rate_monthly_and_annual()
    {
        decimal rate = Tvm.Rate(48, -200m, 8000m);
        Near.Printed(1m, rate * 100m, 0);
        Near.Printed(9.24m, rate * 12m * 100m, 2);
        Near.Relative(0.007701472488232753m, rate, DoubleTolerance);
        Near.Relative(0.09241766985879303m, rate * 12m, DoubleTolerance);
    }

    [Fact] // NPER(12%/12,-100,-1000,10000,1) = 59.6738657
    public void NPer_beginning_of_period()
    {
        decimal nper = Tvm.NPer(0.12m / 12, -100m, -1000m, 10000m, PaymentTiming.BeginningOfPeriod);
        Near.Printed(59.6738657m, nper, 7);
        Near.Relative(59.67386567429457m, nper, DoubleTolerance);
    }

    [Fact] // NPER(12%/12,-100,-1000,10000) = 60.0821229
    public void NPer_end_of_period()
    {
        decimal nper = Tvm.NPer(0.12m / 12, -100m, -1000m, 10000m);
        Near.Printed(60.0821229m, nper, 7);
        Near.Relative(60.08212285376166m, nper, DoubleTolerance);
    }

    [Fact] // NPER(12%/12,-100,-1000) = -9.57859404
    public void NPer_negative()
    {
        decimal nper = Tvm.NPer(0.12m / 12, -100m, -1000m);
        Near.Printed(-9.57859404m, nper, 8);
        Near.Relative(-9.578594039813161m, nper, DoubleTolerance);
    }

    [Fact] // IRR(-70000,12000,15000,18000,21000) = -2.1%; with 26000: 8.7%; first three, guess -10%: -44.4%
    public void Irr_examples()
    {
        decimal four = CashFlows.Irr(new[] { -70000m, 12000m, 15000m, 18000m, 21000m });
        Near.Printed(-2.1m, four * 100m, 1);
        Near.Relative(-0.021244848276977365m, four, DoubleTolerance);

        decimal five = CashFlows.Irr(new[] { -70000m, 12000m, 15000m, 18000m, 21000m, 26000m });
        Near.Printed(8.7m, five * 100m, 1);
        Near.Relative(0.08663094803653158m, five, DoubleTolerance);

        decimal two = CashFlows.Irr(new[] { -70000m, 12000m, 15000m }, -0.1m);
        Near.Printed(-44.4m, two * 100m, 1);
        Near.Relative(-0.44350694133517843m, two, DoubleTolerance);
    }

    internal static readonly (LocalDate Date, decimal Amount)[] XirrFlows =
    {
        (new LocalDate(2008, 1, 1), -10000m),
        (new LocalDate(2008, 3, 1), 2750m),
        (new LocalDate(2008, 10, 30), 4250m),
        (new LocalDate(2009, 2, 15), 3250m),
        (new LocalDate(2009, 4, 1), 2750m),
    };

    [Fact] // XIRR(…, 0.1) = 0.373362535
    public void Xirr_example()
    {
        decimal xirr = CashFlows.Xirr(XirrFlows, 0.1m);
        // The page's 0.373362535 is Excel's iterate, which stops within 0.000001 percent (1e-8): the root itself
        // is 0.3733625335…, so the page's 9th decimal is off by one; compare within Excel's stated tolerance.
        Near.Absolute(0.373362535m, xirr, 0.00000001m);
        Near.Relative(0.3733625335188315m, xirr, DoubleTolerance);
        Near.Absolute(0m, CashFlows.Xnpv(xirr, XirrFlows), 0.0000000000000000001m);
    }

    [Fact] // XNPV(9%, same) = 2086.647602031535 (double here)
    public void Xnpv_example() =>
        Near.Relative(2086.647602031535m, CashFlows.Xnpv(0.09m, XirrFlows), DoubleTolerance);

    [Fact] // NPV(10%,-10000,3000,4200,6800) = 1188.4434123352216 (double here)
    public void Npv_example() =>
        Near.Relative(1188.4434123352216m, CashFlows.Npv(0.1m, new[] { -10000m, 3000m, 4200m, 6800m }), DoubleTolerance);

    [Fact] // PV(8%/12,12*20,500) = -59777.145851187764 (double here)
    public void Pv_example() =>
        Near.Relative(-59777.145851187764m, Tvm.Pv(0.08m / 12, 240, 500m), DoubleTolerance);

    [Fact] // FV(6%/12,10,-200,-500,1) = 2581.403374060135 (double here)
    public void Fv_example() =>
        Near.Relative(2581.403374060135m, Tvm.Fv(0.06m / 12, 10, -200m, -500m, PaymentTiming.BeginningOfPeriod), DoubleTolerance);
}
