using System.Text;
using MortgageMath.Cli;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// <c>--output</c> writes a temporary file in the same folder and renames it over the target, so a failed run never
/// truncates the good file nor leaves a fragment; a failure to write is reported as I/O (exit 1), not as bad input.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mortgage-output-tests-" + Guid.NewGuid().ToString("N"));

    public OutputFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string GoodFile()
    {
        string path = Path.Combine(_dir, "schedule.csv");
        File.WriteAllText(path, "the good file\n");
        return path;
    }

    private string[] Entries() => [.. Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>A stream that accepts <paramref name="limit"/> bytes and then fails as .NET reports EFBIG (a file size limit).</summary>
    private sealed class FailingStream(Stream inner, int limit) : Stream
    {
        private int _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            int room = Math.Min(count, limit - _written);
            inner.Write(buffer, offset, room);
            _written += room;
            if (room < count)
            {
                inner.Flush();
                throw new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.");
            }
        }
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_good_file_and_no_fragment()
    {
        string path = GoodFile();
        string text = new('x', 100_000);

        OutputWriteException e = Assert.Throws<OutputWriteException>(() => OutputFile.Write(path, text, s => new FailingStream(s, 8192)));

        Assert.Equal("the good file\n", File.ReadAllText(path));
        Assert.Equal(["schedule.csv"], Entries());
        Assert.Equal($"could not write the output '{path}': Specified file length was too large for the file system.", e.Message);
    }

    [Fact]
    public void A_new_file_that_fails_half_way_is_not_left_behind()
    {
        string path = Path.Combine(_dir, "new.csv");

        Assert.Throws<OutputWriteException>(() => OutputFile.Write(path, new string('x', 100_000), s => new FailingStream(s, 8192)));

        Assert.Empty(Entries());
    }

    [Fact]
    public void A_successful_write_replaces_the_file_and_leaves_nothing_else()
    {
        string path = GoodFile();
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(GoldenFiles.Read("tv1-schedule.csv"), File.ReadAllBytes(path));
        Assert.Equal(["schedule.csv"], Entries());
    }

    [Fact]
    public void A_file_with_a_name_near_the_limit_is_written()
    {
        string path = Path.Combine(_dir, new string('n', 250) + ".csv");
        OutputFile.Write(path, "x\n");

        Assert.Equal("x\n", File.ReadAllText(path));
        Assert.Single(Entries());
    }

    [Fact]
    public void Bad_input_leaves_the_good_file_untouched()
    {
        string path = GoodFile();
        CliResult result = CliRunner.Run("schedule", "--principal", "1000000", "--rate", "4.9", "--years", "30", "--output", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("the good file\n", File.ReadAllText(path));
        Assert.Equal(["schedule.csv"], Entries());
    }

    [Fact]
    public void Output_into_a_missing_folder_names_the_file_asked_for_not_the_temporary_one()
    {
        string target = Path.Combine(_dir, "no-such-folder", "schedule.csv");

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", target));

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: could not write the output '{target}': Could not find a part of the path '{target}'.", line);
        Assert.Empty(Entries());
    }

    [Fact]
    public void Output_onto_a_directory_is_an_io_failure_with_exit_code_1_and_nothing_left_behind()
    {
        string target = Path.Combine(_dir, "taken");
        Directory.CreateDirectory(target);

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", target));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: could not write the output '{target}': ", line, StringComparison.Ordinal);
        Assert.Equal(["taken"], Entries());
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public void A_full_device_is_written_in_place_and_reported_as_io_with_exit_code_1()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only
        }

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", "/dev/full"));

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: could not write the output '/dev/full': ", line, StringComparison.Ordinal);
        Assert.True(File.Exists("/dev/full"));
        Assert.Empty(Directory.EnumerateFiles("/dev", ".full*"));
    }

    [Fact]
    public void The_null_device_is_written_in_place_not_replaced()
    {
        if (!File.Exists("/dev/null"))
        {
            return; // Unix only
        }

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", "/dev/null"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Empty(Directory.EnumerateFiles("/dev", ".null*"));
        Assert.Equal(0, new FileInfo("/dev/null").Length);
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_is_replaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating links needs a privilege there
        }

        string real = GoodFile();
        string link = Path.Combine(_dir, "link.csv");
        File.CreateSymbolicLink(link, real);

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", link));

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(GoldenFiles.Read("tv1-schedule.csv"), File.ReadAllBytes(real));
        Assert.Equal(["link.csv", "schedule.csv"], Entries());
    }

    [Fact]
    public void The_permissions_of_a_replaced_file_are_kept()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string path = GoodFile();
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(path, mode);

        CliResult result = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--output", path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_bytes_are_utf8_without_a_byte_order_mark()
    {
        string path = Path.Combine(_dir, "out.txt");
        OutputFile.Write(path, "période ✓\n");

        Assert.Equal(Encoding.UTF8.GetBytes("période ✓\n"), File.ReadAllBytes(path));
    }

    /// <summary>Standard output redirected to a file under a size limit: .NET reports EFBIG as an ArgumentOutOfRangeException.</summary>
    private sealed class FullStdout : StringWriter
    {
        public FullStdout()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override void Write(string? value) =>
            throw new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.");
    }

    [Theory]
    [InlineData("schedule", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--format", "csv")]
    [InlineData("payoff", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--date", "2025-04-08")]
    [InlineData("tvm", "pmt", "--rate", "1%", "--nper", "10", "--pv", "1000")]
    [InlineData("rates", "--index", "lpr5y")]
    public void A_failure_to_write_standard_output_is_io_with_exit_code_1_not_bad_input(params string[] args)
    {
        using var stdout = new FullStdout();
        using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        int exitCode = CliApp.Run(args, stdout, stderr, () => CliRunner.Today);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: could not write the output: Specified file length was too large for the file system.\n", stderr.ToString());
    }
}
