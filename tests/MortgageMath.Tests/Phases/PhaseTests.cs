using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Phases;

/// <summary>Balloon (气球贷) and interest-first (先息后本) loans: china-mortgage-conventions.md §7 and TV-10.</summary>
public sealed class PhaseTests
{
    private static readonly LocalDate Disbursed = new(2024, 1, 15);

    private static Loan BalloonTv10() =>
        new(1_000_000m, Rate.Percent(5m), 60, Disbursed) { Method = RepaymentMethod.Balloon(240) };

    private static Loan InterestFirstTv10() =>
        new(1_000_000m, Rate.Percent(3.5m), 360, Disbursed) { Method = RepaymentMethod.InterestFirst(24) };

    /// <summary>TV-10 (NFRA Shenzhen / Yicai example): 1,000,000 at 5% amortized over 240 months, maturing at month 60:
    /// 6,599.56 a month (published "6,599"); the balance after the 60th regular instalment is 834,548.63, so the formula
    /// final payment is 841,148.19; the bank schedule (C3) pays 841,148.05; exact interest 230,522.08 (published
    /// "230,800", a 0.12% gap the notes cannot explain).</summary>
    [Fact]
    public void TV10_balloon_payment_final_balloon_and_interest()
    {
        Schedule s = BalloonTv10().BuildSchedule();
        Assert.Equal(60, s.Count);
        Assert.All(s.Take(59), row =>
        {
            Assert.Equal(6_599.56m, row.Payment);
            Assert.Equal(InstallmentKind.Regular, row.Kind);
        });
        Assert.Equal(InstallmentKind.Balloon, s.Last.Kind);
        Assert.Equal(841_148.05m, s.Last.Payment);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(1_000_000m, s.TotalPrincipal);

        LoanQuote q = s.Quote;
        Assert.Equal(6_599.56m, q.Payment);
        Assert.Equal(841_148.19m, q.BalloonPayment);
        Assert.Equal(230_522.08m, q.FormulaTotalInterest);
    }

    /// <summary>TV-10's comparison: the standard 60-month loan pays 18,871.23 and 132,274.02 of interest (published
    /// "18,871" and "132,000").</summary>
    [Fact]
    public void TV10_standard_sixty_month_comparison()
    {
        LoanQuote q = (BalloonTv10() with { Method = RepaymentMethod.EqualInstallment }).Quote();
        Assert.Equal(18_871.23m, q.Payment);
        Assert.Equal(132_274.02m, q.FormulaTotalInterest);
        Assert.Null(q.BalloonPayment);
    }

    /// <summary>TV-10 先息后本: 1,000,000 at 3.5%, 24 months interest only (2,916.67), then equal installment over the
    /// remaining 336 months (4,673.00); total interest 640,127.47 (24 × 2,916.67 + the annuity's formula total).</summary>
    [Fact]
    public void TV10_interest_first_payments_and_total()
    {
        Schedule s = InterestFirstTv10().BuildSchedule();
        Assert.All(s.Take(24), row =>
        {
            Assert.Equal(2_916.67m, row.Payment);
            Assert.Equal(0m, row.Principal);
        });
        Assert.All(s.Skip(24).Take(335), row => Assert.Equal(4_673.00m, row.Payment));
        Assert.Equal(0m, s.Last.ClosingBalance);

        LoanQuote q = s.Quote;
        Assert.Equal(2_916.67m, q.Payment);
        Assert.Equal(4_673.00m, q.PaymentAfterInterestOnly);
        Assert.Equal(640_127.47m, q.FormulaTotalInterest);

        // Against a plain 360-month annuity: 4,490.45 a month, 616,560.88 of interest.
        LoanQuote plain = (InterestFirstTv10() with { Method = RepaymentMethod.EqualInstallment }).Quote();
        Assert.Equal(4_490.45m, plain.Payment);
        Assert.Equal(616_560.88m, plain.FormulaTotalInterest);
    }

    /// <summary>"1 yuan of principal" interest-first phases (CCB, §7): 1.00 of principal each interest-only month.</summary>
    [Fact]
    public void Interest_first_with_a_minimum_principal_of_one_yuan()
    {
        Loan loan = InterestFirstTv10() with { Method = RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualInstallment, 1m) };
        Schedule s = loan.BuildSchedule();
        Assert.All(s.Take(24), row => Assert.Equal(1m, row.Principal));
        Assert.Equal(999_976m, s[24].OpeningBalance);
        Assert.Equal(2_917.67m, s.First.Payment); // 1.00 + 2,916.67
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void Interest_first_then_equal_principal()
    {
        Loan loan = InterestFirstTv10() with { Method = RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal) };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(2_976.19m, s[24].Principal); // 1,000,000 / 336
        Assert.Equal(2_976.19m + 2_916.67m, s[24].Payment);
        Assert.Equal(s[24].Payment, s.Quote.PaymentAfterInterestOnly);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Property(MaxTest = 200)]
    public Property Balloon_over_its_own_term_is_a_plain_loan() =>
        Prop.ForAll(Loans(), loan =>
        {
            Schedule plain = loan.BuildSchedule();
            Schedule balloon = (loan with { Method = RepaymentMethod.Balloon(loan.Periods) }).BuildSchedule();
            Assert.Equal(plain.ToArray(), balloon.ToArray());
        });

    [Property(MaxTest = 200)]
    public Property Interest_first_with_no_interest_only_periods_is_a_plain_loan() =>
        Prop.ForAll(Loans(), loan =>
        {
            foreach (RepaymentMethod then in new[] { RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal })
            {
                Schedule plain = (loan with { Method = then }).BuildSchedule();
                Schedule first = (loan with { Method = RepaymentMethod.InterestFirst(0, then) }).BuildSchedule();
                Assert.Equal(plain.ToArray(), first.ToArray());
                Assert.Equal(plain.Quote.Payment, first.Quote.Payment);
                Assert.Equal(plain.Quote.FormulaTotalInterest, first.Quote.FormulaTotalInterest);
            }
        });

    [Property(MaxTest = 300)]
    public Property Phased_schedules_end_at_zero_with_no_negative_amount() =>
        Prop.ForAll(Loans(), Gen.Choose(1, 600).ToArbitrary(), Gen.Choose(0, 599).ToArbitrary(), (loan, extra, interestOnly) =>
        {
            var methods = new List<RepaymentMethod>
            {
                RepaymentMethod.Balloon(Math.Min(600, loan.Periods + (extra % 300))),
            };
            if (interestOnly % loan.Periods < loan.Periods)
            {
                methods.Add(RepaymentMethod.InterestFirst(interestOnly % loan.Periods, RepaymentMethod.EqualInstallment));
                methods.Add(RepaymentMethod.InterestFirst(interestOnly % loan.Periods, RepaymentMethod.EqualPrincipal));
            }

            foreach (RepaymentMethod method in methods)
            {
                Schedule s = (loan with { Method = method }).BuildSchedule();
                Assert.Equal(loan.Periods, s.Count);
                Assert.Equal(0m, s.Last.ClosingBalance);
                Assert.Equal(loan.Principal, s.TotalPrincipal);
                decimal opening = loan.Principal;
                foreach (Installment row in s)
                {
                    Assert.Equal(opening, row.OpeningBalance);
                    Assert.True(row.Principal >= 0 && row.Interest >= 0 && row.ClosingBalance >= 0, row.ToString());
                    Assert.Equal(row.Principal + row.Interest, row.Payment);
                    opening = row.ClosingBalance;
                }
            }
        });

    [Fact]
    public void Invalid_phases_are_rejected_with_their_reason()
    {
        Loan loan = BalloonTv10();
        ArgumentException shortTerm = Assert.Throws<ArgumentException>(() => (loan with { Method = RepaymentMethod.Balloon(59) }).BuildSchedule());
        Assert.Contains("59", shortTerm.Message);
        Assert.Equal("Method", shortTerm.ParamName);

        ArgumentException tooLong = Assert.Throws<ArgumentException>(() => (loan with { Method = RepaymentMethod.InterestFirst(60) }).BuildSchedule());
        Assert.Contains("fewer than", tooLong.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.Balloon(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.Balloon(601));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.InterestFirst(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.InterestFirst(12, null, -1m));
        Assert.Throws<ArgumentException>(() => RepaymentMethod.InterestFirst(12, RepaymentMethod.Balloon(240)));
        Assert.Throws<ArgumentException>(() => (loan with { Method = RepaymentMethod.InterestFirst(12, null, 0.001m) }).BuildSchedule());
    }

    [Fact]
    public void Phases_compose_with_floating_rates_and_prepayments()
    {
        RateTable table = RateTable.Parse(new StringReader("index,effective_date,rate_pct,source\nlpr5y,2023-01-20,4.20,t\nlpr5y,2024-12-20,3.60,t\n"), new LocalDate(2060, 1, 1));
        var plan = RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1);
        foreach (RepaymentMethod method in new[] { RepaymentMethod.Balloon(240), RepaymentMethod.InterestFirst(24) })
        {
            var loan = new Loan(1_000_000m, plan, 60, Disbursed)
            {
                Method = method,
                Rates = table,
                Events = [Prepayment.Partial(new LocalDate(2026, 3, 15), 100_000m, PrepaymentOption.LowerPayment)],
            };
            Schedule s = loan.BuildSchedule();
            Assert.Equal(0m, s.Last.ClosingBalance);
            Assert.Equal(1_000_000m, s.TotalPrincipal);
            Assert.Contains(s, row => row.RateChanged);
            Assert.Contains(s, row => row.Kind == InstallmentKind.Prepayment);
        }
    }

    private static Arbitrary<Loan> Loans() =>
        (from cents in Gen.Choose(1, 100_000_000)
         from bp in Gen.Choose(0, 2_400)
         from periods in Gen.Choose(1, 600)
         from day in Gen.Choose(1, 28)
         select new Loan(cents / 100m * 10m, Rate.BasisPoints(bp), periods, new LocalDate(2024, 1, day))).ToArbitrary();
}
