using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// Writes an <c>--output</c> file so that a failed run never destroys the good file nor leaves a fragment: the bytes
/// go to a temporary file in the target's folder (<c>.NAME.RANDOM.tmp</c>), are flushed to disk, and the temporary
/// file is renamed over the target (an atomic replace on the same file system); on any failure the temporary file is
/// deleted and the target is as it was. A symbolic link keeps pointing where it did (the file it points to is
/// replaced), a replaced file keeps its permissions, and a target that cannot be replaced by renaming (a device under
/// <c>/dev</c> such as <c>/dev/null</c> or <c>/dev/stdout</c>, <c>/proc</c>, or a pipe) is written in place.
/// Every failure is an <see cref="OutputWriteException"/>: an I/O failure (exit code 1), never bad input.
/// </summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The complete output.</param>
    /// <exception cref="OutputWriteException">The file could not be written; the target is unchanged.</exception>
    internal static void Write(string path, string text) => Write(path, text, static stream => stream);

    /// <summary>Writes as <see cref="Write(string, string)"/> does, through <paramref name="wrap"/> (tests inject failures there).</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The complete output.</param>
    /// <param name="wrap">Wraps the stream the bytes are written to.</param>
    /// <exception cref="OutputWriteException">The file could not be written; the target is unchanged.</exception>
    internal static void Write(string path, string text, Func<Stream, Stream> wrap) => Write(path, Utf8.GetBytes(text), wrap);

    /// <summary>Writes <paramref name="bytes"/> (a PNG chart, say) to <paramref name="path"/>, as <see cref="Write(string, string)"/> does.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">The complete output.</param>
    /// <exception cref="OutputWriteException">The file could not be written; the target is unchanged.</exception>
    internal static void Write(string path, byte[] bytes) => Write(path, bytes, static stream => stream);

    private static void Write(string path, byte[] bytes, Func<Stream, Stream> wrap)
    {
        try
        {
            string full = Path.GetFullPath(path);
            if (IsSpecial(full))
            {
                WriteInPlace(full, bytes, wrap);
                return;
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full) && new FileInfo(full).Length == 0)
            {
                // An empty file may be a named pipe, which a rename would replace: open it (without truncating) and,
                // if it cannot seek, write into it as a stream.
                using var probe = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                if (!probe.CanSeek)
                {
                    WriteTo(probe, bytes, wrap);
                    return;
                }
            }

            // Replace the file a link points to, not the link.
            string target = File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } final
                ? Path.GetFullPath(final.FullName)
                : full;
            Replace(target, bytes, wrap);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                  or System.Security.SecurityException)
        {
            // .NET reports a file size limit (EFBIG) as an ArgumentOutOfRangeException: still an I/O failure.
            throw Failure(path, e);
        }
    }

    /// <summary>
    /// The failure to write the file <paramref name="path"/>, in the run's language: <c>could not write the output
    /// 'FILE': REASON</c>, the reason being the first line of the exception's message (an argument error's without the
    /// runtime's additions). The one text of every <c>--output</c> write, whole or streamed (<see cref="StreamedOutput"/>).
    /// </summary>
    /// <param name="path">The file as the user gave it.</param>
    /// <param name="e">What went wrong.</param>
    /// <returns>The exception to throw.</returns>
    internal static OutputWriteException Failure(string path, Exception e) =>
        new(Language.Format(CliText.Error_CouldNotWriteFile, path, Reason(e)), e);

    private static string Reason(Exception e) =>
        e is ArgumentException argument ? Spec.LoanSpecReader.LibraryText(argument) : FirstLine(e.Message);

    /// <summary>
    /// Writes the complete output to standard output. A failure (a closed pipe, a full disk, a file size limit on a
    /// redirected stdout, which .NET reports as an <see cref="ArgumentOutOfRangeException"/>) is an
    /// <see cref="OutputWriteException"/>: an I/O failure, exit code 1, never bad input.
    /// </summary>
    /// <param name="stdout">Standard output.</param>
    /// <param name="text">The complete output.</param>
    /// <exception cref="OutputWriteException">The output could not be written.</exception>
    internal static void WriteStandardOutput(TextWriter stdout, string text)
    {
        try
        {
            stdout.Write(text);
            stdout.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or ObjectDisposedException)
        {
            throw new OutputWriteException(Language.Format(CliText.Error_CouldNotWrite, Reason(e)), e);
        }
    }

    private static void Replace(string target, byte[] bytes, Func<Stream, Stream> wrap)
    {
        string folder = Path.GetDirectoryName(target) ?? ".";
        string name = Path.GetFileName(target);
        string temp = Path.Combine(folder, $".{(name.Length > 200 ? name[..200] : name)}.{Path.GetRandomFileName()}.tmp"); // within a 255-byte name
        bool moved = false;
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteTo(file, bytes, wrap);
                file.Flush(flushToDisk: true); // the bytes are on disk before the name points at them
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
            moved = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file's name means nothing to the user: the system's text (shown, never interpreted) names
            // the file asked for instead.
            string message = e.Message.Replace(temp, target, StringComparison.Ordinal);
            throw e is UnauthorizedAccessException ? new UnauthorizedAccessException(message, e) : new IOException(message, e);
        }
        finally
        {
            if (!moved)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Writes to a device or kernel file. Appending, not truncating: <c>/dev/stdout</c> of a shell's
    /// <c>&gt;&gt; file</c> reopens that file, and truncating it would lose what the file held.</summary>
    private static void WriteInPlace(string path, byte[] bytes, Func<Stream, Stream> wrap)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        WriteTo(file, bytes, wrap);
    }

    /// <summary>Writes through the wrapper (which the caller's <c>using</c> of <paramref name="file"/> closes).</summary>
    private static void WriteTo(FileStream file, byte[] bytes, Func<Stream, Stream> wrap)
    {
        Stream stream = wrap(file);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
    }

    /// <summary>Devices and kernel files, which a rename would replace by a regular file (or cannot replace at all).</summary>
    private static bool IsSpecial(string full) => OperatingSystem.IsWindows()
        ? full.StartsWith(@"\\.\", StringComparison.Ordinal) || full.StartsWith(@"\\?\", StringComparison.Ordinal)
        : full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed and that failure is what gets reported.
        }
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}

/// <summary>An <c>--output</c> file could not be written (the disk is full, a size limit, no permission, a directory
/// in the way). <see cref="CliApp"/> reports it as an I/O failure, exit code 1.</summary>
internal sealed class OutputWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: which file and why.</param>
    /// <param name="inner">The failure.</param>
    internal OutputWriteException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
