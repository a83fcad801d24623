using NodaTime;

namespace MortgageMath.Tests.PrepaymentQuotes;

/// <summary>
/// china-mortgage-conventions.md TV-7a (缩短期限 vs 减少月供): 100万, 4.9%, 360, prepay 200,000 right after payment 12.
/// The calculator's closed-form figures (<see cref="PrepaymentQuote"/>) and the bank's exact schedules
/// (<see cref="PrepaymentComparison"/>), each named.
/// </summary>
public class Tv7aPrepaymentQuoteTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    private static readonly LocalDate AfterPayment12 = new(2025, 3, 20);

    private static PrepaymentQuote Quote(PrepaymentOption option) => PrepaymentQuote.AfterPayment(Tv1, 12, 200_000m, option);

    // ---------------- closed form (china-mortgage-conventions.md TV-7a table)

    [Fact]
    public void TV7a_closed_form_balances_and_remaining_interest()
    {
        foreach (PrepaymentOption option in new[] { PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment, PrepaymentOption.LowerPayment })
        {
            PrepaymentQuote q = Quote(option);
            Assert.Equal(984_978.41m, q.BalanceBefore);
            Assert.Equal(784_978.41m, q.BalanceAfter);
            Assert.Equal(861_950.58m, q.RemainingInterestWithout);
            Assert.Same(option, q.Option);
            Assert.Equal(12, q.PaymentsMade);
            Assert.Equal(200_000m, q.Amount);
        }
    }

    [Fact]
    public void TV7a_closed_form_shorten_term_recomputing_the_payment()
    {
        PrepaymentQuote q = Quote(PrepaymentOption.ShortenTerm);
        Assert.Equal(228, q.RemainingPeriods);
        Assert.Equal(120, q.PeriodsSaved);
        Assert.Equal(227.29m, q.ExactRemainingPeriods);
        Assert.Equal(5_297.25m, q.NewPayment);
        Assert.Equal(5_297.25m, q.LastPayment);
        Assert.Equal(439_155.64m, q.InterestSaved);
    }

    [Fact]
    public void TV7a_closed_form_shorten_term_keeping_the_payment()
    {
        PrepaymentQuote q = Quote(PrepaymentOption.ShortenTermKeepPayment);
        Assert.Equal(228, q.RemainingPeriods);
        Assert.Equal(227.29m, q.ExactRemainingPeriods);
        Assert.Equal(5_307.27m, q.NewPayment);
        Assert.Equal(1_548.95m, q.LastPayment);
        Assert.Equal(440_630.38m, q.InterestSaved);
    }

    [Fact]
    public void TV7a_closed_form_lower_payment()
    {
        PrepaymentQuote q = Quote(PrepaymentOption.LowerPayment);
        Assert.Equal(348, q.RemainingPeriods);
        Assert.Equal(0, q.PeriodsSaved);
        Assert.Null(q.ExactRemainingPeriods);
        Assert.Equal(4_229.63m, q.NewPayment);
        Assert.Equal(4_229.63m, q.LastPayment);
        Assert.Equal(175_019.18m, q.InterestSaved);
        Assert.InRange(q.RemainingInterestWith, q.RemainingInterestWithout - q.InterestSaved - 0.01m, q.RemainingInterestWithout - q.InterestSaved + 0.01m);
    }

    [Fact]
    public void TV7a_closed_form_new_term()
    {
        // Keeping 348 periods is the same as lowering the payment.
        PrepaymentQuote same = Quote(PrepaymentOption.NewTerm(348));
        Assert.Equal(4_229.63m, same.NewPayment);
        Assert.Equal(175_019.18m, same.InterestSaved);

        // 228 periods is the same as shortening the term.
        PrepaymentQuote shorter = Quote(PrepaymentOption.NewTerm(228));
        Assert.Equal(5_297.25m, shorter.NewPayment);
        Assert.Equal(439_155.64m, shorter.InterestSaved);
        Assert.Equal(120, shorter.PeriodsSaved);
    }

    [Fact]
    public void TV7a_shortening_saves_more_interest_than_lowering_the_payment()
    {
        Assert.True(Quote(PrepaymentOption.ShortenTermKeepPayment).InterestSaved > Quote(PrepaymentOption.ShortenTerm).InterestSaved);
        Assert.True(Quote(PrepaymentOption.ShortenTerm).InterestSaved > Quote(PrepaymentOption.LowerPayment).InterestSaved);
    }

    // ---------------- the bank's exact schedules (TV-7a note: they differ from the closed form by cents)

    [Fact]
    public void TV7a_schedule_shorten_term()
    {
        PrepaymentComparison c = Strategy(PrepaymentOption.ShortenTerm);
        Assert.Equal(360, c.Baseline.RegularPayments);
        Assert.Equal(240, c.Alternative.RegularPayments); // 12 + 228
        Assert.Equal(120, c.PeriodsSaved);
        Assert.Equal(5_297.25m, c.NewPayment);
        Assert.Equal(439_154.37m, c.InterestSaved);
    }

    [Fact]
    public void TV7a_schedule_shorten_term_keeping_the_payment()
    {
        PrepaymentComparison c = Strategy(PrepaymentOption.ShortenTermKeepPayment);
        Assert.Equal(120, c.PeriodsSaved);
        Assert.Equal(5_307.27m, c.NewPayment);
        Assert.Equal(1_547.95m, c.Alternative.Last.Payment); // TV-7a note: 5,307.27 a month ends with 1,547.95
        Assert.Equal(440_629.64m, c.InterestSaved);
    }

    [Fact]
    public void TV7a_schedule_lower_payment()
    {
        PrepaymentComparison c = Strategy(PrepaymentOption.LowerPayment);
        Assert.Equal(0, c.PeriodsSaved);
        Assert.Equal(4_229.63m, c.NewPayment);
        Assert.Equal(175_019.80m, c.InterestSaved);
    }

    [Fact]
    public void TV7a_schedule_cash_figures_without_penalty()
    {
        PrepaymentComparison c = Strategy(PrepaymentOption.ShortenTerm);
        Assert.Equal(0m, c.PenaltiesPaid);
        Assert.Equal(c.Baseline.TotalPayment, c.BaselineCashOut);
        Assert.Equal(c.Alternative.TotalPayment, c.AlternativeCashOut);
        Assert.Equal(c.InterestSaved, c.CashSaved); // same principal, no penalty
        Assert.Equal(1_910_615.12m, c.BaselineCashOut); // TV-1 schedule total interest 910,615.12
    }

    private static PrepaymentComparison Strategy(PrepaymentOption option) =>
        Assert.Single(PrepaymentComparison.Strategies(Tv1, AfterPayment12, 200_000m, option));
}
