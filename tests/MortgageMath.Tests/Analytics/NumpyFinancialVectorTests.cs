namespace MortgageMath.Tests.Analytics;

/// <summary>
/// peers.md §5.2: numpy-financial's docstrings and tests (numpy_financial/_financial.py, tests/test_financial.py).
/// The 28-digit Python Decimal goldens must match to 1e-20; the float results at the precision numpy prints.
/// numpy's own argument order and conventions are translated to Excel's (numpy's npv discounts the first value
/// at time 0, Excel's one period).
/// </summary>
public sealed class NumpyFinancialVectorTests
{
    private const decimal Golden = 0.00000000000000000001m; // 1e-20 relative
    private const decimal DoubleTolerance = 0.000000001m;

    [Fact]
    public void Decimal_goldens()
    {
        Near.Relative(-304.1459143262052370338701494m, Tvm.Pmt(0.08m / 12, 60, 15000m), Golden);
        Near.Relative(-127128.1709461939327295222005m, Tvm.Pv(0.07m, 20, 12000m), Golden);
        Near.Relative(86609.36267304300040536731624m, Tvm.Fv(0.075m, 20, -2000m), Golden);
        Near.Relative(-710.2541257864217612489830917m, Tvm.PPmt(0.1m / 12, 1, 60, 55000m), Golden);
        Near.Relative(-19311.25827814569536423841060m, Tvm.Pmt(0.8m, 3, 20000m), Golden);
        Near.Relative(-626.9081401700757748402586600m, Tvm.Pmt(0.3m, 12, 2000m), Golden);
        Near.Relative(-166.6666666666666666666666667m, Tvm.Pmt(0m, 12, 2000m), Golden);
        Near.Relative(-16.66666666666666666666666667m, Tvm.IPmt(0.1m / 12, 1, 24, 2000m), Golden);
        Assert.Equal(-250m, Tvm.Pmt(0m, 60, 15000m));
    }

    /// <summary>
    /// rate(10, 0, -3500, 10000): numpy-financial's Decimal "golden" 0.1106908537142689284704528100 is its Newton
    /// iterate, stopped by its tolerance (1e-6 on the step): −3500·(1+r)^10 + 10000 = −3.2e-7 there, not 0. The root
    /// is (10000/3500)^(1/10) − 1 = 0.110690853710752806253825900629… (50-digit Python Decimal); this solver
    /// matches it to 1e-20, and the numpy value only to its own ~1e-11.
    /// </summary>
    [Fact]
    public void Rate_decimal_golden()
    {
        decimal rate = Tvm.Rate(10, 0m, -3500m, 10000m);
        Near.Relative(0.1106908537107528062538259006m, rate, Golden);
        Near.Relative(0.1106908537142689284704528100m, rate, 0.0000000001m);
        Near.Printed(0.1107m, rate, 4);
    }

    [Fact] // npv(Decimal('0.05'), [-15000, 1500, …]) = 122.894854950942692161628715; first value at time 0 in numpy
    public void Npv_decimal_golden_with_numpy_convention() =>
        Near.Relative(122.894854950942692161628715m, -15000m + CashFlows.Npv(0.05m, new[] { 1500m, 2500m, 3500m, 4500m, 6000m }), Golden);

    [Fact] // npv(0.08, [-40000, 5000, 8000, 12000, 30000]) = 3065.22267
    public void Npv_docstring() =>
        Near.Printed(3065.22267m, -40000m + CashFlows.Npv(0.08m, new[] { 5000m, 8000m, 12000m, 30000m }), 5);

    [Fact]
    public void Pmt_float_results()
    {
        Near.Relative(-1854.0247200054619m, Tvm.Pmt(0.075m / 12, 12 * 15, 200000m), DoubleTolerance);
        Near.Printed(-304.145914m, Tvm.Pmt(0.08m / 12, 60, 15000m), 6);
    }

    [Fact]
    public void NPer_results()
    {
        Near.Printed(64.07335m, Tvm.NPer(0.07m / 12, -150m, 8000m), 5);
        Assert.Equal(50m, Tvm.NPer(0m, -2000m, 0m, 100000m));
        Near.Printed(21.544944m, Tvm.NPer(0.075m, -2000m, 0m, 100000m), 6);
        Near.Printed(21.5449442m, Tvm.NPer(0.075m, -2000m, 0m, 100000m), 7);
        Near.Printed(20.76156441m, Tvm.NPer(0.075m, -2000m, 0m, 100000m, PaymentTiming.BeginningOfPeriod), 8);
        Near.Printed(11.52670461m, Tvm.NPer(0.1m, 0m, -500m, 1500m), 8);
        Assert.Equal(10m, Tvm.NPer(0m, -100m, 1000m));
    }

    [Fact]
    public void Fv_results()
    {
        Near.Relative(15692.92889433575m, Tvm.Fv(0.05m / 12, 120, -100m, -100m), DoubleTolerance);
        Near.Relative(86609.362673042924m, Tvm.Fv(0.075m, 20, -2000m, 0m), DoubleTolerance);
        Near.Printed(93105.064874m, Tvm.Fv(0.075m, 20, -2000m, 0m, PaymentTiming.BeginningOfPeriod), 6);
        Assert.Equal(-500m, Tvm.Fv(0m, 5, 100m));
        Near.Printed(-610.51m, Tvm.Fv(0.1m, 5, 100m), 10);
        Near.Printed(-671.561m, Tvm.Fv(0.1m, 5, 100m, 0m, PaymentTiming.BeginningOfPeriod), 10);
        Near.Printed(-744.16m, Tvm.Fv(0.2m, 5, 100m), 10);
        Near.Printed(-892.992m, Tvm.Fv(0.2m, 5, 100m, 0m, PaymentTiming.BeginningOfPeriod), 10);
    }

    [Fact] // pv(0.05/12, 10*12, -100, 15692.93) = -100.00067131625819
    public void Pv_result() =>
        Near.Relative(-100.00067131625819m, Tvm.Pv(0.05m / 12, 120, -100m, 15692.93m), DoubleTolerance);

    [Fact] // ipmt docstring: 2,500 at 8.24%/12 over 12 months
    public void Amortization_table_from_the_ipmt_docstring()
    {
        decimal rate = 0.0824m / 12;
        Near.Printed(-200.58m, Tvm.PPmt(rate, 1, 12, 2500m), 2);
        Near.Printed(-17.17m, Tvm.IPmt(rate, 1, 12, 2500m), 2);
        Near.Printed(-216.26m, Tvm.PPmt(rate, 12, 12, 2500m), 2);
        Near.Printed(-1.49m, Tvm.IPmt(rate, 12, 12, 2500m), 2);
        decimal interest = 0m;
        decimal balance = 2500m;
        for (int per = 1; per <= 12; per++)
        {
            interest += Tvm.IPmt(rate, per, 12, 2500m);
            balance += Tvm.PPmt(rate, per, 12, 2500m);
            if (per == 1)
            {
                Near.Printed(2299.42m, balance, 2);
            }
        }

        Near.Printed(-112.98m, interest, 2);
        Near.Absolute(0m, balance, 0.0000000000000000000001m);
    }

    [Fact]
    public void IPmt_results()
    {
        Near.Printed(-16.666667m, Tvm.IPmt(0.1m / 12, 1, 24, 2000m), 6);
        decimal[] expected = { -16.66666667m, -16.03647345m, -15.40102862m, -14.76028842m };
        for (int per = 1; per <= 4; per++)
        {
            Near.Printed(expected[per - 1], Tvm.IPmt(0.1m / 12, per, 24, 2000m), 8);
        }

        // gh-17, begin: per 1 → 0, 2 → -594.107158, 3 → -592.971592
        const decimal rate = 0.001988079518355057m;
        Assert.Equal(0m, Tvm.IPmt(rate, 1, 360, 300000m, 0m, PaymentTiming.BeginningOfPeriod));
        Near.Printed(-594.107158m, Tvm.IPmt(rate, 2, 360, 300000m, 0m, PaymentTiming.BeginningOfPeriod), 6);
        Near.Printed(-592.971592m, Tvm.IPmt(rate, 3, 360, 300000m, 0m, PaymentTiming.BeginningOfPeriod), 6);
        Assert.Equal(0m, Tvm.IPmt(0.1m / 12, 1, 24, 2000m, 0m, PaymentTiming.BeginningOfPeriod));
    }

    [Fact]
    public void PPmt_results()
    {
        Near.Printed(-710.254126m, Tvm.PPmt(0.1m / 12, 1, 60, 55000m), 6);
        Near.Printed(-1158.929712m, Tvm.PPmt(0.1m / 12, 1, 60, 55000m, 0m, PaymentTiming.BeginningOfPeriod), 6);
        decimal[] expected = { -75.62318601m, -76.25337923m, -76.88882405m, -77.52956425m };
        for (int per = 1; per <= 4; per++)
        {
            Near.Printed(expected[per - 1], Tvm.PPmt(0.1m / 12, per, 24, 2000m), 8);
        }

        // test_broadcast with when = [0, 1, 'end', 'begin'] for per = 1..4
        Near.Printed(-75.62318601m, Tvm.PPmt(0.1m / 12, 2, 24, 2000m, 0m, PaymentTiming.BeginningOfPeriod), 8);
        Near.Printed(-76.88882405m, Tvm.PPmt(0.1m / 12, 4, 24, 2000m, 0m, PaymentTiming.BeginningOfPeriod), 8);
        Near.Printed(-302.131703m, Tvm.PPmt(0.08m / 12, 1, 60, 15000m, 0m, PaymentTiming.BeginningOfPeriod), 6);
        Near.Printed(-204.145914m, Tvm.PPmt(0.08m / 12, 1, 60, 15000m), 6);
    }

    [Theory] // test_basic_values (numpy asserts 2 decimals; the printed digits hold here)
    [InlineData(new[] { -150000.0, 15000, 25000, 35000, 45000, 60000 }, "0.0524", 4)]
    [InlineData(new[] { -100.0, 0, 0, 74 }, "-0.0955", 4)]
    [InlineData(new[] { -100.0, 39, 59, 55, 20 }, "0.28095", 5)]
    [InlineData(new[] { -100.0, 100, 0, -7 }, "-0.0833", 4)]
    [InlineData(new[] { -100.0, 100, 0, 7 }, "0.06206", 5)]
    [InlineData(new[] { -5.0, 10.5, 1, -8, 1 }, "0.0886", 4)]
    [InlineData(new[] { -5.0, 10.5, 1, -8, 1, 0, 0, 0 }, "0.0886", 4)]
    public void Irr_basic_values(double[] flows, string printed, int places) =>
        Near.Printed(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture),
            CashFlows.Irr(flows.Select(f => (decimal)f).ToArray()), places);

    /// <summary>
    /// gh-44 ("IRR incorrect when … final cashflow is negative"): Google Sheets' 1.00426, which numpy checks to 4
    /// decimals. The flows have two roots (1.00427 and one just above -100%); from the default guess the nearer is
    /// 1.0042698487…, at which the NPV is below 1e-20.
    /// </summary>
    [Fact]
    public void Irr_gh44()
    {
        decimal[] flows = { -1678.87m, 771.96m, 1814.05m, 3520.30m, 3552.95m, 3584.99m, 4789.91m, -1m };
        decimal irr = CashFlows.Irr(flows);
        Near.Absolute(1.00426m, irr, 0.00015m);
        Near.Absolute(0m, flows[0] + CashFlows.Npv(irr, flows.Skip(1)), 0.00000000000000000001m);
    }

    [Fact] // README: irr([-250000, 100000, 150000, 200000, 250000, 300000]) = 0.5672303344358536
    public void Irr_readme() =>
        Near.Relative(0.5672303344358536m, CashFlows.Irr(new[] { -250000m, 100000m, 150000m, 200000m, 250000m, 300000m }), DoubleTolerance);

    [Fact] // gh-39: 27 flows, two sign changes → 0.12 (numpy asserts 7 decimals)
    public void Irr_gh39()
    {
        decimal[] flows =
        {
            -217500.0m, -217500.0m, 108466.80462450592m, 101129.96439328062m,
            93793.12416205535m, 86456.28393083003m, 79119.44369960476m,
            71782.60346837944m, 64445.76323715414m, 57108.92300592884m,
            49772.08277470355m, 42435.24254347826m, 35098.40231225296m,
            27761.56208102766m, 20424.721849802358m, 13087.88161857707m,
            5751.041387351768m, -1585.7988438735192m, -8922.639075098821m,
            -16259.479306324123m, -23596.31953754941m, -30933.159768774713m,
            -38270.0m, -45606.8402312253m, -52943.680462450604m,
            -60280.520693675906m, -67617.36092490121m,
        };
        Near.Absolute(0.12m, CashFlows.Irr(flows), 0.00000015m);
    }

    [Fact] // npv(irr(x), x) = 0 (test_npv_irr_congruence, atol 1e-10)
    public void Npv_irr_congruence()
    {
        decimal[] flows = { -40000m, 5000m, 8000m, 12000m, 30000m };
        decimal irr = CashFlows.Irr(flows);
        Near.Absolute(0m, flows[0] + CashFlows.Npv(irr, flows.Skip(1)), 0.0000000000000000001m);
    }

    [Fact] // test_numpy_gh_6744 and the no-solution tests: flows of one sign have no IRR
    public void Irr_of_one_sign_has_no_solution()
    {
        Assert.Throws<NoSolutionException>(() => CashFlows.Irr(new[] { 1m, 2m, 3m }));
        Assert.Throws<NoSolutionException>(() => CashFlows.Irr(new[] { -1m, -2m, -3m }));
        Assert.Throws<NoSolutionException>(() => CashFlows.Irr(new[] { 40000m, 5000m, 8000m, 12000m, 30000m }));
    }

    [Theory] // gh-48: rate(2, 0, pv, fv) = [-0.39920185, -0.02305873, -0.41818459, 0.26513414, nan]
    [InlineData("-593.06", "214.07", "-0.39920185")]
    [InlineData("-4725.38", "4509.97", "-0.02305873")]
    [InlineData("-662.05", "224.11", "-0.41818459")]
    [InlineData("-428.78", "686.29", "0.26513414")]
    public void Rate_gh48(string pv, string fv, string expected)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Near.Printed(decimal.Parse(expected, c), Tvm.Rate(2, 0m, decimal.Parse(pv, c), decimal.Parse(fv, c)), 8);
    }

    [Fact] // gh-48's last case (pv -13.65, fv -329.67: same sign) is nan in numpy
    public void Rate_gh48_infeasible() =>
        Assert.Throws<NoSolutionException>(() => Tvm.Rate(2, 0m, -13.65m, -329.67m));

    [Theory] // test_rate_with_infeasible_solution: rate(12, 400, 10000, 5000, when) is nan for both timings
    [InlineData(PaymentTiming.EndOfPeriod)]
    [InlineData(PaymentTiming.BeginningOfPeriod)]
    public void Rate_infeasible(PaymentTiming when) =>
        Assert.Throws<NoSolutionException>(() => Tvm.Rate(12, 400m, 10000m, 5000m, when));
}
