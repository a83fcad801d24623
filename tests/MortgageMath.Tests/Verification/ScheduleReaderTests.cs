using System.Globalization;
using System.Text;
using MortgageMath.Verification;
using NodaTime;
using static MortgageMath.Tests.Verification.VerificationFixtures;

namespace MortgageMath.Tests.Verification;

/// <summary>Reading other systems' schedule files: dialects of CSV, our JSON, column presets and mappings, and every
/// way a file can be wrong (each error names the line, column and value).</summary>
public class ScheduleReaderTests
{
    private const string ChineseHeader = "期数,还款日期,月供(本息合计),本金,利息,剩余本金";

    private static ForeignSchedule Read(string text, ScheduleReadOptions? options = null) => ScheduleReader.Parse(text, options);

    [Fact]
    public void Our_csv_reads_every_column_exactly()
    {
        ForeignSchedule theirs = Read(Csv(Tv1));
        Assert.Equal(360, theirs.Count);
        Assert.Equal(Enum.GetValues<ScheduleColumn>(), theirs.Columns);
        ForeignRow first = theirs[0];
        Assert.Equal(new ForeignRow(1, new LocalDate(2024, 4, 20), 4.9m, 1_000_000.00m, 5_307.27m, 1_223.94m, 4_083.33m, 998_776.06m, line: 2), first);
        Assert.Equal(2, first.Payment!.Value.Scale); // the file's decimals are kept
    }

    [Fact]
    public void Crlf_bom_quotes_thousands_separators_currency_signs_and_a_totals_line_read()
    {
        string text = "\uFEFF" + ChineseHeader + "\r\n" +
                      "1,2024-04-20,\"¥5,307.27\",\"1,223.94\",¥4083.33,\"998,776.06\"\r\n" +
                      "\r\n" +
                      "2,2024-05-20,5307.27 元,CNY 1228.93,\"4,078.34\",\"997,547.13\"\r\n" +
                      "合计,,,,,\r\n";
        ForeignSchedule theirs = Read(text);
        Assert.Equal(2, theirs.Count);
        Assert.Equal(new ForeignRow(1, new LocalDate(2024, 4, 20), null, null, 5_307.27m, 1_223.94m, 4_083.33m, 998_776.06m, line: 2), theirs[0]);
        Assert.Equal(new ForeignRow(2, new LocalDate(2024, 5, 20), null, null, 5_307.27m, 1_228.93m, 4_078.34m, 997_547.13m, line: 4), theirs[1]);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Any_delimiter_is_detected(char delimiter)
    {
        string text = Csv(Tv1).Replace(',', delimiter);
        Assert.Equal(Read(Csv(Tv1)), Read(text));
    }

    [Fact]
    public void Reordered_columns_and_more_decimals_read_by_name()
    {
        string text = "interest,period,closing_balance,payment,remark\n4083.3300,1,998776.06,5307.2700,x\n";
        ForeignRow row = Assert.Single(Read(text));
        Assert.Equal(new ForeignRow(1, null, null, null, 5_307.27m, null, 4_083.33m, 998_776.06m, line: 2), row);
        Assert.Equal(4, row.Interest!.Value.Scale);
    }

    [Theory]
    [InlineData("期次,应还日期,本息合计,应还本金,应还利息,贷款余额")]
    [InlineData("期数 , 还款日 , 月供（元） , 本金(元) , 利息（元） , 剩余本金（元）")]
    [InlineData("序号,日期,月还款额,偿还本金,偿还利息,本金余额")]
    public void Chinese_header_variants_read(string header)
    {
        ForeignRow row = Assert.Single(Read(header + "\n1,2024-04-20,5307.27,1223.94,4083.33,998776.06\n"));
        Assert.Equal(new ForeignRow(1, new LocalDate(2024, 4, 20), null, null, 5_307.27m, 1_223.94m, 4_083.33m, 998_776.06m, line: 2), row);
    }

    [Fact]
    public void A_quoted_field_may_hold_the_delimiter_a_quote_and_a_line_break()
    {
        string text = "period,payment,note\n1,\"5,307.27\",\"say \"\"hi\"\"\nthere\"\n2,5307.27,x\n";
        ForeignSchedule theirs = Read(text);
        Assert.Equal(2, theirs.Count);
        Assert.Equal(5_307.27m, theirs[0].Payment);
        Assert.Equal(4, theirs[1].Line); // the quoted line break counts
    }

    [Theory]
    [InlineData("yyyy/MM/dd", "2024/04/20")]
    [InlineData("yyyyMMdd", "20240420")]
    [InlineData("yyyy/M/d", "2024/4/20")]
    [InlineData("dd.MM.yyyy", "20.04.2024")]
    public void Dates_read_by_the_date_format(string format, string date)
    {
        ForeignRow row = Assert.Single(Read($"period,due_date,payment\n1,{date},5307.27\n", new ScheduleReadOptions { DateFormat = format }));
        Assert.Equal(new LocalDate(2024, 4, 20), row.DueDate);
    }

    [Fact]
    public void An_explicit_mapping_reads_only_its_columns()
    {
        var options = new ScheduleReadOptions { Columns = ColumnMapping.Parse("period=No.,payment=Instalment") };
        ForeignSchedule theirs = Read("No.,Instalment,interest\n1,5307.27,4083.33\n", options);
        Assert.Equal([ScheduleColumn.Period, ScheduleColumn.Payment], theirs.Columns);
    }

    [Fact]
    public void Our_json_reads_as_our_csv_does()
    {
        ForeignSchedule json = Read(Json(Tv1));
        ForeignSchedule csv = Read(Csv(Tv1));
        Assert.Equal(csv.Count, json.Count);
        for (int i = 0; i < csv.Count; i++)
        {
            Assert.Equal(new ForeignRow(csv[i].Period, csv[i].DueDate, csv[i].AnnualRatePercent, csv[i].OpeningBalance,
                csv[i].Payment, csv[i].Principal, csv[i].Interest, csv[i].ClosingBalance, i + 1), json[i]);
        }
    }

    [Fact]
    public void Non_utf8_bytes_are_read_as_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] gbk = Encoding.GetEncoding(54936).GetBytes(ChineseHeader + "\n1,2024-04-20,5307.27,1223.94,4083.33,998776.06\n");
        ForeignRow row = Assert.Single(ScheduleReader.Parse(ScheduleReader.Decode(gbk)));
        Assert.Equal(5_307.27m, row.Payment);
        Assert.Equal(ChineseHeader, ScheduleReader.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ChineseHeader)).ToArray()));
    }

    [Fact]
    public void A_book_file_groups_rows_by_id()
    {
        string text = "loan_id,period,payment\nA,1,100.00\nB,1,200.00\nA,2,100.00\n";
        IReadOnlyDictionary<string, ForeignSchedule> book = ScheduleReader.ParseBook(text, new ScheduleReadOptions { IdColumn = "loan_id" });
        Assert.Equal(2, book["A"].Count);
        Assert.Equal(200.00m, Assert.Single(book["B"]).Payment);
    }

    [Theory]
    [InlineData("5307.27", "5307.27")]
    [InlineData("¥5,307.27", "5307.27")]
    [InlineData("￥ 1,000,000.00", "1000000.00")]
    [InlineData("$-12.5", "-12.5")]
    [InlineData("-¥12.50", "-12.50")]
    [InlineData("(1,000.00)", "-1000.00")]
    [InlineData("CNY 5307.27", "5307.27")]
    [InlineData("5307.27元", "5307.27")]
    [InlineData("1'234'567.891234", "1234567.891234")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("12345678901234567890.12", "12345678901234567890.12")]
    [InlineData(".5", "0.5")]
    public void Amounts_are_exact_decimals(string text, string expected)
    {
        Assert.True(AmountText.TryParse(text, false, out decimal value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expected.Split('.').ElementAtOrDefault(1)?.Length ?? 0, value.Scale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("12a")]
    [InlineData("1,,000")]
    [InlineData("1.2.3")]
    [InlineData("1,000,")]
    [InlineData("1e5")]
    [InlineData("abc")]
    public void Not_amounts_are_refused(string text) => Assert.False(AmountText.TryParse(text, false, out _));

    [Fact]
    public void A_rate_may_end_with_percent()
    {
        Assert.True(AmountText.TryParse("4.90%", true, out decimal rate));
        Assert.Equal(4.9m, rate);
        Assert.False(AmountText.TryParse("4.90%", false, out _));
    }

    // ---- errors: each names the line, column and value

    [Fact]
    public void An_unparsable_amount_names_its_line_column_and_value()
    {
        var e = Assert.Throws<ScheduleFileException>(() => ScheduleReader.Parse(ChineseHeader + "\n1,2024-04-20,5307.27,1223.94,4O83.33,998776.06\n", null, "bank.csv"));
        Assert.Equal(("bank.csv", 2, "利息", "4O83.33"), (e.FilePath, e.LineNumber, e.Column, e.Value));
        Assert.StartsWith("line 2, column '利息': '4O83.33' is not an amount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_date_names_its_line_and_the_format()
    {
        var e = Assert.Throws<ScheduleFileException>(() => Read("period,due_date,payment\n1,2024-04-20,1\n2,2024/05/20,1\n"));
        Assert.Equal((3, "due_date", "2024/05/20"), (e.LineNumber, e.Column, e.Value));
        Assert.Contains("--date-format", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n  \n")]
    public void An_empty_file_is_refused(string text) =>
        Assert.StartsWith("the file is empty", Assert.Throws<ScheduleFileException>(() => Read(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_header_without_rows_is_refused() =>
        Assert.StartsWith("the file has no rows", Assert.Throws<ScheduleFileException>(() => Read(ChineseHeader + "\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_file_without_an_amount_column_is_refused()
    {
        var e = Assert.Throws<ScheduleFileException>(() => Read("a,b,c\n1,2,3\n"));
        Assert.Equal(1, e.LineNumber);
        Assert.Contains("no amount column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_headers_matching_one_column_are_refused()
    {
        var e = Assert.Throws<ScheduleFileException>(() => Read("期数,月供,本息合计\n1,1,1\n"));
        Assert.Contains("'月供' and '本息合计' both match the column 'payment'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_header_the_file_lacks_is_an_unknown_column()
    {
        var options = new ScheduleReadOptions { Columns = ColumnMapping.Parse("period=期数,payment=月供") };
        var e = Assert.Throws<ScheduleFileException>(() => Read("期数,本息合计\n1,1\n", options));
        Assert.Equal("月供", e.Column);
        Assert.Contains("unknown column '月供'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payment=月供,payment=本息合计", "the column 'payment' is mapped twice")]
    [InlineData("payment=月供,interest=月供", "the header '月供' is mapped twice")]
    [InlineData("amount=月供", "unknown column 'amount'")]
    [InlineData("payment", "'payment' is not column=header")]
    [InlineData(" , ", "the mapping names no column")]
    public void A_wrong_mapping_is_refused(string mapping, string message) =>
        Assert.StartsWith(message, Assert.Throws<ColumnMappingException>(() => ColumnMapping.Parse(mapping)).Message, StringComparison.Ordinal);

    [Fact]
    public void An_unclosed_quote_is_refused() =>
        Assert.Equal(2, Assert.Throws<ScheduleFileException>(() => Read("period,payment\n1,\"5307.27\n")).LineNumber);

    [Fact]
    public void Json_errors_name_the_member()
    {
        var e = Assert.Throws<ScheduleFileException>(() => Read("{\"rows\": [{\"period\": 1, \"payment\": \"x\"}]}"));
        Assert.Equal("rows[0].payment", e.Column);
        Assert.Contains("not valid JSON", Assert.Throws<ScheduleFileException>(() => Read("{\"rows\": [")).Message, StringComparison.Ordinal);
        Assert.Contains("combined", Assert.Throws<ScheduleFileException>(() => Read("{\"combined\": true, \"rows\": []}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_book_row_without_an_id_is_refused()
    {
        var e = Assert.Throws<ScheduleFileException>(() => ScheduleReader.ParseBook("loan_id,payment\nA,1\n,2\n", new ScheduleReadOptions { IdColumn = "loan_id" }));
        Assert.Equal(3, e.LineNumber);
        Assert.Contains("no id column 'id'", Assert.Throws<ScheduleFileException>(() => ScheduleReader.ParseBook("loan_id,payment\nA,1\n", new ScheduleReadOptions { IdColumn = "id" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_format_is_an_argument_error() =>
        Assert.Equal("DateFormat", Assert.Throws<ArgumentException>(() => Read("period,payment\n1,1\n", new ScheduleReadOptions { DateFormat = "yyyy-MM-dd'" })).ParamName);

    /// <summary>A book file over 4 MB without quotes is read in parallel chunks: the same schedules, rows and line
    /// numbers as the sequential read (forced here by a quoted field), and the first bad line is the one reported.</summary>
    [Fact]
    public void A_large_book_file_reads_in_parallel_as_it_reads_sequentially()
    {
        var text = new StringBuilder("loan_id,note," + MortgageMath.Serialization.ScheduleFormat.CsvHeader + "\n");
        for (int k = 0; k < 220; k++)
        {
            Schedule schedule = new Loan(100_000m + (k * 1_000m), Rate.Percent(3m + (k % 7 * 0.25m)), 360, new LocalDate(2024, 1, 1).PlusDays(k)).BuildSchedule();
            foreach (string line in Csv(schedule).Split('\n').Skip(1).Where(l => l.Length > 0))
            {
                text.Append(CultureInfo.InvariantCulture, $"L{k % 37:D3},n,{line}\n"); // ids interleaved, each across chunks
            }
        }

        string parallel = text.ToString();
        Assert.True(parallel.Length > 4 * 1024 * 1024);
        string sequential = parallel.Replace("loan_id,note,", "loan_id,\"note\",", StringComparison.Ordinal);
        var options = new ScheduleReadOptions { IdColumn = "loan_id" };
        IReadOnlyDictionary<string, ForeignSchedule> a = ScheduleReader.ParseBook(parallel, options);
        IReadOnlyDictionary<string, ForeignSchedule> b = ScheduleReader.ParseBook(sequential, options);
        Assert.Equal(b.Keys, a.Keys);
        foreach (string id in b.Keys)
        {
            Assert.Equal(b[id], a[id]); // rows, values and line numbers
        }

        string[] lines = parallel.Split('\n');
        lines[70_000] = lines[70_000].Replace(",n,", ",n,x", StringComparison.Ordinal);
        lines[70_000] = lines[70_000][..^2] + "z";
        lines[75_000] = lines[75_000][..^2] + "z";
        var e = Assert.Throws<ScheduleFileException>(() => ScheduleReader.ParseBook(string.Join('\n', lines), options));
        Assert.Equal(70_001, e.LineNumber);
    }
}
