using System.Globalization;
using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// Payment-holiday rows show what became of the skipped interest (<c>deferred_interest</c>, <c>capitalized_interest</c>)
/// so that every row reconciles: closing = opening − principal + capitalized_interest.
/// </summary>
public class HolidayOutputTests
{
    private const string HolidayHeader = MortgageMath.Serialization.ScheduleFormat.CsvHeader + ",kind,penalty,deferred_interest,capitalized_interest";

    private static string Example(string name) => Path.Combine(SpecFiles.ExamplesDirectory(), name);

    private static string Tv1WithHoliday(string policy, string date = "2024-06-20") => SpecFiles.Write($$"""
        { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" },
          "events": [ { "type": "payment-holiday", "date": "{{date}}", "skipped_interest": "{{policy}}" } ] }
        """);

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Csv(string spec)
    {
        CliResult result = CliRunner.Run("schedule", "--spec", spec, "--format", "csv");
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        return result.Stdout.TrimEnd('\n').Split('\n');
    }

    /// <summary>Every row: payment = principal + interest + penalty, closing = opening − principal + capitalized, opening = previous closing.</summary>
    private static void AssertEveryRowReconciles(string[] lines, decimal principal)
    {
        Assert.Equal(HolidayHeader, lines[0]);
        decimal previous = principal;
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            Assert.Equal(12, f.Length);
            decimal opening = D(f[3]), payment = D(f[4]), paid = D(f[5]), interest = D(f[6]), closing = D(f[7]);
            decimal penalty = D(f[9]), deferred = D(f[10]), capitalized = D(f[11]);
            Assert.Equal(previous, opening);
            Assert.Equal(payment, paid + interest + penalty);
            Assert.Equal(closing, opening - paid + capitalized);
            Assert.True(capitalized == 0m || capitalized == deferred, line);
            Assert.True(f[8] == "holiday" || deferred == 0m, line);
            previous = closing;
        }

        Assert.Equal(0m, previous);
    }

    [Fact]
    public void A_capitalized_holiday_row_shows_the_interest_added_to_the_balance()
    {
        string[] lines = Csv(Example("payment-holiday.json"));

        Assert.Equal(HolidayHeader, lines[0]);
        Assert.Equal("2,2024-05-20,4.9,998776.06,5307.27,1228.93,4078.34,997547.13,regular,0.00,0.00,0.00", lines[2]);
        // 997,547.13 × 4.9% / 12 = 4,073.32 skipped and added: 997,547.13 + 4,073.32 = 1,001,620.45.
        Assert.Equal("3,2024-06-20,4.9,997547.13,0.00,0.00,0.00,1001620.45,holiday,0.00,4073.32,4073.32", lines[3]);
        Assert.Equal("4,2024-07-20,4.9,1001620.45,0.00,0.00,0.00,1005710.40,holiday,0.00,4089.95,4089.95", lines[4]);
        AssertEveryRowReconciles(lines, 1_000_000m);
    }

    [Fact]
    public void A_collected_later_holiday_row_shows_the_deferred_interest_and_the_next_payment_collects_it()
    {
        string[] lines = Csv(Tv1WithHoliday("collected-later"));

        Assert.Equal("3,2024-06-20,4.9,997547.13,0.00,0.00,0.00,997547.13,holiday,0.00,4073.32,0.00", lines[3]);
        // The next payment's interest is its own period's 4,073.32 and the deferred 4,073.32.
        Assert.Equal("4,2024-07-20,4.9,997547.13,9387.16,1240.52,8146.64,996306.61,regular,0.00,0.00,0.00", lines[4]);
        AssertEveryRowReconciles(lines, 1_000_000m);
    }

    [Fact]
    public void Schedules_without_a_holiday_keep_their_columns()
    {
        string prepayment = SpecFiles.Write("""
            { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" },
              "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": "shorten-term" } ] }
            """);
        Assert.Equal(MortgageMath.Serialization.ScheduleFormat.CsvHeader + ",kind,penalty", Csv(prepayment)[0]);
        CliResult json = CliRunner.Run("schedule", "--spec", prepayment, "--format", "json");
        Assert.DoesNotContain("capitalized_interest", json.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("deferred_interest", json.Stdout, StringComparison.Ordinal);
        CliResult table = CliRunner.Run("schedule", "--spec", prepayment);
        Assert.DoesNotContain("Deferred", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holiday_rows_carry_both_amounts_and_the_totals_the_capitalized_sum()
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Example("payment-holiday.json"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement rows = doc.RootElement.GetProperty("rows");

        JsonElement holiday = rows[2];
        Assert.Equal("holiday", holiday.GetProperty("kind").GetString());
        Assert.Equal("4073.32", holiday.GetProperty("deferred_interest").GetRawText());
        Assert.Equal("4073.32", holiday.GetProperty("capitalized_interest").GetRawText());
        Assert.False(rows[0].TryGetProperty("deferred_interest", out _));
        Assert.False(rows[0].TryGetProperty("capitalized_interest", out _));

        JsonElement totals = doc.RootElement.GetProperty("totals");
        decimal capitalized = totals.GetProperty("capitalized_interest").GetDecimal();
        Assert.Equal(4073.32m + 4089.95m, capitalized);
        Assert.Equal(1_000_000m + capitalized, totals.GetProperty("principal").GetDecimal());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Table_and_markdown_show_the_deferred_and_capitalized_interest(string format)
    {
        CliResult result = CliRunner.Run("schedule", "--spec", Example("payment-holiday.json"), "--format", format);
        Assert.Equal(0, result.ExitCode);

        Assert.Contains("Deferred interest", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Capitalized interest", result.Stdout, StringComparison.Ordinal);
        string row = result.Stdout.Split('\n').Single(l => l.Contains("2024-06-20", StringComparison.Ordinal));
        Assert.Equal(2, row.Split("4,073.32").Length - 1);
        Assert.Contains("8,163.27", result.Stdout, StringComparison.Ordinal); // the capitalized total in the footer
    }

    [Fact]
    public void A_combined_csv_shows_a_legs_holiday_and_the_sums_on_the_total_line()
    {
        string spec = SpecFiles.Write("""
            { "version": 2, "legs": [
              { "name": "commercial", "principal": 700000, "disbursement": "2025-06-20", "months": 360, "repayment_day": 25, "rate": { "type": "fixed", "annual": "3.05%" } },
              { "name": "provident-fund", "principal": 300000, "disbursement": "2025-06-20", "months": 360, "repayment_day": 25, "rate": { "type": "fixed", "annual": "2.6%" },
                "events": [ { "type": "payment-holiday", "date": "2025-08-25", "skipped_interest": "capitalized" } ] } ] }
            """);
        string[] lines = Csv(spec);
        foreach (string format in new[] { "table", "markdown" })
        {
            CliResult other = CliRunner.Run("schedule", "--spec", spec, "--format", format);
            Assert.Equal(0, other.ExitCode);
            Assert.Contains("Capitalized interest", other.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal("leg," + HolidayHeader, lines[0]);
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            Assert.Equal(13, f.Length);
            if (f[0] != "total")
            {
                Assert.Equal(D(f[8]), D(f[4]) - D(f[6]) + D(f[12])); // the leg row reconciles
            }
            else
            {
                Assert.Equal(D(f[4]), D(f[8]) + D(f[6]) - D(f[12])); // the total's opening undoes its principal and capitalized interest
            }
        }

        string holiday = lines.Single(l => l.StartsWith("provident-fund,2,2025-08-25,", StringComparison.Ordinal));
        string[] h = holiday.Split(',');
        Assert.Equal("holiday", h[9]);
        Assert.Equal(h[11], h[12]);
        Assert.True(D(h[11]) > 0m);
        string total = lines[Array.IndexOf(lines, holiday) + 1];
        Assert.StartsWith("total,,2025-08-25,", total, StringComparison.Ordinal);
        Assert.EndsWith($",,0.00,{h[11]},{h[12]}", total, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combined_csv_total_line_opens_with_the_previous_total_closing_balance()
    {
        string spec = SpecFiles.Write("""
            { "version": 2, "legs": [
              { "name": "commercial", "principal": 700000, "disbursement": "2025-06-20", "months": 360, "repayment_day": 25, "rate": { "type": "fixed", "annual": "3.05%" } },
              { "name": "provident-fund", "principal": 300000, "disbursement": "2025-06-20", "months": 360, "repayment_day": 25, "rate": { "type": "fixed", "annual": "2.6%" },
                "events": [ { "type": "payment-holiday", "date": "2025-08-25", "skipped_interest": "capitalized" } ] } ] }
            """);
        decimal previous = 1_000_000m;
        foreach (string[] f in Csv(spec).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "total"))
        {
            Assert.Equal(previous, D(f[4]));
            previous = D(f[8]);
        }

        Assert.Equal(0m, previous);
    }
}
