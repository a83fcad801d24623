using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary><c>prepay</c> and <c>payoff</c> on one leg of a combined spec: <c>--leg NAME</c>.</summary>
public class LegOptionTests
{
    private static string Tv9Path => Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json");

    /// <summary>The provident-fund leg of TV-9 as a spec of its own (the combined file's rates apply to its legs).</summary>
    private static string ProvidentFundAlone => SpecFiles.Write("""
        { "version": 2, "principal": 300000, "disbursement": "2025-06-20", "months": 360, "method": "equal-installment",
          "rate": { "type": "provident-fund", "index": "pf-first-gt5y" }, "rates": { "assume_unchanged_until": "2056-01-01" } }
        """);

    private static void AssertError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr {result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: " + expected + "\n", result.Stderr);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Prepay_on_a_leg_is_the_leg_alone_after_a_line_naming_the_leg(string format)
    {
        CliResult leg = CliRunner.Run("prepay", "--spec", Tv9Path, "--leg", "provident-fund", "--date", "2026-06-20", "--amount", "100000", "--format", format);
        CliResult alone = CliRunner.Run("prepay", "--spec", ProvidentFundAlone, "--date", "2026-06-20", "--amount", "100000", "--format", format);

        Assert.Equal("", leg.Stderr);
        Assert.Equal(0, leg.ExitCode);
        string separator = format == "markdown" ? "\n\n" : "\n";
        Assert.Equal(
            "Leg provident-fund of the combined loan (legs commercial, provident-fund); the other legs are unchanged." + separator + alone.Stdout,
            leg.Stdout);
    }

    [Fact]
    public void Prepay_json_on_a_leg_names_the_leg_first()
    {
        CliResult leg = CliRunner.Run("prepay", "--spec", Tv9Path, "--leg", "commercial", "--date", "2026-06-20", "--amount", "100000", "--format", "json");

        Assert.Equal(0, leg.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(leg.Stdout);
        JsonProperty first = doc.RootElement.EnumerateObject().First();
        Assert.Equal("leg", first.Name);
        Assert.Equal("commercial", first.Value.GetString());
        Assert.Equal(700_000m, doc.RootElement.GetProperty("loan").GetProperty("principal").GetDecimal());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void Payoff_on_a_leg_quotes_that_leg(string format)
    {
        CliResult leg = CliRunner.Run("payoff", "--spec", Tv9Path, "--leg", "provident-fund", "--date", "2027-01-05", "--format", format);
        CliResult alone = CliRunner.Run("payoff", "--spec", ProvidentFundAlone, "--date", "2027-01-05", "--format", format);

        Assert.Equal("", leg.Stderr);
        Assert.Equal(0, leg.ExitCode);
        if (format == "json")
        {
            using JsonDocument withLeg = JsonDocument.Parse(leg.Stdout);
            using JsonDocument single = JsonDocument.Parse(alone.Stdout);
            Assert.Equal("provident-fund", withLeg.RootElement.GetProperty("leg").GetString());
            Assert.Equal(single.RootElement.GetProperty("payoff").GetRawText(), withLeg.RootElement.GetProperty("payoff").GetRawText());
        }
        else
        {
            Assert.EndsWith(alone.Stdout, leg.Stdout, StringComparison.Ordinal);
            Assert.StartsWith("Leg provident-fund of the combined loan", leg.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_combined_spec_without_leg_is_refused_listing_the_legs()
    {
        AssertError(
            CliRunner.Run("prepay", "--spec", Tv9Path, "--date", "2026-06-20", "--amount", "100000"),
            "--spec describes a combined loan; mortgage prepay works on one leg: add --leg commercial or --leg provident-fund.");
        AssertError(
            CliRunner.Run("payoff", "--spec", Tv9Path, "--date", "2026-06-20"),
            "--spec describes a combined loan; mortgage payoff works on one leg: add --leg commercial or --leg provident-fund.");
    }

    [Fact]
    public void An_unknown_leg_is_refused_listing_the_legs() =>
        AssertError(
            CliRunner.Run("prepay", "--spec", Tv9Path, "--leg", "Commercial", "--date", "2026-06-20", "--amount", "100000"),
            "--leg 'Commercial': the combined loan has no such leg; its legs are commercial, provident-fund (names are case-sensitive).");

    [Fact]
    public void Leg_with_a_single_loan_or_without_a_spec_is_refused()
    {
        string single = SpecFiles.Write("""
            { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }
            """);
        AssertError(
            CliRunner.Run("payoff", "--spec", single, "--leg", "commercial", "--date", "2026-06-20"),
            "--leg applies to a combined loan spec (\"legs\"); this spec describes a single loan: leave --leg out.");
        AssertError(
            CliRunner.Run("payoff", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--leg", "commercial", "--date", "2026-06-20"),
            "--leg applies to a combined loan spec (--spec FILE with \"legs\"); the options describe a single loan: leave --leg out.");
    }

    [Fact]
    public void An_error_in_the_leg_names_the_path_inside_it()
    {
        CliResult result = CliRunner.Run("prepay", "--spec", Tv9Path, "--leg", "commercial", "--date", "2026-06-20", "--amount", "900000");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --date/--amount: ", result.Stderr, StringComparison.Ordinal);
    }
}
