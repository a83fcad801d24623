using System.Numerics;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Regression;

/// <summary>
/// Issue 10, library side: the wrong figures (items 1–3) and the valid inputs that overflowed or broke a promise
/// (items 5–7). Each test reproduces the issue's example exactly; the figures it expects are checked against the
/// issue's own sums or against <see cref="ExactOracle"/>, never against the library's own arithmetic.
/// </summary>
public sealed class Issue10EngineTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    // ---------------- item 1: a new term past the original maturity keeps following the fixings

    /// <summary>Item 1's loan: 500,000 over 24 months at LPR5Y + 0, repriced every 1 January, from 2022-03-10;
    /// 10,000 prepaid on 2022-09-10 with a new term of 60 months (the loan now ends 2027-09-10).</summary>
    private static Loan Item1Loan(RateTable rates) =>
        new(500_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 24, D(2022, 3, 10))
        {
            Rates = rates,
            Events = [Prepayment.Partial(D(2022, 9, 10), 10_000m, PrepaymentOption.NewTerm(60))],
        };

    [Fact]
    public void Item1_new_term_past_the_old_maturity_keeps_repricing()
    {
        RateTable rates = RateTable.China.AssumingUnchangedUntil(D(2028, 1, 1));
        Schedule schedule = Item1Loan(rates).BuildSchedule();

        // 6 periods done + 60 new ones: the last row is period 66 on 2027-09-10 and repays the loan.
        Assert.Equal(66, schedule.RegularPayments);
        Assert.Equal(66, schedule.Last.Period);
        Assert.Equal(D(2027, 9, 10), schedule.Last.DueDate);
        Assert.Equal(0m, schedule.Last.ClosingBalance);

        // Every regular row carries the rate in force on the last day of its period: 4.60% (the fixing at
        // disbursement) in 2022, then from each 1 January the LPR5Y fixing in force that day (the December one).
        foreach (Installment row in schedule.Where(r => r.Kind == InstallmentKind.Regular))
        {
            int year = row.DueDate.PlusDays(-1).Year;
            Rate expected = year == 2022 ? Rate.Percent(4.6m) : rates.FixingOn(RateIndex.Lpr5Y, D(year, 1, 1)).Value;
            Assert.True(expected == row.AnnualRate, $"{row}: expected {expected}");
        }

        // Row 34 (2025-01-10) straddles the 2025 repricing: 22 days at 4.20% (the 2023-12 fixing), 9 days at
        // 3.60% (the 2024-12 fixing); its interest is the exact two-rate sum, rounded once.
        Installment row34 = schedule.Single(r => r.Kind == InstallmentKind.Regular && r.Period == 34);
        Assert.Equal(D(2025, 1, 10), row34.DueDate);
        Assert.Equal(Rate.Percent(3.6m), row34.AnnualRate);
        Assert.Equal(
            [new RateSegment(D(2024, 12, 10), D(2025, 1, 1), Rate.Percent(4.2m)), new RateSegment(D(2025, 1, 1), D(2025, 1, 10), Rate.Percent(3.6m))],
            row34.RateSegments);
        BigInteger opening = ExactOracle.ToMinor(row34.OpeningBalance, 2);
        BigInteger interest = ExactOracle.Round(opening * ((42 * 22) + (36 * 9)), 360 * 1000, RoundingMode.HalfUp);
        Assert.Equal(ExactOracle.Money(interest, 2), row34.Interest);

        // The rate change re-amortizes the balance at the period's start over the 33 periods left (34..66): row 35,
        // a plain month at 3.60%, pays exactly that annuity.
        Installment row35 = schedule.Single(r => r.Kind == InstallmentKind.Regular && r.Period == 35);
        Assert.Equal(ExactOracle.AnnuityPayment(row34.OpeningBalance, Rate.Percent(3.6m), 33, RoundingPolicy.Default), row35.Payment);
        Assert.Equal(Rate.Percent(3.5m), schedule.Single(r => r.DueDate == D(2026, 1, 10)).AnnualRate);
        Assert.Contains(schedule.RateChanges, c => c.EffectiveDate == D(2025, 1, 1) && c.AnnualRate == Rate.Percent(3.6m));
    }

    [Fact]
    public void Item1_new_term_past_the_shipped_table_needs_its_fixings()
    {
        // The shipped table is complete to 2026-03-20; the extended loan reprices on 2027-01-01, so it must say which
        // fixing it lacks (as any loan running past the table does) instead of keeping 2024's rate to 2027-09.
        var ex = Assert.Throws<MissingRateFixingException>(() => Item1Loan(RateTable.China).BuildSchedule());
        Assert.Equal(D(2027, 1, 1), ex.Date);
    }

    [Fact]
    public void Item1_a_stepped_plan_steps_inside_the_extension()
    {
        // 24 months, 12 at 3% then 5%, extended to 66 by a new term: the step still happens after period 12, and
        // a stepped plan whose first phase outlasts the original term now steps inside the extension.
        RatePlan stepped = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 36, RatePlan.Fixed(Rate.Percent(5m)));
        Loan loan = new(500_000m, stepped, 24, D(2022, 3, 10))
        {
            Events = [Prepayment.Partial(D(2022, 9, 10), 10_000m, PrepaymentOption.NewTerm(60))],
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(Rate.Percent(3m), schedule.Single(r => r.Kind == InstallmentKind.Regular && r.Period == 36).AnnualRate);
        Assert.Equal(Rate.Percent(5m), schedule.Single(r => r.Kind == InstallmentKind.Regular && r.Period == 37).AnnualRate);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    // ---------------- item 2: combined closing balances include a leg's capitalized holiday interest

    [Fact]
    public void Item2_combined_closing_balance_includes_capitalized_holiday_interest()
    {
        RateTable rates = RateTable.China.AssumingUnchangedUntil(D(2060, 1, 1));
        Loan commercial = new(700_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, D(2025, 6, 20))
        {
            Rates = rates,
            RepaymentDay = 25,
        };
        Loan fund = new(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, D(2025, 6, 20))
        {
            Rates = rates,
            RepaymentDay = 25,
            Events = [PaymentHoliday.On(D(2025, 8, 25), SkippedInterest.Capitalized)],
        };
        var combined = new CombinedLoan(new LoanLeg("commercial", commercial), new LoanLeg("provident-fund", fund));
        CombinedSchedule schedule = combined.BuildSchedule();

        Assert.Equal(3.05m, commercial.BuildSchedule()[1].AnnualRate.ToPercent());
        Installment holiday = schedule.Leg("provident-fund").Single(r => r.DueDate == D(2025, 8, 25));
        Assert.Equal(InstallmentKind.Holiday, holiday.Kind);
        Assert.Equal(ExactOracle.MonthlyInterest(holiday.OpeningBalance, Rate.Percent(2.6m), RoundingPolicy.Default), holiday.DeferredInterest);
        Assert.Equal(300_097.79m, holiday.ClosingBalance);
        Assert.Equal(697_615.03m, schedule.Leg("commercial").Single(r => r.DueDate == D(2025, 8, 25)).ClosingBalance);

        // The issue's sum: 697,615.03 + 300,097.79 = 997,712.82 (it showed 997,064.01, without the 648.81 capitalized).
        Assert.Equal(997_712.82m, 697_615.03m + 300_097.79m);
        Assert.Equal(997_712.82m, schedule.Single(r => r.Date == D(2025, 8, 25)).ClosingBalance);

        // Every row opens at the previous row's closing balance: closing = previous closing − principal + capitalized.
        decimal owed = 1_000_000m;
        foreach (CombinedRow row in schedule)
        {
            decimal capitalized = row.Rows.Where(r => r.Row.Kind == InstallmentKind.Holiday && r.Row.ClosingBalance > r.Row.OpeningBalance)
                .Sum(r => r.Row.DeferredInterest);
            Assert.Equal(capitalized, row.CapitalizedInterest);
            owed += capitalized - row.Principal;
            Assert.True(owed == row.ClosingBalance, $"{row}: expected closing {owed}");
        }

        Assert.Equal(0m, owed);
        CombinedRow holidayRow = schedule.Single(r => r.Date == D(2025, 8, 25));
        Assert.Equal((holiday.DeferredInterest, holiday.DeferredInterest), (holidayRow.DeferredInterest, holidayRow.CapitalizedInterest));
        Assert.Equal(holiday.OpeningBalance - holiday.Principal + holiday.CapitalizedInterest, holiday.ClosingBalance);
    }

    [Fact]
    public void Item2_penalty_allowance_uses_the_balance_at_the_year_start_before_a_capitalized_holiday()
    {
        // The same cause inside one loan: the balance at the start of a loan year (a UK-style allowance is 10% of it)
        // was worked back from today's balance by adding the principal repaid since, forgetting the interest a
        // holiday capitalized since. TV-1, loan year 2 from 2024-03-20... 2025-03-20; holiday 2025-04-20, prepay 2025-06-20.
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 360, D(2024, 3, 20))
        {
            PrepaymentPenalty = PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10m), Percentage.Percent(5m), Percentage.Percent(4m)),
            Events = [PaymentHoliday.On(D(2025, 4, 20), SkippedInterest.Capitalized), Prepayment.Partial(D(2025, 6, 20), 200_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.True(schedule.Single(r => r.Kind == InstallmentKind.Holiday).CapitalizedInterest > 0m);
        decimal yearStart = schedule.Single(r => r.DueDate == D(2025, 2, 20)).ClosingBalance; // owed at the start of 2025-03-20
        decimal chargeable = 200_000m - Math.Round(yearStart * 0.10m, 2, MidpointRounding.AwayFromZero);
        Installment prepayment = schedule.Single(r => r.Kind == InstallmentKind.Prepayment);
        Assert.Equal(Math.Round(chargeable * 0.04m, 2, MidpointRounding.AwayFromZero), prepayment.Penalty);
    }

    // ---------------- item 3: a prepayment on a holiday's due date is numbered with that period

    [Theory]
    [InlineData(SkippedInterest.Capitalized)]
    [InlineData(SkippedInterest.CollectedLater)]
    public void Item3_prepayment_on_a_holiday_due_date_keeps_the_period_number(SkippedInterest skipped)
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 120, D(2024, 3, 10))
        {
            Events = [PaymentHoliday.On(D(2024, 8, 10), skipped), Prepayment.Partial(D(2024, 8, 10), 50_000m, PrepaymentOption.ShortenTerm)],
        };
        Schedule schedule = loan.BuildSchedule();

        Installment holiday = schedule[4];
        Installment prepayment = schedule[5];
        Assert.Equal((InstallmentKind.Holiday, 5, D(2024, 8, 10)), (holiday.Kind, holiday.Period, holiday.DueDate));
        Assert.Equal((InstallmentKind.Prepayment, 5, D(2024, 8, 10)), (prepayment.Kind, prepayment.Period, prepayment.DueDate));
        Assert.Equal((InstallmentKind.Regular, 6, D(2024, 9, 10)), (schedule[6].Kind, schedule[6].Period, schedule[6].DueDate));

        // The amounts (which were right): the prepayment follows the holiday with no days of interest, on the
        // balance the holiday left; the holiday re-levelled that balance over the 115 periods left, and shorten-term
        // then takes the fewest periods k whose payment on the new balance is not above that level.
        Assert.Equal(holiday.ClosingBalance, prepayment.OpeningBalance);
        Assert.Equal((50_000m, 0m, 0m), (prepayment.Principal, prepayment.Interest, prepayment.Penalty));
        RoundingPolicy policy = RoundingPolicy.Default;
        decimal level = ExactOracle.AnnuityPayment(holiday.ClosingBalance, Rate.Percent(4.9m), 115, policy);
        decimal balance = prepayment.ClosingBalance;
        int k = Enumerable.Range(1, 115).First(n => ExactOracle.AnnuityPayment(balance, Rate.Percent(4.9m), n, policy) <= level);
        decimal deferred = skipped == SkippedInterest.CollectedLater ? holiday.DeferredInterest : 0m;
        Assert.Equal(ExactOracle.AnnuityPayment(balance, Rate.Percent(4.9m), k, policy) + deferred, schedule[6].Payment);
        Assert.Equal(5 + k, schedule.Last.Period);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    [Fact]
    public void Item3_payoff_on_a_holiday_due_date_ends_the_schedule_in_that_period()
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 120, D(2024, 3, 10))
        {
            Events = [PaymentHoliday.On(D(2024, 8, 10), SkippedInterest.CollectedLater), Prepayment.Payoff(D(2024, 8, 10))],
        };
        Schedule schedule = loan.BuildSchedule();
        Installment holiday = schedule[4];
        Installment payoff = schedule.Last;
        Assert.Equal(6, schedule.Count);
        Assert.Equal((InstallmentKind.Payoff, 5), (payoff.Kind, payoff.Period));

        // The holiday's deferred interest is due with the payoff.
        Assert.Equal(holiday.DeferredInterest, payoff.Interest);
        Assert.Equal(holiday.ClosingBalance, payoff.Principal);
    }

    // ---------------- item 5: a capitalization may take the balance to the largest principal, no further

    [Fact]
    public void Item5_capitalized_holidays_beyond_the_largest_principal_are_refused_by_name()
    {
        // The issue's loan: 1e12 at 100% over 600 months, its first 143 due dates capitalized holidays (row 143 used to
        // close at −90,930,923,537,263,796.39). The first capitalization already passes 1,000,000,000,000.
        Loan loan = Holidays(new Loan(Loan.MaxPrincipal, Rate.Percent(100m), 600, D(2024, 1, 15)), 143);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loan.BuildSchedule());
        Assert.Equal(nameof(Loan.Events), ex.ParamName);
        Assert.Contains("2024-02-15", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1,000,000,000,000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Loan.MaxPrincipal + ExactOracle.MonthlyInterest(Loan.MaxPrincipal, Rate.Percent(100m), RoundingPolicy.Default), ex.ActualValue);

        // 1e12 at 30% with 480 holidays (it went negative too).
        Loan thirty = Holidays(new Loan(Loan.MaxPrincipal, Rate.Percent(30m), 600, D(2024, 1, 15)), 480);
        Assert.Equal(nameof(Loan.Events), Assert.Throws<ArgumentOutOfRangeException>(() => thirty.BuildSchedule()).ParamName);
    }

    [Fact]
    public void Item5_capitalization_is_refused_exactly_where_the_balance_would_pass_the_bound()
    {
        // 1e9 at 100%: capitalizing every month multiplies the balance by 13/12; the oracle finds the first holiday
        // that would take it above 1,000,000,000,000. Up to there the loan is valid and exact.
        Loan principal = new(1_000_000_000m, Rate.Percent(100m), 600, D(2024, 1, 15));
        RoundingPolicy policy = RoundingPolicy.Default;
        decimal balance = principal.Principal;
        int crossing = 0;
        while (balance <= Loan.MaxPrincipal)
        {
            crossing++;
            balance += ExactOracle.MonthlyInterest(balance, Rate.Percent(100m), policy);
        }

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Holidays(principal, 143).BuildSchedule());
        Assert.Equal(balance, ex.ActualValue);
        Assert.Contains(D(2024, 1, 15).PlusMonths(crossing).ToString("yyyy-MM-dd", null), ex.Message, StringComparison.Ordinal);

        Schedule valid = Holidays(principal, crossing - 1).BuildSchedule();
        Installment lastHoliday = valid[crossing - 2];
        Assert.Equal(InstallmentKind.Holiday, lastHoliday.Kind);
        Assert.True(lastHoliday.ClosingBalance <= Loan.MaxPrincipal);
        Assert.Equal(lastHoliday.ClosingBalance, valid[crossing - 1].OpeningBalance);
        Assert.Equal(0m, valid.Last.ClosingBalance);
        Assert.All(valid, r => Assert.True(r.ClosingBalance >= 0m && r.Payment >= 0m, r.ToString()));
    }

    [Fact]
    public void Item5_combined_loan_with_such_a_leg_fails_by_name_not_with_an_overflow()
    {
        Loan leg = Holidays(new Loan(Loan.MaxPrincipal, Rate.Percent(100m), 600, D(2024, 1, 15)), 143);
        var combined = new CombinedLoan(new LoanLeg("a", leg), new LoanLeg("b", leg with { Events = [] }));
        var ex = Assert.ThrowsAny<ArgumentException>(() => combined.BuildSchedule());
        Assert.Contains("Leg 'a'", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public void Item5_combined_loan_at_the_bound_merges_exactly()
    {
        // Sixteen legs of the largest principal at 100%, kept to 4 decimal places: the largest sums a merge can meet.
        var policy = new RoundingPolicy(4);
        Loan largest = new(Loan.MaxPrincipal, Rate.Percent(100m), 600, D(2024, 1, 31)) { Rounding = policy };
        var combined = new CombinedLoan([.. Enumerable.Range(0, CombinedLoan.MaxLegs).Select(k => new LoanLeg($"leg{k}", largest))]);
        CombinedSchedule schedule = combined.BuildSchedule();
        Schedule one = largest.BuildSchedule();
        Assert.Equal(CombinedLoan.MaxLegs * one.TotalPayment, schedule.TotalPayment);
        Assert.Equal(CombinedLoan.MaxLegs * one.First.Payment, schedule.First.Payment);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    private static Loan Holidays(Loan loan, int count) => loan with
    {
        Events = [.. Enumerable.Range(1, count).Select(k => (LoanEvent)PaymentHoliday.On(loan.Disbursement.PlusMonths(k), SkippedInterest.Capitalized))],
    };

    // ---------------- item 6: the quote of interest-first loans

    [Fact]
    public void Item6_interest_first_quote_of_the_largest_loan_at_a_long_rate()
    {
        Rate rate = Rate.Percent(13.12345678901234m);
        Loan loan = new(Loan.MaxPrincipal, rate, 600, D(2024, 1, 15)) { Method = RepaymentMethod.InterestFirst(1) };
        LoanQuote quote = loan.Quote();
        RoundingPolicy policy = RoundingPolicy.Default;

        decimal interestOnly = ExactOracle.MonthlyInterest(Loan.MaxPrincipal, rate, policy);
        decimal after = ExactOracle.AnnuityPayment(Loan.MaxPrincipal, rate, 599, policy);
        Assert.Equal(interestOnly, quote.Payment);
        Assert.Equal(decimal.Round(131_234_567_890.1234m / 12m, 15), decimal.Round(quote.ExactPayment, 15)); // 1e12 × 0.1312345678901234 / 12
        Assert.Equal(after, quote.PaymentAfterInterestOnly);
        Assert.Equal(after, quote.LastFormulaPayment);
        Assert.Equal(interestOnly + ExactOracle.AnnuityFormulaTotal(Loan.MaxPrincipal, rate, 599, policy), quote.FormulaTotalInterest);

        // The schedule agrees: the interest-only row, then the annuity over 599 periods.
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(quote.Payment, schedule[0].Payment);
        Assert.Equal(quote.PaymentAfterInterestOnly, schedule[1].Payment);
    }

    [Theory]
    [InlineData(12, 500, 583.33, 125.00)] // repays 500 + 500 in periods 1–2: interest 83.33 + 41.67
    [InlineData(3, 400, 483.33, 150.00)] // repays 400 + 400 + 200: interest 83.33 + 50.00 + 16.67
    public void Item6_interest_first_minimum_principal_that_repays_the_loan_early(int interestOnly, decimal minimum, decimal payment, decimal totalInterest)
    {
        // The issue's loan: 1,000 at 100% over 24 months, InterestFirst(12, EqualPrincipal, 500); it used to quote a
        // formula total of −46,116,860,184,278,337.37 and a payment after the interest-only periods of −833.33.
        Loan loan = new(1_000m, Rate.Percent(100m), 24, D(2024, 1, 15))
        {
            Method = RepaymentMethod.InterestFirst(interestOnly, RepaymentMethod.EqualPrincipal, minimum),
        };
        LoanQuote quote = loan.Quote();
        Schedule schedule = loan.BuildSchedule();

        Assert.Equal(payment, quote.Payment);
        Assert.Equal(decimal.Round(Math.Min(minimum, 1_000m) + (1_000m / 12m), 20), decimal.Round(quote.ExactPayment, 20));
        Assert.Equal(totalInterest, quote.FormulaTotalInterest);
        Assert.Equal(totalInterest, schedule.TotalInterest);
        Assert.Equal(0m, quote.PaymentAfterInterestOnly);
        Assert.Equal(0m, quote.LastFormulaPayment);
        Assert.Equal(0m, schedule[interestOnly].Payment);
    }

    [Fact]
    public void Item6_interest_first_equal_installment_minimum_beyond_the_principal()
    {
        Loan loan = new(1_000m, Rate.Percent(100m), 24, D(2024, 1, 15))
        {
            Method = RepaymentMethod.InterestFirst(12, RepaymentMethod.EqualInstallment, 500m),
        };
        LoanQuote quote = loan.Quote();
        Assert.Equal(125.00m, quote.FormulaTotalInterest);
        Assert.Equal(0m, quote.PaymentAfterInterestOnly);
        Assert.Equal(0m, quote.RoundedPaymentTotalInterest ?? 0m);
        Assert.Equal(loan.BuildSchedule().TotalInterest, quote.ScheduleTotalInterest);
    }

    // ---------------- item 7: a new term may take the loan to 600 periods, and events follow the new maturity

    /// <summary>TV-1: 1,000,000 at 4.9% over 360 months from 2024-03-20 (last due date 2054-03-20).</summary>
    private static Loan Tv1 { get; } = new(1_000_000m, Rate.Percent(4.9m), 360, D(2024, 3, 20));

    [Fact]
    public void Item7_new_term_past_600_periods_is_refused_by_name()
    {
        // NewTerm(600) at period 300 would make a 900-period loan ending in 2099.
        Loan loan = Tv1 with { Events = [Prepayment.Partial(D(2049, 3, 20), 1_000m, PrepaymentOption.NewTerm(600))] };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loan.BuildSchedule());
        Assert.Equal(nameof(Loan.Events), ex.ParamName);
        Assert.Equal(900, ex.ActualValue);
        Assert.Contains("2049-03-20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("600", ex.Message, StringComparison.Ordinal);

        // Between due dates the periods done are those before it: 300 + 301 is one too many, 300 + 300 is the limit.
        Loan between = Tv1 with { Events = [Prepayment.Partial(D(2049, 4, 1), 1_000m, PrepaymentOption.NewTerm(301))] };
        Assert.Equal(601, Assert.Throws<ArgumentOutOfRangeException>(() => between.BuildSchedule()).ActualValue);
        Schedule limit = (Tv1 with { Events = [Prepayment.Partial(D(2049, 4, 1), 1_000m, PrepaymentOption.NewTerm(300))] }).BuildSchedule();
        Assert.Equal((600, D(2074, 3, 20)), (limit.Last.Period, limit.Last.DueDate));

        // The closed-form quote refuses the same term: 300 payments made + 301 periods.
        Assert.Throws<ArgumentOutOfRangeException>(() => PrepaymentQuote.AfterPayment(Tv1, 300, 1_000m, PrepaymentOption.NewTerm(301)));
        Assert.Equal(300, PrepaymentQuote.AfterPayment(Tv1, 300, 1_000m, PrepaymentOption.NewTerm(300)).RemainingPeriods);
    }

    /// <summary>TV-1 extended at period 300 to 600 periods (last due date 2074-03-20).</summary>
    private static readonly Prepayment Extend = Prepayment.Partial(D(2049, 3, 20), 1_000m, PrepaymentOption.NewTerm(300));

    [Fact]
    public void Item7_events_inside_a_legitimate_extension_work()
    {
        Loan loan = Tv1 with
        {
            Events =
            [
                Extend,
                RateEvent.FixedRate(D(2060, 1, 1), Rate.Percent(3.6m)),
                PaymentHoliday.On(D(2062, 3, 20), SkippedInterest.Capitalized),
                Prepayment.Partial(D(2065, 3, 20), 10_000m, PrepaymentOption.LowerPayment),
                Prepayment.Payoff(D(2070, 3, 25)),
            ],
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(Rate.Percent(3.6m), schedule.Single(r => r.DueDate == D(2060, 2, 20)).AnnualRate);
        Assert.Equal(InstallmentKind.Holiday, schedule.Single(r => r.DueDate == D(2062, 3, 20)).Kind);
        Assert.Equal(10_000m, schedule.Single(r => r.Kind == InstallmentKind.Prepayment && r.DueDate == D(2065, 3, 20)).Principal);
        Assert.Equal((InstallmentKind.Payoff, D(2070, 3, 25), 553), (schedule.Last.Kind, schedule.Last.DueDate, schedule.Last.Period));
        Assert.Equal(0m, schedule.Last.ClosingBalance);

        // Each event past the extended maturity is still refused, naming that maturity.
        foreach (LoanEvent late in new LoanEvent[]
        {
            Prepayment.Partial(D(2074, 3, 20), 1_000m, PrepaymentOption.LowerPayment),
            Prepayment.Payoff(D(2074, 4, 1)),
            RateEvent.FixedRate(D(2074, 3, 20), Rate.Percent(3.6m)),
            PaymentHoliday.On(D(2074, 3, 20), SkippedInterest.Capitalized),
        })
        {
            var ex = Assert.ThrowsAny<ArgumentException>(() => (Tv1 with { Events = [Extend, late] }).BuildSchedule());
            Assert.Contains("2074-03-20", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item7_payoff_quote_inside_the_extension()
    {
        Loan loan = Tv1 with { Events = [Extend] };
        Schedule schedule = loan.BuildSchedule();
        Installment before = schedule.Single(r => r.Kind == InstallmentKind.Regular && r.DueDate == D(2065, 5, 20));

        PayoffQuote quote = loan.PayoffQuote(D(2065, 6, 1));
        Assert.Equal(before.ClosingBalance, quote.Balance);
        Assert.Equal(ExactOracle.DailyInterest(before.ClosingBalance, Rate.Percent(4.9m), 12, 360, RoundingPolicy.Default), quote.AccruedInterest);
        Assert.Equal(0m, quote.Penalty);

        // On the extended maturity itself the loan is repaid by its last payment.
        Assert.Equal(0m, loan.PayoffQuote(D(2074, 3, 20)).Total);
    }

    [Fact]
    public void Item7_a_later_new_term_shortens_the_maturity_in_force()
    {
        // Extended to 600 at period 300, then a new term of 60 at period 400: the loan now ends at period 460, and a
        // prepayment after that is refused with that maturity (2062-07-20).
        Prepayment shorten = Prepayment.Partial(D(2057, 7, 20), 1_000m, PrepaymentOption.NewTerm(60));
        Schedule schedule = (Tv1 with { Events = [Extend, shorten] }).BuildSchedule();
        Assert.Equal((460, D(2062, 7, 20)), (schedule.Last.Period, schedule.Last.DueDate));

        Prepayment after = Prepayment.Partial(D(2063, 1, 20), 1_000m, PrepaymentOption.LowerPayment);
        var ex = Assert.Throws<LoanEventException>(() => (Tv1 with { Events = [Extend, shorten, after] }).BuildSchedule());
        Assert.Equal((2, D(2063, 1, 20)), (ex.EventIndex, ex.EventDate));
        Assert.Contains("2062-07-20", ex.Message, StringComparison.Ordinal);
    }
}
