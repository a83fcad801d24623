using NodaTime;
using static MortgageMath.Tests.Floating.FloatingSupport;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// china-mortgage-conventions.md TV-8 (LPR repricing): the constructed 4.20% → 3.95% repricing with the straddling
/// January period, and the published full-term comparisons (each side quoted as a fixed loan at that rate, C1).
/// </summary>
public sealed class Tv8RepricingTests
{
    private static readonly RateTable Tv8Table = RateTable.Parse(
        new StringReader("index,effective_date,rate_pct,source\nlpr5y,2022-01-20,4.20,t\nlpr5y,2023-12-20,3.95,t\n"),
        asOf: new LocalDate(2060, 1, 1));

    private static Loan Tv8Loan(RateChangeInterest policy = RateChangeInterest.SplitByActualDays) =>
        new(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Bp(0m), RepricingRule.EveryJanuary1), 360, D(2022, 12, 20))
        {
            Rates = Tv8Table,
            RateChangeInterest = policy,
        };

    /// <summary>china-mortgage-conventions.md TV-8, constructed: split by actual days (the default).</summary>
    [Fact]
    public void Tv8_constructed_straddling_month_is_split_by_actual_days()
    {
        Schedule s = Tv8Loan().BuildSchedule();

        // The 2023-01-01 repricing reads the same 4.20 fixing: no change; 2024-01-01 reads Dec-2023 3.95.
        Assert.Equal([(D(2022, 12, 20), 4.20m), (D(2024, 1, 1), 3.95m)], Changes(s));
        Assert.Equal(RateChangeCauses.Disbursement, s.RateChanges[0].Causes);
        Assert.Equal(RateChangeCauses.Repricing, s.RateChanges[1].Causes);
        Assert.Equal(Pct(3.95m), s.RateChanges[1].IndexValue);
        Assert.Equal(RateIndex.Lpr5Y, s.RateChanges[1].Index);

        for (int k = 0; k < 12; k++)
        {
            Assert.Equal(4_890.17m, s[k].Payment);
            Assert.False(s[k].RateChanged);
            Assert.Equal(Pct(4.20m), s[k].AnnualRate);
        }

        Assert.Equal(982_993.05m, s[11].ClosingBalance);

        Installment r13 = s[12];
        Assert.Equal(D(2024, 1, 20), r13.DueDate);
        Assert.True(r13.RateChanged);
        Assert.Equal(
            [new RateSegment(D(2023, 12, 20), D(2024, 1, 1), Pct(4.20m)), new RateSegment(D(2024, 1, 1), D(2024, 1, 20), Pct(3.95m))],
            r13.RateSegments);
        Assert.Equal([12, 19], r13.RateSegments.Select(g => g.Days));
        Assert.Equal(Pct(3.95m), r13.AnnualRate);
        Assert.Equal(982_993.05m, r13.OpeningBalance);
        Assert.Equal(3_425.46m, r13.Interest);
        Assert.Equal(1_513.34m, r13.Principal); // 4,749.03 − 3,235.69
        Assert.Equal(4_938.80m, r13.Payment);

        Assert.Equal(4_749.03m, s[13].Payment);
        Assert.False(s[13].RateChanged);
        for (int k = 13; k < 359; k++)
        {
            Assert.Equal(4_749.03m, s[k].Payment);
        }

        AssertWellFormed(s, "TV-8");
    }

    /// <summary>china-mortgage-conventions.md TV-8, the option "whole straddling month at the new rate".</summary>
    [Fact]
    public void Tv8_constructed_new_rate_for_whole_period()
    {
        Schedule s = Tv8Loan(RateChangeInterest.NewRateForWholePeriod).BuildSchedule();
        Assert.Equal(982_993.05m, s[11].ClosingBalance);
        Installment r13 = s[12];
        Assert.True(r13.RateChanged); // the segments still say what happened
        Assert.Equal(3_235.69m, r13.Interest);
        Assert.Equal(1_513.34m, r13.Principal);
        Assert.Equal(4_749.03m, r13.Payment);
        Assert.Equal(4_749.03m, s[13].Payment);
        AssertWellFormed(s, "TV-8 whole period");

        // Both policies agree everywhere except the interest (hence the balance) of the straddling month onwards.
        Schedule split = Tv8Loan().BuildSchedule();
        for (int k = 0; k < 12; k++)
        {
            Assert.Equal(split[k], s[k]);
        }

        Assert.Equal(split[12].Principal, s[12].Principal);
        Assert.Equal(split[12].Interest - 189.77m, s[12].Interest); // 3,425.46 − 3,235.69
    }

    /// <summary>TV-8: a full month at the old rate would be 3,440.48; at the new rate 3,235.69.</summary>
    [Fact]
    public void Tv8_full_month_interest_at_either_rate()
    {
        Loan fixedOld = new(982_993.05m, Pct(4.20m), 348, D(2023, 12, 20));
        Loan fixedNew = new(982_993.05m, Pct(3.95m), 348, D(2023, 12, 20));
        Assert.Equal(3_440.48m, fixedOld.BuildSchedule().First.Interest);
        Assert.Equal(3_235.69m, fixedNew.BuildSchedule().First.Interest);
        Assert.Equal(4_749.03m, fixedNew.Quote().Payment); // PMT(982,993.05, 3.95%/12, 348)
    }

    private static LoanQuote Quote(decimal principal, decimal percent, int months) =>
        new Loan(principal, Pct(percent), months, D(2024, 1, 1)).Quote();

    /// <summary>china-mortgage-conventions.md TV-8 published comparisons (C1, both rates over the original full term).</summary>
    [Theory]
    // 100万/360 3.95 → 3.85: difference 57.29, published "57.3" [news http://lwxsd.com/en/info_view.php?VID=54283&tab=mynews]
    [InlineData(1_000_000, 3.95, 3.85, 360, 4_745.37, 4_688.08)]
    // 100万/360 4.65 → 4.60 [news 南方财富网]
    [InlineData(1_000_000, 4.65, 4.60, 360, 5_156.37, 5_126.44)]
    // 100万/360 6.55 → 6.15 [news http://krspcb.com/html/show-14.html]
    [InlineData(1_000_000, 6.55, 6.15, 360, 6_353.60, 6_092.28)]
    // 100万/240 7.05 → 6.55 [news http://gsunpower.com/news-view-8.htm]
    [InlineData(1_000_000, 7.05, 6.55, 240, 7_783.03, 7_485.20)]
    // 100万/360 6.00 → 4.65, published "5995 → 5156" [news a5qu Zhang Dawei]
    [InlineData(1_000_000, 6.00, 4.65, 360, 5_995.51, 5_156.37)]
    // 100万/360 3.60 → 3.50 [news https://vop.ng/...]
    [InlineData(1_000_000, 3.60, 3.50, 360, 4_546.45, 4_490.45)]
    // 100万/360 4.20 → 3.95 (the Feb-2024 cut)
    [InlineData(1_000_000, 4.20, 3.95, 360, 4_890.17, 4_745.37)]
    // provident fund 100万/360 3.10 → 2.85 [news https://www.laitimes.com/en/article/6se40_78qeh.html]
    [InlineData(1_000_000, 3.10, 2.85, 360, 4_270.16, 4_135.57)]
    // provident fund 50万/240 2.85 → 2.60 [https://generallink.top/...; https://m.shebao.southmoney.com/gongjijin/daikuan/202508/1885405.html]
    [InlineData(500_000, 2.85, 2.60, 240, 2_735.59, 2_673.94)]
    public void Tv8_published_full_term_payments(int principal, double oldPercent, double newPercent, int months, double oldPayment, double newPayment)
    {
        Assert.Equal((decimal)oldPayment, Quote(principal, (decimal)oldPercent, months).Payment);
        Assert.Equal((decimal)newPayment, Quote(principal, (decimal)newPercent, months).Payment);
    }

    /// <summary>TV-8 differences and totals stated in the notes.</summary>
    [Fact]
    public void Tv8_published_differences_and_totals()
    {
        // 3.95 → 3.85: 57.29 a month (published "57.3").
        Assert.Equal(57.29m, Quote(1_000_000m, 3.95m, 360).Payment - Quote(1_000_000m, 3.85m, 360).Payment);

        // 4.65 → 4.60: formula total interest 856,292.51 → 845,519.73 (published ✓).
        Assert.Equal(856_292.51m, Quote(1_000_000m, 4.65m, 360).FormulaTotalInterest);
        Assert.Equal(845_519.73m, Quote(1_000_000m, 4.60m, 360).FormulaTotalInterest);

        // 3.60 → 3.50: the notes' "56.01" is the difference of the UNROUNDED payments (56.0066…); the printed
        // payments 4,546.45 − 4,490.45 differ by 56.00. Lifetime 20,162 is the difference of the formula totals
        // (20,162.38; 56.01 × 360 would be 20,163.60).
        LoanQuote q360 = Quote(1_000_000m, 3.60m, 360);
        LoanQuote q350 = Quote(1_000_000m, 3.50m, 360);
        Assert.Equal(56.00m, q360.Payment - q350.Payment);
        Assert.Equal(56.01m, Math.Round(q360.ExactPayment - q350.ExactPayment, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(20_162.38m, q360.FormulaTotalInterest - q350.FormulaTotalInterest);

        // 4.20 → 3.95: 144.80 a month.
        Assert.Equal(144.80m, Quote(1_000_000m, 4.20m, 360).Payment - Quote(1_000_000m, 3.95m, 360).Payment);

        // Provident fund 100万/360 3.10 → 2.85: 134.59 a month ("135").
        Assert.Equal(134.59m, Quote(1_000_000m, 3.10m, 360).Payment - Quote(1_000_000m, 2.85m, 360).Payment);

        // Provident fund 50万/240 2.85 → 2.60: 61.65 a month; "14,796.82 in total" (published "1.48万") is the
        // difference of the formula totals 156,542.48 − 141,745.66, NOT 61.65 × 240 (= 14,796.00).
        LoanQuote pfOld = Quote(500_000m, 2.85m, 240);
        LoanQuote pfNew = Quote(500_000m, 2.60m, 240);
        Assert.Equal(61.65m, pfOld.Payment - pfNew.Payment);
        Assert.Equal(156_542.48m, pfOld.FormulaTotalInterest);
        Assert.Equal(141_745.66m, pfNew.FormulaTotalInterest);
        Assert.Equal(14_796.82m, pfOld.FormulaTotalInterest - pfNew.FormulaTotalInterest);
        Assert.Equal(14_796.00m, 61.65m * 240);
    }
}
