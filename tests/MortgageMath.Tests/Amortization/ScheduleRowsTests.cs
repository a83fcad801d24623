using NodaTime;

namespace MortgageMath.Tests.Amortization;

/// <summary>
/// The schedule's compact rows (32 bytes, no reference) give back every figure they were written with: each kind,
/// the capitalized flag, periods up to <see cref="Loan.MaxPeriods"/>, rates, segments and extra amounts from the side
/// table, also past its 65,535th entry (where rows go to the overflow table).
/// </summary>
public class ScheduleRowsTests
{
    [Fact]
    public void A_row_is_32_bytes() => Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<ScheduleRow>());

    [Fact]
    public void Every_kind_period_and_flag_reads_back()
    {
        var due = new LocalDate(2024, 4, 20);
        RateSegment[] segments = [new(due.PlusDays(-31), due.PlusDays(-10), Rate.Percent(4.9m)), new(due.PlusDays(-10), due, Rate.Percent(4.2m))];
        var rows = new ScheduleRows(64, 3, 1);
        var expected = new List<Installment>();
        int k = 0;
        foreach (InstallmentKind kind in Enum.GetValues<InstallmentKind>())
        {
            foreach (int period in new[] { 1, 599, Loan.MaxPeriods })
            {
                foreach (bool capitalized in new[] { false, true })
                {
                    long extra = k % 3 == 0 ? 0 : 1_000 + k;
                    RateSegment[]? seg = k % 4 == 1 ? segments : null;
                    Rate rate = k % 5 == 0 ? Rate.Percent(3.1m) : Rate.Percent(4.2m);
                    bool isDeferred = kind is InstallmentKind.Holiday or InstallmentKind.Capitalization;
                    rows.Add(period, due.PlusDays(k), rate, 1_000_000 + k, 10_000 + k, 4_000 + k, seg, kind, extra, capitalized);
                    expected.Add(new Installment(period, due.PlusDays(k), rate, 1_000_000 + k, 10_000 + k, 4_000 + k, 3, seg, kind,
                        isDeferred ? 0 : extra, isDeferred ? extra : 0, capitalized));
                    k++;
                }
            }
        }

        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Installment row = rows[i];
            Assert.Equal(expected[i], row);
            Assert.Equal(expected[i].Kind, row.Kind);
            Assert.Equal(expected[i].Period, row.Period);
            Assert.Equal(expected[i].PenaltyMinor, row.PenaltyMinor);
            Assert.Equal(expected[i].DeferredMinor, row.DeferredMinor);
            Assert.Equal(expected[i].CapitalizedMinor, row.CapitalizedMinor);
            Assert.Equal(expected[i].RateSegments, row.RateSegments);
            Assert.Equal(expected[i].DueDate, rows.DueDateOf(i));
            Assert.Equal(expected[i].PrincipalMinor - expected[i].CapitalizedMinor, rows.BalanceChangeOf(i));
            Installment e = expected[i];
            Assert.Equal(new RowAmounts(e.PaymentMinor, e.PrincipalMinor, e.InterestMinor, e.PenaltyMinor, e.DeferredMinor, e.CapitalizedMinor, e.ClosingMinor),
                rows.AmountsOf(i));
        }
    }

    [Fact]
    public void Rows_past_the_side_table_s_last_entry_keep_their_own_figures()
    {
        const int count = 70_000; // more distinct rates than a 16-bit index reaches
        var rows = new ScheduleRows(count, 2, count);
        var due = new LocalDate(2024, 4, 20);
        for (int k = 0; k < count; k++)
        {
            rows.Add((k % Loan.MaxPeriods) + 1, due, Rate.BasisPoints(k + 1), k, 1, 2, null, InstallmentKind.Prepayment, k % 7, k % 2 == 0);
        }

        // A full side table takes no plain rows (the loop then writes every row through Add, each with its own entry).
        Assert.False(rows.AcceptsPlainRows);
        for (int k = 0; k < count; k++)
        {
            Installment row = rows[k];
            Assert.Equal(Rate.BasisPoints(k + 1), row.AnnualRate);
            Assert.Equal(k % 7, row.PenaltyMinor);
            Assert.Equal(k, row.OpeningMinor);
            Assert.Equal((k % Loan.MaxPeriods) + 1, row.Period);
        }
    }

    [Fact]
    public void Plain_rows_of_one_rate_share_one_entry_and_a_new_rate_starts_another()
    {
        var rows = new ScheduleRows(6, 2, 2);
        var due = new LocalDate(2024, 4, 20);
        rows.Add(1, due, Rate.Percent(4.9m), 100, 1, 1, null, InstallmentKind.Regular, 0, false);
        rows.Add(2, due, Rate.Percent(4.9m), 99, 1, 1, null, InstallmentKind.Regular, 0, false);
        rows.Add(2, due, Rate.Percent(4.9m), 98, 1, 1, null, InstallmentKind.Prepayment, 5, false); // a penalty: its own entry
        rows.Add(3, due, Rate.Percent(4.2m), 97, 1, 1, null, InstallmentKind.Regular, 0, false);
        Assert.True(rows.AcceptsPlainRows);
        rows.StartPlain(Rate.Percent(3.1m)); // the loop's plain path: a new rate's entry, then rows without a check
        rows.AddPlain(4, due, 96, 1, 1);
        rows.StartPlain(Rate.Percent(3.1m));
        rows.AddPlain(5, due, 95, 1, 1);
        Assert.Equal([Rate.Percent(4.9m), Rate.Percent(4.9m), Rate.Percent(4.9m), Rate.Percent(4.2m), Rate.Percent(3.1m), Rate.Percent(3.1m)],
            Enumerable.Range(0, 6).Select(k => rows[k].AnnualRate));
        Assert.Equal([0L, 0, 5, 0, 0, 0], Enumerable.Range(0, 6).Select(k => rows[k].PenaltyMinor));
        Assert.Equal(new Installment(5, due, Rate.Percent(3.1m), 95, 1, 1, 2), rows[5]);
    }
}
