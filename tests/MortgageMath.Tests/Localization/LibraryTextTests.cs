using System.Globalization;
using static MortgageMath.Tests.Affordability.AffordabilitySupport;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// The library's explanatory texts follow <see cref="CultureInfo.CurrentUICulture"/> (docs/localization.md): the
/// TV-1 affordability figures of <c>AffordabilityPolicyTests</c> (5,307.27 on an income of 12,000: 44.23% against
/// 50%), explained in Chinese, with the same numbers written the same way.
/// </summary>
public class LibraryTextTests
{
    private static T In<T>(string culture, Func<T> make) => UiCulture.In(culture, make);

    [Fact]
    public void Restructuring_events_describe_themselves_in_the_readers_language()
    {
        var on = new NodaTime.LocalDate(2025, 3, 20);
        RestructuringEvent[] events =
        [
            TermChange.Extend(on, 36), TermChange.To(on, 264), MethodChange.To(on, RepaymentMethod.EqualInstallment),
            RepaymentDayChange.From(on, 5), InterestOnlyPeriod.From(on, 6), InterestOnlyPeriod.From(on, 6, 500m, InterestOnlyResume.ToMaturity),
            ArrearsCapitalization.On(on, 13_088.88m), PaymentDeferral.Of(on, 3),
        ];

        Assert.Equal(
            [
                "term change 2025-03-20: extend by 36", "term change 2025-03-20: 264 periods left", "method change 2025-03-20: equal-installment",
                "repayment day change 2025-03-20: day 5", "interest only 2025-03-20: 6 payments, then over the remaining term",
                "interest only 2025-03-20: 6 payments with 500 principal, then to the maturity", "arrears capitalization 2025-03-20: 13088.88",
                "payment deferral 2025-03-20: 3 payments to the last row",
            ],
            In("en-US", () => events.Select(e => e.ToString()!).ToArray()));
        Assert.Equal(
            [
                "2025-03-20 调整期限：延长 36 期", "2025-03-20 调整期限：剩余 264 期", "2025-03-20 变更还款方式：等额本息",
                "2025-03-20 变更还款日：每月 5 日", "2025-03-20 只还利息：6 期，之后在剩余期限内摊还",
                "2025-03-20 只还利息：6 期（每期至少还本金 500），之后至原到期日摊还", "2025-03-20 欠款资本化：13088.88",
                "2025-03-20 延期还款：3 期移至最后一期",
            ],
            In("zh-CN", () => events.Select(e => e.ToString()!).ToArray()));
    }

    [Fact]
    public void Rate_plans_describe_themselves_in_the_readers_language()
    {
        RatePlan floating = RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(60m), RepricingRule.EveryJanuary1, Rate.Percent(3m));
        RatePlan stepped = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.1m)), 36,
            RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.Parse("every-months(6, 2024-01-15)")));

        Assert.Equal("lpr5y +60bp, repriced every 1 January, floor 3%", In("en-US", floating.ToString));
        Assert.Equal("lpr5y +60bp，每年 1 月 1 日重定价，下限 3%", In("zh-CN", floating.ToString));
        Assert.Equal("fixed 3.1% for 36 periods, then lpr5y -30bp, repriced every 6 months from 2024-01-15", In("en-US", stepped.ToString));
        Assert.Equal("前 36 期 固定利率 3.1%，之后 lpr5y -30bp，自 2024-01-15 起每 6 个月重定价", In("zh-CN", stepped.ToString));
        // The canonical rule text, which specs hold and Parse reads, never changes.
        Assert.Equal("january-1", In("zh-CN", RepricingRule.EveryJanuary1.ToString));
    }

    [Fact]
    public void A_built_in_policy_has_a_display_name_in_the_readers_language_and_keeps_its_name()
    {
        AffordabilityPolicy replaced = AffordabilityPolicy.ChinaCommercial.Replace("max-term", AffordabilityRule.MaxTerm("max-term", 25, "a bank's own limit"));
        Assert.Equal(("中国商业贷款", "中国住房公积金贷款", "美国合格抵押贷款", "中国商业贷款"), In("zh-CN", () => (AffordabilityPolicy.ChinaCommercial.DisplayName,
            AffordabilityPolicy.ChinaProvidentFund(15m, 1_200_000m).DisplayName, AffordabilityPolicy.UsQualifiedMortgage.DisplayName, replaced.DisplayName)));
        Assert.Equal("China commercial", In("zh-CN", () => AffordabilityPolicy.ChinaCommercial.Name));
        Assert.Equal("China commercial", In("en-US", () => AffordabilityPolicy.ChinaCommercial.DisplayName));
        var own = new AffordabilityPolicy("我行标准", AffordabilityRule.MaxTerm("max-term", 25, "a bank's own limit"));
        Assert.Equal("我行标准", In("en-US", () => own.DisplayName));
    }

    [Fact]
    public void An_affordability_report_explained_in_Chinese()
    {
        AffordabilityReport report = In("zh-CN", () => AffordabilityPolicy.ChinaCommercial.Evaluate(Single(12_000m), Tv1, new Purchase(1_300_000m, 300_000m)));

        Assert.Equal("住房月供 5,307.27 占收入 12,000.00 的 44.23%；上限为 50%，即最多 6,000.00；余量 5.77 个百分点（692.73）",
            report.Result("housing-ratio").Explanation);
        Assert.Equal("贷款期限 360 个月（30 年）；上限为 30 年；余量 0 年", report.Result("max-term").Explanation);
        Assert.Equal("按 中国商业贷款 批准：5 条规则通过", In("zh-CN", () => report.Verdict));
        Assert.Equal("最高的计划月供为第 1 期（2024-04-20）的 5,307.27，即首期月供", In("zh-CN", () => report.HighestPayment.Description));
        // The same report read in English: the verdict and the payment's description follow the reader's culture.
        Assert.Equal("approved under China commercial: 5 rules pass", In("en-US", () => report.Verdict));
        Assert.Equal("the highest scheduled payment is 5,307.27 in period 1 (2024-04-20), the first payment", In("en-US", () => report.HighestPayment.Description));
    }

    [Fact]
    public void A_failing_rule_and_its_description_in_Chinese()
    {
        AffordabilityReport report = In("zh-CN", () => AffordabilityPolicy.ChinaCommercial.Evaluate(Single(12_000m, debts: 2_000m), Tv1));

        Assert.Equal("全部债务月供 7,307.27（住房 5,307.27 + 其他债务 2,000.00） 占收入 12,000.00 的 60.89%；上限为 55%，即最多 6,600.00；超出 5.89 个百分点（707.27）",
            report.Result("debt-ratio").Explanation);
        Assert.Equal("按 中国商业贷款 拒绝：debt-ratio 未通过", In("zh-CN", () => report.Verdict));
        Assert.Equal("不适用：未给出购房信息（房价与首付）", report.Result("min-down-payment").Explanation);
        Assert.Equal("住房月供 + 其他债务月供 ≤ 月收入的 55%",
            In("zh-CN", () => AffordabilityPolicy.ChinaCommercial.Rules.Single(r => r.Name == "debt-ratio").Description));
    }

    [Fact]
    public void The_largest_loan_explained_in_Chinese()
    {
        AffordabilitySolution english = In("en-US", () => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, Single(12_000m), Tv1));
        AffordabilitySolution chinese = In("zh-CN", () => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, Single(12_000m), Tv1));

        Assert.Equal(english.Value, chinese.Value);
        Assert.Equal("the largest loan", english.Question);
        Assert.Equal("最高贷款额", chinese.Question);
        Assert.StartsWith("按 中国商业贷款，最高贷款额为 ", chinese.Explanation, StringComparison.Ordinal);
        Assert.Contains("则未通过 housing-ratio（住房月供 ", chinese.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classification_rule_in_Chinese()
    {
        ClassRule substandard = RiskClassification.China2023.Rules.Single(r => r.AtLeast == 91);
        Assert.StartsWith("逾期天数 ≥ 91 时为次级（", In("zh-CN", substandard.ToString), StringComparison.Ordinal);
        Assert.StartsWith("次级 when days past due ≥ 91 (", In("en-US", substandard.ToString), StringComparison.Ordinal);
    }

    [Fact]
    public void A_restructuring_and_an_account_in_Chinese()
    {
        // The extension of RestructuringComparisonTests (6,544.44 → 6,009.31, 228 → 264 periods left) and the overdue
        // TV-1 account of docs/servicing.md, read in each language; the figures are written the same.
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 240, new NodaTime.LocalDate(2024, 3, 20));
        Restructuring r = Restructuring.Compare(loan, TermChange.Extend(new NodaTime.LocalDate(2025, 3, 20), 36));
        string interest = "+" + r.InterestDifference.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"自 2025-03-20 起：月供 6544.44 → 6009.31，剩余期数 228 → 264，利息 {interest}", In("zh-CN", r.ToString));
        Assert.Equal($"from 2025-03-20: payment 6544.44 → 6009.31, 228 → 264 periods left, interest {interest}", In("en-US", r.ToString));

        LoanAccount account = Tv1.Account([], new NodaTime.LocalDate(2024, 5, 20));
        Assert.Equal("截至 2024-05-20：逾期欠款 10647.05（逾期 1 期，逾期 30 天，关注），还清 10647.05 即恢复正常，溢缴款 0.00", In("zh-CN", account.ToString));
        Assert.StartsWith("as of 2024-05-20: arrears 10647.05 (1 overdue, 30 days past due, 关注)", In("en-US", account.ToString), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_languages_fall_back_to_English()
    {
        AffordabilityReport report = In("fr-FR", () => AffordabilityPolicy.ChinaCommercial.Evaluate(Single(12_000m), Tv1));
        Assert.StartsWith("housing payment 5,307.27 is 44.23% of income 12,000.00", report.Result("housing-ratio").Explanation, StringComparison.Ordinal);
    }
}
