using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MortgageMath.Reports;
using MortgageMath.Specs;

namespace MortgageMath.Charts.Tests;

/// <summary>Charts and the report in Chinese: with the culture zh-CN (or any Simplified Chinese one) every text comes
/// from the zh-Hans resources (satellite assembly zh-Hans/MortgageMath.Charts.resources.dll), the figures stay the
/// same, and the text is drawn in the CJK font.</summary>
public sealed partial class ChineseTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly ChartOptions ChineseOptions = new() { Culture = Chinese };

    [Fact]
    public void A_chinese_balance_chart_has_the_chinese_title_axes_and_legend()
    {
        Chart chart = Samples.Tv1Schedule.Value.Chart(ChineseOptions).Balance();
        Assert.Equal("剩余本金", chart.Title);
        XDocument svg = XDocument.Parse(chart.ToSvg());
        List<string> texts = SvgTests.Texts(svg);
        Assert.Contains("剩余本金", texts);     // the title and the legend entry
        Assert.Contains("金额（CNY）", texts);
        Assert.Contains("日期", texts);
        Assert.Contains("1,000,000", texts);    // numbers are written the same way in every language
        Assert.DoesNotContain("Outstanding balance", texts);
        Assert.All(svg.Descendants(XNamespace.Get("http://www.w3.org/2000/svg") + "text"),
            t => Assert.Equal("Noto Sans CJK SC, sans-serif", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void Chinese_charts_name_the_series_as_a_loan_officer_does()
    {
        Assert.Equal(["利息", "本金"], Samples.Tv1Schedule.Value.Chart(ChineseOptions).PrincipalAndInterest().SeriesNames);
        Assert.Equal(["等额本息", "等额本金"], ScheduleChart.Methods(Samples.Tv1, ChineseOptions).CumulativeInterest().SeriesNames);
        Assert.Equal("累计利息", ScheduleChart.Methods(Samples.Tv1, ChineseOptions).CumulativeInterest().Title);
        Assert.Equal("利率与重新定价日", Samples.Floating().Chart(ChineseOptions).Rate().Title);
        IReadOnlyList<PrepaymentComparison> strategies = PrepaymentComparison.Strategies(Samples.Tv1, new NodaTime.LocalDate(2025, 3, 20), 200_000m);
        Assert.Equal(["不提前还款", "提前还款，减少月供", "提前还款，缩短期限", "提前还款，缩短期限（月供不变）"], strategies.Chart(ChineseOptions).Balance().SeriesNames);
        Assert.Equal(["Without prepayment", "Prepaid, lower-payment", "Prepaid, shorten-term", "Prepaid, shorten-term-keep-payment"], strategies.Chart().Balance().SeriesNames);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-SG")]
    public void Every_simplified_chinese_culture_finds_the_translation(string culture) =>
        Assert.Equal("剩余本金", Samples.Tv1Schedule.Value.Chart(new ChartOptions { Culture = CultureInfo.GetCultureInfo(culture) }).Balance().Title);

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("zh-TW")] // Traditional Chinese has no translation: English
    public void Other_cultures_read_english(string culture) =>
        Assert.Equal("Outstanding balance", Samples.Tv1Schedule.Value.Chart(new ChartOptions { Culture = CultureInfo.GetCultureInfo(culture) }).Balance().Title);

    [Fact]
    public void A_chinese_report_has_chinese_headings_and_the_same_figures()
    {
        string html = Report.Html(Samples.Tv1, new ReportOptions { Culture = Chinese });
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>房贷还款报告</title>", html, StringComparison.Ordinal);
        Assert.Equal(["贷款信息", "主要数据", "图表", "还款方式比较", "利率调整记录", "还款计划"], Headings().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<div class=\"label\">月供</div><div class=\"value\" id=\"payment\">5,307.27</div>", html, StringComparison.Ordinal); // TV-1
        Assert.Contains("<tr><th>贷款金额</th><td>1,000,000.00</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>利率</th><td>固定利率 4.9%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>贷款期限</th><td>360 个月（30 年）</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>还款方式</th><td>等额本息</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<th>期数</th><th>还款日期</th><th>利率</th><th>月供</th><th>本金</th><th>利息</th><th>剩余本金</th>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>2024 年：9 期，", html, StringComparison.Ordinal);
        Assert.Contains("固定利率，不重新定价。", html, StringComparison.Ordinal);
        // The charts inside speak Chinese too, and nothing English is left in the page's own texts.
        Assert.Matches(@">\s*累计利息\s*</text>", html);
        foreach (string english in (string[])["Mortgage report", "Loan terms", "Monthly payment", "Outstanding balance", "Equal installment", "Due date"])
        {
            Assert.DoesNotContain(english, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_chinese_report_of_a_floating_loan_explains_each_rate_change_in_chinese()
    {
        LoanDocument document = LoanSpec.Load(Samples.Example("lpr-spread-change.json"));
        Schedule schedule = document.BuildSchedule();
        string chinese = Report.Html(document, new ReportOptions { Culture = Chinese });
        string english = Report.Html(document);
        Assert.Contains("<td>放款时：", chinese, StringComparison.Ordinal);
        Assert.Contains("重新定价：", chinese, StringComparison.Ordinal);
        Assert.Matches(@">\s*利率与重新定价日\s*</text>", chinese);
        // In English the reason reads exactly as the library writes it (RateChange.Reason).
        Assert.All(schedule.RateChanges, change => Assert.Contains("<td>" + System.Net.WebUtility.HtmlEncode(change.Reason) + "</td>", english, StringComparison.Ordinal));
    }

    [GeneratedRegex("<h2>([^<]+)</h2>")]
    private static partial Regex Headings();
}
