using System.Text.RegularExpressions;
using System.Xml.Linq;
using MortgageMath.Reports;
using MortgageMath.Specs;

namespace MortgageMath.Charts.Tests;

/// <summary>The customer report page: self-contained, with the library's figures, one collapsible block per year,
/// the method comparison, the repricing history of a floating loan, and charts whose ids do not collide.</summary>
public sealed partial class ReportTests
{
    private static readonly Lazy<string> Tv1Html = new(() => Report.Html(Samples.Tv1));

    [Fact]
    public void The_tv1_page_has_its_title_terms_and_payment_figure()
    {
        string html = Tv1Html.Value;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Mortgage report</title>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"payment\">5,307.27</div>", html, StringComparison.Ordinal); // TV-1's payment
        Assert.Contains("id=\"total-interest\">" + Samples.Tv1Schedule.Value.TotalInterest.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("<td>1,000,000.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2054-03-20</td>", html, StringComparison.Ordinal);
        Assert.Equal(["terms", "figures", "charts", "methods", "repricing", "schedule"], SectionIds().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("The rate is fixed: no repricing.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedule_is_one_details_block_per_calendar_year_with_every_row()
    {
        string html = Tv1Html.Value;
        Assert.Equal(2054 - 2024 + 1, Regex.Count(html, "<details>"));
        Assert.Contains("<summary>2024: 9 payments,", html, StringComparison.Ordinal); // April to December
        Assert.Equal(360, Regex.Count(html, "<tr><td class=\"n\">\\d+</td><td>\\d{4}-\\d{2}-\\d{2}</td>"));
        Assert.Contains("<tr><td class=\"n\">1</td><td>2024-04-20</td><td class=\"n\">4.9%</td><td class=\"n\">5,307.27</td><td class=\"n\">1,223.94</td><td class=\"n\">4,083.33</td><td class=\"n\">998,776.06</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_methods_table_compares_equal_installment_with_equal_principal()
    {
        Schedule principal = (Samples.Tv1 with { Method = RepaymentMethod.EqualPrincipal }).BuildSchedule();
        string html = Tv1Html.Value;
        Assert.Contains("<td>Equal principal (等额本金)</td><td class=\"n\">" + principal.First.Payment.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        decimal saved = principal.TotalInterest - Samples.Tv1Schedule.Value.TotalInterest;
        Assert.Contains(saved.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_with_inline_svg_charts_whose_ids_are_unique()
    {
        string html = Tv1Html.Value;
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, "https?://[^\"]*"), m => Assert.StartsWith("http://www.w3.org/", m.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        string[] svgs = [.. Svgs().Matches(html).Select(m => m.Value)];
        Assert.Equal(4, svgs.Length); // balance, principal and interest, cumulative interest, the methods' payments
        Assert.All(svgs, svg => XDocument.Parse(svg));
        string[] ids = [.. Ids().Matches(html).Select(m => m.Groups[1].Value)];
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ClipRefs().Matches(html), m => Assert.Contains(m.Groups[1].Value, ids));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_floating_loan_has_its_repricing_history_and_rate_chart()
    {
        LoanDocument document = LoanSpec.Load(Samples.Example("lpr-spread-change.json"));
        string html = Report.Html(document);
        Schedule schedule = document.BuildSchedule();
        Assert.Contains(document.Description!, html, StringComparison.Ordinal);
        foreach (RateChange change in schedule.RateChanges)
        {
            Assert.Contains($"<td>{change.EffectiveDate:yyyy-MM-dd}</td><td class=\"n\">{change.AnnualRate}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("First monthly payment", html, StringComparison.Ordinal);
        Assert.Contains("Interest rate and repricing dates", html, StringComparison.Ordinal);
        Assert.Equal(5, Svgs().Matches(html).Count);
    }

    [Fact]
    public void A_floating_loan_whose_rate_has_not_moved_is_not_called_fixed()
    {
        // TV-9's legs float (LPR5Y − 45bp and the provident-fund rate) but no change falls inside the rate table: the
        // history is the rate at disbursement of each leg, never "the rate is fixed".
        LoanDocument document = LoanSpec.Load(Samples.Example("combined-tv9.json"));
        string html = Report.Html(document);
        Assert.DoesNotContain("The rate is fixed", html, StringComparison.Ordinal);
        foreach (LoanLeg leg in document.CombinedLoan!.Legs)
        {
            RateChange first = leg.Loan.BuildSchedule().RateChanges[0];
            Assert.Contains($"<tr><td>{leg.Name}</td><td>{first.EffectiveDate:yyyy-MM-dd}</td><td class=\"n\">{first.AnnualRate}</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_combined_loan_has_its_parts_and_total_figures()
    {
        LoanDocument document = LoanSpec.Load(Samples.Example("combined-tv9.json"));
        string html = Report.Html(document, new ReportOptions { Title = "组合贷款 Combined loan" });
        Assert.Contains("<title>组合贷款 Combined loan</title>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"payment\">4,171.16</div>", html, StringComparison.Ordinal); // TV-9: 2,970.14 + 1,201.02
        Assert.Contains("<tr><td>commercial</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>provident-fund</td>", html, StringComparison.Ordinal);
        Assert.Equal(Report.Html(document.CombinedLoan!, new ReportOptions { Title = "组合贷款 Combined loan" }).Length, html.Length - document.Description!.Length - "<p class=\"description\"></p>\n".Length);
    }

    [Fact]
    public void An_equal_principal_loan_shows_its_first_payment_and_monthly_decrease()
    {
        Loan loan = Samples.Tv1 with { Method = RepaymentMethod.EqualPrincipal };
        LoanQuote quote = loan.Quote();
        string html = Report.Html(loan);
        Assert.Contains("First monthly payment</div><div class=\"value\" id=\"payment\">" + quote.Payment.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("id=\"decrease\">" + quote.MonthlyDecrease!.Value.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("<td>Equal principal (等额本金)</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_document_is_escaped()
    {
        string html = Report.Html(new LoanDocument(Samples.Tv1, "<script>alert(1)</script> & co"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<script>")); // only the page's own: opening every year before printing
    }

    [Fact]
    public void Options_check_the_currency_and_compare_by_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportOptions { Currency = "" });
        Assert.Equal(new ReportOptions { Currency = "USD" }, new ReportOptions { Currency = "USD" });
        Assert.Contains("<div class=\"unit\">USD</div>", Report.Html(Samples.Tv1, new ReportOptions { Currency = "USD" }), StringComparison.Ordinal);
    }

    [GeneratedRegex("<section id=\"([a-z]+)\">")]
    private static partial Regex SectionIds();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svgs();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex ClipRefs();
}
