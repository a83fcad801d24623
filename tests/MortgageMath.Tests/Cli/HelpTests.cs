namespace MortgageMath.Tests.Cli;

public class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Root_help_exits_0_and_lists_the_schedule_command(string flag)
    {
        CliResult result = CliRunner.Run(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("schedule", result.Stdout, StringComparison.Ordinal);
        foreach (string command in new[] { "prepay", "payoff", "afford", "rates", "apr", "tvm" })
        {
            Assert.Contains("  " + command + " ", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("schedule", "--help")]
    [InlineData("schedule", "-h")]
    [InlineData("schedule", "--principal", "abc", "--help")]
    public void Schedule_help_exits_0_and_lists_every_option(params string[] args)
    {
        CliResult result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        foreach (string option in new[] { "--principal", "--rate", "--months", "--years", "--method", "--start", "--payment-day", "--format", "--output" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("4.9%", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("490bp", result.Stdout, StringComparison.Ordinal);
    }
}

public class HelpAndVersionErrorTests
{
    [Theory]
    [InlineData("--foo", "-h", "--foo")]
    [InlineData("--foo", "--help", "--foo")]
    [InlineData("--foo", "--foo", "--help")]
    [InlineData("x", "--version", "x")]
    [InlineData("--colour", "schedule", "--help", "--colour")]
    [InlineData("extra", "schedule", "-h", "extra")]
    public void Help_or_version_with_a_token_it_does_not_know_is_an_error_not_exit_0(string token, params string[] args)
    {
        CliResult result = CliRunner.Run(args);

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stdout: {result.Stdout}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains($"'{token}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_alone_prints_the_version_and_exits_0()
    {
        CliResult result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }
}
