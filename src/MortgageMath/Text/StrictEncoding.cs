using System.Text;

namespace MortgageMath;

/// <summary>
/// The encoding of a text file by its byte-order mark, each refusing invalid bytes (a <see cref="DecoderFallbackException"/>)
/// instead of replacing them with U+FFFD: UTF-8 with or without its mark, UTF-16 and UTF-32 of either byte order when
/// their mark says so. StreamReader's own detection would swap a strict encoding for a lenient one whenever a mark is
/// present. One source for the library (<c>RateTable.Load</c>) and the tool (its input files), which compiles this
/// file in too (MortgageMath.Cli.csproj), so the two read a file the same way.
/// </summary>
internal static class StrictEncoding
{
    /// <summary>The encoding of a file that starts with <paramref name="start"/> (its first four bytes or fewer), and
    /// the length of its mark. Each encoding's preamble is that mark, so a StreamReader skips it.</summary>
    internal static (Encoding Encoding, int Mark) Of(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2),
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), 3),
        _ => (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), 0),
    };
}
