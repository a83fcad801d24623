using MortgageMath.Cli;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Tests.Text;

/// <summary>
/// One vocabulary: every name in <see cref="SpecNames"/> is the name the documented loan spec uses (read by the tool's
/// spec reader into the value the library builds), and the library's text forms are written with the same names.
/// </summary>
public class SpecNamesTests
{
    private static readonly LocalDate D = new(2024, 3, 20);

    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, D);

    private const string FixedRate = """{ "type": "fixed", "annual": "4.9%" }""";

    /// <summary>A version-2 spec of TV-1 with <paramref name="members"/> added, read by the tool's reader.</summary>
    private static Loan Read(string members, string rate = FixedRate) =>
        LoanSpec.Parse(
            $$"""{ "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": {{rate}}{{members}} }""",
            RateTable.China).Loan!;

    public static TheoryData<string> SimpleMethods => [SpecNames.Methods.EqualInstallment, SpecNames.Methods.EqualPrincipal];

    [Theory]
    [MemberData(nameof(SimpleMethods))]
    public void Simple_method_names_are_the_spec_names(string name)
    {
        RepaymentMethod method = RepaymentMethod.Parse(name);
        Assert.Equal(name, method.Name);
        Assert.Equal(name, method.ToString());
        Assert.Equal(Tv1 with { Method = method }, Read($$""", "method": "{{name}}" """));
    }

    [Fact]
    public void Balloon_and_interest_first_are_the_spec_types()
    {
        Assert.Equal(SpecNames.Methods.Balloon, RepaymentMethod.Balloon(360).Name);
        Assert.Equal(Tv1 with { Method = RepaymentMethod.Balloon(480) },
            Read($$""", "method": { "type": "{{SpecNames.Methods.Balloon}}", "amortization_months": 480 }"""));
        Assert.Equal(SpecNames.Methods.InterestFirst, RepaymentMethod.InterestFirst(24).Name);
        Assert.Equal(Tv1 with { Method = RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal, 1m) },
            Read($$""", "method": { "type": "{{SpecNames.Methods.InterestFirst}}", "interest_only_months": 24, "then": "{{SpecNames.Methods.EqualPrincipal}}", "minimum_principal": 1 }"""));
    }

    public static TheoryData<string> SimpleOptions =>
        [SpecNames.PrepaymentOptions.LowerPayment, SpecNames.PrepaymentOptions.ShortenTerm, SpecNames.PrepaymentOptions.ShortenTermKeepPayment];

    [Theory]
    [MemberData(nameof(SimpleOptions))]
    public void Prepayment_option_names_are_the_spec_names(string name)
    {
        PrepaymentOption option = PrepaymentOption.Parse(name);
        Assert.Equal(name, option.ToString());
        Assert.Equal(Tv1 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, option)] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.Prepayment}}", "date": "2025-03-20", "amount": 100000, "option": "{{name}}" } ]"""));
    }

    [Fact]
    public void The_new_term_option_reads_from_its_spec_object()
    {
        Assert.StartsWith(SpecNames.PrepaymentOptions.NewTerm + "(", PrepaymentOption.NewTerm(120).ToString(), StringComparison.Ordinal);
        Assert.Equal(Tv1 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.NewTerm(120))] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.Prepayment}}", "date": "2025-03-20", "amount": 100000, "option": { "new_term_months": 120 } } ]"""));
    }

    [Fact]
    public void Event_types_are_the_spec_names()
    {
        const string Floating = """{ "type": "floating", "index": "lpr5y", "spread": "+0bp", "repricing": { "rule": "january-1" } }""";
        Loan floating = Read("", Floating);
        Assert.Equal(floating with { Events = [RateEvent.SpreadChange(new LocalDate(2024, 10, 25), Spread.FromBasisPoints(-30m))] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.SpreadChange}}", "date": "2024-10-25", "spread": "-30bp" } ]""", Floating));
        Assert.Equal(Tv1 with { Events = [RateEvent.SwitchToFloating(new LocalDate(2025, 1, 1), RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), RepricingRule.EveryJanuary1)] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.SwitchToFloating}}", "date": "2025-01-01", "index": "lpr5y", "spread": "+10bp", "repricing": { "rule": "january-1" } } ]"""));
        Assert.Equal(Tv1 with { Events = [RateEvent.ConvertToLpr(new LocalDate(2025, 1, 1), RepricingRule.EveryAnniversary)] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.ConvertToLpr}}", "date": "2025-01-01", "repricing": { "rule": "anniversary" } } ]"""));
        Assert.Equal(Tv1 with { Events = [RateEvent.FixedRate(new LocalDate(2025, 1, 1), Rate.Percent(3.9m))] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.FixedRate}}", "date": "2025-01-01", "annual": "3.9%" } ]"""));
        Assert.Equal(Tv1 with { Events = [Prepayment.Payoff(new LocalDate(2025, 1, 5))] },
            Read($$""", "events": [ { "type": "{{SpecNames.Events.Payoff}}", "date": "2025-01-05" } ]"""));
        foreach (SkippedInterest skipped in Enum.GetValues<SkippedInterest>())
        {
            Assert.Equal(Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2025, 1, 20), skipped)] },
                Read($$""", "events": [ { "type": "{{SpecNames.Events.PaymentHoliday}}", "date": "2025-01-20", "skipped_interest": "{{SpecNames.SkippedInterests.NameOf(skipped)}}" } ]"""));
        }
    }

    [Fact]
    public void Penalty_types_are_the_spec_names_and_the_text_names()
    {
        Percentage P(decimal percent) => Percentage.Percent(percent);
        (string Json, PrepaymentPenalty Penalty)[] cases =
        [
            ($$"""{ "type": "{{SpecNames.Penalties.None}}" }""", PrepaymentPenalty.None),
            ($$"""{ "type": "{{SpecNames.Penalties.PercentOfAmountByYear}}", "percents": ["3%", "2%", "1%"] }""", PrepaymentPenalty.PercentOfAmountByYear(P(3m), P(2m), P(1m))),
            ($$"""{ "type": "{{SpecNames.Penalties.MonthsOfInterest}}", "months": 3, "within_years": 2 }""", PrepaymentPenalty.MonthsOfInterest(3, 2)),
            ($$"""{ "type": "{{SpecNames.Penalties.UkEarlyRepaymentCharge}}", "yearly_allowance": "10%", "percents": ["5%", "4%"] }""", PrepaymentPenalty.UkEarlyRepaymentCharge(P(10m), P(5m), P(4m))),
            ($$"""{ "type": "{{SpecNames.Penalties.Sum}}", "of": [ { "type": "none" }, { "type": "months-of-interest", "months": 1 } ] }""", PrepaymentPenalty.Sum(PrepaymentPenalty.None, PrepaymentPenalty.MonthsOfInterest(1))),
            ($$"""{ "type": "{{SpecNames.Penalties.MonthsOfInterest}}", "months": 3, "check_us_limit": true }""", PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(3))),
        ];
        foreach ((string json, PrepaymentPenalty penalty) in cases)
        {
            Assert.Equal(Tv1 with { PrepaymentPenalty = penalty }, Read($$""", "prepayment_penalty": {{json}}"""));
        }

        Assert.Equal(SpecNames.Penalties.None, PrepaymentPenalty.None.ToString());
        Assert.StartsWith(SpecNames.Penalties.CheckUsLimit + "(" + SpecNames.Penalties.Sum + "(" + SpecNames.Penalties.PercentOfAmountByYear + "(",
            PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(P(1m)))).ToString(), StringComparison.Ordinal);
        Assert.StartsWith(SpecNames.Penalties.UkEarlyRepaymentCharge + "(", PrepaymentPenalty.UkEarlyRepaymentCharge(P(10m)).ToString(), StringComparison.Ordinal);
        Assert.StartsWith(SpecNames.Penalties.MonthsOfInterest + "(", PrepaymentPenalty.MonthsOfInterest(1).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Repricing_rules_and_rate_plan_types_are_the_spec_names()
    {
        string Floating(string type, string repricing) =>
            $$"""{ "type": "{{type}}", "index": "lpr5y", "spread": "-30bp", "repricing": {{repricing}} }""";
        RatePlan PlanOf(RepricingRule rule) => RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), rule);

        Assert.Equal(Tv1 with { RatePlan = PlanOf(RepricingRule.EveryJanuary1) },
            Read("", Floating(SpecNames.RatePlans.Floating, $$"""{ "rule": "{{SpecNames.Repricing.January1}}" }""")));
        Assert.Equal(Tv1 with { RatePlan = PlanOf(RepricingRule.EveryAnniversary) },
            Read("", Floating(SpecNames.RatePlans.Floating, $$"""{ "rule": "{{SpecNames.Repricing.Anniversary}}" }""")));
        Assert.Equal(Tv1 with { RatePlan = PlanOf(RepricingRule.EveryMonths(6, new LocalDate(2024, 1, 15))) },
            Read("", Floating(SpecNames.RatePlans.Floating, $$"""{ "rule": "{{SpecNames.Repricing.EveryMonths}}", "months": 6, "from": "2024-01-15" }""")));
        Assert.Equal(SpecNames.Repricing.January1, RepricingRule.EveryJanuary1.ToString());
        Assert.Equal(SpecNames.Repricing.Anniversary, RepricingRule.EveryAnniversary.ToString());
        Assert.StartsWith(SpecNames.Repricing.EveryMonths + "(", RepricingRule.EveryMonths(6).ToString(), StringComparison.Ordinal);

        Assert.Equal(Tv1, Read("", $$"""{ "type": "{{SpecNames.RatePlans.Fixed}}", "annual": "4.9%" }"""));
        Assert.Equal(Tv1 with { RatePlan = RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y) },
            Read("", $$"""{ "type": "{{SpecNames.RatePlans.ProvidentFund}}", "index": "pf-first-gt5y" }"""));
        Assert.Equal(Tv1 with { RatePlan = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.2m)), 36, RatePlan.Fixed(Rate.Percent(4.9m))) },
            Read("", $$"""{ "type": "{{SpecNames.RatePlans.Stepped}}", "first": { "type": "fixed", "annual": "3.2%" }, "periods": 36, "then": {{FixedRate}} }"""));
    }

    [Fact]
    public void Policy_value_names_are_the_spec_names()
    {
        AssertEveryValueNamed(SpecNames.DayCounts, "day_count", (loan, value) => loan.DayCount == value);
        AssertEveryValueNamed(SpecNames.OddFirstPeriods, "odd_first_period", (loan, value) => loan.OddFirstPeriod == value);
        AssertEveryValueNamed(SpecNames.RateChangeInterests, "rate_change_interest", (loan, value) => loan.RateChangeInterest == value);
        AssertEveryValueNamed(SpecNames.PrepaymentInterests, "prepayment_interest", (loan, value) => loan.PrepaymentInterest == value);
        foreach (RoundingMode mode in Enum.GetValues<RoundingMode>())
        {
            Assert.Equal(new RoundingPolicy(2, mode), Read($$""", "rounding": { "mode": "{{SpecNames.RoundingModes.NameOf(mode)}}" }""").Rounding);
        }
    }

    [Fact]
    public void Installment_kind_names_are_the_ones_schedules_are_written_with()
    {
        foreach (InstallmentKind kind in Enum.GetValues<InstallmentKind>())
        {
            Assert.Equal(MortgageMath.Serialization.ScheduleFormat.KindName(kind), SpecNames.InstallmentKinds.NameOf(kind));
        }
    }

    [Fact]
    public void Every_name_table_names_every_value_once_and_reads_it_back_ignoring_case()
    {
        AssertTable(SpecNames.SkippedInterests);
        AssertTable(SpecNames.PrepaymentInterests);
        AssertTable(SpecNames.RateChangeInterests);
        AssertTable(SpecNames.OddFirstPeriods);
        AssertTable(SpecNames.DayCounts);
        AssertTable(SpecNames.RoundingModes);
        AssertTable(SpecNames.InstallmentKinds);
    }

    private static void AssertTable<T>(NameTable<T> table)
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        Assert.Equal(values.Length, table.Names.Count);
        Assert.Equal(table.Names.Count, table.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (T value in values)
        {
            string name = table.NameOf(value);
            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.True(table.TryParse(" " + name.ToUpperInvariant() + " ", out T read));
            Assert.Equal(value, read);
        }

        Assert.False(table.TryParse("no-such-name", out _));
        Assert.False(table.TryParse(null, out _));
    }

    private static void AssertEveryValueNamed<T>(NameTable<T> table, string property, Func<Loan, T, bool> has)
        where T : struct, Enum
    {
        foreach (T value in Enum.GetValues<T>())
        {
            Loan loan = Read($$""", "{{property}}": "{{table.NameOf(value)}}" """);
            Assert.True(has(loan, value), $"{property} \"{table.NameOf(value)}\" did not read as {value}.");
        }
    }
}
