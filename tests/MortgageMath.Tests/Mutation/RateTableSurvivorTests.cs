using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of Rates/RateTable.cs that survived a Stryker.NET "fast" run (2026-12-05, ten Rates/
/// files against the tests without the property, CLI, doc, verification, portfolio and spec suites; docs/testing.md).
/// Each test names the mutants it kills as <c>RateTable.cs:LINE:COLUMN</c> (lines of the source at commit 028af40,
/// whose logic and English texts are those of main). Expected values are the fixings each test writes itself; the
/// expected messages are the library's English texts (the tests run in en-US).
/// </summary>
public class RateTableSurvivorTests
{
    private const string Header = "index,effective_date,rate_pct,source\n";

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static RateTable Parse(string text, LocalDate? asOf = null) => RateTable.Parse(new StringReader(text), asOf);

    /// <summary>lpr5y 4.20% from 2024-01-22 and 3.95% from 2024-02-20, as of 2024-03-19.</summary>
    private static readonly RateTable Lpr5 = Parse(Header + "lpr5y,2024-01-22,4.20,a\nlpr5y,2024-02-20,3.95,b\n", D(2024, 3, 19));

    /// <summary>The same date in the Julian calendar (the library takes ISO dates only).</summary>
    private static LocalDate Julian(int y, int m, int d) => new(y, m, d, CalendarSystem.Julian);

    private static string ArgMessage(string text, string param) => $"{text} (Parameter '{param}')";

    /// <summary>A scratch folder, deleted by <paramref name="body"/>'s end.</summary>
    private static void InTempFolder(Action<string> body)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgagemath-ratetable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            body(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // ---- null and non-ISO arguments: the named exception at the boundary ----

    /// <summary>
    /// Kills RateTable.cs:95:9 (TryGetFixingOn's ThrowIfNull(index) removed: for a date after AsOf it would return
    /// false, otherwise the dictionary would throw ArgumentNullException "key"), 122:9 (Fixings: "key"), 138:9
    /// (WithFixing: the Build dictionary's "key"), 161:9 (WithSeries: Remove(null) throws "key"), 206:9 (WithSeriesOf:
    /// a NullReferenceException), 275:9 (Load: string.IsNullOrWhiteSpace(null) would make it the "empty path"
    /// ArgumentException), 348:9 (Parse: a NullReferenceException from ReadLine) and 441:9 (WriteCsv: a
    /// NullReferenceException from Write).
    /// </summary>
    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.TryGetFixingOn(null!, D(2024, 3, 20), out _)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.TryGetFixingOn(null!, D(2024, 2, 20), out _)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.FixingOn(null!, D(2024, 2, 20))).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.Fixings(null!)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.WithFixing(null!, D(2024, 3, 20), Rate.Percent(3.5m))).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => Lpr5.WithSeries(null!, [])).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => Lpr5.WithSeriesOf(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => RateTable.Load(null!)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => RateTable.Parse(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => Lpr5.WriteCsv(null!)).ParamName);
    }

    /// <summary>
    /// Kills RateTable.cs:96:9 (TryGetFixingOn's RequireIso(date) removed) and 226:9 (AssumingUnchangedUntil's): without
    /// them NodaTime's comparison with the ISO as-of date throws its own ArgumentException, which does not name
    /// "date". Also 175:13 (WithSeries' RequireIso of a fixing's date: LocalDate.Max would throw naming its own
    /// parameter instead of "fixings").
    /// </summary>
    [Fact]
    public void Dates_outside_the_ISO_calendar_are_refused_by_name()
    {
        ArgumentException tryGet = Assert.Throws<ArgumentException>(() => Lpr5.TryGetFixingOn(RateIndex.Lpr5Y, Julian(2024, 2, 20), out _));
        Assert.Equal("date", tryGet.ParamName);
        Assert.StartsWith("Dates must be in the ISO calendar;", tryGet.Message, StringComparison.Ordinal);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => Lpr5.FixingOn(RateIndex.Lpr5Y, Julian(2024, 2, 20))).ParamName);

        ArgumentException assume = Assert.Throws<ArgumentException>(() => Lpr5.AssumingUnchangedUntil(Julian(2025, 1, 1)));
        Assert.Equal("date", assume.ParamName);
        Assert.StartsWith("Dates must be in the ISO calendar;", assume.Message, StringComparison.Ordinal);

        ArgumentException series = Assert.Throws<ArgumentException>(() =>
            Lpr5.WithSeries(RateIndex.Lpr5Y, [new RateFixing(RateIndex.Lpr5Y, Julian(2025, 1, 1), Rate.Percent(3.5m), "s")]));
        Assert.Equal("fixings", series.ParamName);
        Assert.StartsWith("Dates must be in the ISO calendar;", series.Message, StringComparison.Ordinal);
    }

    // ---- WithSeries ----

    /// <summary>
    /// Kills RateTable.cs:171:21 (the message → $""), 171:86 (<c>fixing.Index?.Name ?? "no index"</c> → always
    /// "no index"), 171:108 ("no index" → "": a default fixing has no index), 174:13 (the ThrowIfNull of a fixing's
    /// source removed: the table would hold a null source) and 179:21 (the two-fixings-on-one-date message → $"").
    /// </summary>
    [Fact]
    public void WithSeries_names_the_wrong_index_the_missing_source_and_the_repeated_date()
    {
        RateFixing ok = new(RateIndex.Lpr5Y, D(2024, 4, 22), Rate.Percent(3.95m), "s");

        ArgumentException other = Assert.Throws<ArgumentException>(() =>
            Lpr5.WithSeries(RateIndex.Lpr5Y, [ok, new RateFixing(RateIndex.Lpr1Y, D(2024, 5, 20), Rate.Percent(3.45m), "s")]));
        Assert.Equal(ArgMessage("Every fixing of the series must be of lpr5y; one is of lpr1y.", "fixings"), other.Message);
        Assert.Equal("fixings", other.ParamName);

        ArgumentException none = Assert.Throws<ArgumentException>(() => Lpr5.WithSeries(RateIndex.Lpr5Y, [ok, default]));
        Assert.Equal(ArgMessage("Every fixing of the series must be of lpr5y; one is of no index.", "fixings"), none.Message);

        ArgumentNullException source = Assert.Throws<ArgumentNullException>(() =>
            Lpr5.WithSeries(RateIndex.Lpr5Y, [ok with { Source = null! }]));
        Assert.Equal("fixings", source.ParamName);

        ArgumentException twice = Assert.Throws<ArgumentException>(() =>
            Lpr5.WithSeries(RateIndex.Lpr5Y, [ok, ok with { Value = Rate.Percent(3.85m) }]));
        Assert.Equal(ArgMessage("The series has two lpr5y fixings effective 2024-04-22; give one per date.", "fixings"), twice.Message);
        Assert.Equal("fixings", twice.ParamName);
    }

    // ---- Load: paths and encodings ----

    /// <summary>
    /// Kills RateTable.cs:278:41 (the empty-path message → $""), 283:13 (the NUL check removed: the path then reaches
    /// FileStream, whose ArgumentException Open turns into "is not a valid path") and 283:41 (the NUL message → "").
    /// </summary>
    [Fact]
    public void Load_refuses_an_empty_path_and_a_path_with_NUL_with_its_own_messages()
    {
        ArgumentException empty = Assert.Throws<ArgumentException>(() => RateTable.Load("  "));
        Assert.Equal(ArgMessage("The path of a rate file is empty; was '  '.", "path"), empty.Message);
        Assert.Equal("path", empty.ParamName);

        ArgumentException nul = Assert.Throws<ArgumentException>(() => RateTable.Load("rates\0.csv"));
        Assert.Equal(ArgMessage("The path of a rate file contains a NUL character, which no file name can hold.", "path"), nul.Message);
        Assert.Equal("path", nul.ParamName);
        Assert.Null(nul.InnerException);
    }

    /// <summary>
    /// Kills RateTable.cs:313:89 (<c>detectEncodingFromByteOrderMarks: true</c> → false): a UTF-16 file with a
    /// byte-order mark would then be read as strict UTF-8 and refused as "not UTF-8 text" (Load documents that it
    /// reads such a file).
    /// </summary>
    [Fact]
    public void Load_reads_a_UTF16_file_with_a_byte_order_mark()
    {
        InTempFolder(dir =>
        {
            string path = Path.Combine(dir, "utf16.csv");
            File.WriteAllText(path, Header + "lpr5y,2024-02-20,3.95,银行\n", Encoding.Unicode);
            RateTable table = RateTable.Load(path);
            Assert.Equal(D(2024, 2, 20), table.AsOf);
            Assert.Equal(new RateFixing(RateIndex.Lpr5Y, D(2024, 2, 20), Rate.Percent(3.95m), "银行"), Assert.Single(table.Fixings(RateIndex.Lpr5Y)));
        });
    }

    /// <summary>
    /// Kills RateTable.cs:323:36 (<c>ex is IOException or UnauthorizedAccessException</c> → <c>is not …</c>: the
    /// PathTooLongException would escape unwrapped), 325:13 (the throw removed: Open would return null) and 325:35
    /// (its message → $""). A file name longer than any file system takes (255 bytes) cannot be opened.
    /// </summary>
    [Fact]
    public void Load_wraps_a_file_that_cannot_be_opened_in_an_IOException_naming_the_path()
    {
        InTempFolder(dir =>
        {
            string path = Path.Combine(dir, new string('r', 300) + ".csv");
            IOException ex = Assert.Throws<IOException>(() => RateTable.Load(path));
            Assert.NotNull(ex.InnerException);
            Assert.IsAssignableFrom<IOException>(ex.InnerException);
            Assert.IsNotType<FileNotFoundException>(ex.InnerException);
            Assert.Equal($"{path}: the file cannot be opened: {ex.InnerException.Message}", ex.Message);
        });
    }

    // ---- Parse: byte-order mark, blank first line, quoting ----

    /// <summary>
    /// Kills the four mutants of RateTable.cs:360 (<c>lineNumber == 1 &amp;&amp; line.Length &gt; 0</c> guarding the
    /// byte-order mark): 360:17 <c>||</c> and 360:36 <c>&gt;= 0</c> read <c>line[0]</c> of an empty first line
    /// (IndexOutOfRangeException), 360:17 <c>!= 1</c> and 360:36 <c>&lt; 0</c> keep the mark before the header (which
    /// then does not match); <c>||</c> and <c>!= 1</c> also strip a mark that starts a later line, whose index name
    /// must be refused as written.
    /// </summary>
    [Fact]
    public void Parse_strips_a_byte_order_mark_only_at_the_start_of_the_text_and_takes_an_empty_first_line()
    {
        RateFixing expected = new(RateIndex.Lpr5Y, D(2024, 2, 20), Rate.Percent(3.95m), "s");
        Assert.Equal(expected, Assert.Single(Parse("\uFEFF" + Header + "lpr5y,2024-02-20,3.95,s\n").Fixings(RateIndex.Lpr5Y)));
        Assert.Equal(expected, Assert.Single(Parse("\n" + Header + "lpr5y,2024-02-20,3.95,s\n").Fixings(RateIndex.Lpr5Y)));

        FormatException later = Assert.Throws<FormatException>(() => Parse(Header + "lpr5y,2024-01-22,4.20,s\n\uFEFFlpr5y,2024-02-20,3.95,s\n"));
        Assert.StartsWith("line 3, column index: ", later.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RateTable.cs:611:23 (<c>bool quoted = false</c> → true: a quoted first field would be taken for a '"'
    /// inside an unquoted value) and 635:17 (the <c>continue</c> after reading the next line of a quoted value
    /// removed: an empty line inside the value would then be indexed at [0]).
    /// </summary>
    [Fact]
    public void Parse_takes_a_quoted_index_and_an_empty_line_inside_a_quoted_source()
    {
        RateTable table = Parse(Header + "\"lpr5y\",2024-02-20,3.95,\"first\n\nthird\"\n");
        Assert.Equal(new RateFixing(RateIndex.Lpr5Y, D(2024, 2, 20), Rate.Percent(3.95m), "first\n\nthird"), Assert.Single(table.Fixings(RateIndex.Lpr5Y)));
    }

    /// <summary>
    /// Kills RateTable.cs:34:49, 34:58 and 34:76 (the column names "index", "effective_date", "rate_pct" → "") and
    /// the four mutants of ColumnName at 685 (<c>true ? Columns[position]</c> and <c>position &lt;= Columns.Length</c>
    /// would index past the four names, IndexOutOfRangeException; 685:103 $"" and 685:106 <c>position - 1</c> would
    /// misname the fifth column): a quoting error names the column it is in.
    /// </summary>
    [Fact]
    public void Quoting_errors_name_their_column()
    {
        const string AfterQuote = "unexpected text after the closing quote of '{0}'; write a '\"' inside a quoted value as '\"\"'.";
        const string BareQuote = "a '\"' inside an unquoted value; put the whole value in quotation marks and write the '\"' as '\"\"'.";
        static string Error(string row) => Assert.Throws<FormatException>(() => Parse(Header + row)).Message;

        Assert.Equal("line 2, column index: " + string.Format(null, AfterQuote, "lpr5y"), Error("\"lpr5y\"x,2024-02-20,3.95,s\n"));
        Assert.Equal("line 2, column effective_date: " + BareQuote, Error("lpr5y,2024\"-02-20,3.95,s\n"));
        Assert.Equal("line 2, column rate_pct: a quoted value is not closed (a '\"' is missing) before the end of the file.", Error("lpr5y,2024-02-20,\"3.95,s\n"));
        Assert.Equal("line 2, column source: " + BareQuote, Error("lpr5y,2024-02-20,3.95,s\"\n"));
        Assert.Equal("line 2, column 5 (extra): " + string.Format(null, AfterQuote, "x"), Error("lpr5y,2024-02-20,3.95,s,\"x\"y\n"));
        Assert.Equal("line 2, column 6 (extra): " + BareQuote, Error("lpr5y,2024-02-20,3.95,s,t,u\"\n"));
    }

    // ---- WriteCsv: which sources are quoted ----

    /// <summary>
    /// Kills RateTable.cs:729:9 (<c>IndexOfAny(",\"\r\n") &gt;= 0</c> → <c>&gt; 0</c>: a source starting with a comma or a
    /// quotation mark would be written bare) and 729:74 (the white-space test's <c>||</c> → <c>&amp;&amp;</c>: a source with
    /// white space at one end only would be written bare, where a CSV reader that trims fields would lose it). Each
    /// written table is read back equal.
    /// </summary>
    [Fact]
    public void WriteCsv_quotes_a_source_that_starts_with_a_separator_or_has_white_space_at_one_end()
    {
        RateTable table = Parse(Header +
            "lpr5y,2024-01-22,4.2,\",bank\"\n" +
            "lpr5y,2024-02-20,3.95,\"\"\"quoted\"\" notice\"\n" +
            "lpr5y,2024-03-20,3.95,\" leading\"\n" +
            "lpr5y,2024-04-22,3.95,\"trailing \"\n" +
            "lpr5y,2024-05-20,3.95,plain\n");
        var text = new StringWriter();
        table.WriteCsv(text);
        Assert.Equal(
            "# rate table as of 2024-05-20; rates in percent\n" + Header +
            "lpr5y,2024-01-22,4.20,\",bank\"\n" +
            "lpr5y,2024-02-20,3.95,\"\"\"quoted\"\" notice\"\n" +
            "lpr5y,2024-03-20,3.95,\" leading\"\n" +
            "lpr5y,2024-04-22,3.95,\"trailing \"\n" +
            "lpr5y,2024-05-20,3.95,plain\n",
            text.ToString());
        Assert.Equal(table, Parse(text.ToString()));
    }

    // ---- GetHashCode ----

    /// <summary>
    /// Kills RateTable.cs:510:9 (<c>hash.Add(AsOf)</c> removed), 513:13 (<c>hash.Add(index)</c> removed) and 514:13
    /// (<c>hash.Add(series length)</c> removed): tables that differ only in that part would all hash alike. Five
    /// different tables of each kind must not all share one hash (a chance of 2^-128 for a good hash).
    /// </summary>
    [Fact]
    public void Tables_that_differ_in_as_of_date_index_or_fixing_count_hash_differently()
    {
        RateTable one = Parse(Header + "lpr5y,2024-02-20,3.95,s\n");
        int[] byAsOf = [.. Enumerable.Range(1, 5).Select(k => one.AssumingUnchangedUntil(D(2024, 2, 20).PlusDays(k)).GetHashCode())];
        Assert.True(byAsOf.Distinct().Count() > 1, string.Join(", ", byAsOf));

        int[] byIndex = [.. Enumerable.Range(1, 5).Select(k => Parse(Header + $"custom{k},2024-02-20,3.95,s\n").GetHashCode())];
        Assert.True(byIndex.Distinct().Count() > 1, string.Join(", ", byIndex));

        int[] byCount = [.. Enumerable.Range(1, 5).Select(k =>
            Parse(Header + string.Concat(Enumerable.Range(0, k).Select(j => $"lpr5y,2024-02-{10 + j:00},3.95,s\n")), D(2024, 2, 20)).GetHashCode())];
        Assert.True(byCount.Distinct().Count() > 1, string.Join(", ", byCount));
    }

    // ---- Missing fixings: the message names what the table has ----

    /// <summary>
    /// Kills RateTable.cs:530:28 (<c>Indexes.Count == 0 ? "none" : …</c> → always the joined list, empty here), 530:49
    /// ("none" → ""), 530:70 (the separator ", " → "") and 533:17 (the remedy → "": the message would end in "; .").
    /// </summary>
    [Fact]
    public void A_missing_index_names_the_indexes_the_table_has_and_the_remedy()
    {
        const string Remedy = "add them (RateTable.WithFixing) or load a table that has them (RateTable.Load)";

        RateTable empty = Parse(Header, D(2024, 3, 19));
        MissingRateFixingException none = Assert.Throws<MissingRateFixingException>(() => empty.FixingOn(RateIndex.Lpr5Y, D(2024, 2, 20)));
        Assert.Equal(MissingFixingReason.UnknownIndex, none.Reason);
        Assert.Equal("No lpr5y fixing is known for 2024-02-20: the rate table has no lpr5y fixings (it has: none)", none.Problem);
        Assert.Equal(none.Problem + "; " + Remedy + ".", none.Message);

        RateTable two = Lpr5.WithFixing(RateIndex.Lpr1Y, D(2024, 2, 20), Rate.Percent(3.45m));
        MissingRateFixingException list = Assert.Throws<MissingRateFixingException>(() => two.FixingOn(RateIndex.Custom("mybank", "my bank's rate"), D(2024, 2, 20)));
        Assert.Equal(MissingFixingReason.UnknownIndex, list.Reason);
        Assert.Equal("No mybank fixing is known for 2024-02-20: the rate table has no mybank fixings (it has: lpr1y, lpr5y)", list.Problem);
        Assert.Equal(list.Problem + "; " + Remedy + ".", list.Message);
    }
}
