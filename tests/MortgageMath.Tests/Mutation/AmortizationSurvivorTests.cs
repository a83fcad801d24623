using System.Text;
using System.Text.Json;
using NodaTime;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of the Amortization/ folder (all files but Amortizer.cs) that survived the fast
/// Stryker.NET run of 2026-12-05 (86.10%; docs/testing.md, "Mutation testing"). Each test names the mutants it kills
/// as File.cs:LINE:COL (the source as of commit 028af40) with the mutation. Expected figures are worked out by hand or
/// with exact fractions (Python <c>fractions</c>), or taken from a path of the library that does not share the mutated
/// code (a combined loan's totals against its legs' schedules).
/// </summary>
public class AmortizationSurvivorTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    // ---- Annuity.cs ----

    /// <summary>
    /// Kills Annuity.cs:36:13 (the 128-bit estimate's <c>TryRound</c> negated: on an exact rounding boundary it fails,
    /// and the mutant returns its unset result, 0), 80:22 (i = R / D → R × D) and 82:56 (<c>i/g</c> → <c>i·g</c>):
    /// the 128-bit estimate is only consulted when the 64-bit one cannot decide.
    /// 1.00 at 6% over one month: A* = P·(1 + i) = 100 × 1.005 = 100.5 minor units exactly, a half cent, which neither
    /// binary estimate can round (i = 0.005 is not a binary fraction), so the exact rational decides: half-up 1.01,
    /// half-even 1.00.
    /// </summary>
    [Fact]
    public void A_payment_exactly_on_a_half_cent_is_rounded_by_the_exact_rational()
    {
        Loan loan = new(1.00m, Rate.Percent(6m), 1, D(2025, 1, 15));
        Assert.Equal(1.01m, loan.Quote().Payment);
        Assert.Equal(1.00m, (loan with { Rounding = new RoundingPolicy(2, RoundingMode.HalfEven) }).Quote().Payment);
        Assert.Equal(1.00m, (loan with { Rounding = new RoundingPolicy(2, RoundingMode.Truncate) }).Quote().Payment);
        Assert.Equal(1.005m, loan.Quote().ExactPayment);
    }

    /// <summary>
    /// Kills Annuity.cs:82:51 (<c>i + i/g</c> → <c>i − i/g</c>), and 80:22 and 82:56 again, on a payment the 64-bit
    /// estimate cannot round but the 128-bit one can (on an exact boundary, as above, 82:51's estimate A* − 2·P·i lands
    /// on a half too, since D | 2P there). 2,595,230.17 at 6% over 12 months (found by a lattice search with exact
    /// fractions): A* = 22,336,219.4999999998426542934… minor units, 1.6 × 10⁻¹⁰ below the half cent: inside the
    /// 64-bit estimate's error bound (A*·2⁻⁵⁰ ≈ 2 × 10⁻⁸), outside the 128-bit one's (2⁻⁴⁴ ≈ 5.7 × 10⁻¹⁴), so
    /// 223,362.19 under every rounding mode (the formula in doubles gives 22,336,219.5000004: 223,362.20 half-up).
    /// </summary>
    [Fact]
    public void A_payment_a_hair_below_the_half_cent_is_rounded_by_the_128_bit_estimate()
    {
        Loan loan = new(2_595_230.17m, Rate.Percent(6m), 12, D(2025, 1, 15));
        LoanQuote q = loan.Quote();
        Assert.Equal(223_362.19m, q.Payment);
        Assert.InRange(q.ExactPayment, 223_362.194999999998m, 223_362.194999999999m);
        Assert.Equal(223_362.19m, (loan with { Rounding = new RoundingPolicy(2, RoundingMode.HalfEven) }).Quote().Payment);
        Assert.Equal(223_362.19m, loan.BuildSchedule().First.Payment);
    }

    /// <summary>
    /// Kills Annuity.cs:142:20 (<c>return false</c> → <c>true</c>: below the growth the decimal path can carry, the
    /// exact path must be taken; the mutant returns the unset 0) and 152:43 (<c>num / den</c> → <c>num * den</c> in
    /// <c>ToDecimal</c>: the count of whole digits, hence the decimals kept). 1,000 at 0.001% over one month: i =
    /// 1/1,200,000, g = i ≈ 8.3 × 10⁻⁷ &lt; 10⁻⁶; A* = P·(1 + i) = 100,000 × 1,200,001/1,200,000 = 100,000.08333…
    /// minor units, kept to 18 decimals (at most 27 significant digits, rounded half-even) and divided by 100.
    /// </summary>
    [Fact]
    public void The_exact_payment_of_a_tiny_growth_comes_from_the_exact_fraction_to_18_decimals()
    {
        LoanQuote q = new Loan(1_000m, Rate.Percent(0.001m), 1, D(2025, 1, 15)).Quote();
        Assert.Equal(1_000.00083333333333333333m, q.ExactPayment);
        Assert.Equal(1_000.00m, q.Payment);
    }

    /// <summary>Kills Annuity.cs:110:20 (the interest-free <c>P / n</c> → <c>P * n</c>): 1,200 at 0% over 12 months is
    /// exactly 100 a month.</summary>
    [Fact]
    public void The_exact_payment_of_an_interest_free_loan_is_the_principal_over_the_periods()
    {
        LoanQuote q = new Loan(1_200m, Rate.Percent(0m), 12, D(2025, 1, 15)).Quote();
        Assert.Equal(100m, q.ExactPayment);
        Assert.Equal(100.00m, q.Payment);
        Assert.Equal(0m, q.FormulaTotalInterest);
    }

    /// <summary>
    /// Kills Annuity.cs:153:22 (the zero test of <c>ToDecimal</c>'s whole part → false: Log10(0) is −∞, so no decimal
    /// would be kept) and LoanQuote.cs:128:31 (the equal-principal exact payment × 100 instead of ÷ 100). 1.00 at 1%
    /// over 12 months, equal principal, in minor units: first payment P·(D + n·R)/(n·D) = 100 × 1,212/14,400 =
    /// 8.41666…, decrease P·R/(n·D) = 100/14,400 = 0.0069444… (no whole part): each kept to 18 decimals (half-even),
    /// then divided by 100.
    /// </summary>
    [Fact]
    public void Equal_principal_exact_figures_keep_18_decimals_of_minor_units_even_below_one()
    {
        LoanQuote q = (new Loan(1.00m, Rate.Percent(1m), 12, D(2025, 1, 15)) { Method = RepaymentMethod.EqualPrincipal }).Quote();
        Assert.Equal(0.08416666666666666667m, q.ExactPayment);
        Assert.Equal(0.00006944444444444444m, q.ExactMonthlyDecrease);
        Assert.Equal(0.08m, q.Payment);
        Assert.Equal(0.00m, q.MonthlyDecrease);
    }

    // ---- LoanQuote.cs, LoanQuote.Text.cs ----

    /// <summary>
    /// Kills LoanQuote.cs:176:41 (the interest-free balloon's balance <c>P · (Na − n)</c> → <c>P / (Na − n)</c>) and
    /// 176:66 (<c>Na − n</c> → <c>Na + n</c>). 1,200 at 0%, amortized over 24 months, maturing at 12: 50.00 a month;
    /// after 12 payments 1,200 × 12/24 = 600 is left, so the formula balloon is 50 + 600 = 650.00, with no interest.
    /// </summary>
    [Fact]
    public void An_interest_free_balloon_pays_the_half_left_after_half_the_amortization_term()
    {
        LoanQuote q = (new Loan(1_200m, Rate.Percent(0m), 12, D(2025, 1, 15)) { Method = RepaymentMethod.Balloon(24) }).Quote();
        Assert.Equal(50.00m, q.Payment);
        Assert.Equal(50m, q.ExactPayment);
        Assert.Equal(650.00m, q.BalloonPayment);
        Assert.Equal(650.00m, q.LastFormulaPayment);
        Assert.Equal(0.00m, q.FormulaTotalInterest);
    }

    /// <summary>
    /// Kills LoanQuote.cs:196:27 (the balloon's exact payment × 100 instead of ÷ 100) and LoanQuote.Text.cs:29:13,
    /// 29:25 (the balloon left out of the quote's text, or its label emptied). TV-10: 1,000,000 at 5% amortized over
    /// 240 months: A* = 659,955.739216657346… minor units (exact fractions), 6,599.56 a month; balloon 841,148.19.
    /// </summary>
    [Fact]
    public void A_balloon_quote_gives_the_exact_annuity_and_names_the_balloon_in_its_text()
    {
        LoanQuote q = (new Loan(1_000_000m, Rate.Percent(5m), 60, D(2024, 1, 15)) { Method = RepaymentMethod.Balloon(240) }).Quote();
        Assert.InRange(q.ExactPayment, 6_599.557392166573m, 6_599.557392166574m);
        string text = q.ToString();
        Assert.StartsWith("Quote: payment 6,599.56 (exact 6599.55739216657", text, StringComparison.Ordinal);
        Assert.Contains("), balloon 841,148.19, total interest ", text, StringComparison.Ordinal);
        Assert.EndsWith(" (formula 230,522.08)", text, StringComparison.Ordinal);
    }

    /// <summary>Kills LoanQuote.Text.cs:34:13 and 34:25 (the payment after the interest-only periods left out of the
    /// quote's text, or its label emptied). TV-10 先息后本: 1,000,000 at 3.5%, 24 months of interest only (2,916.67),
    /// then 4,673.00; formula total interest 640,127.47.</summary>
    [Fact]
    public void An_interest_first_quote_names_the_payment_after_the_interest_only_periods_in_its_text()
    {
        LoanQuote q = (new Loan(1_000_000m, Rate.Percent(3.5m), 360, D(2024, 1, 15)) { Method = RepaymentMethod.InterestFirst(24) }).Quote();
        string text = q.ToString();
        Assert.StartsWith("Quote: payment 2,916.67 (exact ", text, StringComparison.Ordinal);
        Assert.Contains("), after the interest-only periods 4,673.00, total interest ", text, StringComparison.Ordinal);
        Assert.Contains(" (formula 640,127.47", text, StringComparison.Ordinal);
    }

    /// <summary>Kills LoanQuote.cs:95:84 (the message of an undefined convention → "").</summary>
    [Fact]
    public void An_undefined_total_interest_convention_is_refused_naming_it()
    {
        LoanQuote q = new Loan(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15)).Quote();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => q.TotalInterest((TotalInterestConvention)9));
        Assert.Equal("convention", e.ParamName);
        Assert.Equal((TotalInterestConvention)9, e.ActualValue);
        Assert.StartsWith("Unknown total-interest convention.", e.Message, StringComparison.Ordinal);
    }

    // ---- Installment.cs ----

    /// <summary>
    /// Kills Installment.cs:125:16 (rows of the same decimal places compared as numbers instead of by their minor
    /// units: the numbers leave out the capitalized amount of an arrears capitalization row). Two loans that differ
    /// only in the arrears they capitalize after the 3rd payment: their capitalization rows have the same period, date,
    /// rate, opening balance, principal and interest (0), but add 1,000.00 and 2,000.00 to the balance.
    /// </summary>
    [Fact]
    public void Capitalization_rows_that_add_different_amounts_are_not_equal()
    {
        static Installment CapitalizationRow(decimal arrears) =>
            (new Loan(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15)) { Events = [ArrearsCapitalization.On(D(2025, 4, 15), arrears)] })
            .BuildSchedule().Single(r => r.Kind == InstallmentKind.Capitalization);

        Installment a = CapitalizationRow(1_000m), b = CapitalizationRow(2_000m);
        Assert.Equal((a.Period, a.DueDate, a.OpeningBalance, a.Principal, a.Interest), (b.Period, b.DueDate, b.OpeningBalance, b.Principal, b.Interest));
        Assert.Equal(1_000.00m, a.CapitalizedInterest);
        Assert.Equal(2_000.00m, b.CapitalizedInterest);
        Assert.NotEqual(a, b);
        Assert.False(a.Equals(b));
        Assert.True(a.Equals(CapitalizationRow(1_000m)));
    }

    /// <summary>
    /// A bug the survivor analysis found (not a mutant): rows kept to different decimal places were compared by their
    /// numbers without the amount a capitalization row adds to the balance, so an arrears capitalization of 1,000.00
    /// equalled one of 2,000.000. Interest free, so both loans' rows agree to the mill but for that amount.
    /// </summary>
    [Fact]
    public void Capitalization_rows_at_different_decimal_places_that_add_different_amounts_are_not_equal()
    {
        static Installment CapitalizationRow(int places, decimal arrears) =>
            (new Loan(120_000m, Rate.Zero, 12, D(2025, 1, 15)) { Rounding = new RoundingPolicy(places), Events = [ArrearsCapitalization.On(D(2025, 4, 15), arrears)] })
            .BuildSchedule().Single(r => r.Kind == InstallmentKind.Capitalization);

        Installment a = CapitalizationRow(2, 1_000m), b = CapitalizationRow(3, 2_000m);
        Assert.Equal((a.Period, a.DueDate, a.OpeningBalance, a.Principal, a.Interest, a.Penalty, a.DeferredInterest),
            (b.Period, b.DueDate, b.OpeningBalance, b.Principal, b.Interest, b.Penalty, b.DeferredInterest));
        Assert.Equal((1_000m, 2_000m), (a.CapitalizedInterest, b.CapitalizedInterest));
        Assert.False(a.Equals(b));
        Assert.False(b.Equals(a));
        Assert.True(a.Equals(CapitalizationRow(3, 1_000m)), "the same capitalization to the mill is the same row");
    }

    /// <summary>
    /// Kills Installment.cs:127:15 (both Logical mutations of the amounts compared as numbers, for rows kept to
    /// different decimal places: <c>… &amp;&amp; Principal == … || Interest == …</c> and <c>OpeningBalance == … ||
    /// Principal == …</c>). 1,200 at 5% over 12 months, to the cent and to the mill: the first rows open at 1,200 and
    /// charge 5.00 of interest alike, but repay 97.73 and 97.729 (A* = 102.7289781…: 102.73 and 102.729).
    /// </summary>
    [Fact]
    public void Rows_at_different_decimal_places_with_equal_interest_but_different_principal_are_not_equal()
    {
        Loan cents = new(1_200m, Rate.Percent(5m), 12, D(2025, 1, 15));
        Installment a = cents.BuildSchedule().First;
        Installment b = (cents with { Rounding = new RoundingPolicy(3) }).BuildSchedule().First;
        Assert.Equal((1_200m, 5m), (a.OpeningBalance, a.Interest));
        Assert.Equal((1_200m, 5m), (b.OpeningBalance, b.Interest));
        Assert.Equal(97.73m, a.Principal);
        Assert.Equal(97.729m, b.Principal);
        Assert.False(a.Equals(b));
        Assert.False(b.Equals(a));
    }

    // ---- Schedule.cs, Schedule.Export.cs ----

    /// <summary>Kills Schedule.cs:47:139 (what the message says has the rows → "").</summary>
    [Fact]
    public void A_row_index_out_of_range_names_the_range_and_the_schedule()
    {
        Schedule s = new Loan(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15)).BuildSchedule();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s[12]);
        Assert.Equal("index", e.ParamName);
        Assert.Equal(12, e.ActualValue);
        Assert.StartsWith("The row index must be from 0 to 11 (the schedule has 12 rows); was 12.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills Schedule.cs:87:31 (<c>_quote ??= …</c> → <c>_quote = …</c>): the quote is computed on first use and
    /// kept, as documented, so a second read returns the same instance.</summary>
    [Fact]
    public void A_schedules_quote_is_computed_once()
    {
        Schedule s = new Loan(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15)).BuildSchedule();
        Assert.Same(s.Quote, s.Quote);
    }

    /// <summary>Kills Schedule.Export.cs:18:9, 40:9 and 49:9 (the <c>ThrowIfNull(writer)</c> of <c>WriteCsv</c>,
    /// <c>WriteJson(TextWriter)</c> and <c>WriteJson(Utf8JsonWriter)</c> removed: a NullReferenceException from inside
    /// the writer, after the document is built, instead of an ArgumentNullException naming the parameter).</summary>
    [Fact]
    public void Writing_a_schedule_to_a_null_writer_throws_ArgumentNullException_naming_it()
    {
        Schedule s = new Loan(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15)).BuildSchedule();
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteCsv(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteJson((TextWriter)null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteJson((Utf8JsonWriter)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => s.WriteJson((Stream)null!)).ParamName);
    }

    // ---- RowSinks.cs (the totals' sink) ----

    /// <summary>
    /// Kills RowSinks.cs:179:33 (<c>!_hasNextPayment</c> → <c>_hasNextPayment</c> in whether the sink keeps watching):
    /// with an empty window (window end = as-of date) and a prepayment on the as-of date, the first row on or after it
    /// is the prepayment, outside the window and not a payment: the sink must go on to the regular row after it for the
    /// next payment. Expected figures from the schedule's rows.
    /// </summary>
    [Fact]
    public void The_next_payment_after_a_prepayment_on_the_as_of_date_is_found_with_an_empty_window()
    {
        LocalDate day = D(2025, 6, 1);
        Loan loan = new(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15))
        {
            Events = [Prepayment.Partial(day, 10_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule s = loan.BuildSchedule();
        Installment prepaid = s.Single(r => r.DueDate == day);
        Installment regular = s.First(r => r.DueDate > day);
        Assert.Equal(InstallmentKind.Prepayment, prepaid.Kind);
        Assert.Equal(InstallmentKind.Regular, regular.Kind);

        LoanTotals t = loan.Totals(day, day);
        Assert.Equal(regular.Payment, t.NextPayment);
        Assert.Equal(prepaid.OpeningBalance, t.BalanceAsOf);
        Assert.Equal(0m, t.WindowInterest);
    }

    // ---- LoanTotals.cs (CombinedTotals) ----

    /// <summary>Two legs, each prepaying with 3 months' interest as penalty: 20,000 × 3.05% × 3/12 = 152.50 and
    /// 10,000 × 2.6% × 3/12 = 65.00. "short" (12 months) is repaid on 2026-01-15, "long" (24 months) on 2027-01-15.</summary>
    private static CombinedLoan TwoPenalisedLegs()
    {
        Loan @long = new(300_000m, Rate.Percent(3.05m), 24, D(2025, 1, 15))
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events = [Prepayment.Partial(D(2025, 9, 15), 20_000m, PrepaymentOption.LowerPayment)],
        };
        Loan @short = new(100_000m, Rate.Percent(2.6m), 12, D(2025, 1, 15))
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events = [Prepayment.Partial(D(2025, 5, 15), 10_000m, PrepaymentOption.LowerPayment)],
        };
        return new CombinedLoan(new LoanLeg("long", @long), new LoanLeg("short", @short));
    }

    /// <summary>The as-of figures of one leg read off its schedule's rows (the schedule sink, not the totals' sink):
    /// the opening balance of the first row dated on or after the date (0 when none), the payment of the first regular
    /// or balloon row due on or after it (null when none), the interest of the rows dated in the window.</summary>
    private static (decimal Balance, decimal? Next, decimal Window) FromRows(Schedule s, LocalDate asOf, LocalDate end) =>
        (s.FirstOrDefault(r => r.DueDate >= asOf) is { } first && first.DueDate >= asOf ? first.OpeningBalance : 0m,
         s.FirstOrDefault(r => r.DueDate >= asOf && r.Kind is InstallmentKind.Regular or InstallmentKind.Balloon) is { } next
             && next.DueDate >= asOf ? next.Payment : null,
         s.Where(r => r.DueDate >= asOf && r.DueDate < end).Sum(r => r.Interest));

    /// <summary>Kills LoanTotals.cs:114:36 (the combined penalty <c>Sum</c> → <c>Max</c>), and 123:36 (conditional
    /// false: a balance of 0 without an as-of date), 130:39 (the same for the window interest): without an as-of date
    /// the as-of sums are null.</summary>
    [Fact]
    public void Combined_totals_add_both_legs_penalties_and_have_no_as_of_figures_without_a_date()
    {
        CombinedLoan loan = TwoPenalisedLegs();
        CombinedSchedule s = loan.BuildSchedule();
        CombinedTotals t = loan.Totals();
        Assert.Equal(152.50m, s.Leg("long").TotalPenalty);
        Assert.Equal(65.00m, s.Leg("short").TotalPenalty);
        Assert.Equal(217.50m, t.TotalPenalty);
        Assert.Equal(s.Leg("long").TotalPayment + s.Leg("short").TotalPayment, t.TotalPayment);
        Assert.Null(t.BalanceAsOf);
        Assert.Null(t.NextPayment);
        Assert.Null(t.WindowInterest);
    }

    /// <summary>
    /// Kills LoanTotals.cs:123:36 (conditional true; <c>AsOf is null</c> → <c>is not null</c>), 123:67 (<c>Sum</c> →
    /// <c>Max</c>), 123:89 (<c>BalanceAsOf ?? 0</c> → <c>0</c>), 127:36 (conditional true), 127:58 (<c>NextPayment is
    /// null</c> → <c>is not null</c>), 127:90 (<c>Sum</c> → <c>Max</c>), 127:112 (<c>?? 0</c> → <c>0</c>), 130:39
    /// (conditional true; <c>is not null</c>), 130:70 (<c>Sum</c> → <c>Max</c>), 130:92 (<c>?? 0</c> → <c>0</c>): as of
    /// 2025-03-01 both legs owe, pay and charge interest; each sum is the sum of the legs' figures read off their
    /// schedules' rows.
    /// </summary>
    [Fact]
    public void Combined_as_of_figures_are_the_sums_of_the_legs_figures_while_both_run()
    {
        LocalDate asOf = D(2025, 3, 1), end = D(2026, 3, 1);
        CombinedLoan loan = TwoPenalisedLegs();
        CombinedSchedule s = loan.BuildSchedule();
        var (lb, ln, lw) = FromRows(s.Leg("long"), asOf, end);
        var (sb, sn, sw) = FromRows(s.Leg("short"), asOf, end);
        Assert.True(lb > 0m && sb > 0m && ln > 0m && sn > 0m && lw > 0m && sw > 0m);

        CombinedTotals t = loan.Totals(asOf, end);
        Assert.Equal(lb + sb, t.BalanceAsOf);
        Assert.Equal(ln + sn, t.NextPayment);
        Assert.Equal(lw + sw, t.WindowInterest);
    }

    /// <summary>
    /// Kills LoanTotals.cs:127:36 (<c>All</c> → <c>Any</c>: one leg without a next payment must not make the sum null)
    /// and 127:36 (conditional false), 127:58 (<c>is not null</c>) once both legs are repaid: as of 2026-02-01 only
    /// "long" runs (its figures alone); as of 2027-02-01 neither does, so there is no next payment, and the balance and
    /// window interest are 0.
    /// </summary>
    [Fact]
    public void Combined_next_payment_skips_a_repaid_leg_and_is_null_once_all_are_repaid()
    {
        CombinedLoan loan = TwoPenalisedLegs();
        CombinedSchedule s = loan.BuildSchedule();

        LocalDate asOf = D(2026, 2, 1), end = D(2026, 8, 1);
        var (lb, ln, lw) = FromRows(s.Leg("long"), asOf, end);
        var (sb, sn, sw) = FromRows(s.Leg("short"), asOf, end);
        Assert.Equal((0m, (decimal?)null, 0m), (sb, sn, sw));
        CombinedTotals t = loan.Totals(asOf, end);
        Assert.Null(t.Legs[1].NextPayment);
        Assert.Equal(lb, t.BalanceAsOf);
        Assert.Equal(ln, t.NextPayment);
        Assert.Equal(lw, t.WindowInterest);

        CombinedTotals after = loan.Totals(D(2027, 2, 1), D(2028, 2, 1));
        Assert.Null(after.NextPayment);
        Assert.Equal(0m, after.BalanceAsOf);
        Assert.Equal(0m, after.WindowInterest);
    }
}
