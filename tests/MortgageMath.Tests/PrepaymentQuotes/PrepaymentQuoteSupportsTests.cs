using NodaTime;

namespace MortgageMath.Tests.PrepaymentQuotes;

/// <summary>
/// <see cref="PrepaymentQuote.Supports"/>: when the closed form prices a prepayment, the regular payments made by
/// then, and why not otherwise (the first condition broken, in the documented order).
/// </summary>
public class PrepaymentQuoteSupportsTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Theory]
    [InlineData(2025, 3, 20, 12)]
    [InlineData(2024, 4, 20, 1)]
    [InlineData(2054, 2, 20, 359)]
    public void A_due_date_of_a_fixed_rate_loan_is_supported(int year, int month, int day, int made)
    {
        Assert.True(PrepaymentQuote.Supports(Tv1, new LocalDate(year, month, day), out int paymentsMade, out string? reason));
        Assert.Equal(made, paymentsMade);
        Assert.Null(reason);

        // The count is the argument AfterPayment takes.
        Assert.Equal(made, PrepaymentQuote.AfterPayment(Tv1, paymentsMade, 1_000m, PrepaymentOption.LowerPayment).PaymentsMade);
    }

    [Fact]
    public void Equal_principal_is_supported()
    {
        Assert.True(PrepaymentQuote.Supports(Tv1 with { Method = RepaymentMethod.EqualPrincipal }, new LocalDate(2025, 3, 20), out int made, out _));
        Assert.Equal(12, made);
    }

    [Fact]
    public void A_day_between_due_dates_is_not()
    {
        Assert.False(PrepaymentQuote.Supports(Tv1, new LocalDate(2025, 3, 21), out int made, out string? reason));
        Assert.Equal(12, made);
        Assert.Equal("2025-03-21 is not a due date; the closed form prices a prepayment made right after a regular payment", reason);
    }

    [Fact]
    public void A_loan_with_events_is_not()
    {
        Loan loan = Tv1 with { Events = [Prepayment.Partial(new LocalDate(2024, 9, 20), 10_000m, PrepaymentOption.LowerPayment)] };
        Assert.False(PrepaymentQuote.Supports(loan, new LocalDate(2025, 3, 20), out int made, out string? reason));
        Assert.Equal(0, made);
        Assert.Equal("the loan has events of its own; the closed form assumes none", reason);
    }

    [Fact]
    public void Other_methods_are_not()
    {
        RepaymentMethod method = RepaymentMethod.InterestFirst(12);
        Assert.False(PrepaymentQuote.Supports(Tv1 with { Method = method }, new LocalDate(2025, 3, 20), out _, out string? reason));
        Assert.Equal($"the closed form covers equal-installment and equal-principal loans, not {method.Name}", reason);
    }

    [Fact]
    public void A_floating_rate_is_not_and_the_payments_made_are_still_counted()
    {
        var loan = new Loan(500_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 60, new LocalDate(2020, 6, 10));
        Assert.False(PrepaymentQuote.Supports(loan, new LocalDate(2021, 6, 10), out int made, out string? reason));
        Assert.Equal(12, made);
        Assert.Equal("the closed form needs a fixed-rate loan", reason);
    }

    [Fact]
    public void The_events_are_checked_first()
    {
        var loan = new Loan(500_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 60, new LocalDate(2020, 6, 10))
        {
            Method = RepaymentMethod.InterestFirst(12),
            Events = [Prepayment.Partial(new LocalDate(2020, 9, 10), 10_000m, PrepaymentOption.LowerPayment)],
        };
        Assert.False(PrepaymentQuote.Supports(loan, new LocalDate(2021, 6, 11), out _, out string? reason));
        Assert.StartsWith("the loan has events", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_loan_throws() =>
        Assert.Throws<ArgumentNullException>(() => PrepaymentQuote.Supports(null!, new LocalDate(2025, 3, 20), out _, out _));
}
