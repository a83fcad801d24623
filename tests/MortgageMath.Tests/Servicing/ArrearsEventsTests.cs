using MortgageMath.Analytics;
using MortgageMath.Servicing;
using MortgageMath.Statements;
using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// Arrears capitalization and payment deferral (issue 13; servicing-conventions.md §5: "US payment deferral: up to 6
/// months of missed P&amp;I moved to a non-interest-bearing balance due at maturity or payoff"; Fannie Mae Flex
/// Modification capitalises arrears first). The loan is the worked example of §5: 1,000,000 at 4.9% over 240 months
/// pays 6,544.44, and after 12 payments the balance is 969,794.33.
/// </summary>
public class ArrearsEventsTests
{
    private static readonly Loan TwentyYears = new(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));
    private static readonly LocalDate Twelfth = new(2025, 3, 20);

    private static IEnumerable<ReceivedPayment> OnTime(Schedule schedule, int from, int to) =>
        schedule.Where(r => r.Period >= from && r.Period <= to && r.Kind is InstallmentKind.Regular).Select(r => new ReceivedPayment(r.DueDate, r.Payment));

    [Fact]
    public void Capitalizing_two_instalments_after_the_twelfth_payment_reamortizes_982_883_21_to_6632_77()
    {
        // Independently (Python decimal, 40 digits): the annuity on 969,794.33 + 2 × 6,544.44 = 982,883.21 at
        // 4.9%/12 over the 228 periods left is 6,632.77 (half up).
        Schedule s = (TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth, 13_088.88m)] }).BuildSchedule();

        Installment row = s[12];
        Assert.Equal(InstallmentKind.Capitalization, row.Kind);
        Assert.Equal(12, row.Period);
        Assert.Equal(Twelfth, row.DueDate);
        Assert.Equal((969_794.33m, 0m, 0m, 0m, 13_088.88m, 982_883.21m), (row.OpeningBalance, row.Payment, row.Principal, row.Interest, row.CapitalizedInterest, row.ClosingBalance));
        Assert.Equal(0m, row.DeferredInterest);
        Assert.Equal(6_632.77m, s[13].Payment);
        Assert.Equal(Math.Round(DecimalAnnuity.Of(982_883.21m, 0.049m / 12m, 228), 2, MidpointRounding.AwayFromZero), s[13].Payment);
        Assert.Equal(982_883.21m, s[13].OpeningBalance);
        Assert.Equal(241, s.Count);
        Assert.Equal(new LocalDate(2044, 3, 20), s.Last.DueDate);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(1_013_088.88m, s.TotalPrincipal);
        Assert.Equal(13_088.88m, s.TotalCapitalizedInterest);
        Assert.All(s, r => Assert.Equal(r.ClosingBalance, r.OpeningBalance - r.Principal + r.CapitalizedInterest));
    }

    [Fact]
    public void A_capitalization_with_a_term_change_on_the_same_date_extends_as_well()
    {
        Schedule s = (TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth, 13_088.88m), TermChange.Extend(Twelfth, 36)] }).BuildSchedule();
        Assert.Equal(Math.Round(DecimalAnnuity.Of(982_883.21m, 0.049m / 12m, 264), 2, MidpointRounding.AwayFromZero), s[13].Payment);
        Assert.Equal(277, s.Count);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void An_account_capitalizes_its_arrears_and_is_then_current()
    {
        // Instalments 11 (due 2025-02-20) and 12 (due 2025-03-20) unpaid. On 2025-03-20 the account owes both, with
        // 28 days of 罚息 on instalment 11's principal and 复利 on its interest at 4.9% × 1.5, Actual/360.
        Schedule plain = TwentyYears.BuildSchedule();
        ReceivedPayment[] paid = [.. OnTime(plain, 1, 10)];
        LoanAccount before = TwentyYears.Account(paid, Twelfth);
        Installment eleventh = plain[10];
        decimal penalty = Math.Round(eleventh.Principal * 0.0735m * 28m / 360m, 2, MidpointRounding.AwayFromZero);
        decimal compound = Math.Round(eleventh.Interest * 0.0735m * 28m / 360m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(2 * 6_544.44m + penalty + compound, before.Arrears);

        Loan restructured = before.CapitalizeArrears();
        Assert.Equal(ArrearsCapitalization.On(Twelfth, before.Arrears), restructured.Events[^1]);

        LoanAccount after = restructured.Account(paid, Twelfth);
        Assert.Equal(0m, after.Arrears);
        Assert.True(after.IsCurrent);
        Assert.Equal(0, after.DaysPastDue);
        PaymentApplication line = after.Ledger[^1];
        Assert.Equal((null, Twelfth, 0m, 0m, before.Arrears), (line.PaymentIndex, line.Date, line.Amount, line.FromCredit, line.Capitalized));
        Assert.Equal(before.Arrears, line.Allocations.Sum(a => a.Amount));
        Assert.Equal(0m, line.ToCredit);
        Assert.Equal(969_794.33m + before.Arrears, after.PayoffAmount); // the capitalized arrears are in the balance paid off
        Assert.Equal(before.PayoffAmount, after.PayoffAmount);

        // The new payment falls due a month later; paying it keeps the account current, not paying makes it overdue.
        Installment next = after.Schedule[13];
        Assert.Equal(Math.Round(DecimalAnnuity.Of(969_794.33m + before.Arrears, 0.049m / 12m, 228), 2, MidpointRounding.AwayFromZero), next.Payment);
        Assert.True(restructured.Account([.. paid, new ReceivedPayment(next.DueDate, next.Payment)], next.DueDate.PlusDays(5)).IsCurrent);
        Assert.Equal(5, restructured.Account(paid, next.DueDate.PlusDays(5)).DaysPastDue);

        // Capitalized arrears are not paid: the year's statement counts only the money received.
        YearSummary year = after.YearSummary(2025);
        Assert.Equal(plain.Where(r => r.Period is >= 10 and <= 10).Sum(r => r.Interest), year.Interest);
    }

    [Fact]
    public void Capitalizing_more_than_the_arrears_or_off_a_due_date_is_refused_by_name()
    {
        Schedule plain = TwentyYears.BuildSchedule();
        ReceivedPayment[] paid = [.. OnTime(plain, 1, 11)];
        Loan tooMuch = TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth, 10_000m)] }; // arrears: 6,544.44
        var e = Assert.Throws<LoanEventException>(() => tooMuch.Account(paid, Twelfth));
        Assert.Equal(0, e.EventIndex);
        Assert.Contains("more than the arrears", e.Message);

        var offDate = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth.PlusDays(1), 100m)] }).BuildSchedule());
        Assert.Contains("due date", offDate.Message);
        var places = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth, 100.001m)] }).BuildSchedule());
        Assert.Contains("decimal places", places.Message);
        var huge = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [ArrearsCapitalization.On(Twelfth, Loan.MaxPrincipal)] }).BuildSchedule());
        Assert.Contains("at most 1,000,000,000,000", huge.Message);

        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => ArrearsCapitalization.On(Twelfth, 0m));
        Assert.Equal(("amount", (object)0m), (zero.ParamName, zero.ActualValue));

        // Nothing in arrears, or not a due date: nothing to capitalize.
        Assert.Throws<InvalidOperationException>(() => TwentyYears.Account(paid, Twelfth.PlusMonths(-1)).CapitalizeArrears());
        Assert.Throws<InvalidOperationException>(() => TwentyYears.Account(paid, Twelfth.PlusDays(3)).CapitalizeArrears());
    }

    [Fact]
    public void Deferring_three_payments_moves_19_633_32_to_the_last_row_and_changes_no_figure()
    {
        Schedule plain = TwentyYears.BuildSchedule();
        Schedule s = (TwentyYears with { Events = [PaymentDeferral.Of(new LocalDate(2025, 1, 20), 3)] }).BuildSchedule();

        Assert.Equal(plain.Count, s.Count);
        for (int k = 0; k < s.Count; k++)
        {
            Installment a = plain[k], b = s[k];
            Assert.Equal((a.Period, a.DueDate, a.OpeningBalance, a.Principal, a.Interest, a.ClosingBalance), (b.Period, b.DueDate, b.OpeningBalance, b.Principal, b.Interest, b.ClosingBalance));
            Assert.Equal(b.Period is >= 10 and <= 12 ? InstallmentKind.Deferred : InstallmentKind.Regular, b.Kind);
        }

        Assert.Equal(3 * 6_544.44m, s.TotalDeferredPayments);
        Assert.Equal(plain.TotalPayment, s.TotalPayment);
        Assert.Equal(plain.TotalInterest, s.TotalInterest);
        Assert.Equal(0m, plain.TotalDeferredPayments);

        // A payoff after the deferral brings the deferred payments with it; before it, nothing is deferred yet.
        Loan deferred = s.Loan;
        LocalDate june = new(2025, 6, 20);
        Assert.Equal(19_633.32m, deferred.PayoffQuote(june).DeferredPayments);
        Assert.Equal(TwentyYears.PayoffQuote(june).Total + 19_633.32m, deferred.PayoffQuote(june).Total);
        Assert.Equal(TwentyYears.PayoffQuote(new LocalDate(2024, 12, 20)), deferred.PayoffQuote(new LocalDate(2024, 12, 20)));
        Assert.Equal(6_544.44m, deferred.PayoffQuote(new LocalDate(2025, 1, 25)).DeferredPayments);

        // The cash flows of the APR pay them with the last row.
        LoanCashFlows flows = LoanCashFlows.From(s);
        Assert.Equal(s.TotalPayment, flows.ToSignedFlows().Skip(1).Sum(f => -f.Amount));
        Assert.Equal(s.Last.Payment + 19_633.32m, -flows.ToSignedFlows()[^1].Amount);
        Assert.DoesNotContain(flows.ToSignedFlows(), f => f.Date == new LocalDate(2025, 2, 20));

        // A statement counts the deferred interest in the year it is paid; the years still add up.
        Assert.Equal(plain.YearSummary(2025).Interest - s.Where(r => r.Kind == InstallmentKind.Deferred).Sum(r => r.Interest), s.YearSummary(2025).Interest);
        Assert.Equal(s.TotalInterest, s.YearSummaries().Sum(y => y.Interest));
        Assert.Equal(s.Last.ClosingBalance, s.YearSummaries()[^1].BalanceOnDecember31);
        Assert.Equal(plain.YearSummary(2025).BalanceOnDecember31 + 19_633.32m - s.Where(r => r.Kind == InstallmentKind.Deferred).Sum(r => r.Interest), s.YearSummary(2025).BalanceOnDecember31);
    }

    [Fact]
    public void A_deferred_payment_is_not_overdue_until_the_last_row()
    {
        Loan loan = TwentyYears with { Events = [PaymentDeferral.Of(new LocalDate(2025, 1, 20), 3)] };
        Schedule s = loan.BuildSchedule();
        ReceivedPayment[] regular = [.. s.Where(r => r.Kind == InstallmentKind.Regular).Select(r => new ReceivedPayment(r.DueDate, r.Payment))];

        LoanAccount midway = loan.Account(regular.Where(p => p.Date <= new LocalDate(2025, 6, 20)), new LocalDate(2025, 6, 25));
        Assert.True(midway.IsCurrent);
        Assert.Equal(0m, midway.Arrears);
        Assert.Equal(0, midway.DaysPastDue);
        Assert.DoesNotContain(midway.Instalments, i => i.Kind == InstallmentKind.Deferred);
        Assert.Equal(TwentyYears.Account(OnTime(TwentyYears.BuildSchedule(), 1, 15), new LocalDate(2025, 6, 25)).PayoffAmount + 19_633.32m, midway.PayoffAmount);

        // Every regular payment made, the deferred ones not: ten days after the last due date they are 10 days past due.
        LocalDate last = s.Last.DueDate;
        LoanAccount end = loan.Account(regular, last.PlusDays(10));
        Assert.Equal(3, end.OverdueInstalments);
        Assert.Equal(10, end.DaysPastDue);
        Assert.Equal(19_633.32m, end.OverduePrincipal + end.OverdueInterest);
        Assert.All(end.Instalments.Where(i => i.Kind == InstallmentKind.Deferred), i => Assert.Equal(last, i.DueDate));

        // Paid with the last payment, the loan is repaid.
        LoanAccount repaid = loan.Account([.. regular, new ReceivedPayment(last, 19_633.32m)], last.PlusDays(10));
        Assert.True(repaid.IsCurrent);
        Assert.Equal(0m, repaid.Arrears);
        Assert.Equal(0m, repaid.Credit);
    }

    [Fact]
    public void A_missed_payment_deferred_afterwards_stops_its_penalty_interest()
    {
        // Instalments 11 and 12 missed; on 2025-03-25 the bank agrees to defer both, dated back to the first one.
        Schedule plain = TwentyYears.BuildSchedule();
        ReceivedPayment[] paid = [.. OnTime(plain, 1, 10)];
        LocalDate asOf = new(2025, 3, 25);
        Assert.True(TwentyYears.Account(paid, asOf).PenaltyInterest > 0m);

        LoanAccount deferred = (TwentyYears with { Events = [PaymentDeferral.Of(new LocalDate(2025, 2, 20), 2)] }).Account(paid, asOf);
        Assert.True(deferred.IsCurrent);
        Assert.Equal(0m, deferred.PenaltyInterest);
        Assert.Equal(0m, deferred.Arrears);
    }

    [Fact]
    public void A_deferral_that_overlaps_another_reaches_the_last_payment_or_meets_a_holiday_is_refused()
    {
        LocalDate jan = new(2025, 1, 20);
        var overlap = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [PaymentDeferral.Of(jan, 3), PaymentDeferral.Of(jan.PlusMonths(1), 2)] }).BuildSchedule());
        Assert.Equal(1, overlap.EventIndex);
        var last = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [PaymentDeferral.Of(new LocalDate(2044, 1, 20), 3)] }).BuildSchedule());
        Assert.Contains("last payment", last.Message);
        var holiday = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [PaymentDeferral.Of(jan, 3), PaymentHoliday.On(jan.PlusMonths(1), SkippedInterest.Capitalized)] }).BuildSchedule());
        Assert.Contains("skipped or deferred", holiday.Message);
        var afterPayoff = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [Prepayment.Payoff(new LocalDate(2024, 12, 5)), PaymentDeferral.Of(jan, 3)] }).BuildSchedule());
        Assert.Contains("after the loan is repaid", afterPayoff.Message);

        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => PaymentDeferral.Of(jan, 7));
        Assert.Equal(("periods", (object)7), (tooMany.ParamName, tooMany.ActualValue));
        Assert.Equal(12, PaymentDeferral.Of(jan, 12, maximumPeriods: 12).Periods);
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentDeferral.Of(jan, 1, maximumPeriods: 0));
    }
}
