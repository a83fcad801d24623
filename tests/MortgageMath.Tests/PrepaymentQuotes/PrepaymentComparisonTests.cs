using NodaTime;

namespace MortgageMath.Tests.PrepaymentQuotes;

/// <summary>Comparisons of exact schedules with and without prepayments (china-mortgage-conventions.md TV-7a, §4.3).</summary>
public class PrepaymentComparisonTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void Strategies_defaults_to_three_options_in_order()
    {
        IReadOnlyList<PrepaymentComparison> results = PrepaymentComparison.Strategies(Tv1, new LocalDate(2025, 3, 20), 200_000m);
        Assert.Equal(3, results.Count);
        Assert.Same(PrepaymentOption.LowerPayment, results[0].Option);
        Assert.Same(PrepaymentOption.ShortenTerm, results[1].Option);
        Assert.Same(PrepaymentOption.ShortenTermKeepPayment, results[2].Option);
        Assert.All(results, r => Assert.Same(results[0].Baseline, r.Baseline));
        Assert.Equal(175_019.80m, results[0].InterestSaved);
        Assert.Equal(439_154.37m, results[1].InterestSaved);
        Assert.Equal(440_629.64m, results[2].InterestSaved);
    }

    [Fact]
    public void Strategies_keeps_the_order_given()
    {
        IReadOnlyList<PrepaymentComparison> results = PrepaymentComparison.Strategies(
            Tv1, new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.NewTerm(120), PrepaymentOption.ShortenTerm);
        Assert.Equal(2, results.Count);
        Assert.Equal("new-term(120)", results[0].Option!.ToString());
        Assert.Same(PrepaymentOption.ShortenTerm, results[1].Option);
        Assert.Equal(360 - 132, results[0].PeriodsSaved);
    }

    [Theory]
    [InlineData("2024-06-20", 10_000)]
    [InlineData("2025-04-08", 200_000)] // between due dates (TV-6 date)
    [InlineData("2030-01-05", 500_000)]
    [InlineData("2053-12-20", 1_000)]
    public void Prepaying_never_costs_interest(string date, int amount)
    {
        LocalDate day = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        foreach (PrepaymentComparison c in PrepaymentComparison.Strategies(Tv1, day, amount))
        {
            Assert.True(c.InterestSaved >= 0m, $"{c.Option}: {c.InterestSaved}");
            Assert.True(c.PeriodsSaved >= 0);
            Assert.Equal(c.InterestSaved, c.CashSaved);
            Assert.Equal(c.Baseline.TotalPrincipal, c.Alternative.TotalPrincipal);
        }
    }

    [Fact]
    public void Compare_has_no_option_and_equal_loans_save_nothing()
    {
        PrepaymentComparison c = PrepaymentComparison.Compare(Tv1, Tv1);
        Assert.Null(c.Option);
        Assert.Null(c.NewPayment);
        Assert.Equal(0m, c.InterestSaved);
        Assert.Equal(0, c.PeriodsSaved);
        Assert.Equal(0m, c.CashSaved);
        Assert.Equal(0m, c.PenaltiesPaid);
    }

    [Fact]
    public void Compare_with_a_payoff_has_no_new_payment()
    {
        Loan paidOff = Tv1 with { Events = [Prepayment.Payoff(new LocalDate(2025, 3, 20))] };
        PrepaymentComparison c = PrepaymentComparison.Compare(Tv1, paidOff);
        Assert.Null(c.NewPayment);
        Assert.Equal(348, c.PeriodsSaved);
        Assert.True(c.InterestSaved > 0m);
    }

    [Fact]
    public void NewPayment_is_after_the_last_prepayment()
    {
        Loan twice = Tv1 with
        {
            Events =
            [
                Prepayment.Partial(new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment),
                Prepayment.Partial(new LocalDate(2026, 3, 20), 100_000m, PrepaymentOption.LowerPayment),
            ],
        };
        PrepaymentComparison c = PrepaymentComparison.Compare(Tv1, twice);
        Installment after = c.Alternative.First(r => r.DueDate == new LocalDate(2026, 4, 20));
        Assert.Equal(after.Payment, c.NewPayment);
        Assert.True(c.NewPayment < 4_229.63m);
    }

    [Fact]
    public void Penalty_in_loan_year_2_is_paid_and_counted_in_cash()
    {
        // §4.3: 3%, 2%, 1% of the amount by loan year; 2025-04-20 is in loan year 2 → 2% of 200,000.
        Loan withPolicy = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(3m), Percentage.Percent(2m), Percentage.Percent(1m)),
        };
        PrepaymentComparison c = Assert.Single(
            PrepaymentComparison.Strategies(withPolicy, new LocalDate(2025, 4, 20), 200_000m, PrepaymentOption.ShortenTerm));
        Assert.Equal(4_000.00m, c.PenaltiesPaid);
        Assert.Equal(4_000.00m, c.Alternative.TotalPenalty);
        Assert.Equal(c.InterestSaved - 4_000.00m, c.CashSaved);
        Assert.Equal(c.BaselineCashOut - c.AlternativeCashOut, c.CashSaved);
        Assert.Equal(c.Alternative.TotalPrincipal + c.Alternative.TotalInterest + 4_000.00m, c.AlternativeCashOut);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => PrepaymentComparison.Compare(null!, Tv1));
        Assert.Throws<ArgumentNullException>(() => PrepaymentComparison.Compare(Tv1, null!));
        Assert.Throws<ArgumentNullException>(() => PrepaymentComparison.Strategies(null!, new LocalDate(2025, 3, 20), 1m));
        Assert.Throws<ArgumentNullException>(() => PrepaymentComparison.Strategies(Tv1, new LocalDate(2025, 3, 20), 1m, null!));
        Assert.Throws<ArgumentException>(() => PrepaymentComparison.Strategies(Tv1, new LocalDate(2025, 3, 20), 1m, [null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentComparison.Strategies(Tv1, new LocalDate(2025, 3, 20), 0m));
    }
}
