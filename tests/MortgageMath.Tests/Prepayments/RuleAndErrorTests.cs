using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Bank rules (china-mortgage-conventions.md §4.2) and argument errors.</summary>
public sealed class RuleAndErrorTests
{
    private static Schedule Build(PrepaymentRules rules, params Prepayment[] prepayments) =>
        (Tv1 with { PrepaymentRules = rules, Events = prepayments }).BuildSchedule();

    private static Prepayment Part(int y, int m, int d, decimal amount) => Prepayment.Partial(D(y, m, d), amount, PrepaymentOption.LowerPayment);

    [Fact]
    public void Minimum_amount()
    {
        var rules = new PrepaymentRules { MinimumAmount = 10_000m };
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => Build(rules, Part(2025, 3, 20, 9_999.99m)));
        Assert.Equal("minimum prepayment amount", ex.Rule);
        Assert.Equal(10_000m, PrepaymentRow(Build(rules, Part(2025, 3, 20, 10_000m))).Principal);
        Assert.Equal(10_000m, PrepaymentRow(Build(rules, Part(2025, 4, 8, 10_000m))).Principal);
    }

    /// <summary>ICBC Shanghai (§4.2): at least 6 × the monthly payment: 6 × 5,307.27 = 31,843.62.</summary>
    [Fact]
    public void Minimum_payment_multiple_icbc_shanghai()
    {
        var rules = new PrepaymentRules { MinimumPaymentMultiple = 6m };
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => Build(rules, Part(2025, 3, 20, 31_843.61m)));
        Assert.Equal("minimum prepayment as a multiple of the payment", ex.Rule);
        Assert.Contains("31843.62", ex.Message);
        Build(rules, Part(2025, 3, 20, 31_843.62m));

        // The payment in force: after a lower-payment prepayment it is 4,229.63, so 6 × = 25,377.78 suffices later.
        Schedule schedule = Build(rules,
            Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment),
            Part(2025, 6, 20, 25_377.78m));
        Assert.Equal(2, schedule.Count(r => r.Kind == InstallmentKind.Prepayment));
        Assert.Throws<PrepaymentRuleViolationException>(() => Build(rules,
            Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment),
            Part(2025, 6, 20, 25_377.77m)));
    }

    [Fact]
    public void Lock_in_12_months()
    {
        var rules = new PrepaymentRules { AllowedAfterMonths = 12 };
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => Build(rules, Part(2024, 9, 20, 50_000m)));
        Assert.Equal("prepayment lock-in", ex.Rule);
        Assert.Contains("2025-03-20", ex.Message);
        Assert.Throws<PrepaymentRuleViolationException>(() => Build(rules, Part(2025, 3, 19, 50_000m)));
        Build(rules, Part(2025, 3, 20, 50_000m));
    }

    [Fact]
    public void Payoff_is_exempt_from_minimums_but_not_from_the_lock_in()
    {
        var minimums = new PrepaymentRules { MinimumAmount = 2_000_000m, MinimumPaymentMultiple = 1000m };
        Assert.Equal(InstallmentKind.Payoff, Build(minimums, Prepayment.Payoff(D(2025, 4, 8))).Last.Kind);
        // A partial prepayment of the whole balance is a payoff, so it is exempt too.
        Assert.Equal(InstallmentKind.Payoff, Build(minimums, Part(2025, 3, 20, 984_978.39m)).Last.Kind);
        Assert.Equal(984_978.39m, (Tv1 with { PrepaymentRules = minimums }).PayoffQuote(D(2025, 3, 20)).Total);

        var lockIn = new PrepaymentRules { AllowedAfterMonths = 12 };
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => Build(lockIn, Prepayment.Payoff(D(2024, 9, 20))));
        Assert.Equal("prepayment lock-in", ex.Rule);
        Assert.Throws<PrepaymentRuleViolationException>(() => (Tv1 with { PrepaymentRules = lockIn }).PayoffQuote(D(2024, 9, 20)));
    }

    [Fact]
    public void Rules_reject_bad_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { MinimumAmount = -1m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { MinimumPaymentMultiple = -1m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { MinimumPaymentMultiple = 1000.01m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { AllowedAfterMonths = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { AllowedAfterMonths = 601 });
        Assert.Throws<ArgumentNullException>(() => Tv1 with { PrepaymentRules = null! });
        Assert.Throws<ArgumentOutOfRangeException>(() => Tv1 with { PrepaymentInterest = (PrepaymentInterest)3 });
    }

    [Theory]
    [InlineData(2024, 3, 20)] // the disbursement day itself
    [InlineData(2024, 3, 19)]
    [InlineData(2054, 3, 21)] // after the last due date
    public void Prepayment_outside_the_loan_is_out_of_range(int y, int m, int d)
    {
        LoanEventException ex = Assert.Throws<LoanEventException>(() => Tv1.With(Part(y, m, d, 1_000m)).BuildSchedule());
        Assert.Equal(0, ex.EventIndex);
        Assert.Equal(D(y, m, d), ex.EventDate);
        Assert.Equal(D(y, m, d), ex.ActualValue);
        Assert.Equal(nameof(Loan.Events), ex.ParamName);
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(Assert.Throws<LoanEventException>(() => Tv1.With(Prepayment.Payoff(D(y, m, d))).BuildSchedule()));
    }

    [Fact]
    public void Payoff_quote_on_or_before_disbursement_is_out_of_range()
    {
        Assert.Throws<LoanEventException>(() => Tv1.PayoffQuote(D(2024, 3, 20)));
        Assert.Throws<LoanEventException>(() => Tv1.PayoffQuote(D(2024, 1, 1)));
    }

    [Fact]
    public void Amount_with_more_decimals_than_the_rounding_keeps()
    {
        var ex = Assert.Throws<LoanEventException>(() => Tv1.With(Part(2025, 3, 20, 1_000.001m)).BuildSchedule());
        Assert.Contains("decimal places", ex.Message);
        Assert.Null(ex.ActualValue); // the date is fine: the amount is not
        Loan whole = Tv1 with { Rounding = new RoundingPolicy(0, RoundingMode.HalfUp) };
        Assert.Throws<LoanEventException>(() => whole.With(Part(2025, 3, 20, 1_000.5m)).BuildSchedule());
        Assert.Equal(1_000m, PrepaymentRow(whole.With(Part(2025, 3, 20, 1_000.00m)).BuildSchedule()).Principal);
    }

    [Fact]
    public void Amount_above_the_balance()
    {
        var ex = Assert.Throws<LoanEventException>(() => Tv1.With(Part(2025, 3, 20, 984_978.40m)).BuildSchedule());
        Assert.Contains("984978.39", ex.Message);
        Assert.Equal((0, D(2025, 3, 20)), (ex.EventIndex, ex.EventDate));
        Assert.Throws<LoanEventException>(() => Tv1.With(Part(2025, 4, 8, 984_978.40m)).BuildSchedule());
        // The balance before a due date's payment is not available after it.
        Assert.Throws<LoanEventException>(() => Tv1.With(Part(2025, 3, 20, 986_258.44m)).BuildSchedule());
    }

    [Fact]
    public void Prepayment_after_a_payoff_on_a_due_date()
    {
        var ex = Assert.Throws<LoanEventException>(() =>
            Tv1.With(Prepayment.Payoff(D(2025, 3, 20)), Part(2025, 6, 20, 1_000m)).BuildSchedule());
        Assert.Contains("after the loan is repaid", ex.Message);
        Assert.Equal((1, D(2025, 6, 20)), (ex.EventIndex, ex.EventDate));
        Assert.Throws<LoanEventException>(() =>
            Tv1.With(Prepayment.Payoff(D(2025, 3, 20)), Part(2025, 3, 20, 1_000m)).BuildSchedule());
    }

    [Fact]
    public void Prepayment_after_a_shortened_loan_has_ended()
    {
        Assert.Throws<LoanEventException>(() => Tv1.With(
            Prepayment.Partial(D(2025, 3, 20), 900_000m, PrepaymentOption.ShortenTerm),
            Part(2040, 3, 20, 1_000m)).BuildSchedule());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    [InlineData(-100)]
    public void Partial_amount_must_be_positive(decimal amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prepayment.Partial(D(2025, 3, 20), amount, PrepaymentOption.LowerPayment));
    }

    [Fact]
    public void Partial_amount_above_the_largest_principal_and_null_option()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prepayment.Partial(D(2025, 3, 20), Loan.MaxPrincipal + 0.01m, PrepaymentOption.LowerPayment));
        Assert.Throws<ArgumentNullException>(() => Prepayment.Partial(D(2025, 3, 20), 1m, null!));
        Assert.Throws<ArgumentException>(() => Tv1 with { Events = [null!] });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void New_term_outside_1_to_600(int periods)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentOption.NewTerm(periods));
    }

    [Fact]
    public void Descriptions()
    {
        Assert.Equal("payoff on 2025-03-20", Prepayment.Payoff(D(2025, 3, 20)).ToString());
        Assert.Equal("prepay 1000.5 on 2025-03-20, new-term(12)", Prepayment.Partial(D(2025, 3, 20), 1000.5m, PrepaymentOption.NewTerm(12)).ToString());
        Assert.True(Prepayment.Payoff(D(2025, 3, 20)).IsPayoff);
        Assert.Null(Prepayment.Payoff(D(2025, 3, 20)).Amount);
    }
}
