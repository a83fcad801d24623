namespace MortgageMath.Tests.Cli;

/// <summary><c>mortgage spec schema</c>, <c>mortgage spec validate</c> and <c>--spec -</c> (issue 11, item 5).</summary>
public class SpecCommandTests
{
    private static string Example(string name) => Path.Combine(SpecFiles.ExamplesDirectory(), name);

    [Fact]
    public void Spec_schema_prints_the_documented_schema_shipped_in_the_tool()
    {
        CliResult result = CliRunner.Run("spec", "schema");
        Assert.Equal(0, result.ExitCode);
        string documented = File.ReadAllText(Path.Combine(SpecFiles.ExamplesDirectory(), "..", "loan-spec.schema.json"));
        Assert.Equal(documented.EndsWith('\n') ? documented : documented + "\n", result.Stdout);
        using var parsed = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.True(parsed.RootElement.TryGetProperty("$schema", out _));
    }

    [Fact]
    public void Every_example_validates()
    {
        string[] files = [.. Directory.GetFiles(SpecFiles.ExamplesDirectory(), "*.json").Order(StringComparer.Ordinal)];
        CliResult result = CliRunner.Run(["spec", "validate", .. files]);
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        foreach (string file in files)
        {
            Assert.Contains($"{file}: valid\n", result.Stdout, StringComparison.Ordinal);
        }

        Assert.EndsWith($"{files.Length} valid, 0 invalid\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_file_lists_every_error_with_its_path_and_exits_1()
    {
        string bad = Path.Combine(Path.GetTempPath(), $"mortgage-spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, """
            { "version": 2, "principal": -5, "disbursement": "2024-13-01", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" }, "colour": "red" }
            """);
        try
        {
            CliResult result = CliRunner.Run("spec", "validate", Example("fixed-tv1.json"), bad);
            Assert.Equal(1, result.ExitCode);
            // Independent errors are all listed; the principal's range is checked once the rest parses (docs/loan-spec.md).
            Assert.Contains($"{bad}: 2 errors\n", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("  $.disbursement: ", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("  $.colour: ", result.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("1 valid, 1 invalid\n", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void An_error_found_when_the_schedule_is_built_is_listed_with_the_events_path()
    {
        // The document parses, but its second event falls after the loan's last due date.
        const string Json = """
            { "version": 2, "principal": 100000, "disbursement": "2024-03-20", "months": 12,
              "rate": { "type": "fixed", "annual": "4.9%" },
              "events": [ { "type": "prepayment", "date": "2024-06-20", "amount": 1000, "option": "lower-payment" },
                          { "type": "prepayment", "date": "2030-06-20", "amount": 1000, "option": "lower-payment" } ] }
            """;
        CliResult result = CliRunner.RunWithInput(Json, "spec", "validate", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("(standard input): 1 error\n  $.events[1]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_bad_input()
    {
        CliResult result = CliRunner.Run("spec", "validate", "/no/such/loan.json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --spec '/no/such/loan.json' cannot be read", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fixed-tv1.json")]
    [InlineData("combined-tv9.json")]
    public void Spec_dash_reads_standard_input(string example)
    {
        string file = Example(example);
        CliResult fromFile = CliRunner.Run("schedule", "--spec", file, "--format", "csv");
        CliResult fromStdin = CliRunner.RunWithInput(File.ReadAllText(file), "schedule", "--spec", "-", "--format", "csv");
        Assert.Equal((0, fromFile.Stdout), (fromStdin.ExitCode, fromStdin.Stdout));
    }
}
