using System.Text.Json;
using NodaTime;

namespace MortgageMath.Tests.Cli;

/// <summary><c>mortgage prepay --option new-term:N</c> (月供和期限都变), alone or listed with other options.</summary>
public class PrepayNewTermTests
{
    private static readonly string[] Tv7a =
        ["prepay", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--date", "2025-03-20", "--amount", "200000"];

    private static readonly Loan Tv1Loan = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    private static JsonElement Options(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("options");
    }

    [Fact]
    public void A_new_term_is_compared_by_the_banks_schedule_and_the_closed_form()
    {
        JsonElement options = Options(CliRunner.Run([.. Tv7a, "--option", "new-term:240", "--format", "json"]));

        JsonElement only = Assert.Single(options.EnumerateArray());
        Assert.Equal("new-term(240)", only.GetProperty("option").GetString());
        PrepaymentComparison expected = PrepaymentComparison.Strategies(Tv1Loan, new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.NewTerm(240))[0];
        JsonElement schedule = only.GetProperty("schedule");
        Assert.Equal(expected.InterestSaved, schedule.GetProperty("interest_saved").GetDecimal());
        Assert.Equal(360 - (12 + 240), schedule.GetProperty("periods_saved").GetInt32());
        Assert.Equal(240, schedule.GetProperty("payments_after_prepayment").GetInt32());
        Assert.Equal(expected.NewPayment, schedule.GetProperty("new_payment").GetDecimal());
        Assert.Equal("2045-03-20", schedule.GetProperty("last_due_date").GetString());

        PrepaymentQuote quote = PrepaymentQuote.AfterPayment(Tv1Loan, 12, 200_000m, PrepaymentOption.NewTerm(240));
        JsonElement calculator = only.GetProperty("calculator");
        Assert.Equal(784_978.41m, calculator.GetProperty("balance_after").GetDecimal()); // TV-7a's balance after the prepayment
        Assert.Equal(240, calculator.GetProperty("remaining_periods").GetInt32());
        Assert.Equal(quote.NewPayment, calculator.GetProperty("new_payment").GetDecimal());
    }

    [Fact]
    public void Options_can_be_listed_side_by_side_in_the_order_given()
    {
        CliResult result = CliRunner.Run([.. Tv7a, "--option", "shorten-term,new-term:480"]);

        Assert.Equal(0, result.ExitCode);
        string header = result.Stdout.Split('\n').First(l => l.Contains("shorten-term", StringComparison.Ordinal));
        Assert.Matches(@"^\s+shorten-term\s+new-term\(480\)$", header);
        Assert.Matches(@"Payments saved\s+120\s+-132\n", result.Stdout); // 12 + 480 = 492 payments: a longer loan

        JsonElement options = Options(CliRunner.Run([.. Tv7a, "--option", "all,new-term:120", "--format", "json"]));
        Assert.Equal(
            ["lower-payment", "shorten-term", "shorten-term-keep-payment", "new-term(120)"],
            options.EnumerateArray().Select(o => o.GetProperty("option").GetString()));
    }

    [Fact]
    public void The_canonical_text_new_term_N_is_read_too()
    {
        // What the tool prints (PrepaymentOption.ToString) it also reads.
        CliResult colon = CliRunner.Run([.. Tv7a, "--option", "new-term:120", "--format", "json"]);
        CliResult canonical = CliRunner.Run([.. Tv7a, "--option", "new-term(120)", "--format", "json"]);
        Assert.Equal((0, colon.Stdout), (canonical.ExitCode, canonical.Stdout));
    }

    [Theory]
    [InlineData("new-term", "error: --option 'new-term' needs the number of payments left after the prepayment; write new-term:N, e.g. new-term:120.")]
    [InlineData("new-term:", "error: --option 'new-term:' needs the number of payments left after the prepayment; write new-term:N, e.g. new-term:120.")]
    [InlineData("new-term:ten", "error: --option 'new-term:ten': 'ten' is not a whole number; write new-term:N, e.g. new-term:120.")]
    [InlineData("new-term:0", "error: --option 'new-term:0': The new term must be between 1 and 600 periods; was 0.")]
    [InlineData("new-term:601", "error: --option 'new-term:601': The new term must be between 1 and 600 periods; was 601.")]
    [InlineData("shorten-term,shorten-term", "error: --option lists 'shorten-term' twice; give each option once.")]
    [InlineData("all,lower-payment", "error: --option lists 'lower-payment' twice; give each option once.")]
    [InlineData("shorten-term,", "error: --option '' is not a prepayment option; write lower-payment, shorten-term, shorten-term-keep-payment, new-term:N or all, or several separated by commas.")]
    public void Bad_options_are_one_error_line(string option, string expected)
    {
        CliResult result = CliRunner.Run([.. Tv7a, "--option", option]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected + "\n", result.Stderr);
    }
}
