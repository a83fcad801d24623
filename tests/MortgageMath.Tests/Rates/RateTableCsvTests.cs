using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Rates;

/// <summary>The rate-file format: header, comments, RFC 4180 quoting, errors with line and column.</summary>
public sealed class RateTableCsvTests
{
    private const string Header = "index,effective_date,rate_pct,source\n";

    private static RateTable Parse(string text, LocalDate? asOf = null) => RateTable.Parse(new StringReader(text), asOf);

    private static string ParseError(string text) => Assert.Throws<FormatException>(() => Parse(text)).Message;

    [Fact]
    public void ParsesCommentsBlankLinesAndQuotedSources()
    {
        RateTable table = Parse(
            "# my rates\n" +
            "\n" +
            Header +
            "lpr5y,2024-02-20,3.95,\"Reuters, 2024-02-20\"\n" +
            "# a comment between rows\n" +
            "   \n" +
            "LPR1Y,2024-02-20,3.45,\"say \"\"hi\"\"\"\n" +
            "lpr5y,2024-01-22,4.2,plain text source\n");
        Assert.Equal(new LocalDate(2024, 2, 20), table.AsOf);
        Assert.Equal([RateIndex.Lpr1Y, RateIndex.Lpr5Y], table.Indexes);
        RateFixing f = table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 20));
        Assert.Equal(Rate.Percent(3.95m), f.Value);
        Assert.Equal("Reuters, 2024-02-20", f.Source);
        Assert.Equal("say \"hi\"", table.FixingOn(RateIndex.Lpr1Y, new LocalDate(2024, 2, 20)).Source);
        Assert.Equal(Rate.Percent(4.2m), table.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 2, 19)).Value);
        Assert.Equal(new LocalDate(2024, 1, 22), table.Fixings(RateIndex.Lpr5Y)[0].EffectiveDate);   // sorted
    }

    [Fact]
    public void QuotedSourceMaySpanLines()
    {
        RateTable table = Parse(Header + "lpr5y,2024-02-20,3.95,\"first line\nsecond, line\"\nlpr5y,2024-03-20,3.95,x\n");
        Assert.Equal("first line\nsecond, line", table.Fixings(RateIndex.Lpr5Y)[0].Source);
        Assert.Equal(2, table.Fixings(RateIndex.Lpr5Y).Count);
    }

    [Fact]
    public void UnknownIndexNamesBecomeCustomIndexes()
    {
        RateTable table = Parse(Header + "My-Bank-Base,2024-01-01,3.1,internal memo\n");
        RateIndex mine = RateIndex.Custom("my-bank-base", "anything");
        Assert.Equal([mine], table.Indexes);
        Assert.Equal("internal memo", table.Fixings(mine)[0].Source);
        Assert.StartsWith("Custom index", table.Indexes[0].Description, StringComparison.Ordinal);
        Assert.Equal(Rate.Percent(3.1m), table.FixingOn(mine, new LocalDate(2024, 1, 1)).Value);
    }

    [Fact]
    public void NegativeAndFineRatesAreKept()
    {
        RateTable table = Parse(Header + "euribor-3m,2021-01-04,-0.545,ECB\neuribor-3m,2021-02-01,-0.5425,ECB\n");
        Assert.Equal(-0.5425m, table.Fixings(RateIndex.Custom("euribor-3m", "x"))[1].Value.ToPercent());
    }

    [Theory]
    [InlineData("lpr5y,2024-02-20,\"4,2\",x", "line 2, column rate_pct: '4,2' is not a number like 4.2")]
    [InlineData("lpr5y,2024-02-20,4.2%,x", "line 2, column rate_pct: '4.2%' is not a number like 4.2")]
    [InlineData("lpr5y,2024-02-20,,x", "line 2, column rate_pct: '' is not a number like 4.2")]
    [InlineData("lpr5y,2024-02-20,1e2,x", "line 2, column rate_pct: '1e2' is not a number like 4.2")]
    [InlineData("lpr5y,2024-02-20,2000,x", "line 2, column rate_pct: '2000' is not a usable rate")]
    [InlineData("lpr5y,2024/02/20,4.2,x", "line 2, column effective_date: '2024/02/20' is not a date like 2019-08-20")]
    [InlineData("lpr5y,2024-02-30,4.2,x", "line 2, column effective_date: '2024-02-30' is not a date")]
    [InlineData("lpr5y,20-02-2024,4.2,x", "line 2, column effective_date: '20-02-2024' is not a date")]
    [InlineData("lpr 5y,2024-02-20,4.2,x", "line 2, column index: 'lpr 5y' is not a valid index name")]
    [InlineData(",2024-02-20,4.2,x", "line 2, column index: '' is not a valid index name")]
    [InlineData("lpr5y,2024-02-20,4.2", "line 2: expected 4 columns")]
    [InlineData("lpr5y,2024-02-20,4.2,Reuters, 2024", "line 2: expected 4 columns")]
    [InlineData("lpr5y,2024-02-20,4.2,\"unclosed", "line 2, column source: a quoted value is not closed")]
    [InlineData("lpr5y,2024-02-20,4.2,\"quoted\" tail", "line 2, column source: unexpected text after the closing quote")]
    [InlineData("lpr5y,2024-02-20,4.2,say \"hi\"", "line 2, column source: a '\"' inside an unquoted value")]
    public void ErrorsNameTheLineTheColumnAndTheValue(string row, string expectedStart)
    {
        string message = ParseError(Header + row + "\n");
        Assert.StartsWith(expectedStart, message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineNumbersCountCommentsAndBlankLines()
    {
        string message = ParseError("# comment\n\n" + Header + "lpr5y,2024-01-22,4.20,x\nlpr5y,2024-02-20,4,2,x\n");
        Assert.StartsWith("line 5:", message, StringComparison.Ordinal);
        message = ParseError("# comment\n\n" + Header + "lpr5y,2024-01-22,4.20,x\n# c\nlpr5y,2024-02-20,4;2,x\n");
        Assert.Equal("line 6, column rate_pct: '4;2' is not a number like 4.2 (a rate in percent, '.' as the decimal point).", message);
    }

    [Fact]
    public void LineNumbersAfterAMultiLineSourceAreRight()
    {
        string message = ParseError(Header + "lpr5y,2024-01-22,4.20,\"a\nb\nc\"\nlpr5y,2024-02-20,x,y\n");
        Assert.StartsWith("line 5, column rate_pct:", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void EmptyInputIsAnError(string text) =>
        Assert.Contains("index,effective_date,rate_pct,source", ParseError(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("index,date,rate,source\n")]
    [InlineData("lpr5y,2024-02-20,4.2,x\n")]
    [InlineData("index;effective_date;rate_pct;source\n")]
    public void TheHeaderMustBeExact(string text) =>
        Assert.StartsWith("line 1: the header must be exactly 'index,effective_date,rate_pct,source'", ParseError(text), StringComparison.Ordinal);

    [Fact]
    public void HeaderOnlyNeedsAnAsOfDate()
    {
        Assert.Contains("no fixings", ParseError(Header), StringComparison.Ordinal);
        RateTable empty = Parse(Header, new LocalDate(2024, 1, 1));
        Assert.Empty(empty.Indexes);
        Assert.Equal(new LocalDate(2024, 1, 1), empty.AsOf);
        Assert.Throws<MissingRateFixingException>(() => empty.FixingOn(RateIndex.Lpr5Y, new LocalDate(2024, 1, 1)));
    }

    [Fact]
    public void DuplicateWithADifferentValueNamesBothLines()
    {
        string message = ParseError(Header + "lpr5y,2024-02-20,3.95,a\nlpr1y,2024-02-20,3.45,b\nlpr5y,2024-02-20,4.20,c\n");
        Assert.Equal("line 4: lpr5y on 2024-02-20 is 4.2% here but 3.95% on line 2; keep one of them.", message);
    }

    [Fact]
    public void DuplicateWithTheSameValueIsAccepted()
    {
        RateTable table = Parse(Header + "lpr5y,2024-02-20,3.95,a\nlpr5y,2024-02-20,3.950,b\n");
        RateFixing only = Assert.Single(table.Fixings(RateIndex.Lpr5Y));
        Assert.Equal("a", only.Source);
    }

    [Fact]
    public void AsOfDefaultsToTheLatestDateAndMayBeLater()
    {
        string text = Header + "lpr5y,2024-02-20,3.95,a\npboc-5y,2015-10-24,4.90,b\n";
        Assert.Equal(new LocalDate(2024, 2, 20), Parse(text).AsOf);
        Assert.Equal(new LocalDate(2024, 12, 31), Parse(text, new LocalDate(2024, 12, 31)).AsOf);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Parse(text, new LocalDate(2024, 2, 19)));
        Assert.Equal("asOf", ex.ParamName);
        Assert.Contains("2024-02-20", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripKeepsValuesAndAwkwardSources()
    {
        RateIndex mine = RateIndex.Custom("my-base", "mine");
        RateTable table = Parse(Header + "lpr5y,2024-02-20,3.95,a\n", new LocalDate(2024, 3, 1))
            .WithFixing(RateIndex.Lpr5Y, new LocalDate(2024, 1, 22), Rate.Percent(4.2m), "Reuters, \"quoted\", 2024")
            .WithFixing(mine, new LocalDate(2023, 5, 1), Rate.Percent(3.025m), " leading and trailing space ")
            .WithFixing(mine, new LocalDate(2023, 6, 1), Rate.Percent(-0.12345678901234m), "line\nbreak")
            .WithFixing(RateIndex.PbocBenchmark5Y, new LocalDate(2015, 10, 24), Rate.Percent(4.9m), "");
        var text = new StringWriter();
        table.WriteCsv(text);
        string csv = text.ToString();
        Assert.Contains("lpr5y,2024-01-22,4.20,\"Reuters, \"\"quoted\"\", 2024\"\n", csv, StringComparison.Ordinal);
        Assert.Contains("my-base,2023-05-01,3.025,\" leading and trailing space \"\n", csv, StringComparison.Ordinal);
        Assert.Contains("pboc-5y,2015-10-24,4.90,\n", csv, StringComparison.Ordinal);

        RateTable again = RateTable.Parse(new StringReader(csv), table.AsOf);
        Assert.Equal(table, again);
        Assert.Equal(table.Indexes, again.Indexes);
        foreach (RateIndex index in table.Indexes)
        {
            Assert.Equal(table.Fixings(index), again.Fixings(index));
        }
    }

    [Fact]
    public void WriteCsvOrdersByIndexThenDate()
    {
        RateTable table = Parse(Header + "zz-custom,2020-01-01,1,a\npf-first-gt5y,2022-10-01,3.10,b\nlpr5y,2024-02-20,3.95,c\nlpr5y,2019-08-20,4.85,d\naa-custom,2020-01-01,2,e\n");
        var text = new StringWriter();
        table.WriteCsv(text);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "# rate table as of 2024-02-20; rates in percent",
            "index,effective_date,rate_pct,source",
            "lpr5y,2019-08-20,4.85,d",
            "lpr5y,2024-02-20,3.95,c",
            "pf-first-gt5y,2022-10-01,3.10,b",
            "aa-custom,2020-01-01,2.00,e",
            "zz-custom,2020-01-01,1.00,a",
        ], lines);
    }

    [Fact]
    public void LoadReadsAFileAndPrefixesErrorsWithThePath()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgagemath-rates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string good = Path.Combine(dir, "good.csv");
            File.WriteAllText(good, "\uFEFF" + Header + "lpr5y,2026-04-20,3.45,\"my bank's notice, April\"\n");
            RateTable table = RateTable.Load(good);
            Assert.Equal(new LocalDate(2026, 4, 20), table.AsOf);
            Assert.Equal("my bank's notice, April", table.Fixings(RateIndex.Lpr5Y)[0].Source);
            Assert.Equal(new LocalDate(2026, 12, 31), RateTable.Load(good, new LocalDate(2026, 12, 31)).AsOf);

            string bad = Path.Combine(dir, "bad.csv");
            File.WriteAllText(bad, Header + "lpr5y,2026-04-20,3.45,a\nlpr5y,2026-05-20,4,2,b\n");
            var ex = Assert.Throws<FormatException>(() => RateTable.Load(bad));
            Assert.StartsWith(bad + ": line 3:", ex.Message, StringComparison.Ordinal);
            Assert.IsType<FormatException>(ex.InnerException);

            Assert.ThrowsAny<IOException>(() => RateTable.Load(Path.Combine(dir, "missing.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Invalid bytes are refused whatever byte-order mark the file starts with: a UTF-8 file with its mark used to be
    /// read leniently (StreamReader swapped the strict encoding for its own on seeing the mark), so "bad\xFF\xFE" became
    /// "bad\uFFFD\uFFFD" silently, while the same bytes without the mark were refused. A UTF-16 file with an unpaired
    /// surrogate likewise. Valid files with either mark still read.
    /// </summary>
    [Theory]
    [InlineData("utf-8 with mark")]
    [InlineData("utf-8 without mark")]
    [InlineData("utf-16 with mark")]
    public void Load_refuses_invalid_bytes_after_any_byte_order_mark(string kind)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mortgagemath-rates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string text = Header + "lpr5y,2026-04-20,3.45,bad";
            byte[] bytes = kind switch
            {
                "utf-16 with mark" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text), 0x00, 0xD8, (byte)'\n', 0x00], // U+D800 alone
                "utf-8 with mark" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text), 0xFF, 0xFE, (byte)'\n'],
                _ => [.. Encoding.UTF8.GetBytes(text), 0xFF, 0xFE, (byte)'\n'],
            };
            string bad = Path.Combine(dir, "bad.csv");
            File.WriteAllBytes(bad, bytes);
            var ex = Assert.Throws<FormatException>(() => RateTable.Load(bad));
            Assert.StartsWith(bad + $": the file is not {(kind.StartsWith("utf-16", StringComparison.Ordinal) ? "UTF-16" : "UTF-8")} text (", ex.Message, StringComparison.Ordinal);
            Assert.IsType<DecoderFallbackException>(ex.InnerException);

            string good = Path.Combine(dir, "good.csv");
            Encoding encoding = kind.StartsWith("utf-16", StringComparison.Ordinal) ? Encoding.Unicode : new UTF8Encoding(kind == "utf-8 with mark");
            File.WriteAllText(good, Header + "lpr5y,2026-04-20,3.45,银行\n", encoding);
            Assert.Equal("银行", RateTable.Load(good).Fixings(RateIndex.Lpr5Y)[0].Source);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
