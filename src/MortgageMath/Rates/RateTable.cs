using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath;

/// <summary>
/// Dated fixings of reference rates (<see cref="RateIndex"/>), immutable. <see cref="FixingOn"/> answers "which
/// value of this index applied on this date": the latest fixing published on or before the date. A table knows up to
/// which date it is complete (<see cref="AsOf"/>) and refuses to answer for later dates rather than silently reusing an
/// old fixing; extend it with <see cref="WithFixing"/>, <see cref="Merge"/>, <see cref="Load"/> or, for what-if
/// projections, <see cref="AssumingUnchangedUntil"/>.
/// </summary>
/// <example>
/// <code>
/// RateTable table = RateTable.China;                                      // shipped history, as of 2026-03-20
/// Rate lpr = table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20)).Value;   // 3.95%
/// RateTable mine = table.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.45m));
/// RateTable whatIf = table.AssumingUnchangedUntil(new LocalDate(2030, 12, 31));
/// </code>
/// </example>
public sealed class RateTable : IEquatable<RateTable>
{
    /// <summary>The header line of a rate file, exactly.</summary>
    internal const string CsvHeader = "index,effective_date,rate_pct,source";

    /// <summary>The manifest name of the embedded shipped history.</summary>
    internal const string ChinaResourceName = "MortgageMath.Rates.Data.china-rates.csv";

    /// <summary>The date up to which the shipped history is complete: the latest LPR fixing in the research data.</summary>
    internal static readonly LocalDate ChinaAsOf = new(2026, 3, 20);

    private static readonly string[] Columns = ["index", "effective_date", "rate_pct", "source"];

    private static readonly Lazy<RateTable> ChinaTable = new(LoadChina, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Each index's fixings, sorted by effective date, one per date.</summary>
    private readonly Dictionary<RateIndex, RateFixing[]> _series;

    private RateTable(Dictionary<RateIndex, RateFixing[]> series, LocalDate asOf)
    {
        _series = series;
        AsOf = DayNumber.RequireIso(asOf, nameof(asOf));
        AsOfDay = DayNumber.Of(asOf);
        RateIndex[] indexes = [.. series.Keys];
        Array.Sort(indexes, RateIndex.CompareForDisplay);
        Indexes = indexes;
    }

    /// <summary>
    /// The shipped Chinese history: every LPR fixing (1-year and over-5-year) since 2019-08-20, the PBoC benchmark
    /// lending rates and the housing provident fund rates, each with its source; <see cref="AsOf"/> 2026-03-20.
    /// See <c>docs/rate-data.md</c> for what is in it and its known gaps.
    /// </summary>
    public static RateTable China => ChinaTable.Value;

    /// <summary>
    /// The date up to which the table is known to be complete. <see cref="FixingOn"/> for a later date throws
    /// <see cref="MissingRateFixingException"/>: the table cannot know whether a fixing was published in between.
    /// Never before the latest fixing's effective date.
    /// </summary>
    public LocalDate AsOf { get; }

    /// <summary><see cref="AsOf"/> as a <see cref="DayNumber"/>.</summary>
    internal int AsOfDay { get; }

    /// <summary>The indexes with at least one fixing: built-in ones in the order of <see cref="RateIndex.All"/>, then custom ones by name.</summary>
    public IReadOnlyList<RateIndex> Indexes { get; }

    /// <summary>The fixing of <paramref name="index"/> in force on <paramref name="date"/>: the latest one whose effective (publication) date is on or before it.</summary>
    /// <param name="index">The reference rate.</param>
    /// <param name="date">The date, at most <see cref="AsOf"/>.</param>
    /// <returns>The fixing, with its effective date and source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null.</exception>
    /// <exception cref="MissingRateFixingException">The table has no fixing of the index on or before the date, or the date is after <see cref="AsOf"/>.</exception>
    public RateFixing FixingOn(RateIndex index, LocalDate date)
    {
        if (TryGetFixingOn(index, date, out RateFixing fixing))
        {
            return fixing;
        }

        throw Missing(index, date);
    }

    /// <summary>Like <see cref="FixingOn"/>, but returns false instead of throwing when no fixing is known.</summary>
    /// <param name="index">The reference rate.</param>
    /// <param name="date">The date.</param>
    /// <param name="fixing">The fixing in force on the date, or default when there is none.</param>
    /// <returns>Whether a fixing is known: the date is at most <see cref="AsOf"/> and on or after the index's first fixing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null.</exception>
    public bool TryGetFixingOn(RateIndex index, LocalDate date, out RateFixing fixing)
    {
        ArgumentNullException.ThrowIfNull(index);
        DayNumber.RequireIso(date, nameof(date));
        fixing = default;
        if (date > AsOf || !_series.TryGetValue(index, out RateFixing[]? series))
        {
            return false;
        }

        int at = LastOnOrBefore(series, date);
        if (at < 0)
        {
            return false;
        }

        fixing = series[at];
        return true;
    }

    /// <summary>The sorted fixings of an index without a copy, for look-ups in a loop; null when the table has none.</summary>
    internal RateFixing[]? SeriesOf(RateIndex index) => _series.TryGetValue(index, out RateFixing[]? series) ? series : null;

    /// <summary>All fixings of an index, sorted by effective date; empty when the table has none.</summary>
    /// <param name="index">The reference rate.</param>
    /// <returns>The fixings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> is null.</exception>
    public IReadOnlyList<RateFixing> Fixings(RateIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return _series.TryGetValue(index, out RateFixing[]? series) ? Array.AsReadOnly(series) : [];
    }

    /// <summary>
    /// A new table with one fixing added, or replacing the fixing of the same index on the same date.
    /// <see cref="AsOf"/> becomes the later of the current as-of date and <paramref name="effectiveDate"/>.
    /// </summary>
    /// <param name="index">The reference rate; a <see cref="RateIndex.Custom"/> index is fine.</param>
    /// <param name="effectiveDate">The date the value was published and took effect.</param>
    /// <param name="value">The rate.</param>
    /// <param name="source">Where the value comes from; <c>user</c> by default.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> or <paramref name="source"/> is null.</exception>
    public RateTable WithFixing(RateIndex index, LocalDate effectiveDate, Rate value, string source = "user")
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        DayNumber.RequireIso(effectiveDate, nameof(effectiveDate));
        var all = ToDictionary();
        all[(index, effectiveDate)] = new RateFixing(index, effectiveDate, value, source);
        return Build(all.Values, LocalDate.Max(AsOf, effectiveDate));
    }

    /// <summary>
    /// A new table in which the series of <paramref name="index"/> is exactly <paramref name="fixings"/>: every fixing
    /// this table has of it is dropped, the other indexes are unchanged. An empty <paramref name="fixings"/> removes the
    /// index. <see cref="AsOf"/> becomes the later of the current as-of date and the latest effective date given.
    /// </summary>
    /// <remarks>Replacing rather than merging keeps a series exactly as given: two fixings mean those two values and no
    /// others in between (compare <see cref="Merge"/>, which interleaves).</remarks>
    /// <param name="index">The reference rate.</param>
    /// <param name="fixings">The new series, in any order; each fixing's <see cref="RateFixing.Index"/> must be
    /// <paramref name="index"/>, one per effective date.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">A parameter or a fixing's source is null.</exception>
    /// <exception cref="ArgumentException">A fixing is of another index, or two have the same effective date.</exception>
    public RateTable WithSeries(RateIndex index, IEnumerable<RateFixing> fixings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(fixings);
        var dates = new HashSet<LocalDate>();
        var series = new List<RateFixing>();
        LocalDate asOf = AsOf;
        foreach (RateFixing fixing in fixings)
        {
            if (fixing.Index != index)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_SeriesIndex, index.Name, fixing.Index?.Name ?? "no index"), nameof(fixings));
            }

            ArgumentNullException.ThrowIfNull(fixing.Source, nameof(fixings));
            DayNumber.RequireIso(fixing.EffectiveDate, nameof(fixings));
            if (!dates.Add(fixing.EffectiveDate))
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_SeriesTwice, index.Name, Format(fixing.EffectiveDate)), nameof(fixings));
            }

            series.Add(fixing);
            asOf = LocalDate.Max(asOf, fixing.EffectiveDate);
        }

        var copy = new Dictionary<RateIndex, RateFixing[]>(_series);
        copy.Remove(index);
        if (series.Count > 0)
        {
            copy.Add(index, [.. series.OrderBy(f => f.EffectiveDate)]);
        }

        return new RateTable(copy, asOf);
    }

    /// <summary>
    /// A new table in which every index <paramref name="other"/> has is replaced by its series there
    /// (<see cref="WithSeries"/>); the other indexes stay. <see cref="AsOf"/> is the later of the two as-of dates. This is
    /// how a user's own rate file overrides a shipped history without interleaving with it.
    /// </summary>
    /// <param name="other">The table whose series replace.</param>
    /// <returns>The new table; both inputs are unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public RateTable WithSeriesOf(RateTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var copy = new Dictionary<RateIndex, RateFixing[]>(_series);
        foreach ((RateIndex index, RateFixing[] series) in other._series)
        {
            copy[index] = series;
        }

        return new RateTable(copy, LocalDate.Max(AsOf, other.AsOf));
    }

    /// <summary>
    /// A new table with the same fixings whose <see cref="AsOf"/> is <paramref name="date"/>: "assume no index changes
    /// until then". Use it for projections; the latest fixing of each index then answers for every date up to
    /// <paramref name="date"/>.
    /// </summary>
    /// <param name="date">The new as-of date, on or after the current one.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before <see cref="AsOf"/>.</exception>
    public RateTable AssumingUnchangedUntil(LocalDate date)
    {
        DayNumber.RequireIso(date, nameof(date));
        if (date < AsOf)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                Resources.Localized.Format(Resources.LibraryText.Valid_AssumeUnchanged, Format(AsOf), Format(date)));
        }

        return date == AsOf ? this : new RateTable(_series, date);
    }

    /// <summary>
    /// A new table with the fixings of both; where both have a fixing of the same index on the same date,
    /// <paramref name="other"/>'s wins. <see cref="AsOf"/> is the later of the two as-of dates.
    /// </summary>
    /// <param name="other">The table whose fixings override, e.g. your own corrections or newer fixings.</param>
    /// <returns>The merged table; both inputs are unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public RateTable Merge(RateTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var all = ToDictionary();
        foreach (RateFixing[] series in other._series.Values)
        {
            foreach (RateFixing fixing in series)
            {
                all[(fixing.Index, fixing.EffectiveDate)] = fixing;
            }
        }

        return Build(all.Values, LocalDate.Max(AsOf, other.AsOf));
    }

    /// <summary>Reads a rate file; see <see cref="Parse"/> for the format. Every failure is one of the exceptions below,
    /// and each message starts with the path and a colon.</summary>
    /// <param name="path">The file, UTF-8 (a UTF-16 file with a byte-order mark is read too).</param>
    /// <param name="asOf">The date up to which the file is complete; by default its latest effective date.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, only white space, or not a valid path (it
    /// contains a NUL character); or <paramref name="asOf"/> is not in the ISO calendar. <c>ParamName</c> names which.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (nor, perhaps, the folder it
    /// would be in); <c>FileName</c> is the path.</exception>
    /// <exception cref="IOException">The path is a folder, or the file cannot be opened or read (no permission, a
    /// device or read error); the original exception is the <c>InnerException</c>.</exception>
    /// <exception cref="FormatException">The file is not a valid rate file, or not text in its encoding (UTF-8, or UTF-16 or
    /// UTF-32 as its byte-order mark says); the message names the line, the column and the bad value where there is one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the file's latest fixing.</exception>
    public static RateTable Load(string path, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_RatePathEmpty, path), nameof(path));
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(Resources.LibraryText.Valid_RatePathNul, nameof(path));
        }

        using StreamReader reader = Open(path);
        try
        {
            return Parse(reader, asOf);
        }
        catch (FormatException ex)
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileProblem, path, ex.Message), ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileNotUtf8, path, ex.Message,
                reader.CurrentEncoding.WebName.ToUpperInvariant()), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileUnreadable, path, ex.Message), ex);
        }
    }

    /// <summary>Opens a rate file, turning each way it can fail into the exception <see cref="Load"/> documents.</summary>
    private static StreamReader Open(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            try
            {
                Span<byte> start = stackalloc byte[4];
                int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
                stream.Position = 0;
                return new StreamReader(stream, StrictEncoding.Of(start[..read]).Encoding, detectEncodingFromByteOrderMarks: false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileMissing, path), path, ex);
        }
        catch (UnauthorizedAccessException ex) when (Directory.Exists(path))
        {
            throw new IOException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileFolder, path), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Resources.Localized.Format(Resources.LibraryText.Valid_RateFileCannotOpen, path, ex.Message), ex);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_RatePathInvalid, path, ex.Message), nameof(path), ex);
        }
    }

    /// <summary>
    /// Reads a rate table in CSV: the header exactly <c>index,effective_date,rate_pct,source</c>, then one fixing per
    /// row, e.g. <c>lpr5y,2024-02-20,3.95,https://...</c>. Dates are <c>yyyy-MM-dd</c>; rates are in percent with a
    /// '.' decimal point; the source is free text, in quotation marks when it contains commas (RFC 4180). Lines starting
    /// with '#' and blank lines are ignored. Index names are case-insensitive; names that are not built in become
    /// <see cref="RateIndex.Custom"/> indexes. The same fixing may appear twice only with the same value.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="asOf">The date up to which the data is complete; by default the latest effective date in it.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid rate table; the message names the line, the column and the bad value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the latest fixing in the data.</exception>
    public static RateTable Parse(TextReader reader, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (asOf is { } date)
        {
            DayNumber.RequireIso(date, nameof(asOf));
        }

        var fixings = new Dictionary<(RateIndex, LocalDate), (RateFixing Fixing, int Line)>();
        bool sawHeader = false;
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!sawHeader)
            {
                if (line.TrimEnd() != CsvHeader)
                {
                    throw new FormatException(
                        Resources.Localized.Format(Resources.LibraryText.Valid_CsvHeader, lineNumber, CsvHeader, line));
                }

                sawHeader = true;
                continue;
            }

            int recordLine = lineNumber;
            List<string> fields = SplitRecord(line, reader, ref lineNumber);
            if (fields.Count != Columns.Length)
            {
                throw new FormatException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_CsvColumns, recordLine, Columns.Length, CsvHeader, fields.Count));
            }

            RateFixing fixing = ParseRow(fields, recordLine);
            var key = (fixing.Index, fixing.EffectiveDate);
            if (fixings.TryGetValue(key, out var earlier))
            {
                if (earlier.Fixing.Value != fixing.Value)
                {
                    throw new FormatException(
                        Resources.Localized.Format(Resources.LibraryText.Valid_CsvConflict, recordLine, fixing.Index.Name, Format(fixing.EffectiveDate), fixing.Value, earlier.Fixing.Value, earlier.Line));
                }

                continue;
            }

            fixings.Add(key, (fixing, recordLine));
        }

        if (!sawHeader)
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_CsvEmpty, CsvHeader));
        }

        LocalDate? latest = null;
        foreach (var entry in fixings.Values)
        {
            if (latest is null || entry.Fixing.EffectiveDate > latest.Value)
            {
                latest = entry.Fixing.EffectiveDate;
            }
        }

        if (asOf is { } explicitAsOf && latest is { } last && explicitAsOf < last)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), explicitAsOf,
                Resources.Localized.Format(Resources.LibraryText.Valid_CsvAsOf, Format(explicitAsOf), Format(last)));
        }

        LocalDate tableAsOf = asOf ?? latest
            ?? throw new FormatException(Resources.LibraryText.Valid_CsvNoFixings);
        return Build(fixings.Values.Select(e => e.Fixing), tableAsOf);
    }

    /// <summary>
    /// Writes the table in the format <see cref="Parse"/> reads: a '#' line with the as-of date, the header, then the
    /// fixings by index (as in <see cref="Indexes"/>) and date, rates in percent with at least two decimals.
    /// <c>Parse</c> of the output gives an equal table when <see cref="AsOf"/> is the latest fixing's date (otherwise
    /// pass <see cref="AsOf"/> to <c>Parse</c>).
    /// </summary>
    /// <param name="writer">Where to write; lines end in '\n'.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"# rate table as of {Format(AsOf)}; rates in percent\n");
        writer.Write(CsvHeader + "\n");
        foreach (RateIndex index in Indexes)
        {
            foreach (RateFixing fixing in _series[index])
            {
                writer.Write(fixing.Index.Name);
                writer.Write(',');
                writer.Write(Format(fixing.EffectiveDate));
                writer.Write(',');
                writer.Write(fixing.Value.ToPercent().ToString("0.00############", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(QuoteIfNeeded(fixing.Source));
                writer.Write('\n');
            }
        }
    }

    /// <summary>True when both tables have the same as-of date and the same fixings (values and sources).</summary>
    /// <param name="other">The other table.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RateTable? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (AsOf != other.AsOf || _series.Count != other._series.Count)
        {
            return false;
        }

        foreach (var (index, series) in _series)
        {
            if (!other._series.TryGetValue(index, out RateFixing[]? theirs) || !series.AsSpan().SequenceEqual(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RateTable other && Equals(other);

    /// <summary>True when both tables are equal (<see cref="Equals(RateTable)"/>), or both null.</summary>
    /// <param name="left">The first table.</param>
    /// <param name="right">The second table.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RateTable? left, RateTable? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the tables differ.</summary>
    /// <param name="left">The first table.</param>
    /// <param name="right">The second table.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RateTable? left, RateTable? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(AsOf);
        foreach (RateIndex index in Indexes)
        {
            hash.Add(index);
            hash.Add(_series[index].Length);
        }

        return hash.ToHashCode();
    }

    /// <summary>A summary such as <c>rate table as of 2026-03-20: 9 indexes, 199 fixings</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"rate table as of {Format(AsOf)}: {Indexes.Count} indexes, {_series.Values.Sum(s => s.Length)} fixings";

    /// <summary>Why no fixing of <paramref name="index"/> is known for <paramref name="date"/>.</summary>
    private MissingRateFixingException Missing(RateIndex index, LocalDate date)
    {
        if (!_series.TryGetValue(index, out RateFixing[]? series))
        {
            string known = Indexes.Count == 0 ? Resources.LibraryText.Valid_None : string.Join(Resources.LibraryText.Valid_ListSeparator, Indexes.Select(i => i.Name));
            return new MissingRateFixingException(index, date, MissingFixingReason.UnknownIndex,
                Resources.Localized.Format(Resources.LibraryText.Valid_MissingUnknownIndex, index.Name, Format(date), known),
                Resources.LibraryText.Valid_MissingUnknownIndexRemedy);
        }

        if (date < series[0].EffectiveDate)
        {
            return new MissingRateFixingException(index, date, MissingFixingReason.BeforeFirstFixing,
                Resources.Localized.Format(Resources.LibraryText.Valid_MissingBeforeFirst, index.Name, Format(date), Format(series[0].EffectiveDate)),
                null);
        }

        return new MissingRateFixingException(index, date, MissingFixingReason.AfterAsOf,
            Resources.Localized.Format(Resources.LibraryText.Valid_MissingAfterAsOf, index.Name, Format(date), Format(AsOf)),
            Resources.LibraryText.Valid_MissingAfterAsOfRemedy);
    }

    /// <summary>The position of the last fixing on or before <paramref name="date"/>, or -1.</summary>
    internal static int LastOnOrBefore(RateFixing[] series, LocalDate date)
    {
        int lo = 0;
        int hi = series.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (series[mid].EffectiveDate <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private Dictionary<(RateIndex, LocalDate), RateFixing> ToDictionary()
    {
        var all = new Dictionary<(RateIndex, LocalDate), RateFixing>();
        foreach (RateFixing[] series in _series.Values)
        {
            foreach (RateFixing fixing in series)
            {
                all[(fixing.Index, fixing.EffectiveDate)] = fixing;
            }
        }

        return all;
    }

    /// <summary>A table from fixings that are unique per (index, date).</summary>
    private static RateTable Build(IEnumerable<RateFixing> fixings, LocalDate asOf)
    {
        var series = new Dictionary<RateIndex, RateFixing[]>();
        foreach (var group in fixings.GroupBy(f => f.Index))
        {
            RateFixing[] sorted = [.. group.OrderBy(f => f.EffectiveDate)];
            series.Add(group.Key, sorted);
        }

        return new RateTable(series, asOf);
    }

    private static RateTable LoadChina()
    {
        using Stream stream = typeof(RateTable).Assembly.GetManifestResourceStream(ChinaResourceName)
            ?? throw new InvalidOperationException($"The embedded rate history '{ChinaResourceName}' is missing from the MortgageMath assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, ChinaAsOf);
    }

    /// <summary>Splits one CSV record (RFC 4180); a quoted field may continue on the following lines.</summary>
    private static List<string> SplitRecord(string line, TextReader reader, ref int lineNumber)
    {
        var fields = new List<string>(Columns.Length);
        var field = new StringBuilder();
        bool quoted = false;
        bool inQuotes = false;
        int i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                {
                    fields.Add(field.ToString());
                    return fields;
                }

                string? next = reader.ReadLine();
                if (next is null)
                {
                    throw new FormatException(
                        Resources.Localized.Format(Resources.LibraryText.Valid_CsvQuoteOpen, lineNumber, ColumnName(fields.Count)));
                }

                lineNumber++;
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            char c = line[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                    if (i + 1 < line.Length && line[i + 1] != ',')
                    {
                        throw new FormatException(
                            Resources.Localized.Format(Resources.LibraryText.Valid_CsvAfterQuote, lineNumber, ColumnName(fields.Count), field));
                    }
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                quoted = false;
            }
            else if (c == '"' && field.Length == 0 && !quoted)
            {
                quoted = true;
                inQuotes = true;
            }
            else if (c == '"')
            {
                throw new FormatException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_CsvBareQuote, lineNumber, ColumnName(fields.Count)));
            }
            else
            {
                field.Append(c);
            }

            i++;
        }
    }

    private static string ColumnName(int position) => position < Columns.Length ? Columns[position] : $"{position + 1} (extra)";

    private static RateFixing ParseRow(List<string> fields, int line)
    {
        string name = fields[0].Trim();
        if (!RateIndex.TryParse(name, out RateIndex? index))
        {
            string lower = name.ToLowerInvariant();
            if (RateIndex.ValidateName(lower) is { } problem)
            {
                throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_CsvIndex, line, problem));
            }

            index = RateIndex.Custom(lower, $"Custom index '{lower}' (from a rate file)");
        }

        string dateText = fields[1].Trim();
        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(dateText);
        if (!date.Success)
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_CsvDate, line, fields[1]));
        }

        string rateText = fields[2].Trim();
        if (!decimal.TryParse(rateText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal percent))
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_CsvRateNumber, line, fields[2]));
        }

        Rate value;
        try
        {
            value = Rate.Percent(percent);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException(
                Resources.Localized.Format(Resources.LibraryText.Valid_CsvRateRange, line, fields[2]));
        }

        return new RateFixing(index, date.Value, value, fields[3]);
    }

    private static string QuoteIfNeeded(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;

    private static string Format(LocalDate date) => DateText.Iso(date);
}
