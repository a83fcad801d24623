using System.Globalization;
using NodaTime;

namespace MortgageMath.Tests.PrepaymentQuotes;

/// <summary>
/// <see cref="PrepaymentQuote"/> beyond TV-7a (china-mortgage-conventions.md TV-7a, §3.6, §4.1): equal principal,
/// a zero rate, other rounding policies, and the error paths. Expected values computed independently with exact
/// rationals (Python fractions).
/// </summary>
public class PrepaymentQuoteTests
{
    private static readonly LocalDate Disbursed = new(2024, 3, 20);

    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, Disbursed);

    private static readonly Loan Tv3 = Tv1 with { Method = RepaymentMethod.EqualPrincipal };

    // ---------------- equal principal (TV-3 loan: 100万, 4.9%, 360)

    [Fact]
    public void EqualPrincipal_lower_payment()
    {
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv3, 12, 123_456.78m, PrepaymentOption.LowerPayment);
        Assert.Equal(966_666.67m, q.BalanceBefore);
        Assert.Equal(843_209.89m, q.BalanceAfter);
        Assert.Equal(688_790.28m, q.RemainingInterestWithout); // i·(P/n)·m(m+1)/2, m = 348
        Assert.Equal(348, q.RemainingPeriods);
        Assert.Null(q.ExactRemainingPeriods);
        Assert.Equal(5_866.12m, q.NewPayment);
        Assert.Equal(2_432.91m, q.LastPayment);
        Assert.Equal(600_822.18m, q.RemainingInterestWith); // i·P'·(m+1)/2
        Assert.Equal(87_968.10m, q.InterestSaved);
    }

    [Theory]
    [InlineData("shorten-term")]
    [InlineData("shorten-term-keep-payment")]
    public void EqualPrincipal_shorten_keeps_the_principal_part(string name)
    {
        PrepaymentOption option = name == "shorten-term" ? PrepaymentOption.ShortenTerm : PrepaymentOption.ShortenTermKeepPayment;
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv3, 12, 123_456.78m, option);
        Assert.Equal(304, q.RemainingPeriods);
        Assert.Equal(44, q.PeriodsSaved);
        Assert.Equal(303.56m, q.ExactRemainingPeriods);
        Assert.Equal(6_220.88m, q.NewPayment); // P/n + P'·i
        Assert.Equal(1_549.52m, q.LastPayment); // the smaller last part + its interest
        Assert.Equal(524_310.09m, q.RemainingInterestWith);
        Assert.Equal(164_480.18m, q.InterestSaved);
    }

    [Fact]
    public void EqualPrincipal_shorten_by_a_whole_number_of_parts()
    {
        // 200,000 = 72 × P/n, so exactly 276 parts remain, the last a full one.
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv3, 12, 200_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(276, q.RemainingPeriods);
        Assert.Equal(276.00m, q.ExactRemainingPeriods);
        Assert.Equal(5_908.33m, q.NewPayment);
        Assert.Equal(2_789.12m, q.LastPayment); // (P/n)·(1 + i): TV-3's last formula payment
        Assert.Equal(255_208.33m, q.InterestSaved);
    }

    [Fact]
    public void EqualPrincipal_new_term_equal_to_the_remaining_is_lower_payment()
    {
        PrepaymentQuote lower = PrepaymentQuote.AfterPayment(Tv3, 12, 123_456.78m, PrepaymentOption.LowerPayment);
        PrepaymentQuote same = PrepaymentQuote.AfterPayment(Tv3, 12, 123_456.78m, PrepaymentOption.NewTerm(348));
        Assert.Equal(lower.NewPayment, same.NewPayment);
        Assert.Equal(lower.InterestSaved, same.InterestSaved);
    }

    [Fact]
    public void EqualPrincipal_quote_matches_the_schedule_term()
    {
        Loan prepaid = Tv3 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 123_456.78m, PrepaymentOption.ShortenTerm)] };
        PrepaymentComparison c = PrepaymentComparison.Compare(Tv3, prepaid);
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv3, 12, 123_456.78m, PrepaymentOption.ShortenTerm);
        Assert.Equal(q.PeriodsSaved, c.PeriodsSaved);
        Assert.InRange(c.InterestSaved - q.InterestSaved, -5m, 5m); // cents apart: the schedule rounds every row
    }

    // ---------------- other loans

    [Fact]
    public void Zero_rate_is_linear()
    {
        var loan = new Loan(120_000m, Rate.Percent(0m), 120, Disbursed);
        PrepaymentQuote shorten = PrepaymentQuote.AfterPayment(loan, 12, 8_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(108_000m, shorten.BalanceBefore);
        Assert.Equal(100, shorten.RemainingPeriods);
        Assert.Equal(100.00m, shorten.ExactRemainingPeriods);
        Assert.Equal(1_000m, shorten.NewPayment);
        Assert.Equal(0m, shorten.InterestSaved);

        PrepaymentQuote keep = PrepaymentQuote.AfterPayment(loan, 12, 8_500m, PrepaymentOption.ShortenTermKeepPayment);
        Assert.Equal(100, keep.RemainingPeriods);
        Assert.Equal(99.50m, keep.ExactRemainingPeriods);
        Assert.Equal(500m, keep.LastPayment);

        PrepaymentQuote lower = PrepaymentQuote.AfterPayment(loan, 12, 8_000m, PrepaymentOption.LowerPayment);
        Assert.Equal(925.93m, lower.NewPayment); // 100,000 / 108
    }

    [Fact]
    public void Rounding_policy_of_the_loan_is_used_once()
    {
        Loan whole = Tv1 with { Rounding = new RoundingPolicy(0, RoundingMode.HalfUp) };
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(whole, 12, 200_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(984_978m, q.BalanceBefore);
        Assert.Equal(5_297m, q.NewPayment);
        Assert.Equal(439_156m, q.InterestSaved); // 439,155.643 → 439,156 (not 439,155.64 rounded again)
        Assert.Equal(228, q.RemainingPeriods);
    }

    [Fact]
    public void Prepaying_before_the_first_payment_and_before_the_last()
    {
        PrepaymentQuote first = PrepaymentQuote.AfterPayment(Tv1, 0, 200_000m, PrepaymentOption.LowerPayment);
        Assert.Equal(1_000_000m, first.BalanceBefore);
        Assert.Equal(910_616.19m, first.RemainingInterestWithout); // TV-1 formula total
        Assert.Equal(4_245.81m, first.NewPayment); // 800,000 × the same annuity factor: 0.8 × 5,307.2672
        Assert.Equal(182_123.24m, first.InterestSaved); // 20% of the formula total

        PrepaymentQuote last = PrepaymentQuote.AfterPayment(Tv1, 359, 1_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(1, last.RemainingPeriods);
        Assert.Equal(0, last.PeriodsSaved);
        Assert.True(last.InterestSaved > 0m);
    }

    /// <summary>
    /// A long-scale rate (14 decimals) over the maximum 600 periods, 1,000,000 prepaid after payment 1, every option.
    /// Expected figures from exact rationals (Python fractions, i = 4.12345678901234%/12, f = 1 + i, half-up once):
    /// A* = P·i·f^600/(f^600 − 1) = 3,890,554.44; B(1) = P·f − A* = 987,157,558.25; interest without =
    /// A*·599 − B(1) = 1,343,284,551.66. Shorten: the fewest m with Payment(B', m) ≤ A* is 597 (n* = 596.9973 → 597.00);
    /// keep the payment: 596 payments of A*, then the balance left plus a month's interest, 3,880,109.15.
    /// (How long the quote takes is measured in benchmarks/PrepaymentQuoteBenchmarks, not asserted here.)
    /// </summary>
    [Theory]
    [InlineData("shorten-term", 597, 2, "597.00", "3890549.12", "3890549.12", "1336500269.08", "6784282.58")]
    [InlineData("shorten-term-keep-payment", 597, 2, "597.00", "3890554.44", "3880109.15", "1336492997.49", "6791554.17")]
    [InlineData("lower-payment", 599, 0, null, "3886613.27", "3886613.27", "1341923791.63", "1360760.03")]
    [InlineData("new-term 599", 599, 0, null, "3886613.27", "3886613.27", "1341923791.63", "1360760.03")]
    [InlineData("new-term 300", 300, 299, null, "5272761.25", "5272761.25", "595670815.33", "747613736.33")]
    public void Long_scale_rate_and_600_periods_quote_the_exact_figures(string optionName, int periods, int saved, string? exactPeriods,
        string newPayment, string lastPayment, string interestWith, string interestSaved)
    {
        var loan = new Loan(987_654_321.09m, Rate.Percent(4.12345678901234m), 600, Disbursed);
        PrepaymentOption option = optionName switch
        {
            "shorten-term" => PrepaymentOption.ShortenTerm,
            "shorten-term-keep-payment" => PrepaymentOption.ShortenTermKeepPayment,
            "lower-payment" => PrepaymentOption.LowerPayment,
            "new-term 599" => PrepaymentOption.NewTerm(599),
            _ => PrepaymentOption.NewTerm(300),
        };
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(loan, 1, 1_000_000m, option);
        Assert.Equal(987_157_558.25m, q.BalanceBefore);
        Assert.Equal(986_157_558.25m, q.BalanceAfter);
        Assert.Equal(1_343_284_551.66m, q.RemainingInterestWithout);
        Assert.Equal(periods, q.RemainingPeriods);
        Assert.Equal(saved, q.PeriodsSaved);
        Assert.Equal(exactPeriods is null ? null : decimal.Parse(exactPeriods, CultureInfo.InvariantCulture), q.ExactRemainingPeriods);
        Assert.Equal(decimal.Parse(newPayment, CultureInfo.InvariantCulture), q.NewPayment);
        Assert.Equal(decimal.Parse(lastPayment, CultureInfo.InvariantCulture), q.LastPayment);
        Assert.Equal(decimal.Parse(interestWith, CultureInfo.InvariantCulture), q.RemainingInterestWith);
        Assert.Equal(decimal.Parse(interestSaved, CultureInfo.InvariantCulture), q.InterestSaved);
    }

    // ---------------- error paths

    [Fact]
    public void Null_loan_or_option_is_rejected()
    {
        Assert.Equal("loan", Assert.Throws<ArgumentNullException>(() => PrepaymentQuote.AfterPayment(null!, 12, 1m, PrepaymentOption.ShortenTerm)).ParamName);
        Assert.Equal("option", Assert.Throws<ArgumentNullException>(() => PrepaymentQuote.AfterPayment(Tv1, 12, 1m, null!)).ParamName);
    }

    [Fact]
    public void Floating_rate_is_rejected()
    {
        var floating = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1), 360, Disbursed);
        ArgumentException e = Assert.Throws<ArgumentException>(() => PrepaymentQuote.AfterPayment(floating, 12, 1_000m, PrepaymentOption.ShortenTerm));
        Assert.Equal("loan", e.ParamName);
        Assert.Contains("fixed-rate", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(360)]
    [InlineData(int.MaxValue)]
    public void Payments_made_outside_0_to_n_minus_1_is_rejected(int paymentsMade)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => PrepaymentQuote.AfterPayment(Tv1, paymentsMade, 1_000m, PrepaymentOption.ShortenTerm));
        Assert.Equal("paymentsMade", e.ParamName);
        Assert.Equal(paymentsMade, e.ActualValue);
        Assert.Contains("between 0 and 359", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("984978.42")] // above the closed-form balance 984,978.4122…
    [InlineData("1000000000000")]
    public void Amount_outside_0_to_the_balance_is_rejected(string text)
    {
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => PrepaymentQuote.AfterPayment(Tv1, 12, amount, PrepaymentOption.LowerPayment));
        Assert.Equal("amount", e.ParamName);
        Assert.Equal(amount, e.ActualValue);
        Assert.Contains("984978.41", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_just_below_the_exact_balance_is_accepted()
    {
        PrepaymentQuote q = PrepaymentQuote.AfterPayment(Tv1, 12, 984_978.41m, PrepaymentOption.ShortenTerm);
        Assert.Equal(1, q.RemainingPeriods);
        Assert.Equal(0.00m, q.BalanceAfter);
    }

    [Fact]
    public void Principal_with_too_many_decimals_is_rejected()
    {
        Loan loan = Tv1 with { Principal = 1_000_000.001m };
        Assert.Throws<ArgumentException>(() => PrepaymentQuote.AfterPayment(loan, 12, 1_000m, PrepaymentOption.ShortenTerm));
    }
}

/// <summary>Invariants of the closed-form quote over varied loans (china-mortgage-conventions.md TV-7a, §4.1).</summary>
public class PrepaymentQuoteInvariantTests
{
    [Theory]
    [InlineData(1_000_000, "4.9", 360, 12, 200_000)]
    [InlineData(630_000, "3.1", 240, 0, 1)]
    [InlineData(150_000, "4.5", 240, 100, 50_000.55)]
    [InlineData(2_500_000, "5.88", 360, 359, 100)]
    [InlineData(88_888.88, "12.345", 60, 30, 20_000)]
    [InlineData(1_000_000, "100", 600, 10, 10)]
    public void Shortening_and_lowering_behave(double principal, string percent, int periods, int made, double amount)
    {
        var loan = new Loan((decimal)principal, Rate.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)), periods, new LocalDate(2024, 3, 20));
        decimal payment = loan.Quote().Payment;
        PrepaymentQuote shorten = PrepaymentQuote.AfterPayment(loan, made, (decimal)amount, PrepaymentOption.ShortenTerm);
        PrepaymentQuote keep = PrepaymentQuote.AfterPayment(loan, made, (decimal)amount, PrepaymentOption.ShortenTermKeepPayment);
        PrepaymentQuote lower = PrepaymentQuote.AfterPayment(loan, made, (decimal)amount, PrepaymentOption.LowerPayment);

        Assert.Equal(shorten.RemainingPeriods, keep.RemainingPeriods);
        Assert.InRange(shorten.RemainingPeriods, 1, periods - made);
        Assert.True(shorten.ExactRemainingPeriods > shorten.RemainingPeriods - 1 && shorten.ExactRemainingPeriods <= shorten.RemainingPeriods);
        Assert.True(shorten.NewPayment <= payment);
        Assert.True(keep.RemainingPeriods == 1 || keep.NewPayment == payment);
        Assert.InRange(keep.LastPayment, 0.01m, payment);
        Assert.True(lower.NewPayment < payment);
        Assert.Equal(periods - made, lower.RemainingPeriods);
        Assert.True(keep.InterestSaved >= shorten.InterestSaved - 0.01m);
        Assert.True(shorten.InterestSaved >= lower.InterestSaved - 0.01m);
        Assert.True(lower.InterestSaved >= 0m);
        Assert.Equal(shorten.BalanceBefore - (decimal)amount, shorten.BalanceAfter, 2);
    }
}
