using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Tests.Rates;

/// <summary>The shipped history (RateTable.China) against the research notes, sections 2.1-2.3.</summary>
public sealed class ShippedTableTests
{
    private static readonly RateTable China = RateTable.China;

    private static decimal Pct(RateIndex index, int y, int m, int d) => China.FixingOn(index, new LocalDate(y, m, d)).Value.ToPercent();

    [Fact]
    public void AsOfIsTheLatestLprFixing()
    {
        Assert.Equal(new LocalDate(2026, 3, 20), China.AsOf);
        Assert.Equal(new LocalDate(2026, 3, 20), China.Fixings(RateIndex.Lpr5Y)[^1].EffectiveDate);
        Assert.Equal(new LocalDate(2026, 3, 20), China.Fixings(RateIndex.Lpr1Y)[^1].EffectiveDate);
    }

    [Fact]
    public void HasEveryBuiltInIndexAndEveryMonthlyLprFixing()
    {
        Assert.Equal(RateIndex.All, China.Indexes);

        // 2019-08 .. 2026-03: 80 monthly fixings of each tenor, one per month, in date order.
        foreach (RateIndex lpr in new[] { RateIndex.Lpr1Y, RateIndex.Lpr5Y })
        {
            IReadOnlyList<RateFixing> fixings = China.Fixings(lpr);
            Assert.Equal(80, fixings.Count);
            var month = new YearMonth(2019, 8);
            foreach (RateFixing f in fixings)
            {
                Assert.Equal(month, f.EffectiveDate.ToYearMonth());
                Assert.Equal(lpr, f.Index);
                Assert.False(string.IsNullOrWhiteSpace(f.Source));
                month = month.PlusMonths(1);
            }
        }
    }

    [Fact]
    public void FirstLpr5YFixing() => Assert.Equal(4.85m, Pct(RateIndex.Lpr5Y, 2019, 8, 20));

    [Fact]
    public void December2019Lpr5YIsTheConversionAnchor() => Assert.Equal(4.80m, Pct(RateIndex.Lpr5Y, 2019, 12, 31));

    [Fact]
    public void February2024CutTakesEffectOnThe20th()
    {
        Assert.Equal(4.20m, Pct(RateIndex.Lpr5Y, 2024, 2, 19));
        Assert.Equal(3.95m, Pct(RateIndex.Lpr5Y, 2024, 2, 20));
        Assert.Equal(new LocalDate(2024, 2, 20), China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 3, 1)).EffectiveDate);
    }

    [Fact]
    public void May2025Lpr5Y() => Assert.Equal(3.50m, Pct(RateIndex.Lpr5Y, 2025, 5, 20));

    [Theory]
    [InlineData(2019, 10, 21)]
    [InlineData(2021, 2, 20)]   // a Saturday make-up working day; one public list wrongly has 2021-02-22
    [InlineData(2026, 2, 24)]   // after the Spring Festival
    public void FixingDatesAreTheActualPublicationDates(int y, int m, int d)
    {
        var date = new LocalDate(y, m, d);
        RateFixing fixing = China.FixingOn(RateIndex.Lpr5Y, date);
        Assert.Equal(date, fixing.EffectiveDate);
        Assert.Equal(date, China.FixingOn(RateIndex.Lpr1Y, date).EffectiveDate);
    }

    [Fact]
    public void February2021FixingIsEffective20th()
    {
        Assert.Equal(new LocalDate(2021, 2, 20), China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2021, 2, 21)).EffectiveDate);
        Assert.Equal(new LocalDate(2021, 1, 20), China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2021, 2, 19)).EffectiveDate);
        Assert.DoesNotContain(China.Fixings(RateIndex.Lpr5Y), f => f.EffectiveDate == new LocalDate(2021, 2, 22));
        Assert.Contains("2021-02-20", China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2021, 2, 20)).Source, StringComparison.Ordinal);
    }

    /// <summary>Section 2.1's change points (publication date: 1Y / 5Y+).</summary>
    public static TheoryData<string, decimal, decimal> ChangePoints => new()
    {
        { "2019-08-20", 4.25m, 4.85m },
        { "2019-09-20", 4.20m, 4.85m },
        { "2019-11-20", 4.15m, 4.80m },
        { "2020-02-20", 4.05m, 4.75m },
        { "2020-04-20", 3.85m, 4.65m },
        { "2021-12-20", 3.80m, 4.65m },
        { "2022-01-20", 3.70m, 4.60m },
        { "2022-05-20", 3.70m, 4.45m },
        { "2022-08-22", 3.65m, 4.30m },
        { "2023-06-20", 3.55m, 4.20m },
        { "2023-08-21", 3.45m, 4.20m },
        { "2024-02-20", 3.45m, 3.95m },
        { "2024-07-22", 3.35m, 3.85m },
        { "2024-10-21", 3.10m, 3.60m },
        { "2025-05-20", 3.00m, 3.50m },
    };

    [Theory]
    [MemberData(nameof(ChangePoints))]
    public void EveryChangePointOfSection21(string date, decimal oneYear, decimal fiveYear)
    {
        LocalDate d = LocalDatePattern.Iso.Parse(date).Value;
        Assert.Equal(oneYear, China.FixingOn(RateIndex.Lpr1Y, d).Value.ToPercent());
        Assert.Equal(fiveYear, China.FixingOn(RateIndex.Lpr5Y, d).Value.ToPercent());
        Assert.Equal(d, China.FixingOn(RateIndex.Lpr5Y, d).EffectiveDate);

        // The day before, at least one tenor had a different value (or there was no LPR yet).
        LocalDate before = d.PlusDays(-1);
        if (China.TryGetFixingOn(RateIndex.Lpr1Y, before, out RateFixing old1) && China.TryGetFixingOn(RateIndex.Lpr5Y, before, out RateFixing old5))
        {
            Assert.True(old1.Value.ToPercent() != oneYear || old5.Value.ToPercent() != fiveYear);
        }
        else
        {
            Assert.Equal(new LocalDate(2019, 8, 20), d);
        }
    }

    [Fact]
    public void ChangePointsAreExactlySection21AndNothingChangedAfterMay2025()
    {
        var expected = ChangePoints.Select(row => ((string)row[0], (decimal)row[1], (decimal)row[2])).ToList();
        var actual = new List<(string, decimal, decimal)>();
        IReadOnlyList<RateFixing> one = China.Fixings(RateIndex.Lpr1Y);
        IReadOnlyList<RateFixing> five = China.Fixings(RateIndex.Lpr5Y);
        for (int i = 0; i < five.Count; i++)
        {
            Assert.Equal(one[i].EffectiveDate, five[i].EffectiveDate);
            if (i == 0 || one[i].Value != one[i - 1].Value || five[i].Value != five[i - 1].Value)
            {
                actual.Add((LocalDatePattern.Iso.Format(five[i].EffectiveDate), one[i].Value.ToPercent(), five[i].Value.ToPercent()));
            }
        }

        Assert.Equal(expected, actual);
        Assert.Equal(3.50m, Pct(RateIndex.Lpr5Y, 2026, 3, 20));
        Assert.Equal(3.00m, Pct(RateIndex.Lpr1Y, 2026, 3, 20));
    }

    [Fact]
    public void October2025IsNotTheWrongWebValue()
    {
        Assert.Equal(3.00m, Pct(RateIndex.Lpr1Y, 2025, 10, 20));
        Assert.Equal(3.50m, Pct(RateIndex.Lpr5Y, 2025, 10, 20));
    }

    [Fact]
    public void PbocBenchmarks()
    {
        Assert.Equal(4.90m, Pct(RateIndex.PbocBenchmark5Y, 2015, 10, 24));
        Assert.Equal(5.15m, Pct(RateIndex.PbocBenchmark5Y, 2015, 10, 23));
        Assert.Equal(4.35m, Pct(RateIndex.PbocBenchmark1Y, 2015, 10, 24));
        Assert.Equal(4.75m, Pct(RateIndex.PbocBenchmark1To5Y, 2015, 10, 24));
        Assert.Equal(4.90m, Pct(RateIndex.PbocBenchmark5Y, 2026, 3, 20));   // frozen since
        Assert.Equal(5.40m, Pct(RateIndex.PbocBenchmark5Y, 2015, 6, 28));
        Assert.Equal(5.25m, Pct(RateIndex.PbocBenchmark1To5Y, 2015, 6, 28));
        Assert.Equal(4.85m, Pct(RateIndex.PbocBenchmark1Y, 2015, 6, 28));
        Assert.Equal(6.55m, Pct(RateIndex.PbocBenchmark5Y, 2012, 7, 6));
        Assert.Equal(7.05m, Pct(RateIndex.PbocBenchmark5Y, 2011, 7, 7));
        Assert.Equal(6.15m, Pct(RateIndex.PbocBenchmark5Y, 2014, 11, 22));
        Assert.Contains("general knowledge", China.FixingOn(RateIndex.PbocBenchmark5Y, new LocalDate(2014, 11, 22)).Source, StringComparison.Ordinal);
        Assert.Contains("general knowledge", China.FixingOn(RateIndex.PbocBenchmark5Y, new LocalDate(2015, 8, 26)).Source, StringComparison.Ordinal);

        // 2011-07-07 gave two 1-5y rates (1-3y / 3-5y), so the 1-5y series starts in 2015.
        Assert.Equal(new LocalDate(2015, 6, 28), China.Fixings(RateIndex.PbocBenchmark1To5Y)[0].EffectiveDate);
    }

    [Fact]
    public void ProvidentFundRates()
    {
        Assert.Equal(2.60m, Pct(RateIndex.ProvidentFundFirstHomeOver5Y, 2025, 5, 8));
        Assert.Equal(2.85m, Pct(RateIndex.ProvidentFundFirstHomeOver5Y, 2025, 5, 7));
        Assert.Equal(2.10m, Pct(RateIndex.ProvidentFundFirstHomeUpTo5Y, 2025, 5, 8));
        Assert.Equal(2.525m, Pct(RateIndex.ProvidentFundSecondHomeUpTo5Y, 2025, 5, 8));
        Assert.Equal(3.075m, Pct(RateIndex.ProvidentFundSecondHomeOver5Y, 2025, 5, 8));
        Assert.Equal(3.25m, Pct(RateIndex.ProvidentFundFirstHomeOver5Y, 2022, 9, 30));
        Assert.Equal(3.10m, Pct(RateIndex.ProvidentFundFirstHomeOver5Y, 2022, 10, 1));
        Assert.Equal(3.575m, Pct(RateIndex.ProvidentFundSecondHomeOver5Y, 2022, 10, 1));
        Assert.Equal(4.25m, Pct(RateIndex.ProvidentFundFirstHomeOver5Y, 2014, 11, 22));
        Assert.Contains("confirmed", China.FixingOn(RateIndex.ProvidentFundFirstHomeOver5Y, new LocalDate(2025, 5, 8)).Source, StringComparison.Ordinal);
        Assert.Contains("inferred", China.FixingOn(RateIndex.ProvidentFundFirstHomeOver5Y, new LocalDate(2014, 11, 22)).Source, StringComparison.Ordinal);

        // Second-home rates are given from 2015-08-26 only.
        Assert.False(China.TryGetFixingOn(RateIndex.ProvidentFundSecondHomeOver5Y, new LocalDate(2015, 8, 25), out _));
    }

    [Fact]
    public void ShippedTableRoundTripsThroughCsv()
    {
        var text = new StringWriter();
        China.WriteCsv(text);
        RateTable again = RateTable.Parse(new StringReader(text.ToString()));
        Assert.Equal(China, again);
        Assert.Equal(China.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void ChinaIsOneInstance() => Assert.Same(RateTable.China, RateTable.China);
}
