using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// Worked examples of ../shared/reference/servicing-conventions.md §1 and of issue 12, checked by hand in the comments.
/// TV-1: 1,000,000 at 4.9% over 360 months, disbursed 2024-03-20; first instalment due 2024-04-20: 5,307.27 =
/// 1,223.94 principal + 4,083.33 interest.
/// </summary>
public class AccountGoldenTests
{
    internal static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void Nothing_paid_30_days_after_the_first_due_date_runs_up_7_50_penalty_and_25_01_compound_interest()
    {
        // 罚息 = 1,223.94 × 4.9% × 1.5 × 30 / 360 = 7.4966… → 7.50; 复利 = 4,083.33 × 7.35% × 30/360 = 25.0104… → 25.01.
        LoanAccount account = Tv1.Account([], new LocalDate(2024, 5, 20));

        AccountInstalment first = account.Instalments[0];
        Assert.Equal(Rate.Percent(7.35m), first.PenaltyRate);
        Assert.Equal(1_223.94m, first.OutstandingPrincipal);
        Assert.Equal(4_083.33m, first.OutstandingInterest);
        Assert.Equal(7.50m, first.PenaltyInterest);
        Assert.Equal(25.01m, first.CompoundInterest);
        Assert.Equal(InstalmentStatus.Overdue, first.Status);
        Assert.Equal(30, first.DaysLate);

        // The second instalment falls due on the as-of date: due, not overdue, no penalty.
        AccountInstalment second = account.Instalments[1];
        Assert.Equal(new LocalDate(2024, 5, 20), second.DueDate);
        Assert.Equal(InstalmentStatus.Due, second.Status);
        Assert.Equal(0m, second.PenaltyInterest);

        Assert.Equal(2, account.Instalments.Count);
        Assert.Equal(30, account.DaysPastDue);
        Assert.Equal(new LocalDate(2024, 4, 20), account.OverdueSince);
        Assert.Equal(1, account.OverdueInstalments);
        Assert.Equal("关注", account.Classification.Class.Label);
        Assert.Equal(7.50m, account.PenaltyInterest);
        Assert.Equal(25.01m, account.CompoundInterest);
        Assert.Equal(2 * 5_307.27m + 7.50m + 25.01m, account.AmountToBeCurrent);

        // 次级 from more than 90 days: 2024-04-20 + 91 days = 2024-07-20.
        Assert.Equal("次级", account.Classification.NextClass!.Label);
        Assert.Equal(new LocalDate(2024, 7, 20), account.Classification.NextTransition);
    }

    [Fact]
    public void Paid_30_days_late_the_payment_clears_the_penalties_first_under_the_china_order()
    {
        // 5,307.27 + 7.50 + 25.01 = 5,339.78 paid on 2024-05-20 clears instalment 1 with its penalties, China order:
        // fees (none) → 罚息 7.50 → 复利 25.01 → interest 4,083.33 → principal 1,223.94.
        LoanAccount account = Tv1.Account([new ReceivedPayment(new LocalDate(2024, 5, 20), 5_339.78m)], new LocalDate(2024, 5, 20));

        PaymentApplication line = Assert.Single(account.Ledger);
        Assert.Equal(
            [
                new Allocation(1, new LocalDate(2024, 4, 20), AllocationBucket.PenaltyInterest, 7.50m),
                new Allocation(1, new LocalDate(2024, 4, 20), AllocationBucket.CompoundInterest, 25.01m),
                new Allocation(1, new LocalDate(2024, 4, 20), AllocationBucket.Interest, 4_083.33m),
                new Allocation(1, new LocalDate(2024, 4, 20), AllocationBucket.Principal, 1_223.94m),
            ],
            line.Allocations);
        Assert.Equal(0m, line.ToCredit);
        Assert.Equal(InstalmentStatus.PaidLate, account.Instalments[0].Status);
        Assert.Equal(new LocalDate(2024, 5, 20), account.Instalments[0].PaidOn);
        Assert.Equal(0m, account.Instalments[0].Outstanding);
        Assert.True(account.IsCurrent);
        Assert.Equal(5_307.27m, account.AmountToBeCurrent); // the second instalment, due today
    }

    [Fact]
    public void Published_penalty_example_10000_at_4_9_percent_with_a_30_percent_markup_on_actual_365_is_1_75_a_day()
    {
        // servicing-conventions.md §1: 10,000 × 4.9% × 1.3 / 365 = 1.7452… ≈ 1.75 a day. A 1-month loan of 10,000 at
        // 4.9% makes 10,000 principal (and 40.83 interest) due; one day late that is one day of 罚息.
        var loan = new Loan(10_000m, Rate.Percent(4.9m), 1, new LocalDate(2025, 1, 10));
        var policy = OverduePolicy.China with { PenaltyRate = PenaltyRate.Markup(Percentage.Percent(30m)), DayCount = DayCount.Actual365Fixed, CompoundInterest = false };
        LoanAccount account = loan.Account([], new LocalDate(2025, 2, 11), policy);
        Assert.Equal(1.75m, account.PenaltyInterest);
        LoanAccount tenDays = loan.Account([], new LocalDate(2025, 2, 20), policy);
        Assert.Equal(17.45m, tenDays.PenaltyInterest); // 17.452… rounded once, not 10 × 1.75
    }
}
