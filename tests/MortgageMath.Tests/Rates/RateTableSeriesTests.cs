using NodaTime;

namespace MortgageMath.Tests.Rates;

/// <summary>WithSeries and WithSeriesOf replace an index's whole series (no interleaving), and a missing fixing says
/// what is missing as data.</summary>
public sealed class RateTableSeriesTests
{
    private static readonly LocalDate AsOf = new(2026, 3, 20);

    [Fact]
    public void WithSeriesReplacesTheWholeSeriesOfOneIndex()
    {
        RateFixing[] mine =
        [
            new(RateIndex.Lpr5Y, new LocalDate(2025, 6, 20), Rate.Percent(3.2m), "mine"),
            new(RateIndex.Lpr5Y, new LocalDate(2020, 1, 20), Rate.Percent(4.8m), "mine"),
        ];
        RateTable table = RateTable.China.WithSeries(RateIndex.Lpr5Y, mine);
        Assert.Equal([mine[1], mine[0]], table.Fixings(RateIndex.Lpr5Y));
        Assert.Equal(Rate.Percent(4.8m), table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2025, 6, 19)).Value);
        Assert.Equal(RateTable.China.Fixings(RateIndex.Lpr1Y), table.Fixings(RateIndex.Lpr1Y));
        Assert.Equal(AsOf, table.AsOf);
        Assert.Equal(80, RateTable.China.Fixings(RateIndex.Lpr5Y).Count);

        // A later fixing moves the as-of date; an empty series removes the index.
        var later = new RateFixing(RateIndex.Lpr5Y, new LocalDate(2026, 5, 20), Rate.Percent(3m), "mine");
        Assert.Equal(later.EffectiveDate, RateTable.China.WithSeries(RateIndex.Lpr5Y, [later]).AsOf);
        RateTable without = RateTable.China.WithSeries(RateIndex.Lpr5Y, []);
        Assert.DoesNotContain(RateIndex.Lpr5Y, without.Indexes);
        Assert.Equal(RateTable.China.Indexes.Count - 1, without.Indexes.Count);
    }

    [Fact]
    public void WithSeriesRejectsAnotherIndexOrTwoFixingsOnOneDate()
    {
        var date = new LocalDate(2025, 6, 20);
        Assert.Throws<ArgumentException>(() =>
            RateTable.China.WithSeries(RateIndex.Lpr5Y, [new RateFixing(RateIndex.Lpr1Y, date, Rate.Percent(3m), "x")]));
        var e = Assert.Throws<ArgumentException>(() => RateTable.China.WithSeries(RateIndex.Lpr5Y,
            [new RateFixing(RateIndex.Lpr5Y, date, Rate.Percent(3m), "x"), new RateFixing(RateIndex.Lpr5Y, date, Rate.Percent(3.1m), "x")]));
        Assert.Equal("fixings", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => RateTable.China.WithSeries(RateIndex.Lpr5Y, null!));
    }

    [Fact]
    public void WithSeriesOfReplacesEveryIndexTheOtherTableHas()
    {
        RateTable mine = RateTable.Parse(new StringReader(
            "index,effective_date,rate_pct,source\nlpr5y,2024-01-22,4.00,mine\nlpr5y,2026-04-20,3.40,mine\nmy-index,2024-01-01,2.00,mine\n"));
        RateTable table = RateTable.China.WithSeriesOf(mine);
        Assert.Equal(mine.Fixings(RateIndex.Lpr5Y), table.Fixings(RateIndex.Lpr5Y));
        Assert.Equal(RateTable.China.Fixings(RateIndex.Lpr1Y), table.Fixings(RateIndex.Lpr1Y));
        Assert.Equal(new LocalDate(2026, 4, 20), table.AsOf);
        Assert.Equal(RateTable.China.Indexes.Count + 1, table.Indexes.Count);

        // The same as replacing each series in turn, at the later as-of date.
        RateTable each = RateTable.China;
        foreach (RateIndex index in mine.Indexes)
        {
            each = each.WithSeries(index, mine.Fixings(index));
        }

        Assert.Equal(each, table);
        Assert.Equal(RateTable.China, RateTable.China.WithSeriesOf(RateTable.China));
    }

    [Fact]
    public void AMissingFixingSaysWhyAndWhatIsMissingWithoutTheRemedy()
    {
        var after = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 3, 21)));
        Assert.Equal(MissingFixingReason.AfterAsOf, after.Reason);
        Assert.Equal("No lpr5y fixing is known for 2026-03-21: the rate table is as of 2026-03-20", after.Problem);
        Assert.StartsWith(after.Problem + "; ", after.Message, StringComparison.Ordinal);

        var before = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr1Y, new LocalDate(2019, 8, 19)));
        Assert.Equal(MissingFixingReason.BeforeFirstFixing, before.Reason);
        Assert.Equal(before.Problem + ".", before.Message);

        RateTable empty = RateTable.China.WithSeries(RateIndex.Lpr5Y, []);
        var unknown = Assert.Throws<MissingRateFixingException>(() => empty.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 1, 1)));
        Assert.Equal(MissingFixingReason.UnknownIndex, unknown.Reason);
        Assert.Equal(RateIndex.Lpr5Y, unknown.Index);
        Assert.StartsWith("No lpr5y fixing is known for 2024-01-01: the rate table has no lpr5y fixings (it has: ", unknown.Problem, StringComparison.Ordinal);
    }
}
