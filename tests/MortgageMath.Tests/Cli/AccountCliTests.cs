using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary>The <c>mortgage account</c> command: the shipped example, the formats, --payments, and every bad input as one error line with exit code 2.</summary>
public class AccountCliTests
{
    private static string Example => Path.Combine(SpecFiles.ExamplesDirectory(), "overdue-account.json");

    private static string ExampleWith(string payments) =>
        SpecFiles.Write(File.ReadAllText(Example).Replace("\"payments\": []", $"\"payments\": {payments}", StringComparison.Ordinal));

    private static void AssertOneErrorLine(CliResult result, string expected) => CliAssert.OneErrorLine(result, expected);

    [Fact]
    public void The_example_matches_its_golden_output()
    {
        CliResult result = CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(GoldenFiles.Read("overdue-account-2024-05-20.txt")), result.Stdout);
    }

    [Fact]
    public void The_first_instalment_is_30_days_past_due_with_its_penalty_and_compound_interest_and_the_second_is_due_not_overdue()
    {
        CliResult result = CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        JsonElement[] instalments = [.. root.GetProperty("instalments").EnumerateArray()];
        Assert.Equal(2, instalments.Length);
        Assert.Equal("overdue", instalments[0].GetProperty("status").GetString());
        Assert.Equal(30, instalments[0].GetProperty("days_late").GetInt32());
        Assert.Equal("7.50", instalments[0].GetProperty("penalty_interest").GetRawText());
        Assert.Equal("25.01", instalments[0].GetProperty("compound_interest").GetRawText());
        Assert.Equal("due", instalments[1].GetProperty("status").GetString());
        Assert.Equal("0.00", instalments[1].GetProperty("penalty_interest").GetRawText());
        Assert.Equal(30, root.GetProperty("days_past_due").GetInt32());
        Assert.Equal("2024-04-20", root.GetProperty("overdue_since").GetString());
        Assert.Equal("关注", root.GetProperty("classification").GetProperty("class").GetProperty("label").GetString());
        Assert.Equal("2024-07-20", root.GetProperty("classification").GetProperty("next_transition").GetString());
        Assert.Equal("10647.05", root.GetProperty("amount_to_be_current").GetRawText());
        Assert.Equal("1008194.18", root.GetProperty("payoff").GetProperty("amount").GetRawText());
        Assert.Equal("markup(50%)", root.GetProperty("policy").GetProperty("penalty_rate").GetString());
    }

    [Fact]
    public void Csv_has_one_line_per_instalment_due()
    {
        CliResult result = CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("period,due_date,due_principal,due_interest,", lines[0], StringComparison.Ordinal);
        Assert.Equal("1,2024-04-20,1223.94,4083.33,0.00,0.00,0.00,7.50,25.01,0.00,0.00,0.00,0.00,5339.78,,30,overdue", lines[1]);
        Assert.EndsWith(",0,due", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_what_a_collector_tells_the_borrower()
    {
        CliResult result = CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "1 instalment overdue since 2024-04-20: 5,307.27 plus 7.50 penalty interest (罚息) and 25.01 compound interest (复利); 30 days past due; 关注.\n",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("To be current, pay 10,647.05 today (2024-05-20).\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("If nothing is paid, the account becomes 次级 on 2024-07-20.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payments_file_replaces_the_specs_payments()
    {
        string spec = ExampleWith("""[ { "date": "2024-04-20", "amount": 1 } ]""");
        string csv = SpecFiles.Write("date,amount\n2024-04-20,5307.27\n2024-05-20,5307.27\n", ".csv");
        CliResult result = CliRunner.Run("account", "--spec", spec, "--payments", csv, "--as-of", "2024-05-20", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("payments_counted").GetInt32());
        Assert.True(doc.RootElement.GetProperty("is_current").GetBoolean());
        Assert.Equal("0.00", doc.RootElement.GetProperty("arrears").GetProperty("total").GetRawText());
        Assert.Equal("正常", doc.RootElement.GetProperty("classification").GetProperty("class").GetProperty("label").GetString());
    }

    [Fact]
    public void Payments_can_come_from_standard_input_and_the_output_go_to_a_file()
    {
        string output = SpecFiles.Write("", ".txt");
        CliResult result = CliRunner.RunWithInput(
            "date,amount\n2024-04-20,5307.27\n", "account", "--spec", Example, "--payments", "-", "--as-of", "2024-04-20", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("paid on time", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void Explain_with_a_machine_format_is_refused_not_ignored(string format) =>
        AssertOneErrorLine(
            CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--format", format, "--explain"),
            $"error: --explain goes with --format text; the {format} output carries the figures themselves.");

    [Fact]
    public void A_payment_before_disbursement_names_the_spec_path() =>
        AssertOneErrorLine(
            CliRunner.Run("account", "--spec", ExampleWith("""[ { "date": "2024-03-01", "amount": 5 } ]"""), "--as-of", "2024-05-20"),
            "error: $.payments[0]: The payment of 5 on 2024-03-01 is dated before the disbursement on 2024-03-20.");

    [Fact]
    public void A_payment_before_disbursement_in_the_payments_file_names_its_line() =>
        AssertOneErrorLine(
            CliRunner.Run("account", "--spec", Example, "--payments", SpecFiles.Write("date,amount\n2024-04-20,5307.27\n2024-03-01,5\n", ".csv"), "--as-of", "2024-05-20"),
            "error: --payments '");

    [Fact]
    public void A_negative_amount_is_refused_in_the_spec_and_in_the_file()
    {
        AssertOneErrorLine(
            CliRunner.Run("account", "--spec", ExampleWith("""[ { "date": "2024-04-20", "amount": "-5" } ]"""), "--as-of", "2024-05-20"),
            "error: $.payments[0].amount: A payment must be above 0");
        CliResult file = CliRunner.Run("account", "--spec", Example, "--payments", SpecFiles.Write("date,amount\n2024-04-20,-5\n", ".csv"), "--as-of", "2024-05-20");
        AssertOneErrorLine(file, "error: --payments '");
        Assert.Contains(" line 2: '-5': A payment must be above 0", file.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_after_the_loan_is_repaid_is_refused()
    {
        string spec = SpecFiles.Write("""
            { "version": 3, "principal": 1000, "disbursement": "2024-03-20", "months": 1, "rate": { "type": "fixed", "annual": "4.9%" },
              "payments": [ { "date": "2024-04-20", "amount": "1004.22" }, { "date": "2024-05-01", "amount": 10 } ] }
            """);
        AssertOneErrorLine(CliRunner.Run("account", "--spec", spec, "--as-of", "2024-06-01"), "error: $.payments[1]: The payment of 10 on 2024-05-01 arrives after the loan was repaid in full");
    }

    [Theory]
    [InlineData("\"preset\": \"uk\"", "error: $.overdue_policy.preset: 'uk' is not allowed; write china or us.")]
    [InlineData("\"preset\": \"china\", \"penalty_rate\": \"double\"", "error: $.overdue_policy.penalty_rate: 'double' is not a penalty rate")]
    [InlineData("\"preset\": \"china\", \"allocation\": \"oldest\"", "error: $.overdue_policy.allocation: 'oldest' is not an allocation order")]
    [InlineData("\"preset\": \"china\", \"classification\": \"basel\"", "error: $.overdue_policy.classification: 'basel' is not a classification")]
    [InlineData("\"preset\": \"china\", \"late_fee\": \"some\"", "error: $.overdue_policy.late_fee: ")]
    [InlineData("\"preset\": \"china\", \"grace_days\": 400", "error: $.overdue_policy.grace_days: Grace days must be between 0 and 365; was 400.")]
    [InlineData("\"preset\": \"china\", \"penalty\": \"none\"", "error: $.overdue_policy.penalty: unknown property")]
    public void An_unknown_policy_name_names_its_path(string policy, string expected)
    {
        string spec = SpecFiles.Write(File.ReadAllText(Example).Replace(
            "\"overdue_policy\": { \"preset\": \"china\", \"penalty_rate\": \"markup(50%)\" }", $"\"overdue_policy\": {{ {policy} }}", StringComparison.Ordinal));
        AssertOneErrorLine(CliRunner.Run("account", "--spec", spec, "--as-of", "2024-05-20"), expected);
    }

    [Theory]
    [InlineData("date,amount\n2024-04-20;5307.27\n", "line 2: '2024-04-20;5307.27' has 1 field(s)")]
    [InlineData("date,amount\n2024-04-31,5307.27\n", "line 2: '2024-04-31' is not a date")]
    [InlineData("date,amount\n2024-04-20,5307.27\n2024-05-20,5,307.27\n", "line 3: '2024-05-20,5,307.27' has 3 field(s)")]
    [InlineData("date,amount\n2024-04-20,abc\n", "line 2: 'abc' is not an amount")]
    [InlineData("date,amount\n\n2024-04-20,1\n", "line 2: empty")]
    [InlineData("when,amount\n", "line 1: the header must be exactly 'date,amount'")]
    public void A_bad_payments_file_line_names_the_line_and_the_value(string csv, string expected)
    {
        string file = SpecFiles.Write(csv, ".csv");
        CliResult result = CliRunner.Run("account", "--spec", Example, "--payments", file, "--as-of", "2024-05-20");
        AssertOneErrorLine(result, $"error: --payments '{file}' {expected}");
    }

    [Fact]
    public void A_missing_as_of_is_bad_input() =>
        AssertOneErrorLine(CliRunner.Run("account", "--spec", Example), "error: Option '--as-of' is required; see 'mortgage account --help'.");

    [Fact]
    public void An_as_of_before_disbursement_names_the_option() =>
        AssertOneErrorLine(CliRunner.Run("account", "--spec", Example, "--as-of", "2024-03-01"), "error: --as-of: An account is drawn up on or after the disbursement (2024-03-20)");

    [Fact]
    public void A_bad_format_is_bad_input() =>
        AssertOneErrorLine(CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--format", "xml"), "error: --format 'xml' is not a format for account; write text, csv or json.");

    [Fact]
    public void A_version_2_spec_with_payments_is_refused()
    {
        string spec = SpecFiles.Write(File.ReadAllText(Example).Replace("\"version\": 3", "\"version\": 2", StringComparison.Ordinal));
        AssertOneErrorLine(CliRunner.Run("account", "--spec", spec, "--as-of", "2024-05-20"),
            "error: $.payments: \"payments\" needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning).");
    }

    [Fact]
    public void A_leg_of_a_combined_spec_takes_its_payments_from_the_file()
    {
        string spec = SpecFiles.Write("""
            { "version": 3, "legs": [
              { "name": "commercial", "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } },
              { "name": "provident-fund", "principal": 500000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "3.1%" } } ] }
            """);
        CliResult missingLeg = CliRunner.Run("account", "--spec", spec, "--as-of", "2024-05-20");
        AssertOneErrorLine(missingLeg, "error: --spec describes a combined loan; mortgage account works on one leg: add --leg commercial or --leg provident-fund.");

        CliResult leg = CliRunner.Run("account", "--spec", spec, "--leg", "commercial", "--as-of", "2024-05-20", "--format", "json");
        Assert.Equal(0, leg.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(leg.Stdout);
        Assert.Equal("commercial", doc.RootElement.GetProperty("leg").GetString());
        Assert.Equal(30, doc.RootElement.GetProperty("days_past_due").GetInt32());
    }

    [Fact]
    public void Cli_md_shows_what_the_tool_prints()
    {
        string doc = File.ReadAllText(Path.Combine(SpecFiles.ExamplesDirectory(), "..", "cli.md")).ReplaceLineEndings("\n");
        const string Intro = "`mortgage account --spec docs/examples/overdue-account.json --as-of 2024-05-20`\n";
        int at = doc.IndexOf(Intro, StringComparison.Ordinal);
        Assert.True(at >= 0, "the example is not in docs/cli.md");
        int start = doc.IndexOf('\n', doc.IndexOf("```", at, StringComparison.Ordinal)) + 1;
        string shown = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        CliResult result = CliRunner.Run("account", "--spec", Example, "--as-of", "2024-05-20", "--explain");

        Assert.StartsWith(shown, result.Stdout, StringComparison.Ordinal);
        int explain = doc.IndexOf("With `--explain` the output ends with:", start, StringComparison.Ordinal);
        int open = doc.IndexOf('\n', doc.IndexOf("```", explain, StringComparison.Ordinal)) + 1;
        Assert.EndsWith(doc[open..doc.IndexOf("```", open, StringComparison.Ordinal)], result.Stdout, StringComparison.Ordinal);
    }
}
