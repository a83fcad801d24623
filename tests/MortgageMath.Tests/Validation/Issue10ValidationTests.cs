using MortgageMath.Tests.Analytics;
using NodaTime;

namespace MortgageMath.Tests.Validation;

/// <summary>
/// Issue 10, item 8: inputs that were accepted and then failed with an exception the documentation does not name
/// (NodaTime's overflow, a division by zero, a plain overflow, an IndexOutOfRangeException, an access-denied error),
/// dates shown with the wrong year, and day-count functions that let non-ISO dates through. Each is now refused at
/// the boundary by a named exception that carries the parameter and the value, or computed correctly.
/// </summary>
public sealed class Issue10ValidationTests
{
    private static readonly LocalDate Day = new(2024, 3, 20);

    private static readonly LocalDate Julian = new(2024, 1, 20, CalendarSystem.Julian);

    // ---- RepricingRule.EveryMonths: the cycle start must be in the years the engine can walk -------------------

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(2301, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(-9998, 1, 1)]
    public void A_repricing_cycle_start_outside_1900_to_2300_is_refused_by_name(int year, int month, int day)
    {
        LocalDate start = new(year, month, day);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryMonths(1, start));
        Assert.Equal("from", ex.ParamName);
        Assert.Equal(start, ex.ActualValue);
        Assert.Contains("1900", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2300", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{year:D4}-{month:D2}-{day:D2}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repricing_cycle_starts_at_the_ends_of_the_range_give_schedules()
    {
        // The fuzzed case built the rule and then failed inside the schedule with NodaTime's OverflowException.
        foreach (LocalDate start in new[] { new LocalDate(1900, 1, 1), new LocalDate(2300, 12, 31) })
        {
            RepricingRule rule = RepricingRule.EveryMonths(1, start);
            Loan loan = new(100_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, rule), 24, new LocalDate(2024, 1, 10));
            Schedule s = loan.BuildSchedule();
            Assert.Equal(0m, s.Last.ClosingBalance);
        }
    }

    [Fact]
    public void NextAfter_refuses_dates_it_cannot_walk_from()
    {
        LocalDate far = new(9999, 12, 31);
        var after = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryJanuary1.NextAfter(Day, far));
        Assert.Equal("after", after.ParamName);
        Assert.Equal(far, after.ActualValue);
        var disbursement = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryAnniversary.NextAfter(far, Day));
        Assert.Equal("disbursement", disbursement.ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentException>(() => RepricingRule.EveryMonths(3).NextAfter(Day, Julian)).ParamName);
        Assert.Equal(new LocalDate(2301, 1, 1), RepricingRule.EveryJanuary1.NextAfter(Day, new LocalDate(2300, 12, 31)));
    }

    // ---- NPER: stable for tiny rates ----------------------------------------------------------------------------

    [Fact]
    public void NPer_at_the_smallest_decimal_rate_is_one_period()
    {
        // Was a DivideByZeroException: ln(1 + 10^-28) rounded to 0 in the denominator.
        Near.Relative(1.0000000000000000000000000001m, Tvm.NPer(0.0000000000000000000000000001m, -1m, 1m), 1e-26m);
    }

    /// <summary>Reference values: ln((pmt(1+r·type) − fv·r)/(pmt(1+r·type) + pv·r)) / ln(1+r) evaluated with Python's
    /// <c>decimal</c> at 80 significant digits (independent of this library's series).</summary>
    [Theory]
    [InlineData("0.00000000000000000001", "-100", "10000", "0", 0, "100.00000000000000005050000000000000000336")]
    [InlineData("0.000000000001", "-100", "100000", "0", 0, "1000.0000005005000003335832502501666252418")]
    [InlineData("-0.000000000000001", "-100", "10000", "0", 0, "99.999999999994950000000000335824999999975")]
    [InlineData("0.0000000001", "-500", "-1000", "100000", 1, "197.99999799030002696743459329494679118225")]
    [InlineData("0.0000000001", "-1", "1000000", "0", 0, "1000050.0033835858535008459355336576581198")]
    [InlineData("0.000000000000000001", "-1000", "1000000000", "0", 0, "1000000.0000005000005000003333335833335")]
    [InlineData("0.000001", "-0.01", "100", "0", 0, "10050.340878668530406700421274890075313474")]
    [InlineData("0.000001", "-150", "8000", "0", 0, "53.334782273498838094474125983266654905405")]
    public void NPer_for_small_rates_matches_an_80_digit_evaluation(string rate, string pmt, string pv, string fv, int type, string expected) =>
        Near.Relative(D(expected), Tvm.NPer(D(rate), D(pmt), D(pv), D(fv), (PaymentTiming)type), 1e-25m);

    [Theory]
    [InlineData(0, "60.082122853761722553769107511045474301405")] // Excel's NPER example: 60.0821229
    [InlineData(1, "59.673865674294625587503590430037015269915")] // with payments at the beginning: 59.6738657
    public void NPer_keeps_excel_examples_to_25_digits(int type, string expected) =>
        Near.Relative(D(expected), Tvm.NPer(0.01m, -100m, -1000m, 10000m, (PaymentTiming)type), 1e-25m);

    [Fact]
    public void NPer_near_a_zero_rate_follows_the_first_order_expansion()
    {
        // pv(1+r)ⁿ + pmt·((1+r)ⁿ − 1)/r + fv = 0 to first order in r gives n ≈ n₀ − r·n₀·(pv + pmt·(n₀ − 1)/2)/pmt with
        // n₀ = −(pv + fv)/pmt; here n₀ = 80 and the slope is 80 · 6050 / 100 = 4840 (the r² term, 3.3·10⁴·r², is below
        // 10⁻²⁴ for r ≤ 10⁻¹⁵). The former form lost about 10⁻²⁸/r of the result: 10⁻¹¹ at r = 10⁻¹⁵.
        Assert.Equal(80m, Tvm.NPer(0m, -100m, 10000m, -2000m));
        foreach (decimal r in new[] { 1e-15m, 1e-18m, 1e-22m, 1e-26m, 1e-28m })
        {
            Near.Absolute(80m + (4840m * r), Tvm.NPer(r, -100m, 10000m, -2000m), 1e-24m);
            Near.Absolute(80m - (4840m * r), Tvm.NPer(-r, -100m, 10000m, -2000m), 1e-24m);
        }
    }

    [Fact]
    public void NPer_with_amounts_near_the_decimal_limit()
    {
        // Only the ratios of the amounts matter; huge amounts (and a huge rate) must not overflow on the way. The
        // expected values are 80-digit evaluations.
        Near.Relative(51.337551615517293725265742129669m, Tvm.NPer(0.01m, -2m, 50m, 50m), 1e-25m);
        Near.Relative(51.337551615517293725265742129669m, Tvm.NPer(0.01m, -2e27m, 5e28m, 5e28m), 1e-25m);
        // 7.2·10⁻⁹ has 20 significant digits in decimal's 28 places.
        Near.Relative(0.0000000072382339648108558844142382038m, Tvm.NPer(1e6m, -1e23m, 1e16m, 0m, PaymentTiming.BeginningOfPeriod), 1e-19m);
        var ex = Assert.Throws<OverflowException>(() => Tvm.NPer(0m, -0.0000000000000000000000000001m, 1e28m));
        Assert.Contains("NPER", ex.Message, StringComparison.Ordinal);
    }

    // ---- RATE / IRR / XIRR / APR: amounts the solvers can hold, and a named refusal beyond --------------------------

    [Fact]
    public void Rate_with_payments_at_the_beginning_and_large_amounts_is_solved()
    {
        // Was a plain OverflowException: pmt·(1 + r) at the solver's largest trial rate.
        decimal scaled = Tvm.Rate(12, -0.1m, 1m, 0m, PaymentTiming.BeginningOfPeriod);
        Near.Relative(scaled, Tvm.Rate(12, -1e23m, 1e24m, 0m, PaymentTiming.BeginningOfPeriod), 1e-24m);
        Near.Relative(scaled, Tvm.Rate(12, -4.5e26m, 4.5e27m, 0m, PaymentTiming.BeginningOfPeriod), 1e-24m);
    }

    [Fact]
    public void Rate_refuses_flows_beyond_the_limit_naming_the_largest()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Rate(12, -1e27m, 1e27m));
        Assert.Equal("pmt", ex.ParamName);
        Assert.Equal(-1e27m, ex.ActualValue);
        Assert.Contains("10000000000000000000000000000", ex.Message, StringComparison.Ordinal); // the limit, 10^28
        Assert.Contains("13000000000000000000000000000", ex.Message, StringComparison.Ordinal); // |pv| + 12·|pmt|
        Assert.Equal("pv", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Rate(1, -1m, 7.9e28m)).ParamName);
        Assert.Equal("fv", Assert.Throws<ArgumentOutOfRangeException>(() => Tvm.Rate(1, -1m, 1m, -5e28m)).ParamName);
        Assert.Equal(CashFlows.MaxFlowTotal, 1e28m);
        _ = Tvm.Rate(10, -5e26m, 5e27m); // exactly at the limit: solved
    }

    [Fact]
    public void Irr_and_xirr_refuse_flows_beyond_the_limit()
    {
        var irr = Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.Irr([-5e28m, 3e28m, 3e28m]));
        Assert.Equal("values", irr.ParamName);
        Assert.Null(irr.ActualValue); // the total exceeds decimal itself
        Assert.Contains("10000000000000000000000000000", irr.Message, StringComparison.Ordinal);
        var irr2 = Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.Irr([-5e27m, 3e27m, 3e27m]));
        Assert.Equal(1.1e28m, irr2.ActualValue);

        (LocalDate, decimal)[] flows = [(Day, -6e28m), (Day.PlusYears(1), 7e28m)];
        var xirr = Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.Xirr(flows));
        Assert.Equal("flows", xirr.ParamName);

        Near.Relative(CashFlows.Irr([-1m, 0.6m, 0.6m]), CashFlows.Irr([-4e27m, 2.4e27m, 2.4e27m]), 1e-24m);
        Near.Relative(0.1666666666666666666666666667m, CashFlows.Xirr([(Day, -3e27m), (Day.PlusYears(1), 3.5e27m)]), 1e-24m);
    }

    [Fact]
    public void Apr_refuses_flows_beyond_the_limit()
    {
        (LocalDate, decimal)[] payments = [(Day.PlusMonths(1), 6e27m), (Day.PlusMonths(2), 6e27m)];
        var regZ = Assert.Throws<ArgumentOutOfRangeException>(() => MortgageMath.Analytics.Apr.RegZActuarial(1e28m, Day, payments, UnitPeriod.Monthly));
        Assert.Equal("payments", regZ.ParamName);
        Assert.Equal(2.2e28m, regZ.ActualValue);
        Assert.Equal("payments", Assert.Throws<ArgumentOutOfRangeException>(() => new LoanCashFlows(1e28m, Day, payments)).ParamName);
        Assert.Equal("monthlyPayments", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MortgageMath.Analytics.Apr.Pboc(1e28m, [6e27m, 6e27m])).ParamName);
        Assert.Equal("payment", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MortgageMath.Analytics.Apr.RegZSinglePayment(1e27m, Day, 1e28m, Day.PlusDays(100))).ParamName);
    }

    [Fact]
    public void A_single_payment_apr_with_large_amounts_is_computed()
    {
        // Was a plain OverflowException: (payment − advance) · 365 before the division.
        RegZApr apr = MortgageMath.Analytics.Apr.RegZSinglePayment(1e27m, Day, 1.01e27m, Day.PlusDays(100));
        Assert.Equal(Rate.Fraction(0.0365m), apr.AnnualRate);
        RegZApr months = MortgageMath.Analytics.Apr.RegZSinglePayment(4e27m, Day, 4.04e27m, Day.PlusMonths(3));
        Assert.Equal(Rate.Fraction(0.04m), months.AnnualRate);
        var ex = Assert.Throws<OverflowException>(() => MortgageMath.Analytics.Apr.RegZSinglePayment(0.0000000001m, Day, 1e27m, Day.PlusDays(100)));
        Assert.Contains("1000%", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_apr_below_minus_1000_percent_is_named_not_a_plain_overflow()
    {
        // 30 days to a month-end payment is a whole unit-period fraction (f = 1); near −100% a period 1/(1 + f·i) was
        // scaled past the decimal range while scanning.
        (LocalDate, decimal)[] payments = [(new LocalDate(2024, 1, 31), 1e20m)];
        var ex = Assert.Throws<OverflowException>(() =>
            MortgageMath.Analytics.Apr.RegZActuarial(1e27m, new LocalDate(2024, 1, 1), payments, UnitPeriod.Monthly));
        Assert.Contains("1000%", ex.Message, StringComparison.Ordinal);
    }

    // ---- Indexers --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    [InlineData(int.MinValue)]
    public void A_schedule_row_outside_the_schedule_is_refused_by_name(int index)
    {
        Schedule s = new Loan(12_000m, Rate.Percent(4.9m), 12, Day).BuildSchedule();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => s[index]);
        Assert.Equal("index", ex.ParamName);
        Assert.Equal(index, ex.ActualValue);
        Assert.Contains("0 to 11", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IReadOnlyList<Installment>)s)[index]);
        Assert.Equal(s.Last, s[11]);
    }

    // ---- Dates in messages: years ≤ 0 -----------------------------------------------------------------------------

    [Theory]
    [InlineData(-2024, "-2024-03-01")]
    [InlineData(0, "0000-03-01")]
    [InlineData(-5, "-0005-03-01")]
    public void A_disbursement_year_at_or_below_zero_is_shown_as_that_year(int year, string shown)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Loan(1_000m, Rate.Percent(4.9m), 12, new LocalDate(year, 3, 1)));
        Assert.Equal("Disbursement", ex.ParamName);
        Assert.Contains($"was {shown}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_messages_show_years_at_or_below_zero_too()
    {
        var asOf = Assert.Throws<ArgumentOutOfRangeException>(() => RateTable.China.AssumingUnchangedUntil(new LocalDate(-2024, 1, 1)));
        Assert.Contains("-2024-01-01", asOf.Message, StringComparison.Ordinal);
        var iso = Assert.Throws<ArgumentException>(() => new Loan(1_000m, Rate.Percent(4.9m), 12, new LocalDate(-5, 1, 1, CalendarSystem.Julian)));
        Assert.Contains("-0005-01-01", iso.Message, StringComparison.Ordinal);
        var flows = Assert.Throws<ArgumentException>(() => CashFlows.Xirr([(Day, -1m), (new LocalDate(-1, 1, 1), 2m)]));
        Assert.Contains("-0001-01-01", flows.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_table_with_a_year_zero_fixing_survives_a_csv_round_trip()
    {
        // WriteCsv wrote year 0 as "0001" (the year of era), so reading the file back gave a different date.
        LocalDate yearZero = new(0, 6, 1);
        RateTable table = RateTable.China.WithFixing(RateIndex.Custom("old-base", "Old base"), yearZero, Rate.Percent(5m));
        var text = new StringWriter();
        table.WriteCsv(text);
        RateTable back = RateTable.Parse(new StringReader(text.ToString()), table.AsOf);
        Assert.Equal(yearZero, back.Fixings(RateIndex.Custom("old-base", "Old base"))[0].EffectiveDate);
    }

    // ---- Day-count functions: ISO dates only, like Loan ---------------------------------------------------------

    private static void AssertIsoRefused(Action action, string param)
    {
        var ex = Assert.Throws<ArgumentException>(action);
        Assert.Equal(param, ex.ParamName);
        Assert.Contains("ISO", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Julian.Calendar.Id, ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-20", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xnpv_and_xirr_refuse_non_iso_dates()
    {
        (LocalDate, decimal)[] later = [(new LocalDate(2023, 1, 1), -100m), (Julian, 110m)];
        AssertIsoRefused(() => CashFlows.Xnpv(0.1m, later), "flows");
        AssertIsoRefused(() => CashFlows.Xirr(later), "flows");
        (LocalDate, decimal)[] first = [(Julian, -100m), (Day.PlusYears(1), 110m)];
        AssertIsoRefused(() => CashFlows.Xirr(first), "flows");
    }

    [Fact]
    public void Apr_and_loan_cash_flows_refuse_non_iso_dates()
    {
        (LocalDate, decimal)[] payments = [(Julian, 1_010m)];
        AssertIsoRefused(() => _ = new LoanCashFlows(1_000m, new LocalDate(2024, 1, 1), payments), "payments");
        AssertIsoRefused(() => _ = new LoanCashFlows(1_000m, Julian, [(Day, 1_010m)]), "advanceDate");
        AssertIsoRefused(() => MortgageMath.Analytics.Apr.RegZActuarial(1_000m, Julian, [(Day, 1_010m)], UnitPeriod.Monthly), "advanceDate");
        AssertIsoRefused(() => MortgageMath.Analytics.Apr.RegZActuarial(1_000m, new LocalDate(2024, 1, 1), payments, UnitPeriod.Monthly), "payments");
        AssertIsoRefused(() => MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, Julian, 1_010m, Day), "advanceDate");
        AssertIsoRefused(() => MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, new LocalDate(2023, 6, 1), 1_010m, Julian), "paymentDate");
    }

    // ---- RateTable.Load: every failure named and documented, with the path -------------------------------------

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgagemath-i10-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Load_of_a_directory_is_an_io_error_naming_the_path()
    {
        // Was UnauthorizedAccessException ("Access to the path '/' is denied."), which the documentation did not name.
        var ex = Assert.Throws<IOException>(() => RateTable.Load("/"));
        Assert.StartsWith("/: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("folder", ex.Message, StringComparison.Ordinal);
        string dir = TempDir();
        try
        {
            var own = Assert.Throws<IOException>(() => RateTable.Load(dir));
            Assert.StartsWith(dir + ": ", own.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_of_a_missing_file_or_folder_is_file_not_found_with_the_path()
    {
        string dir = TempDir();
        try
        {
            foreach (string path in new[] { Path.Combine(dir, "missing.csv"), Path.Combine(dir, "no-such-folder", "rates.csv") })
            {
                var ex = Assert.Throws<FileNotFoundException>(() => RateTable.Load(path));
                Assert.Equal(path, ex.FileName);
                Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("rates\0.csv")]
    public void Load_of_an_invalid_path_is_an_argument_error(string path)
    {
        var ex = Assert.Throws<ArgumentException>(() => RateTable.Load(path));
        Assert.Equal("path", ex.ParamName);
    }

    [Fact]
    public void Load_of_a_file_that_fails_while_reading_is_an_io_error_with_the_path()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/mem opens but its first page cannot be read (EIO): a read error even for root.
        }

        var ex = Assert.Throws<IOException>(() => RateTable.Load("/proc/self/mem"));
        Assert.StartsWith("/proc/self/mem: ", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Load_of_a_file_that_is_not_utf8_is_a_format_error_with_the_path()
    {
        string dir = TempDir();
        try
        {
            string path = Path.Combine(dir, "gbk.csv");
            byte[] header = System.Text.Encoding.ASCII.GetBytes("index,effective_date,rate_pct,source\nlpr5y,2024-02-20,3.95,");
            File.WriteAllBytes(path, [.. header, 0xD6, 0xD0, 0xB9, 0xFA, (byte)'\n']); // "中国" in GBK
            var ex = Assert.Throws<FormatException>(() => RateTable.Load(path));
            Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
            Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
