namespace MortgageMath.Tests.Cli;

/// <summary>Output the docs show for a command is what the tool prints for it.</summary>
public class DocsOutputTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(SpecFiles.ExamplesDirectory(), "..", name)).ReplaceLineEndings("\n");

    /// <summary>The first fenced block after the line that starts with <paramref name="intro"/>, without its fences.</summary>
    private static string BlockAfter(string doc, string intro)
    {
        int at = doc.IndexOf(intro, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{intro}' not found");
        int open = doc.IndexOf("```", at, StringComparison.Ordinal);
        int start = doc.IndexOf('\n', open) + 1;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    [Fact]
    public void The_spread_change_rate_lines_in_loan_spec_md_are_what_the_tool_prints()
    {
        string shown = BlockAfter(Doc("loan-spec.md"), "`mortgage schedule --spec docs/examples/lpr-spread-change.json` ends with the rate changes:");
        CliResult result = CliRunner.Run("schedule", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "lpr-spread-change.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(shown, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("spread change: lpr5y 4.2% -30bp", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_md_names_the_reasons_the_tool_prints()
    {
        string cli = Doc("cli.md");
        Assert.DoesNotContain("`spread -30bp:", cli, StringComparison.Ordinal);
        Assert.Contains("`spread change: lpr5y 4.2% -30bp`", cli, StringComparison.Ordinal);
    }

    [Fact]
    public void The_statement_example_in_cli_md_is_what_the_tool_prints()
    {
        string shown = BlockAfter(Doc("cli.md"), "`mortgage statement --spec docs/examples/fixed-tv1.json --year 2024`");
        CliResult result = CliRunner.Run("statement", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json"), "--year", "2024");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(shown, result.Stdout);
    }

    [Fact]
    public void The_statement_json_in_cli_md_is_what_the_tool_prints()
    {
        string shown = BlockAfter(Doc("cli.md"), "`mortgage statement --spec docs/examples/fixed-tv1.json --year 2024 --format json`");
        CliResult result = CliRunner.Run("statement", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json"), "--year", "2024", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(shown, result.Stdout);
    }

    [Fact]
    public void The_statement_account_example_in_cli_md_is_what_the_tool_prints()
    {
        string shown = BlockAfter(Doc("cli.md"), "`mortgage statement --spec docs/examples/overdue-account.json --year 2024 --payments payments.csv --as-of 2024-07-31`");
        string payments = SpecFiles.Write("date,amount\n2024-05-20,5339.78\n2024-05-20,5307.27\n2024-06-20,5307.27\n2024-07-20,5307.27\n", ".csv");
        CliResult result = CliRunner.Run("statement", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "overdue-account.json"), "--year", "2024", "--payments", payments, "--as-of", "2024-07-31");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(shown, result.Stdout.Replace($"--payments '{payments}'", "--payments 'payments.csv'", StringComparison.Ordinal));
    }
}
