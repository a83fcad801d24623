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
