using System.Globalization;
using System.Text.RegularExpressions;
using MortgageMath.Tests.Cli;
using NodaTime;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// The library's argument and validation errors in Chinese (Resources/LibraryText <c>Valid_*</c>, docs/localization.md):
/// one representative failure of each folder, read under a Chinese UI culture, gives the Chinese sentence with its
/// figures written invariantly and no English sentence left; the exception's type and data (ParamName, ActualValue,
/// event index) do not change with the language. The English messages are pinned, unchanged, by each folder's own tests.
/// </summary>
public partial class ChineseErrorsLibraryTests
{
    private static readonly LocalDate Start = new(2024, 3, 20);

    /// <summary>TV-1: 1,000,000 at 4.9% over 360 months, disbursed 2024-03-20 (last due date 2054-03-20).</summary>
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, Start);

    /// <summary>Runs <paramref name="action"/> with the UI culture set to <paramref name="culture"/> (restored after) and returns what it throws.</summary>
    private static T Throws<T>(string culture, Action action)
        where T : Exception => UiCulture.In(culture, () => Assert.Throws<T>(action));

    private static T Chinese<T>(Action action)
        where T : Exception => Throws<T>("zh-CN", action);

    /// <summary>The message without the runtime's " (Parameter 'x')" and "Actual value was" additions.</summary>
    private static string Text(Exception e)
    {
        string message = e.Message;
        int end = message.IndexOfAny(['\r', '\n']);
        message = end >= 0 ? message[..end] : message;
        int tail = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return tail >= 0 ? message[..tail] : message;
    }

    /// <summary>Two English words in a row outside quotes ("must be", "The loan") would be an English sentence left over;
    /// names a user types (spec names, option values, quoted values) may stay.</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+ [a-z]{2,}\b")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex Quoted();

    private static void AssertChinese(string expected, Exception e)
    {
        string text = Text(e);
        Assert.Equal(expected, text);
        Match english = EnglishWords().Match(Quoted().Replace(text, ""));
        Assert.False(english.Success, $"English left in \"{text}\": \"{english.Value}\"");
    }

    // ------------------------------------------------------------------ Loans/

    [Fact]
    public void Loans_a_policy_out_of_range_keeps_its_parameter_and_value()
    {
        var e = Chinese<ArgumentOutOfRangeException>(() => _ = Tv1 with { RateChangeInterest = (RateChangeInterest)9 });
        AssertChinese("利率变动当期的计息方式必须是 SplitByActualDays 或 NewRateForWholePeriod；实际为 9。", e);
        Assert.Equal(nameof(Loan.RateChangeInterest), e.ParamName);
        Assert.Equal((RateChangeInterest)9, e.ActualValue);
    }

    [Fact]
    public void Loans_combined_loan_legs()
    {
        AssertChinese("有两个分项都名为 '商贷'（名称比较不区分大小写）；每个分项须有自己的名称。",
            Chinese<ArgumentException>(() => _ = new CombinedLoan(new LoanLeg("商贷", Tv1), new LoanLeg("商贷", Tv1))));
        var combined = new CombinedLoan(new LoanLeg("commercial", Tv1), new LoanLeg("provident-fund", Tv1));
        AssertChinese("没有名为 'fund' 的分项；现有分项为 'commercial'、'provident-fund'。",
            Chinese<ArgumentException>(() => combined.WithLeg("fund", l => l)));
        AssertChinese("组合贷款至少需要一个分项；实际没有。", Chinese<ArgumentException>(() => _ = new CombinedLoan()));
    }

    [Fact]
    public void Loans_repayment_methods()
    {
        AssertChinese("摊还期数必须在 1 到 600 期之间；实际为 0。", Chinese<ArgumentOutOfRangeException>(() => RepaymentMethod.Balloon(0)));
        AssertChinese("只还利息期结束后，贷款必须按等额本息或等额本金摊还；实际为 balloon(240)。",
            Chinese<ArgumentException>(() => RepaymentMethod.InterestFirst(12, RepaymentMethod.Balloon(240))));
        AssertChinese("气球贷的摊还期数（240 期）不能少于贷款期数（360 期）。",
            Chinese<ArgumentException>(() => (Tv1 with { Method = RepaymentMethod.Balloon(240) }).BuildSchedule()));

        // The reason of a parse error is Chinese; the frame around it ("'…' is not a repayment method: …") is Specs/SpecText's.
        FormatException parse = Chinese<FormatException>(() => RepaymentMethod.Parse("bullet"));
        Assert.Contains("请写 equal-installment、equal-principal、balloon(N) 或 interest-first(N[, 之后的还款方式[, 每期最低还本金额]])", parse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loans_the_purchase_split()
    {
        var e = Chinese<ArgumentOutOfRangeException>(() => CombinedLoan.SplitPurchase(1_000_000m, 1_000_000m,
            new ProvidentFundCap(50_000m, 10m, 600_000m), Tv1, Tv1));
        AssertChinese("首付款必须不小于 0 且小于房价 1000000；实际为 1000000。", e);
        Assert.Equal("downPayment", e.ParamName);
    }

    // ------------------------------------------------------------------ Amortization/ and events

    [Fact]
    public void Amortization_a_holiday_off_a_due_date_names_the_event()
    {
        Loan loan = Tv1 with { Events = [PaymentHoliday.On(new LocalDate(2024, 5, 21), SkippedInterest.Capitalized)] };
        var e = Chinese<LoanEventException>(() => loan.BuildSchedule());
        AssertChinese("还款假期须落在最后一个还款日（2054-03-20）之前的某个还款日，且同一日只能有一次；2024-05-21 不符合。", e);
        Assert.Equal(0, e.EventIndex);
    }

    [Fact]
    public void Amortization_an_extension_beyond_the_general_loan_rules_quotes_the_event_in_Chinese()
    {
        Loan loan = Tv1 with { Events = [TermChange.Extend(new LocalDate(2025, 3, 20), 48)] };
        var e = Chinese<TermExtensionException>(() => loan.BuildSchedule());
        AssertChinese("“2025-03-20 调整期限：延长 48 期”使贷款累计展期 48 期；按《贷款通则》第十二条，原期限 360 期的贷款最多展期 36 期"
            + "（原期限 12 个月以内的不超过原期限，12 至 60 个月的不超过原期限的一半，60 个月以上的不超过 36 个月）。", e);
        Assert.Equal((ExtensionLimit.GeneralLoanRules, 36, 48), (e.Limit, e.MaximumPeriods, e.RequestedPeriods));
    }

    [Fact]
    public void Amortization_a_prepayment_in_the_lock_in_keeps_the_rule_name()
    {
        Loan loan = Tv1 with
        {
            PrepaymentRules = new PrepaymentRules { AllowedAfterMonths = 12 },
            Events = [Prepayment.Partial(new LocalDate(2024, 9, 20), 100_000m, PrepaymentOption.ShortenTerm)],
        };
        var e = Chinese<PrepaymentRuleViolationException>(() => loan.BuildSchedule());
        AssertChinese("自 2025-03-20 起（放款后 12 个月）方可提前还款；本次提前还款日为 2024-09-20。", e);
        Assert.Equal("prepayment lock-in", e.Rule);
    }

    // ------------------------------------------------------------------ Rates/

    [Fact]
    public void Rates_reading_and_ranges()
    {
        AssertChinese("'4.9' 没有单位；请写 4.9% 或 490bp。", Chinese<FormatException>(() => Rate.Parse("4.9")));
        AssertChinese("'-30' 没有单位；请写 -30bp 或 -0.3%。", Chinese<FormatException>(() => Spread.Parse("-30")));
        AssertChinese("重定价周期必须在 1 到 120 个月之间；实际为 0。", Chinese<ArgumentOutOfRangeException>(() => RepricingRule.EveryMonths(0)));
        AssertChinese("'x' 不是利率浮动系数；请写 x1.1（上浮 10%）或 x0.9（九折）。", Chinese<FormatException>(() => RateMultiplier.Parse("x")));
    }

    [Fact]
    public void Rates_a_rate_file()
    {
        AssertChinese("第 1 行：表头必须恰好是 'index,effective_date,rate_pct,source'；实际为 'index,date'。",
            Chinese<FormatException>(() => RateTable.Parse(new StringReader("index,date\n"))));
        AssertChinese("第 2 行 rate_pct 列：'4,2' 不是形如 4.2 的数字（以百分数表示的利率，小数点用 '.'）。",
            Chinese<FormatException>(() => RateTable.Parse(new StringReader("index,effective_date,rate_pct,source\nlpr5y,2024-02-20,\"4,2\",PBoC\n"))));
        string missing = Path.Combine(Path.GetTempPath(), "no-such-rate-file-" + Guid.NewGuid().ToString("N") + ".csv");
        AssertChinese(missing + "：文件不存在。", Chinese<FileNotFoundException>(() => RateTable.Load(missing)));
    }

    [Fact]
    public void Rates_a_missing_fixing_says_what_to_do()
    {
        RateTable empty = RateTable.Parse(new StringReader("index,effective_date,rate_pct,source\n"), new LocalDate(2030, 1, 1));
        Loan floating = Tv1 with { RatePlan = RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(60m), RepricingRule.EveryJanuary1), Rates = empty };
        var e = Chinese<MissingRateFixingException>(() => floating.BuildSchedule());
        Assert.Equal(MissingFixingReason.UnknownIndex, e.Reason);
        AssertChinese($"{e.Problem}；请添加这些报价（RateTable.WithFixing），或加载包含它们的利率表（RateTable.Load）。", e);
        Assert.EndsWith("适用的 lpr5y 报价：利率表中没有任何 lpr5y 报价（现有：无）", e.Problem, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ Prepayment/

    [Fact]
    public void Prepayment_penalties_rules_and_amounts()
    {
        AssertChinese("违约金的利息月数必须在 1 到 24 之间；实际为 25。", Chinese<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(25)));
        AssertChinese("提前还款锁定期必须在 0 到 600 个月之间；实际为 601。", Chinese<ArgumentOutOfRangeException>(() => _ = new PrepaymentRules { AllowedAfterMonths = 601 }));
        AssertChinese("提前还款金额必须大于 0 且不超过 1,000,000,000,000；实际为 0。",
            Chinese<ArgumentOutOfRangeException>(() => Prepayment.Partial(new LocalDate(2025, 3, 20), 0m, PrepaymentOption.ShortenTerm)));
    }

    // ------------------------------------------------------------------ Servicing/

    private static readonly Loan Small = new(1_200m, Rate.Percent(12m), 12, new LocalDate(2025, 1, 15));

    [Fact]
    public void Servicing_a_payment_before_the_disbursement_keeps_its_data()
    {
        var e = Chinese<PaymentRecordException>(() => Small.Account([new ReceivedPayment(new LocalDate(2025, 1, 1), 100m)], new LocalDate(2025, 3, 1)));
        AssertChinese("2025-01-01 的还款 100 早于放款日 2025-01-15。", e);
        Assert.Equal((0, PaymentProblem.BeforeDisbursement, "payments"), (e.PaymentIndex, e.Problem, e.ParamName));
    }

    [Fact]
    public void Servicing_policy_parts()
    {
        AssertChinese("宽限期天数必须在 0 到 365 之间；实际为 400。", Chinese<ArgumentOutOfRangeException>(() => _ = OverduePolicy.China with { GraceDays = 400 }));
        AssertChinese("罚息利率不能低于 0%；实际为 -1%。", Chinese<ArgumentOutOfRangeException>(() => PenaltyRate.Fixed(Rate.Percent(-1m))));
        AssertChinese("滞纳金金额必须在 0 到 1000000000000 之间；实际为 -1。", Chinese<ArgumentOutOfRangeException>(() => LateFee.FlatAmount(-1m)));
        AssertChinese("还款金额必须大于 0 且不超过 1000000000000；实际为 0。", Chinese<ArgumentOutOfRangeException>(() => _ = new ReceivedPayment(new LocalDate(2025, 2, 15), 0m)));
        AssertChinese("'tier-5' 不是风险分类方案；请写 china-2023、bank-warning-levels 或 us-delinquency。",
            Chinese<ArgumentOutOfRangeException>(() => RiskClassification.Preset("tier-5")));
    }

    [Fact]
    public void Servicing_an_allocation_order_lists_what_to_write_in_Chinese()
    {
        string text = Text(Chinese<FormatException>(() => AllocationOrder.Parse("order(fees, interest, principal, fines)")));
        Assert.Equal("'order(fees, interest, principal, fines)' 不是还款冲抵顺序：'fines' 不是冲抵项目；"
            + "请写 fees、penalty-interest、compound-interest、interest 或 principal。", text);
        string preset = Text(Chinese<FormatException>(() => AllocationOrder.Parse("first")));
        Assert.StartsWith("'first' 不是还款冲抵顺序：请写 ", preset, StringComparison.Ordinal);
        Assert.EndsWith(" 或 order(fees, penalty-interest, compound-interest, interest, principal; oldest-instalment-first)。", preset, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ Restructuring/, Affordability/, Statements/, Money/

    [Fact]
    public void Restructuring_events()
    {
        var on = new LocalDate(2025, 3, 20);
        AssertChinese("剩余期数必须在 1 到 600 之间；实际为 0。", Chinese<ArgumentOutOfRangeException>(() => TermChange.To(on, 0)));
        AssertChinese("还款日必须在 1 到 28 之间；实际为 29。", Chinese<ArgumentOutOfRangeException>(() => RepaymentDayChange.From(on, 29)));
        AssertChinese("延期还款可移动 1 到 3 期（该产品的上限）；实际为 5。", Chinese<ArgumentOutOfRangeException>(() => PaymentDeferral.Of(on, 5, 3)));
    }

    [Fact]
    public void Affordability_households_and_policies()
    {
        var e = Chinese<ArgumentOutOfRangeException>(() => _ = new Borrower(12_000m, 10));
        AssertChinese("年龄必须在 18 到 100 之间；实际为 10。", e);
        Assert.Equal(("Age", (object?)10), (e.ParamName, e.ActualValue));
        AssertChinese("月收入必须在 0 到 1,000,000,000,000 之间；实际为 -1。", Chinese<ArgumentOutOfRangeException>(() => _ = new Borrower(-1m, 35)));
        AssertChinese("家庭至少需要一名借款人；实际没有。", Chinese<ArgumentException>(() => _ = new Household()));
        string text = Text(Chinese<ArgumentException>(() => AffordabilityPolicy.ChinaCommercial.Replace("dti", AffordabilityRule.MaxTerm("dti", 25, "a bank's own limit"))));
        Assert.StartsWith("政策 'China commercial' 中没有名为 'dti' 的规则；其规则为 housing-ratio、", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_years()
    {
        Schedule schedule = Tv1.BuildSchedule();
        AssertChinese("纳税年度必须在 2024 年至 2054 年之间（还款计划涵盖的年份）；实际为 2060。",
            Chinese<ArgumentOutOfRangeException>(() => schedule.HousingLoanInterestDeduction(2060)));
        AssertChinese("年份必须在 2024 年至 2054 年之间（还款计划涵盖的年份）；实际为 2000。",
            Chinese<ArgumentOutOfRangeException>(() => schedule.YearSummary(2000)));
    }

    [Fact]
    public void Money_percentages_and_rounding()
    {
        AssertChinese("'3' 没有单位；请写 3%。", Chinese<FormatException>(() => Percentage.Parse("3")));
        AssertChinese("百分比必须在 0% 到 100% 之间；实际为 300%。", Chinese<ArgumentOutOfRangeException>(() => Percentage.Percent(300m)));
    }

    [Fact]
    public void The_English_texts_are_unchanged_and_the_data_does_not_depend_on_the_language()
    {
        var english = Throws<PaymentRecordException>("en-US", () => Small.Account([new ReceivedPayment(new LocalDate(2025, 1, 1), 100m)], new LocalDate(2025, 3, 1)));
        var chinese = Chinese<PaymentRecordException>(() => Small.Account([new ReceivedPayment(new LocalDate(2025, 1, 1), 100m)], new LocalDate(2025, 3, 1)));
        Assert.Equal("The payment of 100 on 2025-01-01 is dated before the disbursement on 2025-01-15.", Text(english));
        Assert.Equal((english.ParamName, english.ActualValue, english.PaymentIndex, english.PaymentDate), (chinese.ParamName, chinese.ActualValue, chinese.PaymentIndex, chinese.PaymentDate));
        var combined = new CombinedLoan(new LoanLeg("commercial", Tv1), new LoanLeg("provident-fund", Tv1));
        Assert.Equal("No leg is named 'fund'; the legs are 'commercial', 'provident-fund'.", Text(Throws<ArgumentException>("en-US", () => combined.WithLeg("fund", l => l))));
        Assert.Equal("A rate must be between -1000% and 1000%; was 1001%.", Text(Throws<ArgumentOutOfRangeException>("en-US", () => Rate.Percent(1001m))));
        // zh-TW (Traditional) falls back to English, as every other culture without a translation does.
        Assert.Equal("The months of interest must be between 1 and 24; was 25.", Text(Throws<ArgumentOutOfRangeException>("zh-TW", () => PrepaymentPenalty.MonthsOfInterest(25))));
    }

    // ------------------------------------------------------------------ the tool

    public static TheoryData<string, string> ToolErrors => new()
    {
        { """, "events": [ { "type": "prepayment", "date": "2025-03-20", "amount": 200000, "option": { "new_term_months": 0 } } ]""", "新期限必须在 1 到 600 期之间；实际为 0。" },
        { """, "events": [ { "type": "payoff", "date": "2025-04-08" }, { "type": "prepayment", "date": "2025-06-20", "amount": 100, "option": "lower-payment" } ]""", "2025-06-20 的提前还款晚于贷款还清日 2025-04-08。" },
        { """, "method": { "type": "balloon", "amortization_months": 240 } """, "气球贷的摊还期数（240 期）不能少于贷款期数（360 期）。" },
        { """, "prepayment_penalty": { "type": "months-of-interest", "months": 30 } """, "违约金的利息月数必须在 1 到 24 之间；实际为 30。" },
        { """, "events": [ { "type": "payment-holiday", "date": "2024-05-21", "skipped_interest": "capitalized" } ]""", "还款假期须落在最后一个还款日（2054-03-20）之前的某个还款日，且同一日只能有一次；2024-05-21 不符合。" },
    };

    /// <summary>The tool quotes the library's message after the spec path (<c>error: $.events[0]: …</c>) in the run's language.</summary>
    [Theory]
    [MemberData(nameof(ToolErrors))]
    public void The_tool_prints_the_library_error_in_Chinese(string extra, string expectedEnd)
    {
        string spec = SpecFiles.Write($$"""
            { "version": 2, "principal": 1000000, "disbursement": "2024-03-20", "years": 30,
              "rate": { "type": "fixed", "annual": "4.9%" }{{extra}} }
            """);
        CliResult result = CliRunner.Run("schedule", "--lang", "zh-CN", "--spec", spec, "--format", "csv");
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: $.", line, StringComparison.Ordinal);
        Assert.EndsWith(expectedEnd, line, StringComparison.Ordinal);
    }
}
