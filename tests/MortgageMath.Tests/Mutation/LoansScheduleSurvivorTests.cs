using System.Globalization;
using System.Text.Json;
using NodaTime;
using static MortgageMath.Tests.Mutation.LoansSurvivorTests;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of Loans/CombinedSchedule*.cs and CombinedQuote.Text.cs that survived Stryker.NET
/// (run of 2026-12-05; docs/testing.md): the merged sums of legs with different roundings, the row equality, the
/// one-line texts and the export methods' argument checks. Each test names the mutants it kills. The expected sums
/// are those of each leg's own rows (each leg's schedule is what that loan builds alone, tested elsewhere).
/// </summary>
public class LoansScheduleSurvivorTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    /// <summary>
    /// Two legs disbursed 2025-01-15, 24 months: "cents" rounds to 0.01, "yuan" to whole yuan (so its amounts are
    /// scaled by 100 in the merged sums). Both take a capitalized payment holiday on 2025-06-15; "yuan" also prepays
    /// 20,000 on 2025-09-15 with 3 months' interest as penalty.
    /// </summary>
    private static CombinedLoan Mixed()
    {
        Loan cents = new Loan(300_000m, Rate.Percent(3.05m), 24, D(2025, 1, 15))
        {
            Events = [PaymentHoliday.On(D(2025, 6, 15), SkippedInterest.Capitalized)],
        };
        Loan yuan = new Loan(100_000m, Rate.Percent(2.6m), 24, D(2025, 1, 15))
        {
            Rounding = new RoundingPolicy(0),
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(3),
            Events =
            [
                PaymentHoliday.On(D(2025, 6, 15), SkippedInterest.Capitalized),
                Prepayment.Partial(D(2025, 9, 15), 20_000m, PrepaymentOption.LowerPayment),
            ],
        };
        return new CombinedLoan(new LoanLeg("cents", cents), new LoanLeg("yuan", yuan));
    }

    /// <summary>
    /// Kills CombinedSchedule.cs:78:45 and 81:48 (the totals of deferred and capitalized interest: <c>Sum</c> →
    /// <c>Max</c>), 180:25 (<c>penalty += …</c> → <c>-=</c>), 180:36, 181:37, 182:40 (<c>row.PenaltyMinor * f</c>,
    /// <c>DeferredMinor * f</c>, <c>CapitalizedMinor * f</c> → <c>/ f</c>: a whole-yuan leg's amounts must be scaled
    /// UP to cents, f = 100).
    /// </summary>
    [Fact]
    public void Merged_holiday_and_penalty_sums_add_each_legs_amounts_in_the_finest_unit()
    {
        CombinedSchedule s = Mixed().BuildSchedule();
        Schedule cents = s.Leg("cents"), yuan = s.Leg("yuan");
        Assert.True(cents.TotalCapitalizedInterest > 0m && yuan.TotalCapitalizedInterest > 0m);
        Assert.True(cents.TotalDeferredInterest > 0m && yuan.TotalDeferredInterest > 0m);
        Assert.Equal(cents.TotalDeferredInterest + yuan.TotalDeferredInterest, s.TotalDeferredInterest);
        Assert.Equal(cents.TotalCapitalizedInterest + yuan.TotalCapitalizedInterest, s.TotalCapitalizedInterest);

        CombinedRow holiday = s.Single(r => r.Date == D(2025, 6, 15));
        decimal deferred = holiday.Rows.Sum(r => r.Row.DeferredInterest);
        decimal capitalized = holiday.Rows.Sum(r => r.Row.CapitalizedInterest);
        Assert.Equal(2, holiday.Rows.Count);
        Assert.Equal(deferred, holiday.DeferredInterest);
        Assert.Equal(capitalized, holiday.CapitalizedInterest);

        // 3 months' interest on 20,000 at 2.6%: 20,000 × 2.6% × 3/12 = 130 yuan.
        CombinedRow prepaid = s.Single(r => r.Date == D(2025, 9, 15));
        Assert.Equal(130m, prepaid.Penalty);
        Assert.Equal(130m, s.TotalPenalty);
        Assert.Equal(prepaid.Rows.Sum(r => r.Row.Payment), prepaid.Payment);
    }

    /// <summary>
    /// Kills the eight Logical mutations of CombinedSchedule.cs:295:9 (each <c>&amp;&amp;</c> of
    /// <c>CombinedRow.Equals</c> → <c>||</c>): two rows with every figure equal but the date are not equal. The first
    /// rows of the same one-leg loan disbursed a month apart (a regular first period: the same interest).
    /// </summary>
    [Fact]
    public void Combined_rows_that_differ_only_in_their_date_are_not_equal()
    {
        Loan jan = new(120_000m, Rate.Percent(4.9m), 12, D(2025, 1, 15));
        CombinedRow a = new CombinedLoan(new LoanLeg("a", jan)).BuildSchedule().First;
        CombinedRow b = new CombinedLoan(new LoanLeg("a", jan with { Disbursement = D(2025, 2, 15) })).BuildSchedule().First;
        Assert.Equal(
            (a.Rows.Count, a.Payment, a.Principal, a.Interest, a.Penalty, a.DeferredInterest, a.CapitalizedInterest, a.ClosingBalance),
            (b.Rows.Count, b.Payment, b.Principal, b.Interest, b.Penalty, b.DeferredInterest, b.CapitalizedInterest, b.ClosingBalance));
        Assert.NotEqual(a.Date, b.Date);
        Assert.False(a.Equals(b));
        Assert.False(a == b);
        Assert.True(a != b);
    }

    /// <summary>
    /// Kills CombinedSchedule.Text.cs:16:52 and 16:149 (<c>Count == 1 ? "" : "s"</c> → <c>false ? …</c>: "1 legs",
    /// "1 dates"), 16:70 and 16:162 ("s" → "Stryker was here!") and 16:368 (no penalties: "" → "Stryker was here!"):
    /// the whole line of a one-leg, one-date schedule and the plurals of a two-leg one.
    /// </summary>
    [Fact]
    public void Combined_schedule_line_uses_singular_and_plural_and_adds_nothing_without_penalties()
    {
        Loan once = new(1_200m, Rate.Percent(12m), 1, D(2025, 1, 15));
        CombinedSchedule one = new CombinedLoan(new LoanLeg("only", once)).BuildSchedule();
        Assert.Equal(0m, one.TotalPenalty);
        Assert.Equal(
            $"Combined schedule: 1 leg (only), 1 date 2025-02-15..2025-02-15, payment {N(one.Quote.Payment, 2)}, total interest {N(one.TotalInterest, 2)}",
            one.ToString());

        CombinedSchedule two = new CombinedLoan(new LoanLeg("a", once with { Periods = 2 }), new LoanLeg("b", once with { Periods = 2 })).BuildSchedule();
        Assert.StartsWith("Combined schedule: 2 legs (a, b), 2 dates 2025-02-15..2025-03-15, payment ", two.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Kills CombinedSchedule.Text.cs:16:347 (the penalties part <c>TotalPenalty != 0m ? … : ""</c> →
    /// <c>false ? …</c>): a schedule with a penalty ends with it, in the finest unit of the legs (2 decimals).</summary>
    [Fact]
    public void Combined_schedule_line_ends_with_the_penalties_when_there_are_any()
    {
        CombinedSchedule s = Mixed().BuildSchedule();
        Assert.EndsWith($", total interest {N(s.TotalInterest, 2)}, penalties 130.00", s.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Kills CombinedQuote.Text.cs:13:22 (<c>Legs.Max(decimal places)</c> → <c>Min</c>): the sums are written
    /// with the most decimals of any leg (2, not the whole-yuan leg's 0); each leg's own payment with its own.</summary>
    [Fact]
    public void Combined_quote_line_writes_the_sums_with_the_most_decimals_of_any_leg()
    {
        CombinedQuote q = Mixed().Quote();
        Assert.Equal(
            $"Combined quote: payment {N(q.Payment, 2)} (cents {N(q.Leg("cents").Payment, 2)} + yuan {N(q.Leg("yuan").Payment, 0)}), total interest {N(q.ScheduleTotalInterest, 2)} (formula {N(q.FormulaTotalInterest, 2)})",
            q.ToString());
    }

    /// <summary>Kills CombinedSchedule.Export.cs:16:9, 38:9 and 47:9 (each <c>ArgumentNullException.ThrowIfNull(writer)</c>
    /// removed: the writer would be used and fail with a NullReferenceException instead).</summary>
    [Fact]
    public void Export_to_a_null_writer_is_an_ArgumentNullException_on_writer()
    {
        CombinedSchedule s = new CombinedLoan(new LoanLeg("a", new Loan(1_200m, Rate.Percent(12m), 2, D(2025, 1, 15)))).BuildSchedule();
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteCsv(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteJson((TextWriter)null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => s.WriteJson((Utf8JsonWriter)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => s.WriteJson((Stream)null!)).ParamName);
    }
}
