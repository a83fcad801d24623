using NodaTime;
using static MortgageMath.Tests.Combined.CombinedSupport;

namespace MortgageMath.Tests.Combined;

/// <summary>
/// Combined loans (组合贷款), golden figures: china-mortgage-conventions.md TV-9 (commercial 700,000 at 3.05% +
/// provident fund 300,000 at 2.60%, 360 months 等额本息: 2,970.14 + 1,201.02 = 4,171.16; C1 interest 369,249.71 and
/// 132,366.89) and peers.md §5.7 (商贷 70万 @4.90% + 公积金 30万 @3.25%, 30年: 3715.09 + 1305.62 = 5020.71; interest
/// 637431.34 + 170022.82).
/// </summary>
public class Tv9CombinedGoldenTests
{
    [Fact]
    public void TV9_rate_plans_give_3_05_and_2_60_percent()
    {
        CombinedSchedule s = Tv9.BuildSchedule();
        Assert.Equal(Rate.Percent(3.05m), s.Leg("commercial").RateChanges[0].AnnualRate);
        Assert.Equal(Rate.Percent(2.60m), s.Leg("provident-fund").RateChanges[0].AnnualRate);
        Assert.All(s.Leg("commercial"), r => Assert.Equal(Rate.Percent(3.05m), r.AnnualRate));
        Assert.All(s.Leg("provident-fund"), r => Assert.Equal(Rate.Percent(2.60m), r.AnnualRate));
    }

    [Fact]
    public void TV9_quote_per_leg_and_combined_china_mortgage_conventions_TV9()
    {
        CombinedQuote q = Tv9.Quote();
        Assert.Equal(2_970.14m, q.Leg("commercial").Payment);
        Assert.Equal(1_201.02m, q.Leg("provident-fund").Payment);
        Assert.Equal(4_171.16m, q.Payment);
        Assert.Equal(369_249.71m, q.Leg("commercial").FormulaTotalInterest);
        Assert.Equal(132_366.89m, q.Leg("provident-fund").FormulaTotalInterest);
        Assert.Equal(369_249.71m + 132_366.89m, q.FormulaTotalInterest);
        Assert.Equal(q.FormulaTotalInterest, q.TotalInterest(TotalInterestConvention.Formula));
        Assert.Equal((2_970.14m * 360 - 700_000m) + (1_201.02m * 360 - 300_000m), q.RoundedPaymentTotalInterest);
        Assert.Equal(q.RoundedPaymentTotalInterest, q.TotalInterest(TotalInterestConvention.RoundedPayment));
        Assert.Same(q.Legs[0], q.Leg("COMMERCIAL"));
    }

    [Fact]
    public void TV9_fixed_rate_legs_give_the_same_figures()
    {
        var combined = new CombinedLoan(
            new LoanLeg("commercial", new Loan(700_000m, Rate.Percent(3.05m), 360, Tv9Disbursed)),
            new LoanLeg("provident-fund", new Loan(300_000m, Rate.Percent(2.60m), 360, Tv9Disbursed)));
        CombinedSchedule fixedRate = combined.BuildSchedule();
        CombinedSchedule floating = Tv9.BuildSchedule();
        Assert.Equal(4_171.16m, fixedRate.Quote.Payment);
        Assert.Equal(floating.Count, fixedRate.Count);
        Assert.Equal(floating.TotalInterest, fixedRate.TotalInterest);
        for (int k = 0; k < floating.Count; k++)
        {
            Assert.Equal(floating[k].Payment, fixedRate[k].Payment);
            Assert.Equal(floating[k].ClosingBalance, fixedRate[k].ClosingBalance);
        }
    }

    [Fact]
    public void TV9_combined_schedule_rows_and_totals()
    {
        CombinedSchedule s = Tv9.BuildSchedule();
        AssertConsistent(Tv9, s);
        Assert.Equal(360, s.Count);

        CombinedRow first = s.First;
        Assert.Equal(new LocalDate(2025, 7, 20), first.Date);
        Assert.Equal(2, first.Rows.Count);
        Assert.Equal("commercial", first.Rows[0].Leg);
        Assert.Equal("provident-fund", first.Rows[1].Leg);
        Assert.Equal(4_171.16m, first.Payment);
        Assert.Equal(1_779.17m + 650.00m, first.Interest);        // 700,000 × 3.05%/12; 300,000 × 2.60%/12
        Assert.Equal(1_190.97m + 551.02m, first.Principal);
        Assert.Equal(1_000_000m - 1_741.99m, first.ClosingBalance);

        for (int k = 0; k < 359; k++)
        {
            Assert.Equal(4_171.16m, s[k].Payment);
        }

        Assert.Equal(new LocalDate(2055, 6, 20), s.Last.Date);
        Assert.Equal(s.Leg("commercial").Last.Payment + s.Leg("provident-fund").Last.Payment, s.Last.Payment);
        Assert.Equal(2_968.99m + 1_200.45m, s.Last.Payment);
        Assert.Equal(369_249.25m, s.Leg("commercial").TotalInterest);
        Assert.Equal(132_366.63m, s.Leg("provident-fund").TotalInterest);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(1_000_000m, s.TotalPrincipal);
        Assert.Equal(s.Leg("commercial").TotalInterest + s.Leg("provident-fund").TotalInterest, s.TotalInterest);
        Assert.Equal(1_000_000m + s.TotalInterest, s.TotalPayment);
        Assert.Equal(0m, s.TotalPenalty);
    }

    /// <summary>
    /// Why never a blended rate: one loan of 1,000,000 at the principal-weighted rate 0.7 × 3.05% + 0.3 × 2.60% =
    /// 2.915% pays a different amount each month and in total than the two legs (ZTools PR #453/#455/#456: the
    /// "equivalentRate 等效利率近似" was replaced by an exact per-part merge).
    /// </summary>
    [Fact]
    public void TV9_a_blended_rate_gives_different_figures()
    {
        var blended = new Loan(1_000_000m, Rate.Percent(2.915m), 360, Tv9Disbursed);
        LoanQuote q = blended.Quote();
        Assert.Equal(4_170.34m, q.Payment);   // 0.82 a month less than the legs' 4,171.16
        Assert.NotEqual(4_171.16m, q.Payment);
        CombinedQuote combined = Tv9.Quote();
        Assert.Equal(501_321.10m, q.FormulaTotalInterest);
        Assert.Equal(501_616.60m, combined.FormulaTotalInterest);
        Assert.Equal(501_320.42m, blended.BuildSchedule().TotalInterest);
        Assert.Equal(501_615.88m, Tv9.BuildSchedule().TotalInterest);   // 369,249.25 + 132,366.63
    }

    /// <summary>peers.md §5.7 combined row (computed, no source): the interest figures are the formula (C1) totals.</summary>
    [Fact]
    public void Peers_5_7_70wan_4_90_plus_30wan_3_25_30_years()
    {
        var disbursed = new LocalDate(2024, 3, 20);
        var combined = new CombinedLoan(
            new LoanLeg("商贷", new Loan(700_000m, Rate.Percent(4.90m), 360, disbursed)),
            new LoanLeg("公积金", new Loan(300_000m, Rate.Percent(3.25m), 360, disbursed)));
        CombinedQuote q = combined.Quote();
        Assert.Equal(3_715.09m, q.Leg("商贷").Payment);
        Assert.Equal(1_305.62m, q.Leg("公积金").Payment);
        Assert.Equal(5_020.71m, q.Payment);
        Assert.Equal(637_431.34m, q.Leg("商贷").FormulaTotalInterest);
        Assert.Equal(170_022.82m, q.Leg("公积金").FormulaTotalInterest);
        Assert.Equal(637_431.34m + 170_022.82m, q.TotalInterest(TotalInterestConvention.Formula));
        AssertConsistent(combined, combined.BuildSchedule());
    }
}
