namespace MortgageMath.Tests.Cli;

/// <summary>
/// <c>verify</c>, <c>book</c>, <c>tvm</c> and <c>afford</c>'s household options in Chinese (<c>--lang zh-CN</c>): their
/// error lines and verify's report are resources (CliText <c>Verify_*</c>, <c>Book_*</c>, <c>Scenario_*</c>, <c>Tvm_Err*</c>,
/// <c>Afford_Err*</c>) with Chinese translations; the English ones are proved unchanged by the commands' own tests.
/// </summary>
public class ChineseCommandTests
{
    private static string Examples => SpecFiles.ExamplesDirectory();

    public static TheoryData<string[], string> Errors => new()
    {
        { ["tvm", "pmt", "--lang", "zh-CN", "--rate", "0.5", "--nper", "360", "--pv", "100000"], "error: --rate '0.5' 没有单位；请写 0.5% 或 50bp（每期利率：8%/12 即年利率 8%、按月支付）。" },
        { ["tvm", "pmt", "--lang", "zh-CN", "--rate", "0.5%", "--nper", "x", "--pv", "100000"], "error: --nper 'x' 不是整数；例如写 --nper 360。" },
        { ["tvm", "pmt", "--lang", "zh-CN", "--rate", "0.5%", "--pv", "100000"], "error: 缺少必需的选项 '--nper'；参见 'mortgage tvm pmt --help'。" },
        { ["tvm", "xirr", "--lang", "zh-CN", "--flows", "2008-01-01=-10000,2008-13-01=2750"], "error: --flows：第 2 笔现金流 '2008-13-01=2750'：'2008-13-01' 不是有效日期；请写 yyyy-MM-dd=金额，例如 2008-03-01=2750。" },
        { ["book", "sample", "--lang", "zh-CN", "--count", "0", "--output", "loans.jsonl"], "error: --count 必须在 1 到 100,000,000 之间；实为 0。" },
        { ["book", "sample", "--lang", "zh-CN", "--count", "10", "--output", "loans.txt"], "error: --output：'loans.txt' 必须以 .jsonl、.csv 或 .parquet 结尾（扩展名即格式）；实为 '.txt'。" },
        { ["verify", "--lang", "zh-CN", "--spec", "a.json"], "error: 请给出 --spec FILE 和 --schedule FILE（单笔贷款），或 --book FILE 加 --schedules DIR 或 --schedule FILE --id-column NAME；参见 'mortgage verify --help'。" },
        { ["verify", "--lang", "zh-CN", "--spec", "a.json", "--schedule", "b.csv", "--tolerance", "-1"], "error: --tolerance '-1' 不是不小于 0 的金额；例如写 --tolerance 0.01。" },
        { ["afford", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--income", "12000,5000", "--age", "35"], "error: --income 有 2 个值而 --age 有 1 个；请给每位借款人一个收入和一个年龄，主借款人在前，例如 --income 9000,6000 --age 38,36。" },
        { ["afford", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--income", "12000"], "error: 缺少必需的选项 '--age'（每位借款人一个年龄，主借款人在前，例如 --age 35 或 --age 38,36）；参见 'mortgage afford --help'。" },
        { ["afford", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--income", "12000x", "--age", "35"], "error: --income '12000x' 不是金额；请写不带千位分隔符的数字，例如 12000 或 8500.50。" },
        // The library's own range checks (Resources/LibraryText Valid_*), quoted after the option.
        { ["schedule", "--lang", "zh-CN", "--principal", "-5", "--rate", "4.9%", "--years", "30"], "error: --principal: 贷款本金必须大于 0 且不超过 1,000,000,000,000；实际为 -5。" },
        { ["schedule", "--lang", "zh-CN", "--principal", "1000", "--rate", "4.9%", "--years", "30", "--payment-day", "32"], "error: --payment-day: 还款日必须在 1 到 31 之间；实际为 32。" },
        { ["schedule", "--lang", "zh-CN", "--principal", "1000", "--rate", "4.9%", "--years", "30", "--start", "1899-12-31"], "error: --start: 放款日期必须在 1900 年至 2200 年之间；实际为 1899-12-31。" },
        { ["payoff", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--date", "2020-01-01"], "error: --date: 提前结清日必须晚于放款日（2024-03-20）、早于最后一个还款日（2054-03-20，届时贷款本已还清）；实际为 2020-01-01。" },
        { ["prepay", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--date", "2025-03-20", "--amount", "2000000"], "error: --date/--amount: 2025-03-20 的提前还款 2000000 超过当时的贷款余额 984978.39；请改用提前结清。" },
        { ["schedule", "--lang", "zh-CN", "--principal", "1000", "--rate", "100001bp", "--years", "30"], "error: --rate: 利率必须在 -100000bp 到 100000bp 之间；实际为 100001bp。" },
        { ["afford", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--income", "12000", "--age", "35", "--policy", "bank"], "error: --policy 'bank' 不是审批政策；请写 china-commercial、china-provident-fund 或 us-qm。" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_are_one_line_in_Chinese(string[] args, string expected) =>
        CliAssert.OneErrorLine(CliRunner.Run(args), expected);

    [Fact]
    public void A_book_scenario_error_in_Chinese()
    {
        string loans = SpecFiles.Write("""{"id": "L1", "principal": "1000000", "rate": "4.9%", "months": 360, "start": "2024-03-20"}""", ".jsonl");
        CliAssert.OneErrorLine(
            CliRunner.Run("book", "reprice", "--lang", "zh-CN", "--loans", loans, "--scenario", SpecFiles.Write("""{"fixings": [], "speed": 1}""")),
            "error: --scenario：$.speed 不是情景的属性（fixings、valuation_date、window_months、assume_unchanged_until、spread_changes、prepayment_rate、prepayment_option）。");
        CliAssert.OneErrorLine(
            CliRunner.Run("book", "reprice", "--lang", "zh-CN", "--loans", loans, "--scenario", SpecFiles.Write("""{"fixings": [{"index": "lpr5y", "effective_date": "2026-12-22"}]}""")),
            "error: --scenario：$.fixings[0].rate 是必需的。");
    }

    [Fact]
    public void The_verify_report_in_Chinese_TV1_against_an_Actual_365_export()
    {
        // The English report of VerifyCliTests.The_actual_365_export_differs_with_its_hint, in Chinese: the same figures,
        // the verdict (DIFFERS, which scripts look for) and the column names (data) unchanged; the table aligned in terminal columns.
        CliResult result = CliRunner.Run("verify", "--lang", "zh-CN", "--spec", Path.Combine(Examples, "fixed-tv1.json"),
            "--schedule", Path.Combine(Examples, "verify", "actual-365.csv"), "--show", "2", "--tolerance", "0.01");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            """
            核对：docs/examples/fixed-tv1.json 对照 docs/examples/verify/actual-365.csv：DIFFERS
              行数：我方 360，对方 360，已比较 360，不同 360
              比较的列：due_date, payment, principal, interest, closing_balance
              最大差额：1993.60（容差 0.01）
              差异：1,080 处（下列前 2 处）
              行  列         我方     对方     差额    文件行
               1  principal  1223.94  1145.63  -78.31       2
               1  interest   4083.33  4161.64  +78.31       2
            提示：每处不同的利息都等于 余额 × 利率 × 该期实际天数 ÷ 365（360 行）：对方使用 Actual/365。

            """.ReplaceLineEndings("\n"), result.Stdout.Replace(Examples, "docs/examples", StringComparison.Ordinal));
    }

    [Fact]
    public void Tvm_help_describes_the_function_and_its_options_in_Chinese()
    {
        CliResult result = CliRunner.Run("tvm", "pmt", "--help", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  PMT: 贷款或年金的每期付款额。\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("期数，整数。必需。", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("最后一次付款后希望达到的终值，带符号的数字。默认：0。", result.Stdout, StringComparison.Ordinal);
        // English is as before.
        Assert.Contains("The future value wanted after the last payment, a plain number with its sign. Default: 0.",
            CliRunner.Run("tvm", "pmt", "--help", "--lang", "en").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_floating_rate_plan_is_described_in_Chinese_in_the_summary_and_the_report()
    {
        string spec = Path.Combine(Examples, "lpr-spread-change.json");

        Assert.StartsWith("贷款：1,000,000.00，放款时年利率 5.25%（lpr5y +60bp，每年 1 月 1 日重定价；1 个利率事件），",
            CliRunner.Run("schedule", "--spec", spec, "--lang", "zh-CN").Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Loan: 1,000,000.00 at 5.25% a year at disbursement (lpr5y +60bp, repriced every 1 January; 1 rate event(s)) over 360 months",
            CliRunner.Run("schedule", "--spec", spec, "--lang", "en").Stdout, StringComparison.Ordinal);
        string page = CliRunner.Run("report", "--spec", spec, "--lang", "zh-CN").Stdout;
        Assert.Contains("lpr5y +60bp，每年 1 月 1 日重定价", page, StringComparison.Ordinal);
        Assert.DoesNotContain("lpr5y +60bp, repriced", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_account_policy_line_in_Chinese_keeps_the_spec_syntax_of_its_parts()
    {
        string[] lines = CliRunner.Run("account", "--spec", Path.Combine(Examples, "overdue-account.json"), "--as-of", "2024-05-20", "--lang", "zh-CN").Stdout.Split('\n');

        Assert.Equal("截至 2024-05-20 的账户。政策：罚息 markup(50%)，计复利，actual/360，宽限期 0 天，滞纳金 none，容差 0，还款顺序 china，多还款项 hold，风险分类 china-2023。", lines[1]);
    }

    /// <summary>The note under afford's question (how the loan follows the answer) is in the run's language, for
    /// each kind of answer; leg names stay as the spec gives them.</summary>
    [Theory]
    [InlineData("max-loan", "combined-tv9.json", "贷款条件取自贷款文件；组合贷款中，provident-fund 贷款保持 300,000.00（优先足额），其余由 commercial 贷款承担。")]
    [InlineData("max-loan", null, "贷款条件按所给；其本金替换为求得的结果。")]
    [InlineData("max-price", null, "贷款额为房价减去首付 150,000.00，其余条件按所给。")]
    [InlineData("min-income", null, "各借款人的收入按所给收入的比例一同缩放（均为 0 时平均缩放）。")]
    public void The_afford_note_is_in_Chinese(string solve, string? spec, string note)
    {
        string[] loan = spec is null
            ? ["--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--income", "9000,3000", "--age", "35,33"]
            : ["--spec", Path.Combine(Examples, spec), "--income", "30000", "--age", "35"];
        string[] down = solve == "max-price" ? ["--down-payment", "150000"] : [];
        CliResult result = CliRunner.Run(["afford", "--lang", "zh-CN", .. loan, "--solve", solve, .. down]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(note, result.Stdout.Split('\n')[1]);
    }

    /// <summary>Every heading of --help is in the run's language: System.CommandLine's satellite translates 用法 and
    /// 选项, the tool the description's heading it leaves English; English help keeps "Description:".</summary>
    [Theory]
    [InlineData("schedule")]
    [InlineData(null)]
    public void Help_headings_are_Chinese(string? command)
    {
        string[] args = command is null ? ["--lang", "zh-CN", "--help"] : ["--lang", "zh-CN", command, "--help"];
        CliResult chinese = CliRunner.Run(args);
        Assert.Equal(0, chinese.ExitCode);
        Assert.StartsWith("说明:\n", chinese.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n用法:\n", chinese.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n选项:\n", chinese.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", chinese.Stdout, StringComparison.Ordinal);

        CliResult english = CliRunner.Run(command is null ? ["--lang", "en", "--help"] : ["--lang", "en", command, "--help"]);
        Assert.StartsWith("Description:\n", english.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The two parse errors System.CommandLine's zh-Hans satellite leaves English are written by the tool in
    /// the run's language (recognised from the parse result, not from the text); English keeps the parser's words.</summary>
    [Theory]
    [InlineData("zh-CN", "error: 缺少必需的选项 '--as-of'；参见 'mortgage account --help'。", "account")]
    [InlineData("en", "error: Option '--as-of' is required; see 'mortgage account --help'.", "account")]
    [InlineData("zh-CN", "error: 选项 '--output' 只接受一个值，但给出了 2 个；参见 'mortgage schedule --help'。", "schedule")]
    [InlineData("en", "error: Option '--output' expects a single argument but 2 were provided; see 'mortgage schedule --help'.", "schedule")]
    [InlineData("zh-CN", "error: 缺少必需的选项 '--count'；参见 'mortgage book sample --help'。", "book")]
    [InlineData("en", "error: Option '--count' is required; see 'mortgage book sample --help'.", "book")]
    [InlineData("zh-CN", "error: --count '5abc' 不是整数；参见 'mortgage book sample --help'。", "book 5abc")]
    [InlineData("en", "error: --count '1e400' is not a whole number; see 'mortgage book sample --help'.", "book 1e400")]
    public void Parser_errors_left_English_by_System_CommandLine_are_in_the_run_language(string language, string line, string command)
    {
        string output = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.jsonl");
        string[] args = command switch
        {
            "account" => ["--lang", language, "account", "--spec", Path.Combine(Examples, "overdue-account.json")],
            "schedule" => ["--lang", language, "schedule", "--principal", "1000", "--rate", "4%", "--years", "1", "--output", "a.csv", "--output", "b.csv"],
            "book" => ["--lang", language, "book", "sample", "--output", output],
            _ => ["--lang", language, "book", "sample", "--output", output, "--count", command.Split(' ')[1]],
        };
        CliResult result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(line + "\n", result.Stderr);
        Assert.False(File.Exists(output));
    }

    /// <summary>A spec file in another encoding (GBK bytes) is refused by name instead of being read with U+FFFD in
    /// place of its text; the same text in UTF-8, UTF-8 with its mark, or UTF-16 with its mark reads.</summary>
    [Fact]
    public void A_spec_that_is_not_valid_text_is_refused_and_a_marked_one_is_read()
    {
        const string spec = """{"version": 1, "principal": 1000, "rate": {"type": "fixed", "annual": "4%"}, "years": 1, "disbursement": "2024-01-01", "description": "NAME"}""";
        string dir = Path.Combine(Path.GetTempPath(), "mm-encoding-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string gbk = Path.Combine(dir, "gbk.json");
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(spec);
            int at = spec.IndexOf("NAME", StringComparison.Ordinal);
            File.WriteAllBytes(gbk, [.. utf8[..at], 0xC4, 0xE3, .. utf8[(at + 4)..]]); // 你 in GBK
            CliResult refused = CliRunner.Run("schedule", "--spec", gbk);
            Assert.Equal(2, refused.ExitCode);
            Assert.StartsWith($"error: --spec '{gbk}' is not UTF-8 text (", refused.Stderr, StringComparison.Ordinal);
            Assert.StartsWith($"error: --spec '{gbk}' 不是 UTF-8 文本（", CliRunner.Run("--lang", "zh-CN", "schedule", "--spec", gbk).Stderr, StringComparison.Ordinal);

            foreach (System.Text.Encoding encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(false), new System.Text.UTF8Encoding(true), System.Text.Encoding.Unicode })
            {
                string good = Path.Combine(dir, "good.json");
                File.WriteAllText(good, spec.Replace("NAME", "你好", StringComparison.Ordinal), encoding);
                CliResult read = CliRunner.Run("schedule", "--spec", good, "--format", "csv");
                Assert.True(read.ExitCode == 0, read.Stderr);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Every command's description, and every subcommand and option listed under it, is Chinese in a Chinese --help:
    /// the whole tree is walked from the root's 命令 section down (a description left as an English literal in the
    /// code, as `book sample`'s, `book reprice`'s, `spec schema`'s and `spec validate`'s were, fails here).
    /// </summary>
    [Fact]
    public void Every_command_and_option_of_the_help_tree_is_described_in_Chinese()
    {
        var pending = new Queue<string[]>([[]]);
        var english = new List<string>();
        int visited = 0;
        while (pending.TryDequeue(out string[]? path))
        {
            visited++;
            CliResult help = CliRunner.Run(["--lang", "zh-CN", .. path, "--help"]);
            Assert.True(help.ExitCode == 0, string.Join(' ', path) + ": " + help.Stderr);
            string[] lines = help.Stdout.Split('\n');
            Assert.Equal("说明:", lines[0]);
            if (!HasCjk(lines[1]))
            {
                english.Add($"{string.Join(' ', path)}: {lines[1].Trim()}");
            }

            string? section = null;
            foreach (string line in lines)
            {
                if (line.Length > 0 && !line.StartsWith(' '))
                {
                    section = line.TrimEnd();
                    continue;
                }

                // An entry: two spaces, then its name (continuation lines are indented further).
                if (section is "命令:" or "选项:" && line.Length > 2 && line[2] != ' ')
                {
                    if (!HasCjk(line))
                    {
                        english.Add($"{string.Join(' ', path)} {section} {line.Trim()}");
                    }

                    if (section == "命令:")
                    {
                        pending.Enqueue([.. path, line.Trim().Split(' ')[0]]);
                    }
                }
            }
        }

        Assert.True(visited > 20, $"only {visited} commands visited");
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
