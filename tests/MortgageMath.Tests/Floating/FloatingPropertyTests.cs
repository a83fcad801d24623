using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// Invariants of floating-rate schedules over generated loans and generated rate tables (see <see cref="FloatingGen"/>):
/// both repayment methods, both odd-first-period policies, both rate-change policies, both day counts, random repayment
/// days, and every repricing rule.
/// </summary>
public sealed class FloatingPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Schedule_is_well_formed() =>
        Prop.ForAll(FloatingGen.Any, c => FloatingSupport.AssertWellFormed(c.Loan.BuildSchedule(), c.ToString()));

    /// <summary>The rate changes are exactly the repricing dates (by the rule's definition) whose rate differs.</summary>
    [Property(MaxTest = 300)]
    public Property Rate_changes_match_the_independent_timeline() =>
        Prop.ForAll(FloatingGen.Any, c =>
        {
            Schedule s = c.Loan.BuildSchedule();
            var expected = FloatingReference.Timeline(c);
            Assert.True(expected.Count == s.RateChanges.Count,
                $"{s.RateChanges.Count} changes, expected {expected.Count}: [{string.Join(", ", s.RateChanges.Select(r => $"{r.EffectiveDate} {r.AnnualRate}"))}]; {c}");
            for (int j = 0; j < expected.Count; j++)
            {
                Assert.True(expected[j] == (s.RateChanges[j].EffectiveDate, s.RateChanges[j].AnnualRate),
                    $"change {j}: {s.RateChanges[j].EffectiveDate} {s.RateChanges[j].AnnualRate}, expected {expected[j]}; {c}");
                Assert.True(RateIndex.Lpr5Y == s.RateChanges[j].Index && c.Spread == s.RateChanges[j].Spread, c.ToString());
                Assert.True(Rate.BasisPoints(c.FixingBp(expected[j].Date)) == s.RateChanges[j].IndexValue, c.ToString());
            }
        });

    /// <summary>Every row equals the independent BigInteger replay (re-amortization, split interest, odd first period, clamping).</summary>
    [Property(MaxTest = 300)]
    public Property Every_row_matches_the_independent_replay() =>
        Prop.ForAll(FloatingGen.Any, c =>
        {
            if (FloatingReference.OddFirstPeriodWithWholePeriodChange(c) || FloatingReference.RegularFirstPeriodStraddledKeepRegular(c))
            {
                return; // known bugs, see FloatingBugTests
            }

            Schedule s = c.Loan.BuildSchedule();
            FloatingReference.Row[] expected = FloatingReference.Build(c);
            for (int k = 0; k < expected.Length; k++)
            {
                Installment row = s[k];
                FloatingReference.Row e = expected[k];
                string where = $"row {k + 1}: {row}; expected {e.Rate} opening {e.Opening} principal {e.Principal} interest {e.Interest}; {c}";
                Assert.True(row.DueDate == e.Due && row.AnnualRate == e.Rate, where);
                Assert.True(row.OpeningBalance == e.Opening && row.Principal == e.Principal && row.Interest == e.Interest, where);
                Assert.True(row.RateChanged == (e.Segments is not null), where);
                if (e.Segments is not null)
                {
                    Assert.True(row.RateSegments.Select(g => (g.From, g.Until, g.AnnualRate)).SequenceEqual(e.Segments), where);
                }
            }
        });

    /// <summary>
    /// The interest of every straddled row (split by actual days) is round(opening × Σ rateⱼ × daysⱼ / yearDays),
    /// computed with BigInteger from the row's own segments; the segments tile [previous due date, due date), each
    /// at the rate in force that day.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Straddled_row_interest_is_the_exact_day_split() =>
        Prop.ForAll(FloatingGen.Any, c =>
        {
            Loan loan = c.Loan with { RateChangeInterest = RateChangeInterest.SplitByActualDays };
            Schedule s = loan.BuildSchedule();
            int yearDays = loan.DayCount == DayCount.Actual365Fixed ? 365 : 360;
            LocalDate start = loan.Disbursement;
            foreach (Installment row in s)
            {
                if (row.RateChanged)
                {
                    IReadOnlyList<RateSegment> segments = row.RateSegments;
                    Assert.True(segments.Count >= 2 && segments[0].From == start && segments[^1].Until == row.DueDate, $"{row}; {c}");
                    for (int j = 0; j < segments.Count; j++)
                    {
                        Assert.True(segments[j].Days > 0 && (j == 0 || segments[j].From == segments[j - 1].Until), $"{row}; {c}");
                        Assert.True(segments[j].AnnualRate == RateInForce(s, segments[j].From), $"{row}; {c}");
                        Assert.True(j == 0 || segments[j].AnnualRate != segments[j - 1].AnnualRate, $"{row}; {c}");
                    }

                    decimal expected = FloatingReference.SplitInterest(
                        row.OpeningBalance, segments.Select(g => (g.Days, g.AnnualRate)), yearDays, loan.Rounding);
                    Assert.True(expected == row.Interest, $"interest {row.Interest}, exact split {expected}: {row}; {c}");
                    Assert.True(row.AnnualRate == segments[^1].AnnualRate, $"{row}; {c}");
                }
                else
                {
                    Assert.True(row.AnnualRate == RateInForce(s, start), $"{row}; {c}");
                }

                start = row.DueDate;
            }
        });

    private static Rate RateInForce(Schedule s, LocalDate date) => s.RateChanges.Last(r => r.EffectiveDate <= date).AnnualRate;

    /// <summary>A table whose every fixing is X gives exactly the rows of the fixed plan at X + spread (at least the floor).</summary>
    [Property(MaxTest = 300)]
    public Property Repricing_to_the_same_rate_changes_nothing() =>
        Prop.ForAll(FloatingGen.Any, c =>
        {
            decimal x = c.Fixings[0].Bp;
            FloatingCase flat = c.WithFixings([.. c.Fixings.Select(f => f with { Bp = x })]);
            Schedule floating = flat.Loan.BuildSchedule();
            Rate rate = FloatingReference.RateOn(flat, flat.Loan.Disbursement, flat.Spread);
            Schedule fixedRate = (flat.Loan with { RatePlan = RatePlan.Fixed(rate) }).BuildSchedule();
            Assert.True(floating.RateChanges.Count == 1, c.ToString());
            Assert.True(floating.ToArray().SequenceEqual(fixedRate.ToArray()), c.ToString());
            Assert.DoesNotContain(floating, r => r.RateChanged);
        });

    /// <summary>
    /// A spread change on the due date of period k equals the stepped plan whose second step (same index, new
    /// spread) starts on that due date, when the index does not move between the last repricing and that date.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Spread_change_on_a_due_date_equals_the_stepped_plan() =>
        Prop.ForAll(FloatingGen.Any, c0 =>
        {
            FloatingCase c = c0 with { Kind = RuleKind.January1, Loan = c0.Loan with { Periods = Math.Max(2, c0.Loan.Periods) } };
            c = c with { Loan = c.Loan with { RatePlan = c.Plan(c.Spread) } };
            var rnd = new Random(c.Seed ^ 0x5eed);
            int k = rnd.Next(1, c.Loan.Periods);
            Spread s2 = Spread.FromBasisPoints(rnd.Next(-200, 601) / 2m);
            LocalDate due = DueOf(c.Loan, k);
            LocalDate lastRepricing = new LocalDate(due.Year, 1, 1) > c.Loan.Disbursement ? new LocalDate(due.Year, 1, 1) : c.Loan.Disbursement;
            decimal held = c.FixingBp(lastRepricing);
            c = c.WithFixings([.. c.Fixings.Select(f => f.Date > lastRepricing && f.Date <= due ? f with { Bp = held } : f)]);

            Loan withEvent = c.Loan with { Events = [RateEvent.SpreadChange(due, s2)] };
            Loan stepped = c.Loan with
            {
                RatePlan = RatePlan.Stepped(c.Plan(c.Spread), k, RatePlan.Floating(RateIndex.Lpr5Y, s2, RepricingRule.EveryJanuary1, c.Floor)),
            };
            Schedule a = withEvent.BuildSchedule();
            Schedule b = stepped.BuildSchedule();
            string where = $"k {k} ({due}), spread {s2}; {c}";
            Assert.True(a.RateChanges.Select(r => (r.EffectiveDate, r.AnnualRate)).SequenceEqual(b.RateChanges.Select(r => (r.EffectiveDate, r.AnnualRate))), where);
            for (int j = 0; j < a.Count; j++)
            {
                Assert.True(a[j] == b[j] && a[j].RateSegments.SequenceEqual(b[j].RateSegments), $"row {j + 1}: {a[j]} vs {b[j]}; {where}");
            }
        });

    private static LocalDate DueOf(Loan loan, int period) => MortgageMath.Tests.Properties.ReferenceSchedule.Due(loan, period);

    /// <summary>Every fixing lowered by its own amount (0 to 300bp, at least 1%) on the same dates.</summary>
    private static FloatingCase Lowered(FloatingCase c)
    {
        var rnd = new Random(c.Seed ^ 0x10e7);
        return c.WithFixings([.. c.Fixings.Select(f => f with { Bp = Math.Max(100m, f.Bp - (rnd.Next(3) == 0 ? 0m : rnd.Next(1, 30_001) / 100m)) })]);
    }

    /// <summary>Every fixing raised by the same amount (0.01 to 300bp): the rate changes on the same dates.</summary>
    private static FloatingCase ShiftedUp(FloatingCase c)
    {
        decimal delta = new Random(c.Seed ^ 0x5417).Next(1, 30_001) / 100m;
        return c.WithFixings([.. c.Fixings.Select(f => f with { Bp = f.Bp + delta })]);
    }

    /// <summary>
    /// Equal installment: the principal raised by 100,000.00, so the exact advantage of the lower path exceeds the
    /// once-per-row rounding. On tiny loans rounding dominates and the lower path can legitimately pay a cent or a few
    /// more in a row (4.05 over 44 months: balance 0.91 vs 0.62 in row 37, payment 0.12 vs 0.08).
    /// </summary>
    private static FloatingCase Realistic(FloatingCase c) =>
        c.Loan.Method == RepaymentMethod.EqualInstallment ? c.WithPrincipal(c.Loan.Principal + 100_000m) : c;

    private static void AssertNotHigher(Schedule lower, Schedule higher, string context)
    {
        Assert.True(lower.TotalInterest <= higher.TotalInterest, $"total interest {lower.TotalInterest} > {higher.TotalInterest}; {context}");
        bool oddFirst = lower.Loan.Disbursement.PlusMonths(1) != lower.First.DueDate;
        for (int k = 0; k < higher.Count; k++)
        {
            // Equal installment, odd first period: the payment is the regular principal (larger at a lower rate) plus
            // the actual days' interest; under 30 days a lower rate can pay more (FloatingConventionTests).
            // The last payment settles the rounding residue of the level payment: the lower path may carry a few
            // cents more of it (100,092.31 over 169 months, fixings shifted by 0.6bp: last payment 754.44 vs 754.35).
            bool exempt = lower.Loan.Method == RepaymentMethod.EqualInstallment && ((k == 0 && oddFirst) || k == higher.Count - 1);
            // Equal installment: a payment re-levelled on a balance that carries the rows' rounding may be one cent
            // higher on the lower path when the rates differ by little (fixings shifted by 0.02bp, 340,635.98 over
            // 244 months: row 240 opens at 13,862.25 vs 13,862.24 and pays 2,815.58 vs 2,815.57; the exact advantage
            // of 0.02bp on that balance is a hundredth of a cent). More than a cent would be a real inversion.
            decimal tolerance = lower.Loan.Method == RepaymentMethod.EqualInstallment ? 0.01m : 0m;
            Assert.True(exempt || lower[k].Payment <= higher[k].Payment + tolerance, $"row {k + 1}: {lower[k]} vs {higher[k]}; {context}");
            if (lower.Loan.Method == RepaymentMethod.EqualPrincipal)
            {
                Assert.True(lower[k].Interest <= higher[k].Interest && lower[k].Principal == higher[k].Principal,
                    $"row {k + 1}: {lower[k]} vs {higher[k]}; {context}");
            }
        }
    }

    /// <summary>
    /// Whole period at the new rate: lowering every fixing (same dates, each by its own amount, floors allowed) never
    /// raises total interest, nor any payment (equal principal: nor any row's interest; equal installment: except an
    /// odd first period's payment), first payment adjusted.
    /// The odd-first-period bug case (FloatingBugTests) is left out.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Lower_fixings_never_raise_interest_or_payment_whole_period_policy_equal_installment() =>
        LowerFixingsWholePeriod(RepaymentMethod.EqualInstallment);

    [Property(MaxTest = 300)]
    public Property Lower_fixings_never_raise_interest_or_payment_whole_period_policy_equal_principal() =>
        LowerFixingsWholePeriod(RepaymentMethod.EqualPrincipal);

    private static Property LowerFixingsWholePeriod(RepaymentMethod m) =>
        Prop.ForAll(FloatingGen.AdjustFirst, c =>
        {
            c = Realistic(c with { Loan = c.Loan with { Method = m, RateChangeInterest = RateChangeInterest.NewRateForWholePeriod } });
            FloatingCase low = Lowered(c);
            if (FloatingReference.OddFirstPeriodWithWholePeriodChange(c) || FloatingReference.OddFirstPeriodWithWholePeriodChange(low))
            {
                return;
            }

            AssertNotHigher(low.Loan.BuildSchedule(), c.Loan.BuildSchedule(), low.ToString());
        });

    /// <summary>
    /// Split by actual days: a parallel rise of every fixing (no floor, so the rate changes on the same dates) never
    /// lowers total interest or any payment (equal installment: except an odd first period's payment); equivalently a
    /// parallel cut never raises them. With arbitrary, unequal
    /// cuts it does not hold, legitimately: see <see cref="FloatingConventionTests"/> (a cut can create a straddled
    /// 31-day month, or raise the straddled month's regular principal while most of its days keep the old rate).
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Parallel_cut_never_raises_interest_or_payment_split_policy_equal_installment() =>
        ParallelCutSplit(RepaymentMethod.EqualInstallment);

    [Property(MaxTest = 300)]
    public Property Parallel_cut_never_raises_interest_or_payment_split_policy_equal_principal() =>
        ParallelCutSplit(RepaymentMethod.EqualPrincipal);

    private static Property ParallelCutSplit(RepaymentMethod m) =>
        Prop.ForAll(FloatingGen.AdjustFirst, c =>
        {
            c = Realistic(c with { Floor = null, Loan = c.Loan with { Method = m, RateChangeInterest = RateChangeInterest.SplitByActualDays } });
            c = c with { Loan = c.Loan with { RatePlan = c.Plan(c.Spread) } };
            FloatingCase high = ShiftedUp(c);
            Schedule lower = c.Loan.BuildSchedule();
            Schedule higher = high.Loan.BuildSchedule();
            Assert.True(lower.RateChanges.Select(r => r.EffectiveDate).SequenceEqual(higher.RateChanges.Select(r => r.EffectiveDate)), c.ToString());
            AssertNotHigher(lower, higher, high.ToString());
        });
}
