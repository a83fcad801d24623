using NodaTime;
using static MortgageMath.Tests.Combined.CombinedSupport;

namespace MortgageMath.Tests.Combined;

/// <summary>Combined loans: prepayments on a named leg, legs that differ in method, due day and term, validation.</summary>
public class CombinedLoanTests
{
    [Fact]
    public void A_prepayment_on_one_leg_changes_only_that_leg()
    {
        var prepayment = Prepayment.Partial(new LocalDate(2026, 6, 20), 100_000m, PrepaymentOption.ShortenTerm);
        CombinedLoan prepaid = Tv9.WithLeg("commercial", loan => loan with { Events = [.. loan.Events, prepayment] });

        Assert.Same(Tv9.Legs[1], prepaid.Legs[1]);
        Assert.Empty(Tv9.Leg("commercial").Events);               // the original is unchanged
        Assert.Single(prepaid.Leg("commercial").Events);

        CombinedSchedule before = Tv9.BuildSchedule();
        CombinedSchedule after = prepaid.BuildSchedule();
        AssertConsistent(prepaid, after);

        Schedule fundBefore = before.Leg("provident-fund");
        Schedule fundAfter = after.Leg("provident-fund");
        Assert.Equal(fundBefore.Count, fundAfter.Count);
        for (int k = 0; k < fundBefore.Count; k++)
        {
            Assert.Equal(fundBefore[k], fundAfter[k]);
        }

        Schedule commercial = after.Leg("commercial");
        Assert.True(commercial.Count < before.Leg("commercial").Count);
        Assert.True(after.TotalInterest < before.TotalInterest);
        Assert.Equal(before.Leg("commercial").TotalInterest - commercial.TotalInterest, before.TotalInterest - after.TotalInterest);

        // The prepayment row is its own leg row on 2026-06-20, after that day's regular rows of both legs.
        CombinedRow day = after.Single(r => r.Date == new LocalDate(2026, 6, 20));
        IReadOnlyList<LegInstallment> rows = day.Rows;
        Assert.Equal(3, rows.Count);
        Assert.Equal(("commercial", InstallmentKind.Regular), (rows[0].Leg, rows[0].Row.Kind));
        Assert.Equal(("commercial", InstallmentKind.Prepayment), (rows[1].Leg, rows[1].Row.Kind));
        Assert.Equal(("provident-fund", InstallmentKind.Regular), (rows[2].Leg, rows[2].Row.Kind));
        Assert.Equal(2_970.14m + 100_000m + 1_201.02m, day.Payment);

        // After the commercial leg ends, only the provident-fund leg remains, and the combined balance is its balance.
        LocalDate commercialEnd = commercial.Last.DueDate;
        CombinedRow later = after.First(r => r.Date > commercialEnd);
        Assert.Equal("provident-fund", Assert.Single(later.Rows).Leg);
        Assert.Equal(Assert.Single(later.Rows).Row.ClosingBalance, later.ClosingBalance);
        Assert.Equal(0m, after.Last.ClosingBalance);
    }

    [Fact]
    public void A_prepayment_between_due_dates_is_a_row_of_its_own_date()
    {
        var prepayment = Prepayment.Partial(new LocalDate(2026, 3, 5), 50_000m, PrepaymentOption.LowerPayment);
        CombinedLoan prepaid = Tv9.WithLeg("PROVIDENT-FUND", loan => loan with { Events = [prepayment] });
        CombinedSchedule s = prepaid.BuildSchedule();
        AssertConsistent(prepaid, s);
        CombinedRow row = s.Single(r => r.Date == new LocalDate(2026, 3, 5));
        LegInstallment only = Assert.Single(row.Rows);
        Assert.Equal("provident-fund", only.Leg);
        Assert.Equal(InstallmentKind.Prepayment, only.Row.Kind);
        Assert.Equal(s.Leg("commercial")[7].ClosingBalance + only.Row.ClosingBalance, row.ClosingBalance); // 8 commercial payments by then
    }

    [Fact]
    public void Legs_with_different_methods_due_days_and_terms_merge_by_date()
    {
        var disbursed = new LocalDate(2024, 1, 31);
        var combined = new CombinedLoan(
            new LoanLeg("commercial", new Loan(500_000m, Rate.Percent(3.6m), 240, disbursed) { Method = RepaymentMethod.EqualPrincipal }),
            new LoanLeg("provident-fund", new Loan(200_000m, Rate.Percent(2.85m), 120, disbursed) { RepaymentDay = 15 }),
            new LoanLeg("family", new Loan(50_000.5m, Rate.Zero, 12, disbursed.PlusDays(10)) { Rounding = new RoundingPolicy(1) }));
        CombinedSchedule s = combined.BuildSchedule();
        AssertConsistent(combined, s);
        Assert.Equal(240 + 120 + 12, s.Count);                  // due days 31 (clamped to month end), 15 and 10 never coincide
        Assert.Equal(new LocalDate(2024, 2, 15), s[0].Date);   // provident fund (odd first period 2024-01-31 → 2024-02-15)
        Assert.Equal("provident-fund", Assert.Single(s[0].Rows).Leg);
        Assert.Equal(750_000.5m, s[0].ClosingBalance + s[0].Principal); // commercial not yet due, family disbursed 2024-02-10: both count in full
        Assert.Equal(new LocalDate(2024, 2, 29), s[1].Date);   // commercial, day 31 clamped
        Assert.Equal(new LocalDate(2024, 3, 10), s[2].Date);   // family
        Assert.Equal(new LocalDate(2044, 1, 31), s.Last.Date);
        Assert.Equal(750_000.5m, s.TotalPrincipal);
        Assert.Null(s.Quote.RoundedPaymentTotalInterest);
        var e = Assert.Throws<ArgumentException>(() => s.Quote.TotalInterest(TotalInterestConvention.RoundedPayment));
        Assert.Contains("'commercial'", e.Message);
    }

    [Fact]
    public void A_leg_not_yet_disbursed_owes_nothing()
    {
        var combined = new CombinedLoan(
            new LoanLeg("a", new Loan(1_000m, Rate.Percent(3m), 12, new LocalDate(2024, 1, 1))),
            new LoanLeg("b", new Loan(2_000m, Rate.Percent(3m), 12, new LocalDate(2024, 3, 15))));
        CombinedSchedule s = combined.BuildSchedule();
        AssertConsistent(combined, s);
        Assert.Equal(s.Leg("a")[0].ClosingBalance, s[0].ClosingBalance);                // 2024-02-01: b not disbursed
        Assert.Equal(s.Leg("a")[2].ClosingBalance + 2_000m, s[2].ClosingBalance);        // 2024-04-01: b disbursed, no row yet
    }

    [Fact]
    public void One_leg_is_that_loan()
    {
        var combined = new CombinedLoan(new LoanLeg("provident-fund", Tv9ProvidentFund));
        CombinedSchedule s = combined.BuildSchedule();
        AssertConsistent(combined, s);
        Assert.Equal(1_201.02m, s.Quote.Payment);
        Assert.Equal(Tv9ProvidentFund.BuildSchedule().TotalInterest, s.TotalInterest);
    }

    [Fact]
    public void Legs_are_copied_and_named()
    {
        var legs = new List<LoanLeg> { new("commercial", Tv9Commercial), new("provident-fund", Tv9ProvidentFund) };
        var combined = new CombinedLoan(legs);
        legs.Clear();
        Assert.Equal(2, combined.Legs.Count);
        Assert.Equal(1_000_000m, combined.Principal);
        Assert.Same(Tv9Commercial, combined.Leg("Commercial"));
    }

    [Fact]
    public void Invalid_combinations_are_rejected_with_reasons()
    {
        Assert.Throws<ArgumentNullException>(() => new CombinedLoan((IEnumerable<LoanLeg>)null!));
        Assert.Contains("at least one leg", Assert.Throws<ArgumentException>(() => new CombinedLoan()).Message);
        Assert.Contains("Leg 2 is null", Assert.Throws<ArgumentException>(() => new CombinedLoan(new LoanLeg("a", Tv9Commercial), null!)).Message);
        Assert.Contains("'Commercial'", Assert.Throws<ArgumentException>(() =>
            new CombinedLoan(new LoanLeg("commercial", Tv9Commercial), new LoanLeg("Commercial", Tv9ProvidentFund))).Message);
        var tooMany = Enumerable.Range(0, CombinedLoan.MaxLegs + 1).Select(k => new LoanLeg($"leg {k}", Tv9Commercial));
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new CombinedLoan(tooMany));
        Assert.Equal("legs", range.ParamName);
        Assert.Contains("1 to 16", range.Message);

        Assert.Throws<ArgumentNullException>(() => new LoanLeg(null!, Tv9Commercial));
        Assert.Throws<ArgumentNullException>(() => new LoanLeg("a", null!));
        Assert.Throws<ArgumentException>(() => new LoanLeg("", Tv9Commercial));
        Assert.Throws<ArgumentException>(() => new LoanLeg("  ", Tv9Commercial));
        Assert.Throws<ArgumentException>(() => new LoanLeg(" a", Tv9Commercial));
        Assert.Throws<ArgumentException>(() => new LoanLeg(new string('x', LoanLeg.MaxNameLength + 1), Tv9Commercial));

        var missing = Assert.Throws<ArgumentException>(() => Tv9.Leg("bridge"));
        Assert.Contains("'commercial', 'provident-fund'", missing.Message);
        Assert.Throws<ArgumentException>(() => Tv9.WithLeg("bridge", l => l));
        Assert.Throws<ArgumentNullException>(() => Tv9.WithLeg("commercial", null!));
        Assert.Throws<ArgumentNullException>(() => Tv9.WithLeg("commercial", _ => null!));
    }

    [Fact]
    public void A_leg_that_does_not_fit_together_is_named()
    {
        var bad = new CombinedLoan(
            new LoanLeg("commercial", Tv9Commercial),
            new LoanLeg("provident-fund", Tv9ProvidentFund with { Principal = 300_000.005m }));
        var e = Assert.Throws<ArgumentException>(() => bad.BuildSchedule());
        Assert.StartsWith("Leg 'provident-fund':", e.Message);
    }
}
