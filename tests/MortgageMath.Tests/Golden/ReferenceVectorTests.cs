using System.Globalization;
using NodaTime;

namespace MortgageMath.Tests.Golden;

/// <summary>
/// Test vectors TV-1..TV-4 of /work/shared/reference/china-mortgage-conventions.md §8 (conventions §3, §8.1:
/// C1 formula totals, C2 rounded-payment totals, C3 bank schedule, C4 truncated, EP equal principal).
/// </summary>
public class ReferenceVectorTests
{
    private static readonly LocalDate Disbursed = new(2024, 3, 20);

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static Loan EqualInstallment(decimal principal, string percent, int periods) =>
        new(principal, Rate.Percent(D(percent)), periods, Disbursed);

    // ---------------- TV-1: 100万, 4.90%, 360, 等额本息. Published 5307.27 and C1 total 910,616.19
    // [ccv168, http://www.ccv168.com/baike/99999.html]; C2/C3 figures recomputed in the reference (Python decimal).

    [Fact]
    public void TV1_ccv168_100wan_4_9pct_360_payment_and_first_rows()
    {
        Schedule s = EqualInstallment(1_000_000m, "4.9", 360).BuildSchedule();
        Assert.Equal(5307.27m, s[0].Payment);
        Assert.Equal(4083.33m, s[0].Interest);
        Assert.Equal(1223.94m, s[0].Principal);
        Assert.Equal(5307.27m, s[1].Payment);
        Assert.Equal(4078.34m, s[1].Interest);
        Assert.Equal(1228.93m, s[1].Principal);
        Assert.Equal(984_978.39m, s[11].ClosingBalance); // C3 balance after 12 payments (closed formula: 984,978.41)
        Assert.Equal(new LocalDate(2024, 4, 20), s[0].DueDate);
        Assert.Equal(new LocalDate(2054, 3, 20), s.Last.DueDate);
    }

    [Fact]
    public void TV1_ccv168_100wan_4_9pct_360_last_row_and_totals()
    {
        Schedule s = EqualInstallment(1_000_000m, "4.9", 360).BuildSchedule();
        Assert.Equal(5305.19m, s.Last.Payment);
        Assert.Equal(5283.62m, s.Last.Principal);
        Assert.Equal(21.57m, s.Last.Interest);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(910_615.12m, s.TotalInterest); // C3
        Assert.Equal(1_000_000m, s.TotalPrincipal);
        Assert.Equal(1_910_615.12m, s.TotalPayment);
        for (int k = 0; k < 359; k++)
        {
            Assert.Equal(5307.27m, s[k].Payment);
        }
    }

    [Fact]
    public void TV1_ccv168_100wan_4_9pct_360_quote_conventions()
    {
        LoanQuote q = EqualInstallment(1_000_000m, "4.9", 360).Quote();
        Assert.Equal(5307.27m, q.Payment);
        Assert.Equal(910_616.19m, q.FormulaTotalInterest);                     // C1, published ✓
        Assert.Equal(910_617.20m, q.RoundedPaymentTotalInterest);              // C2
        Assert.Equal(910_615.12m, q.ScheduleTotalInterest);                    // C3
        Assert.Equal(910_616.19m, q.TotalInterest(TotalInterestConvention.Formula));
        Assert.Equal(910_617.20m, q.TotalInterest(TotalInterestConvention.RoundedPayment));
        Assert.Equal(910_615.12m, q.TotalInterest(TotalInterestConvention.Schedule));
        Assert.Null(q.MonthlyDecrease);
        Assert.Equal(5307.27m, q.LastFormulaPayment);
        Assert.Equal(5307.2672062281m, decimal.Round(q.ExactPayment, 10));    // A* = 5307.26720622811…
    }

    // ---------------- TV-2: same loan at 5.90%. Published 5931.37 and C1 1,135,291.42 [ccv168].

    [Fact]
    public void TV2_ccv168_100wan_5_9pct_360()
    {
        Loan loan = EqualInstallment(1_000_000m, "5.9", 360);
        Schedule s = loan.BuildSchedule();
        LoanQuote q = s.Quote;
        Assert.Equal(5931.37m, s[0].Payment);
        Assert.Equal(5931.37m, q.Payment);
        Assert.Equal(1_135_291.42m, q.FormulaTotalInterest);
        Assert.Equal(5926.39m, s.Last.Payment);
        Assert.Equal(1_135_288.22m, s.TotalInterest);
        Assert.Equal(1_135_288.22m, q.ScheduleTotalInterest);
    }

    // ---------------- TV-3: 等额本金. Sources per row: 100万 4.9% [gh test index id 69061709727]; 100万 5.9% [ccv168];
    // 63万 4.9% [vdgb.cn http://vdgb.cn/wenda/220578.html]; 30万 5.64% [weak lnmlw bibqoqgvko]; 15万 4.5%/240 [weak lnmlw hrbnpxlkla].

    [Theory]
    [InlineData("1000000", "4.9", 360, "6861.11", "11.34", "737041.67", null)]
    [InlineData("1000000", "5.9", 360, "7694.44", "13.66", "887458.33", null)]
    [InlineData("630000", "4.9", 360, "4322.50", "7.15", "464336.25", null)]
    [InlineData("300000", "5.64", 360, "2243.33", null, "254505.00", null)]
    [InlineData("150000", "4.5", 240, "1187.50", "2.34", "67781.25", "627.34")]
    public void TV3_equal_principal_published_figures(string principal, string percent, int periods, string first, string? decrease, string total, string? last)
    {
        Loan loan = new Loan(D(principal), Rate.Percent(D(percent)), periods, Disbursed) { Method = RepaymentMethod.EqualPrincipal };
        Schedule s = loan.BuildSchedule();
        LoanQuote q = s.Quote;
        Assert.Equal(D(first), q.Payment);

        // The schedule rounds principal and interest separately (C3): round(P/n) + round(P·i), which can be one
        // fen above the once-rounded formula figure (100万 5.9%: 2,777.78 + 4,916.67 = 7,694.45 vs 7,694.44).
        decimal rowPrincipal = Math.Round(D(principal) / periods, 2, MidpointRounding.AwayFromZero);
        decimal rowInterest = Math.Round(D(principal) * D(percent) / 1200m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(rowPrincipal + rowInterest, s.First.Payment);
        Assert.InRange(s.First.Payment - q.Payment, -0.01m, 0.01m);
        if (decrease is not null)
        {
            Assert.Equal(D(decrease), q.MonthlyDecrease);
        }

        Assert.Equal(D(total), q.FormulaTotalInterest);
        if (last is not null)
        {
            Assert.Equal(D(last), q.LastFormulaPayment);
        }

        Assert.Null(q.RoundedPaymentTotalInterest);
    }

    [Theory]
    [InlineData("1000000", "4.9", 360)]
    [InlineData("630000", "4.9", 360)]
    [InlineData("300000", "5.64", 360)]
    [InlineData("150000", "4.5", 240)]
    public void TV3_schedule_first_row_equals_quote_payment(string principal, string percent, int periods)
    {
        Schedule s = new Loan(D(principal), Rate.Percent(D(percent)), periods, Disbursed) { Method = RepaymentMethod.EqualPrincipal }.BuildSchedule();
        Assert.Equal(s.Quote.Payment, s.First.Payment);
    }

    /// <summary>100万 5.9% 360 EP [ccv168 publishes 7,694.44]: the quote rounds P/n + P·i once (7,694.444… → 7,694.44),
    /// while the schedule rounds the principal part (2,777.78) and the interest (4,916.67) separately, as a bank
    /// statement does: 7,694.45. Both figures are named; docs/conventions.md §9 explains the difference.</summary>
    [Fact]
    public void TV3_ccv168_100wan_5_9pct_quote_is_published_7694_44_schedule_rounds_parts_7694_45()
    {
        Schedule s = new Loan(1_000_000m, Rate.Percent(5.9m), 360, Disbursed) { Method = RepaymentMethod.EqualPrincipal }.BuildSchedule();
        Assert.Equal(7694.44m, s.Quote.Payment);
        Assert.Equal(2777.78m, s.First.Principal);
        Assert.Equal(4916.67m, s.First.Interest);
        Assert.Equal(7694.45m, s.First.Payment);
    }

    [Fact]
    public void TV3_gh69061709727_100wan_4_9pct_equal_principal_exact_decrease()
    {
        LoanQuote q = (EqualInstallment(1_000_000m, "4.9", 360) with { Method = RepaymentMethod.EqualPrincipal }).Quote();
        Assert.Equal(11.3426m, decimal.Round(q.ExactMonthlyDecrease!.Value, 4)); // (P/n)·i = 11.342592…
    }

    // ---------------- TV-4: published totals that pin down the convention.

    [Theory]
    [InlineData("300000", "4.9", "1592.18", "273184.86")]   // [13l.net]
    [InlineData("630000", "4.9", "3343.58", "573688.20")]   // [vdgb.cn]
    [InlineData("1000000", "4.65", "5156.37", "856292.51")] // [南方财富网 http://dwzrufcoy.cn/touzilicai/qita/202201/22244490.html]
    [InlineData("1000000", "4.60", "5126.44", "845519.73")] // [same]
    [InlineData("300000", "5.64", "1729.81", "322732.10")]  // [weak lnmlw bibqoqgvko]
    public void TV4_C1_formula_totals(string principal, string percent, string payment, string total)
    {
        LoanQuote q = EqualInstallment(D(principal), percent, 360).Quote();
        Assert.Equal(D(payment), q.Payment);
        Assert.Equal(D(total), q.FormulaTotalInterest);
    }

    [Fact]
    public void TV4_C2_wwwbz417_120wan_4_9pct_rounded_payment_total()
    {
        // [http://wwwbz417.com/baike/60016.html]: 6368.72, total interest 1,092,739.2 (C2); C1 would give 1,092,739.43.
        LoanQuote q = EqualInstallment(1_200_000m, "4.9", 360).Quote();
        Assert.Equal(6368.72m, q.Payment);
        Assert.Equal(1_092_739.20m, q.RoundedPaymentTotalInterest);
        Assert.Equal(1_092_739.43m, q.FormulaTotalInterest);
    }

    [Fact]
    public void TV4_C4_lnmlw_hrbnpxlkla_15wan_4_5pct_240_truncated()
    {
        // [weak lnmlw hrbnpxlkla]: 948.97 and 77,753.77 = ⌊77,753.7754⌋; half-up gives .78.
        Loan loan = EqualInstallment(150_000m, "4.5", 240) with { Rounding = new RoundingPolicy(2, RoundingMode.Truncate) };
        LoanQuote q = loan.Quote();
        Assert.Equal(948.97m, q.Payment);
        Assert.Equal(77_753.77m, q.FormulaTotalInterest);

        LoanQuote halfUp = (loan with { Rounding = RoundingPolicy.Default }).Quote();
        Assert.Equal(948.97m, halfUp.Payment);
        Assert.Equal(77_753.78m, halfUp.FormulaTotalInterest);
    }
}
