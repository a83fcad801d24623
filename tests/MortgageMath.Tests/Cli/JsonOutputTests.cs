using System.Text.Json;

namespace MortgageMath.Tests.Cli;

public class JsonOutputTests
{
    private static JsonDocument Tv1Json(params string[] extra)
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With(["--format", "json", .. extra]));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        return JsonDocument.Parse(result.Stdout);
    }

    [Fact]
    public void Totals_and_quote_match_tv1()
    {
        using JsonDocument doc = Tv1Json();
        JsonElement root = doc.RootElement;

        JsonElement totals = root.GetProperty("totals");
        Assert.Equal(1_910_615.12m, totals.GetProperty("payment").GetDecimal());
        Assert.Equal(1_000_000.00m, totals.GetProperty("principal").GetDecimal());
        Assert.Equal(910_615.12m, totals.GetProperty("interest").GetDecimal());

        JsonElement quote = root.GetProperty("quote");
        Assert.Equal(5307.27m, quote.GetProperty("payment").GetDecimal());
        Assert.StartsWith("5307.2672062281", quote.GetProperty("exact_payment").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(910_616.19m, quote.GetProperty("formula_total_interest").GetDecimal());
        Assert.Equal(910_617.20m, quote.GetProperty("rounded_payment_total_interest").GetDecimal());
        Assert.Equal(910_615.12m, quote.GetProperty("schedule_total_interest").GetDecimal());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("monthly_decrease").ValueKind);
    }

    [Fact]
    public void Loan_block_describes_the_terms()
    {
        using JsonDocument doc = Tv1Json();
        JsonElement loan = doc.RootElement.GetProperty("loan");

        Assert.Equal("1000000.00", loan.GetProperty("principal").GetRawText());
        Assert.Equal("4.9", loan.GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal(360, loan.GetProperty("periods").GetInt32());
        Assert.Equal("equal-installment", loan.GetProperty("method").GetString());
        Assert.Equal("2024-03-20", loan.GetProperty("disbursement").GetString());
        Assert.Equal(20, loan.GetProperty("repayment_day").GetInt32());
        Assert.Equal("2024-04-20", loan.GetProperty("first_due_date").GetString());
    }

    [Fact]
    public void Rows_keep_two_decimals_as_json_numbers()
    {
        using JsonDocument doc = Tv1Json();
        JsonElement rows = doc.RootElement.GetProperty("rows");
        Assert.Equal(360, rows.GetArrayLength());

        JsonElement first = rows[0];
        Assert.Equal(1, first.GetProperty("period").GetInt32());
        Assert.Equal("2024-04-20", first.GetProperty("due_date").GetString());
        Assert.Equal("4.9", first.GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("1000000.00", first.GetProperty("opening_balance").GetRawText());
        Assert.Equal("5307.27", first.GetProperty("payment").GetRawText());
        Assert.Equal("1223.94", first.GetProperty("principal").GetRawText());
        Assert.Equal("4083.33", first.GetProperty("interest").GetRawText());
        Assert.Equal("998776.06", first.GetProperty("closing_balance").GetRawText());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("payment").ValueKind);

        JsonElement last = rows[359];
        Assert.Equal("5305.19", last.GetProperty("payment").GetRawText());
        Assert.Equal("0.00", last.GetProperty("closing_balance").GetRawText());
    }

    [Fact]
    public void Equal_principal_has_a_monthly_decrease_and_no_rounded_payment_total()
    {
        using JsonDocument doc = Tv1Json("--method", "equal-principal");
        JsonElement quote = doc.RootElement.GetProperty("quote");

        Assert.Equal("equal-principal", doc.RootElement.GetProperty("loan").GetProperty("method").GetString());
        Assert.Equal(6861.11m, quote.GetProperty("payment").GetDecimal());
        Assert.Equal(11.34m, quote.GetProperty("monthly_decrease").GetDecimal());
        Assert.Equal(737_041.67m, quote.GetProperty("formula_total_interest").GetDecimal());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("rounded_payment_total_interest").ValueKind);
    }

    [Fact]
    public void Json_uses_lf_line_endings()
    {
        string text = CliRunner.Run(CliRunner.Tv1With("--format", "json")).Stdout;
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }
}
