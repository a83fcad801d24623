using System.Text.Json;
using System.Xml.Linq;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// The <c>mortgage verify</c> command: the samples of docs/examples/verify with the reports they must produce, exit
/// codes 0/1/2, the JSON and JUnit reports, <c>--errors json</c>, books (a folder of files, one long CSV) and every bad
/// input as one error line with exit code 2.
/// </summary>
public class VerifyCliTests
{
    private static string Examples => SpecFiles.ExamplesDirectory();

    private static string Tv1 => Path.Combine(Examples, "fixed-tv1.json");

    private static string Sample(string name) => Path.Combine(Examples, "verify", name);

    /// <summary>The report with the examples folder written as in the docs (docs/examples/…).</summary>
    private static string Relative(string text) => text.Replace(Examples, "docs/examples", StringComparison.Ordinal);

    private static CliResult Verify(params string[] args) => CliRunner.Run(["verify", .. args]);

    [Fact]
    public void The_chinese_bank_export_matches()
    {
        CliResult result = Verify("--spec", Tv1, "--schedule", Sample("bank-export-cn.csv"), "--date-format", "yyyy/MM/dd");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            """
            verify: docs/examples/fixed-tv1.json against docs/examples/verify/bank-export-cn.csv: MATCH
              rows: ours 360, theirs 360, compared 360, differing 0
              columns compared: due_date, payment, principal, interest, closing_balance

            """.ReplaceLineEndings("\n"), Relative(result.Stdout));
    }

    [Fact]
    public void The_actual_365_export_differs_with_its_hint()
    {
        CliResult result = Verify("--spec", Tv1, "--schedule", Sample("actual-365.csv"), "--show", "5", "--tolerance", "0.01");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            """
            verify: docs/examples/fixed-tv1.json against docs/examples/verify/actual-365.csv: DIFFERS
              rows: ours 360, theirs 360, compared 360, differing 360
              columns compared: due_date, payment, principal, interest, closing_balance
              largest difference: 1993.60 (tolerance 0.01)
              differences: 1,080 (the first 5 below)
              row  column           ours       theirs     difference  line
                1  principal          1223.94    1145.63      -78.31     2
                1  interest           4083.33    4161.64      +78.31     2
                1  closing_balance  998776.06  998854.37      +78.31     2
                2  principal          1228.93    1284.49      +55.56     3
                2  interest           4078.34    4022.78      -55.56     3
            hint: every differing interest is the balance × the rate × the period's actual days ÷ 365 (360 rows): they use Actual/365.

            """.ReplaceLineEndings("\n"), Relative(result.Stdout));
    }

    [Fact]
    public void The_export_with_a_missing_row_differs_in_that_row()
    {
        CliResult result = Verify("--spec", Tv1, "--schedule", Sample("missing-row.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            """
            verify: docs/examples/fixed-tv1.json against docs/examples/verify/missing-row.csv: DIFFERS
              rows: ours 360, theirs 359, compared 359, differing 1
              columns compared: due_date, payment, principal, interest, closing_balance
              largest difference: 0.00 (tolerance exact)
              differences: 1
              row  column  ours                     theirs  difference  line
                7          (row missing in theirs)

            """.ReplaceLineEndings("\n"), Relative(result.Stdout));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Our_own_output_verifies(string format)
    {
        string file = SpecFiles.Write("", "." + format);
        Assert.Equal(0, CliRunner.Run("schedule", "--spec", Tv1, "--format", format, "--output", file).ExitCode);
        Assert.Equal(0, Verify("--spec", Tv1, "--schedule", file, "--columns", "mortgagemath").ExitCode);
    }

    [Fact]
    public void Explicit_columns_compare_only_those()
    {
        CliResult result = Verify("--spec", Tv1, "--schedule", Sample("bank-export-cn.csv"), "--date-format", "yyyy/MM/dd",
            "--columns", "period=期数,payment=月供(本息合计),interest=利息");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("columns compared: payment, interest\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_has_the_summary_and_each_difference()
    {
        string report = SpecFiles.Write("", ".json");
        CliResult result = Verify("--spec", Tv1, "--schedule", Sample("missing-row.csv"), "--report-json", report);
        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement root = json.RootElement;
        Assert.Equal("differ", root.GetProperty("result").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("differing").GetInt32());
        JsonElement loan = Assert.Single(root.GetProperty("loans").EnumerateArray());
        Assert.Equal("missing-row", loan.GetProperty("id").GetString());
        Assert.Equal(359, loan.GetProperty("rows_theirs").GetInt32());
        JsonElement difference = Assert.Single(loan.GetProperty("differences").EnumerateArray());
        Assert.Equal(("missing-row", 7), (difference.GetProperty("kind").GetString(), difference.GetProperty("row").GetInt32()));
    }

    [Fact]
    public void The_json_report_names_the_hint()
    {
        string report = SpecFiles.Write("", ".json");
        Assert.Equal(1, Verify("--spec", Tv1, "--schedule", Sample("actual-365.csv"), "--report-json", report).ExitCode);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement hint = Assert.Single(json.RootElement.GetProperty("loans")[0].GetProperty("hints").EnumerateArray());
        Assert.Equal(("actual-day-count", 365), (hint.GetProperty("kind").GetString(), hint.GetProperty("value").GetInt32()));
    }

    /// <summary>The JUnit shape CI systems read (the Ant/Jenkins JUnit XML schema): testsuites ⊃ testsuite ⊃ testcase
    /// with name and classname, counts that agree with the cases, a failure with message and type per differing loan.</summary>
    [Fact]
    public void The_junit_report_has_the_shape_ci_systems_read()
    {
        string report = SpecFiles.Write("", ".xml");
        CliResult result = Verify("--book", Sample("book.jsonl"), "--schedules", Sample("schedules"), "--report-junit", report);
        Assert.Equal(1, result.ExitCode);
        XDocument xml = XDocument.Load(report);
        XElement suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        XElement suite = Assert.Single(suites.Elements());
        Assert.Equal("testsuite", suite.Name.LocalName);
        XElement[] cases = [.. suite.Elements()];
        Assert.All(cases, c =>
        {
            Assert.Equal("testcase", c.Name.LocalName);
            Assert.False(string.IsNullOrEmpty((string?)c.Attribute("name")));
            Assert.False(string.IsNullOrEmpty((string?)c.Attribute("classname")));
            Assert.True(decimal.TryParse((string?)c.Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.All(c.Elements(), e => Assert.Contains(e.Name.LocalName, new[] { "failure", "error" }));
        });
        Assert.Equal(["L001", "L002", "L003"], cases.Select(c => (string)c.Attribute("name")!));
        foreach (XElement element in new[] { suites, suite })
        {
            Assert.Equal(cases.Length, (int)element.Attribute("tests")!);
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)element.Attribute("failures")!);
            Assert.Equal(cases.Count(c => c.Element("error") is not null), (int)element.Attribute("errors")!);
        }

        XElement failure = cases[2].Element("failure")!;
        Assert.Equal("difference", (string?)failure.Attribute("type"));
        Assert.Equal("2 difference(s) in 1 row(s); largest 0.01", (string?)failure.Attribute("message"));
        Assert.Contains("13  payment   3395.81  3395.82", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_book_of_files_reports_each_differing_loan()
    {
        CliResult result = Verify("--book", Sample("book.jsonl"), "--schedules", Sample("schedules"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            """
            verify: book docs/examples/verify/book.jsonl: 3 loans, 2 match, 1 differ
            loan L003: DIFFERS
              rows: ours 120, theirs 120, compared 120, differing 1
              columns compared: due_date, annual_rate_pct, opening_balance, payment, principal, interest, closing_balance
              largest difference: 0.01 (tolerance exact)
              differences: 2
              row  column    ours     theirs   difference  line
               13  payment   3395.81  3395.82       +0.01    14
               13  interest   825.82   825.83       +0.01    14

            """.ReplaceLineEndings("\n"), Relative(result.Stdout));
        Assert.Equal(0, Verify("--book", Sample("book.jsonl"), "--schedules", Sample("schedules"), "--tolerance", "0.01").ExitCode);
    }

    [Fact]
    public void A_book_in_one_csv_with_an_id_column_reports_the_same()
    {
        CliResult files = Verify("--book", Sample("book.jsonl"), "--schedules", Sample("schedules"));
        CliResult csv = Verify("--book", Sample("book.jsonl"), "--schedule", Sample("all.csv"), "--id-column", "loan_id");
        Assert.Equal(1, csv.ExitCode);
        Assert.Equal(files.Stdout.Replace("    14\n", "   614\n", StringComparison.Ordinal), csv.Stdout);
    }

    [Fact]
    public void A_book_loan_that_cannot_be_checked_is_reported_and_exits_2()
    {
        string dir = Path.Combine(Path.GetTempPath(), "verify-book-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(Sample("schedules/L001.csv"), Path.Combine(dir, "L001.csv"));
        string book = SpecFiles.Write(File.ReadAllText(Sample("book.jsonl")) + "{\"id\": \"L004\", \"version\": 1}\n", ".jsonl");
        string junit = SpecFiles.Write("", ".xml");

        CliResult result = Verify("--book", book, "--schedules", dir, "--report-junit", junit);

        Assert.Equal(2, result.ExitCode);
        string error = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: 3 loan(s) could not be checked; the first: L002: --schedule '", error, StringComparison.Ordinal);
        Assert.Contains(": 4 loans, 1 match, 0 differ, 3 could not be checked\n", result.Stdout, StringComparison.Ordinal);
        XElement suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal(3, (int)suite.Attribute("errors")!);
        Assert.Equal("input", (string?)suite.Elements("testcase").Last().Element("error")!.Attribute("type"));
    }

    [Fact]
    public void Errors_as_json_carry_the_file_line_and_column()
    {
        string bad = SpecFiles.Write("期数,还款日期,月供,本金,利息,剩余本金\n1,2024-04-20,5307.27,1223.94,4O83.33,998776.06\n", ".csv");
        CliResult result = Verify("--spec", Tv1, "--schedule", bad, "--errors", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        using JsonDocument json = JsonDocument.Parse(Assert.Single(result.Stderr.TrimEnd('\n').Split('\n')));
        JsonElement e = json.RootElement;
        Assert.Equal(("input", 2, bad, 2, "利息"),
            (e.GetProperty("error").GetString(), e.GetProperty("exit_code").GetInt32(), e.GetProperty("path").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString()));
        Assert.Contains("'4O83.33' is not an amount", e.GetProperty("message").GetString(), StringComparison.Ordinal);

        CliResult parse = Verify("--spec", Tv1, "--nonsense", "--errors", "json");
        Assert.Equal(2, parse.ExitCode);
        Assert.Equal("input", JsonDocument.Parse(parse.Stderr).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void A_language_error_follows_the_errors_option_of_its_own_run()
    {
        // --lang is read before the command line is parsed: its error too is JSON under --errors json ...
        CliResult json = Verify("--spec", Tv1, "--schedule", Tv1, "--errors", "json", "--lang", "xx");
        Assert.Equal(2, json.ExitCode);
        Assert.Equal("input", JsonDocument.Parse(json.Stderr).RootElement.GetProperty("error").GetString());

        // ... and a plain line without it, even right after a run that asked for JSON (the choice is per run).
        CliResult plain = CliRunner.Run("schedule", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--lang", "xx");
        CliAssert.OneErrorLine(plain, "error: --lang 'xx' is not a supported language");
    }

    // ---- bad input: exit 2 and one clear line

    [Fact]
    public void A_missing_file_is_one_error_line() =>
        CliAssert.OneErrorLine(Verify("--spec", Tv1, "--schedule", "/nonexistent/theirs.csv"), "error: --schedule '/nonexistent/theirs.csv' cannot be read:");

    [Fact]
    public void An_unknown_column_is_one_error_line() =>
        CliAssert.OneErrorLine(
            Verify("--spec", Tv1, "--schedule", Sample("missing-row.csv"), "--columns", "period=期数,payment=Instalment"),
            $"error: {Sample("missing-row.csv")}: line 1: unknown column 'Instalment' (mapped to payment); the file's columns are 期数,");

    [Fact]
    public void A_column_mapped_twice_is_one_error_line() =>
        CliAssert.OneErrorLine(
            Verify("--spec", Tv1, "--schedule", Sample("missing-row.csv"), "--columns", "payment=月供,payment=本金"),
            "error: --columns: the column 'payment' is mapped twice.");

    [Fact]
    public void An_unparsable_amount_names_its_row_and_column()
    {
        string bad = SpecFiles.Write("期数,还款日期,月供,本金,利息,剩余本金\n1,2024-04-20,5307.27,1223.94,4083.33,998776.06\n2,2024-05-20,5307.27,12x8.93,4078.34,997547.13\n", ".csv");
        CliAssert.OneErrorLine(Verify("--spec", Tv1, "--schedule", bad), $"error: {bad}: line 3, column '本金': '12x8.93' is not an amount");
    }

    [Fact]
    public void An_unparsable_date_names_its_row_and_the_option() =>
        CliAssert.OneErrorLine(
            Verify("--spec", Tv1, "--schedule", Sample("bank-export-cn.csv")),
            $"error: {Sample("bank-export-cn.csv")}: line 2, column '还款日期': '2024/04/20' is not a date in the format yyyy-MM-dd; give the file's format with --date-format");

    [Fact]
    public void An_empty_file_is_one_error_line()
    {
        string empty = SpecFiles.Write("", ".csv");
        CliAssert.OneErrorLine(Verify("--spec", Tv1, "--schedule", empty), $"error: {empty}: the file is empty");
    }

    [Theory]
    [InlineData(new[] { "--spec", "SPEC" }, "error: give --spec FILE and --schedule FILE (one loan)")]
    [InlineData(new[] { "--spec", "SPEC", "--schedule", "x.csv", "--tolerance", "-1" }, "error: --tolerance '-1' is not an amount of 0 or more")]
    [InlineData(new[] { "--spec", "SPEC", "--schedule", "x.csv", "--date-format", "yyyy-MM-dd'" }, "error: --date-format 'yyyy-MM-dd'' is not a date pattern")]
    [InlineData(new[] { "--spec", "SPEC", "--schedule", "x.csv", "--delimiter", "x" }, "error: --delimiter 'x' is not one of")]
    [InlineData(new[] { "--spec", "SPEC", "--schedule", "x.csv", "--errors", "xml" }, "error: --errors 'xml' is not text or json.")]
    [InlineData(new[] { "--spec", "SPEC", "--book", "b.jsonl" }, "error: give either --spec (one loan) or --book (many), not both.")]
    [InlineData(new[] { "--book", "b.jsonl" }, "error: with --book give --schedules DIR")]
    [InlineData(new[] { "--book", "b.jsonl", "--schedule", "all.csv" }, "error: --book with --schedule FILE needs --id-column NAME")]
    [InlineData(new[] { "--spec", "SPEC", "--schedule", "x.csv", "--schedules", "dir" }, "error: --schedules and --id-column apply to a book")]
    public void Wrong_options_are_one_error_line(string[] args, string expected) =>
        CliAssert.OneErrorLine(Verify([.. args.Select(a => a == "SPEC" ? Tv1 : a)]), expected);

    [Fact]
    public void A_combined_spec_is_refused() =>
        CliAssert.OneErrorLine(Verify("--spec", Path.Combine(Examples, "combined-tv9.json"), "--schedule", Sample("missing-row.csv")), "error: --spec '");

    [Fact]
    public void Help_describes_the_command()
    {
        CliResult result = Verify("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("exit 0 when everything matches, 1 when", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Every <c>$ mortgage verify …</c> block of docs/ci.md is what the tool prints for that command line.</summary>
    [Fact]
    public void The_examples_in_ci_md_are_what_the_tool_prints()
    {
        string doc = File.ReadAllText(Path.Combine(Examples, "..", "ci.md")).ReplaceLineEndings("\n");
        int checkedBlocks = 0;
        foreach (string block in doc.Split("```\n$ mortgage verify ")[1..])
        {
            string body = block[..block.IndexOf("```", StringComparison.Ordinal)];
            int newline = body.IndexOf('\n', StringComparison.Ordinal);
            string[] args = body[..newline].Split(' ');
            string expected = body[(newline + 1)..];
            CliResult result = Verify([.. args.Select(a => a.StartsWith("docs/examples/", StringComparison.Ordinal) ? Path.Combine(Examples, a["docs/examples/".Length..]) : a)]);
            string shown = result.Stdout.Length > 0 ? result.Stdout : result.Stderr;
            Assert.Equal(expected, Relative(shown));
            checkedBlocks++;
        }

        Assert.Equal(5, checkedBlocks);
    }
}
