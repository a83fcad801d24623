using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Specs;
using MortgageMath.Tests.Docs;
using NodaTime;

namespace MortgageMath.Tests.Specs;

/// <summary>The loan document as a library API: reading every documented spec, writing and reading back, errors with paths.</summary>
public partial class LoanSpecTests
{
    private static readonly LocalDate D = new(2024, 3, 20);

    private static string Root => DocSamples.RepositoryRoot;

    public static TheoryData<string> ExampleFiles => new(
        Directory.GetFiles(Path.Combine(DocSamples.RepositoryRoot, "docs", "examples"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_file_reads_builds_and_round_trips(string file)
    {
        LoanDocument doc = LoanSpec.Load(Path.Combine(Root, "docs", "examples", file));
        AssertRoundTrip(doc);
    }

    /// <summary>Every <c>```json</c> block of docs/*.md that is a spec (it has a "version") is read; the ones that
    /// show a mistake (the docs say so) are not in ```json blocks.</summary>
    public static TheoryData<string> DocSpecs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string md in Directory.GetFiles(Path.Combine(DocSamples.RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
            {
                string text = File.ReadAllText(md).Replace("\r\n", "\n", StringComparison.Ordinal);
                int n = 0;
                foreach (Match m in JsonBlock().Matches(text))
                {
                    n++;
                    if (m.Groups[1].Value.Contains("\"version\"", StringComparison.Ordinal))
                    {
                        data.Add($"{Path.GetFileName(md)}#{n}");
                    }
                }
            }

            return data;
        }
    }

    [GeneratedRegex("```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static string DocBlock(string name)
    {
        string[] parts = name.Split('#');
        string text = File.ReadAllText(Path.Combine(Root, "docs", parts[0])).Replace("\r\n", "\n", StringComparison.Ordinal);
        return JsonBlock().Matches(text)[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1].Groups[1].Value;
    }

    [Theory]
    [MemberData(nameof(DocSpecs))]
    public void Every_spec_shown_in_the_docs_reads_and_round_trips(string block)
    {
        Assert.True(LoanSpec.TryParse(DocBlock(block), out LoanDocument? doc, out IReadOnlyList<SpecError> errors), string.Join("\n", errors));
        Assert.Equal(doc, LoanSpec.Parse(LoanSpec.Write(doc)));
    }

    [Fact]
    public void The_docs_show_specs_of_both_versions() =>
        Assert.True(DocSpecs.Count >= 10, $"only {DocSpecs.Count} spec blocks found in docs/*.md");

    private static void AssertRoundTrip(LoanDocument doc)
    {
        string json = LoanSpec.Write(doc);
        LoanDocument back = LoanSpec.Parse(json);
        Assert.Equal(doc, back);
        Assert.Equal(doc.GetHashCode(), back.GetHashCode());
        Assert.Equal(json, LoanSpec.Write(back));
        if (doc.IsCombined)
        {
            Assert.Equal(doc.BuildCombinedSchedule(), back.BuildCombinedSchedule());
        }
        else
        {
            Assert.Equal(doc.BuildSchedule(), back.BuildSchedule());
        }
    }

    [Fact]
    public void Version_1_and_2_files_read_the_same_loan()
    {
        string body = """ "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } """;
        LoanDocument v1 = LoanSpec.Parse($$"""{ "version": 1, {{body}} }""");
        LoanDocument v2 = LoanSpec.Parse($$"""{ "version": 2, {{body}} }""");
        Assert.Equal(v1, v2);
        Assert.Equal(new Loan(1_000_000m, Rate.Percent(4.9m), 360, D), v1.Loan);
        Assert.Contains("\"version\": 3", LoanSpec.Write(v1), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_uses_the_documented_forms()
    {
        Loan loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, D)
        {
            Method = RepaymentMethod.Balloon(480),
            Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.NewTerm(120))],
            PrepaymentPenalty = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(3m), Percentage.Percent(2m))),
        };
        string json = LoanSpec.Write(new LoanDocument(loan, "TV-1"));
        Assert.Equal(
            """
            {
              "version": 3,
              "description": "TV-1",
              "principal": 1000000,
              "disbursement": "2024-03-20",
              "months": 360,
              "method": {
                "type": "balloon",
                "amortization_months": 480
              },
              "rate": {
                "type": "fixed",
                "annual": "4.9%"
              },
              "events": [
                {
                  "type": "prepayment",
                  "date": "2025-03-20",
                  "amount": 200000,
                  "option": {
                    "new_term_months": 120
                  }
                }
              ],
              "prepayment_penalty": {
                "type": "percent-of-amount-by-year",
                "percents": [
                  "3%",
                  "2%"
                ],
                "check_us_limit": true
              }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), json);
    }

    [Property(MaxTest = 300)]
    public Property Any_document_written_reads_back_equal_and_builds_the_same_schedule() =>
        Prop.ForAll(LoanSpecGen.Seeds, seed =>
        {
            LoanDocument doc = LoanSpecGen.Build(seed);
            string json = LoanSpec.Write(doc);
            Assert.True(LoanSpec.TryParse(json, out LoanDocument? back, out IReadOnlyList<SpecError> errors), $"seed {seed}:\n{string.Join("\n", errors)}\n{json}");
            Assert.Equal(doc, back);
            Assert.Equal(json, LoanSpec.Write(back));
            (object? Result, string? Error) Build(LoanDocument d)
            {
                try
                {
                    return (d.IsCombined ? d.BuildCombinedSchedule() : d.BuildSchedule(), null);
                }
                catch (LoanSpecException e)
                {
                    return (null, $"{e.InnerException?.GetType().Name} {e.Message}");
                }
            }

            (object? a, string? aError) = Build(doc);
            (object? b, string? bError) = Build(back);
            Assert.Equal(aError, bError);
            Assert.Equal(a, b);
        });

    [Fact]
    public void Most_generated_documents_build_so_the_round_trip_compares_schedules()
    {
        int built = 0;
        for (int seed = 0; seed < 300; seed++)
        {
            LoanDocument doc = LoanSpecGen.Build(seed);
            try
            {
                _ = doc.IsCombined ? (object)doc.BuildCombinedSchedule() : doc.BuildSchedule();
                built++;
            }
            catch (LoanSpecException)
            {
            }
        }

        Assert.True(built >= 120, $"only {built} of 300 generated documents build a schedule");
    }

    [Fact]
    public void TryParse_reports_every_independent_error_with_its_path()
    {
        const string json = """
            {
              "version": 2,
              "principal": -5,
              "disbursement": "2024-02-30",
              "years": 30,
              "rate": { "type": "fixed", "annual": "4.9" },
              "method": "sideways",
              "sprad": 1,
              "events": [
                { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": "shorten-term" },
                { "type": "prepay", "date": "2025-03-20" },
                { "type": "prepayment", "date": "2025-03-20", "amount": "lots", "option": "shorter" }
              ]
            }
            """;
        Assert.False(LoanSpec.TryParse(json, out LoanDocument? doc, out IReadOnlyList<SpecError> errors));
        Assert.Null(doc);
        Assert.Equal(
            ["$.sprad", "$.disbursement", "$.rate.annual", "$.events[1].type", "$.events[2].amount", "$.method"],
            errors.Select(e => e.Path));
        Assert.Equal("'4.9' has no unit; write 4.9% or 490bp.", errors.Single(e => e.Path == "$.rate.annual").Message);

        LoanSpecException thrown = Assert.Throws<LoanSpecException>(() => LoanSpec.Parse(json));
        Assert.Equal(errors, thrown.Errors);
        Assert.Equal("$.sprad", thrown.Path);
        Assert.IsAssignableFrom<FormatException>(thrown);
        Assert.StartsWith("$.sprad: unknown property", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_several_legs_are_all_reported()
    {
        const string json = """
            { "version": 2, "legs": [
              { "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } },
              { "name": "b", "principal": 1, "disbursement": "2025-06-20", "months": 0, "rate": { "type": "fixed", "annual": "3" } } ] }
            """;
        Assert.False(LoanSpec.TryParse(json, out _, out IReadOnlyList<SpecError> errors));
        Assert.True(errors.Select(e => e.Path).SequenceEqual(["$.legs[0].name", "$.legs[1].months", "$.legs[1].rate.annual"]), string.Join("\n", errors));
    }

    [Fact]
    public void Principal_out_of_range_is_named_by_its_path_from_the_parameter()
    {
        LoanSpecException e = Assert.Throws<LoanSpecException>(() => LoanSpec.Parse(
            """{ "version": 1, "principal": -5, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }"""));
        Assert.Equal(new SpecError("$.principal", "Principal must be greater than 0 and at most 1,000,000,000,000; was -5."), e.Errors.Single());
    }

    [Fact]
    public void Invalid_json_names_the_line_and_column()
    {
        Assert.False(LoanSpec.TryParse("{\n  \"version\": 2,\n  \"principal\": 1000000,\n}", out _, out IReadOnlyList<SpecError> errors));
        SpecError error = Assert.Single(errors);
        Assert.Equal(("$", 4, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("line 4, column 1: not valid JSON:", error.ToString(), StringComparison.Ordinal);
    }

    private const string Tv1Body = """ "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } """;

    [Fact]
    public void A_bad_event_found_while_building_is_named_by_its_index()
    {
        LoanDocument doc = LoanSpec.Parse($$"""
            { "version": 2, {{Tv1Body}}, "events": [
                { "type": "prepayment", "date": "2025-03-20", "amount": 1000, "option": "lower-payment" },
                { "type": "prepayment", "date": "2025-03-20", "amount": 2000000, "option": "lower-payment" } ] }
            """);
        LoanSpecException e = Assert.Throws<LoanSpecException>(doc.BuildSchedule);
        Assert.Equal("$.events[1]", e.Path);
        Assert.Equal("The prepayment of 2000000 on 2025-03-20 is more than the balance then, 983978.39; use a payoff.", e.Errors[0].Message);
        LoanEventException inner = Assert.IsType<LoanEventException>(e.InnerException);
        Assert.Equal((1, new LocalDate(2025, 3, 20)), (inner.EventIndex, inner.EventDate));
    }

    [Fact]
    public void Two_events_on_one_date_are_told_apart_by_index_not_by_date()
    {
        // The old tool matched the date in the message: both holidays are on 2024-06-21, only the index tells them apart.
        LoanDocument doc = LoanSpec.Parse($$"""
            { "version": 2, {{Tv1Body}}, "events": [
                { "type": "spread-change", "date": "2025-01-01", "spread": "10bp" },
                { "type": "fixed-rate", "date": "2024-06-21", "annual": "4%" },
                { "type": "payment-holiday", "date": "2024-06-21", "skipped_interest": "capitalized" } ] }
            """);
        Assert.Equal("$.events[0]", Assert.Throws<LoanSpecException>(doc.BuildSchedule).Path); // spread change on a fixed rate
        LoanDocument holiday = new(doc.Loan! with { Events = [.. doc.Loan!.Events.Skip(1)] });
        SpecError error = Assert.Throws<LoanSpecException>(holiday.BuildSchedule).Errors[0];
        Assert.Equal("$.events[1]", error.Path);
        Assert.StartsWith("A payment holiday must fall on a due date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_rule_names_the_event_and_the_rule()
    {
        LoanDocument doc = LoanSpec.Parse($$"""
            { "version": 2, {{Tv1Body}}, "prepayment_rules": { "allowed_after_months": 13 },
              "events": [ { "type": "payoff", "date": "2026-03-20" }, { "type": "prepayment", "date": "2025-03-20", "amount": 1000, "option": "lower-payment" } ] }
            """);
        LoanSpecException e = Assert.Throws<LoanSpecException>(doc.BuildSchedule);
        Assert.Equal("$.events[1]", e.Path);
        Assert.StartsWith("breaks the rule 'prepayment lock-in': Prepayments are allowed only from 2025-04-20", e.Errors[0].Message, StringComparison.Ordinal);
        var rule = Assert.IsType<PrepaymentRuleViolationException>(e.InnerException);
        Assert.Equal((1, new LocalDate(2025, 3, 20)), (rule.EventIndex, rule.EventDate));
    }

    [Fact]
    public void A_combined_loan_names_the_path_inside_the_leg()
    {
        LoanDocument doc = LoanSpec.Parse(File.ReadAllText(Path.Combine(Root, "docs", "examples", "combined-tv9.json")));
        CombinedLoan bad = doc.CombinedLoan!.WithLeg(doc.CombinedLoan.Legs[1].Name, l => l with
        {
            Events = [Prepayment.Partial(new LocalDate(2026, 6, 20), 9_000_000m, PrepaymentOption.LowerPayment)],
        });
        LoanSpecException e = Assert.Throws<LoanSpecException>(new LoanDocument(bad).BuildCombinedSchedule);
        Assert.Equal("$.legs[1].events[0]", e.Path);
    }

    [Fact]
    public void Documents_of_one_kind_are_built_by_their_method()
    {
        LoanDocument single = new(new Loan(1_000_000m, Rate.Percent(4.9m), 360, D));
        Assert.Throws<InvalidOperationException>(single.BuildCombinedSchedule);
        Assert.False(single.IsCombined);
        Assert.Null(single.CombinedLoan);
        Assert.Equal("changed", single.WithDescription("changed").Description);
    }

    [Fact]
    public void Load_refuses_more_than_the_limit()
    {
        Assert.Equal(64 * 1024 * 1024, LoanSpec.MaxBytes);
        using var big = new MemoryStream(new byte[LoanSpec.MaxBytes + 1]);
        Assert.Throws<InvalidDataException>(() => LoanSpec.Read(big));
        using var ok = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{ "version": 1, {{Tv1Body}} }"""));
        Assert.Equal(360, LoanSpec.Read(ok).Loan!.Periods);
    }

    [Fact]
    public void A_rate_table_given_to_the_reader_is_the_one_the_spec_adjusts()
    {
        RateTable mine = RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.3m), "mine");
        string json = """{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "january-1" } }, "rates": { "assume_unchanged_until": "2060-01-01" } }""";
        LoanDocument doc = LoanSpec.Parse(json, mine);
        Assert.Equal(mine.AssumingUnchangedUntil(new LocalDate(2060, 1, 1)), doc.Loan!.Rates);
        Assert.Equal(doc, LoanSpec.Parse(LoanSpec.Write(doc, mine), mine));
        // Against the shipped table, the extra fixing is written as a spec fixing.
        Assert.Contains("\"source\": \"mine\"", LoanSpec.Write(doc), StringComparison.Ordinal);
        Assert.Equal(doc, LoanSpec.Parse(LoanSpec.Write(doc)));

        // A table that is not the reader's plus fixings cannot be written as "rates".
        LoanDocument other = new(doc.Loan with { Rates = RateTable.Parse(new StringReader("index,effective_date,rate_pct,source\nlpr5y,2019-08-20,4.85,x\n")) });
        Assert.Throws<ArgumentException>(() => LoanSpec.Write(other));
    }
}
