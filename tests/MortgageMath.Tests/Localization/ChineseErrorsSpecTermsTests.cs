using MortgageMath.Analytics;
using MortgageMath.Servicing;
using MortgageMath.Tests.Cli;
using NodaTime;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// The spec-text parsers' descriptions in Chinese (issue 15): what a text should be ("a penalty rate"), what a term
/// needs ("the markup on the contract rate") and what a value is ("the first date of the cycle") are resources looked
/// up only when a text is refused, so a Chinese error reads as one Chinese sentence around the names the user typed;
/// and the tool's last English error lines (an output file that cannot be written, a book's duplicate id, a
/// <c>--option</c> of prepay). Each is checked word for word, with its English line pinned beside it.
/// </summary>
public partial class ChineseErrorsSpecsTests
{
    private static string English(Action action) => In("en-US", () => FirstLine(Assert.ThrowsAny<Exception>(action).Message));

    // ---- spec-text terms ---------------------------------------------------------------------------------------

    [Fact]
    public void A_penalty_rate_with_too_many_values_is_refused_in_Chinese()
    {
        string zh = Chinese(() => PenaltyRate.Parse("markup(1,2)"));
        Assert.Equal("'markup(1,2)' 不是有效的罚息利率：markup 接受 1 个值，例如 markup(50%)；实际给出 2 个。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'markup(1,2)' is not a penalty rate: markup takes 1 value, e.g. markup(50%); was given 2.", English(() => PenaltyRate.Parse("markup(1,2)")));
    }

    [Fact]
    public void A_penalty_rate_without_its_value_names_what_it_needs_in_Chinese()
    {
        string zh = Chinese(() => PenaltyRate.Parse("plus"));
        Assert.Equal("'plus' 不是有效的罚息利率：plus 需要在合同利率基础上的加点，例如 plus(300bp)。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'plus' is not a penalty rate: plus needs the spread over the contract rate, e.g. plus(300bp).", English(() => PenaltyRate.Parse("plus")));
    }

    [Fact]
    public void An_unknown_repayment_method_is_refused_in_Chinese()
    {
        string zh = Chinese(() => RepaymentMethod.Parse("bullet"));
        Assert.Equal("'bullet' 不是有效的还款方式：请写 equal-installment、equal-principal、balloon(N) 或 interest-first(N[, 之后的还款方式[, 每期最低还本金额]])。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'bullet' is not a repayment method: write equal-installment, equal-principal, balloon(N) or interest-first(N[, then[, minimum principal]]).",
            English(() => RepaymentMethod.Parse("bullet")));
    }

    [Fact]
    public void A_repayment_method_value_that_is_not_a_number_is_named_in_Chinese()
    {
        string zh = Chinese(() => RepaymentMethod.Parse("balloon(ten)"));
        Assert.Equal("'balloon(ten)' 不是有效的还款方式：'ten' 不是整数（摊还期数）。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'balloon(ten)' is not a repayment method: 'ten' is not a whole number (the amortization term in periods).",
            English(() => RepaymentMethod.Parse("balloon(ten)")));
    }

    [Fact]
    public void A_repricing_rule_with_a_bad_date_is_refused_in_Chinese()
    {
        string zh = Chinese(() => RepricingRule.Parse("every-months(6, 2024-13-01)"));
        Assert.Equal("'every-months(6, 2024-13-01)' 不是有效的重定价规则：'2024-13-01' 不是 yyyy-MM-dd 格式的日期（重定价周期的起始日）。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'every-months(6, 2024-13-01)' is not a repricing rule: '2024-13-01' is not a date yyyy-MM-dd (the first date of the cycle).",
            English(() => RepricingRule.Parse("every-months(6, 2024-13-01)")));
    }

    [Fact]
    public void A_repricing_rule_without_its_cycle_names_what_it_needs_in_Chinese()
    {
        string zh = Chinese(() => RepricingRule.Parse("every-months"));
        Assert.Equal("'every-months' 不是有效的重定价规则：every-months 需要重定价周期月数，例如 every-months(6, 2024-01-15)。", zh);
        NoEnglishSentence(zh);
    }

    [Fact]
    public void A_prepayment_penalty_names_the_loan_year_and_both_examples_in_Chinese()
    {
        string zh = Chinese(() => PrepaymentPenalty.Parse("percent-of-amount-by-year(3%, x(1))"));
        Assert.Equal("'percent-of-amount-by-year(3%, x(1))' 不是有效的提前还款违约金规则：'x(…)' 不是贷款第 2 年的比例。", zh);
        NoEnglishSentence(zh);
        Assert.Equal("'percent-of-amount-by-year(3%, x(1))' is not a prepayment penalty: 'x(…)' is not loan year 2.",
            English(() => PrepaymentPenalty.Parse("percent-of-amount-by-year(3%, x(1))")));

        string needs = Chinese(() => PrepaymentPenalty.Parse("months-of-interest()"));
        Assert.Equal("'months-of-interest()' 不是有效的提前还款违约金规则：months-of-interest 需要利息月数，例如 months-of-interest(3) 或 months-of-interest(1, 1)。", needs);
        NoEnglishSentence(needs);
        Assert.Equal("'months-of-interest()' is not a prepayment penalty: months-of-interest needs the number of months, e.g. months-of-interest(3) or months-of-interest(1, 1).",
            English(() => PrepaymentPenalty.Parse("months-of-interest()")));
    }

    [Fact]
    public void A_late_fee_and_a_prepayment_option_are_refused_in_Chinese()
    {
        string fee = Chinese(() => LateFee.Parse("percent(5%, lots)"));
        Assert.Equal("'percent(5%, lots)' 不是有效的滞纳金规则：'lots' 不是金额（滞纳金上限）；请写普通数字，例如 1 或 0.50。", fee);
        NoEnglishSentence(fee);

        string option = Chinese(() => PrepaymentOption.Parse("new-term(x)"));
        Assert.Equal("'new-term(x)' 不是有效的提前还款方式：'x' 不是整数（剩余期数）。", option);
        NoEnglishSentence(option);
    }

    [Fact]
    public void A_cash_flow_outside_the_iso_calendar_is_named_in_Chinese()
    {
        (LocalDate, decimal)[] flows = [(new LocalDate(2024, 1, 1), -100m), (new LocalDate(2025, 1, 1, CalendarSystem.Julian), 110m)];
        string zh = Chinese(() => CashFlows.Xnpv(0.1m, flows));
        Assert.StartsWith("日期必须使用 ISO 历法；现金流 1 的日期 2025-01-01 使用的是 Julian 历法", zh, StringComparison.Ordinal);
        NoEnglishSentence(zh);
        Assert.StartsWith("Dates must be in the ISO calendar; flow 1 on 2025-01-01 is in the Julian calendar", English(() => CashFlows.Xnpv(0.1m, flows)), StringComparison.Ordinal);
    }

    // ---- the tool ----------------------------------------------------------------------------------------------

    [Fact]
    public void An_output_that_cannot_be_written_is_reported_in_Chinese_by_whole_and_streamed_writes_alike()
    {
        string target = Path.Combine(Path.GetTempPath(), "l10n-" + Guid.NewGuid().ToString("N"), "missing", "out.csv");
        string reason = $"Could not find a part of the path '{target}'."; // .NET's own text (not translated here)

        CliResult whole = CliRunner.Run(CliRunner.Tv1With("--lang", "zh-CN", "--format", "csv", "--output", target));
        Assert.Equal(1, whole.ExitCode);
        string line = Assert.Single(whole.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: 无法写入输出文件 '{target}'：{reason}", line);
        Assert.DoesNotContain("could not write", line, StringComparison.Ordinal);

        CliResult streamed = CliRunner.Run("book", "sample", "--lang", "zh-CN", "--count", "2", "--output", target);
        Assert.Equal(1, streamed.ExitCode);
        Assert.Equal(line, Assert.Single(streamed.Stderr.TrimEnd('\n').Split('\n')));

        CliResult english = CliRunner.Run("book", "sample", "--lang", "en", "--count", "2", "--output", target);
        Assert.Equal($"error: could not write the output '{target}': {reason}\n", english.Stderr);
    }

    [Fact]
    public void A_book_with_an_id_used_twice_is_reported_in_Chinese()
    {
        string examples = Path.Combine(SpecFiles.ExamplesDirectory(), "verify");
        string first = File.ReadLines(Path.Combine(examples, "book.jsonl")).First();
        string book = SpecFiles.Write(first + "\n" + first + "\n", ".jsonl");

        CliResult result = CliRunner.Run("verify", "--lang", "zh-CN", "--book", book, "--schedules", Path.Combine(examples, "schedules"));

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: 1 笔贷款无法核对；第一笔：L001: {book} 第 2 行：id 'L001' 在贷款簿中重复出现。", line);
        NoEnglishSentence(line);
        Assert.Contains("贷款 L001：ERROR", result.Stdout, StringComparison.Ordinal); // the verdict word stays English

        CliResult english = CliRunner.Run("verify", "--lang", "en", "--book", book, "--schedules", Path.Combine(examples, "schedules"));
        Assert.Equal($"error: 1 loan(s) could not be checked; the first: L001: {book} line 2: the id 'L001' is used twice in the book.\n", english.Stderr);
    }

    [Fact]
    public void A_schedule_with_rows_of_a_loan_the_book_lacks_is_reported_in_Chinese()
    {
        string examples = Path.Combine(SpecFiles.ExamplesDirectory(), "verify");
        string first = File.ReadLines(Path.Combine(examples, "book.jsonl")).First();
        string book = SpecFiles.Write(first + "\n", ".jsonl");
        string all = Path.Combine(examples, "all.csv");

        CliResult result = CliRunner.Run("verify", "--lang", "zh-CN", "--book", book, "--schedule", all, "--id-column", "loan_id");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: 2 笔贷款无法核对；第一笔：L002: {all}：有贷款 'L002' 的行，但贷款簿中没有这笔贷款。", line);
        NoEnglishSentence(line);
    }

    [Fact]
    public void An_option_given_with_a_spec_is_refused_in_Chinese()
    {
        string spec = Path.Combine(SpecFiles.ExamplesDirectory(), "fixed-tv1.json");
        CliResult result = CliRunner.Run("schedule", "--lang", "zh-CN", "--spec", spec, "--principal", "500000");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: --principal 不能与 --spec 同时使用：spec 文件已描述整笔贷款；请在文件中修改贷款（见 docs/loan-spec.md）。", line);
        NoEnglishSentence(line);
    }

    [Fact]
    public void A_prepay_option_that_is_not_one_is_refused_in_Chinese()
    {
        CliResult result = CliRunner.Run("prepay", "--lang", "zh-CN", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20",
            "--date", "2025-03-20", "--amount", "200000", "--option", "new-term:ten");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: --option 'new-term:ten'：'ten' 不是整数；请写 new-term:N，例如 new-term:120。", line);
        NoEnglishSentence(line);
    }
}
