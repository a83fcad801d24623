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

/// <summary>The help texts are resources (CliText <c>Help_*</c>): with <c>--lang zh-CN</c> every description is Chinese.</summary>
public class ChineseHelpTests
{
    [Fact]
    public void Schedule_help_in_chinese_describes_every_option_in_chinese()
    {
        CliResult result = CliRunner.Run("schedule", "--help", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("逐期打印贷款的还款计划", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("带单位的年利率：4.9%（百分比）或 490bp（基点）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("贷款期限（月），1 到 600。", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("同时把剩余本金（组合贷款每部分一条线）画到此文件", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法信息", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("The amount lent", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prepay")]
    [InlineData("report")]
    [InlineData("account")]
    [InlineData("statement")]
    [InlineData("afford")]
    [InlineData("verify")]
    public void Every_command_description_is_chinese(string command)
    {
        string english = CliRunner.Run(command, "--help", "--lang", "en").Stdout;
        string chinese = CliRunner.Run(command, "--help", "--lang", "zh-CN").Stdout;
        // The option names are the same; the English descriptions are gone (a line of the English help that is
        // a description does not appear in the Chinese one).
        string[] descriptions = [.. english.Split('\n').Where(l => l.StartsWith("  --", StringComparison.Ordinal)).Select(l => l.Trim()[(l.Trim().IndexOf("  ", StringComparison.Ordinal) + 2)..].Trim())];
        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, d => Assert.DoesNotContain(d, chinese, StringComparison.Ordinal));
        Assert.Matches("[\u4e00-\u9fff]", chinese.Split('\n')[1]);
    }

    [Fact]
    public void The_english_help_is_unchanged()
    {
        string help = CliRunner.Run("schedule", "--help").Stdout;
        Assert.Contains("The amount lent, a plain number: 1000000 or 250000.50.", help, StringComparison.Ordinal);
        Assert.Contains("The term in monthly periods, 1 to 600.", help, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", help, StringComparison.Ordinal);
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
