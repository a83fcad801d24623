using NodaTime;

namespace MortgageMath.Tests.Rates;

/// <summary>A table never answers for a date it does not cover, and says why.</summary>
public sealed class MissingFixingTests
{
    [Fact]
    public void BeforeTheFirstFixing()
    {
        var date = new LocalDate(2019, 1, 1);
        var ex = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr5Y, date));
        Assert.Equal(RateIndex.Lpr5Y, ex.Index);
        Assert.Equal(date, ex.Date);
        Assert.Equal("No lpr5y fixing is known on or before 2019-01-01: the table's lpr5y fixings start at 2019-08-20.", ex.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.False(RateTable.China.TryGetFixingOn(RateIndex.Lpr5Y, date, out RateFixing none));
        Assert.Equal(default, none);
    }

    [Fact]
    public void TheDayBeforeTheFirstFixing() =>
        Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr1Y, new LocalDate(2019, 8, 19)));

    [Fact]
    public void AfterAsOfIsAnErrorNotTheLastKnownFixing()
    {
        var date = new LocalDate(2027, 1, 1);
        var ex = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr5Y, date));
        Assert.Equal(RateIndex.Lpr5Y, ex.Index);
        Assert.Equal(date, ex.Date);
        Assert.StartsWith("No lpr5y fixing is known for 2027-01-01: the rate table is as of 2026-03-20;", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RateTable.WithFixing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RateTable.Load", ex.Message, StringComparison.Ordinal);

        // The day after AsOf already fails; AsOf itself works.
        Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 3, 21)));
        Assert.Equal(3.50m, RateTable.China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 3, 20)).Value.ToPercent());

        // Frozen indexes are not exempt: the table does not know about later dates at all.
        Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.PbocBenchmark5Y, new LocalDate(2026, 3, 21)));
    }

    [Fact]
    public void UnknownIndex()
    {
        RateIndex mine = RateIndex.Custom("my-bank-base", "My bank's base rate");
        var date = new LocalDate(2024, 6, 1);
        var ex = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(mine, date));
        Assert.Equal(mine, ex.Index);
        Assert.Equal(date, ex.Date);
        Assert.Contains("my-bank-base", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-06-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lpr5y", ex.Message, StringComparison.Ordinal);   // lists what the table does have
        Assert.Empty(RateTable.China.Fixings(mine));
    }

    [Fact]
    public void NullIndexIsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => RateTable.China.FixingOn(null!, new LocalDate(2024, 1, 1)));
        Assert.Throws<ArgumentNullException>(() => RateTable.China.Fixings(null!));
    }
}
