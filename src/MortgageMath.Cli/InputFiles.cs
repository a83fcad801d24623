using System.Globalization;
using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// Reads the files the tool is given (<c>--spec</c>, <c>--rates</c>, <c>tvm --file</c>) as UTF-8 text, at most
/// <see cref="MaxBytes"/> of them: a larger file, or an endless one such as <c>/dev/zero</c>, is refused as bad input
/// after reading at most one byte past the limit, instead of being read until memory runs out.
/// </summary>
internal static class InputFiles
{
    /// <summary>The largest input file the tool reads: the library's limit for a loan spec, <see cref="MortgageMath.Specs.LoanSpec.MaxBytes"/> (64 MB; a 600-period spec is a few KB, the shipped rate history 20 KB).</summary>
    internal const int MaxBytes = MortgageMath.Specs.LoanSpec.MaxBytes;

    /// <summary>Reads <paramref name="path"/> as text (UTF-8, or the encoding its byte order mark names).</summary>
    /// <param name="option">The option the path came from, for the message (<c>--spec</c>).</param>
    /// <param name="path">The file.</param>
    /// <returns>The text.</returns>
    /// <exception cref="UsageException">The file cannot be opened or read, or is larger than <see cref="MaxBytes"/>.</exception>
    internal static string ReadText(string option, string path)
    {
        if (path == "-")
        {
            return ReadStandardInput(option);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException(Language.Format(CliText.Err_NoFileName, option)); // not the system's "(Parameter 'path')"
        }

        if (Directory.Exists(path))
        {
            throw new UsageException(Language.Format(CliText.Err_IsFolder, option, path)); // not the system's "access denied"
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                throw TooLarge(option, path);
            }

            // The length of a device or a pipe says nothing (/dev/zero has length 0): read at most one byte past the limit.
            using var content = new MemoryStream();
            byte[] chunk = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (content.Length + read > MaxBytes)
                {
                    throw TooLarge(option, path);
                }

                content.Write(chunk, 0, read);
            }

            return Decode(option, path, content.GetBuffer().AsSpan(0, (int)content.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException(Language.Format(CliText.Err_CannotRead, option, path, FirstLine(e.Message)));
        }
    }

    /// <summary>
    /// The text of a file's bytes: UTF-8, or UTF-16 / UTF-32 when a byte-order mark says so (a UTF-8 mark is skipped),
    /// each refusing invalid bytes instead of reading them as U+FFFD, so a spec or rate file in another encoding (GBK)
    /// is refused by name rather than read garbled: <see cref="StrictEncoding"/>, the library's own source file, so a file
    /// reads the same as through <c>RateTable.Load</c>.
    /// </summary>
    private static string Decode(string option, string path, ReadOnlySpan<byte> bytes)
    {
        (Encoding encoding, int mark) = StrictEncoding.Of(bytes);
        try
        {
            return encoding.GetString(bytes[mark..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new UsageException(Language.Format(CliText.Err_NotText, option, path, encoding.WebName.ToUpperInvariant(), FirstLine(e.Message)));
        }
    }

    /// <summary>Standard input for this run of the tool (<see cref="CliApp.Run(string[], TextWriter, TextWriter, Func{NodaTime.LocalDate}, TextReader?)"/>
    /// sets it; the console's by default). Flows with the run, so tests running the tool in parallel each see their own.</summary>
    internal static readonly AsyncLocal<TextReader?> StandardInput = new();

    /// <summary>Reads <c>-</c>: standard input, at most <see cref="MaxBytes"/> characters.</summary>
    private static string ReadStandardInput(string option)
    {
        TextReader reader = StandardInput.Value ?? Console.In;
        var text = new StringBuilder();
        char[] chunk = new char[64 * 1024];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + read > MaxBytes)
            {
                throw TooLarge(option, "-");
            }

            text.Append(chunk, 0, read);
        }

        return text.ToString();
    }

    private static UsageException TooLarge(string option, string path) => new(
        Language.Format(CliText.Err_InputTooLarge, option, path, MaxBytes.ToString("N0", CultureInfo.InvariantCulture)));

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}
