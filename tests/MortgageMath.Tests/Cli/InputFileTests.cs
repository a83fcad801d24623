namespace MortgageMath.Tests.Cli;

/// <summary>Spec and rate files are read up to a documented limit (64 MB); a bigger input is refused without reading it all.</summary>
public class InputFileTests
{
    private const string Tv1Spec = """
        { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }
        """;

    private static void AssertTooLarge(CliResult result, string option, string path)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: {option} '{path}' is larger than 64 MB (67,108,864 bytes), the most the tool reads; is it the right file?", line);
    }

    [Fact]
    public void The_limit_is_64_MB() => Assert.Equal(64 * 1024 * 1024, MortgageMath.Cli.InputFiles.MaxBytes);

    [Fact]
    public void A_spec_of_endless_zeros_is_refused_with_exit_code_2()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Unix only
        }

        AssertTooLarge(CliRunner.Run("schedule", "--spec", "/dev/zero"), "--spec", "/dev/zero");
        AssertTooLarge(CliRunner.Run("prepay", "--spec", "/dev/zero", "--date", "2025-03-20", "--amount", "1000"), "--spec", "/dev/zero");
    }

    [Fact]
    public void A_rate_file_of_endless_zeros_is_refused_with_exit_code_2()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Unix only
        }

        AssertTooLarge(CliRunner.Run("schedule", "--spec", SpecFiles.Write(Tv1Spec), "--rates", "/dev/zero"), "--rates", "/dev/zero");
        AssertTooLarge(CliRunner.Run("rates", "--rates", "/dev/zero"), "--rates", "/dev/zero");
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused_by_its_size()
    {
        string path = SpecFiles.Write("");
        using (var file = new FileStream(path, FileMode.Truncate))
        {
            file.SetLength(MortgageMath.Cli.InputFiles.MaxBytes + 1L); // sparse where the file system allows
        }

        try
        {
            AssertTooLarge(CliRunner.Run("schedule", "--spec", path), "--spec", path);
            AssertTooLarge(CliRunner.Run("rates", "--rates", path), "--rates", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_spec_within_the_limit_is_read_as_before()
    {
        string padded = Tv1Spec + new string(' ', 100_000);
        CliResult result = CliRunner.Run("schedule", "--spec", SpecFiles.Write(padded), "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(GoldenFiles.Read("tv1-schedule.csv"), System.Text.Encoding.UTF8.GetBytes(result.Stdout));
    }

    [Fact]
    public void A_spec_with_a_byte_order_mark_is_read()
    {
        string path = SpecFiles.Write("");
        File.WriteAllText(path, Tv1Spec, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        CliResult result = CliRunner.Run("schedule", "--spec", path, "--format", "csv");

        Assert.Equal("", result.Stderr);
        Assert.Equal(GoldenFiles.Read("tv1-schedule.csv"), System.Text.Encoding.UTF8.GetBytes(result.Stdout));
    }

    [Fact]
    public void A_missing_or_unreadable_file_is_bad_input()
    {
        string missing = Path.Combine(Path.GetTempPath(), "mortgage-missing-" + Guid.NewGuid().ToString("N") + ".json");
        CliResult spec = CliRunner.Run("schedule", "--spec", missing);
        Assert.Equal(2, spec.ExitCode);
        Assert.StartsWith($"error: --spec '{missing}' cannot be read: ", spec.Stderr, StringComparison.Ordinal);

        CliResult directory = CliRunner.Run("rates", "--rates", Path.GetTempPath());
        Assert.Equal(2, directory.ExitCode);
        Assert.Equal($"error: --rates '{Path.GetTempPath()}' is a folder, not a file.\n", directory.Stderr);
    }
}
