using NodaTime;

namespace MortgageMath.Tests.Statements;

/// <summary>
/// Worked examples of ../shared/reference/servicing-conventions.md §6 and of issue 13. TV-1: 1,000,000 at 4.9% over
/// 360 months, disbursed 2024-03-20, first instalment due 2024-04-20 (5,307.27 = 1,223.94 principal + 4,083.33
/// interest), last due 2054-03-20.
/// </summary>
public class StatementGoldenTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void The_first_year_of_tv1_has_nine_payments_from_april_to_december()
    {
        // Rows 1–9 fall due 2024-04-20 … 2024-12-20; the balance on 31 December is row 9's closing balance.
        Schedule schedule = Tv1.BuildSchedule();
        YearSummary y = schedule.YearSummary(2024);

        Assert.Equal(9, y.Payments);
        Assert.Equal(schedule.Take(9).Sum(r => r.Principal), y.Principal);
        Assert.Equal(schedule.Take(9).Sum(r => r.Interest), y.Interest);
        Assert.Equal(schedule[8].ClosingBalance, y.BalanceOnDecember31);
        Assert.Equal(11_197.06m, y.Principal);
        Assert.Equal(36_568.37m, y.Interest);
        Assert.Equal(988_802.94m, y.BalanceOnDecember31);
        Assert.Equal(0m, y.Penalty);
        Assert.Equal(9 * 5_307.27m, y.Total);
    }

    [Fact]
    public void The_last_year_ends_at_zero_and_the_years_run_from_the_disbursement_to_the_last_row()
    {
        IReadOnlyList<YearSummary> years = Tv1.BuildSchedule().YearSummaries();

        Assert.Equal(Enumerable.Range(2024, 31), years.Select(y => y.Year));
        Assert.Equal(3, years[^1].Payments); // 2054-01-20, 02-20, 03-20
        Assert.Equal(0m, years[^1].BalanceOnDecember31);
        Assert.Equal(360, years.Sum(y => y.Payments));
    }

    [Fact]
    public void A_year_before_the_first_row_shows_the_principal_as_the_balance()
    {
        // Disbursed 2024-12-20, first due 2025-01-20: nothing is paid in 2024 and the whole principal is owed.
        var loan = Tv1 with { Disbursement = new LocalDate(2024, 12, 20) };
        YearSummary y = loan.BuildSchedule().YearSummary(2024);

        Assert.Equal(new YearSummary(2024, 0m, 0m, 0m, 0m, 0m, 0m, 0, 1_000_000m), y);
    }

    [Fact]
    public void A_prepayment_penalty_is_counted_in_the_year_it_is_paid()
    {
        var loan = Tv1 with
        {
            PrepaymentPenalty = PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(1m), Percentage.Percent(1m), Percentage.Percent(1m)),
            Events = [Prepayment.Partial(new LocalDate(2025, 6, 5), 100_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule schedule = loan.BuildSchedule();
        IReadOnlyList<YearSummary> years = schedule.YearSummaries();

        Assert.Equal(1_000m, years[1].Penalty); // 1% of 100,000, paid 2025-06-05
        Assert.Equal(0m, years[0].Penalty);
        Assert.Equal(schedule.TotalPenalty, years.Sum(y => y.Penalty));
    }

    [Fact]
    public void China_deduction_from_a_first_repayment_in_april_2024_is_9000_then_12000_a_year_to_march_2044()
    {
        // 国家税务总局公告2018年第60号 §3 and servicing-conventions.md §6: 1,000 yuan a month from the month of the first
        // repayment (2024-04), at most 240 months: 9 months × 1,000 = 9,000 for 2024, 12,000 for each later year, and
        // the 240th month is 2044-03 (3 months, 3,000), although TV-1 runs to 2054.
        IReadOnlyList<HousingLoanInterestDeduction> years = Tv1.BuildSchedule().HousingLoanInterestDeductions();

        Assert.Equal(new HousingLoanInterestDeduction(2024, 9, Percentage.Percent(100m), 9_000m), years[0]);
        Assert.All(years.Skip(1).SkipLast(1), d => Assert.Equal((12, 12_000m), (d.Months, d.Amount)));
        Assert.Equal(new HousingLoanInterestDeduction(2044, 3, Percentage.Percent(100m), 3_000m), years[^1]);
        Assert.Equal(240, years.Sum(d => d.Months));
        Assert.Equal(240_000m, years.Sum(d => d.Amount));
        Assert.Equal(0, Tv1.BuildSchedule().HousingLoanInterestDeduction(2045).Months);
    }

    [Fact]
    public void A_loan_repaid_early_stops_the_deduction_in_its_payoff_month()
    {
        // Paid off 2030-06-05: June 2030 is the last month (6 months for 2030), nothing from July.
        Schedule schedule = (Tv1 with { Events = [Prepayment.Payoff(new LocalDate(2030, 6, 5))] }).BuildSchedule();

        IReadOnlyList<HousingLoanInterestDeduction> years = schedule.HousingLoanInterestDeductions();
        Assert.Equal(2030, years[^1].TaxYear);
        Assert.Equal(6, years[^1].Months);
        Assert.Equal(6_000m, years[^1].Amount);
        Assert.Equal(9 + (5 * 12) + 6, years.Sum(d => d.Months));
        Assert.Equal(6_000m, schedule.HousingLoanInterestDeduction(2030).Amount);
    }

    [Fact]
    public void Spouses_who_each_bought_before_marriage_each_deduct_half()
    {
        // 国家税务总局公告2018年第60号 §3: each spouse may deduct 50% for the home each bought before marriage.
        Schedule schedule = Tv1.BuildSchedule();

        HousingLoanInterestDeduction first = schedule.HousingLoanInterestDeduction(2024, Percentage.Percent(50m));
        Assert.Equal(new HousingLoanInterestDeduction(2024, 9, Percentage.Percent(50m), 4_500m), first);
        Assert.Equal(6_000m, schedule.HousingLoanInterestDeduction(2025, Percentage.Percent(50m)).Amount);
        Assert.Equal(120_000m, schedule.HousingLoanInterestDeductions(Percentage.Percent(50m)).Sum(d => d.Amount));
    }

    [Fact]
    public void The_deduction_rule_is_data()
    {
        var policy = new HousingLoanInterestPolicy(1_500m, 12, "a hypothetical rule");
        IReadOnlyList<HousingLoanInterestDeduction> years = Tv1.BuildSchedule().HousingLoanInterestDeductions(policy: policy);

        Assert.Equal([(2024, 9, 13_500m), (2025, 3, 4_500m)], years.Select(d => (d.TaxYear, d.Months, d.Amount)));
        Assert.Equal(1_000m, HousingLoanInterestPolicy.China.MonthlyAmount);
        Assert.Equal(240, HousingLoanInterestPolicy.China.MaxMonths);
        Assert.Contains("2018年第60号", HousingLoanInterestPolicy.China.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_1098_reports_the_interest_of_the_year_from_600()
    {
        // 300,000 at 6.5% over 30 years from 2025-01-01: 1,896.20 a month, 12 payments in 2025 (Feb–Dec 11 rows + …).
        var loan = new Loan(300_000m, Rate.Percent(6.5m), 360, new LocalDate(2025, 1, 1));
        Schedule schedule = loan.BuildSchedule();
        MortgageInterestStatement s = schedule.MortgageInterestStatement(2025);

        Assert.Equal(schedule.YearSummary(2025).Interest, s.Interest);
        Assert.Equal(s.Interest, s.InterestReceived);
        Assert.True(s.MustReport);
        Assert.Equal(600m, s.Threshold);
    }

    [Fact]
    public void Form_1098_below_600_is_not_reportable_and_the_threshold_is_inclusive()
    {
        // A year in which 599.99 or 600.00 of interest is received.
        Assert.False(new MortgageInterestStatement(2025, 599.99m, 0m, 600m).MustReport);
        Assert.True(new MortgageInterestStatement(2025, 590m, 10m, 600m).MustReport);

        // A small loan: 10,000 at 5% for 12 months from 2025-01-01 pays about 270 of interest in 2025.
        var loan = new Loan(10_000m, Rate.Percent(5m), 12, new LocalDate(2025, 1, 1));
        MortgageInterestStatement s = loan.BuildSchedule().MortgageInterestStatement(2025);
        Assert.True(s.InterestReceived is > 0m and < 600m);
        Assert.False(s.MustReport);
    }

    [Fact]
    public void From_an_account_the_year_counts_what_was_actually_paid()
    {
        // servicing.md §3: one payment of 1,896.20 on 2025-02-01 (1,625.00 interest + 271.20 principal), then nothing.
        var loan = new Loan(300_000m, Rate.Percent(6.5m), 360, new LocalDate(2025, 1, 1));
        LoanAccount account = loan.Account([new(new LocalDate(2025, 2, 1), 1_896.20m)], new LocalDate(2025, 4, 20), OverduePolicy.UnitedStates);

        YearSummary y = account.YearSummary(2025);
        Assert.Equal(new YearSummary(2025, 271.20m, 1_625.00m, 0m, 0m, 0m, 0m, 1, 299_728.80m), y);
        MortgageInterestStatement s = account.MortgageInterestStatement(2025);
        Assert.Equal(1_625.00m, s.InterestReceived);
        Assert.True(s.MustReport);
    }

    [Fact]
    public void From_an_account_penalty_interest_counts_as_a_charge_in_box_1()
    {
        // TV-1 paid 30 days late with its penalties (AccountGoldenTests): 7.50 罚息 + 25.01 复利 + 4,083.33 interest.
        LoanAccount account = Tv1.Account([new ReceivedPayment(new LocalDate(2024, 5, 20), 5_339.78m)], new LocalDate(2024, 5, 20));

        YearSummary y = account.YearSummary(2024);
        Assert.Equal((1_223.94m, 4_083.33m, 7.50m, 25.01m, 1), (y.Principal, y.Interest, y.PenaltyInterest, y.CompoundInterest, y.Payments));
        Assert.Equal(1_000_000m - 1_223.94m, y.BalanceOnDecember31);

        Assert.Equal(4_083.33m + 7.50m + 25.01m, account.MortgageInterestStatement(2024).InterestReceived);
        var excluding = new MortgageInterestReportingPolicy(600m, false, "interest only");
        Assert.Equal(4_083.33m, account.MortgageInterestStatement(2024, excluding).InterestReceived);
    }
}
