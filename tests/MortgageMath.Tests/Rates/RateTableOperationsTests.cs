using NodaTime;

namespace MortgageMath.Tests.Rates;

/// <summary>WithFixing, AssumingUnchangedUntil and Merge return new tables and keep the as-of rule.</summary>
public sealed class RateTableOperationsTests
{
    private static readonly LocalDate AsOf = new(2026, 3, 20);

    [Fact]
    public void WithFixingAddsANewerFixingAndMovesAsOf()
    {
        var april = new LocalDate(2026, 4, 20);
        RateTable table = RateTable.China.WithFixing(RateIndex.Lpr5Y, april, Rate.Percent(3.45m));
        Assert.Equal(april, table.AsOf);
        RateFixing f = table.FixingOn(RateIndex.Lpr5Y, april);
        Assert.Throws<MissingRateFixingException>(() => table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 4, 21)));
        Assert.Equal(Rate.Percent(3.45m), f.Value);
        Assert.Equal("user", f.Source);
        Assert.Equal(april, f.EffectiveDate);
        Assert.Equal(Rate.Percent(3.50m), table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 4, 19)).Value);

        // Other indexes now answer up to the new as-of date too (the table says it is complete up to then).
        Assert.Equal(Rate.Percent(3.00m), table.FixingOn(RateIndex.Lpr1Y, april).Value);

        // The original is unchanged.
        Assert.Equal(AsOf, RateTable.China.AsOf);
        Assert.Equal(80, RateTable.China.Fixings(RateIndex.Lpr5Y).Count);
        Assert.Equal(81, table.Fixings(RateIndex.Lpr5Y).Count);
    }

    [Fact]
    public void WithFixingReplacesTheSameDateAndKeepsAsOf()
    {
        var date = new LocalDate(2024, 2, 20);
        RateTable table = RateTable.China.WithFixing(RateIndex.Lpr5Y, date, Rate.Percent(4.2m), "the wrong public list");
        Assert.Equal(AsOf, table.AsOf);
        Assert.Equal(80, table.Fixings(RateIndex.Lpr5Y).Count);
        RateFixing f = table.FixingOn(RateIndex.Lpr5Y, date);
        Assert.Equal(Rate.Percent(4.2m), f.Value);
        Assert.Equal("the wrong public list", f.Source);
    }

    [Fact]
    public void WithFixingOfACustomIndexInsertsInDateOrder()
    {
        RateIndex mine = RateIndex.Custom("my-base", "mine");
        RateTable table = RateTable.China
            .WithFixing(mine, new LocalDate(2025, 1, 1), Rate.Percent(3m))
            .WithFixing(mine, new LocalDate(2024, 1, 1), Rate.Percent(4m));
        Assert.Equal([new LocalDate(2024, 1, 1), new LocalDate(2025, 1, 1)], table.Fixings(mine).Select(f => f.EffectiveDate));
        Assert.Equal(Rate.Percent(4m), table.FixingOn(mine, new LocalDate(2024, 12, 31)).Value);
        Assert.Equal(mine, table.Indexes[^1]);
        Assert.Throws<ArgumentNullException>(() => RateTable.China.WithFixing(null!, AsOf, Rate.Zero));
        Assert.Throws<ArgumentNullException>(() => RateTable.China.WithFixing(mine, AsOf, Rate.Zero, null!));
    }

    [Fact]
    public void AssumingUnchangedUntilExtendsAsOfOnly()
    {
        var until = new LocalDate(2030, 12, 31);
        RateTable whatIf = RateTable.China.AssumingUnchangedUntil(until);
        Assert.Equal(until, whatIf.AsOf);
        RateFixing f = whatIf.FixingOn(RateIndex.Lpr5Y, until);
        Assert.Equal(Rate.Percent(3.50m), f.Value);
        Assert.Equal(AsOf, f.EffectiveDate);
        Assert.Throws<MissingRateFixingException>(() => whatIf.FixingOn(RateIndex.Lpr5Y, until.PlusDays(1)));
        Assert.Equal(RateTable.China.Fixings(RateIndex.Lpr5Y), whatIf.Fixings(RateIndex.Lpr5Y));
        Assert.Same(RateTable.China, RateTable.China.AssumingUnchangedUntil(AsOf));
        Assert.NotEqual(RateTable.China, whatIf);
    }

    [Fact]
    public void AssumingUnchangedUntilCannotShrinkTheTable()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RateTable.China.AssumingUnchangedUntil(new LocalDate(2025, 1, 1)));
        Assert.Equal("date", ex.ParamName);
        Assert.Contains("2026-03-20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeLetsTheOtherTableWinAndTakesTheLaterAsOf()
    {
        RateIndex mine = RateIndex.Custom("my-base", "mine");
        RateTable corrections = RateTable.Parse(new StringReader(
            "index,effective_date,rate_pct,source\n" +
            "lpr5y,2024-02-20,4.00,my correction\n" +
            "lpr5y,2026-04-20,3.40,my forecast\n" +
            "my-base,2020-01-01,5,mine\n"));
        RateTable merged = RateTable.China.Merge(corrections);
        Assert.Equal(new LocalDate(2026, 4, 20), merged.AsOf);
        Assert.Equal("my correction", merged.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20)).Source);
        Assert.Equal(Rate.Percent(4m), merged.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20)).Value);
        Assert.Equal(Rate.Percent(3.4m), merged.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20)).Value);
        Assert.Equal(Rate.Percent(5m), merged.FixingOn(mine, new LocalDate(2021, 1, 1)).Value);
        Assert.Equal(81, merged.Fixings(RateIndex.Lpr5Y).Count);
        Assert.Equal(80, merged.Fixings(RateIndex.Lpr1Y).Count);

        // The other way round, the shipped values win on shared dates; the as-of date is the same.
        RateTable reversed = corrections.Merge(RateTable.China);
        Assert.Equal(Rate.Percent(3.95m), reversed.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20)).Value);
        Assert.Equal(merged.AsOf, reversed.AsOf);

        // Merging an older table keeps the later as-of date.
        RateTable old = RateTable.Parse(new StringReader("index,effective_date,rate_pct,source\npboc-5y,2015-10-24,4.90,x\n"));
        Assert.Equal(AsOf, RateTable.China.Merge(old).AsOf);
        Assert.Equal("x", RateTable.China.Merge(old).FixingOn(RateIndex.PbocBenchmark5Y, AsOf).Source);
        Assert.Throws<ArgumentNullException>(() => RateTable.China.Merge(null!));
    }

    [Fact]
    public void EqualityAndToString()
    {
        RateTable a = RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.5m));
        RateTable b = RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.50m));
        Assert.Equal(a, b);
        Assert.NotEqual(a, RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.5m), "other source"));
        Assert.False(a.Equals(null));
        Assert.Matches(@"^rate table as of 2026-03-20: 9 indexes, \d+ fixings$", RateTable.China.ToString());
        Assert.Equal("lpr5y 2024-02-20 3.95%", RateTable.China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20)).ToString());
    }
}
