using System.Globalization;
using System.Text.RegularExpressions;
using MortgageMath.Analytics;
using MortgageMath.Portfolio;
using MortgageMath.Specs;
using MortgageMath.Tests.Cli;
using MortgageMath.Verification;
using NodaTime;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// Error messages in Chinese (issue 15, docs/localization.md) for the loan spec reader, the schedule reader and its
/// column mapping (verify), the TVM, IRR and APR checks and their <see cref="NoSolutionException"/> texts, a book's
/// row failures and repricing checks, and <c>book</c>'s progress and summary lines: each read in a Chinese UI culture
/// (or with <c>--lang zh-CN</c>), checked word for word and for any English sentence left, with the names a user types
/// (JSON properties, column names, options, values) left as typed. The English texts are pinned by the areas' own tests.
/// </summary>
public partial class ChineseErrorsSpecsTests
{
    private static T In<T>(string culture, Func<T> make) => UiCulture.In(culture, make);

    private static string Chinese(Action action) => In("zh-CN", () => FirstLine(Assert.ThrowsAny<Exception>(action).Message));

    /// <summary>The message without the runtime's "(Parameter 'x')" and "Actual value was" additions.</summary>
    private static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].TrimEnd('\r');
        int tail = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return tail >= 0 ? line[..tail] : line;
    }

    /// <summary>Chinese, and no three English words in a row (a sentence left untranslated); names and values may stay.</summary>
    private static void NoEnglishSentence(string text)
    {
        Assert.Matches(Cjk(), text);
        Assert.DoesNotMatch(EnglishWords(), text);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b")]
    private static partial Regex EnglishWords();

    [Fact]
    public void The_check_catches_an_english_sentence()
    {
        Assert.Matches(EnglishWords(), "error: the balance never reaches the future value.");
        Assert.DoesNotMatch(EnglishWords(), "未知属性；贷款规格（规格版本 1）的属性为 $schema, version, description");
        Assert.DoesNotMatch(EnglishWords(), "请用 'mortgage account --leg NAME --payments FILE' 给出");
    }

    // ---- loan specs ------------------------------------------------------------------------------------------

    [Fact]
    public void A_spec_reports_every_error_in_Chinese_with_its_json_path()
    {
        const string json = """
            { "version": 1, "principal": "abc", "disbursement": "2024-03-20", "months": 360,
              "rate": { "type": "fixd", "annual": "4.9%" }, "Method": "equal-principal" }
            """;
        LoanSpecException e = In("zh-CN", () => Assert.Throws<LoanSpecException>(() => LoanSpec.Parse(json)));
        Dictionary<string, string> errors = e.Errors.ToDictionary(x => x.Path, x => x.Message);

        Assert.StartsWith("未知属性（是否想写 'method'？）；贷款规格（规格版本 1）的属性为 $schema, version, description, principal,",
            errors["$.Method"], StringComparison.Ordinal);
        Assert.Equal("\"abc\" 不是金额；请写数字，例如 1000000 或 250000.50（或字符串 \"250000.50\"），不要使用千位分隔符。", errors["$.principal"]);
        Assert.Equal("'fixd' 不是利率类型；请写 fixed、floating、provident-fund 或 stepped。", errors["$.rate.type"]);
        Assert.All(errors.Values, NoEnglishSentence);

        // The same document in English: the texts the spec tests pin.
        LoanSpecException english = In("en-US", () => Assert.Throws<LoanSpecException>(() => LoanSpec.Parse(json)));
        Assert.Contains(english.Errors, x => x.Message == "'fixd' is not a rate type; write fixed, floating, provident-fund or stepped.");
    }

    [Theory]
    [InlineData("""{ "principal": 1000000 }""", "$.version",
        "必填：规格格式版本；请添加 \"version\": 1（使用提前还款、违约金、气球贷或先息后本还款方式时写 2；使用账户的还款记录和逾期政策、期限与还款方式变更以及倍数定价利率时写 3）。")]
    [InlineData("""{ "version": 9 }""", "$.version", "本工具可读取版本 1 到 3 的规格；该文件为版本 9；请升级工具。")]
    [InlineData("""{ "version": 1, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" } }""", "$.principal",
        "必填；例如 \"principal\": 1000000。")]
    [InlineData("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } }""",
        "$.years", "贷款期限只能给一次：\"months\" 与 \"years\" 二选一，不能同时给出。")]
    [InlineData("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": 4.9 } }""",
        "$.rate.annual", "4.9 没有单位；请写 \"4.9%\" 或 \"490bp\"（带单位的字符串）。")]
    [InlineData("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" }, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 1 } ] }""",
        "$.events[0]", "prepayment 事件 需要规格版本 2；请设置 \"version\": 2（版本 1 的文件含义不变）。")]
    [InlineData("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" }, "method": "balloon" }""",
        "$.method", "'balloon' 不是还款方式；请写 equal-installment 或 equal-principal；balloon 贷款须写成对象（规格版本 2），例如 { \"type\": \"balloon\", \"amortization_months\": 240 }。")]
    [InlineData("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "floating", "index": "lpr5y", "spread": "0bp", "repricing": { "rule": "monthly" } } }""",
        "$.rate.repricing.rule", "'monthly' 不是重定价规则；请写 january-1、anniversary 或 every-months。")]
    public void A_spec_error_is_in_Chinese(string json, string path, string expected)
    {
        SpecError error = In("zh-CN", () => Assert.Throws<LoanSpecException>(() => LoanSpec.Parse(json)).Errors[0]);
        Assert.Equal(path, error.Path);
        Assert.Equal(expected, error.Message);
        NoEnglishSentence(error.Message);
    }

    [Fact]
    public void A_payments_csv_error_is_in_Chinese()
    {
        string message = Chinese(() => PaymentsCsv.Parse("date,amount\n2025-04-20,abc\n"));
        Assert.Equal("第 2 行：'abc' 不是金额；请写普通数字，例如 5307.27。", message);
        Assert.Equal("第 1 行：表头必须正好是 'date,amount'；实际为 'day,sum'。", Chinese(() => PaymentsCsv.Parse("day,sum\n")));
        NoEnglishSentence(message);
    }

    [Fact]
    public void The_tool_prints_a_spec_error_in_Chinese()
    {
        string spec = SpecFiles.Write("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" }, "rounding": "up" }""");
        CliResult r = CliRunner.Run("schedule", "--spec", spec, "--lang", "zh-CN");
        CliAssert.OneErrorLine(r, "error: ");
        Assert.EndsWith("$.rounding: 舍入规则 应为 JSON 对象 { ... }；实际为 \"up\"。", r.Stderr.TrimEnd('\n'), StringComparison.Ordinal);
        NoEnglishSentence(r.Stderr);
    }

    // ---- verify: the schedule reader and the column mapping --------------------------------------------------

    [Fact]
    public void A_schedule_file_error_is_in_Chinese()
    {
        string message = Chinese(() => ScheduleReader.Parse("period,payment\n1,abc\n"));
        Assert.Equal("第 2 行，列 'payment'：'abc' 不是金额；请写数字，例如 5307.27 或 ¥5,307.27。", message);
        NoEnglishSentence(message);
        Assert.Equal("文件中没有数据行：只有表头（第 1 行）。", Chinese(() => ScheduleReader.Parse("period,payment\n")));

        // English as before: the full stop is now part of each text.
        Assert.Equal("line 2, column 'payment': 'abc' is not an amount; write a number such as 5307.27 or ¥5,307.27.",
            In("en-US", () => Assert.Throws<ScheduleFileException>(() => ScheduleReader.Parse("period,payment\n1,abc\n")).Message));
    }

    [Fact]
    public void A_column_mapping_error_is_in_Chinese()
    {
        string message = Chinese(() => ColumnMapping.Parse("foo=bar"));
        Assert.Equal("未知的列 'foo'；可用的列为 period, due_date, annual_rate_pct, opening_balance, payment, principal, interest, closing_balance。", message);
        NoEnglishSentence(message);
        Assert.Equal("'period' 不是 列=表头 的形式；请写成例如 period=期数,payment=月供。", Chinese(() => ColumnMapping.Parse("period")));
    }

    [Fact]
    public void The_tool_prints_a_verify_error_in_Chinese()
    {
        string spec = SpecFiles.Write("""{ "version": 1, "principal": 1000000, "disbursement": "2024-03-20", "months": 360, "rate": { "type": "fixed", "annual": "4.9%" } }""");
        string theirs = SpecFiles.Write("期数,月供\n1,5307.27\n2,abc\n", ".csv");
        CliResult r = CliRunner.Run("verify", "--spec", spec, "--schedule", theirs, "--lang", "zh-CN");
        CliAssert.OneErrorLine(r, $"error: {theirs}: 第 3 行，列 '月供'：'abc' 不是金额；");
        NoEnglishSentence(r.Stderr);

        CliResult mapping = CliRunner.Run("verify", "--spec", spec, "--schedule", theirs, "--columns", "payment=月供,payment=还款额", "--lang", "zh-CN");
        CliAssert.OneErrorLine(mapping, "error: --columns: 列 'payment' 被映射了两次。");
    }

    // ---- TVM, IRR and APR ------------------------------------------------------------------------------------

    [Fact]
    public void A_tvm_argument_error_is_in_Chinese()
    {
        Assert.Equal("每期利率必须大于 -1（-100%）；实际为 -2。", Chinese(() => Tvm.Pmt(-2m, 10, 1000m)));
        Assert.Equal("期数必须至少为 1（否则 Excel 返回 #NUM!）；实际为 0。", Chinese(() => Tvm.Pmt(0.01m, 0, 1000m)));
        Assert.Equal("初始猜测值必须大于 -1（-100%）；实际为 -1。", Chinese(() => CashFlows.Irr([-100m, 110m], -1m)));
        string message = Chinese(() => MortgageMath.Analytics.Apr.RegZSinglePayment(1000m, new LocalDate(2024, 3, 20), 1100m, new LocalDate(2024, 3, 1)));
        Assert.Equal("还款日期（2024-03-01）必须晚于放款日期（2024-03-20）。", message);
        NoEnglishSentence(message);

        CliResult r = CliRunner.Run("tvm", "pmt", "--rate", "-200%", "--nper", "10", "--pv", "1000", "--lang", "zh-CN");
        CliAssert.OneErrorLine(r, "error: --rate: 每期利率必须大于 -1（-100%）；实际为 -2。");
    }

    [Fact]
    public void A_sum_too_large_for_the_solvers_is_in_Chinese()
    {
        string message = Chinese(() => CashFlows.Irr([-decimal.MaxValue, decimal.MaxValue]));
        Assert.StartsWith("IRR 要求各值绝对值之和不超过 10000000000000000000000000000（10^28），", message, StringComparison.Ordinal);
        Assert.EndsWith("此处为 超过 79228162514264337593543950335。利率与货币单位无关：请以更大的单位给出金额（例如以百万为单位）。", message, StringComparison.Ordinal);
        NoEnglishSentence(message);
    }

    [Fact]
    public void A_NoSolutionException_is_in_Chinese()
    {
        string irr = Chinese(() => CashFlows.Irr([1m, 2m, 3m]));
        Assert.Equal("IRR([1, 2, 3]，初始猜测值 0.1) 无解：各值中至少需要有一笔正数和一笔负数。", irr);
        Assert.Equal("NPER(0, 0, 1000, 0, 0) 无解：利率为零且每期还款为零时，余额永远不变。", Chinese(() => Tvm.NPer(0m, 0m, 1000m)));
        Assert.Equal("NPER(0.01, -5, 1000, 0, 0) 无解：余额永远达不到终值。", Chinese(() => Tvm.NPer(0.01m, -5m, 1000m)));
        NoEnglishSentence(irr);

        // English as before (the analytics tests pin the others).
        Assert.Equal("IRR([1, 2, 3], guess 0.1) has no solution: the values need at least one positive and one negative amount.",
            In("en-US", () => Assert.Throws<NoSolutionException>(() => CashFlows.Irr([1m, 2m, 3m])).Message));

        CliResult r = CliRunner.Run("tvm", "irr", "--values", "1,2,3", "--lang", "zh-CN");
        CliAssert.OneErrorLine(r, "error: IRR([1, 2, 3]，初始猜测值 0.1) 无解：各值中至少需要有一笔正数和一笔负数。");
    }

    // ---- books -----------------------------------------------------------------------------------------------

    private const string Scenario = """{"valuation_date": "2026-12-05", "fixings": [{"index": "lpr5y", "effective_date": "2026-12-22", "rate": "3.40%"}]}""";

    private static string TempPath(string extension) =>
        Path.Combine(Path.GetDirectoryName(SpecFiles.Write("", ".tmp"))!, "book-zh-" + Guid.NewGuid().ToString("N") + extension);

    private static string Sample(int count, string language = "en")
    {
        string path = TempPath(".csv");
        CliResult r = CliRunner.Run("book", "sample", "--count", count.ToString(CultureInfo.InvariantCulture), "--output", path, "--lang", language);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return path;
    }

    /// <summary>A sample book of three loans with the second loan's cells changed (its CSV line 3).</summary>
    private static string BookWith(params (string Column, string Value)[] cells)
    {
        string book = TempPath(".csv");
        string[] lines = File.ReadAllLines(Sample(3));
        string[] header = lines[0].Split(',');
        string[] row = lines[2].Split(',');
        foreach ((string column, string value) in cells)
        {
            row[Array.IndexOf(header, column)] = value;
        }

        lines[2] = string.Join(',', row);
        File.WriteAllLines(book, lines);
        return book;
    }

    [Fact]
    public void A_book_row_failure_is_in_Chinese()
    {
        string book = BookWith(("periods", "abc"));

        CliResult r = CliRunner.Run("book", "reprice", "--loans", book, "--scenario", SpecFiles.Write(Scenario), "--on-error", "skip", "--summary", "--lang", "zh-CN");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("已跳过：第 2 行（id L00000002）：第 3 行：列 'periods'：'abc' 无效；应为数字。\n", r.Stderr);
        NoEnglishSentence(r.Stderr);

        CliResult fatal = CliRunner.Run("book", "reprice", "--loans", book, "--scenario", SpecFiles.Write(Scenario), "--lang", "zh-CN");
        CliAssert.OneErrorLine(fatal, "error: --loans：第 2 行（id L00000002）：第 3 行：列 'periods'：'abc' 无效；应为数字。（--on-error skip 会跳过它并继续）");
    }

    [Fact]
    public void A_book_row_with_a_bad_rate_names_the_column_in_Chinese()
    {
        string book = BookWith(("leg", ""), ("rate_plan", "fixed"), ("rate", "4.1"));
        CliResult r = CliRunner.Run("book", "reprice", "--loans", book, "--scenario", SpecFiles.Write(Scenario), "--on-error", "skip", "--summary", "--lang", "zh-CN");
        Assert.Contains("列 'rate'：'4.1' 无效；应为利率，例如 4.10%。", r.Stderr, StringComparison.Ordinal);
        NoEnglishSentence(r.Stderr);
    }

    [Fact]
    public void A_repricing_scenario_check_is_in_Chinese()
    {
        string message = Chinese(() => new RepricingScenario(new LocalDate(2026, 12, 5), [], windowMonths: -1));
        Assert.Equal("观察窗口必须为 0 到 600 个月；实际为 -1。", message);
        NoEnglishSentence(message);
    }

    [Fact]
    public void The_book_progress_and_summary_lines_are_in_Chinese_with_the_same_figures()
    {
        string path = TempPath(".csv");
        CliResult sample = CliRunner.Run("book", "sample", "--count", "5", "--output", path, "--lang", "zh-CN");
        Assert.Equal($"已将 5 笔贷款写入 {path}\n", sample.Stdout);

        string output = TempPath(".csv");
        CliResult written = CliRunner.Run("book", "reprice", "--loans", path, "--scenario", SpecFiles.Write(Scenario), "--output", output, "--lang", "zh-CN");
        Assert.Equal($"读取 5 笔，定价 5 笔，跳过 0 笔；结果已写入 {output}\n", written.Stdout);

        string[] chinese = CliRunner.Run("book", "reprice", "--loans", path, "--scenario", SpecFiles.Write(Scenario), "--summary", "--lang", "zh-CN").Stdout.TrimEnd('\n').Split('\n');
        string[] english = CliRunner.Run("book", "reprice", "--loans", path, "--scenario", SpecFiles.Write(Scenario), "--summary", "--lang", "en").Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("读取 5 笔，定价 5 笔，跳过 0 笔", chinese[0]);
        Assert.StartsWith("剩余本金 ", chinese[1], StringComparison.Ordinal);
        Assert.StartsWith("月供：当前 ", chinese[2], StringComparison.Ordinal);
        Assert.StartsWith("月供变动 <= -1000：", chinese[5], StringComparison.Ordinal);
        Assert.Equal(english.Length, chinese.Length);
        Assert.All(chinese, NoEnglishSentence);

        // The same figures, line by line (and the bucket labels, which are written the same way in every language).
        static string[] Figures(string line) => [.. Numbers().Matches(line).Select(m => m.Value)];
        Assert.Equal(english.Select(Figures), chinese.Select(Figures));
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex Numbers();
}
