using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Tests.Specs;

/// <summary>
/// Spec version 3 (issue 13): <c>term-change</c> and <c>method-change</c> events and floating rates priced as a
/// multiple of the index (<c>"multiplier": "x1.1"</c>) are read, written back, refused in a version-1 or -2 file, and
/// every mistake is named by its JSON path.
/// </summary>
public class RestructuringSpecTests
{
    private const string Body = """ "principal": 1000000, "disbursement": "2024-03-20", "months": 240, "rate": { "type": "fixed", "annual": "4.9%" } """;

    private const string Multiple = """ "principal": 1000000, "disbursement": "2015-06-15", "months": 240, "rate": { "type": "floating", "index": "pboc-5y", "multiplier": "x1.1", "repricing": { "rule": "january-1" } }, "rates": { "assume_unchanged_until": "2036-01-01" } """;

    private static readonly LocalDate Twelfth = new(2025, 3, 20);

    private static readonly Loan TwentyYears = new(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));

    private static LoanDocument Events(string events, int version = 3) => LoanSpec.Parse($$"""{ "version": {{version}}, {{Body}}, "events": [ {{events}} ] }""");

    private static IReadOnlyList<SpecError> Errors(string json)
    {
        Assert.False(LoanSpec.TryParse(json, out LoanDocument? doc, out IReadOnlyList<SpecError> errors));
        Assert.Null(doc);
        return errors;
    }

    private static IReadOnlyList<SpecError> EventErrors(string events, int version = 3) =>
        Errors($$"""{ "version": {{version}}, {{Body}}, "events": [ {{events}} ] }""");

    public static TheoryData<string, string> ReadEvents => new()
    {
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 36 }""", "Extend 36" },
        { """{ "type": "term-change", "date": "2025-03-20", "remaining_months": 264 }""", "To 264" },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": -12, "limits": "none" }""", "Extend -12 none" },
        { """{ "type": "term-change", "date": "2025-03-20", "remaining_months": 300, "limits": { "general_loan_rules": false, "max_total_months": 480 } }""", "To 300 (false, 480)" },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": { "max_total_months": 300 } }""", "Extend 12 (true, 300)" },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": "China-Housing" }""", "Extend 12" },
        { """{ "type": "method-change", "date": "2025-03-20", "method": "equal-principal" }""", "Method equal-principal" },
        { """{ "type": "method-change", "date": "2025-03-20", "method": "equal-installment" }""", "Method equal-installment" },
        { """{ "type": "arrears-capitalization", "date": "2025-03-20", "amount": 13088.88 }""", "Capitalize" },
        { """{ "type": "payment-deferral", "date": "2025-03-20", "months": 3 }""", "Defer 3" },
        { """{ "type": "payment-deferral", "date": "2025-03-20", "months": 9, "maximum_months": 12 }""", "Defer 9 of 12" },
    };

    [Theory]
    [MemberData(nameof(ReadEvents))]
    public void Restructuring_events_read_into_the_library_events_and_round_trip(string json, string expected)
    {
        LoanEvent e = Assert.Single(Events(json).Loan!.Events);
        LoanEvent want = expected switch
        {
            "Extend 36" => TermChange.Extend(Twelfth, 36),
            "To 264" => TermChange.To(Twelfth, 264),
            "Extend -12 none" => TermChange.Extend(Twelfth, -12, ExtensionLimits.None),
            "To 300 (false, 480)" => TermChange.To(Twelfth, 300, new ExtensionLimits(false, 480)),
            "Extend 12 (true, 300)" => TermChange.Extend(Twelfth, 12, new ExtensionLimits(true, 300)),
            "Extend 12" => TermChange.Extend(Twelfth, 12, ExtensionLimits.ChinaHousing),
            "Method equal-principal" => MethodChange.To(Twelfth, RepaymentMethod.EqualPrincipal),
            "Capitalize" => ArrearsCapitalization.On(Twelfth, 13_088.88m),
            "Defer 3" => PaymentDeferral.Of(Twelfth, 3),
            "Defer 9 of 12" => PaymentDeferral.Of(Twelfth, 9, 12),
            _ => MethodChange.To(Twelfth, RepaymentMethod.EqualInstallment),
        };
        Assert.Equal(want, e);
        LoanDocument doc = Events(json);
        string written = LoanSpec.Write(doc);
        Assert.Equal(doc, LoanSpec.Parse(written));
        Assert.Equal(written, LoanSpec.Write(LoanSpec.Parse(written)));
    }

    [Fact]
    public void The_writer_uses_the_documented_forms()
    {
        Loan loan = TwentyYears with
        {
            Events =
            [
                TermChange.Extend(Twelfth, 36),
                TermChange.To(Twelfth, 300, ExtensionLimits.None),
                TermChange.Extend(Twelfth, 6, new ExtensionLimits(false, 400)),
                MethodChange.To(Twelfth, RepaymentMethod.EqualPrincipal),
            ],
        };
        string json = LoanSpec.Write(new LoanDocument(loan));
        Assert.Contains(
            """
              "events": [
                {
                  "type": "term-change",
                  "date": "2025-03-20",
                  "extend_months": 36
                },
                {
                  "type": "term-change",
                  "date": "2025-03-20",
                  "remaining_months": 300,
                  "limits": "none"
                },
                {
                  "type": "term-change",
                  "date": "2025-03-20",
                  "extend_months": 6,
                  "limits": {
                    "general_loan_rules": false,
                    "max_total_months": 400
                  }
                },
                {
                  "type": "method-change",
                  "date": "2025-03-20",
                  "method": "equal-principal"
                }
              ]
            """.Replace("\r\n", "\n", StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.Equal(new LoanDocument(loan), LoanSpec.Parse(json));
    }

    [Fact]
    public void A_multiplier_rate_reads_writes_and_builds_like_the_library_plan()
    {
        LoanDocument doc = LoanSpec.Parse($$"""{ "version": 3, {{Multiple}} }""");
        Assert.Equal(RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.FromFactor(1.1m), RepricingRule.EveryJanuary1), doc.Loan!.RatePlan);
        string json = LoanSpec.Write(doc);
        Assert.Contains(
            """
              "rate": {
                "type": "floating",
                "index": "pboc-5y",
                "multiplier": "x1.1",
                "repricing": {
                  "rule": "january-1"
                }
              },
            """.Replace("\r\n", "\n", StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.DoesNotContain("spread", json, StringComparison.Ordinal);
        Assert.Equal(doc, LoanSpec.Parse(json));
        Assert.Equal(Rate.Percent(6.215m), doc.BuildSchedule().RateChanges[0].AnnualRate);

        // Also inside a stepped plan, and 九折 written as x0.9.
        LoanDocument stepped = LoanSpec.Parse("""
            { "version": 3, "principal": 1000000, "disbursement": "2015-06-15", "months": 240,
              "rate": { "type": "stepped", "first": { "type": "fixed", "annual": "4%" }, "periods": 12,
                        "then": { "type": "floating", "index": "pboc-5y", "multiplier": "×0.90", "repricing": { "rule": "anniversary" } } } }
            """);
        Assert.Contains("\"multiplier\": \"x0.9\"", LoanSpec.Write(stepped), StringComparison.Ordinal);
        Assert.Equal(stepped, LoanSpec.Parse(LoanSpec.Write(stepped)));
    }

    public static TheoryData<string, string> Version3Features => new()
    {
        { """{ "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "months": 240, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "term-change", "date": "2025-03-20", "extend_months": 36 } ] }""", "$.events[0]: a term-change event needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)." },
        { """{ "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "months": 240, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "payment-deferral", "date": "2025-03-20", "months": 2 } ] }""", "$.events[0]: a payment-deferral event needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)." },
        { """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 240, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "method-change", "date": "2025-03-20", "method": "equal-principal" } ] }""", "$.events[0]: a method-change event needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)." },
        { """{ "version": 2, "principal": 1000000, "disbursement": "2015-06-15", "months": 240, "rate": { "type": "floating", "index": "pboc-5y", "multiplier": "x1.1", "repricing": { "rule": "january-1" } } }""", "$.rate.multiplier: \"multiplier\" (a rate priced as a multiple of the index) needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)." },
        { """{ "version": 2, "legs": [ { "name": "a", "principal": 1000000, "disbursement": "2024-03-20", "months": 240, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "term-change", "date": "2025-03-20", "remaining_months": 200 } ] } ] }""", "$.legs[0].events[0]: a term-change event needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)." },
    };

    [Theory]
    [MemberData(nameof(Version3Features))]
    public void A_version_3_feature_in_an_older_file_is_refused_like_payments(string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(Errors(json)).ToString());

        // The same file as version 3 reads.
        string v3 = json.Replace("\"version\": 2", "\"version\": 3", StringComparison.Ordinal).Replace("\"version\": 1", "\"version\": 3", StringComparison.Ordinal);
        Assert.True(LoanSpec.TryParse(v3, out _, out IReadOnlyList<SpecError> errors), string.Join("\n", errors));
    }

    public static TheoryData<string, string, string> BadEvents => new()
    {
        { """{ "type": "term-change", "date": "2025-03-20" }""", "$.events[0].extend_months", "the new term is missing; add \"extend_months\": N" },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "remaining_months": 200 }""", "$.events[0].remaining_months", "give the new term once: either \"extend_months\" or \"remaining_months\", not both." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 0 }""", "$.events[0].extend_months", "An extension adds between -599 and 600 periods, not 0; was 0." },
        { """{ "type": "term-change", "date": "2025-03-20", "remaining_months": 601 }""", "$.events[0].remaining_months", "The periods left must be between 1 and 600; was 601." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": "36" }""", "$.events[0].extend_months", "expected a whole number (e.g. 36); was \"36\"." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": "loose" }""", "$.events[0].limits", "'loose' is not allowed; write china-housing or none." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": 360 }""", "$.events[0].limits", "expected china-housing, none or an object" },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": { "max_total_months": 0 } }""", "$.events[0].limits.max_total_months", "must be between 1 and 600; was 0." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": { "general_loan_rules": "yes" } }""", "$.events[0].limits.general_loan_rules", "expected true or false; was \"yes\"." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend_months": 12, "limits": { "max_months": 300 } }""", "$.events[0].limits.max_months", "unknown property; the properties of the extension limits (spec version 3) are general_loan_rules, max_total_months." },
        { """{ "type": "term-change", "date": "2025-03-20", "extend": 12, "extend_months": 12 }""", "$.events[0].extend", "unknown property; the properties of a term-change event (spec version 3) are type, date, extend_months, remaining_months, limits." },
        { """{ "type": "term-change", "extend_months": 12 }""", "$.events[0].date", "required;" },
        { """{ "type": "method-change", "date": "2025-03-20", "method": "balloon" }""", "$.events[0].method", "'balloon' is not allowed; write equal-installment or equal-principal." },
        { """{ "type": "method-change", "date": "2025-03-20" }""", "$.events[0].method", "required; equal-installment or equal-principal." },
        { """{ "type": "restructure", "date": "2025-03-20" }""", "$.events[0].type", "'restructure' is not an event type; write spread-change, switch-to-floating, convert-to-lpr, fixed-rate, prepayment, payoff, payment-holiday, term-change, method-change, interest-only, repayment-day-change, arrears-capitalization or payment-deferral." },
        { """{ "type": "arrears-capitalization", "date": "2025-03-20" }""", "$.events[0].amount", "required; the arrears added to the balance" },
        { """{ "type": "arrears-capitalization", "date": "2025-03-20", "amount": -5 }""", "$.events[0].amount", "The arrears capitalized must be greater than 0" },
        { """{ "type": "payment-deferral", "date": "2025-03-20", "months": 7 }""", "$.events[0].months", "A deferral moves 1 to 6 payments (the product's maximum); was 7." },
        { """{ "type": "payment-deferral", "date": "2025-03-20", "months": 2, "maximum": 6 }""", "$.events[0].maximum", "unknown property; the properties of a payment-deferral event (spec version 3) are type, date, months, maximum_months." },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void A_bad_restructuring_event_is_named_by_its_path(string json, string path, string messageStart)
    {
        SpecError error = Assert.Single(EventErrors(json));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadMultipliers => new()
    {
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": "x1.1", "spread": "+49bp", "repricing": { "rule": "january-1" } }""", "$.rate.multiplier", "give either \"spread\" (the index plus a spread, e.g. \"+49bp\") or \"multiplier\" (the index times a factor, e.g. \"x1.1\"), not both." },
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": "x1.1", "floor": "4%", "repricing": { "rule": "january-1" } }""", "$.rate.floor", "a rate priced as a multiple of the index (\"multiplier\") has no floor" },
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": 1.1, "repricing": { "rule": "january-1" } }""", "$.rate.multiplier", "1.1 is not a multiplier; write \"x1.1\" (a string: x and the factor)." },
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": "1.1", "repricing": { "rule": "january-1" } }""", "$.rate.multiplier", "'1.1' is not a rate multiplier; write x1.1 (上浮 10%) or x0.9 (九折)." },
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": "x11", "repricing": { "rule": "january-1" } }""", "$.rate.multiplier", "A rate multiplier must be above 0 and at most 10 with at most 8 decimal places; was 11." },
        { """{ "type": "floating", "index": "pboc-5y", "multiplier": "x1.1" }""", "$.rate.repricing", "required;" },
        { """{ "type": "floating", "index": "pboc-5y", "repricing": { "rule": "january-1" } }""", "$.rate.spread", "required; e.g. \"spread\": \"-30bp\" (or \"0bp\"); or (version 3) a multiple of the index, e.g. \"multiplier\": \"x1.1\"." },
    };

    [Theory]
    [MemberData(nameof(BadMultipliers))]
    public void A_bad_multiplier_rate_is_named_by_its_path(string rate, string path, string messageStart)
    {
        SpecError error = Assert.Single(Errors($$"""{ "version": 3, "principal": 1000000, "disbursement": "2015-06-15", "months": 240, "rate": {{rate}} }"""));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Independent_errors_are_all_reported_in_document_order()
    {
        IReadOnlyList<SpecError> errors = Errors("""
            { "version": 3, "principal": 1000000, "disbursement": "2015-06-15", "months": 240,
              "rate": { "type": "floating", "index": "pboc-5y", "multiplier": "x1.1", "spread": "0bp", "repricing": { "rule": "january-1" } },
              "events": [
                { "type": "term-change", "date": "2025-03-20", "extend_months": 12, "remaining_months": 200 },
                { "type": "method-change", "date": "2025-03-20", "method": "equal-installment" },
                { "type": "method-change", "date": "2025-03-20", "method": "sideways" } ] }
            """);
        Assert.Equal(["$.rate.multiplier", "$.events[0].remaining_months", "$.events[2].method"], errors.Select(e => e.Path));
    }

    [Fact]
    public void An_extension_beyond_its_limit_is_named_by_the_event_when_built()
    {
        LoanDocument doc = Events("""
            { "type": "method-change", "date": "2025-03-20", "method": "equal-principal" },
            { "type": "term-change", "date": "2025-03-20", "extend_months": 37 }
            """);
        LoanSpecException e = Assert.Throws<LoanSpecException>(doc.BuildSchedule);
        Assert.Equal("$.events[1]", e.Path);
        Assert.Contains("贷款通则 art. 12 allows at most 36", e.Errors[0].Message, StringComparison.Ordinal);
        TermExtensionException inner = Assert.IsType<TermExtensionException>(e.InnerException);
        Assert.Equal(ExtensionLimit.GeneralLoanRules, inner.Limit);

        // Without limits it builds: 12 + 228 + 37 periods.
        Assert.Equal(277, Events("""{ "type": "term-change", "date": "2025-03-20", "extend_months": 37, "limits": "none" }""").BuildSchedule().Count);
    }

    [Fact]
    public void The_term_extension_example_is_the_library_loan()
    {
        LoanDocument doc = LoanSpec.Load(Path.Combine(Docs.DocSamples.RepositoryRoot, "docs", "examples", "term-extension.json"));
        Assert.Equal(TwentyYears with { Events = [TermChange.Extend(Twelfth, 36)] }, doc.Loan);
        Schedule s = doc.BuildSchedule();
        Assert.Equal((6_544.44m, 969_794.33m, 6_009.31m), (s[11].Payment, s[11].ClosingBalance, s[12].Payment));
        Assert.Contains("6,544.44", doc.Description, StringComparison.Ordinal);
        Assert.Contains("969,794.33", doc.Description, StringComparison.Ordinal);
        Assert.Contains("6,009.31", doc.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_multiplier_example_is_the_library_loan()
    {
        LoanDocument doc = LoanSpec.Load(Path.Combine(Docs.DocSamples.RepositoryRoot, "docs", "examples", "benchmark-multiplier-to-lpr.json"));
        Loan expected = new(1_000_000m, RatePlan.FloatingMultiple(RateIndex.PbocBenchmark5Y, RateMultiplier.Up(Percentage.Percent(10m)), RepricingRule.EveryJanuary1), 240, new LocalDate(2015, 6, 15))
        {
            Events = [RateEvent.ConvertToLpr(new LocalDate(2020, 3, 1), RepricingRule.EveryJanuary1, RateIndex.Lpr5Y, new LocalDate(2019, 12, 31))],
            Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2036, 1, 1)),
        };
        Assert.Equal(expected, doc.Loan);
    }
}

public class InterestOnlyAndDayChangeSpecTests
{
    private const string Base = """
        { "version": 3, "principal": 1000000, "disbursement": "2024-03-20", "months": 240,
          "rate": { "type": "fixed", "annual": "4.9%" }, "events": [EVENTS] }
        """;

    [Fact]
    public void Interest_only_and_repayment_day_change_events_read_build_and_round_trip()
    {
        string json = Base.Replace("EVENTS", """
            { "type": "interest-only", "date": "2025-03-20", "months": 6, "minimum_principal": "100", "resume": "to-maturity", "limits": "none" },
            { "type": "repayment-day-change", "date": "2026-03-20", "day": 5 }
            """);
        MortgageMath.Specs.LoanDocument doc = MortgageMath.Specs.LoanSpec.Parse(json);
        Loan expected = new Loan(1_000_000m, Rate.Percent(4.9m), 240, new NodaTime.LocalDate(2024, 3, 20))
        {
            Events =
            [
                InterestOnlyPeriod.From(new NodaTime.LocalDate(2025, 3, 20), 6, 100m, InterestOnlyResume.ToMaturity, ExtensionLimits.None),
                RepaymentDayChange.From(new NodaTime.LocalDate(2026, 3, 20), 5),
            ],
        };
        Assert.Equal(expected, doc.Loan);
        Assert.Equal(doc, MortgageMath.Specs.LoanSpec.Parse(MortgageMath.Specs.LoanSpec.Write(doc)));
        Schedule s = doc.BuildSchedule();
        Assert.Equal(100m, s[12].Principal);
        Assert.Equal(5, s[24].DueDate.Day);
    }

    [Theory]
    [InlineData("""{ "type": "interest-only", "date": "2025-03-20" }""", "$.events[0].months", "months")]
    [InlineData("""{ "type": "interest-only", "date": "2025-03-20", "months": 0 }""", "$.events[0].months", "1 to 120")]
    [InlineData("""{ "type": "interest-only", "date": "2025-03-20", "months": 6, "resume": "later" }""", "$.events[0].resume", "to-maturity")]
    [InlineData("""{ "type": "repayment-day-change", "date": "2025-03-20", "day": 29 }""", "$.events[0].day", "1 to 28")]
    [InlineData("""{ "type": "repayment-day-change", "date": "2025-03-20", "day": 5, "extra": 1 }""", "$.events[0].extra", "")]
    public void Bad_events_are_errors_with_their_path(string e, string path, string says)
    {
        Assert.False(MortgageMath.Specs.LoanSpec.TryParse(Base.Replace("EVENTS", e), out _, out IReadOnlyList<MortgageMath.Specs.SpecError> errors));
        MortgageMath.Specs.SpecError error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_2_file_may_not_use_them()
    {
        string json = Base.Replace("\"version\": 3", "\"version\": 2").Replace("EVENTS", """{ "type": "repayment-day-change", "date": "2025-03-20", "day": 5 }""");
        Assert.False(MortgageMath.Specs.LoanSpec.TryParse(json, out _, out IReadOnlyList<MortgageMath.Specs.SpecError> errors));
        Assert.Contains("needs spec version 3", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
