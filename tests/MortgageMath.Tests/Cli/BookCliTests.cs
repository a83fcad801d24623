using System.Globalization;
using MortgageMath.Portfolio;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// <c>mortgage book sample</c> and <c>mortgage book reprice</c>: the three book formats give the same results, the
/// results are the library's (each interest column the schedule's <see cref="Schedule.TotalInterest"/>), a bad row is
/// fatal by default and skipped with <c>--on-error skip</c> naming its row and id, the summary counts, Parquet
/// results read back, and a failed run leaves no output file.
/// </summary>
public class BookCliTests
{
    private const string Scenario = """{"valuation_date": "2026-12-05", "fixings": [{"index": "lpr5y", "effective_date": "2026-12-22", "rate": "3.40%"}]}""";

    /// <summary>A path that does not exist yet, in the tests' temporary folder (<see cref="SpecFiles"/>).</summary>
    private static string TempPath(string extension) =>
        Path.Combine(Path.GetDirectoryName(SpecFiles.Write("", ".tmp"))!, "book-" + Guid.NewGuid().ToString("N") + extension);

    private static string Sample(string extension, int count = 60)
    {
        string path = TempPath(extension);
        CliResult r = CliRunner.Run("book", "sample", "--count", count.ToString(CultureInfo.InvariantCulture), "--output", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return path;
    }

    private static CliResult Reprice(string loans, params string[] extra) =>
        CliRunner.Run(["book", "reprice", "--loans", loans, "--scenario", SpecFiles.Write(Scenario), .. extra]);

    [Fact]
    public void A_sample_jsonl_line_writes_a_spread_as_the_spec_does()
    {
        string text = File.ReadAllText(Sample(".jsonl", 200));
        Assert.Contains("\"spread\":\"+", text, StringComparison.Ordinal); // a positive spread, as "+60bp"
        Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_three_book_formats_give_the_same_results()
    {
        string jsonl = Reprice(Sample(".jsonl")).Stdout;
        Assert.StartsWith("id,payment_before,payment_after,interest_before,interest_after,", jsonl, StringComparison.Ordinal);
        Assert.Equal(61, jsonl.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(jsonl, Reprice(Sample(".csv")).Stdout);
        Assert.Equal(jsonl, Reprice(Sample(".parquet")).Stdout);
    }

    [Fact]
    public void The_interest_columns_are_the_schedules_total_interest()
    {
        string book = Sample(".jsonl", 20);
        string[] lines = Reprice(book).Stdout.TrimEnd('\n').Split('\n');
        RateTable table = RateTable.China.AssumingUnchangedUntil(new LocalDate(2099, 12, 31));
        RateTable after = table.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 12, 22), Rate.Percent(3.40m));
        string[] docs = File.ReadAllLines(book);
        for (int k = 0; k < docs.Length; k++)
        {
            var node = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(docs[k])!;
            node.Remove("id");
            node.Remove("segment");
            string json = node.ToJsonString();
            decimal Interest(RateTable t)
            {
                var doc = MortgageMath.Specs.LoanSpec.Parse(json, t);
                return doc.IsCombined ? doc.BuildCombinedSchedule().TotalInterest : doc.BuildSchedule().TotalInterest;
            }

            string[] cells = lines[k + 1].Split(',');
            Assert.Equal(Interest(table), decimal.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal(Interest(after), decimal.Parse(cells[4], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Parquet_results_read_back_with_their_types()
    {
        string output = TempPath(".parquet");
        CliResult r = Reprice(Sample(".csv", 30), "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"read 30, priced 30, skipped 0; results in {output}\n", r.Stdout);
        using Stream stream = File.OpenRead(output);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(["id", "payment_before", "payment_after", "interest_before", "interest_after"], fields.Take(5).Select(f => f.Name));
        Assert.Equal(typeof(decimal), fields[3].ClrType);
        using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        Assert.Equal(30, group.RowCount);
        var ids = new string?[30];
        await group.ReadAsync(fields[0], ids.AsMemory());
        Assert.Equal("L00000001", ids[0]);
    }

    [Fact]
    public void A_bad_row_fails_the_run_by_default_naming_its_row_and_id_and_writes_nothing()
    {
        string book = TempPath(".jsonl");
        string[] lines = File.ReadAllLines(Sample(".jsonl", 3));
        lines[1] = lines[1].Replace("\"principal\":", "\"principal\":0.001,\"x\":", StringComparison.Ordinal);
        File.WriteAllLines(book, lines);
        string output = TempPath(".csv");
        CliResult r = Reprice(book, "--output", output);
        CliAssert.OneErrorLine(r, "error: --loans: row 2 (id L00000002): line 2:");
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.*"));
    }

    [Fact]
    public void A_bad_row_is_skipped_and_counted_with_on_error_skip()
    {
        string book = TempPath(".csv");
        string[] lines = File.ReadAllLines(Sample(".csv", 3));
        lines[2] = lines[2].Replace(",360,", ",abc,", StringComparison.Ordinal).Replace(",300,", ",abc,", StringComparison.Ordinal)
            .Replace(",240,", ",abc,", StringComparison.Ordinal).Replace(",180,", ",abc,", StringComparison.Ordinal).Replace(",120,", ",abc,", StringComparison.Ordinal);
        File.WriteAllLines(book, lines);
        CliResult r = Reprice(book, "--on-error", "skip", "--summary");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("skipped: row 2 (id L00000002): line 3: column 'periods': 'abc' is not valid", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("read 3, priced 2, skipped 1\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_is_the_library_summary_of_the_book()
    {
        string book = Sample(".jsonl", 40);
        CliResult r = Reprice(book, "--summary");
        RateTable table = RateTable.China.AssumingUnchangedUntil(new LocalDate(2099, 12, 31));
        IEnumerable<BookLoan> loans = File.ReadLines(book).Select(line =>
        {
            var node = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(line)!;
            string id = (string)node["id"]!;
            node.Remove("id");
            node.Remove("segment");
            var doc = MortgageMath.Specs.LoanSpec.Parse(node.ToJsonString(), table);
            return doc.IsCombined ? new BookLoan(id, doc.CombinedLoan!) : new BookLoan(id, doc.Loan!);
        });
        var scenario = new RepricingScenario(new LocalDate(2026, 12, 5), [new RateFixing(RateIndex.Lpr5Y, new LocalDate(2026, 12, 22), Rate.Percent(3.40m), "scenario")]);
        Assert.Equal(BookRepricer.Summarize(BookRepricer.Reprice(loans, scenario)).ToString(), r.Stdout);
    }

    [Theory]
    [InlineData("""{"fixings": [{"index": "lpr5y", "effective_date": "2026-12-22"}]}""", "error: --scenario: $.fixings[0].rate is required.")]
    [InlineData("""{"fixings": [], "speed": 1}""", "error: --scenario: $.speed is not a scenario property")]
    [InlineData("""{"valuation_date": "2026-12-05"}""", "error: --scenario: $.fixings is required")]
    [InlineData("""{"fixings": [{"index": "nope", "effective_date": "2026-12-22", "rate": "3.4%"}]}""", "error: --scenario: $.fixings[0].index must be a rate index")]
    public void A_bad_scenario_is_one_error_line_naming_its_path(string scenario, string expected) =>
        CliAssert.OneErrorLine(CliRunner.Run("book", "reprice", "--loans", Sample(".csv", 2), "--scenario", SpecFiles.Write(scenario)), expected);

    [Fact]
    public void A_book_of_another_format_is_refused() =>
        CliAssert.OneErrorLine(Reprice(SpecFiles.Write("x", ".txt")), "error: --loans: '");

    [Fact]
    public void A_count_out_of_range_is_refused() =>
        CliAssert.OneErrorLine(CliRunner.Run("book", "sample", "--count", "0", "--output", TempPath(".csv")), "error: --count must be 1 to 100,000,000; was 0.");
}
