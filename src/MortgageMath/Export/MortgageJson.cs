using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MortgageMath.Serialization;

/// <summary>
/// System.Text.Json for MortgageMath: <see cref="Options"/> serializes every public result type to readable JSON, with
/// no reflection (so it works in a <c>dotnet run file.cs</c> script and under Native AOT, where reflection-based
/// serialization is off). Conventions, the same as the documented schedule formats (<c>docs/export.md</c>):
/// <list type="bullet">
/// <item><see cref="Schedule"/> and <see cref="CombinedSchedule"/> are the documented schedule documents (the same as
/// <see cref="Schedule.WriteJson(Utf8JsonWriter)"/>), and an <see cref="Installment"/> one of their row objects;</item>
/// <item>other result types (<see cref="LoanQuote"/>, <see cref="PayoffQuote"/>, <see cref="PrepaymentComparison"/>,
/// <see cref="AffordabilityReport"/>, …) are objects of their public properties, names in <c>snake_case</c>; the
/// <c>Loan</c> a result was computed for is left out (the caller has it);</item>
/// <item>amounts are JSON numbers with their scale (<c>5307.27</c>, <c>0.00</c>); dates are ISO strings
/// (<c>"2024-03-20"</c>); <see cref="Rate"/> is <c>"4.9%"</c>, <see cref="Spread"/> <c>"-30bp"</c>,
/// <see cref="Percentage"/> <c>"30%"</c>; <see cref="RepaymentMethod"/>, <see cref="PrepaymentOption"/>,
/// <see cref="PrepaymentPenalty"/>, <see cref="RepricingRule"/> and <see cref="RateIndex"/> their text forms; enums
/// their names in <c>kebab-case</c>. Each of these values reads back from the text it is written as.</item>
/// </list>
/// Output is indented with <c>\n</c> line endings and non-ASCII text (a leg named 公积金) is written as it is.
/// </summary>
public static class MortgageJson
{
    /// <summary>
    /// Read-only serializer options for MortgageMath's types, backed by a source-generated context (no reflection).
    /// <c>JsonSerializer.Serialize(schedule, MortgageJson.Options)</c> is <see cref="Schedule.WriteJson(Stream)"/>'s
    /// document without its final line ending. To serialize your own types as well, copy the options
    /// (<c>new JsonSerializerOptions(MortgageJson.Options)</c>) and combine the resolvers
    /// (<c>JsonTypeInfoResolver.Combine(MortgageJson.Options.TypeInfoResolver, YourContext.Default)</c>).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The serialization metadata of <typeparamref name="T"/> under <see cref="Options"/>, for the
    /// <c>JsonSerializer</c> overloads that take a <see cref="JsonTypeInfo{T}"/>: those are what trimmed and Native AOT
    /// apps call without IL2026/IL3050 warnings (<c>JsonSerializer.Serialize(value, options)</c> is annotated as
    /// needing reflection even when the options need none).
    /// </summary>
    /// <typeparam name="T">A MortgageMath result or value type (e.g. <see cref="Schedule"/>, <see cref="LoanQuote"/>, <see cref="Rate"/>).</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of MortgageMath's serializable types.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>, without reflection and without trimming
    /// warnings at the call site.</summary>
    /// <typeparam name="T">A MortgageMath result or value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text (without a final line ending).</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, GetTypeInfo<T>());

    /// <summary>Reads a value written by <see cref="Serialize{T}"/> (the value types: <see cref="Rate"/>,
    /// <see cref="Spread"/>, <see cref="RepaymentMethod"/>, dates, …; schedules and results are written only).</summary>
    /// <typeparam name="T">A MortgageMath value type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not valid JSON or not a valid <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, GetTypeInfo<T>());

    /// <summary>The writer options of the documented JSON: indented, <c>\n</c> line endings, non-ASCII text as it is.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the <c>loan</c> member of the schedule document (its name and object: principal, rate at disbursement,
    /// periods, method, dates), for a document of your own that describes the loan as the schedule document does.
    /// </summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="schedule">The schedule whose loan to describe.</param>
    public static void WriteLoanMember(Utf8JsonWriter writer, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schedule);
        ScheduleJson.WriteLoan(writer, schedule);
    }

    /// <summary>The converters of the value types, in the order <see cref="Options"/> lists them.</summary>
    internal static JsonConverter[] Converters() =>
    [
        new RateJsonConverter(),
        new SpreadJsonConverter(),
        new PercentageJsonConverter(),
        new LocalDateJsonConverter(),
        new RepaymentMethodJsonConverter(),
        new PrepaymentOptionJsonConverter(),
        new PrepaymentPenaltyJsonConverter(),
        new RepricingRuleJsonConverter(),
        new RateIndexJsonConverter(),
        new InstallmentKindJsonConverter(),
        new ScheduleJsonConverter(),
        new CombinedScheduleJsonConverter(),
        new InstallmentJsonConverter(),
        new JsonStringEnumConverter<RuleOutcome>(JsonNamingPolicy.KebabCaseLower),
        new JsonStringEnumConverter<RuleUnit>(JsonNamingPolicy.KebabCaseLower),
        new JsonStringEnumConverter<RateChangeCauses>(JsonNamingPolicy.KebabCaseLower),
        new JsonStringEnumConverter<RoundingMode>(JsonNamingPolicy.KebabCaseLower),
    ];

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = MortgageJsonContext.Default,
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        };
        foreach (JsonConverter converter in Converters())
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// The source-generated metadata behind <see cref="MortgageJson.Options"/>: one entry per public result and value type,
/// so that serialization needs no reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(Schedule))]
[JsonSerializable(typeof(CombinedSchedule))]
[JsonSerializable(typeof(Installment))]
[JsonSerializable(typeof(IReadOnlyList<Installment>))]
[JsonSerializable(typeof(CombinedRow))]
[JsonSerializable(typeof(LegInstallment))]
[JsonSerializable(typeof(RateChange))]
[JsonSerializable(typeof(RateSegment))]
[JsonSerializable(typeof(LoanQuote))]
[JsonSerializable(typeof(CombinedQuote))]
[JsonSerializable(typeof(PayoffQuote))]
[JsonSerializable(typeof(PrepaymentQuote))]
[JsonSerializable(typeof(PrepaymentComparison))]
[JsonSerializable(typeof(IReadOnlyList<PrepaymentComparison>))]
[JsonSerializable(typeof(PurchaseSplit))]
[JsonSerializable(typeof(ProvidentFundCap))]
[JsonSerializable(typeof(AffordabilityReport))]
[JsonSerializable(typeof(AffordabilitySolution))]
[JsonSerializable(typeof(RuleResult))]
[JsonSerializable(typeof(HighestPayment))]
[JsonSerializable(typeof(PbocAnnualizedRate))]
[JsonSerializable(typeof(RegZApr))]
[JsonSerializable(typeof(RoundingPolicy))]
[JsonSerializable(typeof(Rate))]
[JsonSerializable(typeof(Spread))]
[JsonSerializable(typeof(Percentage))]
[JsonSerializable(typeof(NodaTime.LocalDate))]
[JsonSerializable(typeof(RepaymentMethod))]
[JsonSerializable(typeof(PrepaymentOption))]
[JsonSerializable(typeof(PrepaymentPenalty))]
[JsonSerializable(typeof(RepricingRule))]
[JsonSerializable(typeof(RateIndex))]
[JsonSerializable(typeof(InstallmentKind))]
[JsonSerializable(typeof(RuleOutcome))]
[JsonSerializable(typeof(RuleUnit))]
[JsonSerializable(typeof(RateChangeCauses))]
[JsonSerializable(typeof(RoundingMode))]
internal sealed partial class MortgageJsonContext : JsonSerializerContext;
