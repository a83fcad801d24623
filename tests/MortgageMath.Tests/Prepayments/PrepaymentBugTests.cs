using MortgageMath.Tests.Properties;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Minimal reproductions of library defects found while testing prepayments. Each is skipped with the
/// reason; remove the Skip when the library is fixed.</summary>
public sealed class PrepaymentBugTests
{
    /// <summary>
    /// Amortizer.Run, mid-period branch: when a prepayment between due dates repays the balance it returns Finish()
    /// at once, without the "comes after the loan is repaid" check the due-date branch makes, so later prepayments
    /// are silently dropped (a payoff on a due date followed by a prepayment throws ArgumentException).
    /// </summary>
    [Fact]
    public void Prepayment_after_a_mid_period_payoff_throws()
    {
        Loan loan = Tv1.With(Prepayment.Payoff(D(2025, 4, 8)), Prepayment.Partial(D(2025, 6, 20), 1_000m, PrepaymentOption.LowerPayment));
        Assert.Equal(1, Assert.Throws<LoanEventException>(() => loan.BuildSchedule()).EventIndex);
    }

    /// <summary>
    /// NewTerm(k) is documented as "periods left after the prepayment, 1 to 600" (Prepayment.cs, docs/prepayment.md §4),
    /// so a new term that ends after the original maturity is valid while the whole loan stays within 600 periods
    /// (issue 10 item 7 asks that such a legitimately extended term work). Amortizer.Loop once sized its row array as
    /// loan.Periods + prepayments and crashed on any extension; the test used to accept an ArgumentException too, so it
    /// could not fail. TV-1, 1,000 prepaid on 2025-03-20 (right after payment 12) with NewTerm(349): 12 + 349 = 361
    /// regular payments, the last on 2054-04-20 (360 months after the first due date 2024-04-20), the new payment the
    /// rounded annuity of 984,978.39 − 1,000 = 983,978.39 at 4.9% over 349, and the balance repaid exactly.
    /// </summary>
    [Fact]
    public void New_term_that_extends_the_loan_does_not_crash()
    {
        Loan loan = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 1_000m, PrepaymentOption.NewTerm(349)));
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(361, schedule.RegularPayments);
        Installment[] regular = [.. schedule.Where(r => r.Kind == InstallmentKind.Regular)];
        Assert.Equal(D(2054, 4, 20), regular[^1].DueDate);
        Assert.Equal(0m, regular[^1].ClosingBalance);
        Assert.Equal(983_978.39m, regular[12].OpeningBalance);
        Assert.Equal(ExactOracle.AnnuityPayment(983_978.39m, Rate.Percent(4.9m), 349, RoundingPolicy.Default), regular[12].Payment);
        Assert.Equal(1_000_000m, schedule.Sum(r => r.Principal));
    }

    /// <summary>
    /// The documented order on one day is rate change → regular payment → prepayment. On a due date the loop applies
    /// a rate change effective that day only at the next period, after the prepayment: the prepayment row shows the
    /// old rate and MonthsOfInterest charges the old rate (4.9%: 2,450.00) instead of the new one (3.6%: 1,800.00).
    /// (The same day between due dates works: see FloatingPrepaymentTests.) PayoffQuote has the same defect.
    /// </summary>
    [Fact]
    public void Same_day_rate_change_on_a_due_date_prices_the_penalty_at_the_new_rate()
    {
        Loan loan = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events = [RateEvent.FixedRate(D(2025, 3, 20), Rate.Percent(3.6m)), Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Installment prepay = PrepaymentRow(loan.BuildSchedule());
        Assert.Equal(Rate.Percent(3.6m), prepay.AnnualRate);
        Assert.Equal(1_800.00m, prepay.Penalty); // 200,000 × 3.6% × 3/12
    }

    /// <summary>
    /// Same ordering defect, larger effect: ShortenTerm on a due date with a same-day rate cut (4.9% → 3.6%) picks the
    /// term at the OLD rate and payment (228 periods, as without the cut), then re-amortizes at 3.6% over it
    /// (payment 4,758.52). With the rate change first, the payment in force is the 3.6% payment over 348 (4,564.27)
    /// and the shortened term is the fewest periods whose 3.6% payment is not above it (≈ 243). ShortenTermKeepPayment
    /// is affected likewise: its "kept" payment becomes 4,758.52, neither the old nor the new-rate payment.
    /// Between due dates the same combination is computed at the new rate.
    /// </summary>
    [Fact]
    public void Same_day_rate_change_on_a_due_date_shortens_at_the_new_rate()
    {
        Loan loan = Tv1.With(RateEvent.FixedRate(D(2025, 3, 20), Rate.Percent(3.6m)), Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm));
        Schedule schedule = loan.BuildSchedule();
        decimal inForce = ExactOracle.AnnuityPayment(984_978.39m, Rate.Percent(3.6m), 348, RoundingPolicy.Default);
        int k = Enumerable.Range(1, 348).First(n => ExactOracle.AnnuityPayment(784_978.39m, Rate.Percent(3.6m), n, RoundingPolicy.Default) <= inForce);
        Assert.Equal(12 + k, schedule.RegularPayments);
    }

    /// <summary>
    /// Prepay 200,000 on 2025-04-08; the rate changes on 2025-04-15, AFTER the prepayment, within the same period.
    /// The prepayment row is given the end-of-period rate (3.6%) and MonthsOfInterest uses it: 1,800.00 instead of
    /// 2,450.00 at the 4.9% in force on the prepayment day. (The accrued interest, by segments, is right.)
    /// </summary>
    [Fact]
    public void Rate_change_after_the_prepayment_in_the_same_period_does_not_reach_back()
    {
        Loan loan = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events = [RateEvent.FixedRate(D(2025, 4, 15), Rate.Percent(3.6m)), Prepayment.Partial(D(2025, 4, 8), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Installment prepay = PrepaymentRow(loan.BuildSchedule());
        Assert.Equal(2_547.26m, prepay.Interest);
        Assert.Equal(Rate.Percent(4.9m), prepay.AnnualRate);
        Assert.Equal(2_450.00m, prepay.Penalty);
    }

    /// <summary>
    /// OddFirstPeriodPolicy is about a first period that is not exactly one month, yet with a prepayment in period 1
    /// (AccruedOnBalance) KeepRegularPayment changes a loan whose first period IS exactly one month: the first payment
    /// is held at the new level (4,776.54) and its principal part absorbs the interest collected with the prepayment
    /// (2,449.04 instead of 1,101.54), whereas AdjustFirstPayment — and any later period under either policy — pays
    /// the scheduled principal plus the actual-days interest (3,429.04). TV-1, 100,000 prepaid 2024-04-01.
    /// </summary>
    [Fact]
    public void Odd_first_period_policy_does_not_matter_when_the_first_period_is_one_month()
    {
        Loan loan = Tv1.With(Prepayment.Partial(D(2024, 4, 1), 100_000m, PrepaymentOption.LowerPayment));
        Schedule adjust = loan.BuildSchedule();
        Schedule keep = (loan with { OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment }).BuildSchedule();
        Assert.Equal([.. adjust], [.. keep]);
    }
}
