namespace MortgageMath.Tests.Analytics;

/// <summary>
/// peers.md §5.3 (dotnet/runtime, src/libraries/Microsoft.VisualBasic.Core/tests/FinancialTests.cs: VB's
/// <c>Financial</c>, IEEE double, compared within 1e-9 relative) and §5.6 (root-finding cases from issue trackers).
/// VB rows with a payment timing other than 0/1 or a negative nper are not ported: this API rejects both.
/// </summary>
public sealed class VbAndSolverVectorTests
{
    private const decimal DoubleTolerance = 0.000000001m;
    private const PaymentTiming End = PaymentTiming.EndOfPeriod;
    private const PaymentTiming Beg = PaymentTiming.BeginningOfPeriod;

    [Theory]
    [InlineData("0.0016666666666666666666666667", 24, "-10000", "0", Beg, "424.6948090031214")]
    [InlineData("0.007", 25, "-3000", "0", End, "131.2245402332282")]
    [InlineData("0.019", 70, "80000", "20000", Beg, "-2173.613223451309")]
    [InlineData("0.0012", 5, "500", "0", End, "-100.36028782715209")]
    [InlineData("-0.007", 25, "-3000", "0", End, "109.38667732684138")] // rate < 0
    [InlineData("0", 25, "3000", "0", End, "-120")] // rate = 0
    public void Pmt(string rate, int nper, string pv, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.Pmt(D(rate), nper, D(pv), D(fv), due), DoubleTolerance);

    [Theory]
    [InlineData("0.0083333333333333333333333333", 12, 48, "-20000", "0", Beg, "133.00409235108953")]
    [InlineData("0.008", 4, 12, "3000", "0", End, "-18.21339598417987")]
    [InlineData("0.012", 15, 79, "2387", "200", Beg, "-24.74407148282907")]
    [InlineData("0.0096", 54, 123, "4760", "0", End, "-32.23915875429054")]
    [InlineData("-0.008", 4, 12, "3000", "0", End, "17.781421333448126")] // rate < 0
    [InlineData("0", 4, 12, "3000", "0", End, "0")] // rate = 0
    public void IPmt(string rate, int per, int nper, string pv, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.IPmt(D(rate), per, nper, D(pv), D(fv), due), DoubleTolerance);

    [Theory]
    [InlineData("0.0016666666666666666666666667", 1, 24, "-10000", "0", Beg, "424.6948090031214")]
    [InlineData("0.008", 4, 12, "3000", "0", End, "-244.97648292629228")]
    [InlineData("0.012", 15, 79, "2387", "200", Beg, "-23.14868335957714")]
    [InlineData("0.0096", 54, 123, "4760", "0", End, "-33.86880079236377")]
    [InlineData("-0.008", 4, 12, "3000", "0", End, "-254.97282491851354")] // rate < 0
    public void PPmt(string rate, int per, int nper, string pv, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.PPmt(D(rate), per, nper, D(pv), D(fv), due), DoubleTolerance);

    [Theory]
    [InlineData("0.0016666666666666666666666667", 12, "-100", "-100", Beg, "1287.1004825212165")]
    [InlineData("0.008", 31, "2000", "0", End, "-54717.41591041358")]
    [InlineData("0.012", 15, "780", "2000", Beg, "-12449.356090210378")]
    [InlineData("0.0096", 54, "123", "4760", End, "-8005.586900874043")]
    [InlineData("-0.008", 31, "2000", "0", End, "-70684.64967009431")] // rate < 0
    [InlineData("0", 31, "2000", "0", End, "-62000")] // rate = 0
    [InlineData("0.008", 4, "12", "3000", End, "-2952.944852320145")] // PV_Default
    public void Pv(string rate, int nper, string pmt, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.Pv(D(rate), nper, D(pmt), D(fv), due), DoubleTolerance);

    [Theory]
    [InlineData("0.0016666666666666666666666667", 12, "-100", "-100", Beg, "1315.0982120264073")]
    [InlineData("0.0083", 15, "263", "0", End, "-4182.657291138164")]
    [InlineData("0.013", 90, "81", "5000", Beg, "-29860.905154180855")]
    [InlineData("0.01", 37, "100", "0", Beg, "-4495.2723614177185")]
    [InlineData("-0.0083", 15, "263", "0", End, "-3723.837650080481")] // rate < 0
    [InlineData("0", 15, "263", "0", End, "-3945")] // rate = 0
    public void Fv(string rate, int nper, string pmt, string pv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.Fv(D(rate), nper, D(pmt), D(pv), due), DoubleTolerance);

    [Theory]
    [InlineData("0.0016666666666666666666666667", "-800", "10000", "0", Beg, "12.621310788105905")]
    [InlineData("0.0072", "-350", "7000", "0", End, "21.672774889301333")]
    [InlineData("0.018", "-982", "33000", "2387", Beg, "52.91270605548329")]
    [InlineData("0.0096", "1500", "-70000", "10000", End, "55.2706372559078")]
    [InlineData("-0.0072", "-350", "7000", "0", End, "18.617499787178836")] // rate < 0
    [InlineData("0", "-350", "7000", "0", End, "20")] // rate = 0
    [InlineData("0.0072", "-9000", "200", "0", End, "0.02230391092683241")] // pmt > pv
    public void NPer(string rate, string pmt, string pv, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.NPer(D(rate), D(pmt), D(pv), D(fv), due), DoubleTolerance);

    [Theory]
    [InlineData(24, "-800", "10000", "0", Beg, "0.06767027865651142")]
    [InlineData(12, "-263", "3000", "0", End, "0.007886438377633958")]
    [InlineData(48, "-570", "24270", "0", Beg, "0.005224016433999085")]
    [InlineData(96, "-1000", "56818", "0", End, "0.012000207330254708")]
    public void Rate(int nper, string pmt, string pv, string fv, PaymentTiming due, string expected) =>
        Near.Relative(D(expected), Tvm.Rate(nper, D(pmt), D(pv), D(fv), due), DoubleTolerance);

    [Fact]
    public void Rate_where_vb_returns_a_root_below_minus_one()
    {
        // VB's Rate(12, -3000, 300) = -1.9850238772287565: a root of the polynomial with 1 + r < 0, outside the
        // rate domain. Above -100% the equation has exactly one root, which this solver returns.
        decimal rate = Tvm.Rate(12, -3000m, 300m);
        Assert.True(rate > 0m);
        Near.Absolute(0m, Tvm.Pv(rate, 12, -3000m) - 300m, 0.000000000000000001m);
    }

    [Theory]
    [InlineData(new[] { -70000.0, 22000, 25000, 28000, 31000 }, "0.177435884421108")]
    [InlineData(new[] { -10000.0, 6000, -2000, 7000, 1000 }, "0.08667204742917164")]
    [InlineData(new[] { -30000.0, -10000, 25000, 12000, 15000 }, "0.10928101434575987")]
    public void Irr(double[] values, string expected) =>
        Near.Relative(D(expected), CashFlows.Irr(values.Select(v => (decimal)v).ToArray()), DoubleTolerance);

    [Theory]
    [InlineData("0.1", new[] { -70000.0, 22000, 25000, 28000, 31000 }, "11701.262333049774")]
    [InlineData("0.0625", new[] { -70000.0, 22000, 25000, 28000, 31000 }, "19312.570209535177")]
    [InlineData("0.089", new[] { -10000.0, 6000, -2000, 7000, 1000 }, "-41.865531602947726")]
    [InlineData("0.011", new[] { -30000.0, -10000, 25000, 12000, 15000 }, "10423.40257198653")]
    [InlineData("-0.011", new[] { -30000.0, -10000, 25000, 12000, 15000 }, "13681.919127606126")] // rate < 0
    [InlineData("0.0625", new[] { 70000.0, 22000, 25000, 28000, 31000 }, "151077.27609188814")]
    [InlineData("0.0625", new[] { -70000.0, -22000, -25000, -28000, -31000 }, "-151077.27609188814")]
    public void Npv(string rate, double[] values, string expected) =>
        Near.Relative(D(expected), CashFlows.Npv(D(rate), values.Select(v => (decimal)v)), DoubleTolerance);

    // ---- §5.6: solver robustness ------------------------------------------------------------------------------

    [Fact] // ExcelFinancialFunctions#4: EFF throws FindBounds; Excel 0.00043296; VB 0.0004329606240295744
    public void Rate_eff4()
    {
        decimal rate = Tvm.Rate(260, -60m, 13500m, 1400m);
        Near.Absolute(0.0004329606240m, rate, 0.000000000001m);
        Near.Printed(0.00043296m, rate, 8);
        Near.Absolute(0m, Tvm.Fv(rate, 260, -60m, 13500m) - 1400m, 0.0000000000000000001m);
    }

    [Fact] // formulajs#20: the "0.001064616396" is a typo for the root 0.10646…
    public void Rate_formulajs20()
    {
        decimal rate = Tvm.Rate(37, -7200m, -40000m, 4477839m);
        Near.Absolute(0.1064616395575m, rate, 0.000000000001m);
        Near.Relative(0.10646163955754265m, rate, DoubleTolerance);
    }

    [Fact] // PhpSpreadsheet#324: Excel 0.51300 %
    public void Rate_phpspreadsheet324()
    {
        decimal rate = Tvm.Rate(360, -570.3m, 93550m);
        Near.Absolute(0.005130049650m, rate, 0.000000000001m);
        Near.Printed(0.51300m, rate * 100m, 5);
    }

    [Fact] // hyperformula#905: "~0.25 %" (VB 0.0023671304362284, EFF 0.0023671304362590084)
    public void Rate_hyperformula905_positive() =>
        Near.Absolute(0.0023671304362m, Tvm.Rate(300, -465.96m, 100000m), 0.0000000000001m);

    [Fact] // hyperformula#905: "~-0.62 %": a negative rate (VB -0.006236653004892945)
    public void Rate_hyperformula905_negative() =>
        Near.Absolute(-0.006236653004893m, Tvm.Rate(200, -500m, 200000m), 0.000000000000001m);

    [Fact] // numpy-financial: rate(12, 400, 10000, 5000) is NaN / IterationsExceeded: there is no solution
    public void Rate_without_solution_is_reported_by_name()
    {
        var e = Assert.Throws<NoSolutionException>(() => Tvm.Rate(12, 400m, 10000m, 5000m));
        Assert.StartsWith("RATE(12, 400, 10000, 5000, 0) has no solution: ", e.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(e);
    }

    /// <summary>
    /// EFF#4 has a second root: with r → −1 the balloon (1400) outweighs the payments (→ 60), at r = 0 it does not,
    /// so RATE also balances at r ≈ −0.04285 (60/|r| ≈ 1400). Guesses nearer 0.00043 get that root, guesses nearer
    /// −0.043 the other, and both balance the flows.
    /// </summary>
    [Fact]
    public void Rate_returns_the_root_nearest_the_guess()
    {
        decimal expected = Tvm.Rate(260, -60m, 13500m, 1400m);
        foreach (decimal guess in new[] { -0.02m, 0m, 0.0004m, 0.5m, 3m, 1000m, 5_000_000m })
        {
            Near.Relative(expected, Tvm.Rate(260, -60m, 13500m, 1400m, PaymentTiming.EndOfPeriod, guess), 0.0000000000000000001m);
        }

        foreach (decimal guess in new[] { -0.999m, -0.5m, -0.03m })
        {
            decimal other = Tvm.Rate(260, -60m, 13500m, 1400m, PaymentTiming.EndOfPeriod, guess);
            Near.Absolute(-0.04285197152614m, other, 0.00000000000001m);
            Near.Absolute(1400m, Tvm.Fv(other, 260, -60m, 13500m), 0.00000000000000001m);
        }
    }

    [Fact] // IRR with two roots: the one nearest the guess
    public void Irr_with_two_roots_returns_the_one_nearest_the_guess()
    {
        decimal[] flows = { -100m, 100m, 0m, -7m };
        decimal near = CashFlows.Irr(flows);
        Near.Printed(-0.0833m, near, 4);
        decimal far = CashFlows.Irr(flows, -0.7m);
        Assert.True(far < -0.6m, $"expected the other root near -0.70, got {far}");
        Near.Absolute(0m, flows[0] + CashFlows.Npv(far, flows.Skip(1)), 0.00000000000000001m);
    }

    [Fact] // a large rate: (1+r)^n far beyond the decimal range is never formed
    public void Rate_far_above_one()
    {
        decimal rate = Tvm.Rate(2, 0m, -1m, 1000m); // √1000 − 1
        Near.Relative(30.622776601683793319988935444m, rate, 0.0000000000000000001m);
        Assert.Equal(0m, Tvm.Pv(50m, 400, 0m, 1m)); // (1+r)^-n below the decimal resolution: 0, not an overflow
        Near.Relative(-50000m, Tvm.Pmt(50m, 400, 1000m), 0.0000000000000000000001m); // pv·r/(1 − (1+r)^-n)
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
