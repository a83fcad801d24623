using System.Globalization;
using NodaTime;

namespace MortgageMath.Tests.Export;

/// <summary>Every public result type prints one readable line (or, for reports, a few): figures grouped, dates ISO,
/// the same in every culture.</summary>
public class ToStringTests
{
    [Fact]
    public void Schedule() => Assert.Equal(
        "Schedule: 360 rows 2024-04-20..2054-03-20, payment 5,307.27, total interest 910,615.12",
        ExportSupport.Tv1.BuildSchedule().ToString());

    [Fact]
    public void Schedule_with_penalties_names_them() => Assert.EndsWith(
        ", penalties 2,000.00",
        (ExportSupport.Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.Parse("percent-of-amount-by-year(1%)"),
            Events = [Prepayment.Partial(new LocalDate(2024, 9, 20), 200_000m, PrepaymentOption.ShortenTerm)],
        }).BuildSchedule().ToString());

    [Fact]
    public void LoanQuote() => Assert.Equal(
        "Quote: payment 5,307.27 (exact 5307.26720622811041199517350), total interest 910,615.12 (formula 910,616.19; rounded payment × n 910,617.20)",
        ExportSupport.Tv1.BuildSchedule().Quote.ToString());

    [Fact]
    public void LoanQuote_of_equal_principal_names_the_monthly_decrease() => Assert.Contains(
        ", monthly decrease ",
        (ExportSupport.Tv1 with { Method = RepaymentMethod.EqualPrincipal }).BuildSchedule().Quote.ToString(),
        StringComparison.Ordinal);

    [Fact]
    public void Installment() => Assert.Equal(
        "#1 2024-04-20 4.9% opening 1000000.00 payment 5307.27 = principal 1223.94 + interest 4083.33, closing 998776.06",
        ExportSupport.Tv1.BuildSchedule()[0].ToString());

    [Fact]
    public void Loan() => Assert.Equal(
        "Loan: 1,000,000.00, fixed 4.9%, 360 months, equal-installment; disbursed 2024-03-20, repayment day 20, rounding half-up to 0.01",
        ExportSupport.Tv1.ToString());

    [Fact]
    public void RateChange_and_RateSegment()
    {
        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        Assert.Equal("2024-03-20 4.9% (at disbursement: fixed 4.9%)", schedule.RateChanges[0].ToString());
        var segment = new RateSegment(new LocalDate(2023, 12, 20), new LocalDate(2024, 1, 1), Rate.Percent(4.2m));
        Assert.Equal("2023-12-20..2024-01-01 (12 days) 4.2%", segment.ToString());
    }

    [Fact]
    public void CombinedSchedule_and_CombinedQuote()
    {
        CombinedSchedule schedule = ExportSupport.Tv9.BuildSchedule();
        Assert.Equal(
            "Combined schedule: 2 legs (commercial, provident-fund), 360 dates 2024-04-20..2054-03-20, payment 5,020.71, total interest 807,452.51",
            schedule.ToString());
        Assert.Equal(
            "Combined quote: payment 5,020.71 (commercial 3,715.09 + provident-fund 1,305.62), total interest 807,452.51 (formula 807,454.16)",
            schedule.Quote.ToString());
    }

    [Fact]
    public void PayoffQuote() => Assert.Equal(
        "Payoff on 2025-04-08: 987,525.65 = balance 984,978.39 + accrued interest 2,547.26 + penalty 0.00",
        ExportSupport.Tv1.PayoffQuote(new LocalDate(2025, 4, 8)).ToString());

    [Fact]
    public void PrepaymentQuote() => Assert.Equal(
        "Prepay 200,000.00 after 12 payments, shorten-term: balance 984,978.41 → 784,978.41, 228 periods left (120 saved), payment 5,297.25, last 5,297.25, interest saved 439,155.64",
        MortgageMath.PrepaymentQuote.AfterPayment(ExportSupport.Tv1, 12, 200_000m, PrepaymentOption.ShortenTerm).ToString());

    [Fact]
    public void PrepaymentComparison() => Assert.Equal(
        "Prepayment comparison (shorten-term): interest saved 439,154.37, 120 periods saved, new payment 5,297.25, penalties 0.00, cash saved 439,154.37",
        MortgageMath.PrepaymentComparison.Strategies(ExportSupport.Tv1, new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm)[0].ToString());

    [Fact]
    public void PurchaseSplit() => Assert.Equal(
        "Purchase split: price 3,000,000.00 = down payment 900,000.00 + provident fund 1,200,000.00 (limit 1,200,000.00) + commercial 900,000.00; against all-commercial it saves 1,244.52 a month and 448,029.62 interest",
        ExportSupport.Split().ToString());

    [Fact]
    public void LoanCashFlows_and_apr_results()
    {
        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        Assert.Equal(
            "Cash flows: advance 1,000,000 on 2024-03-20, 360 payments 2024-04-20..2054-03-20 totalling 1,910,615.12",
            MortgageMath.Analytics.LoanCashFlows.From(schedule).ToString());
        Assert.StartsWith("nominal 4.9", MortgageMath.Analytics.Apr.Pboc(schedule).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AffordabilityReport_shows_the_verdict_the_payment_and_each_rule()
    {
        string text = ExportSupport.Report().ToString();
        Assert.StartsWith("approved under China commercial", text, StringComparison.Ordinal);
        Assert.Contains("(2024-04-20)", text, StringComparison.Ordinal);
        Assert.Contains("  PASS housing-ratio: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_does_not_depend_on_the_current_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            string invariant = Texts();
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // 1.000.000,00 and long dates, if anything leaked
            Assert.Equal(invariant, Texts());
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(invariant, Texts());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        static string Texts()
        {
            Schedule schedule = ExportSupport.Tv1.BuildSchedule();
            return string.Join("\n", schedule, schedule.Quote, schedule[0], schedule.RateChanges[0], ExportSupport.Tv1,
                ExportSupport.Tv9.BuildSchedule(), ExportSupport.Tv9.BuildSchedule().Quote, ExportSupport.Tv1.PayoffQuote(new LocalDate(2025, 4, 8)),
                ExportSupport.Split(), MortgageMath.Analytics.LoanCashFlows.From(schedule));
        }
    }
}
