using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MortgageMath.Serialization;
using NodaTime;

namespace MortgageMath.Tests.Export;

/// <summary>MortgageJson.Options: value types as their text (and back), results as readable objects, no reflection.</summary>
public class JsonConverterTests
{
    private static readonly JsonSerializerOptions Options = MortgageJson.Options;

    [Theory]
    [InlineData("4.9%")]
    [InlineData("-0.5%")]
    [InlineData("0%")]
    [InlineData("3.95%")]
    public void Rate_is_its_percent_text_and_reads_back(string text)
    {
        Rate rate = Rate.Parse(text);
        string json = JsonSerializer.Serialize(rate, Options);
        Assert.Equal("\"" + text + "\"", json);
        Assert.Equal(rate, JsonSerializer.Deserialize<Rate>(json, Options));
    }

    [Fact]
    public void Rate_reads_basis_points_too_and_rejects_bad_text_with_a_json_exception()
    {
        Assert.Equal(Rate.Percent(4.9m), JsonSerializer.Deserialize<Rate>("\"490bp\"", Options));
        JsonException bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rate>("\"4.9 percent\"", Options));
        Assert.Contains("4.9 percent", bad.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rate>("4.9", Options));
    }

    [Theory]
    [InlineData("-30bp")]
    [InlineData("+0bp")]
    [InlineData("+45bp")]
    public void Spread_is_its_basis_point_text_and_reads_back(string text)
    {
        Spread spread = Spread.Parse(text);
        string json = JsonSerializer.Serialize(spread, Options);
        Assert.Equal("\"" + text + "\"", json);
        Assert.Equal(spread, JsonSerializer.Deserialize<Spread>(json, Options));
    }

    [Fact]
    public void Percentage_and_dates_round_trip()
    {
        Percentage share = Percentage.Percent(30m);
        Assert.Equal("\"30%\"", JsonSerializer.Serialize(share, Options));
        Assert.Equal(share, JsonSerializer.Deserialize<Percentage>("\"30%\"", Options));

        var date = new LocalDate(2024, 3, 20);
        Assert.Equal("\"2024-03-20\"", JsonSerializer.Serialize(date, Options));
        Assert.Equal(date, JsonSerializer.Deserialize<LocalDate>("\"2024-03-20\"", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>("\"20/03/2024\"", Options));
    }

    public static TheoryData<string> Methods() => ["equal-installment", "equal-principal", "balloon(240)", "interest-first(24)", "interest-first(24, equal-principal, 1)"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Repayment_methods_are_their_canonical_text_and_read_back(string text)
    {
        RepaymentMethod method = RepaymentMethod.Parse(text);
        string json = JsonSerializer.Serialize(method, Options);
        Assert.Equal("\"" + method + "\"", json);
        Assert.Equal(method, JsonSerializer.Deserialize<RepaymentMethod>(json, Options));
    }

    [Fact]
    public void Options_penalties_repricing_indexes_and_kinds_round_trip()
    {
        RoundTrip(PrepaymentOption.ShortenTerm);
        RoundTrip(PrepaymentOption.Parse("new-term(120)"));
        RoundTrip(PrepaymentPenalty.Parse("months-of-interest(3)"));
        RoundTrip(PrepaymentPenalty.None);
        RoundTrip(RepricingRule.EveryJanuary1);
        RoundTrip(RateIndex.Lpr5Y);
        foreach (InstallmentKind kind in Enum.GetValues<InstallmentKind>())
        {
            Assert.Equal("\"" + ScheduleFormat.KindName(kind) + "\"", JsonSerializer.Serialize(kind, Options));
            RoundTrip(kind);
        }
    }

    [Fact]
    public void An_installment_is_a_row_of_the_schedule_document_without_a_calendar_dump()
    {
        Installment row = ExportSupport.Tv1.BuildSchedule()[0];
        string json = JsonSerializer.Serialize(row, Options);
        Assert.Equal(
            """
            {
              "period": 1,
              "due_date": "2024-04-20",
              "annual_rate_pct": 4.9,
              "opening_balance": 1000000.00,
              "payment": 5307.27,
              "principal": 1223.94,
              "interest": 4083.33,
              "closing_balance": 998776.06,
              "kind": "regular",
              "penalty": 0.00
            }
            """.ReplaceLineEndings("\n"), json);
        Assert.DoesNotContain("Calendar", json, StringComparison.Ordinal);
        Assert.DoesNotContain("{}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_serialize_to_readable_json_with_rates_as_text_and_amounts_with_their_scale()
    {
        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        object[] results =
        [
            schedule.Quote,
            ExportSupport.Tv9.BuildSchedule().Quote,
            ExportSupport.Tv1.PayoffQuote(new LocalDate(2025, 4, 8)),
            PrepaymentQuote.AfterPayment(ExportSupport.Tv1, 12, 200_000m, PrepaymentOption.ShortenTerm),
            PrepaymentComparison.Compare(ExportSupport.Tv1, ExportSupport.Tv1 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm)] }),
            ExportSupport.Split(),
            ExportSupport.Report(),
            MortgageMath.Analytics.Apr.Pboc(schedule),
            schedule.RateChanges[0],
        ];
        foreach (object result in results)
        {
            string json = JsonSerializer.Serialize(result, result.GetType(), Options);
            Assert.DoesNotContain("{}", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Calendar", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Loan\"", json, StringComparison.Ordinal);
            using JsonDocument document = JsonDocument.Parse(json); // well-formed
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        string quote = JsonSerializer.Serialize(schedule.Quote, Options);
        Assert.Contains("\"payment\": 5307.27,", quote, StringComparison.Ordinal);
        Assert.Contains("\"rounded_payment_total_interest\": 910617.20,", quote, StringComparison.Ordinal);
        Assert.Contains("\"annual_rate\": \"4.9%\"", JsonSerializer.Serialize(schedule.RateChanges[0], Options), StringComparison.Ordinal);
        Assert.Contains("\"penalty\": 0.00,", JsonSerializer.Serialize(ExportSupport.Tv1.PayoffQuote(new LocalDate(2025, 4, 8)), Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_need_no_reflection_they_are_backed_by_the_source_generated_context_only()
    {
        Assert.True(Options.IsReadOnly);
        Assert.IsType<MortgageJsonContext>(Options.TypeInfoResolver);

        // What reflection-disabled hosts (file-based apps, Native AOT) see: a resolver that knows only the generated
        // metadata. Every result type resolves; a type outside the context does not fall back to reflection.
        var sourceGeneratedOnly = new JsonSerializerOptions(Options) { TypeInfoResolver = MortgageJsonContext.Default };
        foreach (Type type in new[]
                 {
                     typeof(Schedule), typeof(CombinedSchedule), typeof(Installment), typeof(CombinedRow), typeof(LoanQuote),
                     typeof(CombinedQuote), typeof(PayoffQuote), typeof(PrepaymentQuote), typeof(PrepaymentComparison),
                     typeof(PurchaseSplit), typeof(AffordabilityReport), typeof(AffordabilitySolution), typeof(PbocAnnualizedRate),
                     typeof(RegZApr), typeof(RateChange), typeof(Rate), typeof(Spread), typeof(Percentage), typeof(LocalDate),
                 })
        {
            JsonTypeInfo info = sourceGeneratedOnly.GetTypeInfo(type);
            Assert.Equal(type, info.Type);
        }

        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        Assert.Equal(JsonSerializer.Serialize(schedule, Options), JsonSerializer.Serialize(schedule, sourceGeneratedOnly));
        Assert.ThrowsAny<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://example.com"), sourceGeneratedOnly));
    }

    [Fact]
    public void The_typed_helpers_are_the_options_without_the_reflection_annotated_overloads()
    {
        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        Assert.Equal(JsonSerializer.Serialize(schedule, Options), MortgageJson.Serialize(schedule));
        Assert.Equal(JsonSerializer.Serialize(schedule.Quote, Options), MortgageJson.Serialize(schedule.Quote));
        Assert.Equal(Spread.Parse("-30bp"), MortgageJson.Deserialize<Spread>("\"-30bp\""));
        Assert.Same(MortgageJson.GetTypeInfo<Rate>(), MortgageJson.GetTypeInfo<Rate>());
        Assert.ThrowsAny<NotSupportedException>(() => MortgageJson.GetTypeInfo<Uri>());
    }

    [Fact]
    public void Without_options_the_types_with_converters_still_serialize_sensibly()
    {
        // Rate, Installment, Schedule… carry [JsonConverter], so even reflection-based default serialization is readable.
        Assert.Equal("\"4.9%\"", JsonSerializer.Serialize(Rate.Percent(4.9m)));
        Assert.DoesNotContain("{}", JsonSerializer.Serialize(ExportSupport.Tv1.BuildSchedule()[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_cannot_be_read_back_they_are_built_from_loans()
    {
        string json = JsonSerializer.Serialize(ExportSupport.Tv1.BuildSchedule(), Options);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<Schedule>(json, Options));
    }

    private static void RoundTrip<T>(T value)
    {
        string json = JsonSerializer.Serialize(value, Options);
        Assert.StartsWith("\"", json, StringComparison.Ordinal);
        Assert.Equal(value, JsonSerializer.Deserialize<T>(json, Options));
    }
}
