using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>A <c>mortgage apr</c> report as a table (<c>--format table</c>), markdown or JSON.</summary>
internal static class AprWriters
{
    private static string PbocTitle => CliText.Apr_PbocTitle;

    private static string RegZTitle => CliText.Apr_RegZTitle;

    private static string Colon => CliText.Label_Separator.TrimEnd();

    internal static string Table(AprReport report, string? legLine)
    {
        var text = new StringBuilder();
        if (legLine is not null)
        {
            text.Append(legLine).Append('\n');
        }

        text.Append(QuoteFigures.Summary(report.Schedule)).Append('\n');
        text.Append(report.FeesLine()).Append('\n');
        text.Append(report.FlowsLine()).Append("\n\n");
        text.Append(PbocTitle).Append(Colon).Append('\n');
        foreach ((string label, string value) in report.PbocFigures())
        {
            text.Append("  ").Append(label).Append(CliText.Label_Separator).Append(value).Append('\n');
        }

        text.Append(RegZTitle).Append(Colon).Append('\n');
        foreach ((string label, string value) in report.RegZFigures())
        {
            text.Append("  ").Append(label).Append(CliText.Label_Separator).Append(value).Append('\n');
        }

        return text.ToString();
    }

    internal static string Markdown(AprReport report, string? legLine)
    {
        var text = new StringBuilder();
        if (legLine is not null)
        {
            text.Append(legLine).Append("\n\n");
        }

        text.Append(QuoteFigures.Summary(report.Schedule)).Append("\n\n");
        text.Append("- ").Append(report.FeesLine()).Append('\n');
        text.Append("- ").Append(report.FlowsLine()).Append("\n\n");
        text.Append("**").Append(PbocTitle).Append("**\n\n");
        foreach ((string label, string value) in report.PbocFigures())
        {
            text.Append("- ").Append(label).Append(CliText.Label_Separator).Append(value).Append('\n');
        }

        text.Append("\n**").Append(RegZTitle).Append("**\n\n");
        foreach ((string label, string value) in report.RegZFigures())
        {
            text.Append("- ").Append(label).Append(CliText.Label_Separator).Append(value).Append('\n');
        }

        return text.ToString();
    }

    internal static string Json(AprReport report)
    {
        int places = report.Places;
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            if (report.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, report.Schedule);

            json.WriteStartObject("fees");
            JsonScheduleWriter.WriteAmount(json, "upfront", report.Upfront, places);
            JsonScheduleWriter.WriteAmount(json, "periodic", report.Periodic, places);
            json.WriteEndObject();

            json.WriteStartObject("cash_flows");
            JsonScheduleWriter.WriteAmount(json, "advance", report.Flows.Advance, places);
            json.WriteString("advance_date", Amounts.Date(report.Flows.AdvanceDate));
            json.WriteNumber("payments", report.Flows.Payments.Count);
            json.WriteString("first_payment_date", Amounts.Date(report.Flows.Payments[0].Date));
            json.WriteString("last_payment_date", Amounts.Date(report.Flows.Payments[^1].Date));
            JsonScheduleWriter.WriteAmount(json, "total_payments", report.Flows.TotalPayments, places);
            json.WriteEndObject();

            json.WriteStartObject("pboc");
            json.WriteString("method", "PBoC [2021] No.3, IRR (compound) method");
            WriteExact(json, "monthly_rate", report.Pboc.PeriodicRate);
            WriteExact(json, "nominal_pct", report.Pboc.Nominal.ToPercent());
            WriteExact(json, "effective_pct", report.Pboc.Effective.ToPercent());
            json.WriteEndObject();

            json.WriteStartObject("reg_z");
            json.WriteString("method", "Regulation Z Appendix J, actuarial method");
            json.WriteString("unit_period", "month");
            WriteExact(json, "unit_period_rate", report.RegZ.UnitPeriodRate);
            WriteExact(json, "unit_periods_per_year", report.RegZ.UnitPeriodsPerYear);
            WriteExact(json, "annual_rate_pct", report.RegZ.AnnualRate.ToPercent());
            json.WritePropertyName("disclosed_pct");
            json.WriteRawValue(report.RegZ.Disclosed.ToString("0.00", CultureInfo.InvariantCulture));
            json.WriteEndObject();

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes a decimal as a JSON number with all its digits (invariant culture, no exponent).</summary>
    private static void WriteExact(Utf8JsonWriter json, string name, decimal value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(Amounts.Exact(value));
    }
}
