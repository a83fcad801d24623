using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Phases;

/// <summary>Payment holidays (deferrals): the payment is skipped; the interest is capitalized or collected later.</summary>
public sealed class PaymentHolidayTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void Capitalized_interest_is_added_to_the_balance_and_the_payment_is_recomputed()
    {
        Schedule s = (Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2024, 6, 20), SkippedInterest.Capitalized)] }).BuildSchedule();
        Installment holiday = s[2];
        Assert.Equal(InstallmentKind.Holiday, holiday.Kind);
        Assert.Equal(0m, holiday.Payment);
        Assert.Equal(4_073.32m, holiday.DeferredInterest); // round(997,547.13 × 4.9% / 12)
        Assert.Equal(997_547.13m + 4_073.32m, holiday.ClosingBalance);

        // The annuity restarts on 1,001,620.45 over the 357 periods left.
        Schedule rest = new Loan(1_001_620.45m, Rate.Percent(4.9m), 357, new LocalDate(2024, 6, 20)).BuildSchedule();
        Assert.Equal(rest.First.Payment, s[3].Payment);
        Assert.Equal(360, s.Count);
        Assert.Equal(359, s.RegularPayments);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(1_000_000m + 4_073.32m, s.TotalPrincipal); // the loan plus the capitalized interest
    }

    [Fact]
    public void Interest_collected_later_is_added_to_the_next_payment()
    {
        Schedule s = (Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2024, 6, 20), SkippedInterest.CollectedLater)] }).BuildSchedule();
        Assert.Equal(0m, s[2].Payment);
        Assert.Equal(4_073.32m, s[2].DeferredInterest);
        Assert.Equal(997_547.13m, s[2].ClosingBalance);
        Assert.Equal(4_073.32m + 4_073.32m, s[3].Interest); // its own month plus the deferred one, no interest on interest
        Assert.Equal(1_000_000m, s.TotalPrincipal);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void A_prepayment_in_the_period_after_a_holiday_accrues_from_the_holiday_due_date()
    {
        // The holiday's due date ends an accrual period like any other: a prepayment on 5 July accrues from 20 June.
        Schedule s = (Tv1 with
        {
            Events =
            [
                PaymentHoliday.On(new LocalDate(2024, 6, 20), SkippedInterest.CollectedLater),
                Prepayment.Partial(new LocalDate(2024, 7, 5), 100_000m, PrepaymentOption.LowerPayment),
            ],
        }).BuildSchedule();
        Installment prepayment = s[3];
        Assert.Equal(InstallmentKind.Prepayment, prepayment.Kind);
        Assert.Equal(2_036.66m, prepayment.Interest); // round(997,547.13 × 4.9% × 15 / 360)
        Installment july = s[4];
        Assert.Equal(new LocalDate(2024, 7, 20), july.DueDate);
        Assert.Equal(1_832.49m + 4_073.32m, july.Interest); // round(897,547.13 × 4.9% × 15 / 360) plus June's deferred interest
    }

    [Fact]
    public void A_holiday_must_fall_on_a_due_date_before_the_last()
    {
        Assert.Equal(0, Assert.Throws<LoanEventException>(() => (Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2024, 6, 21), SkippedInterest.Capitalized)] }).BuildSchedule()).EventIndex);
        Assert.Throws<LoanEventException>(() => (Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2054, 3, 20), SkippedInterest.Capitalized)] }).BuildSchedule());
        Assert.Throws<LoanEventException>(() => (Tv1 with
        {
            Events = [PaymentHoliday.On(new LocalDate(2024, 6, 20), SkippedInterest.Capitalized), PaymentHoliday.On(new LocalDate(2024, 6, 20), SkippedInterest.CollectedLater)],
        }).BuildSchedule());
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentHoliday.On(new LocalDate(2024, 6, 20), (SkippedInterest)7));
    }

    [Property(MaxTest = 200)]
    public Property Schedules_with_holidays_end_at_zero_and_keep_their_term() =>
        Prop.ForAll(
            (from periods in Gen.Choose(2, 360)
             from at in Gen.Choose(1, 359)
             from policy in Gen.Choose(0, 1)
             from method in Gen.Choose(0, 1)
             select (periods, at, policy, method)).ToArbitrary(),
            c =>
            {
                (int periods, int at, int policy, int method) = c;
                int holidayPeriod = 1 + (at % (periods - 1));
                Loan loan = Tv1 with { Periods = periods, Method = method == 0 ? RepaymentMethod.EqualInstallment : RepaymentMethod.EqualPrincipal };
                LocalDate due = loan.BuildSchedule()[holidayPeriod - 1].DueDate;
                var skipped = (SkippedInterest)policy;
                Schedule s = (loan with { Events = [PaymentHoliday.On(due, skipped)] }).BuildSchedule();
                Assert.Equal(periods, s.Count);
                Assert.Equal(0m, s.Last.ClosingBalance);
                decimal capitalized = skipped == SkippedInterest.Capitalized ? s[holidayPeriod - 1].DeferredInterest : 0m;
                Assert.Equal(loan.Principal + capitalized, s.TotalPrincipal);
                decimal opening = loan.Principal;
                foreach (Installment row in s)
                {
                    Assert.Equal(opening, row.OpeningBalance);
                    Assert.True(row.Principal >= 0 && row.Interest >= 0 && row.Payment >= 0, row.ToString());
                    opening = row.ClosingBalance;
                }
            });
}
