using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill the mutants of Amortization/Amortizer.cs that survived a Stryker.NET fast run of
/// Amortization/ (docs/testing.md, "Mutation testing"). Each test names its mutants as <c>Amortizer.cs:LINE:COL</c>
/// (the lines of commit 028af40). Most use a 12-period loan of 12,000 disbursed 2025-01-15 and due on the 15th
/// (2025-02-15 is period 1, 2026-01-15 the last due date), at 0% so that the figures are the principal arithmetic
/// alone, or at 6% (0.5% a month, Actual/360 for days); every expected figure is worked out in the comment, by hand
/// or with Python's exact fractions, rounded half-up to the cent (the default rounding).
/// </summary>
public class AmortizerSurvivorTests
{
    /// <summary>12,000 at <paramref name="percent"/> over 12 months from 2025-01-15, equal principal (1,000.00 a period).</summary>
    private static Loan Base(decimal percent = 0m, decimal principal = 12_000m, int periods = 12) =>
        new(principal, Rate.Percent(percent), periods, D(2025, 1, 15)) { Method = RepaymentMethod.EqualPrincipal };

    private static Installment[] Regular(Schedule schedule) => [.. schedule.Where(r => r.Kind == InstallmentKind.Regular)];

    /// <summary>
    /// A shorten-term prepayment of 7,000 on 2025-03-01 leaves 11,000 − 7,000 = 4,000 = 4 parts of 1,000 after period 1:
    /// the loan now ends with period 5 (2025-06-15). A method change on that date comes after the loan is repaid and is
    /// refused by name (Amortizer.cs:245:21, 245:121, 254:25, 256:25, 257:29: the restructuring is skipped on a zero
    /// balance, and the loop then reports it instead of finishing quietly).
    /// </summary>
    [Fact]
    public void Restructuring_on_the_day_a_shortened_loan_is_repaid_is_refused()
    {
        var change = MethodChange.To(D(2025, 6, 15), RepaymentMethod.EqualInstallment);
        Loan loan = Base().With(Prepayment.Partial(D(2025, 3, 1), 7_000m, PrepaymentOption.ShortenTerm), change);

        LoanEventException e = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal(("Events", 1, D(2025, 6, 15)), (e.ParamName, e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {change} comes after the loan is repaid on 2025-06-15.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same shortened loan (last payment 2025-06-15, period 5) with a payment holiday on 2025-06-15: the holiday
    /// falls on the payment that settles the loan, so it is not taken; the rows are period 1, the prepayment, and
    /// periods 2–5 of 1,000.00 each (Amortizer.cs:208:93 `period &lt;= _lastPeriod` would skip that payment;
    /// 596:31 `Math.Max` would keep the last period at 12, and the holiday would then be taken).
    /// </summary>
    [Fact]
    public void Holiday_on_the_last_payment_of_a_shortened_loan_is_not_taken()
    {
        Loan loan = Base().With(
            Prepayment.Partial(D(2025, 3, 1), 7_000m, PrepaymentOption.ShortenTerm),
            PaymentHoliday.On(D(2025, 6, 15), SkippedInterest.Capitalized));

        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(6, schedule.Count);
        Assert.DoesNotContain(schedule, r => r.Kind == InstallmentKind.Holiday);
        Assert.Equal([1_000m, 1_000m, 1_000m, 1_000m, 1_000m], Regular(schedule).Select(r => r.Principal));
        Assert.Equal(D(2025, 6, 15), schedule.Last.DueDate);
        Assert.Equal(InstallmentKind.Regular, schedule.Last.Kind);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    /// <summary>
    /// A regular row equals the row with the same figures built directly: period 1 of 12,000 at 0% equal principal is
    /// 1,000.00 of principal, no interest, and is not a capitalized row (Amortizer.cs:219:122 writes it capitalized;
    /// Installment equality compares that flag).
    /// </summary>
    [Fact]
    public void Regular_row_is_not_a_capitalized_row()
    {
        Installment first = Base().BuildSchedule()[0];
        Assert.Equal(new Installment(1, D(2025, 2, 15), Rate.Percent(0m), 1_200_000, 100_000, 0, 2), first);
        Assert.Equal(0m, first.CapitalizedInterest);
    }

    /// <summary>
    /// A fixed-rate loan whose first due date is 1970-01-01, day number 0, with a prepayment on that due date: the
    /// check for a rate change on the same day must stop at the last timeline entry (Amortizer.cs:234:24 `last + 1 &lt;=
    /// Count` and `last - 1` read the unused slot after it, whose day is 0 and whose rate is empty). 12,000 at 6%
    /// equal principal from 1969-12-01: period 1 is 1,000.00 + 60.00 of interest; the prepayment of 1,000 leaves
    /// 10,000, re-levelled (lower payment) over 11 periods: 909.09 (10,000/11 = 909.0909…), and period 2 still charges
    /// 6%: 10,000 × 0.5% = 50.00.
    /// </summary>
    [Fact]
    public void Prepayment_on_a_due_date_that_is_day_number_zero_keeps_the_rate()
    {
        Loan loan = new Loan(12_000m, Rate.Percent(6m), 12, D(1969, 12, 1)) { Method = RepaymentMethod.EqualPrincipal }
            .With(Prepayment.Partial(D(1970, 1, 1), 1_000m, PrepaymentOption.LowerPayment));

        Schedule schedule = loan.BuildSchedule();
        Installment[] rows = Regular(schedule);
        Assert.Equal((D(1970, 1, 1), 1_000m, 60m), (rows[0].DueDate, rows[0].Principal, rows[0].Interest));
        Assert.Equal((D(1970, 2, 1), 909.09m, 50m), (rows[1].DueDate, rows[1].Principal, rows[1].Interest));
        Assert.Equal(Rate.Percent(6m), rows[1].AnnualRate);
    }

    /// <summary>
    /// A method change to the method already in force changes nothing, so the method does not restart: 1,000.00 over 3
    /// periods, equal principal at 0%, pays 333.33 (100,000/3 cents rounded), 333.33, then 333.34. A restart after
    /// period 1 would re-level 666.67 over 2 periods to 333.34 (333.335 half-up) (Amortizer.cs:277:32, `capitalized`
    /// starting true).
    /// </summary>
    [Fact]
    public void Method_change_to_the_same_method_does_not_restart_it()
    {
        Loan loan = Base(principal: 1_000m, periods: 3).With(MethodChange.To(D(2025, 2, 15), RepaymentMethod.EqualPrincipal));

        Assert.Equal([333.33m, 333.33m, 333.34m], loan.BuildSchedule().Select(r => r.Principal));
    }

    /// <summary>
    /// A term change may leave exactly 1 period (Amortizer.cs:291:29): after period 3 (2025-04-15, balance 9,000) the
    /// whole 9,000 is due on 2025-05-15. One that leaves none is refused by name (294:33): extending by −9 periods
    /// after period 3 of 12 leaves 12 − 3 − 9 = 0.
    /// </summary>
    [Fact]
    public void Term_change_may_leave_one_period_but_not_none()
    {
        Schedule schedule = Base().With(TermChange.To(D(2025, 4, 15), 1, ExtensionLimits.None)).BuildSchedule();
        Assert.Equal(4, schedule.Count);
        Assert.Equal((D(2025, 5, 15), 9_000m, 0m), (schedule.Last.DueDate, schedule.Last.Principal, schedule.Last.ClosingBalance));

        TermChange none = TermChange.Extend(D(2025, 4, 15), -9);
        LoanEventException e = Assert.Throws<LoanEventException>(() => Base().With(none).BuildSchedule());
        Assert.Equal(("Events", 0, D(2025, 4, 15)), (e.ParamName, e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {none} leaves 0 periods after period 3; at least 1 must be left.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The events after a term change are checked against the maturity it sets: extending by −9 after period 3 gives
    /// a maturity of period 3 + 1 = 4 (2025-05-15; at least one period past the change), so a method change on
    /// 2025-05-15 is refused as not before the last due date, naming that date (Amortizer.cs:784:62 `at - 1` would name
    /// 2025-03-15; 784:27 `Math.Max` would take the maturity to 600 periods, accept it, and fail later on the term change
    /// instead).
    /// </summary>
    [Fact]
    public void Events_after_a_term_change_are_checked_against_its_maturity()
    {
        Loan loan = Base().With(TermChange.Extend(D(2025, 4, 15), -9), MethodChange.To(D(2025, 5, 15), RepaymentMethod.EqualInstallment));

        LoanEventException e = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal((1, D(2025, 5, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith("A method change takes effect on a due date of the loan before the last (2025-05-15); 2025-05-15 is not such a date.", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MisplacedRestructurings => new()
    {
        { "term", "A term change" },
        { "method", "A method change" },
        { "interest-only", "An interest-only period" },
        { "arrears", "An arrears capitalization" },
        { "deferral", "A payment deferral" },
    };

    /// <summary>
    /// Each kind of restructuring dated off the due dates (2025-04-16) is refused by name, its kind spelled out, its date
    /// the exception's actual value (Amortizer.cs:800:23, 801:25, 803:34, 804:28 the kind texts; 759:39
    /// `dateIsOutOfRange: false`).
    /// </summary>
    [Theory]
    [MemberData(nameof(MisplacedRestructurings))]
    public void Restructuring_off_a_due_date_is_refused_naming_its_kind(string kind, string text)
    {
        LocalDate date = D(2025, 4, 16);
        RestructuringEvent r = kind switch
        {
            "term" => TermChange.To(date, 5),
            "method" => MethodChange.To(date, RepaymentMethod.EqualInstallment),
            "interest-only" => InterestOnlyPeriod.From(date, 2),
            "arrears" => ArrearsCapitalization.On(date, 100m),
            _ => PaymentDeferral.Of(date, 2),
        };

        LoanEventException e = Assert.Throws<LoanEventException>(() => Base().With(r).BuildSchedule());
        Assert.Equal((0, date, (object)date), (e.EventIndex, e.EventDate, e.ActualValue));
        Assert.StartsWith($"{text} takes effect on a due date of the loan before the last (2026-01-15); 2025-04-16 is not such a date.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A restructuring on the last due date (2026-01-15, period 12) is refused as such, not as an event after the loan
    /// is repaid (Amortizer.cs:755:48 `at &gt; inForce`).
    /// </summary>
    [Fact]
    public void Restructuring_on_the_last_due_date_is_refused_by_date()
    {
        LoanEventException e = Assert.Throws<LoanEventException>(
            () => Base().With(MethodChange.To(D(2026, 1, 15), RepaymentMethod.EqualInstallment)).BuildSchedule());
        Assert.Equal((object)D(2026, 1, 15), e.ActualValue);
        Assert.StartsWith("A method change takes effect on a due date of the loan before the last (2026-01-15); 2026-01-15 is not such a date.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An interest-only period that resumes to maturity must end before the last due date: 3 periods from period 9
    /// end at period 12, the maturity, and are refused by name (Amortizer.cs:764:21, 764:67 `&gt;` and `at - io.Periods`,
    /// 767:25); 2 periods from period 9 are accepted (periods 10 and 11 pay no principal at 0%, period 12 the 4,000
    /// left). Resuming over the remaining term instead, the same 3 periods are accepted and move the maturity to period
    /// 15 (2026-04-15), each of periods 13–15 paying 3,000 / 3 = 1,000.00 after the 3 interest-only periods.
    /// </summary>
    [Fact]
    public void Interest_only_period_to_maturity_must_end_before_the_last_due_date()
    {
        var reaching = InterestOnlyPeriod.From(D(2025, 10, 15), 3, resume: InterestOnlyResume.ToMaturity);
        LoanEventException e = Assert.Throws<LoanEventException>(() => Base().With(reaching).BuildSchedule());
        Assert.Equal((0, D(2025, 10, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {reaching} must end before the last due date (2026-01-15), so that something is left to amortize.", e.Message, StringComparison.Ordinal);

        Schedule shorter = Base().With(InterestOnlyPeriod.From(D(2025, 10, 15), 2, resume: InterestOnlyResume.ToMaturity)).BuildSchedule();
        Assert.Equal(12, shorter.Count);
        Assert.Equal([0m, 0m, 3_000m], shorter.Skip(9).Select(r => r.Principal));

        Schedule extended = Base().With(InterestOnlyPeriod.From(D(2025, 10, 15), 3)).BuildSchedule();
        Assert.Equal(15, extended.Count);
        Assert.Equal([0m, 0m, 0m, 1_000m, 1_000m, 1_000m], extended.Skip(9).Select(r => r.Principal));
        Assert.Equal(D(2026, 4, 15), extended.Last.DueDate);
    }

    /// <summary>
    /// An interest-only period resuming over the remaining term (3 periods from 2025-03-15) moves the maturity to period
    /// 15 (2026-04-15); a method change on that date is refused, naming it (Amortizer.cs:774:31 `Math.Max` would move the
    /// maturity to period 600, accept the change and fail later, the change coming after the loan is repaid).
    /// </summary>
    [Fact]
    public void Events_after_an_interest_only_period_are_checked_against_its_maturity()
    {
        Loan loan = Base().With(InterestOnlyPeriod.From(D(2025, 3, 15), 3), MethodChange.To(D(2026, 4, 15), RepaymentMethod.EqualInstallment));

        LoanEventException e = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal((1, D(2026, 4, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith("A method change takes effect on a due date of the loan before the last (2026-04-15); 2026-04-15 is not such a date.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A prepayment or a payoff on the last due date is refused with its own message naming both dates
    /// (Amortizer.cs:728:52 `p.Date &gt; maturity` would accept it and fail later, the prepayment coming after the loan is
    /// repaid; 731:52 the two messages swapped).
    /// </summary>
    [Fact]
    public void Prepayment_and_payoff_on_the_last_due_date_are_refused_each_by_its_message()
    {
        LoanEventException partial = Assert.Throws<LoanEventException>(
            () => Base().With(Prepayment.Partial(D(2026, 1, 15), 100m, PrepaymentOption.LowerPayment)).BuildSchedule());
        Assert.Equal((object)D(2026, 1, 15), partial.ActualValue);
        Assert.StartsWith("A prepayment must fall after disbursement (2025-01-15) and before the last due date (2026-01-15), when the loan is repaid anyway; was 2026-01-15.", partial.Message, StringComparison.Ordinal);

        LoanEventException payoff = Assert.Throws<LoanEventException>(() => Base().With(Prepayment.Payoff(D(2026, 1, 15))).BuildSchedule());
        Assert.Equal((object)D(2026, 1, 15), payoff.ActualValue);
        Assert.StartsWith("A payoff must fall after disbursement (2025-01-15) and before the last due date (2026-01-15), when the loan is repaid anyway; was 2026-01-15.", payoff.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A new term of 598 periods after 3 periods done (a prepayment on the due date 2025-04-15) makes 601 periods, and
    /// the message says the new term may be at most 600 − 3 = 597 (Amortizer.cs:744:248 `MaxPeriods + done`).
    /// </summary>
    [Fact]
    public void New_term_beyond_600_periods_names_the_longest_allowed()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => Base().With(Prepayment.Partial(D(2025, 4, 15), 1_000m, PrepaymentOption.NewTerm(598))).BuildSchedule());
        Assert.Equal(("Events", (object)601), (e.ParamName, e.ActualValue));
        Assert.StartsWith("The prepayment on 2025-04-15 sets a new term of 598 periods after 3 periods done, 601 periods in all; a loan has 1 to 600 periods, so the new term may be at most 597.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The events are checked in date order: a new term of 20 periods set by a prepayment on 2025-03-01 (1 period done:
    /// maturity period 21, 2026-10-15) comes before a method change on 2026-04-15 (period 15, after the original
    /// maturity), which is therefore accepted (Amortizer.cs:719:54 `a &gt; prepayments.Length` and 719:80 `&gt;` would check
    /// the method change first, against the original maturity). At 0%: 11,000 − 1,000 = 10,000 over 20 periods is
    /// 500.00 a period, and after the change to equal installment 3,000 over the 6 periods left is 500.00 again.
    /// </summary>
    [Fact]
    public void Restructuring_after_a_new_term_is_checked_against_the_new_maturity()
    {
        Loan loan = Base().With(
            Prepayment.Partial(D(2025, 3, 1), 1_000m, PrepaymentOption.NewTerm(20)),
            MethodChange.To(D(2026, 4, 15), RepaymentMethod.EqualInstallment));

        Schedule schedule = loan.BuildSchedule();
        Installment[] rows = Regular(schedule);
        Assert.Equal(21, rows.Length);
        Assert.Equal(1_000m, rows[0].Principal);
        Assert.All(rows.Skip(1), r => Assert.Equal(500m, r.Principal));
        Assert.Equal(D(2026, 10, 15), schedule.Last.DueDate);
    }

    /// <summary>
    /// On one day a prepayment comes before a restructuring, also in the checks: a new term of 20 periods set on the due
    /// date 2025-04-15 (3 periods done: maturity period 23, 2026-12-15) and, the same day, 12 interest-only periods to
    /// maturity (to period 15, before 23) are accepted (Amortizer.cs:719:80 `&lt;` would check the interest-only period
    /// first, against the maturity 12, and refuse it). At 0%: 9,000 − 1,000 = 8,000, no principal in periods 4–15,
    /// then 8,000 over the 8 periods 16–23: 1,000.00 each.
    /// </summary>
    [Fact]
    public void Prepayment_and_restructuring_on_one_day_are_checked_prepayment_first()
    {
        Loan loan = Base().With(
            InterestOnlyPeriod.From(D(2025, 4, 15), 12, resume: InterestOnlyResume.ToMaturity),
            Prepayment.Partial(D(2025, 4, 15), 1_000m, PrepaymentOption.NewTerm(20)));

        Schedule schedule = loan.BuildSchedule();
        Installment[] rows = Regular(schedule);
        Assert.Equal(23, rows.Length);
        Assert.All(rows.Skip(3).Take(12), r => Assert.Equal(0m, r.Principal));
        Assert.All(rows.Skip(15), r => Assert.Equal(1_000m, r.Principal));
        Assert.Equal(D(2026, 12, 15), schedule.Last.DueDate);
    }

    /// <summary>
    /// A deferral may not start on a payment an earlier one defers: 2 payments from 2025-03-15 (periods 2–3), then 1
    /// from 2025-04-15 (period 3) is refused by name (Amortizer.cs:366:17 `period &lt; _deferredUntil`, 369:21).
    /// </summary>
    [Fact]
    public void Deferral_starting_on_the_last_payment_of_an_earlier_one_is_refused()
    {
        PaymentDeferral second = PaymentDeferral.Of(D(2025, 4, 15), 1);
        LoanEventException e = Assert.Throws<LoanEventException>(
            () => Base().With(PaymentDeferral.Of(D(2025, 3, 15), 2), second).BuildSchedule());
        Assert.Equal((1, D(2025, 4, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {second} starts while an earlier deferral still runs (to period 3); defer each payment once.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A payment holiday on the last payment a deferral defers (2025-04-15, period 3 of 2–3) is refused
    /// (Amortizer.cs:398:17 `period &lt; _deferredUntil`).
    /// </summary>
    [Fact]
    public void Holiday_on_the_last_deferred_payment_is_refused()
    {
        PaymentDeferral deferral = PaymentDeferral.Of(D(2025, 3, 15), 2);
        LoanEventException e = Assert.Throws<LoanEventException>(
            () => Base().With(deferral, PaymentHoliday.On(D(2025, 4, 15), SkippedInterest.Capitalized)).BuildSchedule());
        Assert.Equal((1, D(2025, 4, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith($"A payment holiday on 2025-04-15 falls on a payment deferred by the {deferral}; a payment is either skipped or deferred.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A deferral is not a restructuring of the method: a balloon loan (12 periods amortized over 24) may defer
    /// payments, which only a restructuring may not (Amortizer.cs:790:13 `&lt; 0` and `!(…)`, 792:67: the deferral left
    /// among the restructurings is refused for the balloon). Periods 2–3 are deferred rows, the last is the balloon.
    /// </summary>
    [Fact]
    public void Deferral_on_a_balloon_loan_is_not_a_restructuring()
    {
        Loan loan = Base() with { Method = RepaymentMethod.Balloon(24), Events = [PaymentDeferral.Of(D(2025, 3, 15), 2)] };

        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(12, schedule.Count);
        Assert.Equal([InstallmentKind.Deferred, InstallmentKind.Deferred], schedule.Skip(1).Take(2).Select(r => r.Kind));
        Assert.Equal(InstallmentKind.Balloon, schedule.Last.Kind);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
    }

    /// <summary>
    /// Arrears may take the balance to exactly 1,000,000,000,000 and not a cent beyond (Amortizer.cs:360:60 `&gt;=`): a
    /// loan of 10^12 at 0% over 10 periods pays 10^11 in period 1; capitalizing 10^11 then restores 10^12, re-levelled
    /// over 9 periods (111,111,111,111.11); capitalizing 10^11 + 0.01 is refused, the message naming the balance it
    /// would reach, 1,000,000,000,000.01 (349:92 `_balance - amount`).
    /// </summary>
    [Fact]
    public void Arrears_may_take_the_balance_to_the_largest_principal_and_no_further()
    {
        Loan big = Base(principal: 1_000_000_000_000m, periods: 10);
        Schedule schedule = big.With(ArrearsCapitalization.On(D(2025, 2, 15), 100_000_000_000m)).BuildSchedule();
        Installment capitalization = schedule.Single(r => r.Kind == InstallmentKind.Capitalization);
        Assert.Equal(1_000_000_000_000m, capitalization.ClosingBalance);
        Assert.Equal(111_111_111_111.11m, schedule[2].Principal);

        var over = ArrearsCapitalization.On(D(2025, 2, 15), 100_000_000_000.01m);
        LoanEventException e = Assert.Throws<LoanEventException>(() => big.With(over).BuildSchedule());
        Assert.Equal(0, e.EventIndex);
        Assert.StartsWith($"The {over} would take the balance to 1000000000000.01; a balance may be at most 1,000,000,000,000 (the largest principal).", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The minimum-principal of an interest-only period may not have more decimals than the rounding keeps (0.001 at 2
    /// places) (Amortizer.cs:308:33).
    /// </summary>
    [Fact]
    public void Interest_only_minimum_principal_finer_than_the_rounding_is_refused()
    {
        var io = InterestOnlyPeriod.From(D(2025, 3, 15), 2, 0.001m);
        LoanEventException e = Assert.Throws<LoanEventException>(() => Base().With(io).BuildSchedule());
        Assert.Equal((0, D(2025, 3, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {io} has more decimal places than the rounding policy keeps (2).", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The prepayment below the bank's minimum names the amount, the date and the minimum (Amortizer.cs:651:21).
    /// </summary>
    [Fact]
    public void Prepayment_below_the_minimum_amount_says_so()
    {
        Loan loan = Base() with
        {
            PrepaymentRules = new PrepaymentRules { MinimumAmount = 1_000m },
            Events = [Prepayment.Partial(D(2025, 3, 1), 500m, PrepaymentOption.LowerPayment)],
        };

        PrepaymentRuleViolationException e = Assert.Throws<PrepaymentRuleViolationException>(() => loan.BuildSchedule());
        Assert.Equal(("minimum prepayment amount", (int?)0), (e.Rule, e.EventIndex));
        Assert.Equal("The prepayment of 500.00 on 2025-03-01 is below the minimum of 1000.", e.Message);
    }

    /// <summary>
    /// A penalty above the US limit (3% of 1,000 = 30.00 in loan year 1, where at most 2% = 20.00 is allowed) is
    /// reported for the prepayment's event, index 1 here (Amortizer.cs:558:62 `e.EventIndex is not null` would let the
    /// penalty's own exception, which knows no event, through).
    /// </summary>
    [Fact]
    public void Penalty_above_the_us_limit_names_the_prepayment_event()
    {
        Loan loan = Base() with
        {
            PrepaymentPenalty = PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(3m))),
            Events = [PaymentHoliday.On(D(2025, 6, 15), SkippedInterest.Capitalized), Prepayment.Partial(D(2025, 3, 1), 1_000m, PrepaymentOption.LowerPayment)],
        };

        PrepaymentRuleViolationException e = Assert.Throws<PrepaymentRuleViolationException>(() => loan.BuildSchedule());
        Assert.Equal(((int?)1, (LocalDate?)D(2025, 3, 1)), (e.EventIndex, e.EventDate));
        Assert.Equal("US Regulation Z §1026.43(g) prepayment-penalty limit", e.Rule);
    }

    /// <summary>
    /// A repayment-day change among other events still makes its straddling period one of actual days: 12,000 at 6%,
    /// equal principal, the day moving from the 15th to the 25th after 2025-03-15; the period 2025-03-15 → 2025-04-25
    /// is 41 days: 10,000 × 6% × 41/360 = 68.333… → 68.33 (Amortizer.cs:91:52 `Events.All(… is RepaymentDayChange)`
    /// would miss the change once another event, here a later prepayment, is present, and charge a month, 50.00).
    /// </summary>
    [Fact]
    public void Repayment_day_change_among_other_events_charges_the_straddling_days()
    {
        Loan loan = Base(6m).With(RepaymentDayChange.From(D(2025, 3, 15), 25), Prepayment.Partial(D(2025, 9, 1), 100m, PrepaymentOption.LowerPayment));

        Installment straddling = Regular(loan.BuildSchedule())[2];
        Assert.Equal((D(2025, 4, 25), 10_000m, 68.33m), (straddling.DueDate, straddling.OpeningBalance, straddling.Interest));
    }

    /// <summary>
    /// A rate change (6% → 12% on 2025-03-05) and a prepayment after it in the same period (1,000 on 2025-03-10),
    /// interest accrued on the balance: the prepayment collects 11,000 × (6% × 18 + 12% × 5 days)/360 = 51.33, and the
    /// period's interest runs from the prepayment at the rate in force then: 10,000 × 12% × 5/360 = 16.67 (a single
    /// rate, no segments); 10,000 re-levelled over 11 periods is 909.09 (Amortizer.cs:460:25 `false ?`: accruing from
    /// the first entry of the period would charge 25.00).
    /// </summary>
    [Fact]
    public void Interest_after_a_prepayment_runs_at_the_rate_in_force_on_its_date()
    {
        Loan loan = Base(6m).With(RateEvent.FixedRate(D(2025, 3, 5), Rate.Percent(12m)), Prepayment.Partial(D(2025, 3, 10), 1_000m, PrepaymentOption.LowerPayment));

        Schedule schedule = loan.BuildSchedule();
        Installment prepayment = schedule.Single(r => r.Kind == InstallmentKind.Prepayment);
        Assert.Equal((1_000m, 51.33m), (prepayment.Principal, prepayment.Interest));
        Installment second = Regular(schedule)[1];
        Assert.Equal((D(2025, 3, 15), 909.09m, 16.67m), (second.DueDate, second.Principal, second.Interest));
        Assert.Empty(second.RateSegments);
    }

    /// <summary>
    /// Two rate changes in one period that come back to the rate in force (6% → 12% on 2025-02-20 → 6% on 2025-03-01)
    /// leave the equal installment alone: 12,000.09 at 6% over 12 periods pays 1,032.80 (the exact annuity,
    /// 1,032.8007…, Python fractions), and after period 1 (interest 60.00) the balance 11,027.29 re-levelled over 11
    /// periods would be 1,032.81 (Amortizer.cs:441:17 `||` re-levels on a move to another entry of the same rate).
    /// Period 2 charges the days: 11,027.29 × (6% × 5 + 12% × 9 + 6% × 14)/360 = 68.00, its principal 1,032.80 − 55.14
    /// (a month at 6%) = 977.66; periods 3–11 pay 1,032.80.
    /// </summary>
    [Fact]
    public void Rate_changes_that_return_to_the_rate_in_force_keep_the_installment()
    {
        Loan loan = new Loan(12_000.09m, Rate.Percent(6m), 12, D(2025, 1, 15))
            .With(RateEvent.FixedRate(D(2025, 2, 20), Rate.Percent(12m)), RateEvent.FixedRate(D(2025, 3, 1), Rate.Percent(6m)));

        Schedule schedule = loan.BuildSchedule();
        Assert.Equal(1_032.80m, schedule[0].Payment);
        Assert.Equal((977.66m, 68.00m), (schedule[1].Principal, schedule[1].Interest));
        Assert.All(schedule.Skip(2).Take(9), r => Assert.Equal(1_032.80m, r.Payment));
    }

    /// <summary>
    /// Equal principal shortened when the part was rounded down: 1,000.02 over 5 periods at 0% pays 200.00 (200.004
    /// rounded); after period 1 (800.02 left) a prepayment of 0.01 leaves 800.01, which would take ⌈800.01/200⌉ = 5
    /// periods, but only the 4 left are counted: the amortization still ends with period 5. A capitalized holiday on
    /// period 3 (nothing to capitalize at 0%) then re-levels 600.01 over periods 4–5: 300.005 → 300.01, then 300.00
    /// (Amortizer.cs:578:36 `_amortizationEnd + periodsDone` would count 5 periods and re-level over 3: 200.00).
    /// </summary>
    [Fact]
    public void Shortened_equal_principal_never_amortizes_beyond_the_periods_left()
    {
        Loan loan = Base(principal: 1_000.02m, periods: 5).With(
            Prepayment.Partial(D(2025, 3, 1), 0.01m, PrepaymentOption.ShortenTerm),
            PaymentHoliday.On(D(2025, 4, 15), SkippedInterest.Capitalized));

        Schedule schedule = loan.BuildSchedule();
        Assert.Equal([200m, 200m, 300.01m, 300m], Regular(schedule).Select(r => r.Principal));
        Assert.Equal(D(2025, 4, 15), schedule.Single(r => r.Kind == InstallmentKind.Holiday).DueDate);
        Assert.Equal(D(2025, 6, 15), schedule.Last.DueDate);
    }

    /// <summary>
    /// A term change may make exactly 600 periods in all (Amortizer.cs:811:13 `&gt;=`): after period 3, 597 left. One more
    /// is refused by name (813:13, 813:51).
    /// </summary>
    [Fact]
    public void Term_change_may_make_600_periods_and_no_more()
    {
        Schedule schedule = Base().With(TermChange.To(D(2025, 4, 15), 597, ExtensionLimits.None)).BuildSchedule();
        Assert.Equal(600, schedule.Count);
        Assert.Equal(D(2075, 1, 15), schedule.Last.DueDate);

        TermChange over = TermChange.To(D(2025, 4, 15), 598, ExtensionLimits.None);
        LoanEventException e = Assert.Throws<LoanEventException>(() => Base().With(over).BuildSchedule());
        Assert.Equal((0, D(2025, 4, 15)), (e.EventIndex, e.EventDate));
        Assert.StartsWith($"The {over} makes the term 601 periods in all; a loan has at most 600.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The product maximum: a total of exactly the maximum (15 periods, 3 added) is allowed (Amortizer.cs:825:13
    /// `&gt;=`); a change that keeps the contract's 12 periods is allowed even under a maximum of 10 (825:47 `&gt;=`: only
    /// a term beyond the contract's is checked against the product).
    /// </summary>
    [Fact]
    public void Product_maximum_allows_its_own_total_and_the_contracts_term()
    {
        Schedule atMaximum = Base().With(TermChange.To(D(2025, 4, 15), 12, new ExtensionLimits(false, 15))).BuildSchedule();
        Assert.Equal(15, atMaximum.Count);

        Schedule same = Base().With(TermChange.To(D(2025, 4, 15), 9, new ExtensionLimits(false, 10))).BuildSchedule();
        Assert.Equal(12, same.Count);
        Assert.All(same, r => Assert.Equal(1_000m, r.Principal));
    }
}
