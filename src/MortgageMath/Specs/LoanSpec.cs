using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace MortgageMath.Specs;

/// <summary>
/// Reads and writes loan spec files: JSON documents describing a whole loan (<c>docs/loan-spec.md</c>, schema
/// <c>docs/loan-spec.schema.json</c>). Reads every version from 1 to <see cref="CurrentVersion"/>; writes
/// <see cref="CurrentVersion"/>. Every mistake is reported with its JSON path (<see cref="SpecError"/>).
/// </summary>
/// <example>
/// <code>
/// LoanDocument doc = LoanSpec.Load("loan.json");
/// Schedule schedule = doc.BuildSchedule();
/// string json = LoanSpec.Write(doc);          // LoanSpec.Parse(json) == doc
/// </code>
/// </example>
public static class LoanSpec
{
    /// <summary>The newest spec version read, and the version <see cref="Write(LoanDocument)"/> writes: 3. Every version from 1 up to it reads.</summary>
    public const int CurrentVersion = LoanSpecReader.CurrentVersion;

    /// <summary>The largest spec file <see cref="Load(string)"/> and <see cref="Read(Stream)"/> accept: 64 MB (67,108,864 bytes; a 600-period spec is a few KB).
    /// A larger input, or an endless one such as <c>/dev/zero</c>, is refused after reading at most one byte past it.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Reads a spec file (UTF-8, or the encoding its byte order mark names) against <see cref="RateTable.China"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The file is not a valid spec; <see cref="LoanSpecException.Errors"/> lists every error with its path.</exception>
    /// <exception cref="IOException">The file cannot be read, or is larger than <see cref="MaxBytes"/> (<see cref="InvalidDataException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static LoanDocument Load(string path) => Load(path, RateTable.China);

    /// <summary>Reads a spec file; the spec's <c>rates</c> adjust <paramref name="rates"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rates">The rate table the spec starts from (e.g. <see cref="RateTable.China"/> merged with your own fixings).</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The file is not a valid spec.</exception>
    /// <exception cref="IOException">The file cannot be read, or is larger than <see cref="MaxBytes"/> (<see cref="InvalidDataException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static LoanDocument Load(string path, RateTable rates)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, rates);
    }

    /// <summary>Reads a spec from a stream (UTF-8, or the encoding its byte order mark names), at most <see cref="MaxBytes"/>, against <see cref="RateTable.China"/>.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The text is not a valid spec.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="MaxBytes"/>.</exception>
    public static LoanDocument Read(Stream stream) => Read(stream, RateTable.China);

    /// <summary>Reads a spec from a stream, at most <see cref="MaxBytes"/>; the spec's <c>rates</c> adjust <paramref name="rates"/>.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="rates">The rate table the spec starts from.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The text is not a valid spec.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="MaxBytes"/>.</exception>
    public static LoanDocument Read(Stream stream, RateTable rates) => Parse(ReadText(stream), rates);

    /// <summary>Reads the text of a spec, refusing more than <see cref="MaxBytes"/> (the length of a pipe or a device says nothing: it reads at most one byte past the limit).</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="MaxBytes"/>.</exception>
    private static string ReadText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw TooLarge();
        }

        using var content = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            content.Write(chunk, 0, read);
        }

        content.Position = 0;
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static InvalidDataException TooLarge() => new(Resources.Localized.Format(Resources.LibraryText.Err_SpecTooLarge, MaxBytes));

    /// <summary>Reads a spec from its JSON text against <see cref="RateTable.China"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The text is not a valid spec; <see cref="LoanSpecException.Errors"/> lists every error found.</exception>
    public static LoanDocument Parse(string json) => Parse(json, RateTable.China);

    /// <summary>Reads a spec from its JSON text; the spec's <c>rates</c> adjust <paramref name="rates"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="rates">The rate table the spec starts from.</param>
    /// <returns>The document.</returns>
    /// <exception cref="LoanSpecException">The text is not a valid spec; <see cref="LoanSpecException.Errors"/> lists every error found.</exception>
    public static LoanDocument Parse(string json, RateTable rates) =>
        TryParse(json, rates, out LoanDocument? document, out IReadOnlyList<SpecError> errors)
            ? document
            : throw new LoanSpecException(errors);

    /// <summary>Reads a spec from its JSON text against <see cref="RateTable.China"/>, without throwing for a bad spec.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="document">The document, or null.</param>
    /// <param name="errors">Every error found (empty when the spec was read): independent values are all checked, each error with its JSON path.</param>
    /// <returns>True when the spec was read.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out LoanDocument? document, out IReadOnlyList<SpecError> errors) =>
        TryParse(json, RateTable.China, out document, out errors);

    /// <summary>Reads a spec from its JSON text, without throwing for a bad spec; the spec's <c>rates</c> adjust <paramref name="rates"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="rates">The rate table the spec starts from.</param>
    /// <param name="document">The document, or null.</param>
    /// <param name="errors">Every error found (empty when the spec was read).</param>
    /// <returns>True when the spec was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="rates"/> is null.</exception>
    public static bool TryParse(string json, RateTable rates, [NotNullWhen(true)] out LoanDocument? document, out IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rates);
        document = LoanSpecReader.Read(json, rates, out List<SpecError> found);
        errors = found.AsReadOnly();
        return document is not null;
    }

    /// <summary>
    /// Writes the document as a spec of version <see cref="CurrentVersion"/>, in the forms <c>docs/loan-spec.md</c>
    /// documents, against <see cref="RateTable.China"/>: <c>Parse(Write(doc)) == doc</c>, and builds an identical schedule.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text, indented with two spaces, ending with a newline.</returns>
    /// <exception cref="ArgumentException">A loan's rate table is not <see cref="RateTable.China"/> with fixings added
    /// (and maybe a later as-of date), so a spec's <c>rates</c> cannot describe it; use <see cref="Write(LoanDocument, RateTable)"/>.</exception>
    public static string Write(LoanDocument document) => Write(document, RateTable.China);

    /// <summary>
    /// Writes the document as a spec of version <see cref="CurrentVersion"/>; a loan's rate table is written as the
    /// fixings it adds to <paramref name="rates"/> (and its later as-of date), so that
    /// <c>Parse(Write(doc, rates), rates) == doc</c>.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="rates">The rate table a reader will start from.</param>
    /// <returns>The JSON text, indented with two spaces, ending with a newline.</returns>
    /// <exception cref="ArgumentException">A loan's rate table is not <paramref name="rates"/> with fixings added (and maybe a later as-of date).</exception>
    public static string Write(LoanDocument document, RateTable rates)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rates);
        return LoanSpecWriter.Write(document, rates);
    }
}
