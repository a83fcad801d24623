using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Validation;

/// <summary>
/// Bad input throws ArgumentOutOfRangeException / ArgumentException whose ParamName names the parameter and whose
/// message contains the bad value and the valid range. ParamName is compared case-insensitively: the constructor
/// parameter is <c>principal</c>, the init property (which does the check) is <c>Principal</c>.
/// </summary>
public class ValidationTests
{
    private static readonly LocalDate Day = new(2024, 3, 20);

    private static Loan Valid() => new(1_000_000m, Rate.Percent(4.9m), 360, Day);

    private static void AssertNames(ArgumentException ex, string param, params string[] fragments)
    {
        Assert.Equal(param, ex.ParamName, ignoreCase: true);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        }
    }

    // ---- principal

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-1000000")]
    [InlineData("1000000000000.01")]
    [InlineData("79228162514264337593543950335")]
    public void Principal_out_of_range(string value)
    {
        decimal principal = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Loan(principal, Rate.Percent(4.9m), 360, Day));
        AssertNames(ex, "principal", value, "greater than 0", "1,000,000,000,000");
        Assert.Equal(principal, ex.ActualValue);

        var viaWith = Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { Principal = principal });
        AssertNames(viaWith, "principal", value);
    }

    [Theory]
    [InlineData("1000.001", 2)]
    [InlineData("0.005", 2)]
    [InlineData("1.5", 0)]
    [InlineData("0.00001", 4)]
    public void Principal_with_more_decimals_than_the_policy_fails_at_BuildSchedule(string value, int places)
    {
        decimal principal = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Loan loan = Valid() with { Principal = principal, Rounding = new RoundingPolicy(places) }; // accepted here
        var ex = Assert.Throws<ArgumentException>(() => loan.BuildSchedule());
        AssertNames(ex, "principal", value, places.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<ArgumentException>(() => loan.Quote());
    }

    [Fact]
    public void Principal_with_trailing_zeros_is_fine()
    {
        Schedule s = (Valid() with { Principal = 1000.000000m }).BuildSchedule();
        Assert.Equal(1000m, s.TotalPrincipal);
    }

    // ---- rate

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    [InlineData("1000")]
    [InlineData("-1000")]
    public void Loan_rate_out_of_range(string percent)
    {
        Rate rate = Rate.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Loan(1000m, rate, 12, Day));
        AssertNames(ex, "annualRate", percent + "%", "0%", "100%");
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid().WithFixedRate(rate));
    }

    [Theory]
    [InlineData("1000.0000000001")]
    [InlineData("-1000.01")]
    [InlineData("79228162514264337593543950335")]
    public void Rate_percent_beyond_1000(string percent)
    {
        decimal value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(value));
        AssertNames(ex, "percent", percent, "-1000%", "1000%");
    }

    [Fact]
    public void Rate_basis_points_and_fraction_beyond_range()
    {
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(100_000.5m)), "basisPoints", "100000.5", "-100000bp", "100000bp");
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Fraction(-10.5m)), "fraction", "-10.5", "-10", "10");
    }

    [Fact]
    public void Rate_with_too_many_decimals()
    {
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(0.000000000000001m)), "percent", "0.000000000000001", "14");
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(0.0000000000001m)), "basisPoints", "0.0000000000001", "12");
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Fraction(0.00000000000000001m)), "fraction", "0.00000000000000001", "16");
    }

    [Fact]
    public void Rate_limits_are_accepted()
    {
        Assert.Equal(10m, Rate.Percent(1000m).ToFraction());
        Assert.Equal(-10m, Rate.Percent(-1000m).ToFraction());
        Assert.Equal(0.00000000000001m, Rate.Percent(0.00000000000001m).ToPercent());
        Assert.Equal(Rate.Percent(4.9m), Rate.BasisPoints(490m));
        Assert.Equal(Rate.Percent(4.9m), Rate.Fraction(0.049m));
    }

    // ---- periods, repayment day, disbursement

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    [InlineData(int.MaxValue)]
    public void Periods_out_of_range(int periods)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Loan(1000m, Rate.Percent(4.9m), periods, Day));
        AssertNames(ex, "periods", periods.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "600");
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { Periods = periods });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(-5)]
    public void Repayment_day_out_of_range(int day)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { RepaymentDay = day });
        AssertNames(ex, "RepaymentDay", day.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "31");
    }

    [Theory]
    [InlineData(1899, 12, 31, "1899-12-31")]
    [InlineData(2201, 1, 1, "2201-01-01")]
    [InlineData(1, 1, 1, "0001-01-01")]
    public void Disbursement_year_out_of_range(int y, int m, int d, string text)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Loan(1000m, Rate.Percent(4.9m), 12, new LocalDate(y, m, d)));
        AssertNames(ex, "disbursement", text, "1900", "2200");
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { Disbursement = new LocalDate(y, m, d) });
    }

    // ---- first due date (checked when the schedule is built)

    [Theory]
    [InlineData(2024, 3, 20, "2024-03-20")] // at disbursement
    [InlineData(2024, 3, 19, "2024-03-19")] // before
    [InlineData(2020, 1, 20, "2020-01-20")] // long before
    [InlineData(2024, 5, 21, "2024-05-21")] // > 2 months after
    [InlineData(2024, 6, 20, "2024-06-20")] // 3 months after
    public void First_due_date_outside_the_window(int y, int m, int d, string text)
    {
        Loan loan = Valid() with { FirstDueDate = new LocalDate(y, m, d) };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loan.BuildSchedule());
        AssertNames(ex, "FirstDueDate", text, "2024-03-20", "two months");
    }

    [Theory]
    [InlineData(2024, 4, 19, 20, "2024-04-19")]
    [InlineData(2024, 4, 21, 20, "2024-04-21")]
    [InlineData(2024, 4, 29, 31, "2024-04-29")] // day 31 clamps to Apr 30
    public void First_due_date_not_on_the_repayment_day(int y, int m, int d, int repaymentDay, string text)
    {
        Loan loan = Valid() with { RepaymentDay = repaymentDay, FirstDueDate = new LocalDate(y, m, d) };
        var ex = Assert.Throws<ArgumentException>(() => loan.BuildSchedule());
        AssertNames(ex, "FirstDueDate", text, repaymentDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void First_due_date_boundaries_are_accepted()
    {
        Assert.Equal(new LocalDate(2024, 5, 20), (Valid() with { FirstDueDate = new LocalDate(2024, 5, 20) }).BuildSchedule().First.DueDate); // exactly 2 months
        Assert.Equal(new LocalDate(2024, 4, 30), (Valid() with { RepaymentDay = 31, FirstDueDate = new LocalDate(2024, 4, 30) }).BuildSchedule().First.DueDate);
        Assert.Equal(new LocalDate(2024, 3, 21), (Valid() with { RepaymentDay = 21, FirstDueDate = new LocalDate(2024, 3, 21) }).BuildSchedule().First.DueDate); // 1 day
    }

    // ---- rounding policy, enums, nulls

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(28)]
    public void Rounding_decimal_places_out_of_range(int places)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RoundingPolicy(places));
        AssertNames(ex, "decimalPlaces", places.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "4");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Rounding_mode_undefined(int mode)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RoundingPolicy(2, (RoundingMode)mode));
        AssertNames(ex, "mode", mode.ToString(System.Globalization.CultureInfo.InvariantCulture), "HalfUp", "HalfEven", "Truncate");
    }

    [Fact]
    public void Day_count_and_odd_period_policy_undefined()
    {
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { DayCount = (DayCount)7 }), "DayCount", "7", "Actual360", "Actual365Fixed");
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { OddFirstPeriod = (OddFirstPeriodPolicy)9 }), "OddFirstPeriod", "9", "AdjustFirstPayment", "KeepRegularPayment");
    }

    [Fact]
    public void Null_method_or_rounding()
    {
        var method = Assert.Throws<ArgumentNullException>(() => Valid() with { Method = null! });
        Assert.Equal("Method", method.ParamName);
        var rounding = Assert.Throws<ArgumentNullException>(() => Valid() with { Rounding = null! });
        Assert.Equal("Rounding", rounding.ParamName);
    }

    [Fact]
    public void Rounded_payment_total_is_rejected_for_equal_principal()
    {
        LoanQuote q = (Valid() with { Method = RepaymentMethod.EqualPrincipal }).Quote();
        var ex = Assert.Throws<ArgumentException>(() => q.TotalInterest(TotalInterestConvention.RoundedPayment));
        AssertNames(ex, "convention", "equal-principal");
        Assert.Throws<ArgumentOutOfRangeException>(() => q.TotalInterest((TotalInterestConvention)5));
    }
}
