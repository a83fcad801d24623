using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Penalty policies (china-mortgage-conventions.md §4.3, §4.4) with hand-computed figures on the TV-1 loan
/// (disbursed 2024-03-20: loan year 1 = 2024-03-20 .. 2025-03-19).</summary>
public sealed class PenaltyTests
{
    private static Schedule Build(PrepaymentPenalty penalty, params Prepayment[] prepayments) =>
        (Tv1 with { PrepaymentPenalty = penalty, Events = prepayments }).BuildSchedule();

    private static decimal PenaltyOf(PrepaymentPenalty penalty, LocalDate date, decimal amount) =>
        PrepaymentRow(Build(penalty, Prepayment.Partial(date, amount, PrepaymentOption.LowerPayment))).Penalty;

    [Theory]
    [InlineData(2024, 9, 20, 3_000)]  // year 1
    [InlineData(2025, 3, 19, 3_000)]  // last day of year 1
    [InlineData(2025, 3, 20, 2_000)]  // first anniversary: year 2
    [InlineData(2026, 3, 19, 2_000)]
    [InlineData(2026, 3, 20, 1_000)]  // year 3
    [InlineData(2027, 3, 20, 0)]      // year 4: nothing after the last year given
    [InlineData(2040, 1, 1, 0)]
    public void Percent_of_amount_by_loan_year_3_2_1(int year, int month, int day, int expected)
    {
        PrepaymentPenalty ccb = PrepaymentPenalty.PercentOfAmountByYear(Pct(3m), Pct(2m), Pct(1m));
        Assert.Equal(expected, PenaltyOf(ccb, D(year, month, day), 100_000m));
    }

    [Fact]
    public void Percent_is_rounded_once_by_the_loan_rounding()
    {
        PrepaymentPenalty p = PrepaymentPenalty.PercentOfAmountByYear(Pct(1.5m));
        Assert.Equal(1.50m, PenaltyOf(p, D(2024, 9, 20), 100.33m)); // 1.50495 → 1.50
        Assert.Equal(1.51m, PenaltyOf(p, D(2024, 9, 20), 100.34m)); // 1.5051 → 1.51
    }

    [Fact]
    public void Months_of_interest_is_amount_times_rate_times_months_over_12()
    {
        // 200,000 × 4.9% × 3/12 = 2,450.00
        Assert.Equal(2_450.00m, PenaltyOf(PrepaymentPenalty.MonthsOfInterest(3), D(2025, 3, 20), 200_000m));
        // 1 month: 816.666… → 816.67
        Assert.Equal(816.67m, PenaltyOf(PrepaymentPenalty.MonthsOfInterest(1), D(2025, 3, 20), 200_000m));
        // Between due dates it is the same: months, not days.
        Assert.Equal(2_450.00m, PenaltyOf(PrepaymentPenalty.MonthsOfInterest(3), D(2025, 4, 8), 200_000m));
    }

    [Fact]
    public void Months_of_interest_within_years_stops_after_them()
    {
        PrepaymentPenalty cmb = PrepaymentPenalty.MonthsOfInterest(3, withinYears: 1);
        Assert.Equal(2_450.00m, PenaltyOf(cmb, D(2025, 2, 20), 200_000m));
        Assert.Equal(0m, PenaltyOf(cmb, D(2025, 3, 20), 200_000m));
    }

    [Fact]
    public void Uk_erc_charges_only_the_excess_over_10_percent_of_the_year_start_balance()
    {
        PrepaymentPenalty uk = PrepaymentPenalty.UkEarlyRepaymentCharge(Pct(10m), Pct(5m), Pct(4m), Pct(3m), Pct(2m), Pct(1m));
        // Year 1 starts at 1,000,000: allowance 100,000.
        Assert.Equal(0m, PenaltyOf(uk, D(2024, 9, 20), 100_000m));
        Assert.Equal(2_500.00m, PenaltyOf(uk, D(2024, 9, 20), 150_000m));   // 5% × 50,000
        Assert.Equal(0.05m, PenaltyOf(uk, D(2024, 9, 20), 100_001m));       // 5% × 1.00
    }

    [Fact]
    public void Uk_erc_two_prepayments_in_one_year_share_the_allowance()
    {
        PrepaymentPenalty uk = PrepaymentPenalty.UkEarlyRepaymentCharge(Pct(10m), Pct(5m), Pct(4m), Pct(3m), Pct(2m), Pct(1m));
        Schedule schedule = Build(uk,
            Prepayment.Partial(D(2024, 6, 20), 60_000m, PrepaymentOption.LowerPayment),
            Prepayment.Partial(D(2024, 9, 20), 60_000m, PrepaymentOption.LowerPayment));
        Installment[] rows = [.. schedule.Where(r => r.Kind == InstallmentKind.Prepayment)];
        Assert.Equal(0m, rows[0].Penalty);          // within the 100,000
        Assert.Equal(1_000.00m, rows[1].Penalty);   // 40,000 allowance left: 5% × 20,000
        Assert.Equal(1_000.00m, schedule.TotalPenalty);
        AssertWellFormed(schedule, "UK shared allowance");
    }

    [Fact]
    public void Uk_erc_allowance_renews_with_the_next_loan_year_on_that_years_start_balance()
    {
        PrepaymentPenalty uk = PrepaymentPenalty.UkEarlyRepaymentCharge(Pct(10m), Pct(5m), Pct(4m), Pct(3m), Pct(2m), Pct(1m));
        Schedule schedule = Build(uk,
            Prepayment.Partial(D(2024, 9, 20), 100_000m, PrepaymentOption.LowerPayment),   // year 1: the whole allowance
            Prepayment.Partial(D(2025, 4, 20), 100_000m, PrepaymentOption.LowerPayment));  // year 2
        Installment[] rows = [.. schedule.Where(r => r.Kind == InstallmentKind.Prepayment)];
        Assert.Equal(0m, rows[0].Penalty);

        // Year 2 starts on 2025-03-20; its balance at the start of that day is the opening balance of that day's payment.
        decimal yearStart = Regular(schedule, D(2025, 3, 20)).OpeningBalance;
        Assert.Equal(886_895.45m, yearStart);
        Assert.Equal(1_000_000m - 100_000m - schedule.Where(r => r.Kind == InstallmentKind.Regular && r.DueDate < D(2025, 3, 20)).Sum(r => r.Principal), yearStart);
        decimal allowance = Math.Round(yearStart * 0.10m, 2, MidpointRounding.AwayFromZero); // 88,689.545 → 88,689.55
        decimal expected = Math.Round((100_000m - allowance) * 0.04m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(452.42m, expected); // 4% × 11,310.45 = 452.418
        Assert.Equal(expected, rows[1].Penalty);
    }

    [Fact]
    public void Uk_erc_charges_nothing_after_the_last_tier()
    {
        PrepaymentPenalty uk = PrepaymentPenalty.UkEarlyRepaymentCharge(Pct(10m), Pct(2m), Pct(1m));
        Assert.Equal(0m, PenaltyOf(uk, D(2026, 3, 20), 500_000m)); // year 3
        // Year 2 (1%): the year starts at 986,258.44 (before that day's payment), allowance 98,625.84, 1% × 401,374.16.
        Assert.Equal(4_013.74m, PenaltyOf(uk, D(2025, 3, 20), 500_000m));
    }

    [Fact]
    public void Sum_adds_the_policies()
    {
        PrepaymentPenalty sum = PrepaymentPenalty.Sum(
            PrepaymentPenalty.PercentOfAmountByYear(Pct(1m), Pct(1m)),
            PrepaymentPenalty.MonthsOfInterest(1));
        Assert.Equal(2_816.67m, PenaltyOf(sum, D(2025, 3, 20), 200_000m)); // 2,000 + 816.67
        Assert.Equal(816.67m, PenaltyOf(sum, D(2026, 3, 20), 200_000m));   // year 3: interest part only
        Assert.Equal(0m, PenaltyOf(PrepaymentPenalty.Sum(), D(2025, 3, 20), 200_000m));
    }

    [Fact]
    public void Penalty_is_in_the_row_the_total_penalty_and_the_total_payment()
    {
        Schedule schedule = Build(PrepaymentPenalty.PercentOfAmountByYear(Pct(3m), Pct(2m), Pct(1m)),
            Prepayment.Partial(D(2024, 9, 20), 100_000m, PrepaymentOption.LowerPayment),
            Prepayment.Partial(D(2025, 4, 8), 200_000m, PrepaymentOption.ShortenTerm));
        Installment[] rows = [.. schedule.Where(r => r.Kind == InstallmentKind.Prepayment)];
        Assert.Equal(3_000m, rows[0].Penalty);
        Assert.Equal(103_000m, rows[0].Payment);
        Assert.Equal(4_000m, rows[1].Penalty);
        Assert.Equal(200_000m + rows[1].Interest + 4_000m, rows[1].Payment);
        Assert.Equal(7_000m, schedule.TotalPenalty);
        Assert.Equal(schedule.TotalPrincipal + schedule.TotalInterest + 7_000m, schedule.TotalPayment);
        Assert.Equal(1_000_000m, schedule.TotalPrincipal);
        AssertWellFormed(schedule, "penalties");
    }

    [Fact]
    public void Payoff_is_charged_on_the_whole_balance_and_the_quote_shows_it()
    {
        Loan loan = Tv1 with { PrepaymentPenalty = PrepaymentPenalty.PercentOfAmountByYear(Pct(3m), Pct(2m), Pct(1m)) };
        PayoffQuote quote = loan.PayoffQuote(D(2025, 4, 8));
        Assert.Equal(19_699.57m, quote.Penalty); // 2% × 984,978.39 = 19,699.5678
        Assert.Equal(984_978.39m + 2_547.26m + 19_699.57m, quote.Total);
        Schedule schedule = loan.With(Prepayment.Payoff(D(2025, 4, 8))).BuildSchedule();
        Assert.Equal(19_699.57m, schedule.Last.Penalty);
        Assert.Equal(quote.Total, schedule.Last.Payment);
    }

    [Fact]
    public void Us_limit_throws_naming_the_rule_when_the_policy_charges_more()
    {
        Loan loan = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Pct(3m), Pct(2m), Pct(1m))),
            Events = [Prepayment.Partial(D(2024, 9, 20), 100_000m, PrepaymentOption.LowerPayment)],
        };
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => loan.BuildSchedule());
        Assert.Contains("1026.43", ex.Rule);
        Assert.Contains("3000", ex.Message.Replace(",", ""));
    }

    [Fact]
    public void Us_limit_is_2_2_1_then_nothing()
    {
        PrepaymentPenalty ok = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Pct(2m), Pct(2m), Pct(1m)));
        Assert.Equal(2_000m, PenaltyOf(ok, D(2024, 9, 20), 100_000m));
        Assert.Equal(2_000m, PenaltyOf(ok, D(2025, 9, 20), 100_000m));
        Assert.Equal(1_000m, PenaltyOf(ok, D(2026, 9, 20), 100_000m));
        Assert.Equal(0m, PenaltyOf(ok, D(2027, 9, 20), 100_000m));

        // 2% in year 3 is over the 1% cap; 0.5% in year 4 is over the 0 cap.
        PrepaymentPenalty year3 = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Pct(2m), Pct(2m), Pct(2m)));
        Assert.Throws<PrepaymentRuleViolationException>(() => PenaltyOf(year3, D(2026, 9, 20), 100_000m));
        PrepaymentPenalty year4 = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Pct(0m), Pct(0m), Pct(0m), Pct(0.5m)));
        Assert.Throws<PrepaymentRuleViolationException>(() => PenaltyOf(year4, D(2027, 9, 20), 100_000m));

        // 3 months' interest at 4.9% = 1.225% of the amount: allowed in years 1-2, not in year 3.
        PrepaymentPenalty months = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(3));
        Assert.Equal(1_225m, PenaltyOf(months, D(2025, 9, 20), 100_000m));
        var ex = Assert.Throws<PrepaymentRuleViolationException>(() => PenaltyOf(months, D(2026, 9, 20), 100_000m));
        Assert.Contains("1026.43", ex.Rule);
    }

    [Fact]
    public void Us_limit_also_checks_the_payoff_quote()
    {
        Loan loan = Tv1 with { PrepaymentPenalty = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Pct(5m))) };
        Assert.Throws<PrepaymentRuleViolationException>(() => loan.PayoffQuote(D(2024, 9, 20)));
        Assert.Equal(0m, loan.PayoffQuote(D(2025, 9, 20)).Penalty);
    }

    [Fact]
    public void Penalty_factories_reject_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(25));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentPenalty.MonthsOfInterest(1, withinYears: 0));
        Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.PercentOfAmountByYear(null!));
        Assert.Throws<ArgumentException>(() => PrepaymentPenalty.Sum(PrepaymentPenalty.None, null!));
        Assert.Throws<ArgumentNullException>(() => PrepaymentPenalty.CheckedAgainstUsLimit(null!));
        Assert.Throws<ArgumentNullException>(() => Tv1 with { PrepaymentPenalty = null! });
    }
}
