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

    /// <summary>
    /// The new payment of a comparison whose only prepayment is the alternative's very first row (2024-03-25, before
    /// the first due date): the first regular row after it. Lowering the payment restarts the annuity on 900,000 over
    /// all 360 periods; that row's principal is the annuity less a regular month's interest on 900,000, and its
    /// interest covers only the 26 days from the prepayment to 2024-04-20 (AccruedOnBalance, Actual/360).
    /// </summary>
    [Fact]
    public void New_payment_after_a_prepayment_in_the_first_row()
    {
        PrepaymentComparison c = PrepaymentComparison.Strategies(Tv1, D(2024, 3, 25), 100_000m, PrepaymentOption.LowerPayment).Single();
        Assert.Equal(InstallmentKind.Prepayment, c.Alternative[0].Kind);
        decimal level = ExactOracle.AnnuityPayment(900_000m, Tv1Rate, 360, RoundingPolicy.Default);
        decimal principal = level - ExactOracle.MonthlyInterest(900_000m, Tv1Rate, RoundingPolicy.Default);
        decimal interest = ExactOracle.DailyInterest(900_000m, Tv1Rate, 26, 360, RoundingPolicy.Default);
        Assert.Equal(principal + interest, c.NewPayment);
        Assert.Same(PrepaymentOption.LowerPayment, c.Option);
        Assert.Null(PrepaymentComparison.Compare(Tv1, Tv1).NewPayment);

        ArgumentException e = Assert.Throws<ArgumentException>(() => PrepaymentComparison.Strategies(Tv1, D(2025, 3, 20), 1_000m, PrepaymentOption.LowerPayment, null!));
        Assert.Equal("options", e.ParamName);
        Assert.StartsWith("An option must not be null.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The penalty factories: null arrays are refused by name; 24 months is the largest valid term and is
    /// charged in full (100,000 × 4.9% × 24/12 = 9,800.00); the messages name the value.</summary>
    [Fact]
    public void Penalty_factories_check_their_arguments_by_name()
    {
        Assert.Equal("byYear", Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.PercentOfAmountByYear(null!)).ParamName);
        Assert.Equal("byYear", Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.UkEarlyRepaymentCharge(Pct(10m), null!)).ParamName);
        Assert.Equal("policies", Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.Sum(null!)).ParamName);
        ArgumentException nullPolicy = Assert.Throws<ArgumentException>(() => PrepaymentPenalty.Sum(PrepaymentPenalty.None, null!));
        Assert.Equal("policies", nullPolicy.ParamName);
        Assert.StartsWith("A policy must not be null.", nullPolicy.Message, StringComparison.Ordinal);

        Loan loan = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 100_000m, PrepaymentOption.LowerPayment)) with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(24),
        };
        Assert.Equal(9_800.00m, PrepaymentRow(loan.BuildSchedule()).Penalty);
        Assert.Contains("was 25", Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(25)).Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException years = Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(3, 0));
        Assert.Equal("withinYears", years.ParamName);
        Assert.StartsWith("The years must be at least 1; was 0.", years.Message, StringComparison.Ordinal);
    }

    /// <summary>A payment holiday with an undefined skipped-interest policy is refused, naming the two valid ones and the value.</summary>
    [Fact]
    public void Holiday_with_an_undefined_policy_is_refused_by_name()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => PaymentHoliday.On(D(2025, 3, 20), (SkippedInterest)7));
        Assert.Equal("skippedInterest", e.ParamName);
        Assert.StartsWith("The skipped-interest policy must be Capitalized or CollectedLater; was 7.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The bank rules accept their boundary values (0 for each, a 600-month lock-in) and refuse a negative one
    /// with a message that names the value.</summary>
    [Fact]
    public void Prepayment_rules_accept_their_bounds_and_name_a_bad_value()
    {
        var rules = new PrepaymentRules { MinimumAmount = 0m, MinimumPaymentMultiple = 0m, AllowedAfterMonths = 0 };
        Assert.Equal((0m, 0m, 0), (rules.MinimumAmount, rules.MinimumPaymentMultiple, rules.AllowedAfterMonths));
        Assert.Equal(600, new PrepaymentRules { AllowedAfterMonths = 600 }.AllowedAfterMonths);
        Assert.Equal(1000m, new PrepaymentRules { MinimumPaymentMultiple = 1000m }.MinimumPaymentMultiple);
        Assert.Null(new PrepaymentRules { MinimumAmount = null }.MinimumAmount);

        Assert.StartsWith("The minimum amount must not be negative; was -0.01.",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { MinimumAmount = -0.01m }).Message, StringComparison.Ordinal);
        Assert.StartsWith("The payment multiple must be between 0 and 1000; was -1.",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { MinimumPaymentMultiple = -1m }).Message, StringComparison.Ordinal);
        Assert.StartsWith("The lock-in must be between 0 and 600 months; was 601.",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { AllowedAfterMonths = 601 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrepaymentRules { AllowedAfterMonths = -1 });

        // A zero minimum refuses nothing.
        Loan loan = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 0.01m, PrepaymentOption.LowerPayment)) with { PrepaymentRules = rules };
        Assert.Equal(0.01m, PrepaymentRow(loan.BuildSchedule()).Principal);
    }

    /// <summary>
    /// Quote edge cases (closed-form figures from exact rationals, Python fractions): (1) an amount equal to the exact
    /// closed-form balance is a payoff and is refused; equal principal 360,000 over 360 has exactly 348,000 left after
    /// 12 payments. (2) Keeping the payment when one period is enough: TV-1 after 12 payments, B = 984,978.41…,
    /// 980,000 prepaid leaves 4,978.41…, repaid by one payment of B'·f = 4,998.74 (not A* = 5,307.27). (3) Equal
    /// principal shortened to one period: TV-3, 966,666.66… − 965,000 = 1,666.66…, one payment of B'·f = 1,673.47.
    /// (4) Equal principal at 100% (f = 13/12) lowering the payment over 12 periods: 120,000 over 24, 60,000 left,
    /// 30,000 prepaid: the first payment is 30,000/12 + 30,000/12 = 5,000.00, the last 2,500 × 13/12 = 2,708.33, the
    /// interest without (1/12)(12 × 60,000 − 5,000 × 66) = 32,500.00 and with (1/12)(12 × 30,000 − 2,500 × 66) = 16,250.00.
    /// </summary>
    [Fact]
    public void Quote_edge_cases_of_one_period_and_an_exact_balance()
    {
        Loan ep360 = new Loan(360_000m, Tv1Rate, 360, D(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal };
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentQuote.AfterPayment(ep360, 12, 348_000m, PrepaymentOption.LowerPayment)).ParamName);
        Assert.Equal(0.01m, PrepaymentQuote.AfterPayment(ep360, 12, 347_999.99m, PrepaymentOption.LowerPayment).BalanceAfter);

        PrepaymentQuote keep = PrepaymentQuote.AfterPayment(Tv1, 12, 980_000m, PrepaymentOption.ShortenTermKeepPayment);
        Assert.Equal(1, keep.RemainingPeriods);
        Assert.Equal(4_978.41m, keep.BalanceAfter);
        Assert.Equal(4_998.74m, keep.NewPayment);
        Assert.Equal(4_998.74m, keep.LastPayment);

        PrepaymentQuote ep = PrepaymentQuote.AfterPayment(Tv1 with { Method = RepaymentMethod.EqualPrincipal }, 12, 965_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(1, ep.RemainingPeriods);
        Assert.Equal(1_666.67m, ep.BalanceAfter);
        Assert.Equal(1_673.47m, ep.NewPayment);
        Assert.Equal(1_673.47m, ep.LastPayment);

        Loan hundred = new Loan(120_000m, Rate.Percent(100m), 24, D(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal };
        PrepaymentQuote lower = PrepaymentQuote.AfterPayment(hundred, 12, 30_000m, PrepaymentOption.LowerPayment);
        Assert.Equal((60_000m, 30_000m, 12), (lower.BalanceBefore, lower.BalanceAfter, lower.RemainingPeriods));
        Assert.Equal(5_000.00m, lower.NewPayment);
        Assert.Equal(2_708.33m, lower.LastPayment);
        Assert.Equal(32_500.00m, lower.RemainingInterestWithout);
        Assert.Equal(16_250.00m, lower.RemainingInterestWith);
        Assert.Equal(16_250.00m, lower.InterestSaved);
    }

    /// <summary>
    /// The unrounded term n* = −ln(1 − B'·i/A*)/ln(1 + i) is rounded half-up to two decimals, so a prepayment that puts
    /// n* a hair from a half-hundredth tells a precise logarithm from a rough one (the atanh series must run to the
    /// end, with its 1/(2k + 1) weights). TV-1 after 12 payments: prepaying 190,083.45 gives n* = 232.06500015…
    /// (→ 232.07, 233 whole periods) and 190,556.84 gives n* = 231.83499968… (→ 231.83, 232 periods): 80-digit
    /// decimal logarithms of the exact rationals (Python), found by searching amounts for n*·100 within 0.002 of .5.
    /// </summary>
    [Theory]
    [InlineData("190083.45", "232.07", 233)]
    [InlineData("190556.84", "231.83", 232)]
    public void Exact_term_is_rounded_from_a_precise_logarithm(string amount, string exactPeriods, int periods)
    {
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv1, 12, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), PrepaymentOption.ShortenTerm);
        Assert.Equal(decimal.Parse(exactPeriods, System.Globalization.CultureInfo.InvariantCulture), q.ExactRemainingPeriods);
        Assert.Equal(periods, q.RemainingPeriods);
    }
}
