using System.Globalization;
using MortgageMath.Cli;
using NodaTime;

namespace MortgageMath.Tests.Cli;

/// <summary>Runs the tool in-process and captures what it writes.</summary>
internal static class CliRunner
{
    /// <summary>The TV-1 command line: 1,000,000 at 4.9% over 30 years, disbursed 2024-03-20.</summary>
    internal static readonly string[] Tv1 =
        ["schedule", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20"];

    /// <summary>A fixed "today" so runs without --start are deterministic.</summary>
    internal static readonly LocalDate Today = new(2024, 3, 20);

    internal static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = CliApp.Run(args, stdout, stderr, () => Today);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the tool with <paramref name="stdin"/> as its standard input (<c>--spec -</c>).</summary>
    internal static CliResult RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = CliApp.Run(args, stdout, stderr, () => Today, input);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    internal static string[] Tv1With(params string[] extra) => [.. Tv1, .. extra];
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Assertions on the tool's results shared by the command tests.</summary>
internal static class CliAssert
{
    /// <summary>Bad input: exit code 2, nothing on standard output, one <c>error:</c> line starting with
    /// <paramref name="expected"/>, with no exception type or "(Parameter …)" text in it.</summary>
    internal static void OneErrorLine(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.Stderr}, stdout: {result.Stdout}");
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }
}
