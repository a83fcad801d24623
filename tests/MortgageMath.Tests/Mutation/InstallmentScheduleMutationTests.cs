using System.Collections;
using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of Amortization/Installment.cs and Amortization/Schedule.cs (docs/testing.md): row
/// equality field by field, the penalty / deferred-interest split of the shared field, the closing balance of a
/// capitalized holiday, and the schedule's enumerators and totals. Rows are built directly (the constructor is
/// internal and visible to the tests) with amounts in minor units, so every expected figure is plain arithmetic.
/// </summary>
public class InstallmentScheduleMutationTests
{
    private static readonly LocalDate Due = new(2025, 3, 20);
    private static readonly Rate Rate49 = Rate.Percent(4.9m);

    private static Installment Row(int period = 12, LocalDate? due = null, Rate? rate = null, long opening = 98_678_000,
        long principal = 100_000, long interest = 402_000, InstallmentKind kind = InstallmentKind.Prepayment, long penalty = 2_500,
        long deferred = 0, bool capitalized = false) =>
        new(period, due ?? Due, rate ?? Rate49, opening, principal, interest, 2, null, kind, penalty, deferred, capitalized);

    /// <summary>Two rows are equal exactly when every figure is; one field apart is enough to differ.</summary>
    [Fact]
    public void Rows_are_equal_only_when_every_field_is()
    {
        Installment a = Row();
        Installment same = Row();
        Assert.True(a.Equals(same));
        Assert.True(a == same);
        Assert.False(a != same);
        Assert.True(a.Equals((object)same));
        Assert.False(a.Equals((object)"a row"));
        Assert.Equal(a.GetHashCode(), same.GetHashCode());

        Installment[] oneFieldApart =
        [
            Row(period: 13),
            Row(due: Due.PlusDays(1)),
            Row(rate: Rate.Percent(4.2m)),
            Row(kind: InstallmentKind.Payoff),
            Row(opening: 98_678_001),
            Row(principal: 100_001),
            Row(interest: 402_001),
            Row(penalty: 2_501),
        ];
        foreach (Installment other in oneFieldApart)
        {
            Assert.False(a.Equals(other), $"{a} equals {other}");
            Assert.False(a == other);
            Assert.True(a != other);
            Assert.False(a.Equals((object)other));
        }

        // Holiday rows: the deferred interest, and whether it was capitalized, are part of the figures.
        Installment holiday = Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 0, deferred: 402_000);
        Assert.True(holiday == Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 0, deferred: 402_000));
        Assert.True(holiday != Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 0, deferred: 402_001));
        Assert.True(holiday != Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 0, deferred: 402_000, capitalized: true));
    }

    /// <summary>
    /// One field holds a prepayment's penalty or a holiday's deferred interest: each kind reads only its own. Payment =
    /// principal + interest + penalty; closing = opening − principal, plus the deferred interest only when capitalized.
    /// </summary>
    [Fact]
    public void Penalty_and_deferred_interest_are_read_by_kind()
    {
        Installment prepayment = Row(penalty: 2_500, deferred: 777);
        Assert.Equal(25.00m, prepayment.Penalty);
        Assert.Equal(0m, prepayment.DeferredInterest);
        Assert.Equal(1_000.00m + 4_020.00m + 25.00m, prepayment.Payment);
        Assert.Equal(986_780.00m - 1_000.00m, prepayment.ClosingBalance);

        Installment capitalized = Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 999, deferred: 402_000, capitalized: true);
        Assert.Equal(0m, capitalized.Penalty);
        Assert.Equal(4_020.00m, capitalized.DeferredInterest);
        Assert.Equal(0m, capitalized.Payment);
        Assert.Equal(986_780.00m + 4_020.00m, capitalized.ClosingBalance);

        Installment collectedLater = Row(kind: InstallmentKind.Holiday, principal: 0, interest: 0, penalty: 999, deferred: 402_000);
        Assert.Equal(986_780.00m, collectedLater.ClosingBalance);
        Assert.Equal(4_020.00m, collectedLater.DeferredInterest);
        Assert.False(collectedLater.RateChanged);
        Assert.Empty(collectedLater.RateSegments);
        Assert.Equal((12, Due, Rate49), (collectedLater.Period, collectedLater.DueDate, collectedLater.AnnualRate));
    }

    /// <summary>
    /// The schedule's three enumerations (the allocation-free struct, IEnumerable&lt;Installment&gt; and the
    /// non-generic one) and the indexer give the same rows in the same order, Count of them; the totals are the row
    /// sums (TV-1 with a 3-months'-interest penalty on 200,000 prepaid on 2025-03-20: 200,000 × 4.9% × 3/12 = 2,450.00),
    /// and TotalPayment = principal + interest + penalty.
    /// </summary>
    [Fact]
    public void Schedule_enumerators_indexer_and_totals_agree()
    {
        Loan loan = Tv1.With(Prepayment.Partial(D(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm)) with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
        };
        Schedule schedule = loan.BuildSchedule();
        var byStruct = new List<Installment>();
        foreach (Installment row in schedule)
        {
            byStruct.Add(row);
        }

        List<Installment> byGeneric = [.. (IEnumerable<Installment>)schedule];
        var byObject = new List<Installment>();
        foreach (object row in (IEnumerable)schedule)
        {
            byObject.Add((Installment)row);
        }

        Installment[] byIndex = [.. Enumerable.Range(0, schedule.Count).Select(k => schedule[k])];
        Assert.Equal(byIndex, byStruct);
        Assert.Equal(byIndex, byGeneric);
        Assert.Equal(byIndex, byObject);
        Assert.Equal(12 + 1 + 228, schedule.Count); // 12 payments, the prepayment, 228 payments (docs/prepayment.md §4)
        Assert.Equal(240, schedule.RegularPayments);
        Assert.Equal(byIndex[0], schedule.First);
        Assert.Equal(byIndex[^1], schedule.Last);

        Assert.Equal(2_450.00m, schedule.TotalPenalty);
        Assert.Equal(1_000_000m, schedule.TotalPrincipal);
        Assert.Equal(byIndex.Sum(r => r.Interest), schedule.TotalInterest);
        Assert.Equal(1_000_000m + schedule.TotalInterest + 2_450.00m, schedule.TotalPayment);
        Assert.Equal(byIndex.Sum(r => r.Payment), schedule.TotalPayment);
        Assert.Same(loan, schedule.Loan);
    }

    /// <summary>A schedule built without a count of regular payments counts every row as one (the internal default).</summary>
    [Fact]
    public void Schedule_without_a_regular_count_counts_its_rows()
    {
        var rows = new ScheduleRows(2, 2, 0);
        rows.Add(12, Due, Rate49, 98_678_000, 100_000, 402_000, null, InstallmentKind.Regular, 0, false);
        rows.Add(13, Due, Rate49, 98_678_000, 100_000, 402_000, null, InstallmentKind.Regular, 0, false);
        var schedule = new Schedule(Tv1, rows, 200_000, 804_000, []);
        Assert.Equal(2, schedule.RegularPayments);
        Assert.Equal(2, schedule.Count);
        Assert.Equal(0m, schedule.TotalPenalty);
        Assert.Equal(2_000.00m + 8_040.00m, schedule.TotalPayment);
        Assert.Equal(1, new Schedule(Tv1, rows, 200_000, 804_000, [], 0, 1).RegularPayments);
        Assert.Equal(0, new Schedule(Tv1, rows, 200_000, 804_000, [], 0, 0).RegularPayments);
    }
}
