using System.Globalization;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// The tool in Chinese (<c>--lang zh-CN</c>, or a Chinese UI culture): the TV-1 table (1,000,000 at 4.9% over 30 years,
/// whose figures the English goldens prove) with Chinese column headers and labels and the very same rows; an error
/// line; CSV column names in Chinese only with <c>--headers zh-CN</c>; JSON keys never.
/// </summary>
public class ChineseOutputTests
{
    [Fact]
    public void The_TV1_table_in_Chinese_matches_its_golden()
    {
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--lang", "zh-CN"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(File.ReadAllText(GoldenFiles.PathOf("tv1-schedule.zh-CN.txt")), result.Stdout);
    }

    [Fact]
    public void The_Chinese_table_has_the_English_rows_and_Chinese_labels()
    {
        string[] chinese = CliRunner.Run(CliRunner.Tv1With("--lang", "zh-CN")).Stdout.Split('\n');
        string[] english = CliRunner.Run(CliRunner.Tv1With("--lang", "en")).Stdout.Split('\n');

        Assert.StartsWith("贷款：1,000,000.00，年利率 4.9%，期限 360 个月，等额本息；", chinese[0], StringComparison.Ordinal);
        Assert.Matches(@"^│ 期数 │ 还款日期\s+│ 年利率 % │\s+期初本金 │\s+月供 │\s+本金 │\s+利息 │\s+剩余本金 │$", chinese[2]);
        // Every row (from the first period to the totals line) has the English cells: only the words (and so the column widths) changed.
        static string[][] Cells(string[] lines) => [.. lines
            .Where(l => l.StartsWith('│'))
            .Skip(1)
            .Select(l => l.Split('│').Select(c => c.Trim()).ToArray())];
        string[][] chineseCells = Cells(chinese);
        string[][] englishCells = Cells(english);
        Assert.Equal(361, chineseCells.Length);
        Assert.Equal(englishCells[..360], chineseCells[..360]);
        Assert.Equal("合计", chineseCells[360][1]);
        Assert.Equal(englishCells[360][2..], chineseCells[360][2..]);
        Assert.Contains("月供（等额本息月供，舍入）：5,307.27", chinese);
        Assert.Contains("总利息，精确还款计划：910,615.12", chinese);
        Assert.Contains("还款总额，精确还款计划：1,910,615.12", chinese);
    }

    [Fact]
    public void The_default_language_is_the_UI_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.StartsWith("贷款：", CliRunner.Run(CliRunner.Tv1).Stdout, StringComparison.Ordinal);
            Assert.StartsWith("Loan: ", CliRunner.Run(CliRunner.Tv1With("--lang", "en")).Stdout, StringComparison.Ordinal);
            // The run restores the caller's culture.
            Assert.Equal("zh-CN", CultureInfo.CurrentUICulture.Name);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.StartsWith("Loan: ", CliRunner.Run(CliRunner.Tv1).Stdout, StringComparison.Ordinal);
            Assert.StartsWith("贷款：", CliRunner.Run(CliRunner.Tv1With("--lang=zh-CN")).Stdout, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-Hans")]
    [InlineData("ZH-cn")]
    [InlineData("zh-SG")]
    public void Simplified_Chinese_names_are_accepted(string name)
    {
        Assert.StartsWith("贷款：", CliRunner.Run(CliRunner.Tv1With("--lang", name)).Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> Errors => new()
    {
        { ["schedule", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9", "--years", "30"], "error: --rate '4.9' 没有单位；请写 4.9% 或 490bp。" },
        { ["schedule", "--lang", "zh-CN", "--rate", "4.9%", "--years", "30"], "error: 缺少必需的选项 '--principal'；参见 'mortgage schedule --help'。" },
        { ["schedule", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--months", "601"], "error: --months 必须在 1 到 600 之间；实为 601。" },
        { ["schedule", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%"], "error: 缺少贷款期限；请加上 --months N（例如 --months 360）或 --years N（例如 --years 30）。" },
        { CliRunner.Tv1With("--lang", "zh-CN", "--format", "xml"), "error: --format 'xml' 不是输出格式；请写 table、csv、json 或 markdown。" },
        { CliRunner.Tv1With("--lang", "zh-TW"), "error: --lang 'zh-TW' is not a supported language; write en or zh-CN." },
        { CliRunner.Tv1With("--lang"), "error: --lang needs a language; write --lang en or --lang zh-CN." },
        { CliRunner.Tv1With("--headers", "zh-CN"), "error: --headers sets the language of the CSV column names; add --format csv" },
        { CliRunner.Tv1With("--format", "csv", "--headers", "klingon"), "error: --headers 'klingon' is not a supported language; write en or zh-CN." },
        { CliRunner.Tv1With("--lang", "zh-CN", "--chart", "balance.txt"), "error: --chart 'balance.txt' 必须是 .svg 或 .png 文件，例如 --chart balance.svg。" },
        { ["report", .. CliRunner.Tv1[1..], "--lang", "zh-CN", "--title", " "], "error: --title 为空；请给出标题，或不用此选项。" },
        { ["prepay", .. CliRunner.Tv1[1..], "--lang", "zh-CN", "--amount", "200000"], "error: 缺少必需的选项 '--date'；参见 'mortgage prepay --help'。" },
        { ["rates", "--lang", "zh-CN", "--format", "xml"], "error: --format 'xml' 不是 rates 的输出格式；请写 table、csv 或 json。" },
        { ["rates", "--lang", "zh-CN", "--chart", "lpr.svg"], "error: --chart 只画一个指标：请同时给出 --index，例如 --index lpr5y。" },
        { ["statement", "--lang", "zh-CN", "--spec", "x.json", "--year", "twenty"], "error: --year 'twenty' 不是年份；请写整数，例如 --year 2025。" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_are_one_line_in_the_chosen_language(string[] args, string expected) =>
        CliAssert.OneErrorLine(CliRunner.Run(args), expected);

    [Fact]
    public void The_parser_speaks_Chinese_too()
    {
        // System.CommandLine's own messages come from its zh-Hans satellite assembly; the hint after them is ours.
        CliResult result = CliRunner.Run(CliRunner.Tv1With("--lang", "zh-CN", "--colour"));
        CliAssert.OneErrorLine(result, "error: ");
        Assert.Contains("'--colour'", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("；参见 'mortgage schedule --help'。\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CSV_column_names_stay_English_unless_headers_says_otherwise()
    {
        string english = CliRunner.Run(CliRunner.Tv1With("--format", "csv")).Stdout;
        string lang = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--lang", "zh-CN")).Stdout;
        string headers = CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--headers", "zh-CN")).Stdout;

        // --lang does not touch the CSV: machines read it by the documented column names.
        Assert.Equal(english, lang);
        Assert.Equal(File.ReadAllText(GoldenFiles.PathOf("tv1-schedule.csv")), english);
        string[] lines = headers.Split('\n');
        Assert.Equal("期数,还款日期,年利率(%),期初本金,月供,本金,利息,剩余本金", lines[0]);
        Assert.Equal(english.Split('\n')[1..], lines[1..]);
        Assert.Equal(english, CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--headers", "en", "--lang", "zh-CN")).Stdout);
    }

    [Fact]
    public void CSV_headers_of_a_schedule_with_prepayments_and_of_a_combined_loan()
    {
        string prepaid = CliRunner.Run("schedule", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "prepayment-tv7a.json"), "--format", "csv", "--headers", "zh-CN").Stdout;
        Assert.StartsWith("期数,还款日期,年利率(%),期初本金,月供,本金,利息,剩余本金,类型,违约金\n", prepaid, StringComparison.Ordinal);

        string combined = CliRunner.Run("schedule", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json"), "--format", "csv", "--headers", "zh-CN").Stdout;
        Assert.StartsWith("贷款,期数,还款日期,", combined, StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_keys_never_change()
    {
        string english = CliRunner.Run(CliRunner.Tv1With("--format", "json")).Stdout;
        string chinese = CliRunner.Run(CliRunner.Tv1With("--format", "json", "--lang", "zh-CN")).Stdout;
        Assert.Equal(english, chinese);
    }

    [Fact]
    public void Prepaying_200000_in_Chinese_TV7a()
    {
        // TV-7a (docs/prepayment.md): 200,000 right after payment 12; the rows keep the English figures, aligned by width.
        string[] lines = CliRunner.Run("prepay", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--date", "2025-03-20", "--amount", "200000", "--lang", "zh-CN").Stdout.Split('\n');

        Assert.Equal("提前还款：2025-03-20 还 200,000.00，在第 12 期正常还款后立即（还款日当天）；随之支付的利息：accrued-on-balance；违约金：none。", lines[1]);
        Assert.Equal("还款计划（银行的精确还款计划）：", lines[4]);
        Assert.Equal("                          减少月供      缩短期限  缩短期限（月供不变）", lines[5]);
        Assert.Equal("  节省的利息            175,019.80    439,154.37            440,629.64", lines[6]);
        Assert.Equal("  新月供                  4,229.63      5,297.25              5,307.27", lines[9]);
    }

    [Fact]
    public void A_payoff_quote_in_Chinese_TV6()
    {
        // TV-6: 19 days after the 12th payment, accrued interest on the full balance 2,547.26.
        string text = CliRunner.Run("payoff", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--date", "2025-04-08", "--lang", "zh-CN").Stdout;

        Assert.EndsWith("""
            2025-04-08 结清：
              本金余额（扣除届时应还的各期后）：984,978.39
              应计利息（accrued-on-balance，自 2025-03-20 起 19 天）：2,547.26
              违约金（none）：0.00
              应还合计：987,525.65

            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_affordability_report_in_Chinese()
    {
        string text = CliRunner.Run("afford", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--income", "12000", "--age", "35", "--lang", "zh-CN").Stdout;

        Assert.Contains("政策：中国商业贷款。\n", text, StringComparison.Ordinal);
        Assert.Contains("│ 规则 ", text, StringComparison.Ordinal);
        Assert.Contains("  housing-ratio：住房月供 5,307.27 占收入 12,000.00 的 44.23%；上限为 50%，即最多 6,000.00；余量 5.77 个百分点（692.73）\n", text, StringComparison.Ordinal);
        Assert.Contains("审核所用月供：最高的计划月供为第 1 期（2024-04-20）的 5,307.27，即首期月供。\n", text, StringComparison.Ordinal);
        Assert.Contains("结论：批准（按 中国商业贷款 批准：4 条规则通过，1 条不适用）。\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("China commercial", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overdue_account_as_a_collector_explains_it_in_Chinese()
    {
        // The account of Cli/Golden/overdue-account-2024-05-20.txt (TV-1, nothing paid), in Chinese.
        string[] lines = CliRunner.Run("account", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "overdue-account.json"),
            "--as-of", "2024-05-20", "--explain", "--lang", "zh-CN").Stdout.Split('\n');

        Assert.Contains("│ 期数 │ 还款日期   │     本金 │     利息 │ 已还 │ 罚息 │  复利 │ 滞纳金 │     未还 │ 还款日 │ 逾期天数 │ 状态 │", lines);
        Assert.Contains("│    1 │ 2024-04-20 │ 1,223.94 │ 4,083.33 │ 0.00 │ 7.50 │ 25.01 │   0.00 │ 5,339.78 │        │       30 │ 逾期 │", lines);
        Assert.Contains("恢复正常需还：10,647.05", lines);
        Assert.Contains("逾期天数：30（自 2024-04-20 起逾期 1 期）", lines);
        Assert.Contains("逾期 1 期（自 2024-04-20 起）：本息 5,307.27，另加罚息 7.50 和复利 25.01；逾期 30 天；关注。", lines);
        Assert.Contains("今天（2024-05-20）还 10,647.05 即恢复正常。", lines);
        Assert.Contains("如不还款，账户将于 2024-07-20 转为次级。", lines);
        Assert.Contains("今天一次还清全部贷款：1,008,194.18。", lines);
    }

    [Fact]
    public void Markdown_in_Chinese()
    {
        string text = CliRunner.Run(CliRunner.Tv1With("--format", "markdown", "--lang", "zh-CN")).Stdout;
        Assert.Contains("| 期数 | 还款日期 | 年利率 (%) | 期初本金 | 月供 | 本金 | 利息 | 剩余本金 |\n", text, StringComparison.Ordinal);
        Assert.Contains("| **合计** | | | | **1,910,615.12** |", text, StringComparison.Ordinal);
        Assert.Contains("- 月供（等额本息月供，舍入）：5,307.27\n", text, StringComparison.Ordinal);
    }
}

/// <summary>The Chinese output docs/cli.md shows ("Language: --lang and --headers") is what the tool prints.</summary>
public class ChineseDocsTests
{
    private static string Section()
    {
        string cli = File.ReadAllText(Path.Combine(SpecFiles.ExamplesDirectory(), "..", "cli.md")).ReplaceLineEndings("\n");
        int start = cli.IndexOf("## Language: `--lang` and `--headers`", StringComparison.Ordinal);
        Assert.True(start >= 0);
        return cli[start..cli.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
    }

    private static List<string> Blocks(string section)
    {
        var blocks = new List<string>();
        for (int at = section.IndexOf("```text\n", StringComparison.Ordinal); at >= 0; at = section.IndexOf("```text\n", at, StringComparison.Ordinal))
        {
            int start = at + "```text\n".Length;
            int end = section.IndexOf("```", start, StringComparison.Ordinal);
            blocks.Add(section[start..end]);
            at = end + 3;
        }

        return blocks;
    }

    [Fact]
    public void The_examples_are_what_the_tool_prints()
    {
        List<string> blocks = Blocks(Section());
        Assert.Equal(4, blocks.Count);
        string table = CliRunner.Run(CliRunner.Tv1With("--lang", "zh-CN")).Stdout;
        Assert.StartsWith(blocks[0], table, StringComparison.Ordinal);
        Assert.EndsWith(blocks[1], table, StringComparison.Ordinal);
        Assert.Equal(blocks[2], CliRunner.Run("schedule", "--principal", "1000000", "--rate", "4.9", "--years", "30", "--lang", "zh-CN").Stderr);
        Assert.StartsWith(blocks[3], CliRunner.Run(CliRunner.Tv1With("--format", "csv", "--headers", "zh-CN")).Stdout, StringComparison.Ordinal);
    }
}
