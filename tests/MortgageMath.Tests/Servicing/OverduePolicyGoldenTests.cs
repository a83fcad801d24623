using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// The overdue policy's other knobs, one worked example each, on <see cref="AllocationPresetTests.Small"/> (1,200.00
/// at 12%, 12 months, equal principal, disbursed 2025-01-15: #1 due 2025-02-15 = 100.00 + 12.00; #2 due 2025-03-15 =
/// 100.00 + 11.00; China's 罚息 rate 18%/360: 0.05 a day on 100.00, 0.006 a day on 12.00): grace days, late fees (the
/// US preset), tolerance, held credit, prepayment of excess money, warning levels, US milestones and the payoff amount.
/// </summary>
public class OverduePolicyGoldenTests
{
    private static readonly Loan Small = AllocationPresetTests.Small;
    private static readonly LocalDate Due1 = new(2025, 2, 15);
    private static readonly LocalDate Due2 = new(2025, 3, 15);

    private static ReceivedPayment Paid(int month, int day, decimal amount) => new(new LocalDate(2025, month, day), amount);

    private static LocalDate On(int month, int day) => new(2025, month, day);

    // ---- grace days

    private static readonly OverduePolicy Grace5 = OverduePolicy.China with { GraceDays = 5 };

    [Fact]
    public void Within_the_grace_days_nothing_is_past_due_and_no_penalty_runs()
    {
        // 2025-02-20 is the 5th day after the due date: still within grace.
        LoanAccount account = Small.Account([], On(2, 20), Grace5);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal(InstalmentStatus.Due, first.Status);
        Assert.Equal((0m, 0m), (first.PenaltyInterest, first.CompoundInterest));
        Assert.Equal(0, account.DaysPastDue);
        Assert.True(account.IsCurrent);
        Assert.Equal("正常", account.Classification.Class.Label);
        Assert.Equal(On(2, 21), account.Classification.NextTransition); // 关注 the day the grace ends
    }

    [Fact]
    public void After_the_grace_days_penalty_runs_from_the_due_date_itself()
    {
        // 6 days: 罚息 100 × 0.18 × 6/360 = 0.30; 复利 12 × 0.18 × 6/360 = 0.036 → 0.04; days past due 6 (from the due date).
        LoanAccount account = Small.Account([], On(2, 21), Grace5);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal(InstalmentStatus.Overdue, first.Status);
        Assert.Equal((0.30m, 0.04m), (first.PenaltyInterest, first.CompoundInterest));
        Assert.Equal(6, account.DaysPastDue);
        Assert.Equal("关注", account.Classification.Class.Label);
    }

    [Fact]
    public void Paid_on_the_last_grace_day_is_paid_within_grace_without_penalty()
    {
        LoanAccount account = Small.Account([Paid(2, 20, 112.00m)], On(3, 1), Grace5);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal(InstalmentStatus.PaidWithinGrace, first.Status);
        Assert.Equal(5, first.DaysLate);
        Assert.Equal((0m, 0m), (first.PenaltyInterest, first.CompoundInterest));
        Assert.Equal(0m, account.Arrears);
    }

    [Fact]
    public void Paid_the_day_after_the_grace_days_it_bears_six_days_of_penalty()
    {
        // 112.34 on 2025-02-21 = 罚息 0.30 + 复利 0.04 + interest 12.00 + principal 100.00 (China order).
        LoanAccount account = Small.Account([Paid(2, 21, 112.34m)], On(3, 1), Grace5);
        Assert.Equal(
            [
                new Allocation(1, Due1, AllocationBucket.PenaltyInterest, 0.30m), new Allocation(1, Due1, AllocationBucket.CompoundInterest, 0.04m),
                new Allocation(1, Due1, AllocationBucket.Interest, 12.00m), new Allocation(1, Due1, AllocationBucket.Principal, 100.00m),
            ],
            account.Ledger.Single().Allocations);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal(InstalmentStatus.PaidLate, first.Status);
        Assert.Equal((6, On(2, 21)), (first.DaysLate, first.PaidOn));
        Assert.Equal((0.30m, 0.04m, 0m), (first.PenaltyInterest, first.CompoundInterest, first.Outstanding)); // nothing more runs once paid
    }

    // ---- late fees (US preset: 5% of the overdue principal and interest once the 15 grace days are over)

    [Fact]
    public void Us_late_charge_is_5_percent_of_the_overdue_payment_from_the_16th_day()
    {
        // 2025-03-02 is day 15: no charge, not past due. 2025-03-03 is day 16: 5% × 112.00 = 5.60.
        LoanAccount day15 = Small.Account([], On(3, 2), OverduePolicy.UnitedStates);
        Assert.Equal(0m, day15.LateFeesCharged);
        Assert.Equal(0, day15.DaysPastDue);
        LoanAccount day16 = Small.Account([], On(3, 3), OverduePolicy.UnitedStates);
        Assert.Equal(5.60m, day16.Instalments[0].LateFee);
        Assert.Equal(16, day16.DaysPastDue);
        Assert.Equal((0m, 0m), (day16.PenaltyInterestAccrued, day16.CompoundInterestAccrued)); // no penalty interest in the US preset
        Assert.Equal(112.00m + 5.60m, day16.Arrears);
    }

    [Fact]
    public void Us_late_charge_is_made_once_per_instalment_and_capped()
    {
        // By 2025-04-01 #1 (day 45) and #2 (due 2025-03-15, charged from 2025-03-31) are both late: 5.60 once for #1
        // however long it stays unpaid, 5% × 111.00 = 5.55 for #2.
        LoanAccount account = Small.Account([], On(4, 1), OverduePolicy.UnitedStates);
        Assert.Equal((5.60m, 5.55m), (account.Instalments[0].LateFee, account.Instalments[1].LateFee));
        Assert.Equal(11.15m, account.LateFeesCharged);
        Assert.Equal(11.15m, Small.Account([], On(4, 13), OverduePolicy.UnitedStates).LateFeesCharged); // #3 (due 04-15) not yet

        // Capped at 5.58: #1's 5.60 is cut to 5.58; #2's 5.55 is under the cap.
        OverduePolicy capped = OverduePolicy.UnitedStates with { LateFee = LateFee.PercentOfOverdue(Percentage.Percent(5m), 5.58m) };
        LoanAccount cappedAccount = Small.Account([], On(4, 1), capped);
        Assert.Equal((5.58m, 5.55m), (cappedAccount.Instalments[0].LateFee, cappedAccount.Instalments[1].LateFee));
    }

    [Fact]
    public void Us_late_charge_is_on_what_is_still_unpaid_when_the_grace_days_end_and_is_paid_last()
    {
        // 100.00 on 2025-02-20 (within grace), Fannie Mae order: interest 12.00, principal 88.00; 12.00 unpaid when the
        // grace ends → 5% × 12.00 = 0.60. Then 12.60 on 2025-03-05: principal 12.00 first, the late charge 0.60 last.
        LoanAccount account = Small.Account([Paid(2, 20, 100m), Paid(3, 5, 12.60m)], On(3, 5), OverduePolicy.UnitedStates);
        Assert.Equal(
            [new Allocation(1, Due1, AllocationBucket.Interest, 12.00m), new Allocation(1, Due1, AllocationBucket.Principal, 88.00m)],
            account.Ledger[0].Allocations);
        Assert.Equal(
            [new Allocation(1, Due1, AllocationBucket.Principal, 12.00m), new Allocation(1, Due1, AllocationBucket.Fees, 0.60m)],
            account.Ledger[1].Allocations);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal((0.60m, 0.60m, InstalmentStatus.PaidLate), (first.LateFee, first.PaidFees, first.Status));
        Assert.Equal(0m, account.Arrears);
    }

    // ---- tolerance

    [Fact]
    public void A_shortfall_within_the_tolerance_is_not_overdue_but_still_bears_penalty()
    {
        // 111.50 on the due date (China order: interest 12.00, principal 99.50): 0.50 of principal short. As of
        // 2025-03-14 (27 days): 罚息 0.50 × 0.18 × 27/360 = 0.00675 → 0.01.
        OverduePolicy tolerant = OverduePolicy.China with { Tolerance = 1.00m };
        LoanAccount account = Small.Account([Paid(2, 15, 111.50m)], On(3, 14), tolerant);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal(0.50m, first.OutstandingPrincipal);
        Assert.Equal(InstalmentStatus.Due, first.Status);
        Assert.Equal(0.01m, first.PenaltyInterest);
        Assert.Equal(0, account.DaysPastDue);
        Assert.True(account.IsCurrent);
        Assert.Equal("正常", account.Classification.Class.Label);

        // At a tolerance of 0.49 the same 0.50 is overdue: 27 days past due, 关注.
        LoanAccount strict = Small.Account([Paid(2, 15, 111.50m)], On(3, 14), OverduePolicy.China with { Tolerance = 0.49m });
        Assert.Equal(InstalmentStatus.Overdue, strict.Instalments[0].Status);
        Assert.Equal(27, strict.DaysPastDue);
        Assert.Equal("关注", strict.Classification.Class.Label);
    }

    // ---- held credit (an early payment)

    [Fact]
    public void An_early_payment_is_held_and_applied_on_the_due_date()
    {
        // 112.00 on 2025-02-10: nothing is due yet, so it is held; on 2025-02-15 the credit pays #1 on time.
        LoanAccount before = Small.Account([Paid(2, 10, 112m)], On(2, 12));
        Assert.Empty(before.Instalments);
        Assert.Equal(112m, before.Credit);
        Assert.Equal(new PaymentApplication(0, On(2, 10), 112m, 0m, [], 0m, 112m, null), before.Ledger.Single());
        Assert.Equal(0m, before.AmountToBeCurrent);

        LoanAccount after = Small.Account([Paid(2, 10, 112m)], Due1);
        Assert.Equal(2, after.Ledger.Count);
        Assert.Equal(
            new PaymentApplication(null, Due1, 0m, 112m,
                [new Allocation(1, Due1, AllocationBucket.Interest, 12.00m), new Allocation(1, Due1, AllocationBucket.Principal, 100.00m)], 0m, 0m, null),
            after.Ledger[1]);
        Assert.Equal((InstalmentStatus.PaidOnTime, Due1, 0), (after.Instalments[0].Status, after.Instalments[0].PaidOn, after.Instalments[0].DaysLate));
        Assert.Equal(0m, after.Credit);
    }

    [Fact]
    public void Credit_for_two_instalments_pays_each_on_its_own_due_date()
    {
        // 223.00 = 112.00 + 111.00 on 2025-02-10: #1 from credit on 02-15 (111.00 left), #2 from credit on 03-15.
        LoanAccount account = Small.Account([Paid(2, 10, 223m)], Due2);
        Assert.Equal([223m, 111m, 0m], account.Ledger.Select(l => l.ToCredit));
        Assert.Equal([On(2, 10), Due1, Due2], account.Ledger.Select(l => l.Date));
        Assert.All(account.Instalments, i => Assert.Equal(InstalmentStatus.PaidOnTime, i.Status));
        Assert.Equal((0m, 0m), (account.Credit, account.Arrears));

        // On 2025-03-14, one day before #2, the 111.00 is still held.
        Assert.Equal(111m, Small.Account([Paid(2, 10, 223m)], On(3, 14)).Credit);
    }

    // ---- excess money prepaid

    [Fact]
    public void Excess_money_on_a_due_date_is_prepaid_and_the_schedule_after_changes()
    {
        // 442.00 on 2025-02-15 under prepay(lower-payment): #1's 12.00 + 100.00, then 330.00 prepaid the same day (no
        // days of accrued interest). Balance 1,100 − 330 = 770 over 11 months: #2 = 770/11 = 70.00 principal + 1% ×
        // 770 = 7.70 interest (was 100.00 + 11.00).
        OverduePolicy prepay = OverduePolicy.China with { Excess = ExcessPayment.Prepay(PrepaymentOption.LowerPayment) };
        LoanAccount account = Small.Account([Paid(2, 15, 442m)], Due1, prepay);
        PaymentApplication line = account.Ledger.Single();
        Assert.Equal(330m, line.Prepaid);
        Assert.Equal(0m, line.ToCredit);
        Assert.Null(line.Note);
        // The prepayment row falls in period 1 on the same date, so its allocation reads like #1's; the Kind of the
        // account's instalment row tells them apart.
        Assert.Equal(
            [
                new Allocation(1, Due1, AllocationBucket.Interest, 12.00m), new Allocation(1, Due1, AllocationBucket.Principal, 100.00m),
                new Allocation(1, Due1, AllocationBucket.Principal, 330.00m),
            ],
            line.Allocations);
        Assert.Equal(442m, line.Allocations.Sum(a => a.Amount)); // conserved
        AccountInstalment prepaid = account.Instalments.Single(i => i.Kind == InstallmentKind.Prepayment);
        Assert.Equal((330m, 330m, 0m, InstalmentStatus.PaidOnTime), (prepaid.DuePrincipal, prepaid.PaidPrincipal, prepaid.DueInterest, prepaid.Status));
        Assert.Equal([Prepayment.Partial(Due1, 330m, PrepaymentOption.LowerPayment)], account.Loan.Events);

        Installment next = account.Schedule.First(r => r.DueDate == Due2);
        Assert.Equal((70.00m, 7.70m), (next.Principal, next.Interest));
        Assert.Equal(0m, account.Credit);

        // Held as credit instead, the schedule stays the contract's and the 330.00 waits for #2.
        LoanAccount held = Small.Account([Paid(2, 15, 442m)], Due1);
        Assert.Equal(330m, held.Credit);
        Assert.Equal((100.00m, 11.00m), (held.Schedule[1].Principal, held.Schedule[1].Interest));
    }

    [Fact]
    public void Excess_money_between_due_dates_pays_the_prepayments_own_interest_first()
    {
        // #1 paid on time, then 220.00 on 2025-03-05, 18 days after 2025-02-15: the prepayment bears the interest accrued
        // on the whole balance (the loan's default): 1,100 × 12% × 18/360 = 6.60, so 213.40 of principal is prepaid.
        // Balance 886.60 over 11 months: 80.60 principal a month.
        OverduePolicy prepay = OverduePolicy.China with { Excess = ExcessPayment.Prepay(PrepaymentOption.LowerPayment) };
        LoanAccount account = Small.Account([Paid(2, 15, 112m), Paid(3, 5, 220m)], On(3, 5), prepay);
        PaymentApplication line = account.Ledger[1];
        Assert.Equal(213.40m, line.Prepaid);
        Assert.Equal(6.60m, line.Allocations.Single(a => a.Bucket == AllocationBucket.Interest).Amount);
        Assert.Equal(220m, line.Allocations.Sum(a => a.Amount) + line.ToCredit);
        Assert.Equal(80.60m, account.Schedule.First(r => r.DueDate == Due2).Principal);
    }

    // ---- classification

    [Fact]
    public void Bank_warning_level_2_comes_with_the_second_consecutive_overdue_instalment()
    {
        OverduePolicy warnings = OverduePolicy.China with { Classification = RiskClassification.BankWarningLevels() };
        LoanAccount one = Small.Account([], On(2, 16), warnings);
        Assert.Equal(("level-1", 1), (one.Classification.Class.Code, one.ConsecutiveOverdueInstalments));
        Assert.Equal("level-2", one.Classification.NextClass!.Code);
        Assert.Equal(On(3, 16), one.Classification.NextTransition); // the day after #2 falls due unpaid

        LoanAccount two = Small.Account([], On(3, 16), warnings);
        Assert.Equal(("level-2", 2, 2), (two.Classification.Class.Code, two.ConsecutiveOverdueInstalments, two.OverdueInstalments));
        Assert.Null(two.Classification.NextClass); // no level 3 defined

        // #1 paid late on 2025-03-10 (23 days: 罚息 100 × 0.18 × 23/360 = 1.15, 复利 12 × 0.18 × 23/360 = 0.138 → 0.14,
        // so 113.29 clears it): on 2025-03-16 only #2 is overdue, level 1.
        LoanAccount cleared = Small.Account([Paid(3, 10, 113.29m)], On(3, 16), warnings);
        Assert.Equal(InstalmentStatus.PaidLate, cleared.Instalments[0].Status);
        Assert.Equal(("level-1", 1), (cleared.Classification.Class.Code, cleared.ConsecutiveOverdueInstalments));
        Assert.Equal(1, cleared.DaysPastDue);

        // A level 3 at more than 90 days past due: from 2025-02-15 + 91 days = 2025-05-17.
        var level3 = new ClassRule(new RiskClass(9, "x", "x"), DelinquencyMeasure.DaysPastDue, 91, "test");
        LoanAccount withLevel3 = Small.Account([], On(3, 16), warnings with { Classification = RiskClassification.BankWarningLevels(level3) });
        Assert.Equal(("level-3", new LocalDate(2025, 5, 17)), (withLevel3.Classification.NextClass!.Code, withLevel3.Classification.NextTransition!.Value));
    }

    [Fact]
    public void Us_delinquency_milestones_fall_on_days_36_45_and_121_past_due()
    {
        // From 2025-02-15: day 30 = 2025-03-17, day 36 = 2025-03-23, day 45 = 2025-04-01, day 60 = 2025-04-16,
        // day 121 = 2025-06-16 (28 days to 03-15, 59 to 04-15, 89 to 05-15, 120 to 06-15).
        LoanAccount day16 = Small.Account([], On(3, 3), OverduePolicy.UnitedStates);
        Assert.Equal(("current", 16), (day16.Classification.Class.Code, day16.DaysPastDue));
        Assert.Equal(("30-days", On(3, 17)), (day16.Classification.NextClass!.Code, day16.Classification.NextTransition!.Value));
        Assert.Empty(day16.Classification.MilestonesReached);
        Assert.Equal((36, On(3, 23)), (day16.Classification.NextMilestone!.DaysPastDue, day16.Classification.NextMilestoneDate!.Value));

        LoanAccount day36 = Small.Account([], On(3, 23), OverduePolicy.UnitedStates);
        Assert.Equal(("30-days", 36), (day36.Classification.Class.Code, day36.DaysPastDue));
        Assert.Equal([36], day36.Classification.MilestonesReached.Select(m => m.DaysPastDue));
        Assert.Equal((45, On(4, 1)), (day36.Classification.NextMilestone!.DaysPastDue, day36.Classification.NextMilestoneDate!.Value));
        Assert.Equal(("60-days", On(4, 16)), (day36.Classification.NextClass!.Code, day36.Classification.NextTransition!.Value));

        LoanAccount day121 = Small.Account([], On(6, 16), OverduePolicy.UnitedStates);
        Assert.Equal(("120-days", 121), (day121.Classification.Class.Code, day121.DaysPastDue));
        Assert.Equal([36, 45, 121], day121.Classification.MilestonesReached.Select(m => m.DaysPastDue));
        Assert.Null(day121.Classification.NextMilestone);
        Assert.Null(day121.Classification.NextMilestoneDate);
        Assert.Null(day121.Classification.NextClass);
        Assert.Equal(120, Small.Account([], On(6, 15), OverduePolicy.UnitedStates).DaysPastDue);
        Assert.Equal(2, Small.Account([], On(6, 15), OverduePolicy.UnitedStates).Classification.MilestonesReached.Count);
    }

    // ---- payoff

    [Fact]
    public void Payoff_amount_of_an_overdue_account_is_the_quote_plus_the_arrears()
    {
        // Nothing paid, as of 2025-03-07 (20 days after #1): arrears 112.00 + 罚息 1.00 + 复利 0.12 = 113.12. The quote
        // is on the balance after the instalments due: 1,100.00, plus its interest since 2025-02-15: 1,100 × 12% × 20/360
        // = 7.333… → 7.33; no prepayment penalty. Payoff 1,107.33 + 113.12 = 1,220.45.
        LoanAccount account = Small.Account([], On(3, 7));
        Assert.Equal(113.12m, account.Arrears);
        Assert.Equal((1_100.00m, 7.33m, 0m), (account.PayoffQuote.Balance, account.PayoffQuote.AccruedInterest, account.PayoffQuote.Penalty));
        Assert.Equal(1_220.45m, account.PayoffAmount);
        Assert.Equal(account.PayoffQuote.Total + account.Arrears - account.Credit, account.PayoffAmount);

        // Paying the payoff amount that day repays the loan: a later payment is refused as after repayment.
        PaymentRecordException e = Assert.Throws<PaymentRecordException>(() =>
            Small.Account([Paid(3, 7, 1_220.45m), Paid(3, 8, 1m)], On(3, 8), OverduePolicy.China with { Excess = ExcessPayment.Prepay(PrepaymentOption.LowerPayment) }));
        Assert.Equal(PaymentProblem.AfterRepaid, e.Problem);
    }
}
