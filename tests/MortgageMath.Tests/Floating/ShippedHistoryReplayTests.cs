using NodaTime;
using static MortgageMath.Tests.Floating.FloatingSupport;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// Real loans replayed through the shipped LPR / benchmark / provident-fund history (<see cref="RateTable.China"/>,
/// as of 2026-03-20), china-mortgage-conventions.md §1 (mechanics) and §2 (history).
/// </summary>
public sealed class ShippedHistoryReplayTests
{
    private static readonly LocalDate Disbursed = D(2019, 11, 15);

    private static Loan Lpr50(params LoanEvent[] events) =>
        new(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Bp(50m), RepricingRule.EveryJanuary1), 240, Disbursed)
        {
            Rates = RateTable.China.AssumingUnchangedUntil(D(2039, 11, 15)),
            Events = events,
        };

    [Fact]
    public void Lpr_plus_50bp_from_2019_repriced_every_1_January()
    {
        Schedule s = Lpr50().BuildSchedule();
        Assert.Equal(
            [
                (Disbursed, 5.35m),           // 2019-10-21 fixing 4.85 + 0.50
                (D(2020, 1, 1), 5.30m),       // Dec-2019 4.80
                (D(2021, 1, 1), 5.15m),       // Dec-2020 4.65
                // 2022-01-01: Dec-2021 still 4.65, no change
                (D(2023, 1, 1), 4.80m),       // Dec-2022 4.30
                (D(2024, 1, 1), 4.70m),       // Dec-2023 4.20
                (D(2025, 1, 1), 4.10m),       // Dec-2024 3.60
                (D(2026, 1, 1), 4.00m),       // Dec-2025 3.50, then assumed unchanged
            ],
            Changes(s));
        Assert.All(s.RateChanges, c => Assert.Equal(Bp(50m), c.Spread));
        Assert.Equal(Pct(4.85m), s.RateChanges[0].IndexValue);
        Assert.Equal(Pct(4.80m), s.RateChanges[1].IndexValue);
        Assert.Equal(RateChangeCauses.Repricing, s.RateChanges[1].Causes);
        Assert.Equal("repricing: lpr5y 4.8% +50bp", s.RateChanges[1].Reason);

        // The rows due on the 15th of January straddle the repricing: 17 days old rate, 14 days new (2021).
        Installment jan2021 = Row(s, D(2021, 1, 15));
        Assert.Equal(
            [new RateSegment(D(2020, 12, 15), D(2021, 1, 1), Pct(5.30m)), new RateSegment(D(2021, 1, 1), D(2021, 1, 15), Pct(5.15m))],
            jan2021.RateSegments);
        Assert.False(Row(s, D(2022, 1, 15)).RateChanged);
        Assert.Equal(6, s.Count(r => r.RateChanged));
        AssertWellFormed(s, "LPR+50");
    }

    [Fact]
    public void Without_a_projection_the_2027_repricing_has_no_fixing()
    {
        Loan loan = Lpr50() with { Rates = RateTable.China };
        var ex = Assert.Throws<MissingRateFixingException>(() => loan.BuildSchedule());
        Assert.Equal(RateIndex.Lpr5Y, ex.Index);
        Assert.Equal(D(2027, 1, 1), ex.Date);
        Assert.Contains("lpr5y", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2027-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AssumingUnchangedUntil", ex.Message, StringComparison.Ordinal);

        // A loan that matures before 2027-01-01 needs no projection.
        Schedule shortLoan = (loan with { Periods = 84 }).BuildSchedule(); // matures 2026-11-15
        Assert.Equal(D(2026, 1, 1), shortLoan.RateChanges[^1].EffectiveDate);
    }

    /// <summary>§1.8: the 2024-10-25 batch move to LPR − 30bp keeps the index fixed at the last repricing (4.20).</summary>
    [Fact]
    public void Spread_change_to_minus_30bp_keeps_the_repriced_index()
    {
        Schedule s = Lpr50(RateEvent.SpreadChange(D(2024, 10, 25), Bp(-30m))).BuildSchedule();
        Assert.Equal(
            [
                (Disbursed, 5.35m), (D(2020, 1, 1), 5.30m), (D(2021, 1, 1), 5.15m), (D(2023, 1, 1), 4.80m), (D(2024, 1, 1), 4.70m),
                (D(2024, 10, 25), 3.90m),     // 4.20 (fixed on 2024-01-01) − 0.30, not the then-current 3.60 − 0.30
                (D(2025, 1, 1), 3.30m),       // Dec-2024 3.60 − 0.30
                (D(2026, 1, 1), 3.20m),       // Dec-2025 3.50 − 0.30
            ],
            Changes(s));
        RateChange spread = s.RateChanges[5];
        Assert.Equal(RateChangeCauses.SpreadChange, spread.Causes);
        Assert.Equal(Pct(4.20m), spread.IndexValue);
        Assert.Equal(Bp(-30m), spread.Spread);

        Installment nov = Row(s, D(2024, 11, 15));
        Assert.Equal(
            [new RateSegment(D(2024, 10, 15), D(2024, 10, 25), Pct(4.70m)), new RateSegment(D(2024, 10, 25), D(2024, 11, 15), Pct(3.90m))],
            nov.RateSegments);
        AssertWellFormed(s, "LPR-30");
    }

    /// <summary>§1.5: a 4.90% benchmark loan converted on 2020-03-01 becomes LPR + 10bp, unchanged until 2021-01-01.</summary>
    [Fact]
    public void Benchmark_loan_converted_to_lpr_keeps_its_rate_until_the_next_repricing()
    {
        var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.PbocBenchmark5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, D(2018, 6, 5))
        {
            Rates = RateTable.China.AssumingUnchangedUntil(D(2048, 6, 5)),
            Events = [RateEvent.ConvertToLpr(D(2020, 3, 1), RepricingRule.EveryJanuary1)],
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(
            [
                (D(2018, 6, 5), 4.90m),
                (D(2020, 3, 1), 4.90m),       // the conversion itself: listed, rate unchanged
                (D(2021, 1, 1), 4.75m),       // Dec-2020 4.65 + 0.10
                (D(2023, 1, 1), 4.40m),
                (D(2024, 1, 1), 4.30m),
                (D(2025, 1, 1), 3.70m),
                (D(2026, 1, 1), 3.60m),
            ],
            Changes(s));
        Assert.Equal(RateIndex.PbocBenchmark5Y, s.RateChanges[0].Index);
        Assert.Equal(RateChangeCauses.ConversionToLpr, s.RateChanges[1].Causes);
        Assert.Equal(RateIndex.Lpr5Y, s.RateChanges[1].Index);
        Assert.Equal(Pct(4.80m), s.RateChanges[1].IndexValue); // the Dec-2019 reference fixing
        Assert.Equal(Bp(10m), s.RateChanges[1].Spread);
        Assert.Equal(RateIndex.Lpr5Y, s.RateChanges[2].Index);
        Assert.Equal(Bp(10m), s.RateChanges[2].Spread);
        Assert.Equal(Pct(4.65m), s.RateChanges[2].IndexValue);

        // Between the conversion and 2021-01-01 every row is charged 4.90%, with no split.
        Assert.All(s.Where(r => r.DueDate > D(2020, 3, 1) && r.DueDate <= D(2021, 1, 1)), r =>
        {
            Assert.Equal(Pct(4.90m), r.AnnualRate);
            Assert.False(r.RateChanged);
        });
        AssertWellFormed(s, "converted");
    }

    /// <summary>The schedule's rate changes are built when read: indexing, enumerating and the bounds agree.</summary>
    [Fact]
    public void Rate_changes_read_by_index_and_by_enumeration_are_the_same_and_bounded()
    {
        var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.PbocBenchmark5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, D(2018, 6, 5))
        {
            Rates = RateTable.China.AssumingUnchangedUntil(D(2048, 6, 5)),
            Events = [RateEvent.ConvertToLpr(D(2020, 3, 1), RepricingRule.EveryJanuary1), RateEvent.SpreadChange(D(2024, 10, 31), Bp(-30m))],
        };
        IReadOnlyList<RateChange> changes = loan.BuildSchedule().RateChanges;
        Assert.Equal(changes.Count, changes.Count());
        Assert.Equal(Enumerable.Range(0, changes.Count).Select(k => changes[k]), changes);
        Assert.Equal(Bp(10m), changes.Single(c => c.EffectiveDate == D(2024, 1, 1)).Spread); // terms before the change
        RateChange cut = changes.Single(c => c.EffectiveDate == D(2024, 10, 31));
        Assert.Equal(RateChangeCauses.SpreadChange, cut.Causes);
        Assert.Equal(Bp(-30m), cut.Spread);
        Assert.Equal(Pct(3.90m), cut.AnnualRate); // the index value fixed on 2024-01-01 (4.20) kept: 4.20 − 0.30
        Assert.Throws<ArgumentOutOfRangeException>(() => changes[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => changes[changes.Count]);
    }

    /// <summary>§1.5 worked spreads: 4.165% (8.5折) → LPR − 63.5bp, a half basis point.</summary>
    [Theory]
    [InlineData(4.165, -63.5, 4.015)]
    [InlineData(4.41, -39, 4.26)]
    [InlineData(3.43, -137, 3.28)]
    [InlineData(5.39, 59, 5.24)]
    [InlineData(5.88, 108, 5.73)]
    public void Converted_spread_is_old_rate_minus_december_2019_lpr(double oldPercent, double spreadBp, double percent2021)
    {
        var loan = new Loan(500_000m, Pct((decimal)oldPercent), 96, D(2017, 9, 8)) // matures 2025-09-08, within the table
        {
            Events = [RateEvent.ConvertToLpr(D(2020, 5, 1), RepricingRule.EveryJanuary1)],
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(
            [(D(2017, 9, 8), (decimal)oldPercent), (D(2020, 5, 1), (decimal)oldPercent), (D(2021, 1, 1), (decimal)percent2021)],
            Changes(s)[..3]);
        Assert.Equal(RateChangeCauses.ConversionToLpr, s.RateChanges[1].Causes);
        Assert.Equal(Bp((decimal)spreadBp), s.RateChanges[1].Spread);
        Assert.Equal((decimal)spreadBp, s.RateChanges[2].Spread!.Value.BasisPoints);
    }

    /// <summary>§2.3: existing provident-fund loans move to a cut on the next 1 January.</summary>
    [Fact]
    public void Provident_fund_loan_follows_official_cuts_on_the_next_1_January()
    {
        var loan = new Loan(1_000_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 240, D(2024, 1, 10))
        {
            Rates = RateTable.China.AssumingUnchangedUntil(D(2044, 1, 10)),
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal([(D(2024, 1, 10), 3.10m), (D(2025, 1, 1), 2.85m), (D(2026, 1, 1), 2.60m)], Changes(s));
        Assert.Equal(Quote(1_000_000m, 3.10m, 240), s.First.Payment); // PMT(1,000,000, 3.10%/12, 240)

        Installment jan2025 = Row(s, D(2025, 1, 10));
        Assert.Equal(
            [new RateSegment(D(2024, 12, 10), D(2025, 1, 1), Pct(3.10m)), new RateSegment(D(2025, 1, 1), D(2025, 1, 10), Pct(2.85m))],
            jan2025.RateSegments);

        // The same as Floating(index, 0bp, EveryJanuary1), row for row.
        Schedule floating = (loan with
        {
            RatePlan = RatePlan.Floating(RateIndex.ProvidentFundFirstHomeOver5Y, Spread.Zero, RepricingRule.EveryJanuary1),
        }).BuildSchedule();
        Assert.Equal(floating.ToArray(), s.ToArray());
        AssertWellFormed(s, "provident fund");
    }

    private static decimal Quote(decimal principal, decimal percent, int months) =>
        new Loan(principal, Pct(percent), months, D(2024, 1, 1)).Quote().Payment;

    /// <summary>§1.3: anniversary repricing uses the fixing on or before each anniversary.</summary>
    [Fact]
    public void Anniversary_repricing()
    {
        var loan = new Loan(800_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryAnniversary), 72, D(2020, 3, 15));
        Schedule s = loan.BuildSchedule();
        Assert.Equal(
            [
                (D(2020, 3, 15), 4.75m), (D(2021, 3, 15), 4.65m), (D(2022, 3, 15), 4.60m), (D(2023, 3, 15), 4.30m),
                (D(2024, 3, 15), 3.95m), (D(2025, 3, 15), 3.60m),
            ],
            Changes(s));

        // Repricing falls on a due date, so no period is split; the new payment starts that day.
        Assert.DoesNotContain(s, r => r.RateChanged);
        Assert.Equal(Pct(4.65m), Row(s, D(2021, 4, 15)).AnnualRate);
        Assert.Equal(Pct(4.75m), Row(s, D(2021, 3, 15)).AnnualRate);
        AssertWellFormed(s, "anniversary");
    }

    [Fact]
    public void Quarterly_repricing_from_disbursement()
    {
        var loan = new Loan(300_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryMonths(3)), 24, D(2024, 1, 10))
        {
            RepaymentDay = 25,
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(
            [(D(2024, 1, 10), 4.20m), (D(2024, 4, 10), 3.95m), (D(2024, 10, 10), 3.85m), (D(2025, 1, 10), 3.60m), (D(2025, 7, 10), 3.50m)],
            Changes(s));
        Assert.Equal(4, s.Count(r => r.RateChanged));
        AssertWellFormed(s, "quarterly");
    }

    [Fact]
    public void Repricing_rules_next_dates()
    {
        LocalDate leap = D(2024, 2, 29);
        Assert.Equal(D(2025, 2, 28), RepricingRule.EveryAnniversary.NextAfter(leap, leap));
        Assert.Equal(D(2026, 2, 28), RepricingRule.EveryAnniversary.NextAfter(leap, D(2025, 2, 28)));
        Assert.Equal(D(2028, 2, 29), RepricingRule.EveryAnniversary.NextAfter(leap, D(2027, 12, 31)));
        Assert.Equal(D(2025, 1, 1), RepricingRule.EveryJanuary1.NextAfter(leap, D(2024, 12, 31)));
        Assert.Equal(D(2026, 1, 1), RepricingRule.EveryJanuary1.NextAfter(leap, D(2025, 1, 1)));

        // Counted from the start, not chained: 31 Jan → 29 Feb → 31 Mar.
        RepricingRule monthly = RepricingRule.EveryMonths(1, D(2024, 1, 31));
        Assert.Equal(D(2024, 2, 29), monthly.NextAfter(D(2024, 1, 31), D(2024, 1, 31)));
        Assert.Equal(D(2024, 3, 31), monthly.NextAfter(D(2024, 1, 31), D(2024, 2, 29)));
        RepricingRule halfYear = RepricingRule.EveryMonths(6, D(2024, 1, 1));
        Assert.Equal(D(2024, 7, 1), halfYear.NextAfter(D(2024, 3, 10), D(2024, 3, 10)));
        Assert.Equal(D(2030, 1, 1), halfYear.NextAfter(D(2024, 3, 10), D(2029, 12, 31)));
        Assert.Equal(D(2034, 1, 1), RepricingRule.EveryMonths(120).NextAfter(D(2024, 1, 1), D(2024, 1, 1)));
    }

    [Fact]
    public void Floor_applies_when_index_plus_spread_is_below_it()
    {
        RatePlan plan = RatePlan.Floating(RateIndex.Lpr5Y, Bp(-100m), RepricingRule.EveryJanuary1, floor: Pct(3.0m));
        Schedule s = new Loan(100_000m, plan, 6, D(2025, 6, 1)).BuildSchedule();
        Assert.Equal([(D(2025, 6, 1), 3.00m)], Changes(s));
        Assert.Equal(Pct(3.0m), s.RateChanges[0].Floor);
        Assert.Equal(Pct(3.50m), s.RateChanges[0].IndexValue);
        Assert.Equal(Pct(3.0m), s.First.AnnualRate);

        // A floor below index + spread does nothing: 3.50 − 0.30 = 3.20 > 3.00.
        RatePlan notBinding = RatePlan.Floating(RateIndex.Lpr5Y, Bp(-30m), RepricingRule.EveryJanuary1, floor: Pct(3.0m));
        Assert.Equal(Pct(3.20m), new Loan(100_000m, notBinding, 6, D(2025, 6, 1)).BuildSchedule().First.AnnualRate);
    }
}
