using MortgageMath.Tests.Properties;
using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of Amortization/Amortizer.cs that survived Stryker.NET (docs/testing.md). Every
/// expected figure is derived independently of the library: from <see cref="ReferenceSchedule"/> and
/// <see cref="ExactOracle"/> (BigInteger rationals), from integer arithmetic stated in the test, or from exact rationals
/// computed outside (Python fractions), as each test says.
/// </summary>
public class AmortizerMutationTests
{
    private static readonly Rate Tv1Rate = Rate.Percent(4.9m);

    /// <summary>
    /// A collected-later holiday on 2025-03-20 (period 12) defers that period's interest without adding it to the
    /// balance; a payoff on 2025-04-08, before the next due date, must collect it (Amortizer.Prepay: accrued +=
    /// deferred). Expected: the balance is the opening of period 12 (nothing was paid on the holiday), and the interest
    /// is 19 days on it (Actual/360, 2025-03-20 → 04-08) plus the deferred month. The payoff quote for that day agrees.
    /// </summary>
    [Fact]
    public void Payoff_after_a_collected_later_holiday_collects_the_deferred_interest()
    {
        Loan loan = Tv1.With(PaymentHoliday.On(D(2025, 3, 20), SkippedInterest.CollectedLater), Prepayment.Payoff(D(2025, 4, 8)));
        decimal opening12 = ReferenceSchedule.Build(Tv1)[11].Opening;
        decimal deferred = ExactOracle.MonthlyInterest(opening12, Tv1Rate, RoundingPolicy.Default);
        decimal accrued = ExactOracle.DailyInterest(opening12, Tv1Rate, 19, 360, RoundingPolicy.Default);

        Schedule schedule = loan.BuildSchedule();
        Installment holiday = schedule.Single(r => r.Kind == InstallmentKind.Holiday);
        Assert.Equal(deferred, holiday.DeferredInterest);
        Assert.Equal(opening12, holiday.ClosingBalance);
        Installment payoff = schedule.Last;
        Assert.Equal(InstallmentKind.Payoff, payoff.Kind);
        Assert.Equal(opening12, payoff.Principal);
        Assert.Equal(accrued + deferred, payoff.Interest);

        PayoffQuote quote = Tv1.With(PaymentHoliday.On(D(2025, 3, 20), SkippedInterest.CollectedLater)).PayoffQuote(D(2025, 4, 8));
        Assert.Equal(opening12, quote.Balance);
        Assert.Equal(accrued + deferred, quote.AccruedInterest);
        Assert.Equal(opening12 + accrued + deferred, quote.Total);
    }

    /// <summary>
    /// A prepayment must fall strictly between disbursement and the last due date (TV-1: 2024-03-20 and 2054-03-20):
    /// on either day it is refused by name; the day after disbursement and the day before maturity are accepted. The
    /// payoff on 2054-03-19 repays the opening balance of period 360 with 27 days' interest (2054-02-20 → 03-19).
    /// </summary>
    [Fact]
    public void Prepayment_on_the_last_due_date_or_on_disbursement_is_refused()
    {
        foreach (LocalDate date in new[] { D(2054, 3, 20), D(2024, 3, 20) })
        {
            LoanEventException e = Assert.Throws<LoanEventException>(
                () => Tv1.With(Prepayment.Partial(date, 1_000m, PrepaymentOption.LowerPayment)).BuildSchedule());
            Assert.Equal(("Events", 0, date), (e.ParamName, e.EventIndex, e.EventDate));
        }

        decimal opening360 = ReferenceSchedule.Build(Tv1)[359].Opening;
        Installment payoff = Tv1.With(Prepayment.Payoff(D(2054, 3, 19))).BuildSchedule().Last;
        Assert.Equal(InstallmentKind.Payoff, payoff.Kind);
        Assert.Equal(opening360, payoff.Principal);
        Assert.Equal(ExactOracle.DailyInterest(opening360, Tv1Rate, 27, 360, RoundingPolicy.Default), payoff.Interest);

        Installment early = Tv1.With(Prepayment.Partial(D(2024, 3, 21), 1_000m, PrepaymentOption.LowerPayment)).BuildSchedule().First;
        Assert.Equal(InstallmentKind.Prepayment, early.Kind);
        Assert.Equal(1_000m, early.Principal);
    }

    /// <summary>
    /// Equal principal, shortened: the principal part stays round(1,000,000/360) = 2,777.78 and the term is
    /// ⌈balance/part⌉ periods. After 12 payments the balance is 1,000,000 − 12 × 2,777.78 = 966,666.64. Prepaying
    /// 102,777.06 leaves 863,889.58 = 311 × 2,777.78 exactly: 12 + 311 = 323 payments, the last a full part; prepaying
    /// one cent less leaves 863,889.59: a 312th period for the last cent, 324 payments; one cent more leaves
    /// 863,889.57, one cent short of 311 parts: still 323 payments, the last 2,777.77 (⌈b/L⌉ = ⌊(b + L − 1)/L⌋ exactly,
    /// where ⌊(b + L + 1)/L⌋ would already count 312).
    /// </summary>
    [Theory]
    [InlineData("102777.06", 323, "2777.78")]
    [InlineData("102777.05", 324, "0.01")]
    [InlineData("102777.07", 323, "2777.77")]
    public void Equal_principal_shorten_term_takes_the_ceiling_of_balance_over_part(string amount, int payments, string lastPrincipal)
    {
        Loan loan = (Tv1 with { Method = RepaymentMethod.EqualPrincipal })
            .With(Prepayment.Partial(D(2025, 3, 20), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), PrepaymentOption.ShortenTerm));
        Schedule schedule = loan.BuildSchedule();
        Installment[] regular = RegularRows(schedule);
        Assert.Equal(966_666.64m, regular[11].ClosingBalance);
        Assert.Equal(payments, schedule.RegularPayments);
        Assert.Equal(payments, regular.Length);
        Assert.All(regular[12..^1], r => Assert.Equal(2_777.78m, r.Principal));
        Assert.Equal(decimal.Parse(lastPrincipal, System.Globalization.CultureInfo.InvariantCulture), regular[^1].Principal);
        Assert.Equal(ReferenceSchedule.Due(Tv1, payments), regular[^1].DueDate);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    /// <summary>
    /// Shorten the term when the new payment ties the old one. TV-1 after 12 payments: balance 984,978.39, payment
    /// 5,307.27. Prepaying 198,515.38 leaves 786,463.01, whose rounded 4.9% annuity is 5,321.45 over 227 periods,
    /// exactly 5,307.27 over 228 and 5,293.22 over 229 (Python fractions, half-up): "the fewest periods whose payment
    /// is not above the current one" is 228 (the tie counts as not above), so 12 + 228 = 240 payments of 5,307.27,
    /// the last settling the rest.
    /// </summary>
    [Fact]
    public void Shorten_term_counts_a_new_payment_equal_to_the_old_one()
    {
        Loan loan = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 198_515.38m, PrepaymentOption.ShortenTerm));
        Assert.Equal(5_307.27m, ExactOracle.AnnuityPayment(786_463.01m, Tv1Rate, 228, RoundingPolicy.Default));
        Assert.Equal(5_293.22m, ExactOracle.AnnuityPayment(786_463.01m, Tv1Rate, 229, RoundingPolicy.Default));
        Schedule schedule = loan.BuildSchedule();
        Installment[] regular = RegularRows(schedule);
        Assert.Equal(984_978.39m, regular[11].ClosingBalance);
        Assert.Equal(786_463.01m, regular[12].OpeningBalance);
        Assert.Equal(240, schedule.RegularPayments);
        Assert.All(regular[12..^1], r => Assert.Equal(5_307.27m, r.Payment));
        Assert.Equal(D(2044, 3, 20), regular[^1].DueDate);
    }

    /// <summary>
    /// A rate change and a prepayment on the same due date: the order is rate change, payment, prepayment, so the
    /// prepayment row and its 3-months'-interest penalty are at the new rate (200,000 × 3.6% × 3/12 = 1,800.00) and
    /// the lowered payment is the 3.6% annuity of 784,978.39 over the 348 periods left. A rate change on a LATER due
    /// date must not be pulled forward to a prepayment: with the cut on 2025-06-20 instead, the prepayment row is at
    /// 4.9% (penalty 2,450.00), the next three payments are the 4.9% annuity over 348 (4,229.63, docs/prepayment.md
    /// §4), and the payment of 2025-07-20 is re-levelled at 3.6% on the balance then over the 345 periods left.
    /// </summary>
    [Fact]
    public void Rate_change_and_prepayment_on_a_due_date_apply_in_order_and_only_that_day()
    {
        Loan sameDay = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events = [RateEvent.FixedRate(D(2025, 3, 20), Rate.Percent(3.6m)), Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule s1 = sameDay.BuildSchedule();
        Installment prepay1 = PrepaymentRow(s1);
        Assert.Equal(Rate.Percent(3.6m), prepay1.AnnualRate);
        Assert.Equal(1_800.00m, prepay1.Penalty);
        Assert.Equal(784_978.39m, prepay1.ClosingBalance);
        Installment next1 = Regular(s1, D(2025, 4, 20));
        Assert.Equal(ExactOracle.AnnuityPayment(784_978.39m, Rate.Percent(3.6m), 348, RoundingPolicy.Default), next1.Payment);
        Assert.Equal(ExactOracle.MonthlyInterest(784_978.39m, Rate.Percent(3.6m), RoundingPolicy.Default), next1.Interest);

        Loan later = sameDay with
        {
            Events = [RateEvent.FixedRate(D(2025, 6, 20), Rate.Percent(3.6m)), Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule s2 = later.BuildSchedule();
        Installment prepay2 = PrepaymentRow(s2);
        Assert.Equal(Tv1Rate, prepay2.AnnualRate);
        Assert.Equal(2_450.00m, prepay2.Penalty);
        decimal lowered = ExactOracle.AnnuityPayment(784_978.39m, Tv1Rate, 348, RoundingPolicy.Default);
        Assert.Equal(4_229.63m, lowered);
        foreach (LocalDate due in new[] { D(2025, 4, 20), D(2025, 5, 20), D(2025, 6, 20) })
        {
            Installment row = Regular(s2, due);
            Assert.Equal(Tv1Rate, row.AnnualRate);
            Assert.Equal(lowered, row.Payment);
            Assert.Equal(ExactOracle.MonthlyInterest(row.OpeningBalance, Tv1Rate, RoundingPolicy.Default), row.Interest);
        }

        Installment july = Regular(s2, D(2025, 7, 20));
        Assert.Equal(Rate.Percent(3.6m), july.AnnualRate);
        Assert.Equal(ExactOracle.AnnuityPayment(july.OpeningBalance, Rate.Percent(3.6m), 345, RoundingPolicy.Default), july.Payment);
        Assert.Equal(ExactOracle.MonthlyInterest(july.OpeningBalance, Rate.Percent(3.6m), RoundingPolicy.Default), july.Interest);
    }

    /// <summary>
    /// Many event rows (12 collected-later holidays and 12 prepayments, 24 rows besides the regular ones) against a
    /// re-statement of the documented rules written here on the exact oracle: each period charges round(B·i); a
    /// holiday pays nothing, defers that interest and restarts the annuity on B over the periods left; the next
    /// payment collects the deferred interest on top; a prepayment on a due date comes after its payment and, lowering
    /// the payment, restarts the annuity over the periods left; the last period settles the balance. 100,000 at 6%
    /// over 60 months from 2024-01-15: holidays on the due dates of periods 2, 4, …, 24, 1,000 prepaid on those of
    /// periods 3, 5, …, 25.
    /// </summary>
    [Fact]
    public void Two_dozen_holiday_and_prepayment_rows_follow_the_rules_row_by_row()
    {
        var loan = new Loan(100_000m, Rate.Percent(6m), 60, D(2024, 1, 15));
        var events = new List<LoanEvent>();
        for (int k = 2; k <= 24; k += 2)
        {
            events.Add(PaymentHoliday.On(ReferenceSchedule.Due(loan, k), SkippedInterest.CollectedLater));
            events.Add(Prepayment.Partial(ReferenceSchedule.Due(loan, k + 1), 1_000m, PrepaymentOption.LowerPayment));
        }

        Schedule schedule = loan.With([.. events]).BuildSchedule();

        Rate rate = Rate.Percent(6m);
        RoundingPolicy rounding = RoundingPolicy.Default;
        decimal balance = 100_000m, deferred = 0m;
        decimal level = ExactOracle.AnnuityPayment(balance, rate, 60, rounding);
        var expected = new List<(InstallmentKind Kind, LocalDate Due, decimal Opening, decimal Principal, decimal Interest, decimal Deferred)>();
        for (int k = 1; k <= 60; k++)
        {
            LocalDate due = ReferenceSchedule.Due(loan, k);
            decimal interest = ExactOracle.MonthlyInterest(balance, rate, rounding);
            if (k <= 24 && k % 2 == 0)
            {
                expected.Add((InstallmentKind.Holiday, due, balance, 0m, 0m, interest));
                deferred += interest;
                level = ExactOracle.AnnuityPayment(balance, rate, 60 - k, rounding);
                continue;
            }

            decimal principal = k == 60 ? balance : Math.Min(balance, level - interest);
            expected.Add((InstallmentKind.Regular, due, balance, principal, interest + deferred, 0m));
            deferred = 0m;
            balance -= principal;
            if (k is >= 3 and <= 25 && k % 2 == 1)
            {
                expected.Add((InstallmentKind.Prepayment, due, balance, 1_000m, 0m, 0m));
                balance -= 1_000m;
                level = ExactOracle.AnnuityPayment(balance, rate, 60 - k, rounding);
            }
        }

        Assert.Equal(72, expected.Count);
        Assert.Equal(expected.Count, schedule.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Installment row = schedule[k];
            Assert.True(expected[k] == (row.Kind, row.DueDate, row.OpeningBalance, row.Principal, row.Interest, row.DeferredInterest),
                $"row {k}: {row}, expected {expected[k]}");
        }

        Assert.Equal(48, schedule.RegularPayments);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    /// <summary>
    /// Without prepayments a schedule keeps its contractual length even when the rounded payment clears a tiny loan
    /// early: 0.15 at 0% over 10 months pays round(0.015) = 0.02 (half-up) seven times, 0.01 in period 8, and 0.00 in
    /// periods 9 and 10 (the documented "0.00 rows"; 0.005·n(n − 1) = 0.45 > 0.15 is when that happens).
    /// </summary>
    [Fact]
    public void Tiny_loan_cleared_early_keeps_its_contractual_rows()
    {
        Schedule schedule = new Loan(0.15m, Rate.Zero, 10, D(2024, 3, 20)).BuildSchedule();
        Assert.Equal(10, schedule.Count);
        Assert.Equal(10, schedule.RegularPayments);
        Assert.Equal([0.02m, 0.02m, 0.02m, 0.02m, 0.02m, 0.02m, 0.02m, 0.01m, 0m, 0m], schedule.Select(r => r.Payment));
        Assert.All(schedule, r => Assert.Equal(0m, r.Interest));
        Assert.Equal(D(2025, 1, 20), schedule.Last.DueDate);
        Assert.Equal(0.15m, schedule.TotalPrincipal);
    }

    /// <summary>
    /// A payment holiday must be on a due date before the last, once: TV-1's last due date (2054-03-20), a day that is
    /// not a due date (2025-03-21) and the same due date twice are refused by name (Loan.Events); the due date before
    /// the last (2054-02-20) is accepted and, collected later, its deferred interest is paid with the last payment.
    /// </summary>
    [Fact]
    public void Holiday_dates_are_checked_and_the_one_before_the_last_due_date_is_collected_at_maturity()
    {
        foreach (LoanEvent[] events in new[]
                 {
                     new LoanEvent[] { PaymentHoliday.On(D(2054, 3, 20), SkippedInterest.Capitalized) },
                     [PaymentHoliday.On(D(2025, 3, 21), SkippedInterest.Capitalized)],
                     [PaymentHoliday.On(D(2025, 3, 20), SkippedInterest.Capitalized), PaymentHoliday.On(D(2025, 3, 20), SkippedInterest.CollectedLater)],
                 })
        {
            LoanEventException e = Assert.Throws<LoanEventException>(() => Tv1.With(events).BuildSchedule());
            Assert.Equal("Events", e.ParamName);
        }

        Schedule schedule = Tv1.With(PaymentHoliday.On(D(2054, 2, 20), SkippedInterest.CollectedLater)).BuildSchedule();
        ReferenceSchedule.Row[] reference = ReferenceSchedule.Build(Tv1);
        decimal opening359 = reference[358].Opening;
        decimal deferred = ExactOracle.MonthlyInterest(opening359, Tv1Rate, RoundingPolicy.Default);
        Assert.Equal(InstallmentKind.Holiday, schedule[358].Kind);
        Assert.Equal(deferred, schedule[358].DeferredInterest);
        Installment last = schedule.Last;
        Assert.Equal(opening359, last.Principal);
        Assert.Equal(ExactOracle.MonthlyInterest(opening359, Tv1Rate, RoundingPolicy.Default) + deferred, last.Interest);
        Assert.Equal(359, schedule.RegularPayments);
    }

    /// <summary>
    /// The shortened equal-principal term is what later events spread over. 102,777.07 prepaid after payment 12
    /// leaves 863,889.57, which takes ⌈86,388,957 / 277,778⌉ = 311 more periods (323 in all, one cent short of 311
    /// whole parts). After payment 24 the balance is 863,889.57 − 12 × 2,777.78 = 830,556.21; prepaying 10,000 then
    /// and lowering the payment spreads 820,556.21 over the 323 − 24 = 299 periods left: round(820,556.21/299) =
    /// 2,744.34 a period, the last 820,556.21 − 298 × 2,744.34 = 2,742.89 on the 323rd due date. (A term counted one
    /// too long would not show until then: the balance still runs out on the 323rd payment.)
    /// </summary>
    [Fact]
    public void Equal_principal_lower_payment_spreads_over_the_shortened_term()
    {
        Loan loan = (Tv1 with { Method = RepaymentMethod.EqualPrincipal }).With(
            Prepayment.Partial(D(2025, 3, 20), 102_777.07m, PrepaymentOption.ShortenTerm),
            Prepayment.Partial(D(2026, 3, 20), 10_000m, PrepaymentOption.LowerPayment));
        Schedule schedule = loan.BuildSchedule();
        Installment[] regular = RegularRows(schedule);
        Assert.Equal(830_556.21m, regular[23].ClosingBalance);
        Assert.Equal(820_556.21m, regular[24].OpeningBalance);
        Assert.All(regular[24..^1], r => Assert.Equal(2_744.34m, r.Principal));
        Assert.Equal(2_742.89m, regular[^1].Principal);
        Assert.Equal(323, schedule.RegularPayments);
        Assert.Equal(ReferenceSchedule.Due(Tv1, 323), regular[^1].DueDate);
    }
}
