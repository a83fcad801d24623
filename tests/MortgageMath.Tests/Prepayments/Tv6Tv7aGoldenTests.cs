using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Golden figures from china-mortgage-conventions.md TV-6 (accrued interest, §3.4) and TV-7a (options, §4.1).</summary>
public sealed class Tv6Tv7aGoldenTests
{
    private static readonly NodaTime.LocalDate Payment12 = D(2025, 3, 20);
    private static readonly NodaTime.LocalDate Tv6Date = D(2025, 4, 8); // 19 days after payment 12

    [Fact]
    public void Tv1_balance_after_12_payments_is_the_tv6_starting_point()
    {
        Installment row = Regular(Tv1.BuildSchedule(), Payment12);
        Assert.Equal(12, row.Period);
        Assert.Equal(984_978.39m, row.ClosingBalance); // china-mortgage-conventions.md TV-1 / TV-6
    }

    /// <summary>china-mortgage-conventions.md TV-6: round(984,978.39 × 4.9%/360 × 19) = 2,547.26 (CUR_INT_FLG = 1).</summary>
    [Fact]
    public void Tv6_accrued_on_balance_collects_2547_26_and_the_next_due_date_charges_the_days_after()
    {
        Loan loan = Tv1.With(Prepayment.Partial(Tv6Date, 200_000m, PrepaymentOption.LowerPayment));
        Schedule schedule = loan.BuildSchedule();
        Installment prepay = PrepaymentRow(schedule);
        Assert.Equal(InstallmentKind.Prepayment, prepay.Kind);
        Assert.Equal(Tv6Date, prepay.DueDate);
        Assert.Equal(984_978.39m, prepay.OpeningBalance);
        Assert.Equal(200_000m, prepay.Principal);
        Assert.Equal(2_547.26m, prepay.Interest);
        Assert.Equal(0m, prepay.Penalty);
        Assert.Equal(202_547.26m, prepay.Payment);
        Assert.Equal(784_978.39m, prepay.ClosingBalance);

        // 2025-04-08 → 2025-04-20 = 12 days on the new balance: round(784,978.39 × 4.9% × 12/360) = 1,282.13.
        Installment next = Regular(schedule, D(2025, 4, 20));
        Assert.Equal(784_978.39m, next.OpeningBalance);
        Assert.Equal(1_282.13m, next.Interest);
        Assert.Equal(ExactInterest(784_978.39m, 4.9m, 12, 360), next.Interest);
        AssertWellFormed(schedule, "TV-6");
    }

    /// <summary>china-mortgage-conventions.md TV-6: only the prepaid 200,000 for 19 days = 517.22 (CUR_INT_FLG = 2).</summary>
    [Fact]
    public void Tv6_accrued_on_prepaid_amount_collects_517_22_and_the_next_due_date_charges_a_regular_month()
    {
        Loan loan = Tv1.With(Prepayment.Partial(Tv6Date, 200_000m, PrepaymentOption.LowerPayment)) with
        {
            PrepaymentInterest = PrepaymentInterest.AccruedOnPrepaidAmount,
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(517.22m, PrepaymentRow(schedule).Interest);
        Assert.Equal(3_205.33m, Regular(schedule, D(2025, 4, 20)).Interest); // round(784,978.39 × 4.9%/12)
        AssertWellFormed(schedule, "TV-6 prepaid amount");
    }

    [Fact]
    public void Tv6_none_collects_nothing_and_the_next_due_date_charges_a_regular_month()
    {
        Loan loan = Tv1.With(Prepayment.Partial(Tv6Date, 200_000m, PrepaymentOption.LowerPayment)) with
        {
            PrepaymentInterest = PrepaymentInterest.None,
        };
        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(0m, PrepaymentRow(schedule).Interest);
        Assert.Equal(200_000m, PrepaymentRow(schedule).Payment);
        Assert.Equal(3_205.33m, Regular(schedule, D(2025, 4, 20)).Interest);
        AssertWellFormed(schedule, "TV-6 none");
    }

    /// <summary>china-mortgage-conventions.md TV-6: payoff on 2025-04-08 = 984,978.39 + 2,547.26 = 987,525.65.</summary>
    [Fact]
    public void Tv6_payoff_quote_is_balance_plus_accrued_interest()
    {
        PayoffQuote quote = Tv1.PayoffQuote(Tv6Date);
        Assert.Equal(Tv6Date, quote.Date);
        Assert.Equal(984_978.39m, quote.Balance);
        Assert.Equal(2_547.26m, quote.AccruedInterest);
        Assert.Equal(0m, quote.Penalty);
        Assert.Equal(987_525.65m, quote.Total);

        // The quote is the payoff row of the schedule with a payoff that day.
        Schedule schedule = Tv1.With(Prepayment.Payoff(Tv6Date)).BuildSchedule();
        Assert.Equal(InstallmentKind.Payoff, schedule.Last.Kind);
        Assert.Equal(987_525.65m, schedule.Last.Payment);
        Assert.Equal(12, schedule.RegularPayments);
        Assert.Equal(13, schedule.Count);
        AssertWellFormed(schedule, "TV-6 payoff");
    }

    [Fact]
    public void Tv6_payoff_quote_collects_the_full_balance_interest_under_accrued_on_prepaid_amount()
    {
        PayoffQuote quote = (Tv1 with { PrepaymentInterest = PrepaymentInterest.AccruedOnPrepaidAmount }).PayoffQuote(Tv6Date);
        Assert.Equal(2_547.26m, quote.AccruedInterest); // a payoff prepays the whole balance: its interest is the balance's
        Assert.Equal(987_525.65m, quote.Total);
    }

    /// <summary>
    /// Current behaviour, flagged in the report as questionable for a bank: under PrepaymentInterest.None a payoff
    /// between due dates collects no interest at all for the days since the last due date (there is no later due date
    /// to charge them), so repaying on 2025-04-08 costs exactly the balance.
    /// </summary>
    [Fact]
    public void Tv6_payoff_under_none_collects_no_interest_for_the_19_days()
    {
        PayoffQuote quote = (Tv1 with { PrepaymentInterest = PrepaymentInterest.None }).PayoffQuote(Tv6Date);
        Assert.Equal(0m, quote.AccruedInterest);
        Assert.Equal(984_978.39m, quote.Total);
    }

    [Fact]
    public void Payoff_quote_on_a_due_date_has_no_accrued_interest_and_is_zero_from_the_last_due_date()
    {
        PayoffQuote onDue = Tv1.PayoffQuote(Payment12);
        Assert.Equal(984_978.39m, onDue.Balance);
        Assert.Equal(0m, onDue.AccruedInterest);
        Assert.Equal(984_978.39m, onDue.Total);

        Assert.Equal(0m, Tv1.PayoffQuote(D(2054, 3, 20)).Total);
        Assert.Equal(0m, Tv1.PayoffQuote(D(2060, 1, 1)).Total);

        // Quotes after a loan's own shortening prepayment see the shortened loan.
        Loan shortened = Tv1.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.ShortenTerm));
        Assert.Equal(0m, shortened.PayoffQuote(D(2044, 3, 20)).Total);
        Assert.True(shortened.PayoffQuote(D(2044, 3, 19)).Total > 0m);
    }

    /// <summary>china-mortgage-conventions.md TV-7a (bank-style note): 缩短期限 recomputing the payment.</summary>
    [Fact]
    public void Tv7a_shorten_term_gives_228_more_payments_of_5297_25()
    {
        Schedule schedule = Tv1.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.ShortenTerm)).BuildSchedule();
        Installment prepay = PrepaymentRow(schedule);
        Assert.Equal(12, prepay.Period);
        Assert.Equal(Payment12, prepay.DueDate);
        Assert.Equal(0m, prepay.Interest); // on a due date nothing has accrued since the regular payment
        Assert.Equal(784_978.39m, prepay.ClosingBalance);
        Assert.Equal(schedule[11], Regular(schedule, Payment12)); // the regular payment comes first
        Assert.Equal(InstallmentKind.Prepayment, schedule[12].Kind);

        Assert.Equal(240, schedule.RegularPayments); // 12 + 228
        Assert.Equal(241, schedule.Count);
        Installment[] after = [.. RegularRows(schedule).Skip(12)];
        Assert.Equal(228, after.Length);
        Assert.All(after[..^1], r => Assert.Equal(5_297.25m, r.Payment));
        Assert.Equal(D(2044, 3, 20), schedule.Last.DueDate);
        Assert.Equal(5_297.76m, schedule.Last.Payment); // the residue goes to the last payment
        AssertWellFormed(schedule, "TV-7a shorten");
    }

    /// <summary>china-mortgage-conventions.md TV-7a note: keep 5,307.27 exactly → the last payment is 1,547.95.</summary>
    [Fact]
    public void Tv7a_shorten_term_keep_payment_ends_with_1547_95()
    {
        Schedule schedule = Tv1.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.ShortenTermKeepPayment)).BuildSchedule();
        Assert.Equal(240, schedule.RegularPayments);
        Installment[] after = [.. RegularRows(schedule).Skip(12)];
        Assert.Equal(228, after.Length);
        Assert.All(after[..^1], r => Assert.Equal(5_307.27m, r.Payment));
        Assert.Equal(1_547.95m, schedule.Last.Payment);
        Assert.Equal(D(2044, 3, 20), schedule.Last.DueDate);
        AssertWellFormed(schedule, "TV-7a keep");
    }

    /// <summary>china-mortgage-conventions.md TV-7a: 减少月供 → 4,229.63 for the remaining 348 months.</summary>
    [Fact]
    public void Tv7a_lower_payment_gives_4229_63_for_348_months()
    {
        Schedule schedule = Tv1.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.LowerPayment)).BuildSchedule();
        Assert.Equal(360, schedule.RegularPayments);
        Installment[] after = [.. RegularRows(schedule).Skip(12)];
        Assert.Equal(348, after.Length);
        Assert.All(after[..^1], r => Assert.Equal(4_229.63m, r.Payment));
        Assert.Equal(D(2054, 3, 20), schedule.Last.DueDate);
        AssertWellFormed(schedule, "TV-7a lower");
    }

    [Fact]
    public void Tv7a_options_rank_as_the_reference_says()
    {
        decimal none = Tv1.BuildSchedule().TotalInterest;
        decimal Interest(PrepaymentOption option) => Tv1.With(Prepayment.Partial(Payment12, 200_000m, option)).BuildSchedule().TotalInterest;
        decimal shorten = Interest(PrepaymentOption.ShortenTerm);
        decimal keep = Interest(PrepaymentOption.ShortenTermKeepPayment);
        decimal lower = Interest(PrepaymentOption.LowerPayment);
        Assert.True(keep < shorten && shorten < lower && lower < none, $"{keep} {shorten} {lower} {none}");
        Assert.Equal(910_615.12m, none); // TV-1 C3
    }

    [Fact]
    public void Tv7a_new_term_sets_the_remaining_periods()
    {
        Schedule schedule = Tv1.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.NewTerm(120))).BuildSchedule();
        Assert.Equal(132, schedule.RegularPayments);
        decimal expected = Properties.ExactOracle.AnnuityPayment(784_978.39m, Rate.Percent(4.9m), 120, RoundingPolicy.Default);
        Assert.All(RegularRows(schedule)[12..^1], r => Assert.Equal(expected, r.Payment));
        AssertWellFormed(schedule, "new term");
    }

    [Fact]
    public void Equal_principal_options_after_a_prepayment()
    {
        Loan ep = Tv1 with { Method = RepaymentMethod.EqualPrincipal };
        Schedule lower = ep.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.LowerPayment)).BuildSchedule();
        Schedule shorten = ep.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.ShortenTerm)).BuildSchedule();
        Schedule keep = ep.With(Prepayment.Partial(Payment12, 200_000m, PrepaymentOption.ShortenTermKeepPayment)).BuildSchedule();
        decimal balance = Regular(lower, Payment12).ClosingBalance - 200_000m;
        Assert.Equal(766_666.64m, balance); // 1,000,000 − 12 × 2,777.78 (rounded 1,000,000/360) − 200,000

        // Lower payment: the new balance over the 348 periods left.
        Assert.Equal(360, lower.RegularPayments);
        Assert.All(RegularRows(lower)[12..^1], r => Assert.Equal(2_203.07m, r.Principal)); // round(766,666.64 / 348)

        // Shorten: keep the principal part 2,777.78 and end when repaid: ceil(766,666.64 / 2,777.78) = 276 more.
        Assert.Equal(12 + 276, shorten.RegularPayments);
        Assert.All(RegularRows(shorten)[12..^1], r => Assert.Equal(2_777.78m, r.Principal));
        Assert.Equal([.. shorten], [.. keep]);
        AssertWellFormed(lower, "EP lower");
        AssertWellFormed(shorten, "EP shorten");
    }

    internal static decimal ExactInterest(decimal balance, decimal percent, int days, int daysInYear) =>
        Properties.ExactOracle.DailyInterest(balance, Rate.Percent(percent), days, daysInYear, RoundingPolicy.Default);
}
