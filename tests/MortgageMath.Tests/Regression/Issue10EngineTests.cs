using System.Numerics;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Regression;

/// <summary>
/// Issue 10, library side: the wrong figures (items 1–3) and the valid inputs that overflowed or broke a promise
/// (items 5–7). Each test reproduces the issue's example exactly; the figures it expects are checked against the
/// issue's own sums or against <see cref="ExactOracle"/>, never against the library's own arithmetic.
/// </summary>
public sealed class Issue10EngineTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    // ---------------- item 2: combined closing balances include a leg's capitalized holiday interest

    [Fact]
    public void Item2_combined_closing_balance_includes_capitalized_holiday_interest()
    {
        RateTable rates = RateTable.China.AssumingUnchangedUntil(D(2060, 1, 1));
        Loan commercial = new(700_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, D(2025, 6, 20))
        {
            Rates = rates,
            RepaymentDay = 25,
        };
        Loan fund = new(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, D(2025, 6, 20))
        {
            Rates = rates,
            RepaymentDay = 25,
            Events = [PaymentHoliday.On(D(2025, 8, 25), SkippedInterest.Capitalized)],
        };
        var combined = new CombinedLoan(new LoanLeg("commercial", commercial), new LoanLeg("provident-fund", fund));
        CombinedSchedule schedule = combined.BuildSchedule();

        Assert.Equal(3.05m, commercial.BuildSchedule()[1].AnnualRate.ToPercent());
        Installment holiday = schedule.Leg("provident-fund").Single(r => r.DueDate == D(2025, 8, 25));
        Assert.Equal(InstallmentKind.Holiday, holiday.Kind);
        Assert.Equal(ExactOracle.MonthlyInterest(holiday.OpeningBalance, Rate.Percent(2.6m), RoundingPolicy.Default), holiday.DeferredInterest);
        Assert.Equal(300_097.79m, holiday.ClosingBalance);
        Assert.Equal(697_615.03m, schedule.Leg("commercial").Single(r => r.DueDate == D(2025, 8, 25)).ClosingBalance);

        // The issue's sum: 697,615.03 + 300,097.79 = 997,712.82 (it showed 997,064.01, without the 648.81 capitalized).
        Assert.Equal(997_712.82m, 697_615.03m + 300_097.79m);
        Assert.Equal(997_712.82m, schedule.Single(r => r.Date == D(2025, 8, 25)).ClosingBalance);

        // Every row opens at the previous row's closing balance: closing = previous closing − principal + capitalized.
        decimal owed = 1_000_000m;
        foreach (CombinedRow row in schedule)
        {
            decimal capitalized = row.Rows.Where(r => r.Row.Kind == InstallmentKind.Holiday && r.Row.ClosingBalance > r.Row.OpeningBalance)
                .Sum(r => r.Row.DeferredInterest);
            Assert.Equal(capitalized, row.CapitalizedInterest);
            owed += capitalized - row.Principal;
            Assert.True(owed == row.ClosingBalance, $"{row}: expected closing {owed}");
        }

        Assert.Equal(0m, owed);
        CombinedRow holidayRow = schedule.Single(r => r.Date == D(2025, 8, 25));
        Assert.Equal((holiday.DeferredInterest, holiday.DeferredInterest), (holidayRow.DeferredInterest, holidayRow.CapitalizedInterest));
        Assert.Equal(holiday.OpeningBalance - holiday.Principal + holiday.CapitalizedInterest, holiday.ClosingBalance);
    }

    [Fact]
    public void Item2_penalty_allowance_uses_the_balance_at_the_year_start_before_a_capitalized_holiday()
    {
        // The same cause inside one loan: the balance at the start of a loan year (a UK-style allowance is 10% of it)
        // was worked back from today's balance by adding the principal repaid since, forgetting the interest a
        // holiday capitalized since. TV-1, loan year 2 from 2024-03-20... 2025-03-20; holiday 2025-04-20, prepay 2025-06-20.
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 360, D(2024, 3, 20))
        {
            PrepaymentPenalty = PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10m), Percentage.Percent(5m), Percentage.Percent(4m)),
            Events = [PaymentHoliday.On(D(2025, 4, 20), SkippedInterest.Capitalized), Prepayment.Partial(D(2025, 6, 20), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.True(schedule.Single(r => r.Kind == InstallmentKind.Holiday).CapitalizedInterest > 0m);
        decimal yearStart = schedule.Single(r => r.DueDate == D(2025, 2, 20)).ClosingBalance; // owed at the start of 2025-03-20
        decimal chargeable = 200_000m - Math.Round(yearStart * 0.10m, 2, MidpointRounding.AwayFromZero);
        Installment prepayment = schedule.Single(r => r.Kind == InstallmentKind.Prepayment);
        Assert.Equal(Math.Round(chargeable * 0.04m, 2, MidpointRounding.AwayFromZero), prepayment.Penalty);
    }

    // ---------------- item 3: a prepayment on a holiday's due date is numbered with that period

    [Theory]
    [InlineData(SkippedInterest.Capitalized)]
    [InlineData(SkippedInterest.CollectedLater)]
    public void Item3_prepayment_on_a_holiday_due_date_keeps_the_period_number(SkippedInterest skipped)
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 120, D(2024, 3, 10))
        {
            Events = [PaymentHoliday.On(D(2024, 8, 10), skipped), Prepayment.Partial(D(2024, 8, 10), 50_000m, PrepaymentOption.ShortenTerm)],
        };
        Schedule schedule = loan.BuildSchedule();

        Installment holiday = schedule[4];
        Installment prepayment = schedule[5];
        Assert.Equal((InstallmentKind.Holiday, 5, D(2024, 8, 10)), (holiday.Kind, holiday.Period, holiday.DueDate));
        Assert.Equal((InstallmentKind.Prepayment, 5, D(2024, 8, 10)), (prepayment.Kind, prepayment.Period, prepayment.DueDate));
        Assert.Equal((InstallmentKind.Regular, 6, D(2024, 9, 10)), (schedule[6].Kind, schedule[6].Period, schedule[6].DueDate));

        // The amounts (which were right): the prepayment follows the holiday with no days of interest, on the
        // balance the holiday left; the holiday re-levelled that balance over the 115 periods left, and shorten-term
        // then takes the fewest periods k whose payment on the new balance is not above that level.
        Assert.Equal(holiday.ClosingBalance, prepayment.OpeningBalance);
        Assert.Equal((50_000m, 0m, 0m), (prepayment.Principal, prepayment.Interest, prepayment.Penalty));
        RoundingPolicy policy = RoundingPolicy.Default;
        decimal level = ExactOracle.AnnuityPayment(holiday.ClosingBalance, Rate.Percent(4.9m), 115, policy);
        decimal balance = prepayment.ClosingBalance;
        int k = Enumerable.Range(1, 115).First(n => ExactOracle.AnnuityPayment(balance, Rate.Percent(4.9m), n, policy) <= level);
        decimal deferred = skipped == SkippedInterest.CollectedLater ? holiday.DeferredInterest : 0m;
        Assert.Equal(ExactOracle.AnnuityPayment(balance, Rate.Percent(4.9m), k, policy) + deferred, schedule[6].Payment);
        Assert.Equal(5 + k, schedule.Last.Period);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    [Fact]
    public void Item3_payoff_on_a_holiday_due_date_ends_the_schedule_in_that_period()
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 120, D(2024, 3, 10))
        {
            Events = [PaymentHoliday.On(D(2024, 8, 10), SkippedInterest.CollectedLater), Prepayment.Payoff(D(2024, 8, 10))],
        };
        Schedule schedule = loan.BuildSchedule();
        Installment holiday = schedule[4];
        Installment payoff = schedule.Last;
        Assert.Equal(6, schedule.Count);
        Assert.Equal((InstallmentKind.Payoff, 5), (payoff.Kind, payoff.Period));

        // The holiday's deferred interest is due with the payoff.
        Assert.Equal(holiday.DeferredInterest, payoff.Interest);
        Assert.Equal(holiday.ClosingBalance, payoff.Principal);
    }
}
