using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// One partial payment applied under each allocation preset and under both scopes, on a loan small enough to check by
/// hand. <see cref="Small"/>: 1,200.00 at 12% over 12 months, equal principal, disbursed 2025-01-15: each instalment
/// repays 100.00 principal; interest is 1% of the balance: #1 (due 2025-02-15) 100.00 + 12.00, #2 (due 2025-03-15)
/// 100.00 + 11.00. China's penalty rate is 12% × 1.5 = 18% a year, Actual/360, so a day of 罚息 on 100.00 is
/// 100 × 0.18 / 360 = 0.05 and a day of 复利 on 12.00 is 0.006.
/// </summary>
public class AllocationPresetTests
{
    internal static readonly Loan Small = new(1_200m, Rate.Percent(12m), 12, new LocalDate(2025, 1, 15)) { Method = RepaymentMethod.EqualPrincipal };

    private static readonly LocalDate Due1 = new(2025, 2, 15);
    private static readonly LocalDate Due2 = new(2025, 3, 15);

    /// <summary>2025-03-07 is 20 days after #1's due date (13 days to 28 February, 7 in March).</summary>
    private static readonly LocalDate Day20 = new(2025, 3, 7);

    /// <summary>China's policy with a flat late fee of 5.00 (assessed the day after the due date: no grace days).</summary>
    private static OverduePolicy WithFee(AllocationOrder order) => OverduePolicy.China with { LateFee = LateFee.FlatAmount(5m), Allocation = order };

    /// <summary>No penalty interest, no compound interest, no fee: only the contractual buckets, to isolate the order.</summary>
    private static OverduePolicy Plain(AllocationOrder order) =>
        OverduePolicy.China with { PenaltyRate = PenaltyRate.None, CompoundInterest = false, Allocation = order };

    private static Allocation A(LocalDate due, AllocationBucket bucket, decimal amount) => new(due == Due1 ? 1 : 2, due, bucket, amount);

    [Fact]
    public void The_small_loan_has_the_figures_the_hand_arithmetic_uses()
    {
        Schedule schedule = Small.BuildSchedule();
        Assert.Equal((Due1, 100.00m, 12.00m), (schedule[0].DueDate, schedule[0].Principal, schedule[0].Interest));
        Assert.Equal((Due2, 100.00m, 11.00m), (schedule[1].DueDate, schedule[1].Principal, schedule[1].Interest));

        // Nothing paid, 20 days after #1: fee 5.00, 罚息 20 × 0.05 = 1.00, 复利 20 × 0.006 = 0.12.
        AccountInstalment first = Small.Account([], Day20, WithFee(AllocationOrder.China)).Instalments.Single();
        Assert.Equal(Rate.Percent(18m), first.PenaltyRate);
        Assert.Equal((5.00m, 1.00m, 0.12m), (first.LateFee, first.PenaltyInterest, first.CompoundInterest));
    }

    [Fact]
    public void China_order_pays_the_fee_then_the_penalty_interest()
    {
        // 5.50 against fee 5.00, 罚息 1.00, 复利 0.12, interest 12.00, principal 100.00 (民法典 art. 561: costs first):
        // fee 5.00, then 0.50 of the 1.00 罚息; nothing reaches the interest.
        LoanAccount account = Small.Account([new ReceivedPayment(Day20, 5.50m)], Day20, WithFee(AllocationOrder.China));
        Assert.Equal([A(Due1, AllocationBucket.Fees, 5.00m), A(Due1, AllocationBucket.PenaltyInterest, 0.50m)], account.Ledger.Single().Allocations);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal((0m, 0.50m, 0.12m, 12.00m, 100.00m),
            (first.OutstandingFees, first.OutstandingPenaltyInterest, first.OutstandingCompoundInterest, first.OutstandingInterest, first.OutstandingPrincipal));
        Assert.Equal(112.00m + 5.00m + 1.00m + 0.12m - 5.50m, account.Arrears);
    }

    [Fact]
    public void Penalties_fees_interest_principal_pays_both_penalties_before_the_fee()
    {
        // 5.50 → 罚息 1.00, 复利 0.12, then 4.38 of the 5.00 fee (0.62 left).
        LoanAccount account = Small.Account([new ReceivedPayment(Day20, 5.50m)], Day20, WithFee(AllocationOrder.PenaltiesFeesInterestPrincipal));
        Assert.Equal(
            [A(Due1, AllocationBucket.PenaltyInterest, 1.00m), A(Due1, AllocationBucket.CompoundInterest, 0.12m), A(Due1, AllocationBucket.Fees, 4.38m)],
            account.Ledger.Single().Allocations);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal((0.62m, 0m, 0m, 12.00m, 100.00m),
            (first.OutstandingFees, first.OutstandingPenaltyInterest, first.OutstandingCompoundInterest, first.OutstandingInterest, first.OutstandingPrincipal));
    }

    [Fact]
    public void Fannie_mae_order_pays_interest_first_and_so_shrinks_the_compound_interest_after()
    {
        // 5.50 → interest (F-1-09: interest → principal → late charges): 6.50 of the 12.00 interest is left.
        LoanAccount account = Small.Account([new ReceivedPayment(Day20, 5.50m)], Day20, WithFee(AllocationOrder.FannieMae));
        Assert.Equal([A(Due1, AllocationBucket.Interest, 5.50m)], account.Ledger.Single().Allocations);
        AccountInstalment first = account.Instalments.Single();
        Assert.Equal((5.00m, 1.00m, 0.12m, 6.50m, 100.00m),
            (first.OutstandingFees, first.OutstandingPenaltyInterest, first.OutstandingCompoundInterest, first.OutstandingInterest, first.OutstandingPrincipal));

        // 7 days on (2025-03-14): the stretch to 2025-03-07 was closed at 1.00 and 0.12; the new one runs on 100.00
        // and 6.50: 罚息 1.00 + 100 × 0.18 × 7/360 = 1.00 + 0.35 = 1.35; 复利 0.12 + 6.50 × 0.18 × 7/360 (0.02275 → 0.02)
        // = 0.14. Under the China order (interest still 12.00) the 复利 is 12 × 0.18 × 27/360 = 0.162 → 0.16.
        LoanAccount later = Small.Account([new ReceivedPayment(Day20, 5.50m)], new LocalDate(2025, 3, 14), WithFee(AllocationOrder.FannieMae));
        Assert.Equal((1.35m, 0.14m), (later.Instalments[0].PenaltyInterest, later.Instalments[0].CompoundInterest));
        LoanAccount china = Small.Account([new ReceivedPayment(Day20, 5.50m)], new LocalDate(2025, 3, 14), WithFee(AllocationOrder.China));
        Assert.Equal((1.35m, 0.16m), (china.Instalments[0].PenaltyInterest, china.Instalments[0].CompoundInterest));
    }

    [Fact]
    public void Oldest_instalment_first_pays_interest_then_principal_of_the_first_instalment()
    {
        // servicing-conventions.md §3 (Fineract), with this loan's figures: #1 = 100 + 12 and #2 = 100 + 11 both overdue
        // on 2025-03-20; 30.00 paid. Oldest instalment first: #1's interest 12.00, then 18.00 of #1's principal.
        LoanAccount account = Small.Account([new ReceivedPayment(new LocalDate(2025, 3, 20), 30m)], new LocalDate(2025, 3, 20), Plain(AllocationOrder.China));
        Assert.Equal([A(Due1, AllocationBucket.Interest, 12.00m), A(Due1, AllocationBucket.Principal, 18.00m)], account.Ledger.Single().Allocations);
        Assert.Equal((82.00m, 0m), (account.Instalments[0].OutstandingPrincipal, account.Instalments[0].OutstandingInterest));
        Assert.Equal((100.00m, 11.00m), (account.Instalments[1].OutstandingPrincipal, account.Instalments[1].OutstandingInterest));
        Assert.Equal(223.00m - 30.00m, account.Arrears);
        Assert.Equal(2, account.OverdueInstalments);
        Assert.Equal(33, account.DaysPastDue); // from 2025-02-15: #1 is still short
    }

    [Fact]
    public void Bucket_across_instalments_pays_every_instalments_interest_before_any_principal()
    {
        // The same 30.00 with the interest of all overdue instalments first (Fineract's "Adhikar" order): #1's 12.00 and
        // #2's 11.00 interest, then 7.00 of #1's principal. The total arrears are the same, the buckets are not.
        AllocationOrder across = AllocationOrder.Create(AllocationOrder.China.Buckets, AllocationScope.BucketAcrossInstalments);
        LoanAccount account = Small.Account([new ReceivedPayment(new LocalDate(2025, 3, 20), 30m)], new LocalDate(2025, 3, 20), Plain(across));
        Assert.Equal(
            [A(Due1, AllocationBucket.Interest, 12.00m), A(Due2, AllocationBucket.Interest, 11.00m), A(Due1, AllocationBucket.Principal, 7.00m)],
            account.Ledger.Single().Allocations);
        Assert.Equal((93.00m, 0m), (account.Instalments[0].OutstandingPrincipal, account.Instalments[0].OutstandingInterest));
        Assert.Equal((100.00m, 0m), (account.Instalments[1].OutstandingPrincipal, account.Instalments[1].OutstandingInterest));
        Assert.Equal(223.00m - 30.00m, account.Arrears);
        Assert.Equal(193.00m, account.OverduePrincipal);
    }

    [Fact]
    public void Bucket_across_instalments_with_penalties_takes_every_penalty_first()
    {
        // China buckets across instalments, both overdue on 2025-03-20 with 罚息 and 复利 running: #1 is 33 days late
        // (罚息 100 × 0.18 × 33/360 = 1.65, 复利 12 × 0.18 × 33/360 = 0.198 → 0.20), #2 5 days (罚息 100 × 0.18 × 5/360 =
        // 0.25, 复利 11 × 0.18 × 5/360 = 0.0275 → 0.03). 3.00 paid: 罚息 1.65 + 0.25, 复利 0.20 + 0.03, then 0.87 of #1's
        // interest.
        AllocationOrder across = AllocationOrder.Create(AllocationOrder.China.Buckets, AllocationScope.BucketAcrossInstalments);
        LoanAccount account = Small.Account([new ReceivedPayment(new LocalDate(2025, 3, 20), 3m)], new LocalDate(2025, 3, 20), OverduePolicy.China with { Allocation = across });
        Assert.Equal(
            [
                A(Due1, AllocationBucket.PenaltyInterest, 1.65m), A(Due2, AllocationBucket.PenaltyInterest, 0.25m),
                A(Due1, AllocationBucket.CompoundInterest, 0.20m), A(Due2, AllocationBucket.CompoundInterest, 0.03m),
                A(Due1, AllocationBucket.Interest, 0.87m),
            ],
            account.Ledger.Single().Allocations);
    }
}
