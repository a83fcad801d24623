using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Validation;

/// <summary>The extremes of every range are accepted, do not overflow, and still give exact, well-formed schedules.</summary>
public class BoundaryTests
{
    public static TheoryData<string> Methods => new() { "equal-installment", "equal-principal" };

    private static RepaymentMethod M(string name) => RepaymentMethod.TryParse(name, out var m) ? m : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Max_principal_at_100_percent_for_600_months(string method)
    {
        Loan loan = new(Loan.MaxPrincipal, Rate.Percent(100m), Loan.MaxPeriods, new LocalDate(2200, 12, 31)) { Method = M(method) };
        SchedulePropertyTests.AssertWellFormed(loan);
        SchedulePropertyTests.AssertMatchesReference(loan);
        LoanQuote q = loan.Quote();
        if (loan.Method == RepaymentMethod.EqualInstallment)
        {
            decimal a = ExactOracle.AnnuityPayment(loan.Principal, loan.FixedRate(), 600, loan.Rounding);
            Assert.Equal(a, q.Payment);
            Assert.Equal(ExactOracle.AnnuityFormulaTotal(loan.Principal, loan.FixedRate(), 600, loan.Rounding), q.FormulaTotalInterest);
            Assert.Equal((a * 600) - loan.Principal, q.RoundedPaymentTotalInterest);
        }
        else
        {
            Assert.Equal(ExactOracle.EqualPrincipalFormulaTotal(loan.Principal, loan.FixedRate(), 600, loan.Rounding), q.FormulaTotalInterest);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Max_principal_at_100_percent_with_4_decimal_places_and_a_61_day_first_period(string method)
    {
        // 10^16 minor units, odd first period of 61 days (2024-01-01 → 2024-03-01... at 365-day count), both odd policies.
        foreach (OddFirstPeriodPolicy odd in Enum.GetValues<OddFirstPeriodPolicy>())
        {
            Loan loan = new(Loan.MaxPrincipal, Rate.Fraction(0.9999999999999999m), Loan.MaxPeriods, new LocalDate(2024, 1, 1))
            {
                Method = M(method),
                Rounding = new RoundingPolicy(4, RoundingMode.HalfEven),
                RepaymentDay = 31,
                FirstDueDate = new LocalDate(2024, 2, 29),
                OddFirstPeriod = odd,
                DayCount = DayCount.Actual365Fixed,
            };
            SchedulePropertyTests.AssertWellFormed(loan);
            SchedulePropertyTests.AssertMatchesReference(loan);
            _ = loan.Quote();
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void One_fen_for_600_months_at_24_percent(string method)
    {
        Loan loan = new(0.01m, Rate.Percent(24m), 600, new LocalDate(1900, 1, 1)) { Method = M(method) };
        SchedulePropertyTests.AssertWellFormed(loan);
        SchedulePropertyTests.AssertMatchesReference(loan);
        Schedule s = loan.BuildSchedule();
        Assert.Equal(0.01m, s.TotalPrincipal);
        Assert.Equal(0.01m, s.Last.Principal + s.Take(599).Sum(r => r.Principal));
    }

    [Fact]
    public void Rate_zero_equal_principal_parts()
    {
        Loan loan = new(1_000_000m, Rate.Zero, 360, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal };
        Schedule s = loan.BuildSchedule();
        Assert.All(s.Take(359), r => Assert.Equal(2777.78m, r.Principal));
        Assert.Equal(2776.98m, s.Last.Principal); // 1,000,000 − 359 × 2,777.78
        Assert.All(s, r => Assert.Equal(0m, r.Interest));
        Assert.Equal(0m, s.TotalInterest);
        Assert.Equal(0m, s.Quote.FormulaTotalInterest);
        Assert.Equal(0m, s.Quote.MonthlyDecrease);
    }

    [Fact]
    public void Rate_zero_equal_installment_is_principal_over_n()
    {
        Loan loan = new(1_000_000m, Rate.Zero, 360, new LocalDate(2024, 3, 20));
        Schedule s = loan.BuildSchedule();
        Assert.All(s.Take(359), r => Assert.Equal(2777.78m, r.Payment));
        Assert.Equal(2776.98m, s.Last.Payment);
        LoanQuote q = s.Quote;
        Assert.Equal(2777.78m, q.Payment);
        Assert.Equal(0m, q.FormulaTotalInterest);
        Assert.Equal((2777.78m * 360) - 1_000_000m, q.RoundedPaymentTotalInterest);
    }

    [Fact]
    public void Rate_zero_with_odd_first_period_charges_no_interest()
    {
        Loan loan = new(1_000_000m, Rate.Zero, 12, new LocalDate(2024, 3, 10)) { RepaymentDay = 20 };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(0m, s.TotalInterest);
        SchedulePropertyTests.AssertWellFormed(loan);
    }

    [Fact]
    public void Single_period_loans_settle_in_one_payment()
    {
        foreach (RepaymentMethod method in new[] { RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal })
        {
            Schedule s = new Loan(1000m, Rate.Percent(12m), 1, new LocalDate(2024, 3, 20)) { Method = method }.BuildSchedule();
            Assert.Equal(1010m, s.Single().Payment);
        }
    }
}
