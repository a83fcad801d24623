using System.Buffers;
using System.Text.Json;
using MortgageMath.Serialization;

namespace MortgageMath.Cli;

/// <summary>
/// Helpers for the tool's own JSON documents (<c>prepay</c>, <c>payoff</c>, <c>afford</c>), written in the style of the
/// library's schedule document (<see cref="Schedule.WriteJson(TextWriter)"/>, which <c>schedule --format json</c>
/// writes): the same writer options, amounts as numbers with the rounding policy's decimals, and the same <c>loan</c> member.
/// </summary>
internal static class JsonScheduleWriter
{
    /// <summary>Writes the <c>loan</c> member: the terms of <paramref name="schedule"/>'s loan, as the schedule document has it.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="schedule">The schedule.</param>
    internal static void WriteLoan(Utf8JsonWriter json, Schedule schedule) => MortgageJson.WriteLoanMember(json, schedule);

    /// <summary>Creates the indented, LF-ended JSON writer every command uses (<see cref="MortgageJson.WriterOptions"/>).</summary>
    /// <param name="buffer">Where the UTF-8 goes.</param>
    /// <returns>The writer.</returns>
    internal static Utf8JsonWriter CreateWriter(ArrayBufferWriter<byte> buffer) => new(buffer, MortgageJson.WriterOptions);

    /// <summary>Writes an amount as a JSON number with exactly <paramref name="places"/> decimals, or null.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="name">The member name.</param>
    /// <param name="amount">The amount, or null.</param>
    /// <param name="places">The decimals.</param>
    internal static void WriteAmount(Utf8JsonWriter json, string name, decimal? amount, int places)
    {
        json.WritePropertyName(name);
        if (amount is { } value)
        {
            json.WriteRawValue(Amounts.Plain(value, places));
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
