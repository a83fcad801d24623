using System.Text.Json;

namespace MortgageMath.Tests.Cli;

/// <summary><c>mortgage schedule --spec</c> with a combined spec (<c>"legs"</c>): TV-9 and the errors.</summary>
public class CombinedCliTests
{
    private const string CommercialLeg = """
        { "name": "commercial", "principal": 700000, "disbursement": "2025-06-20", "months": 360, "rate": { "type": "fixed", "annual": "3.05%" } }
        """;

    private static string Tv9Path => Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json");

    private static CliResult RunTv9(params string[] extra) => CliRunner.Run(["schedule", "--spec", Tv9Path, .. extra]);

    private static CliResult RunSpec(string json) => CliRunner.Run("schedule", "--spec", SpecFiles.Write(json), "--format", "csv");

    private static string TwoLegs(string second, string extra = "") =>
        $$"""{ "version": 2, {{extra}} "legs": [ {{CommercialLeg}}, {{second}} ] }""";

    private static void AssertError(CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: " + expected + "\n", result.Stderr);
    }

    [Fact]
    public void Tv9_csv_has_a_line_per_leg_row_then_a_total_line()
    {
        CliResult result = RunTv9("--format", "csv");

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("leg,period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance", lines[0]);
        Assert.Equal("leg," + MortgageMath.Serialization.ScheduleFormat.CsvHeader, lines[0]);
        Assert.Equal("commercial,1,2025-07-20,3.05,700000.00,2970.14,1190.97,1779.17,698809.03", lines[1]);
        Assert.Equal("provident-fund,1,2025-07-20,2.6,300000.00,1201.02,551.02,650.00,299448.98", lines[2]);
        Assert.Equal("total,,2025-07-20,,1000000.00,4171.16,1741.99,2429.17,998258.01", lines[3]);
        Assert.Equal("commercial,2,2025-08-20,3.05,698809.03,2970.14,1194.00,1776.14,697615.03", lines[4]);
        Assert.Equal("total,,2025-08-20,,998258.01,4171.16,1746.21,2424.95,996511.80", lines[6]);

        // 360 dates × (2 legs + 1 total), the header, and the empty string after the final \n.
        Assert.Equal(1 + (360 * 3) + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal("commercial,360,2055-06-20,3.05,2961.46,2968.99,2961.46,7.53,0.00", lines[^4]);
        Assert.Equal("provident-fund,360,2055-06-20,2.6,1197.85,1200.45,1197.85,2.60,0.00", lines[^3]);
        Assert.Equal("total,,2055-06-20,,4159.31,4169.44,4159.31,10.13,0.00", lines[^2]);
        Assert.Equal(360, lines.Count(l => l.StartsWith("total,", StringComparison.Ordinal)));
        Assert.Equal(359, lines.Count(l => l.StartsWith("total,,", StringComparison.Ordinal) && l.Contains(",4171.16,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tv9_csv_total_lines_are_the_sums_of_their_leg_lines()
    {
        string[] lines = RunTv9("--format", "csv").Stdout.TrimEnd('\n').Split('\n');
        decimal payment = 0m, principal = 0m;
        decimal previousClosing = 1_000_000m;
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            if (f[0] == "total")
            {
                Assert.Equal(payment, decimal.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(principal, decimal.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
                decimal opening = decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture);
                decimal closing = decimal.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(previousClosing, opening);
                Assert.Equal(opening - principal, closing);
                previousClosing = closing;
                payment = principal = 0m;
            }
            else
            {
                payment += decimal.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture);
                principal += decimal.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(0m, previousClosing);
    }

    [Fact]
    public void Tv9_json_has_the_legs_the_rows_by_date_and_the_combined_quote()
    {
        CliResult result = RunTv9("--format", "json");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;

        Assert.True(root.GetProperty("combined").GetBoolean());
        JsonElement legs = root.GetProperty("legs");
        Assert.Equal(2, legs.GetArrayLength());
        Assert.Equal("commercial", legs[0].GetProperty("name").GetString());
        Assert.Equal("700000.00", legs[0].GetProperty("loan").GetProperty("principal").GetRawText());
        Assert.Equal("3.05", legs[0].GetProperty("loan").GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("2970.14", legs[0].GetProperty("quote").GetProperty("payment").GetRawText());
        Assert.Equal("369249.25", legs[0].GetProperty("totals").GetProperty("interest").GetRawText());
        Assert.Equal("provident-fund", legs[1].GetProperty("name").GetString());
        Assert.Equal("2.6", legs[1].GetProperty("loan").GetProperty("annual_rate_pct").GetRawText());
        Assert.Equal("1201.02", legs[1].GetProperty("quote").GetProperty("payment").GetRawText());

        JsonElement rows = root.GetProperty("rows");
        Assert.Equal(360, rows.GetArrayLength());
        JsonElement first = rows[0];
        Assert.Equal("2025-07-20", first.GetProperty("date").GetString());
        JsonElement firstLegs = first.GetProperty("legs");
        Assert.Equal(2, firstLegs.GetArrayLength());
        Assert.Equal("commercial", firstLegs[0].GetProperty("leg").GetString());
        Assert.Equal(1, firstLegs[0].GetProperty("period").GetInt32());
        Assert.Equal("1779.17", firstLegs[0].GetProperty("interest").GetRawText());
        Assert.Equal("regular", firstLegs[0].GetProperty("kind").GetString());
        Assert.Equal("provident-fund", firstLegs[1].GetProperty("leg").GetString());
        Assert.Equal("650.00", firstLegs[1].GetProperty("interest").GetRawText());
        JsonElement total = first.GetProperty("total");
        Assert.Equal("4171.16", total.GetProperty("payment").GetRawText());
        Assert.Equal("1741.99", total.GetProperty("principal").GetRawText());
        Assert.Equal("2429.17", total.GetProperty("interest").GetRawText());
        Assert.Equal("0.00", total.GetProperty("penalty").GetRawText());
        Assert.Equal("998258.01", total.GetProperty("closing_balance").GetRawText());
        Assert.Equal("0.00", rows[359].GetProperty("total").GetProperty("closing_balance").GetRawText());

        JsonElement totals = root.GetProperty("totals");
        Assert.Equal("1000000.00", totals.GetProperty("principal").GetRawText());
        Assert.Equal("501615.88", totals.GetProperty("interest").GetRawText());

        JsonElement quote = root.GetProperty("quote");
        Assert.Equal("4171.16", quote.GetProperty("payment").GetRawText());
        Assert.Equal("501616.60", quote.GetProperty("formula_total_interest").GetRawText());
        Assert.Equal("501617.60", quote.GetProperty("rounded_payment_total_interest").GetRawText());
        Assert.Equal("501615.88", quote.GetProperty("schedule_total_interest").GetRawText());
        Assert.Equal("2970.14", quote.GetProperty("legs").GetProperty("commercial").GetRawText());
        Assert.Equal("1201.02", quote.GetProperty("legs").GetProperty("provident-fund").GetRawText());
    }

    [Fact]
    public void Tv9_table_shows_each_leg_and_the_combined_payment()
    {
        CliResult result = RunTv9();
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        string table = result.Stdout;
        Assert.StartsWith("Combined loan: 2 legs, 1,000,000.00 in total;", table, StringComparison.Ordinal);
        Assert.Contains("\ncommercial: Loan: 700,000.00 at 3.05% a year over 360 months,", table, StringComparison.Ordinal);
        Assert.Contains("\nprovident-fund: Loan: 300,000.00 at 2.6% a year over 360 months,", table, StringComparison.Ordinal);
        Assert.Contains("│ commercial payment │ provident-fund payment │ Total payment │", table, StringComparison.Ordinal);
        Assert.Contains("│ 2025-07-20 │           2,970.14 │               1,201.02 │      4,171.16 │        1,741.99 │       2,429.17 │ 998,258.01 │", table, StringComparison.Ordinal);
        Assert.Contains("): 2,970.14 + 1,201.02 = 4,171.16\n", table, StringComparison.Ordinal);
        Assert.Contains("Total interest, formula (each leg's, summed): 369,249.71 + 132,366.89 = 501,616.60\n", table, StringComparison.Ordinal);
        Assert.Contains("Total interest, exact schedule: 369,249.25 + 132,366.63 = 501,615.88\n", table, StringComparison.Ordinal);
        Assert.Contains("\nLeg provident-fund:\n  Monthly payment (rounded annuity payment): 1,201.02\n", table, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', table);
        Assert.All(table.Split('\n'), line => Assert.True(line.Length <= 140 || !line.StartsWith('│'), line));
    }

    [Fact]
    public void Tv9_markdown_has_the_pipe_table_and_the_sums()
    {
        string markdown = RunTv9("--format", "markdown").Stdout;
        Assert.Contains("| Date | commercial payment | provident-fund payment | Total payment | Total principal | Total interest | Balance |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-07-20 | 2,970.14 | 1,201.02 | 4,171.16 | 1,741.99 | 2,429.17 | 998,258.01 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **1,069,249.25** | **432,366.63** | **1,501,615.88** | **1,000,000.00** | **501,615.88** | |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("2,970.14 + 1,201.02 = 4,171.16\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prepayment_in_one_leg_adds_the_kind_columns_and_a_row_of_that_leg()
    {
        string second = """
            { "name": "pf", "principal": 300000, "disbursement": "2025-06-20", "months": 360, "rate": { "type": "fixed", "annual": "2.6%" },
              "events": [ { "type": "prepayment", "date": "2026-06-20", "amount": 100000, "option": "shorten-term" } ] }
            """;
        CliResult result = RunSpec(TwoLegs(second));

        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("leg," + MortgageMath.Serialization.ScheduleFormat.CsvHeader + ",kind,penalty", lines[0]);
        int at = Array.FindIndex(lines, l => l.StartsWith("pf,12,2026-06-20,", StringComparison.Ordinal) && l.EndsWith(",prepayment,0.00", StringComparison.Ordinal));
        Assert.True(at > 0, result.Stdout[..2000]);
        Assert.StartsWith("pf,12,2026-06-20,2.6,", lines[at - 1], StringComparison.Ordinal);
        Assert.EndsWith(",regular,0.00", lines[at - 1], StringComparison.Ordinal);
        Assert.StartsWith("total,,2026-06-20,,", lines[at + 1], StringComparison.Ordinal);
        Assert.EndsWith(",,0.00", lines[at + 1], StringComparison.Ordinal);
        Assert.StartsWith("commercial,12,2026-06-20,", lines[at - 2], StringComparison.Ordinal);
    }

    [Fact]
    public void Legs_mixed_with_loan_fields_is_an_error_naming_the_field()
    {
        CliResult result = RunSpec($$"""{ "version": 2, "principal": 1000000, "legs": [ {{CommercialLeg}} ] }""");
        AssertError(result, "$.principal: a combined spec (\"legs\") has no loan fields of its own: every leg is a whole loan; move \"principal\" into the legs (or remove \"legs\" for a single loan).");
    }

    [Fact]
    public void Legs_in_a_version_1_file_needs_version_2()
    {
        CliResult result = RunSpec($$"""{ "version": 1, "legs": [ {{CommercialLeg}} ] }""");
        AssertError(result, "$.legs: \"legs\" (a combined loan) needs spec version 2; set \"version\": 2 (version 1 files keep their meaning).");
    }

    [Fact]
    public void Duplicate_leg_names_name_the_second_leg()
    {
        CliResult result = RunSpec(TwoLegs("""{ "name": "Commercial", "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } }"""));
        AssertError(result, "$.legs[1].name: Two legs are named 'Commercial' (names are compared ignoring case); each leg needs its own name.");
    }

    [Fact]
    public void An_error_inside_a_leg_names_its_path()
    {
        string second = """
            { "name": "pf", "principal": 300000, "disbursement": "2025-06-20", "months": 360,
              "rate": { "type": "floating", "index": "lpr5y", "spread": "30", "repricing": { "rule": "january-1" } } }
            """;
        AssertError(RunSpec(TwoLegs(second)), "$.legs[1].rate.spread: '30' has no unit; write 30bp or 0.3%.");
    }

    [Fact]
    public void A_library_error_of_a_leg_names_its_path()
    {
        string principal = """{ "name": "pf", "principal": -3, "disbursement": "2025-06-20", "months": 360, "rate": { "type": "fixed", "annual": "2.6%" } }""";
        AssertError(RunSpec(TwoLegs(principal)), "$.legs[1].principal: Principal must be greater than 0 and at most 1,000,000,000,000; was -3.");

        string prepayment = """
            { "name": "pf", "principal": 300000, "disbursement": "2025-06-20", "months": 360, "rate": { "type": "fixed", "annual": "2.6%" },
              "events": [ { "type": "prepayment", "date": "2026-06-20", "amount": 9000000, "option": "shorten-term" } ] }
            """;
        CliResult result = RunSpec(TwoLegs(prepayment));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: $.legs[1].events[0]: The prepayment of 9000000 on 2026-06-20 is more than the balance then", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fixing_in_a_leg_names_the_leg()
    {
        string second = """
            { "name": "pf", "principal": 300000, "disbursement": "2025-06-20", "months": 360,
              "rate": { "type": "floating", "index": "lpr5y", "spread": "-30bp", "repricing": { "rule": "january-1" } } }
            """;
        CliResult result = RunSpec(TwoLegs(second));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: $.legs[1]: No lpr5y fixing is known for ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": 2, "legs": [] }""", "$.legs: A combined loan needs at least one leg; was none.")]
    [InlineData("""{ "version": 2, "legs": {} }""", "$.legs: expected a list of legs [ { \"name\": \"commercial\", \"principal\": ..., ... }, { \"name\": \"provident-fund\", ... } ]; was an object.")]
    [InlineData("""{ "version": 2, "legs": [ { "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].name: required; the leg's name, e.g. \"name\": \"commercial\".")]
    [InlineData("""{ "version": 2, "legs": [ { "name": "TOTAL", "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].name: 'TOTAL' is reserved for the sum rows of the combined schedule; give the leg another name, e.g. \"commercial\" or \"provident-fund\".")]
    [InlineData("""{ "version": 2, "legs": [ { "name": " a", "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].name: A leg name must be 1 to 64 characters, not blank, without leading or trailing white space; was ' a'.")]
    [InlineData("""{ "version": 2, "legs": [ { "name": "a", "version": 2, "principal": 1, "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].version: the version is given once, at the top of the file; remove it from the leg.")]
    [InlineData("""{ "version": 2, "legs": [ { "name": "a", "disbursement": "2025-06-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].principal: required; e.g. \"principal\": 1000000.")]
    [InlineData("""{ "version": 2, "legs": [ { "name": "a", "principal": 1, "disbursement": "2025-06-20", "rate": { "type": "fixed", "annual": "3%" } } ] }""", "$.legs[0].months: the term is missing; add \"months\": N (e.g. 360) or \"years\": N (e.g. 30).")]
    [InlineData("""{ "version": 2, "lgs": [] , "legs": [] }""", "$.lgs: unknown property; the properties of a combined loan spec (spec version 2) are $schema, version, description, legs, rates.")]
    public void Combined_spec_mistakes_name_the_path(string json, string expected) => AssertError(RunSpec(json), expected);

    [Fact]
    public void A_one_leg_combined_spec_matches_that_loan_alone()
    {
        CliResult combined = RunSpec($$"""{ "version": 2, "legs": [ {{CommercialLeg}} ] }""");
        CliResult single = CliRunner.Run("schedule", "--principal", "700000", "--rate", "3.05%", "--months", "360", "--start", "2025-06-20", "--format", "csv");
        string[] c = combined.Stdout.TrimEnd('\n').Split('\n');
        string[] s = single.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(((s.Length - 1) * 2) + 1, c.Length);
        for (int i = 1; i < s.Length; i++)
        {
            Assert.Equal("commercial," + s[i], c[(2 * i) - 1]);
        }
    }

    [Fact]
    public void Single_loan_csv_is_unchanged_by_spec_version_2()
    {
        string spec = """
            { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }
            """;
        CliResult fromSpec = RunSpec(spec);
        Assert.Equal(GoldenFiles.Read("tv1-schedule.csv"), System.Text.Encoding.UTF8.GetBytes(fromSpec.Stdout));
    }
}
