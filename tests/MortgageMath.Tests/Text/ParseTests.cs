using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Text;

/// <summary>What the library formats it also parses: every value's <c>ToString()</c> reads back as an equal value.</summary>
public class ParseTests
{
    // ---- round trips, for every value

    [Property(MaxTest = 2000)]
    public Property Rate_round_trips_through_percent_and_basis_points() =>
        Prop.ForAll(Arb.From(TextGen.Rates), rate =>
        {
            Assert.Equal(rate, Rate.Parse(rate.ToString()));
            Assert.Equal(rate, Rate.Parse(rate.ToBasisPoints().ToString(CultureInfo.InvariantCulture) + "bp"));
            Assert.True(Rate.TryParse(rate.ToString(), out Rate parsed) && parsed == rate);
        });

    [Property(MaxTest = 2000)]
    public Property Spread_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.Spreads), spread =>
        {
            Assert.Equal(spread, Spread.Parse(spread.ToString()));
            Assert.Equal(spread, Spread.Parse(spread.AsRate.ToString()));
            Assert.True(Spread.TryParse(spread.ToString(), out Spread parsed) && parsed == spread);
        });

    [Property(MaxTest = 1000)]
    public Property Percentage_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.Percentages), percentage =>
        {
            Assert.Equal(percentage, Percentage.Parse(percentage.ToString()));
            Assert.True(Percentage.TryParse(percentage.ToString(), out Percentage parsed) && parsed == percentage);
        });

    [Property(MaxTest = 2000)]
    public Property Repayment_method_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.Methods), method =>
        {
            string text = method.ToString();
            RepaymentMethod parsed = RepaymentMethod.Parse(text);
            Assert.Equal(method, parsed);
            Assert.Equal(text, parsed.ToString());
            Assert.True(RepaymentMethod.TryParse(text, out RepaymentMethod tried) && tried == method);
            Assert.StartsWith(method.Name, text, StringComparison.Ordinal);
        });

    [Property(MaxTest = 1000)]
    public Property Prepayment_option_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.Options), option =>
        {
            Assert.Equal(option, PrepaymentOption.Parse(option.ToString()));
            Assert.True(PrepaymentOption.TryParse(option.ToString(), out PrepaymentOption? tried) && tried == option);
        });

    [Property(MaxTest = 1000)]
    public Property Repricing_rule_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.RepricingRules), rule =>
        {
            Assert.Equal(rule, RepricingRule.Parse(rule.ToString()));
            Assert.True(RepricingRule.TryParse(rule.ToString(), out RepricingRule? tried) && tried == rule);
        });

    [Property(MaxTest = 2000)]
    public Property Prepayment_penalty_round_trips() =>
        Prop.ForAll(Arb.From(TextGen.Penalties()), penalty =>
        {
            string text = penalty.ToString();
            PrepaymentPenalty parsed = PrepaymentPenalty.Parse(text);
            Assert.Equal(penalty, parsed);
            Assert.Equal(text, parsed.ToString());
            Assert.True(PrepaymentPenalty.TryParse(text, out PrepaymentPenalty? tried) && tried == penalty);
        });

    // ---- the canonical forms

    [Theory]
    [InlineData("4.9%", 4.9)]
    [InlineData("490bp", 4.9)]
    [InlineData("490BP", 4.9)]
    [InlineData("  4.9%\t", 4.9)]
    [InlineData("4.9 %", 4.9)]
    [InlineData("490 bp", 4.9)]
    [InlineData("+4.9%", 4.9)]
    [InlineData("-63.5bp", -0.635)]
    [InlineData("0%", 0)]
    [InlineData("-0bp", 0)]
    [InlineData(".5%", 0.5)]
    [InlineData("4.90000%", 4.9)]
    [InlineData("1000%", 1000)]
    [InlineData("-100000bp", -1000)]
    [InlineData("0.00000000000001%", 0.00000000000001)]
    public void Rate_reads_percent_and_basis_points(string text, double percent)
    {
        Assert.Equal(Rate.Percent((decimal)percent), Rate.Parse(text));
        Assert.True(Rate.TryParse(text, out Rate rate));
        Assert.Equal(Rate.Percent((decimal)percent), rate);
    }

    [Fact]
    public void Rate_writes_what_it_reads()
    {
        Assert.Equal("4.9%", Rate.Parse("490bp").ToString());
        Assert.Equal("-0.635%", Rate.Parse("-63.5bp").ToString());
        Assert.Equal("0%", Rate.Zero.ToString());
        Assert.Equal(Rate.Percent(4.9m), Rate.Parse(Rate.Percent(4.9m).ToString()));
    }

    [Theory]
    [InlineData("4.9", "no unit")]
    [InlineData("490", "no unit")]
    [InlineData("", "not a rate")]
    [InlineData("   ", "not a rate")]
    [InlineData("%", "not a number")]
    [InlineData("bp", "not a number")]
    [InlineData("4,9%", "not a number")]
    [InlineData("4.9%%", "not a number")]
    [InlineData("1e2%", "not a number")]
    [InlineData("- 4.9%", "not a number")]
    [InlineData("4 .9%", "not a number")]
    [InlineData("1,000bp", "not a number")]
    [InlineData("(4.9%)", "not a rate")]
    [InlineData("4.9 percent", "not a rate")]
    [InlineData("4.9pc", "not a rate")]
    [InlineData("0x10%", "not a number")]
    public void Rate_refuses_text_that_is_not_a_rate_with_a_format_exception_quoting_it(string text, string why)
    {
        FormatException e = Assert.Throws<FormatException>(() => Rate.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.False(Rate.TryParse(text, out Rate rate));
        Assert.Equal(default, rate);
    }

    [Theory]
    [InlineData("1000.01%")]
    [InlineData("-100001bp")]
    [InlineData("0.000000000000001%")]
    [InlineData("0.0000000000001bp")]
    public void Rate_refuses_a_number_out_of_range_naming_the_input(string text)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Parse(text));
        Assert.Equal("text", e.ParamName);
        Assert.Equal(text, e.ActualValue);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.False(Rate.TryParse(text, out _));
    }

    [Fact]
    public void Null_text_is_an_argument_null_exception_for_Parse_and_false_for_TryParse()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Rate.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Spread.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Percentage.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => RepaymentMethod.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => PrepaymentOption.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => RepricingRule.Parse(null!)).ParamName);
        Assert.False(Rate.TryParse(null, out _));
        Assert.False(Spread.TryParse(null, out _));
        Assert.False(Percentage.TryParse(null, out _));
        Assert.False(RepaymentMethod.TryParse(null, out RepaymentMethod method));
        Assert.Same(RepaymentMethod.EqualInstallment, method); // never null, as before
        Assert.False(PrepaymentOption.TryParse(null, out _));
        Assert.False(PrepaymentPenalty.TryParse(null, out _));
        Assert.False(RepricingRule.TryParse(null, out _));
    }

    [Fact]
    public void Parsing_ignores_the_current_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(Rate.Percent(4.9m), Rate.Parse("4.9%"));
            Assert.Throws<FormatException>(() => Rate.Parse("4,9%"));
            Assert.Equal("4.9%", Rate.Percent(4.9m).ToString());
            Assert.Equal(Spread.FromBasisPoints(-63.5m), Spread.Parse("-63.5bp"));
            Assert.Equal("interest-first(24, equal-principal, 0.5)", RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal, 0.5m).ToString());
            Assert.Equal(RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal, 0.5m), RepaymentMethod.Parse("interest-first(24, equal-principal, 0.5)"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("-30bp", -30)]
    [InlineData("+10bp", 10)]
    [InlineData("+0bp", 0)]
    [InlineData("0bp", 0)]
    [InlineData("-63.5bp", -63.5)]
    [InlineData("0.1%", 10)]
    [InlineData(" -30 BP ", -30)]
    public void Spread_reads_basis_points_and_percent(string text, double basisPoints)
    {
        Assert.Equal(Spread.FromBasisPoints((decimal)basisPoints), Spread.Parse(text));
        Assert.True(Spread.TryParse(text, out Spread spread));
        Assert.Equal((decimal)basisPoints, spread.BasisPoints);
    }

    [Fact]
    public void Spread_refuses_a_bare_number_and_a_spread_out_of_range()
    {
        FormatException bare = Assert.Throws<FormatException>(() => Spread.Parse("30"));
        Assert.Contains("'30' has no unit; write 30bp or 0.3%", bare.Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException range = Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Parse("10001bp"));
        Assert.Equal("text", range.ParamName);
        Assert.Contains("'10001bp'", range.Message, StringComparison.Ordinal);
        Assert.False(Spread.TryParse("10001bp", out _));
        Assert.False(Spread.TryParse("-30", out _));
    }

    [Fact]
    public void Percentage_reads_percent_only_within_0_to_100()
    {
        Assert.Equal(Percentage.Percent(3m), Percentage.Parse("3%"));
        Assert.Equal(Percentage.Percent(2.5m), Percentage.Parse(" 2.5 % "));
        Assert.Equal("3%", Percentage.Parse("3.00%").ToString());
        Assert.Contains("no unit", Assert.Throws<FormatException>(() => Percentage.Parse("3")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Percentage.Parse("300bp"));
        Assert.Equal("text", Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.Parse("101%")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.Parse("-1%")).ParamName);
    }

    [Theory]
    [InlineData("equal-installment")]
    [InlineData("equal-principal")]
    [InlineData("balloon(240)")]
    [InlineData("interest-first(24)")]
    [InlineData("interest-first(24, equal-principal)")]
    [InlineData("interest-first(24, equal-installment, 1)")]
    [InlineData("interest-first(0, equal-principal, 0.50)")]
    public void Repayment_methods_write_their_canonical_text(string text)
    {
        Assert.Equal(text, RepaymentMethod.Parse(text).ToString());
    }

    [Fact]
    public void Repayment_method_text_is_read_leniently_and_written_canonically()
    {
        Assert.Same(RepaymentMethod.EqualPrincipal, RepaymentMethod.Parse(" Equal-Principal "));
        Assert.Equal(RepaymentMethod.Balloon(240), RepaymentMethod.Parse("BALLOON ( 240 )"));
        Assert.Equal(RepaymentMethod.InterestFirst(24), RepaymentMethod.Parse("interest-first(24,equal-installment,0)"));
        Assert.Equal("interest-first(24)", RepaymentMethod.Parse("interest-first(24, equal-installment, 0.00)").ToString());
        Assert.Equal("interest-first(24, equal-installment, 1)", RepaymentMethod.InterestFirst(24, minimumPrincipal: 1m).ToString());
        Assert.Equal("balloon", RepaymentMethod.Balloon(240).Name);
        Assert.Equal("interest-first", RepaymentMethod.InterestFirst(24).Name);
    }

    [Theory]
    [InlineData("balloon", "needs its amortization term")]
    [InlineData("balloon()", "needs its amortization term")]
    [InlineData("balloon(x)", "'x' is not a whole number")]
    [InlineData("balloon(240, 1)", "takes 1 value")]
    [InlineData("interest-first", "needs")]
    [InlineData("interest-first(24, balloon(240))", "equal-installment or equal-principal")]
    [InlineData("interest-first(24, equal-principal, one)", "'one' is not an amount")]
    [InlineData("interest-first(24, equal-principal, 1, 2)", "takes 1 to 3 values")]
    [InlineData("equal-principal(1)", "takes no values")]
    [InlineData("annuity", "not a repayment method")]
    [InlineData("balloon(240", "')' is missing")]
    [InlineData("balloon(240))", "unexpected ')'")]
    [InlineData("balloon 240", "not a repayment method")]
    [InlineData("", "not a repayment method")]
    public void Repayment_method_refuses_malformed_text(string text, string why)
    {
        FormatException e = Assert.Throws<FormatException>(() => RepaymentMethod.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.False(RepaymentMethod.TryParse(text, out _));
    }

    [Theory]
    [InlineData("balloon(0)")]
    [InlineData("balloon(601)")]
    [InlineData("interest-first(600)")]
    [InlineData("interest-first(-1)")]
    [InlineData("interest-first(24, equal-installment, -1)")]
    public void Repayment_method_refuses_values_out_of_range_naming_the_input(string text)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.Parse(text));
        Assert.Equal("text", e.ParamName);
        Assert.Equal(text, e.ActualValue);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.False(RepaymentMethod.TryParse(text, out _));
    }

    [Theory]
    [InlineData("lower-payment")]
    [InlineData("shorten-term")]
    [InlineData("shorten-term-keep-payment")]
    [InlineData("new-term(120)")]
    public void Prepayment_options_write_their_canonical_text(string text) =>
        Assert.Equal(text, PrepaymentOption.Parse(text).ToString());

    [Fact]
    public void Prepayment_option_errors()
    {
        Assert.Equal(PrepaymentOption.NewTerm(12), PrepaymentOption.Parse(" New-Term( 12 ) "));
        Assert.Contains("not a prepayment option", Assert.Throws<FormatException>(() => PrepaymentOption.Parse("shorter")).Message, StringComparison.Ordinal);
        Assert.Contains("needs", Assert.Throws<FormatException>(() => PrepaymentOption.Parse("new-term")).Message, StringComparison.Ordinal);
        Assert.Equal("text", Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentOption.Parse("new-term(0)")).ParamName);
    }

    [Theory]
    [InlineData("january-1")]
    [InlineData("anniversary")]
    [InlineData("every-months(3)")]
    [InlineData("every-months(6, 2024-01-15)")]
    public void Repricing_rules_write_their_canonical_text(string text) =>
        Assert.Equal(text, RepricingRule.Parse(text).ToString());

    [Fact]
    public void Repricing_rule_errors()
    {
        Assert.Equal(RepricingRule.EveryMonths(6, new LocalDate(2024, 1, 15)), RepricingRule.Parse("Every-Months( 6 , 2024-01-15 )"));
        Assert.Contains("'2024-13-01' is not a date", Assert.Throws<FormatException>(() => RepricingRule.Parse("every-months(6, 2024-13-01)")).Message, StringComparison.Ordinal);
        Assert.Contains("not a repricing rule", Assert.Throws<FormatException>(() => RepricingRule.Parse("yearly")).Message, StringComparison.Ordinal);
        Assert.Equal("text", Assert.Throws<ArgumentOutOfRangeException>(() => RepricingRule.Parse("every-months(121)")).ParamName);
    }

    [Fact]
    public void Rate_plans_keep_describing_their_repricing_in_words()
    {
        Assert.Equal("lpr5y -30bp, repriced every 1 January, floor 3.5%",
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1, Rate.Percent(3.5m)).ToString());
        Assert.Equal("lpr5y +10bp, repriced every 6 months from 2024-01-15",
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), RepricingRule.EveryMonths(6, new LocalDate(2024, 1, 15))).ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("percent-of-amount-by-year(3%, 2%, 1%)")]
    [InlineData("percent-of-amount-by-year()")]
    [InlineData("months-of-interest(3)")]
    [InlineData("months-of-interest(1, 1)")]
    [InlineData("uk-erc(10%, 5%, 4%, 3%, 2%, 1%)")]
    [InlineData("uk-erc(10%)")]
    [InlineData("sum(percent-of-amount-by-year(2%, 1%), months-of-interest(1, 1))")]
    [InlineData("sum()")]
    [InlineData("check-us-limit(months-of-interest(3))")]
    [InlineData("check-us-limit(sum(none, check-us-limit(uk-erc(10%, 1.5%))))")]
    public void Penalties_write_their_canonical_text(string text) =>
        Assert.Equal(text, PrepaymentPenalty.Parse(text).ToString());

    [Fact]
    public void Penalty_text_is_read_leniently_and_built_from_the_factories()
    {
        Assert.Same(PrepaymentPenalty.None, PrepaymentPenalty.Parse(" NONE "));
        Assert.Equal(
            PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(2m)), PrepaymentPenalty.MonthsOfInterest(1, 1)),
            PrepaymentPenalty.Parse("sum( percent-of-amount-by-year(2.0 %) ,months-of-interest(1,1))"));
        Assert.Equal(
            PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10m), Percentage.Percent(5m)),
            PrepaymentPenalty.Parse("UK-ERC(10%, 5%)"));
    }

    [Theory]
    [InlineData("percent-of-amount-by-year(3)", "no unit")]
    [InlineData("percent-of-amount-by-year(3bp)", "not a percentage")]
    [InlineData("months-of-interest", "needs")]
    [InlineData("months-of-interest(1, 2, 3)", "takes 1 or 2 values")]
    [InlineData("uk-erc", "needs")]
    [InlineData("uk-erc()", "needs")]
    [InlineData("sum", "needs")]
    [InlineData("sum(2%)", "not a prepayment penalty")]
    [InlineData("check-us-limit()", "needs the penalty it checks")]
    [InlineData("check-us-limit(none, none)", "takes 1 value")]
    [InlineData("penalty", "not a prepayment penalty")]
    [InlineData("none()", "takes no values")]
    public void Penalty_refuses_malformed_text(string text, string why)
    {
        FormatException e = Assert.Throws<FormatException>(() => PrepaymentPenalty.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.False(PrepaymentPenalty.TryParse(text, out _));
    }

    [Fact]
    public void Deeply_nested_text_is_refused_not_followed_down_the_stack()
    {
        string deep = string.Concat(Enumerable.Repeat("sum(", 100_000)) + string.Concat(Enumerable.Repeat(")", 100_000));
        Assert.Contains("nested more than", Assert.Throws<FormatException>(() => PrepaymentPenalty.Parse(deep)).Message, StringComparison.Ordinal);
        Assert.False(PrepaymentPenalty.TryParse(deep, out _));
        string ok = string.Concat(Enumerable.Repeat("sum(", 30)) + "none" + string.Concat(Enumerable.Repeat(")", 30));
        Assert.Equal(ok, PrepaymentPenalty.Parse(ok).ToString());
    }

    [Theory]
    [InlineData("months-of-interest(25)")]
    [InlineData("months-of-interest(3, 0)")]
    [InlineData("percent-of-amount-by-year(101%)")]
    [InlineData("sum(months-of-interest(0))")]
    public void Penalty_refuses_values_out_of_range_naming_the_input(string text)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.Parse(text));
        Assert.Equal("text", e.ParamName);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_write_their_option_in_canonical_text()
    {
        Assert.Equal("prepay 1000.5 on 2025-03-20, new-term(12)", Prepayment.Partial(new LocalDate(2025, 3, 20), 1000.5m, PrepaymentOption.NewTerm(12)).ToString());
    }
}
