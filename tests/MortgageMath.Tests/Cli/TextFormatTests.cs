namespace MortgageMath.Tests.Cli;

public class TextFormatTests
{
    [Fact]
    public void Table_is_the_default_and_names_each_quote_convention()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliRunner.Run(CliRunner.Tv1With("--format", "table")).Stdout, result.Stdout);
        string text = result.Stdout;
        Assert.Contains("Monthly payment (rounded annuity payment): 5,307.27\n", text, StringComparison.Ordinal);
        Assert.Contains("Total interest, formula (unrounded payment × n − principal): 910,616.19\n", text, StringComparison.Ordinal);
        Assert.Contains("Total interest, rounded payment × n − principal: 910,617.20\n", text, StringComparison.Ordinal);
        Assert.Contains("Total interest, exact schedule: 910,615.12\n", text, StringComparison.Ordinal);
        Assert.Contains("Last payment, exact schedule (settles the rounding residue): 5,305.19\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_is_plain_text_within_the_fixed_width()
    {
        string text = CliRunner.Run(CliRunner.Tv1).Stdout;

        Assert.DoesNotContain('\u001b', text);
        string[] lines = text.TrimEnd('\n').Split('\n');
        string firstRow = Assert.Single(lines, l => l.Contains(" 2024-04-20 ", StringComparison.Ordinal));
        Assert.Contains("1,000,000.00", firstRow, StringComparison.Ordinal);
        Assert.Contains("5,307.27", firstRow, StringComparison.Ordinal);
        Assert.Contains("4,083.33", firstRow, StringComparison.Ordinal);
        Assert.Contains("998,776.06", firstRow, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Total", StringComparison.Ordinal) && l.Contains("1,910,615.12", StringComparison.Ordinal));
        foreach (string line in lines.Where(l => l.StartsWith('│') || l.StartsWith('┌') || l.StartsWith('└')))
        {
            Assert.True(line.TrimEnd().Length <= MortgageMath.Cli.TableScheduleWriter.Width, line);
        }
    }

    [Fact]
    public void Table_for_equal_principal_shows_the_monthly_decrease()
    {
        string text = CliRunner.Run(CliRunner.Tv1With("--method", "equal-principal")).Stdout;

        Assert.Contains("First monthly payment (P/n + P·i, rounded): 6,861.11\n", text, StringComparison.Ordinal);
        Assert.Contains("Monthly decrease ((P/n)·i, rounded): 11.34\n", text, StringComparison.Ordinal);
        Assert.Contains("Total interest, formula (P·i·(n+1)/2): 737,041.67\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rounded payment × n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_is_a_pipe_table_followed_by_the_quote_as_bullets()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "markdown"));

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain('\r', result.Stdout);
        int header = Array.FindIndex(lines, l => l.StartsWith("| Period |", StringComparison.Ordinal));
        Assert.True(header >= 0);
        Assert.Equal("|---:|---|---:|---:|---:|---:|---:|---:|", lines[header + 1]);
        Assert.Equal("| 1 | 2024-04-20 | 4.9 | 1,000,000.00 | 5,307.27 | 1,223.94 | 4,083.33 | 998,776.06 |", lines[header + 2]);
        Assert.Equal("| 360 | 2054-03-20 | 4.9 | 5,283.62 | 5,305.19 | 5,283.62 | 21.57 | 0.00 |", lines[header + 361]);
        Assert.StartsWith("| **Total** |", lines[header + 362], StringComparison.Ordinal);
        Assert.Contains("- Monthly payment (rounded annuity payment): 5,307.27", lines);
        Assert.Contains("- Total interest, formula (unrounded payment × n − principal): 910,616.19", lines);
        Assert.Contains("- Total interest, rounded payment × n − principal: 910,617.20", lines);
        Assert.Contains("- Total interest, exact schedule: 910,615.12", lines);
        Assert.All(lines.Skip(header).TakeWhile(l => l.Length > 0), l => Assert.Equal(9, l.Count(c => c == '|')));
    }

    [Fact]
    public void Start_defaults_to_today_and_payment_day_to_its_day()
    {
        CliResult result = CliRunner.Run("schedule", "--principal", "120000", "--rate", "3.1%", "--months", "12", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1,2024-04-20,3.1,120000.00,", result.Stdout.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_day_moves_the_due_dates()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--payment-day", "5", "--format", "csv"));

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("1,2024-04-05,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,2024-05-05,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.9%")]
    [InlineData("490bp")]
    [InlineData("490BP")]
    [InlineData("4.90 %")]
    public void Rate_units_give_the_same_schedule(string rate)
    {
        CliResult result = CliRunner.Run("schedule", "--principal", "1000000", "--rate", rate, "--months", "360", "--start", "2024-03-20", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(GoldenFiles.Read("tv1-schedule.csv")), result.Stdout);
    }

    [Fact]
    public void Fractional_basis_points_are_accepted()
    {
        CliResult result = CliRunner.Run("schedule", "--principal", "100000", "--rate", "63.5bp", "--months", "12", "--start", "2024-03-20", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1,2024-04-20,0.635,100000.00,", result.Stdout.Split('\n')[1], StringComparison.Ordinal);
    }
}
