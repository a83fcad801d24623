using System.Globalization;
using NodaTime;

namespace MortgageMath.Tests.Golden;

/// <summary>Further payment goldens from /work/shared/reference/peers.md §5.5 (cfpb npm packages' tests) and §5.7
/// (published Chinese Q&amp;A pages).</summary>
public class PeerGoldenTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static Loan Loan(string principal, string percent, int periods) =>
        new(D(principal), Rate.Percent(D(percent)), periods, new LocalDate(2024, 1, 15));

    /// <summary>cfpb/loan-calc test/test.js: paymentCalc(P, rate%, n).</summary>
    [Theory]
    [InlineData("100000", "6", 360, "599.55")]
    [InlineData("200000", "5", 180, "1581.59")]
    [InlineData("389253", "5.3", 180, "3139.36")]
    public void Cfpb_loan_calc_paymentCalc(string principal, string percent, int periods, string payment)
    {
        Schedule s = Loan(principal, percent, periods).BuildSchedule();
        Assert.Equal(D(payment), s.First.Payment);
        Assert.Equal(D(payment), s.Quote.Payment);
    }

    /// <summary>cfpb/loan-calc test/test.js: totalInterest(P, rate%, n) — matches the C1 formula total.</summary>
    [Theory]
    [InlineData("200000", "5", 360, "186511.57")]
    [InlineData("200000", "5", 480, "262908.74")]
    [InlineData("389253", "5.3", 180, "175831.99")]
    public void Cfpb_loan_calc_totalInterest_is_the_formula_total(string principal, string percent, int periods, string total)
    {
        Assert.Equal(D(total), Loan(principal, percent, periods).Quote().FormulaTotalInterest);
    }

    /// <summary>
    /// cfpb/amortize test/test.js: 180,000 over 30 years, interest paid in the first 60 months (payment 885.49 at 4.25%).
    /// The interest sums match the per-row rounded schedule; cfpb's principal/balance (16,546.15 / 163,453.85) and
    /// equal-principal figures are computed without per-row rounding, so they are not bank-schedule goldens.
    /// </summary>
    [Theory]
    [InlineData("4.25", "36583.36", "885.49")]
    [InlineData("4.375", "37694.10", null)]
    public void Cfpb_amortize_interest_in_first_60_months(string percent, string interest, string? payment)
    {
        Schedule s = Loan("180000", percent, 360).BuildSchedule();
        Assert.Equal(D(interest), s.Take(60).Sum(r => r.Interest));
        Assert.Equal(30_000m, (Loan("180000", percent, 360) with { Method = RepaymentMethod.EqualPrincipal }).BuildSchedule().Take(60).Sum(r => r.Principal));
        if (payment is not null)
        {
            Assert.Equal(D(payment), s.First.Payment);
        }
    }

    /// <summary>peers.md §5.7: 30万 4.9% 30y [https://13l.net/index.php/l/1771868819402209700.html], C1 total.</summary>
    [Fact]
    public void Peers_5_7_13l_30wan()
    {
        LoanQuote q = Loan("300000", "4.9", 360).Quote();
        Assert.Equal(1592.18m, q.Payment);
        Assert.Equal(273_184.86m, q.FormulaTotalInterest);
    }

    /// <summary>peers.md §5.7: 63万 4.9% 30y [http://vdgb.cn/wenda/220578.html], both methods.</summary>
    [Fact]
    public void Peers_5_7_vdgb_63wan_both_methods()
    {
        LoanQuote ei = Loan("630000", "4.9", 360).Quote();
        Assert.Equal(3343.58m, ei.Payment);
        Assert.Equal(573_688.20m, ei.FormulaTotalInterest);
        LoanQuote ep = (Loan("630000", "4.9", 360) with { Method = RepaymentMethod.EqualPrincipal }).Quote();
        Assert.Equal(4322.50m, ep.Payment);
        Assert.Equal(7.15m, ep.MonthlyDecrease);
        Assert.Equal(464_336.25m, ep.FormulaTotalInterest);
        Assert.Equal(1_094_336.25m, 630_000m + ep.FormulaTotalInterest);
    }

    /// <summary>peers.md §5.7: 100万 4.9% 20y [http://372181.com/wenda/229816.html]; the total uses the rounded payment (C2).</summary>
    [Fact]
    public void Peers_5_7_372181_100wan_20y_rounded_payment_total()
    {
        Schedule s = Loan("1000000", "4.9", 240).BuildSchedule();
        Assert.Equal(6544.44m, s.First.Payment);
        Assert.Equal(4083.33m, s.First.Interest);
        Assert.Equal(2461.11m, s.First.Principal);
        Assert.Equal(570_665.60m, s.Quote.RoundedPaymentTotalInterest);
        Assert.Equal(570_665.72m, s.Quote.FormulaTotalInterest); // "unrounded gives 1570665.72"
    }

    /// <summary>peers.md §5.7: 组合贷 (computed): 70万 @4.90% + 公积金 30万 @3.25%, 30y.</summary>
    [Fact]
    public void Peers_5_7_combination_loan_parts()
    {
        LoanQuote commercial = Loan("700000", "4.9", 360).Quote();
        LoanQuote fund = Loan("300000", "3.25", 360).Quote();
        Assert.Equal(3715.09m, commercial.Payment);
        Assert.Equal(1305.62m, fund.Payment);
        Assert.Equal(5020.71m, commercial.Payment + fund.Payment);
        Assert.Equal(637_431.34m, commercial.FormulaTotalInterest);
        Assert.Equal(170_022.82m, fund.FormulaTotalInterest);
    }
}
