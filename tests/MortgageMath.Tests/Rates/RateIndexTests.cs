namespace MortgageMath.Tests.Rates;

public sealed class RateIndexTests
{
    [Fact]
    public void BuiltInNamesAreStable()
    {
        Assert.Equal(
            ["lpr1y", "lpr5y", "pboc-1y", "pboc-1to5y", "pboc-5y", "pf-first-le5y", "pf-first-gt5y", "pf-second-le5y", "pf-second-gt5y"],
            RateIndex.All.Select(i => i.Name));
        Assert.Equal("lpr5y", RateIndex.Lpr5Y.ToString());
        Assert.Same(RateIndex.Lpr5Y, RateIndex.All[1]);
        Assert.Same(RateIndex.ProvidentFundSecondHomeOver5Y, RateIndex.All[^1]);
    }

    [Fact]
    public void DescriptionsHaveEnglishAndChinese()
    {
        foreach (RateIndex index in RateIndex.All)
        {
            Assert.Matches("[A-Za-z]", index.Description);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", index.Description);
        }
    }

    [Theory]
    [InlineData("lpr5y")]
    [InlineData("LPR5Y")]
    [InlineData(" Lpr5Y ")]
    public void TryParseIgnoresCase(string name)
    {
        Assert.True(RateIndex.TryParse(name, out RateIndex? index));
        Assert.Same(RateIndex.Lpr5Y, index);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lpr")]
    [InlineData("my-index")]
    public void TryParseRejectsOtherNames(string? name)
    {
        Assert.False(RateIndex.TryParse(name, out RateIndex? index));
        Assert.Null(index);
    }

    [Fact]
    public void EveryBuiltInParses()
    {
        foreach (RateIndex index in RateIndex.All)
        {
            Assert.True(RateIndex.TryParse(index.Name.ToUpperInvariant(), out RateIndex? parsed));
            Assert.Same(index, parsed);
        }
    }

    [Fact]
    public void CustomIndexesAreEqualByName()
    {
        RateIndex a = RateIndex.Custom("hibor-1m", "1-month HIBOR");
        RateIndex b = RateIndex.Custom("hibor-1m", "HIBOR, one month");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, RateIndex.Lpr5Y);
        Assert.Equal("hibor-1m", a.ToString());
        Assert.Equal("1-month HIBOR", a.Description);
        Assert.False(RateIndex.TryParse("hibor-1m", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("My-Index")]
    [InlineData("my index")]
    [InlineData("my_index")]
    [InlineData("-leading")]
    [InlineData("lpr5y%")]
    public void CustomRejectsBadNames(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => RateIndex.Custom(name, "x"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("lowercase letters (a-z), digits and '-'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomRejectsTooLongNamesBuiltInNamesAndBlankDescriptions()
    {
        Assert.Throws<ArgumentException>(() => RateIndex.Custom(new string('a', 65), "x"));
        Assert.Equal(64, RateIndex.Custom(new string('a', 64), "x").Name.Length);
        var builtIn = Assert.Throws<ArgumentException>(() => RateIndex.Custom("lpr5y", "mine"));
        Assert.Contains("built-in", builtIn.Message, StringComparison.Ordinal);
        var blank = Assert.Throws<ArgumentException>(() => RateIndex.Custom("mine", " "));
        Assert.Equal("description", blank.ParamName);
        Assert.Throws<ArgumentNullException>(() => RateIndex.Custom(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => RateIndex.Custom("mine", null!));
    }
}
