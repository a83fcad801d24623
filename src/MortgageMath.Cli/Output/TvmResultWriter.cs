using System.Buffers;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>A <c>mortgage tvm</c> result as a table (<c>--format table</c>) or JSON (<c>--format json</c>), with the
/// arguments as read.</summary>
internal static class TvmResultWriter
{
    internal static string Table(TvmCommand.Function function, TvmCommand.Reader reader, decimal value)
    {
        var text = new StringBuilder();
        text.Append(function.Excel).Append('(')
            .AppendJoin(", ", reader.Arguments.Select(a => a.Name + " " + a.Display))
            .Append(")\n= ").Append(Amounts.Exact(value)).Append('\n');
        if (function.Kind is TvmCommand.ResultKind.RatePerPeriod or TvmCommand.ResultKind.RatePerYear)
        {
            text.Append("= ").Append(Amounts.Exact(value * 100m / 1.0000000000000000000000000000m)).Append(function.Kind == TvmCommand.ResultKind.RatePerYear ? CliText.Tvm_PercentAYear : CliText.Tvm_PercentPerPeriod).Append('\n');
        }

        return text.ToString();
    }

    internal static string Json(TvmCommand.Function function, TvmCommand.Reader reader, decimal value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("function", function.Name);
            json.WriteStartObject("arguments");
            foreach (TvmCommand.Argument argument in reader.Arguments)
            {
                json.WritePropertyName(argument.Name);
                argument.WriteJson(json);
            }

            json.WriteEndObject();
            json.WritePropertyName("result");
            json.WriteRawValue(Amounts.Exact(value));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
