using System.Globalization;
using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of the Rates/ folder that survived Stryker.NET (run of 2026-12-05 on
/// Rates/RateTimeline.cs and Rates/RepricingRule.cs; docs/testing.md): how a loan's rate plan and rate events become
/// the dates on which its rate changes, and the repricing dates themselves. Each test names the mutants it kills
/// (file:line:column and the mutation). Expected dates follow from the repricing rules as documented; expected rates
/// are the fixings of the table each test builds, plus the spread; expected amounts are worked out in the test's
/// comment with exact arithmetic (Python fractions, then rounded half-up to the cent, the library's default).
/// </summary>
public class RatesSurvivorTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Rate Pct(decimal percent) => Rate.Percent(percent);

    /// <summary>A table of one index from (date, percent) pairs, complete up to <paramref name="asOf"/>.</summary>
    private static RateTable Table(RateIndex index, IEnumerable<(LocalDate Date, decimal Percent)> fixings, LocalDate asOf)
    {
        var csv = new StringBuilder("index,effective_date,rate_pct,source\n");
        foreach ((LocalDate date, decimal percent) in fixings)
        {
            csv.Append(index.Name).Append(',').Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
               .Append(percent.ToString(CultureInfo.InvariantCulture)).Append(",test\n");
        }

        return RateTable.Parse(new StringReader(csv.ToString()), asOf);
    }

    /// <summary>LPR 5Y fixings on the 20th of every month from 2021-12 to 2024-12: 4.00% + 0.01% per month, so every
    /// monthly repricing finds a new value.</summary>
    private static readonly RateTable Monthly = Table(RateIndex.Lpr5Y,
        Enumerable.Range(0, 37).Select(k => (D(2021, 12, 20).PlusMonths(k), 4.00m + (0.01m * k))), D(2030, 1, 1));

    private static Loan Floating(RatePlan plan, int periods = 24) =>
        new(100_000m, plan, periods, D(2022, 1, 10)) { Rates = Monthly };

    // ---- RateTimeline.cs: the public list of changes ----

    /// <summary>
    /// Kills RateTimeline.cs:163:17 and 164:17 (the two range checks of <c>RateChanges[index]</c> removed): below 0 the
    /// array access would throw IndexOutOfRangeException, and at Count a slot of the entry buffer beyond the
    /// recorded changes would be read (the buffer has room for more). Both must be ArgumentOutOfRangeException on
    /// "index".
    /// </summary>
    [Fact]
    public void RateChanges_refuses_an_index_outside_the_list_by_name()
    {
        Schedule s = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1)).BuildSchedule();
        IReadOnlyList<RateChange> changes = s.RateChanges;
        Assert.Equal(3, changes.Count); // 2022-01-10 (Dec-2021 fixing), 2023-01-01, 2024-01-01
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => changes[-1]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => changes[3]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => changes[4]).ParamName);
    }

    /// <summary>
    /// Kills RateTimeline.cs:478:17 (the entry buffer's growth: <c>_entries.Length * 2</c> → <c>/ 2</c>) and the
    /// growth condition: a 24-month loan repriced every month records 24 changes (the disbursement and 23
    /// repricings) where the buffer starts with room for 24/12 + 1 + 0 + 2 = 5. Expected: on each 10th from
    /// 2022-02-10 to 2023-12-10 the fixing of the 20th before it, 4.00% + 0.01% per month (2022-01-10: the
    /// 2021-12-20 fixing, 4.00%; 2023-12-10: the 2023-11-20 fixing, 4.23%).
    /// </summary>
    [Fact]
    public void Monthly_repricing_records_every_change_beyond_the_first_buffer()
    {
        Schedule s = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryMonths(1))).BuildSchedule();
        (LocalDate, Rate)[] expected = [.. Enumerable.Range(0, 24).Select(k => (D(2022, 1, 10).PlusMonths(k), Pct(4.00m + (0.01m * k))))];
        Assert.Equal(expected, s.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)));
        Assert.Equal(RateChangeCauses.Disbursement, s.RateChanges[0].Causes);
        Assert.All(s.RateChanges.Skip(1), c => Assert.Equal(RateChangeCauses.Repricing, c.Causes));

        // Each row's rate is the one set on its start date (the repricing falls on the previous due date).
        for (int k = 0; k < 24; k++)
        {
            Assert.Equal(Pct(4.00m + (0.01m * k)), s[k].AnnualRate);
            Assert.False(s[k].RateChanged);
        }
    }

    /// <summary>
    /// Kills RateTimeline.cs:172 (<c>multiplier == RateMultiplier.One ? null : multiplier</c>: its conditional and
    /// equality mutants): a floating loan with a spread reports no multiplier, one with a multiplier reports it.
    /// </summary>
    [Fact]
    public void A_change_reports_its_multiplier_only_when_there_is_one()
    {
        Schedule spread = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-20m), RepricingRule.EveryJanuary1)).BuildSchedule();
        Assert.All(spread.RateChanges, c => Assert.Null(c.Multiplier));
        Assert.All(spread.RateChanges, c => Assert.Equal(Spread.FromBasisPoints(-20m), c.Spread));

        RateMultiplier up = RateMultiplier.FromFactor(1.1m);
        Schedule multiple = Floating(RatePlan.FloatingMultiple(RateIndex.Lpr5Y, up, RepricingRule.EveryJanuary1)).BuildSchedule();
        Assert.All(multiple.RateChanges, c => Assert.Equal(up, c.Multiplier));
        // 4.00% × 1.1 = 4.4% at disbursement; 2023-01-01 reads 2022-12-20 (4.12%) × 1.1 = 4.532%; 2024-01-01 reads
        // 2023-12-20 (4.24%) × 1.1 = 4.664%.
        Assert.Equal([Pct(4.4m), Pct(4.532m), Pct(4.664m)], multiple.RateChanges.Select(c => c.AnnualRate));
    }

    /// <summary>
    /// Kills RateTimeline.cs:233 (<c>_eventDays[k] &lt;= disbursementDay || _eventDays[k] &gt;= _maturityDay</c>: the
    /// boundaries <c>&lt;</c>, <c>&gt;</c> and the <c>||</c> → <c>&amp;&amp;</c>): a rate event on the disbursement
    /// date or on the last due date is refused, naming the event; the day after disbursement and the day before the
    /// last due date are accepted.
    /// </summary>
    [Fact]
    public void A_rate_event_must_fall_strictly_between_disbursement_and_the_last_due_date()
    {
        Loan loan = new(100_000m, Pct(4.9m), 12, D(2022, 1, 10));
        foreach (LocalDate date in new[] { D(2022, 1, 10), D(2023, 1, 10) })
        {
            LoanEventException e = Assert.Throws<LoanEventException>(() => (loan with { Events = [RateEvent.FixedRate(date, Pct(3m))] }).BuildSchedule());
            Assert.Equal((0, date), (e.EventIndex, e.EventDate));
            Assert.Contains("A rate event must fall after disbursement (2022-01-10) and before the last due date (2023-01-10)", e.Message, StringComparison.Ordinal);
        }

        Schedule early = (loan with { Events = [RateEvent.FixedRate(D(2022, 1, 11), Pct(3m))] }).BuildSchedule();
        Assert.Equal([(D(2022, 1, 10), Pct(4.9m)), (D(2022, 1, 11), Pct(3m))], early.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)));
        Schedule late = (loan with { Events = [RateEvent.FixedRate(D(2023, 1, 9), Pct(3m))] }).BuildSchedule();
        Assert.Equal([(D(2022, 1, 10), Pct(4.9m)), (D(2023, 1, 9), Pct(3m))], late.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)));
    }

    /// <summary>
    /// Kills RateTimeline.cs:450 (<c>rate &lt; Rate.Zero || rate &gt; Rate.OneHundredPercent</c> → <c>&lt;=</c> /
    /// <c>&gt;=</c>): index + spread may be exactly 0% or exactly 100%; one basis point beyond is refused with the
    /// date, the rate and the terms.
    /// </summary>
    [Fact]
    public void Index_plus_spread_may_reach_exactly_0_and_100_percent()
    {
        // Disbursement 2022-01-10 reads the 2021-12-20 fixing, 4.00%; the first anniversary is the last due date.
        Schedule zero = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-400m), RepricingRule.EveryAnniversary), 12).BuildSchedule();
        Assert.Equal(Rate.Zero, zero.RateChanges[0].AnnualRate);
        Assert.Equal(0m, zero.TotalInterest);

        Schedule hundred = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(9_600m), RepricingRule.EveryAnniversary), 12).BuildSchedule();
        Assert.Equal(Pct(100m), hundred.RateChanges[0].AnnualRate);

        ArgumentException below = Assert.Throws<ArgumentException>(() =>
            Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-401m), RepricingRule.EveryAnniversary), 12).BuildSchedule());
        Assert.Equal("RatePlan", below.ParamName);
        Assert.StartsWith("On 2022-01-10 the rate would be -0.01% (lpr5y 4% -401bp), outside 0%..100%; check the spread or add a floor.", below.Message, StringComparison.Ordinal);
        ArgumentException above = Assert.Throws<ArgumentException>(() =>
            Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(9_601m), RepricingRule.EveryAnniversary), 12).BuildSchedule());
        Assert.StartsWith("On 2022-01-10 the rate would be 100.01% (lpr5y 4% +9601bp)", above.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RateTimeline.cs:91 (LastBefore's <c>_view[last + 1].Day &lt; untilDay</c> → <c>&lt;=</c>): a repricing on
    /// a due date (1 January, due day 1) starts the next period; the period ending that day is all at the old rate.
    /// 100,000 over 12 months from 2022-12-01 at LPR + 0: 2022-12-01 reads the 2022-11-20 fixing (4.11%), 2023-01-01
    /// the 2022-12-20 fixing (4.12%). Row 1 (due 2023-01-01): payment A* = 100,000·i/(1 − (1+i)^−12), i = 4.11%/12,
    /// = 8,520.0171 → 8,520.02; interest 100,000·i = 342.50; closing 91,822.48, one rate, no segments. Row 2 (due
    /// 2023-02-01): the level restarts at 4.12% over 11 periods, 91,822.48·j/(1 − (1+j)^−11), j = 4.12%/12, →
    /// 8,520.44; interest 91,822.48·j = 315.2573 → 315.26 (Python fractions, half-up).
    /// </summary>
    [Fact]
    public void A_repricing_on_a_due_date_starts_the_next_period()
    {
        Loan loan = new(100_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 12, D(2022, 12, 1)) { Rates = Monthly };
        Schedule s = loan.BuildSchedule();
        Assert.Equal([(D(2022, 12, 1), Pct(4.11m)), (D(2023, 1, 1), Pct(4.12m))], s.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)));

        Assert.Equal((D(2023, 1, 1), Pct(4.11m), false), (s[0].DueDate, s[0].AnnualRate, s[0].RateChanged));
        Assert.Equal((8_520.02m, 342.50m, 91_822.48m), (s[0].Payment, s[0].Interest, s[0].ClosingBalance));
        Assert.Equal((D(2023, 2, 1), Pct(4.12m), false), (s[1].DueDate, s[1].AnnualRate, s[1].RateChanged));
        Assert.Equal((8_520.44m, 315.26m), (s[1].Payment, s[1].Interest));
    }

    // ---- RepricingRule.cs: the next repricing date, strictly after the date given ----

    /// <summary>
    /// Kills RepricingRule.cs:180 (the anniversary loop's <c>candidate &lt;= after</c> → <c>&lt;</c>, → <c>&gt;</c>, negated):
    /// on an anniversary the next repricing is the following one (strictly after); 29 February falls on 28 February
    /// in other years (NodaTime's PlusYears), and the day before an anniversary gives that anniversary.
    /// </summary>
    [Fact]
    public void The_next_anniversary_is_strictly_after_the_date()
    {
        RepricingRule rule = RepricingRule.EveryAnniversary;
        Assert.Equal(D(2022, 5, 10), rule.NextAfter(D(2020, 5, 10), D(2021, 5, 10)));
        Assert.Equal(D(2021, 5, 10), rule.NextAfter(D(2020, 5, 10), D(2021, 5, 9)));
        Assert.Equal(D(2021, 5, 10), rule.NextAfter(D(2020, 5, 10), D(2020, 5, 10)));
        Assert.Equal(D(2023, 5, 10), rule.NextAfter(D(2020, 5, 10), D(2022, 12, 31)));
        Assert.Equal(D(2022, 2, 28), rule.NextAfter(D(2020, 2, 29), D(2021, 2, 28)));
        Assert.Equal(D(2024, 2, 29), rule.NextAfter(D(2020, 2, 29), D(2023, 3, 1)));
    }

    /// <summary>
    /// Kills RepricingRule.cs:210 (the months elapsed: <c>+ after.Month - start.Month</c> → <c>+ start.Month</c>, and
    /// <c>* 12</c> → <c>/ 12</c>), 211 (<c>Math.Max</c> → <c>Math.Min</c>, <c>- 1</c> → <c>+ 1</c>), 213
    /// (<c>candidate &lt;= after</c> → <c>&lt;</c>) and 215 (<c>++k * months</c> → <c>/</c>). The rule's promise: repricing
    /// falls on from + k × months, k ≥ 1 (PlusMonths keeps the day, or the month's last day), the first such date
    /// strictly after the date given. Each case is worked out by hand in its comment.
    /// </summary>
    [Fact]
    public void Every_months_gives_the_first_cycle_date_strictly_after_the_date()
    {
        // Quarterly from 2022-01-10: 04-10, 07-10, ... On 04-10 itself the next is 07-10.
        Assert.Equal(D(2022, 7, 10), RepricingRule.EveryMonths(3).NextAfter(D(2022, 1, 10), D(2022, 4, 10)));
        Assert.Equal(D(2022, 4, 10), RepricingRule.EveryMonths(3).NextAfter(D(2022, 1, 10), D(2022, 4, 9)));
        // Monthly from 2022-01-10, after 2022-07-05 (before the 10th): 2022-07-10, not 08-10.
        Assert.Equal(D(2022, 7, 10), RepricingRule.EveryMonths(1).NextAfter(D(2022, 1, 10), D(2022, 7, 5)));
        // Monthly from 2022-11-30, after 2025-01-15: 26 months on is 2025-01-30.
        Assert.Equal(D(2025, 1, 30), RepricingRule.EveryMonths(1).NextAfter(D(2022, 11, 30), D(2025, 1, 15)));
        // Half-yearly from 2022-01-31: 07-31, 2023-01-31, 2023-07-31; after 2023-02-01 it is 2023-07-31.
        Assert.Equal(D(2023, 7, 31), RepricingRule.EveryMonths(6).NextAfter(D(2022, 1, 31), D(2023, 2, 1)));
        // A cycle starting after the date: its first repricing is from + 1 cycle (k ≥ 1), even when from is later.
        Assert.Equal(D(2024, 2, 15), RepricingRule.EveryMonths(1, D(2024, 1, 15)).NextAfter(D(2022, 3, 10), D(2022, 12, 10)));
        Assert.Equal(D(2024, 7, 15), RepricingRule.EveryMonths(6, D(2024, 1, 15)).NextAfter(D(2022, 3, 10), D(2022, 3, 10)));
    }

    /// <summary>
    /// Kills RateTimeline.cs:67–85 (IndexAt, the binary search for the entry in force on a day: <c>lo + hi + 1</c> →
    /// <c>lo + hi - 1</c>, <c>lo + hi</c> → <c>lo - hi</c>, <c>{ lo = mid; }</c> removed, <c>mid - 1</c> → <c>mid + 1</c>):
    /// a prepayment on the 24-entry monthly timeline must read the rate in force on its own date. 100,000 over 24
    /// months from 2022-01-10, repriced monthly (4.00% + 0.01% a month, each on a due date: the level restarts at
    /// every period); 10,000 prepaid on 2022-07-15 (lower payment). Rows 1–6, exactly: closing 75,748.31 (each row
    /// the annuity of the balance at 4.00%..4.05% over 24..19 periods, half-up). The prepayment row: rate 4.06% (the
    /// 2022-07-10 repricing), interest 75,748.31 × 4.06% × 5/360 = 42.7136 → 42.71 (Actual/360, accrued on the
    /// balance, the defaults). Row 7 (due 2022-08-10): 65,748.31 × 4.06% × 26/360 = 192.7887 → 192.79.
    /// </summary>
    [Fact]
    public void A_prepayment_reads_the_rate_in_force_on_its_date_from_a_long_timeline()
    {
        Loan loan = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryMonths(1))) with
        {
            Events = [Prepayment.Partial(D(2022, 7, 15), 10_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(24, s.RateChanges.Count);
        Assert.Equal(75_748.31m, s[5].ClosingBalance);
        Installment prepayment = s[6];
        Assert.Equal((InstallmentKind.Prepayment, D(2022, 7, 15), Pct(4.06m)), (prepayment.Kind, prepayment.DueDate, prepayment.AnnualRate));
        Assert.Equal((10_000m, 42.71m), (prepayment.Principal, prepayment.Interest));
        Installment row7 = s[7];
        Assert.Equal((D(2022, 8, 10), Pct(4.06m), 65_748.31m, 192.79m), (row7.DueDate, row7.AnnualRate, row7.OpeningBalance, row7.Interest));
    }

    /// <summary>
    /// Kills RateTimeline.cs:303:21 (<c>causes |= Apply(…)</c> → <c>^=</c>): two spread changes on one day are one
    /// change of rate caused by a spread change (the second spread wins: events of a day apply in list order), not
    /// a change with no cause. LPR 4.00% (2021-12-20 fixing) − 10bp, then − 20bp, on 2022-03-15: 3.80%.
    /// </summary>
    [Fact]
    public void Two_spread_changes_on_one_day_are_one_change_caused_by_a_spread_change()
    {
        Loan loan = Floating(RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 12) with
        {
            Events = [RateEvent.SpreadChange(D(2022, 3, 15), Spread.FromBasisPoints(-10m)), RateEvent.SpreadChange(D(2022, 3, 15), Spread.FromBasisPoints(-20m))],
        };
        RateChange change = loan.BuildSchedule().RateChanges[1];
        Assert.Equal((D(2022, 3, 15), Pct(3.80m), RateChangeCauses.SpreadChange), (change.EffectiveDate, change.AnnualRate, change.Causes));
        Assert.Equal(Spread.FromBasisPoints(-20m), change.Spread);
    }

    // ---- second pass: the survivors of the same run that the first tests left ----

    /// <summary>
    /// Kills RateTimeline.cs:298:21 (<c>causes |= RateChangeCauses.PlanStep</c> → <c>&amp;=</c>, → <c>^=</c>): a plan
    /// step is recorded as a plan step, also when two phases start on the same due date (a stepped plan nested in
    /// another, both stepping after 12 periods: the rate goes from 3% straight to the last phase's 5%).
    /// </summary>
    [Fact]
    public void A_plan_step_is_recorded_as_one_even_when_two_phases_start_together()
    {
        Loan plain = new(100_000m, RatePlan.Stepped(RatePlan.Fixed(Pct(3m)), 12, RatePlan.Fixed(Pct(5m))), 24, D(2022, 1, 10));
        Loan nested = plain with { RatePlan = RatePlan.Stepped(RatePlan.Stepped(RatePlan.Fixed(Pct(3m)), 12, RatePlan.Fixed(Pct(4m))), 12, RatePlan.Fixed(Pct(5m))) };
        foreach (Loan loan in new[] { plain, nested })
        {
            Assert.Equal(
                [(D(2022, 1, 10), Pct(3m), RateChangeCauses.Disbursement), (D(2023, 1, 10), Pct(5m), RateChangeCauses.PlanStep)],
                loan.BuildSchedule().RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate, c.Causes)));
        }
    }

    /// <summary>
    /// Kills RateTimeline.cs:374:31 (<c>floating.Spread ?? Spread.Zero</c> → <c>Spread.Zero</c>) and 378:21 (the switch's
    /// <c>Reprice</c> removed): a switch to floating takes its own spread and prices at once. A 4.9% fixed loan
    /// switches on 2022-06-15 to LPR + 50bp (January-1 repricing): the 2022-05-20 fixing 4.05% + 0.50% = 4.55%; on
    /// 2023-01-01 the 2022-12-20 fixing 4.12% + 0.50% = 4.62%; on 2024-01-01 the 2023-12-20 fixing, 4.74%.
    /// </summary>
    [Fact]
    public void A_switch_to_floating_prices_at_once_with_its_own_spread()
    {
        Loan loan = new(100_000m, Pct(4.9m), 24, D(2022, 1, 10))
        {
            Rates = Monthly,
            Events = [RateEvent.SwitchToFloating(D(2022, 6, 15), RateIndex.Lpr5Y, Spread.FromBasisPoints(50m), RepricingRule.EveryJanuary1)],
        };
        IReadOnlyList<RateChange> changes = loan.BuildSchedule().RateChanges;
        Assert.Equal(
            [(D(2022, 1, 10), Pct(4.9m), RateChangeCauses.Disbursement), (D(2022, 6, 15), Pct(4.55m), RateChangeCauses.SwitchToFloating), (D(2023, 1, 1), Pct(4.62m), RateChangeCauses.Repricing),
             (D(2024, 1, 1), Pct(4.74m), RateChangeCauses.Repricing)],
            changes.Select(c => (c.EffectiveDate, c.AnnualRate, c.Causes)));
        Assert.Equal((Pct(4.05m), Spread.FromBasisPoints(50m)), (changes[1].IndexValue, changes[1].Spread));
    }

    /// <summary>
    /// Kills RateTimeline.cs:414:17 (<c>_series is not null</c> → <c>is null</c>: an index the table does not have
    /// would walk a missing series): the loan fails with the table's named error for an unknown index.
    /// </summary>
    [Fact]
    public void A_floating_loan_on_an_index_the_table_lacks_fails_by_name()
    {
        MissingRateFixingException e = Assert.Throws<MissingRateFixingException>(() =>
            Floating(RatePlan.Floating(RateIndex.Lpr1Y, Spread.Zero, RepricingRule.EveryJanuary1)).BuildSchedule());
        Assert.Equal((RateIndex.Lpr1Y, D(2022, 1, 10), MissingFixingReason.UnknownIndex), (e.Index, e.Date, e.Reason));
    }

    /// <summary>
    /// Kills RateTimeline.cs:422:24 (<c>_nextFixingDay &lt;= day</c> → <c>&lt;</c>): a fixing effective on the repricing
    /// day itself is the one in force. Disbursed 2022-01-20, repriced monthly, fixings on the 20th: each repricing
    /// reads that day's fixing (2022-01-20: 4.01%, 02-20: 4.02%, … 06-20: 4.06%; the last due date, 07-20, is not repriced).
    /// </summary>
    [Fact]
    public void A_repricing_reads_a_fixing_effective_that_same_day()
    {
        Loan loan = new(100_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryMonths(1)), 6, D(2022, 1, 20)) { Rates = Monthly };
        Assert.Equal(
            [.. Enumerable.Range(0, 6).Select(k => (D(2022, 1, 20).PlusMonths(k), Pct(4.01m + (0.01m * k))))],
            loan.BuildSchedule().RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate)));
    }

    /// <summary>
    /// Kills RateTimeline.cs:453:92 (the message's <c>_multiplier == RateMultiplier.One ? spread : multiplier</c>: its
    /// two conditional mutants and <c>!=</c>): a rate beyond 100% from a multiplier names the multiplier. 12% × 10 = 120%.
    /// </summary>
    [Fact]
    public void A_multiplied_rate_beyond_100_percent_is_refused_naming_the_multiplier()
    {
        RateTable high = Table(RateIndex.Lpr5Y, [(D(2021, 12, 20), 12m)], D(2030, 1, 1));
        Loan loan = new(100_000m, RatePlan.FloatingMultiple(RateIndex.Lpr5Y, RateMultiplier.FromFactor(10m), RepricingRule.EveryAnniversary), 12, D(2022, 1, 10)) { Rates = high };
        ArgumentException e = Assert.Throws<ArgumentException>(() => loan.BuildSchedule());
        Assert.StartsWith("On 2022-01-10 the rate would be 120% (lpr5y 12% x10), outside 0%..100%; check the spread or add a floor.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RepricingRule.cs:42:17 (the cycle's message → $""), 45:96 ("The start of a repricing cycle" → ""), 57:61
    /// and 58:47 (NextAfter's "The disbursement date" / "The date to look after" → ""): each refusal names the value,
    /// the parameter and the range.
    /// </summary>
    [Fact]
    public void Repricing_rule_refusals_name_the_parameter_value_and_range()
    {
        var months = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryMonths(121));
        Assert.Equal(("months", (object)121), (months.ParamName, months.ActualValue));
        Assert.StartsWith("A repricing cycle must be between 1 and 120 months; was 121.", months.Message, StringComparison.Ordinal);

        var from = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryMonths(6, D(1899, 12, 31)));
        Assert.Equal("from", from.ParamName);
        Assert.StartsWith("The start of a repricing cycle must be in the years 1900 to 2300 (every date a loan can reach lies in them); was 1899-12-31.", from.Message, StringComparison.Ordinal);

        var disbursement = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryJanuary1.NextAfter(D(1899, 12, 31), D(2022, 1, 1)));
        Assert.Equal("disbursement", disbursement.ParamName);
        Assert.StartsWith("The disbursement date must be in the years 1900 to 2300", disbursement.Message, StringComparison.Ordinal);
        var after = Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.EveryJanuary1.NextAfter(D(2022, 1, 1), D(2301, 1, 1)));
        Assert.Equal("after", after.ParamName);
        Assert.StartsWith("The date to look after must be in the years 1900 to 2300 (every date a loan can reach lies in them); was 2301-01-01.", after.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RepricingRule.cs:107:13 (the no-values check of january-1 and anniversary removed: "january-1(3)" would be
    /// read as january-1), 113:74 and 113:97 (the "needs" and example texts of every-months), 114:50 and 115:75 (the
    /// names of its two values in their errors), 120:13 and 120:135 (the list of rules): each text in full.
    /// </summary>
    [Fact]
    public void Repricing_rule_parse_errors_say_what_to_write()
    {
        AssertFormat("january-1(3)", "'january-1(3)' is not a repricing rule: january-1 takes no values; write january-1.");
        AssertFormat("anniversary()", null);
        AssertFormat("every-months", "'every-months' is not a repricing rule: every-months needs the cycle in months, e.g. every-months(6, 2024-01-15).");
        AssertFormat("every-months(1, 2024-01-15, 3)", "'every-months(1, 2024-01-15, 3)' is not a repricing rule: every-months takes 1 or 2 values, e.g. every-months(6, 2024-01-15); was given 3.");
        AssertFormat("every-months(x)", "'every-months(x)' is not a repricing rule: 'x' is not a whole number (the cycle in months).");
        AssertFormat("every-months(6, soon)", "'every-months(6, soon)' is not a repricing rule: 'soon' is not a date yyyy-MM-dd (the first date of the cycle).");
        AssertFormat("weekly", "'weekly' is not a repricing rule: write january-1, anniversary or every-months(N[, yyyy-MM-dd]).");

        static void AssertFormat(string text, string? message)
        {
            FormatException e = Assert.Throws<FormatException>(() => RepricingRule.Parse(text));
            if (message is not null)
            {
                Assert.Equal(message, e.Message);
            }

            Assert.False(RepricingRule.TryParse(text, out _));
        }
    }

    /// <summary>
    /// Kills RepricingRule.cs:178:25 (the anniversary's first guess <c>Math.Max(1, …)</c> → <c>Math.Min</c>): asked
    /// after a date before disbursement, the next repricing is still the first anniversary, never a date before the
    /// loan (2020-05-10 for a loan of 2022-05-10 would be one).
    /// </summary>
    [Fact]
    public void The_next_anniversary_of_a_date_before_disbursement_is_the_first_one()
    {
        Assert.Equal(D(2023, 5, 10), RepricingRule.EveryAnniversary.NextAfter(D(2022, 5, 10), D(2020, 1, 1)));
    }

    /// <summary>
    /// Kills RepricingRule.cs:190:49 and 226:78 (the descriptions "every anniversary of disbursement" and "…from
    /// disbursement" → ""): a floating plan describes its repricing in words.
    /// </summary>
    [Fact]
    public void A_floating_plan_describes_its_repricing_rule()
    {
        Assert.Equal("lpr5y +0bp, repriced every anniversary of disbursement",
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryAnniversary).ToString());
        Assert.Equal("lpr5y +0bp, repriced every 6 months from disbursement",
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryMonths(6)).ToString());
        Assert.Equal("lpr5y -30bp, repriced every 3 months from 2024-01-15, floor 3%",
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryMonths(3, D(2024, 1, 15)), Pct(3m)).ToString());
    }
}
