using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Serialization;

/// <summary>
/// A value written as its canonical text (its <c>ToString()</c>) and read back with its <c>Parse</c>: what the library
/// formats it parses. A text that does not parse is a <see cref="JsonException"/> naming the value's type and quoting
/// the parser's reason.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class TextJsonConverter<T> : JsonConverter<T>
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    protected abstract string Format(T value);

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> or <see cref="ArgumentException"/> when it is not valid.</summary>
    protected abstract T Parse(string text);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(Resources.Localized.Format(Resources.LibraryText.Valid_JsonString, typeof(T).Name, reader.TokenType));
        }

        string text = reader.GetString()!;
        try
        {
            return Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new JsonException(Resources.Localized.Format(Resources.LibraryText.Valid_JsonValue, typeof(T).Name, text, e.Message), e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));
}

/// <summary><see cref="Rate"/> as <c>"4.9%"</c>; reads <c>"4.9%"</c> and <c>"490bp"</c>.</summary>
internal sealed class RateJsonConverter : TextJsonConverter<Rate>
{
    /// <inheritdoc/>
    protected override string Format(Rate value) => value.ToString();

    /// <inheritdoc/>
    protected override Rate Parse(string text) => Rate.Parse(text);
}

/// <summary><see cref="Spread"/> as <c>"-30bp"</c>.</summary>
internal sealed class SpreadJsonConverter : TextJsonConverter<Spread>
{
    /// <inheritdoc/>
    protected override string Format(Spread value) => value.ToString();

    /// <inheritdoc/>
    protected override Spread Parse(string text) => Spread.Parse(text);
}

/// <summary><see cref="Percentage"/> as <c>"30%"</c>.</summary>
internal sealed class PercentageJsonConverter : TextJsonConverter<Percentage>
{
    /// <inheritdoc/>
    protected override string Format(Percentage value) => value.ToString();

    /// <inheritdoc/>
    protected override Percentage Parse(string text) => Percentage.Parse(text);
}

/// <summary><see cref="LocalDate"/> as ISO <c>"2024-03-20"</c> (NodaTime's own serialization would need its package).</summary>
internal sealed class LocalDateJsonConverter : TextJsonConverter<LocalDate>
{
    /// <inheritdoc/>
    protected override string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);

    /// <inheritdoc/>
    protected override LocalDate Parse(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    /// <inheritdoc/>
    public override LocalDate ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Format(value));
}

/// <summary><see cref="RepaymentMethod"/> as its text form: <c>"equal-installment"</c>, <c>"balloon(240)"</c>, ….</summary>
internal sealed class RepaymentMethodJsonConverter : TextJsonConverter<RepaymentMethod>
{
    /// <inheritdoc/>
    protected override string Format(RepaymentMethod value) => value.ToString();

    /// <inheritdoc/>
    protected override RepaymentMethod Parse(string text) => RepaymentMethod.Parse(text);
}

/// <summary><see cref="PrepaymentOption"/> as its text form: <c>"shorten-term"</c>, <c>"new-term(120)"</c>, ….</summary>
internal sealed class PrepaymentOptionJsonConverter : TextJsonConverter<PrepaymentOption>
{
    /// <inheritdoc/>
    protected override string Format(PrepaymentOption value) => value.ToString();

    /// <inheritdoc/>
    protected override PrepaymentOption Parse(string text) => PrepaymentOption.Parse(text);
}

/// <summary><see cref="PrepaymentPenalty"/> as its text form: <c>"none"</c>, <c>"months-of-interest(3)"</c>, ….</summary>
internal sealed class PrepaymentPenaltyJsonConverter : TextJsonConverter<PrepaymentPenalty>
{
    /// <inheritdoc/>
    protected override string Format(PrepaymentPenalty value) => value.ToString();

    /// <inheritdoc/>
    protected override PrepaymentPenalty Parse(string text) => PrepaymentPenalty.Parse(text);
}

/// <summary><see cref="RepricingRule"/> as its text form: <c>"january-1"</c>, ….</summary>
internal sealed class RepricingRuleJsonConverter : TextJsonConverter<RepricingRule>
{
    /// <inheritdoc/>
    protected override string Format(RepricingRule value) => value.ToString();

    /// <inheritdoc/>
    protected override RepricingRule Parse(string text) => RepricingRule.Parse(text);
}

/// <summary><see cref="RateIndex"/> as its name (<c>"lpr5y"</c>); reads the built-in names.</summary>
internal sealed class RateIndexJsonConverter : TextJsonConverter<RateIndex>
{
    /// <inheritdoc/>
    protected override string Format(RateIndex value) => value.Name;

    /// <inheritdoc/>
    protected override RateIndex Parse(string text) => RateIndex.TryParse(text, out RateIndex? index)
        ? index
        : throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_JsonRateIndex, text, string.Join(Resources.LibraryText.Valid_ListSeparator, RateIndex.All.Select(i => i.Name))));
}

/// <summary><see cref="InstallmentKind"/> as its name in the schedule formats (<c>"regular"</c>, <c>"holiday"</c>, …).</summary>
internal sealed class InstallmentKindJsonConverter : TextJsonConverter<InstallmentKind>
{
    /// <inheritdoc/>
    protected override string Format(InstallmentKind value) => ScheduleFormat.KindName(value);

    /// <inheritdoc/>
    protected override InstallmentKind Parse(string text) => ScheduleFormat.TryParseKind(text, out InstallmentKind kind)
        ? kind
        : throw new FormatException(Resources.LibraryText.Valid_JsonKind);
}

/// <summary>A <see cref="Schedule"/> as the documented schedule document (<see cref="Schedule.WriteJson(Utf8JsonWriter)"/>); write-only.</summary>
internal sealed class ScheduleJsonConverter : JsonConverter<Schedule>
{
    /// <inheritdoc/>
    public override Schedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(Resources.LibraryText.Valid_JsonSchedule);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Schedule value, JsonSerializerOptions options) => ScheduleJson.Write(writer, value);
}

/// <summary>A <see cref="CombinedSchedule"/> as the documented combined document; write-only.</summary>
internal sealed class CombinedScheduleJsonConverter : JsonConverter<CombinedSchedule>
{
    /// <inheritdoc/>
    public override CombinedSchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(Resources.LibraryText.Valid_JsonCombinedSchedule);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, CombinedSchedule value, JsonSerializerOptions options) => ScheduleJson.Write(writer, value);
}

/// <summary>An <see cref="Installment"/> as one row object of the schedule document (amounts with the row's decimals); write-only.</summary>
internal sealed class InstallmentJsonConverter : JsonConverter<Installment>
{
    /// <inheritdoc/>
    public override Installment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(Resources.LibraryText.Valid_JsonInstallment);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Installment value, JsonSerializerOptions options) => ScheduleJson.WriteRow(writer, value);
}
