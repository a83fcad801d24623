using NodaTime;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of the Rates/ value types that survived a Stryker.NET "fast" run (2026-12-05, ten
/// Rates/ files, 84.43%; docs/testing.md, "Mutation testing"): Rate, Spread, RateMultiplier, RateIndex, RatePlan,
/// RateChange and MissingRateFixingException. Each test names the mutants it kills as File.cs:LINE:COL (line and
/// column of the source at commit 028af40) with the mutation. Expected values follow from the documented contracts:
/// exact rates and spreads, parse results, exception types with their ParamName and properties, and the English
/// messages (the tests run in en-US).
/// </summary>
public class RatesValueSurvivorTests
{
    private static readonly LocalDate Day = new(2024, 1, 1);

    // ---- MissingRateFixingException.cs ----

    /// <summary>
    /// Kills MissingRateFixingException.cs:20:75 (String mutation: the final "." of a message without a remedy
    /// becomes ""): a date before the index's first fixing has no remedy, so the message is the problem and a period.
    /// </summary>
    [Fact]
    public void A_missing_fixing_without_a_remedy_ends_its_message_with_a_period()
    {
        var ex = Assert.Throws<MissingRateFixingException>(() => RateTable.China.FixingOn(RateIndex.Lpr5Y, new LocalDate(2019, 1, 1)));
        Assert.Equal(MissingFixingReason.BeforeFirstFixing, ex.Reason);
        Assert.Equal(RateIndex.Lpr5Y, ex.Index);
        Assert.Equal(new LocalDate(2019, 1, 1), ex.Date);
        Assert.False(ex.Problem.EndsWith('.'));
        Assert.Equal(ex.Problem + ".", ex.Message);
        Assert.Equal(
            "No lpr5y fixing is known on or before 2019-01-01: the table's lpr5y fixings start at 2019-08-20.", ex.Message);
    }

    // ---- Rate.cs ----

    /// <summary>
    /// Kills Rate.cs:71:96 (String mutation: Fraction's unit "" becomes "Stryker was here!"), 95:74 (Conditional
    /// (true) and Equality unit.Length &gt;= 0: " in " written without a unit) and 95:108 (String mutation: the empty
    /// else-branch becomes "Stryker was here!"): a fraction has no unit, so its messages name none.
    /// </summary>
    [Fact]
    public void A_fraction_out_of_range_or_too_precise_names_no_unit()
    {
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Fraction(11m));
        Assert.Equal("fraction", range.ParamName);
        Assert.Equal(11m, range.ActualValue);
        Assert.StartsWith("A rate must be between -10 and 10; was 11.", range.Message, StringComparison.Ordinal);

        var places = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Fraction(0.12345678901234567m));
        Assert.Equal("fraction", places.ParamName);
        Assert.Equal(0.12345678901234567m, places.ActualValue);
        Assert.StartsWith("A rate may have at most 16 decimal places; was 0.12345678901234567.", places.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills Rate.cs:95:74 (Conditional (false) and Equality unit.Length &lt; 0: the unit left out) and 95:92 (String
    /// mutation: " in " becomes ""): a percent or basis-point value that is too precise names its unit.
    /// </summary>
    [Fact]
    public void A_too_precise_percent_or_basis_point_rate_names_its_unit()
    {
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Percent(0.000000000000001m));
        Assert.Equal("percent", percent.ParamName);
        Assert.StartsWith("A rate may have at most 14 decimal places in %; was 0.000000000000001%.", percent.Message, StringComparison.Ordinal);

        var bp = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.BasisPoints(0.0000000000001m));
        Assert.Equal("basisPoints", bp.ParamName);
        Assert.StartsWith("A rate may have at most 12 decimal places in bp; was 0.0000000000001bp.", bp.Message, StringComparison.Ordinal);

        var parsed = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Parse("0.000000000000001%"));
        Assert.Equal("text", parsed.ParamName);
        Assert.Equal("0.000000000000001%", parsed.ActualValue);
        Assert.StartsWith(
            "'0.000000000000001%' is not a usable rate: A rate may have at most 14 decimal places in %; was 0.000000000000001%.",
            parsed.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills Rate.cs:154:90 (Arithmetic mutation: number / 100m): a number without a unit is answered with the same
    /// value in percent and in basis points (4.9 → 4.9% or 490bp).
    /// </summary>
    [Fact]
    public void A_rate_without_a_unit_suggests_percent_and_basis_points()
    {
        var ex = Assert.Throws<FormatException>(() => Rate.Parse("4.9"));
        Assert.Equal("'4.9' has no unit; write 4.9% or 490bp.", ex.Message);
        Assert.False(Rate.TryParse("4.9", out Rate rate));
        Assert.Equal(Rate.Zero, rate);
    }

    // ---- RateChange.cs ----

    /// <summary>
    /// Kills RateChange.cs:62:39 (String mutation: the ", " between causes becomes ""), 76:105 ("converted to LPR"),
    /// 77:41 ("new fixed rate") and 77:92 ("spread change") becoming "": each cause has its text, and several causes
    /// are listed in the order of the list, separated by ", ".
    /// </summary>
    [Theory]
    [InlineData(RateChangeCauses.Disbursement, "at disbursement")]
    [InlineData(RateChangeCauses.PlanStep, "rate plan step")]
    [InlineData(RateChangeCauses.SwitchToFloating, "switched to floating")]
    [InlineData(RateChangeCauses.ConversionToLpr, "converted to LPR")]
    [InlineData(RateChangeCauses.NewFixedRate, "new fixed rate")]
    [InlineData(RateChangeCauses.SpreadChange, "spread change")]
    [InlineData(RateChangeCauses.Repricing, "repricing")]
    [InlineData(RateChangeCauses.Disbursement | RateChangeCauses.PlanStep, "at disbursement, rate plan step")]
    [InlineData(RateChangeCauses.ConversionToLpr | RateChangeCauses.SpreadChange | RateChangeCauses.Repricing,
        "converted to LPR, spread change, repricing")]
    public void A_rate_change_names_each_of_its_causes(RateChangeCauses causes, string text)
    {
        Assert.Equal(text + ": fixed 4.9%", new RateChange(Day, Rate.Percent(4.9m), causes).Reason);
        var floating = new RateChange(Day, Rate.Percent(3.85m), causes, RateIndex.Lpr5Y, Rate.Percent(3.95m), Spread.FromBasisPoints(-10m));
        Assert.Equal(text + ": lpr5y 3.95% -10bp", floating.Reason);
    }

    // ---- RateIndex.cs ----

    /// <summary>
    /// Kills RateIndex.cs:82:32 (Equality mutations BuiltInOrder(this) &lt; 0 and &gt; 0, not covered by the fast
    /// run): the first built-in index (order 0) and every other built-in one is built in, a custom one is not.
    /// </summary>
    [Fact]
    public void Built_in_indexes_are_built_in_and_custom_ones_are_not()
    {
        Assert.Same(RateIndex.Lpr1Y, RateIndex.All[0]);
        Assert.All(RateIndex.All, index => Assert.True(index.IsBuiltIn, index.Name));
        Assert.False(RateIndex.Custom("bank-base", "A bank's base rate").IsBuiltIn);
    }

    /// <summary>
    /// Kills RateIndex.cs:132:41 (String mutation: the blank-description message becomes ""): the exception names the
    /// parameter and says what is wrong.
    /// </summary>
    [Fact]
    public void A_custom_index_with_a_blank_description_is_refused_with_a_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => RateIndex.Custom("bank-base", "  "));
        Assert.Equal("description", ex.ParamName);
        Assert.StartsWith("A custom index needs a description saying what it is; it was blank.", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RateIndex.cs:149:51 (Equality mutation: &gt; '0') and 149:62 (Equality mutation: &lt; '9'): the digits 0
    /// and 9 are allowed in a custom index name, first or later.
    /// </summary>
    [Theory]
    [InlineData("bank0")]
    [InlineData("bank9")]
    [InlineData("0-base")]
    [InlineData("9-base")]
    [InlineData("rate-1090")]
    public void A_custom_index_name_may_hold_the_digits_0_and_9(string name)
    {
        RateIndex index = RateIndex.Custom(name, "A bank's base rate");
        Assert.Equal(name, index.Name);
        Assert.Null(RateIndex.ValidateName(name));
        Assert.Equal(index, RateIndex.Custom(name, "another description"));
    }

    /// <summary>
    /// Kills RateIndex.cs:177:13 (Equality mutation: l &gt; 0), 177:23 (r &gt; 0) and 179:21 (l &lt;= 0): the first
    /// built-in index (order 0) comes before the other built-in ones and before every custom index, even one whose
    /// name sorts first; custom indexes sort by name.
    /// </summary>
    [Fact]
    public void Display_order_puts_the_first_built_in_index_first()
    {
        RateIndex custom = RateIndex.Custom("aaa", "A custom index named to sort before every built-in name");
        RateIndex other = RateIndex.Custom("zzz", "Another custom index");
        Assert.True(RateIndex.CompareForDisplay(RateIndex.Lpr1Y, custom) < 0);
        Assert.True(RateIndex.CompareForDisplay(custom, RateIndex.Lpr1Y) > 0);
        Assert.True(RateIndex.CompareForDisplay(RateIndex.Lpr1Y, RateIndex.Lpr5Y) < 0);
        Assert.True(RateIndex.CompareForDisplay(RateIndex.Lpr5Y, RateIndex.Lpr1Y) > 0);
        Assert.Equal(0, RateIndex.CompareForDisplay(RateIndex.Lpr1Y, RateIndex.Lpr1Y));
        Assert.True(RateIndex.CompareForDisplay(custom, other) < 0);

        RateIndex[] indexes = [other, RateIndex.Lpr5Y, custom, RateIndex.Lpr1Y];
        Array.Sort(indexes, RateIndex.CompareForDisplay);
        Assert.Equal([RateIndex.Lpr1Y, RateIndex.Lpr5Y, custom, other], indexes);
    }

    // ---- RateMultiplier.cs ----

    /// <summary>
    /// Kills RateMultiplier.cs:60:9 (Statement mutation: Parse's ThrowIfNull(text) removed, so null would throw
    /// NullReferenceException when trimmed): null is an ArgumentNullException naming "text".
    /// </summary>
    [Fact]
    public void Parsing_a_null_multiplier_names_the_parameter()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => RateMultiplier.Parse(null!));
        Assert.Equal("text", ex.ParamName);
    }

    /// <summary>
    /// Kills RateMultiplier.cs:76:13 (Equality mutation: text is not null, so every text is refused) and 82:16
    /// (Boolean mutation: the success's true becomes false; not covered by the fast run): TryParse reads a valid
    /// multiplier, and refuses null, an out-of-range factor and a text that is not one.
    /// </summary>
    [Fact]
    public void TryParse_reads_a_multiplier_and_refuses_what_is_not_one()
    {
        Assert.True(RateMultiplier.TryParse("x1.1", out RateMultiplier up));
        Assert.Equal(1.1m, up.Factor);
        Assert.Equal(RateMultiplier.FromFactor(1.1m), up);
        Assert.True(RateMultiplier.TryParse(" ×0.9 ", out RateMultiplier down));
        Assert.Equal(0.9m, down.Factor);

        Assert.False(RateMultiplier.TryParse(null, out RateMultiplier none));
        Assert.Equal(RateMultiplier.One, none);
        Assert.False(RateMultiplier.TryParse("x11", out none));
        Assert.Equal(RateMultiplier.One, none);
        Assert.False(RateMultiplier.TryParse("1.1", out none));
        Assert.False(RateMultiplier.TryParse("x", out none));
    }

    // ---- RatePlan.cs ----

    /// <summary>
    /// Kills RatePlan.cs:78:9 and 79:9 (Floating), 100:9 and 101:9 (FloatingMultiple), 123:9 and 124:9 (Stepped):
    /// each ThrowIfNull removed would let a plan be built on a null index, repricing rule or step plan. Each is an
    /// ArgumentNullException naming its parameter.
    /// </summary>
    [Fact]
    public void Plans_refuse_null_parts_by_name()
    {
        RatePlan fixedPlan = RatePlan.Fixed(Rate.Percent(4.9m));
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(
            () => RatePlan.Floating(null!, Spread.Zero, RepricingRule.EveryJanuary1)).ParamName);
        Assert.Equal("repricing", Assert.Throws<ArgumentNullException>(
            () => RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, null!)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(
            () => RatePlan.FloatingMultiple(null!, RateMultiplier.One, RepricingRule.EveryJanuary1)).ParamName);
        Assert.Equal("repricing", Assert.Throws<ArgumentNullException>(
            () => RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.One, null!)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => RatePlan.Stepped(null!, 12, fixedPlan)).ParamName);
        Assert.Equal("then", Assert.Throws<ArgumentNullException>(() => RatePlan.Stepped(fixedPlan, 12, null!)).ParamName);
    }

    /// <summary>
    /// Kills RatePlan.cs:80:49 (Equality mutation: f &gt;= 100%, refusing a floor of exactly 100%) and 82:69 (String
    /// mutation: the floor's message becomes ""): a floor of 0% or 100% is allowed, one outside is refused by name,
    /// value and message.
    /// </summary>
    [Fact]
    public void A_floor_may_be_0_or_100_percent_and_nothing_outside()
    {
        RatePlan top = RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Rate.Percent(100m));
        Assert.Equal(Rate.Percent(100m), ((FloatingRatePlan)top).Floor);
        RatePlan bottom = RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Rate.Zero);
        Assert.Equal(Rate.Zero, ((FloatingRatePlan)bottom).Floor);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Rate.Percent(-1m)));
        Assert.Equal("floor", ex.ParamName);
        Assert.Equal(Rate.Percent(-1m), ex.ActualValue);
        Assert.StartsWith("A rate floor must be between 0% and 100%; was -1%.", ex.Message, StringComparison.Ordinal);

        var above = Assert.Throws<ArgumentOutOfRangeException>(
            () => RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1, Rate.Percent(100.01m)));
        Assert.Equal("floor", above.ParamName);
    }

    /// <summary>
    /// Kills RatePlan.cs:125:31 (Equality mutation: &gt;= Loan.MaxPeriods - 1, refusing 599 periods), 127:13
    /// (Statement mutation: the throw removed), 128:17 (String mutation: the message becomes "") and 128:51
    /// (Arithmetic mutation: Loan.MaxPeriods + 1 in the message); the last three were not covered by the fast run.
    /// </summary>
    [Fact]
    public void A_step_lasts_1_to_599_periods()
    {
        RatePlan a = RatePlan.Fixed(Rate.Percent(3m));
        RatePlan b = RatePlan.Fixed(Rate.Percent(4m));
        Assert.Equal(599, ((SteppedRatePlan)RatePlan.Stepped(a, 599, b)).Periods);
        Assert.Equal(1, ((SteppedRatePlan)RatePlan.Stepped(a, 1, b)).Periods);

        foreach (int periods in new[] { 0, 600 })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RatePlan.Stepped(a, periods, b));
            Assert.Equal("periods", ex.ParamName);
            Assert.Equal(periods, ex.ActualValue);
            Assert.StartsWith($"A step must last between 1 and 599 periods; was {periods}.", ex.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Kills RatePlan.cs:168:47 (Conditional (true) mutation: the spread always shown): a plan priced as a multiple
    /// of its index shows the multiplier, one priced as index + spread the spread.
    /// </summary>
    [Fact]
    public void A_multiple_plan_shows_its_multiplier_and_a_spread_plan_its_spread()
    {
        string? multiple = RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.FromFactor(1.1m), RepricingRule.EveryJanuary1).ToString();
        Assert.StartsWith(RateIndex.PbocBenchmark5Y.Name + " x1.1, repriced ", multiple, StringComparison.Ordinal);
        string? spread = RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1).ToString();
        Assert.StartsWith("lpr5y -30bp, repriced ", spread, StringComparison.Ordinal);
    }

    // ---- Spread.cs ----

    /// <summary>
    /// Kills Spread.cs:37:11 (String mutation: the range message becomes "") and 94:14 (Null coalescing mutation, left
    /// to right: the rate's own range check first): a spread beyond ±10000bp is refused with the spread's range, also
    /// when it is beyond a rate's ±100000bp too.
    /// </summary>
    [Fact]
    public void A_spread_out_of_range_is_refused_with_the_spread_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Spread.FromBasisPoints(10_001m));
        Assert.Equal("basisPoints", ex.ParamName);
        Assert.Equal(10_001m, ex.ActualValue);
        Assert.StartsWith("A spread must be between -10000bp and 10000bp; was 10001bp.", ex.Message, StringComparison.Ordinal);

        var parsed = Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Parse("100001bp"));
        Assert.Equal("text", parsed.ParamName);
        Assert.StartsWith("'100001bp' is not a usable spread: A spread must be between -10000bp and 10000bp; was 100001bp.",
            parsed.Message, StringComparison.Ordinal);
        Assert.False(Spread.TryParse("100001bp", out _));
    }

    /// <summary>
    /// Kills Spread.cs:94:14 (Null coalescing mutation, remove right: the precision check dropped): a spread in range
    /// with more than 12 decimal places in basis points is refused by TryParse (false, no exception) and by Parse as
    /// ArgumentOutOfRangeException on "text", not by FromBasisPoints' exception on "basisPoints".
    /// </summary>
    [Fact]
    public void A_too_precise_spread_text_is_refused_as_out_of_range_on_text()
    {
        Assert.False(Spread.TryParse("0.0000000000001bp", out Spread none));
        Assert.Equal(Spread.Zero, none);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Parse("0.0000000000001bp"));
        Assert.Equal("text", ex.ParamName);
        Assert.Equal("0.0000000000001bp", ex.ActualValue);
        Assert.StartsWith(
            "'0.0000000000001bp' is not a usable spread: A rate may have at most 12 decimal places in bp; was 0.0000000000001bp.",
            ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills Spread.cs:86:27 (String mutation: the not-a-number message becomes "") and 87:24 (Boolean mutation: that
    /// case returns true), both not covered by the fast run, and 89:27 (String mutation: the message of a text that
    /// is neither becomes ""): such texts are FormatExceptions saying what to write, and TryParse gives false.
    /// </summary>
    [Fact]
    public void A_spread_text_that_is_not_a_number_with_a_unit_is_a_format_error()
    {
        var notANumber = Assert.Throws<FormatException>(() => Spread.Parse("4,9bp"));
        Assert.Equal("'4,9bp' is not a spread: '4,9' is not a number; write e.g. -30bp or 0.1%.", notANumber.Message);
        Assert.False(Spread.TryParse("4,9bp", out Spread none));
        Assert.Equal(Spread.Zero, none);

        var neither = Assert.Throws<FormatException>(() => Spread.Parse("abc"));
        Assert.Equal("'abc' is not a spread; write a number with its unit, e.g. -30bp or 0.1%.", neither.Message);
        Assert.False(Spread.TryParse("abc", out none));
        Assert.Equal(Spread.Zero, none);
    }
}
