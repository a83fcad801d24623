using System.Text;

namespace MortgageMath.Tests.Cli;

public class CsvOutputTests
{
    private const string GoldenName = "tv1-schedule.csv";

    [Fact]
    public void Tv1_csv_matches_the_golden_file_byte_for_byte()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        byte[] golden = GoldenFiles.Read(GoldenName);
        Assert.Equal(Encoding.UTF8.GetString(golden), result.Stdout);
        Assert.Equal(golden, Encoding.UTF8.GetBytes(result.Stdout));
    }

    [Fact]
    public void Golden_file_holds_the_published_tv1_figures()
    {
        // Source: /work/shared/reference/china-mortgage-conventions.md, TV-1 (C3 = exact schedule).
        string text = Encoding.UTF8.GetString(GoldenFiles.Read(GoldenName));
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string[] lines = text.TrimEnd('\n').Split('\n');

        Assert.Equal(361, lines.Length);
        Assert.Equal("period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance", lines[0]);
        Assert.Equal("1,2024-04-20,4.9,1000000.00,5307.27,1223.94,4083.33,998776.06", lines[1]);

        string[] row2 = lines[2].Split(',');
        Assert.Equal("2", row2[0]);
        Assert.Equal("1228.93", row2[5]);
        Assert.Equal("4078.34", row2[6]);

        string[] row12 = lines[12].Split(',');
        Assert.Equal("12", row12[0]);
        Assert.Equal("984978.39", row12[7]);

        string[] row360 = lines[360].Split(',');
        Assert.Equal("360", row360[0]);
        Assert.Equal("5305.19", row360[4]);
        Assert.Equal("5283.62", row360[5]);
        Assert.Equal("21.57", row360[6]);
        Assert.Equal("0.00", row360[7]);
    }

    [Fact]
    public void Every_row_has_eight_fields_with_two_decimal_amounts_and_consistent_arithmetic()
    {
        string[] lines = CliRunner.Run(CliRunner.Tv1With("--format", "csv")).Stdout.TrimEnd('\n').Split('\n');
        decimal previousClosing = 1_000_000.00m;
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            Assert.Equal(8, f.Length);
            foreach (string amount in f[3..])
            {
                Assert.Matches(@"^\d+\.\d{2}$", amount);
            }

            decimal opening = decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
            decimal payment = decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture);
            decimal principal = decimal.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture);
            decimal interest = decimal.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture);
            decimal closing = decimal.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(previousClosing, opening);
            Assert.Equal(payment, principal + interest);
            Assert.Equal(closing, opening - principal);
            previousClosing = closing;
        }

        Assert.Equal(0m, previousClosing);
    }

    [Fact]
    public void Output_option_writes_the_same_bytes_to_a_file_and_nothing_to_stdout()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgage-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "tv1.csv");
            CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", file));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Equal("", result.Stderr);
            Assert.Equal(GoldenFiles.Read(GoldenName), File.ReadAllBytes(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("table")]
    public void Output_option_writes_exactly_what_stdout_would_show(string format)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgage-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "out." + format);
            CliResult toFile = CliRunner.Run(CliRunner.Tv1With("--format", format, "--output", file));
            CliResult toStdout = CliRunner.Run(CliRunner.Tv1With("--format", format));

            Assert.Equal(0, toFile.ExitCode);
            Assert.Equal("", toFile.Stdout);
            Assert.Equal(Encoding.UTF8.GetBytes(toStdout.Stdout), File.ReadAllBytes(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Output_to_a_missing_directory_is_one_error_line_and_exit_code_1()
    {
        string file = Path.Combine(Path.GetTempPath(), "mortgage-cli-missing-" + Guid.NewGuid().ToString("N"), "x.csv");
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", file));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: could not write the output", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
