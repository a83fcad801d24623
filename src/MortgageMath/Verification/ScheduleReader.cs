using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Verification;

/// <summary>How <see cref="ScheduleReader"/> reads another system's file.</summary>
/// <remarks>A value (a record): equal options read every file alike.</remarks>
public sealed record ScheduleReadOptions
{
    /// <summary>The defaults: <see cref="ColumnMapping.Auto"/>, ISO dates, the delimiter detected, no id column.</summary>
    public static ScheduleReadOptions Default { get; } = new();

    /// <summary>Which headers hold which column; <see cref="ColumnMapping.Auto"/> by default.</summary>
    public ColumnMapping Columns { get; init; } = ColumnMapping.Auto;

    /// <summary>The date pattern (NodaTime's, invariant culture): <c>yyyy-MM-dd</c> by default; <c>yyyy/MM/dd</c>,
    /// <c>yyyyMMdd</c>, <c>yyyy/M/d</c>… for other files.</summary>
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    /// <summary>The field delimiter, or null to detect it from the header line (the most frequent of <c>,</c> <c>;</c>
    /// tab <c>|</c> outside quotes).</summary>
    public char? Delimiter { get; init; }

    /// <summary>The header of the column that names the loan of each row, for a file holding many loans
    /// (<see cref="ScheduleReader.ParseBook"/>), or null.</summary>
    public string? IdColumn { get; init; }
}

/// <summary>
/// Reads another system's repayment schedule: CSV with any delimiter, a byte order mark, CRLF or LF line endings,
/// quoted fields (RFC 4180), amounts with thousands separators, a currency sign or code and any number of decimals
/// (parsed to <c>decimal</c> exactly, never through <c>double</c>), dates by <see cref="ScheduleReadOptions.DateFormat"/>;
/// or MortgageMath's own JSON schedule document (<c>docs/export.md</c>). Blank lines and a totals line (first field
/// 合计, 总计, 小计 or total) are skipped. Bytes are UTF-8 (or what a byte order mark says); bytes that are not valid
/// UTF-8 are read as GB18030 (a Chinese Excel's CSV export).
/// </summary>
public static class ScheduleReader
{
    private static readonly string[] TotalsWords = ["合计", "总计", "小计", "total", "totals", "sum"];

    /// <summary>Reads a schedule file (<see cref="Decode"/> for the bytes).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it; <see cref="ScheduleReadOptions.Default"/> when null.</param>
    /// <returns>The schedule, with <see cref="ForeignSchedule.Source"/> the path.</returns>
    /// <exception cref="ScheduleFileException">The file is empty or not a schedule; the exception says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ForeignSchedule Load(string path, ScheduleReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(Decode(File.ReadAllBytes(path)), options, path);
    }

    /// <summary>Text from bytes: the encoding a byte order mark names, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The text, without a byte order mark.</returns>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            Encoding unicode = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return unicode.GetString(bytes[2..]);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetString(bytes);
    }

    /// <summary>Reads a schedule from its text: MortgageMath's JSON when it starts with <c>{</c> or <c>[</c> (its own
    /// member names; <see cref="ScheduleReadOptions"/> do not apply), else CSV. A column mapping that does not fit the
    /// header is a <see cref="ScheduleFileException"/> naming line 1.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read it; <see cref="ScheduleReadOptions.Default"/> when null.</param>
    /// <param name="source">The file name, for <see cref="ForeignSchedule.Source"/> and errors; null when none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleFileException">The text is empty or not a schedule; the exception says where.</exception>
    /// <exception cref="ArgumentException"><see cref="ScheduleReadOptions.DateFormat"/> is not a date pattern.</exception>
    public static ForeignSchedule Parse(string text, ScheduleReadOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ScheduleReadOptions.Default;
        try
        {
            string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
            {
                return ReadJson(trimmed, source);
            }

            var csv = new Csv(text, options, source);
            if (options.IdColumn is not null)
            {
                throw new ArgumentException("IdColumn is set: read a file of many loans with ParseBook.", nameof(options));
            }

            return csv.ReadAll(null)[""];
        }
        catch (ScheduleFileException e)
        {
            throw e.InFile(source);
        }
    }

    /// <summary>Reads a CSV file of many loans, each row naming its loan in <see cref="ScheduleReadOptions.IdColumn"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">How to read it; <see cref="ScheduleReadOptions.IdColumn"/> must be set.</param>
    /// <param name="source">The file name, for errors; null when none.</param>
    /// <returns>Each loan's schedule by id, the rows in file order.</returns>
    /// <exception cref="ScheduleFileException">The text is empty or not a schedule, the id column is missing, or a row has no id.</exception>
    /// <exception cref="ArgumentException"><see cref="ScheduleReadOptions.IdColumn"/> is null, or the date format is not a pattern.</exception>
    public static IReadOnlyDictionary<string, ForeignSchedule> ParseBook(string text, ScheduleReadOptions options, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        string id = options.IdColumn ?? throw new ArgumentException("ParseBook needs ScheduleReadOptions.IdColumn.", nameof(options));
        try
        {
            return new Csv(text, options, source).ReadAll(id);
        }
        catch (ScheduleFileException e)
        {
            throw e.InFile(source);
        }
    }

    /// <summary>The fields of a CSV text, record by record, without a copy of each field.</summary>
    private sealed class Csv
    {
        private readonly string _text;
        private readonly ScheduleReadOptions _options;
        private readonly string? _source;
        private readonly char _delimiter;
        private readonly List<(int Start, int Length, bool Escaped)> _fields = new(16);
        private readonly StringBuilder _scratch = new();
        private readonly LocalDatePattern? _pattern;
        private readonly int _fastDate; // 1: yyyy-MM-dd, 2: yyyy/MM/dd, 3: yyyyMMdd, 0: the pattern
        private int _pos;
        private int _line = 1;

        /// <summary>A reader of one chunk of <paramref name="text"/>, from <paramref name="start"/> (a line start, line
        /// <paramref name="line"/>), with the delimiter the whole file's header showed.</summary>
        private Csv(string text, ScheduleReadOptions options, string? source, char delimiter, int start, int line)
            : this(text, options with { Delimiter = delimiter }, source)
        {
            _pos = start;
            _line = line;
        }

        internal Csv(string text, ScheduleReadOptions options, string? source)
        {
            _text = text;
            _options = options;
            _source = source;
            _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            _delimiter = options.Delimiter ?? Detect(text, _pos);
            _fastDate = options.DateFormat switch { "yyyy-MM-dd" => 1, "yyyy/MM/dd" => 2, "yyyyMMdd" => 3, _ => 0 };
            if (_fastDate == 0)
            {
                try
                {
                    _pattern = LocalDatePattern.CreateWithInvariantCulture(options.DateFormat);
                }
                catch (InvalidPatternException e)
                {
                    throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Err_VerifyDatePattern, options.DateFormat, e.Message), "DateFormat", e);
                }
            }
        }

        internal Dictionary<string, ForeignSchedule> ReadAll(string? idColumn)
        {
            Header header = ReadHeader(idColumn);
            var byId = new Dictionary<string, List<ForeignRow>>(StringComparer.Ordinal);
            List<ForeignRow> single = [];
            if (idColumn is null)
            {
                byId[""] = single;
                ReadRows(_text.Length, header, byId, single);
            }
            else if (_text.Length - _pos >= ParallelFrom && _text.AsSpan(_pos).IndexOf('"') < 0)
            {
                ReadRowsInParallel(header, byId);
            }
            else
            {
                ReadRows(_text.Length, header, byId, single);
            }

            int headerLine = header.Line;
            byte mapped = header.Mapped;
            if (byId.Count == 0 || (idColumn is null && single.Count == 0))
            {
                throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyNoRows, headerLine), headerLine, null, null);
            }

            var result = new Dictionary<string, ForeignSchedule>(byId.Count, StringComparer.Ordinal);
            foreach ((string id, List<ForeignRow> rows) in byId)
            {
                result[id] = new ForeignSchedule([.. rows], mapped, _source);
            }

            return result;
        }

        /// <summary>Text from this length on, of a file of many loans without quotes, is read by chunks of lines in parallel.</summary>
        internal const int ParallelFrom = 4 * 1024 * 1024;

        /// <summary>What the header line says: the headers, per column the field holding it, the id field, the mapped columns.</summary>
        internal sealed record Header(string[] Headers, int[] At, int IdAt, byte Mapped, int Line);

        /// <summary>Reads the header: the first record that is not blank.</summary>
        private Header ReadHeader(string? idColumn)
        {
            int headerLine;
            do
            {
                headerLine = _line;
                if (!Next())
                {
                    throw Error(Resources.LibraryText.Err_VerifyEmpty, 1, null, null);
                }
            }
            while (Blank());

            string[] headers = [.. Enumerable.Range(0, _fields.Count).Select(k => Field(k).ToString().Trim())];
            int[] at;
            try
            {
                at = _options.Columns.Resolve(headers);
            }
            catch (ColumnMappingException e)
            {
                throw new ScheduleFileException(Resources.Localized.Format(Resources.LibraryText.Err_VerifyLine, headerLine, e.Message), _source, headerLine, e.Value, e.Value, e);
            }

            int idAt = -1;
            if (idColumn is not null)
            {
                string wanted = ColumnMapping.Normalize(idColumn);
                idAt = Array.FindIndex(headers, h => ColumnMapping.Normalize(h) == wanted);
                if (idAt < 0)
                {
                    throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyNoIdColumn, idColumn, string.Join(", ", headers)), headerLine, idColumn, idColumn);
                }
            }

            byte mapped = 0;
            for (int c = 0; c < at.Length; c++)
            {
                mapped |= at[c] >= 0 ? (byte)(1 << c) : (byte)0;
            }

            return new Header(headers, at, idAt, mapped, headerLine);
        }

        /// <summary>Reads the records from here up to <paramref name="end"/> (a line start), each into its loan's list
        /// (<paramref name="single"/> without an id column).</summary>
        private void ReadRows(int end, Header header, Dictionary<string, List<ForeignRow>> byId, List<ForeignRow> single)
        {
            var lookup = byId.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<decimal> amounts = stackalloc decimal[8];
            int idAt = header.IdAt;
            while (_pos < end)
            {
                int line = _line;
                if (!Next())
                {
                    break;
                }

                if (Blank() || IsTotals())
                {
                    continue;
                }

                List<ForeignRow> rows = single;
                if (idAt >= 0)
                {
                    ReadOnlySpan<char> id = idAt < _fields.Count ? Field(idAt).Trim() : [];
                    if (id.IsEmpty)
                    {
                        throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyIdEmpty, line, header.Headers[idAt]), line, header.Headers[idAt], "");
                    }

                    if (!lookup.TryGetValue(id, out List<ForeignRow>? found))
                    {
                        found = [];
                        lookup[id] = found;
                    }

                    rows = found;
                }

                rows.Add(ReadRow(line, header.At, header.Headers, amounts));
            }
        }

        /// <summary>
        /// Reads the records after the header by chunks of whole lines, in parallel, and joins each loan's rows in file
        /// order. Only for text without quotes, where every line break ends a record; an error is the one of the
        /// earliest chunk that has one, so it is the file's first bad line, as a sequential read would report.
        /// </summary>
        private void ReadRowsInParallel(Header header, Dictionary<string, List<ForeignRow>> byId)
        {
            int chunks = Math.Max(2, Environment.ProcessorCount * 4);
            int from = _pos, length = _text.Length - from;
            var starts = new List<int> { from };
            for (int k = 1; k < chunks; k++)
            {
                int nominal = from + (int)((long)length * k / chunks);
                int newline = _text.IndexOf('\n', Math.Max(nominal, starts[^1]));
                if (newline < 0 || newline + 1 >= _text.Length)
                {
                    break;
                }

                if (newline + 1 > starts[^1])
                {
                    starts.Add(newline + 1);
                }
            }

            starts.Add(_text.Length);
            int n = starts.Count - 1;
            int[] lines = new int[n + 1];
            Parallel.For(0, n, k => lines[k + 1] = _text.AsSpan(starts[k], starts[k + 1] - starts[k]).Count('\n'));
            lines[0] = _line;
            for (int k = 1; k <= n; k++)
            {
                lines[k] += lines[k - 1];
            }

            var parts = new Dictionary<string, List<ForeignRow>>[n];
            var errors = new Exception?[n];
            Parallel.For(0, n, k =>
            {
                try
                {
                    var part = new Dictionary<string, List<ForeignRow>>(StringComparer.Ordinal);
                    new Csv(_text, _options, _source, _delimiter, starts[k], lines[k]).ReadRows(starts[k + 1], header, part, []);
                    parts[k] = part;
                }
#pragma warning disable CA1031 // rethrown below, the earliest chunk's first
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors[k] = e;
                }
            });

            if (errors.FirstOrDefault(e => e is not null) is { } first)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            foreach (Dictionary<string, List<ForeignRow>> part in parts)
            {
                foreach ((string id, List<ForeignRow> rows) in part)
                {
                    if (byId.TryGetValue(id, out List<ForeignRow>? joined))
                    {
                        joined.AddRange(rows);
                    }
                    else
                    {
                        byId[id] = rows;
                    }
                }
            }

            _pos = _text.Length;
        }

        private ForeignRow ReadRow(int line, int[] at, string[] headers, Span<decimal> amounts)
        {
            amounts.Clear();
            byte present = 0;
            int period = 0;
            LocalDate date = default;
            for (int c = 0; c < at.Length; c++)
            {
                int k = at[c];
                if (k < 0 || k >= _fields.Count)
                {
                    continue;
                }

                ReadOnlySpan<char> field = Field(k).Trim();
                if (field.IsEmpty)
                {
                    continue; // an empty cell: the row lacks the value
                }

                switch ((ScheduleColumn)c)
                {
                    case ScheduleColumn.Period:
                        if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out period) || period < 1)
                        {
                            throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyPeriod, line, headers[k], Echo(field)), line, headers[k], field.ToString());
                        }

                        break;
                    case ScheduleColumn.DueDate:
                        if (!TryParseDate(field, out date))
                        {
                            throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyDate, line, headers[k], Echo(field), _options.DateFormat), line, headers[k], field.ToString());
                        }

                        break;
                    default:
                        if (!AmountText.TryParse(field, c == (int)ScheduleColumn.AnnualRate, out amounts[c]))
                        {
                            throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyAmount, line, headers[k], Echo(field)), line, headers[k], field.ToString());
                        }

                        break;
                }

                present |= (byte)(1 << c);
            }

            return new ForeignRow(line, period, date, amounts, present);
        }

        private bool TryParseDate(ReadOnlySpan<char> s, out LocalDate date)
        {
            date = default;
            if (_fastDate == 0)
            {
                ParseResult<LocalDate> parsed = _pattern!.Parse(s.ToString());
                date = parsed.Success ? parsed.Value : default;
                return parsed.Success;
            }

            int year, month, day;
            if (_fastDate == 3)
            {
                if (s.Length != 8 || !Digits(s[..4], out year) || !Digits(s[4..6], out month) || !Digits(s[6..], out day))
                {
                    return false;
                }
            }
            else
            {
                char sep = _fastDate == 1 ? '-' : '/';
                if (s.Length != 10 || s[4] != sep || s[7] != sep || !Digits(s[..4], out year) || !Digits(s[5..7], out month) || !Digits(s[8..], out day))
                {
                    return false;
                }
            }

            if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return false;
            }

            date = new LocalDate(year, month, day);
            return true;
        }

        private static bool Digits(ReadOnlySpan<char> s, out int value)
        {
            value = 0;
            foreach (char c in s)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        private bool Blank()
        {
            for (int k = 0; k < _fields.Count; k++)
            {
                if (!Field(k).Trim().IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsTotals()
        {
            ReadOnlySpan<char> first = Field(0).Trim();
            foreach (string word in TotalsWords)
            {
                if (first.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Field <paramref name="k"/> of the current record (unescaped when it was quoted with "" inside).</summary>
        private ReadOnlySpan<char> Field(int k)
        {
            (int start, int length, bool escaped) = _fields[k];
            ReadOnlySpan<char> raw = _text.AsSpan(start, length);
            if (!escaped)
            {
                return raw;
            }

            _scratch.Clear();
            for (int i = 0; i < raw.Length; i++)
            {
                _scratch.Append(raw[i]);
                if (raw[i] == '"' && i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    i++;
                }
            }

            return _scratch.ToString();
        }

        /// <summary>Reads the next record's fields; false at the end of the text.</summary>
        private bool Next()
        {
            _fields.Clear();
            string text = _text;
            int n = text.Length;
            if (_pos >= n)
            {
                return false;
            }

            while (true)
            {
                int start = _pos;
                if (_pos < n && text[_pos] == '"')
                {
                    // A quoted field: up to the closing quote; "" is a quote.
                    int from = ++_pos;
                    bool escaped = false;
                    while (true)
                    {
                        int q = text.IndexOf('"', _pos);
                        if (q < 0)
                        {
                            throw Error(Resources.Localized.Format(Resources.LibraryText.Err_VerifyQuote, _line), _line, null, Echo(text.AsSpan(start, Math.Min(n - start, 40))));
                        }

                        _line += text.AsSpan(_pos, q - _pos).Count('\n');
                        if (q + 1 < n && text[q + 1] == '"')
                        {
                            escaped = true;
                            _pos = q + 2;
                            continue;
                        }

                        _fields.Add((from, q - from, escaped));
                        _pos = q + 1;
                        break;
                    }

                    // Anything between the closing quote and the delimiter is ignored (spaces, in practice).
                    int end = text.AsSpan(_pos).IndexOfAny(_delimiter, '\n');
                    _pos = end < 0 ? n : _pos + end;
                }
                else
                {
                    int end = text.AsSpan(_pos).IndexOfAny(_delimiter, '\n');
                    int stop = end < 0 ? n : _pos + end;
                    int length = stop - _pos;
                    if (length > 0 && text[stop - 1] == '\r' && (stop == n || text[stop] == '\n'))
                    {
                        length--;
                    }

                    _fields.Add((_pos, length, false));
                    _pos = stop;
                }

                if (_pos >= n)
                {
                    return true;
                }

                if (text[_pos] == '\n')
                {
                    _pos++;
                    _line++;
                    return true;
                }

                if (text[_pos] == '\r')
                {
                    _pos++;
                    if (_pos < n && text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    return true;
                }

                _pos++; // the delimiter
                if (_pos >= n)
                {
                    _fields.Add((n, 0, false));
                    return true;
                }
            }
        }

        private static char Detect(string text, int from)
        {
            int end = text.IndexOf('\n', from);
            ReadOnlySpan<char> header = text.AsSpan(from, (end < 0 ? text.Length : end) - from);
            char best = ',';
            int bestCount = 0;
            foreach (char candidate in (ReadOnlySpan<char>)[',', ';', '\t', '|'])
            {
                int count = 0;
                bool quoted = false;
                foreach (char c in header)
                {
                    quoted ^= c == '"';
                    count += !quoted && c == candidate ? 1 : 0;
                }

                if (count > bestCount)
                {
                    best = candidate;
                    bestCount = count;
                }
            }

            return best;
        }

        private ScheduleFileException Error(string message, int line, string? column, string? value) =>
            new(message, _source, line, column, value);
    }

    private static ForeignSchedule ReadJson(string text, string? source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ScheduleFileException(
                Resources.Localized.Format(Resources.LibraryText.Err_VerifyJson, (e.LineNumber ?? 0) + 1, e.Message.Split('\n')[0].Trim()), source, (int)(e.LineNumber ?? 0) + 1, null, null, e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            JsonElement rows;
            if (root.ValueKind == JsonValueKind.Array)
            {
                rows = root;
            }
            else if (root.TryGetProperty("combined", out _))
            {
                throw new ScheduleFileException(Resources.LibraryText.Err_VerifyCombined,
                    source, null, "combined", null);
            }
            else if (!root.TryGetProperty("rows", out rows) || rows.ValueKind != JsonValueKind.Array)
            {
                throw new ScheduleFileException(Resources.LibraryText.Err_VerifyNotSchedule, source, null, "rows", null);
            }

            var result = new List<ForeignRow>(rows.GetArrayLength());
            byte columns = 0;
            Span<decimal> amounts = stackalloc decimal[8];
            int index = 0;
            foreach (JsonElement row in rows.EnumerateArray())
            {
                index++;
                amounts.Clear();
                byte present = 0;
                int period = 0;
                LocalDate date = default;
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw new ScheduleFileException(Resources.Localized.Format(Resources.LibraryText.Err_VerifyRowNotObject, index - 1), source, null, $"rows[{index - 1}]", null);
                }

                foreach (JsonProperty member in row.EnumerateObject())
                {
                    int c = Array.IndexOf(JsonNames, member.Name);
                    if (c < 0 || member.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    string path = $"rows[{index - 1}].{member.Name}";
                    JsonElement value = member.Value;
                    bool ok = (ScheduleColumn)c switch
                    {
                        ScheduleColumn.Period => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out period) && period >= 1,
                        ScheduleColumn.DueDate => value.ValueKind == JsonValueKind.String && LocalDatePattern.Iso.Parse(value.GetString()!) is { Success: true } d && (date = d.Value) == d.Value,
                        _ => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out amounts[c]),
                    };
                    if (!ok)
                    {
                        throw new ScheduleFileException(
                            Resources.Localized.Format(c == 0 ? Resources.LibraryText.Err_VerifyJsonPeriod : c == 1 ? Resources.LibraryText.Err_VerifyJsonDate : Resources.LibraryText.Err_VerifyJsonNumber, path, Echo(value.GetRawText())),
                            source, null, path, value.GetRawText());
                    }

                    present |= (byte)(1 << c);
                }

                columns |= present;
                result.Add(new ForeignRow(index, period, date, amounts, present));
            }

            if (result.Count == 0)
            {
                throw new ScheduleFileException(Resources.LibraryText.Err_VerifyNoRowsJson, source, null, "rows", null);
            }

            return new ForeignSchedule([.. result], columns, source);
        }
    }

    private static readonly string[] JsonNames =
        ["period", "due_date", "annual_rate_pct", "opening_balance", "payment", "principal", "interest", "closing_balance"];

    private static string Echo(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..37], "...") : text.ToString();
}
