using MortgageMath.Tests.Properties;
using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of the Prepayment/ folder that survived Stryker.NET (docs/testing.md). Expected figures
/// come from <see cref="ReferenceSchedule"/> / <see cref="ExactOracle"/> (BigInteger rationals) or from the arithmetic
/// stated in each test, never from the library's own output.
/// </summary>
public class PrepaymentMutationTests
{
    private static readonly Rate Tv1Rate = Rate.Percent(4.9m);

    /// <summary>TV-1's balance after 12 payments (docs/prepayment.md §3): the opening of period 13 by the reference.</summary>
    private static decimal Balance12 => ReferenceSchedule.Build(Tv1)[12].Opening;

    /// <summary>
    /// A payoff quote replaces the loan's own prepayments on or after the quote date and keeps those before it (one on
    /// the date itself is part of what it takes to repay in full that day, so it is not paid apart). TV-1
    /// with 200,000 prepaid on 2025-03-20 (after payment 12), 10,000 on 2025-04-08 and 50,000 on 2026-06-08; quote on
    /// 2025-04-08: the balance is 984,978.39 − 200,000 = 784,978.39 (the later two dropped), the interest 19 days of
    /// it (Actual/360, 2025-03-20 → 04-08), and a 3-months'-interest penalty on the balance:
    /// 784,978.39 × 4.9% × 3/12 = 9,615.985… → 9,615.99.
    /// </summary>
    [Fact]
    public void Payoff_quote_ignores_the_loans_own_prepayments_on_or_after_its_date()
    {
        Assert.Equal(984_978.39m, Balance12);
        Loan loan = Tv1.With(
            Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment),
            Prepayment.Partial(D(2025, 4, 8), 10_000m, PrepaymentOption.LowerPayment),
            Prepayment.Partial(D(2026, 6, 8), 50_000m, PrepaymentOption.ShortenTerm)) with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
        };
        PayoffQuote quote = loan.PayoffQuote(D(2025, 4, 8));
        Assert.Equal(784_978.39m, quote.Balance);
        Assert.Equal(ExactOracle.DailyInterest(784_978.39m, Tv1Rate, 19, 360, RoundingPolicy.Default), quote.AccruedInterest);
        Assert.Equal(9_615.99m, quote.Penalty);
        Assert.Equal(784_978.39m + quote.AccruedInterest + 9_615.99m, quote.Total);
    }

    /// <summary>
    /// On the last due date (2054-03-20) the loan is repaid by its last regular payment: the quote is all zeros (a
    /// payoff that day would be refused as a prepayment on the last due date). The day before, the balance is the
    /// opening of period 360 and the interest 27 days of it (2054-02-20 → 03-19).
    /// </summary>
    [Fact]
    public void Payoff_quote_on_the_last_due_date_is_zero_and_the_day_before_is_not()
    {
        PayoffQuote atMaturity = Tv1.PayoffQuote(D(2054, 3, 20));
        Assert.Equal((0m, 0m, 0m, 0m), (atMaturity.Balance, atMaturity.AccruedInterest, atMaturity.Penalty, atMaturity.Total));

        decimal opening360 = ReferenceSchedule.Build(Tv1)[359].Opening;
        PayoffQuote before = Tv1.PayoffQuote(D(2054, 3, 19));
        Assert.Equal(opening360, before.Balance);
        Assert.Equal(ExactOracle.DailyInterest(opening360, Tv1Rate, 27, 360, RoundingPolicy.Default), before.AccruedInterest);
        Assert.Equal(0m, before.Penalty);
    }

    /// <summary>
    /// A comparison whose baseline already pays a penalty: TV-1 with 3 months' interest on any prepayment; the
    /// baseline prepays 200,000 on 2025-03-20 (200,000 × 4.9% × 3/12 = 2,450.00), the alternative also 100,000 on
    /// 2026-03-20 (1,225.00). PenaltiesPaid is the difference, 1,225.00, and the cash saved is the interest saved less
    /// it (the principal repaid is the same loan in both).
    /// </summary>
    [Fact]
    public void Comparison_whose_baseline_has_penalties_counts_only_the_extra_penalty()
    {
        Loan baseline = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment)) with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
        };
        Loan alternative = baseline with { Events = [.. baseline.Events, Prepayment.Partial(D(2026, 3, 20), 100_000m, PrepaymentOption.LowerPayment)] };
        PrepaymentComparison c = PrepaymentComparison.Compare(baseline, alternative);
        Assert.Equal(2_450.00m, c.Baseline.TotalPenalty);
        Assert.Equal(3_675.00m, c.Alternative.TotalPenalty);
        Assert.Equal(1_225.00m, c.PenaltiesPaid);
        Assert.Equal(1_000_000m + c.Baseline.TotalInterest + 2_450.00m, c.BaselineCashOut);
        Assert.Equal(1_000_000m + c.Alternative.TotalInterest + 3_675.00m, c.AlternativeCashOut);
        Assert.Equal(c.InterestSaved - 1_225.00m, c.CashSaved);
        Assert.Equal(c.Baseline.TotalInterest - c.Alternative.TotalInterest, c.InterestSaved);
        Assert.Equal(0, c.PeriodsSaved); // lower payment: both keep 360 payments
        Assert.Equal(360, c.Alternative.RegularPayments);

        // The new payment: the first regular row after the last prepayment, the 4.9% annuity of the balance left over
        // the 336 periods after payment 24.
        Installment last = c.Alternative.Single(r => r.Kind == InstallmentKind.Prepayment && r.DueDate == D(2026, 3, 20));
        Assert.Equal(ExactOracle.AnnuityPayment(last.ClosingBalance, Tv1Rate, 336, RoundingPolicy.Default), c.NewPayment);
    }
}
