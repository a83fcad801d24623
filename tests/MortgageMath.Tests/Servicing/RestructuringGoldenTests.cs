using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>Restructuring events (issue 13), checked against servicing-conventions.md §5.</summary>
public class RestructuringGoldenTests
{
    // 1,000,000 at 4.9% over 240 months pays 6,544.44; after 12 payments the balance is 969,794.33.
    private static readonly Loan TwentyYears = new(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));

    [Fact]
    public void Extending_by_36_months_after_12_payments_lowers_the_payment_to_6009_31()
    {
        // Independently: the annuity on 969,794.33 at 4.9%/12 over 228 + 36 = 264 months:
        // 969,794.33 × i / (1 − (1 + i)^−264), i = 0.049/12 → 6,009.31 (computed to 28 digits below).
        LocalDate twelfth = new(2025, 3, 20);
        Loan extended = TwentyYears with { Events = [TermChange.Extend(twelfth, 36)] };
        Schedule s = extended.BuildSchedule();

        Assert.Equal(6_544.44m, s[0].Payment);
        Assert.Equal(969_794.33m, s[11].ClosingBalance);
        Assert.Equal(6_009.31m, s[12].Payment);
        Assert.Equal(276, s.Count);
        Assert.Equal(0m, s.Last.ClosingBalance);
        Assert.Equal(6_009.31m, Math.Round(DecimalAnnuity.Of(969_794.33m, 0.049m / 12m, 264), 2));

        // The same as naming the periods left.
        Assert.Equal(s, (TwentyYears with { Events = [TermChange.To(twelfth, 264)] }).BuildSchedule(), ScheduleRows.Comparer);
    }

    [Fact]
    public void A_term_change_to_the_same_maturity_and_a_method_change_back_and_forth_change_nothing()
    {
        LocalDate d = new(2025, 3, 20);
        Schedule plain = TwentyYears.BuildSchedule();
        Assert.Equal(plain, (TwentyYears with { Events = [TermChange.To(d, 228)] }).BuildSchedule(), ScheduleRows.Comparer);
        Assert.Equal(plain, (TwentyYears with { Events = [MethodChange.To(d, RepaymentMethod.EqualPrincipal), MethodChange.To(d, RepaymentMethod.EqualInstallment)] }).BuildSchedule(), ScheduleRows.Comparer);
    }

    [Fact]
    public void Equal_principal_to_equal_installment_lowers_the_payment_now()
    {
        // Equal principal: 1,000,000 / 240 = 4,166.67 principal a month; after 12 payments 950,000 (rounded parts)
        // remain; as an annuity over 228 months at 4.9% the payment is below the equal-principal payment then.
        Loan ep = TwentyYears with { Method = RepaymentMethod.EqualPrincipal };
        LocalDate d = new(2025, 3, 20);
        Schedule before = ep.BuildSchedule();
        Schedule after = (ep with { Events = [MethodChange.To(d, RepaymentMethod.EqualInstallment)] }).BuildSchedule();
        Assert.Equal(before[11], after[11]);
        Assert.True(after[12].Payment < before[12].Payment);
        Assert.Equal(after[12].Payment, after[100].Payment);
        Assert.Equal(Math.Round(DecimalAnnuity.Of(before[11].ClosingBalance, 0.049m / 12m, 228), 2), after[12].Payment);
        Assert.Equal(240, after.Count);
    }

    [Fact]
    public void An_extension_beyond_three_years_or_thirty_years_in_all_is_refused_naming_the_limit()
    {
        LocalDate d = new(2025, 3, 20);
        var rules = Assert.Throws<TermExtensionException>(() => (TwentyYears with { Events = [TermChange.Extend(d, 37)] }).BuildSchedule());
        Assert.Equal(ExtensionLimit.GeneralLoanRules, rules.Limit);
        Assert.Equal(36, rules.MaximumPeriods);
        Assert.Equal(37, rules.RequestedPeriods);
        Assert.Equal(0, rules.EventIndex);

        Loan thirty = TwentyYears with { Periods = 348 };
        var product = Assert.Throws<TermExtensionException>(() => (thirty with { Events = [TermChange.Extend(d, 24)] }).BuildSchedule());
        Assert.Equal(ExtensionLimit.ProductMaximum, product.Limit);
        Assert.Equal(360, product.MaximumPeriods);
        Assert.Equal(372, product.RequestedPeriods);

        // Without limits the same extension is built.
        Assert.Equal(372, (thirty with { Events = [TermChange.Extend(d, 24, ExtensionLimits.None)] }).BuildSchedule().Count);

        // A loan of 1 to 5 years may be extended by half its term: 36 months → 18.
        Assert.Equal(18, ExtensionLimits.GeneralLoanRulesMaximum(36));
        Assert.Equal(12, ExtensionLimits.GeneralLoanRulesMaximum(12));
    }

    [Fact]
    public void A_restructuring_off_a_due_date_is_refused()
    {
        var e = Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [TermChange.Extend(new LocalDate(2025, 3, 21), 12)] }).BuildSchedule());
        Assert.Equal(new LocalDate(2025, 3, 21), e.EventDate);
    }
}

internal static class ScheduleRows
{
    internal static readonly IEqualityComparer<Schedule> Comparer = EqualityComparer<Schedule>.Create(
        (a, b) => a!.Count == b!.Count && a.Zip(b).All(p => p.First == p.Second && p.First.Payment == p.Second.Payment && p.First.ClosingBalance == p.Second.ClosingBalance),
        s => s.Count);
}

public class RestructuringComparisonTests
{
    [Fact]
    public void The_comparison_shows_the_payment_term_and_interest_before_and_after_the_extension()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));
        LocalDate d = new(2025, 3, 20);
        Restructuring r = Restructuring.Compare(loan, TermChange.Extend(d, 36));

        Assert.Equal(d, r.Date);
        Assert.Equal(6_544.44m, r.PaymentBefore);
        Assert.Equal(6_009.31m, r.PaymentAfter);
        Assert.Equal(-535.13m, r.PaymentDifference);
        Assert.Equal(228, r.PeriodsLeftBefore);
        Assert.Equal(264, r.PeriodsLeftAfter);
        Assert.Equal(r.After.TotalInterest - r.Before.TotalInterest, r.InterestDifference);
        Assert.True(r.InterestDifference > 0); // a longer loan costs more interest
        Assert.Equal(r, Restructuring.Compare(loan, TermChange.Extend(d, 36)));
        Assert.NotEqual(r, Restructuring.Compare(loan, TermChange.To(d, 264))); // the same figures from another loan document
        Assert.Equal(r.InterestDifference, Restructuring.Compare(loan, TermChange.To(d, 264)).InterestDifference);
        Assert.Throws<ArgumentException>(() => Restructuring.Compare(loan));
    }
}

public class InterestOnlyPeriodTests
{
    private static readonly Loan TwentyYears = new(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));

    [Fact]
    public void Six_interest_only_payments_then_the_annuity_over_the_remaining_228_months()
    {
        // After 12 payments the balance is 969,794.33; interest only: 969,794.33 × 4.9% / 12 = 3,959.9935… → 3,959.99
        // for 6 payments; then the annuity on 969,794.33 over the 228 months that were left, the maturity 6 months later.
        Schedule s = (TwentyYears with { Events = [InterestOnlyPeriod.From(new LocalDate(2025, 3, 20), 6)] }).BuildSchedule();
        for (int k = 12; k < 18; k++)
        {
            Assert.Equal(3_959.99m, s[k].Payment);
            Assert.Equal(Math.Round(969_794.33m * 0.049m / 12m, 2), s[k].Interest);
            Assert.Equal(0m, s[k].Principal);
        }

        Assert.Equal(969_794.33m, s[17].ClosingBalance);
        Assert.Equal(Math.Round(DecimalAnnuity.Of(969_794.33m, 0.049m / 12m, 228), 2, MidpointRounding.AwayFromZero), s[18].Payment);
        Assert.Equal(246, s.Count);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void Resuming_to_the_same_maturity_pays_more_and_a_minimum_principal_is_repaid_meanwhile()
    {
        Schedule s = (TwentyYears with { Events = [InterestOnlyPeriod.From(new LocalDate(2025, 3, 20), 6, 100m, InterestOnlyResume.ToMaturity)] }).BuildSchedule();
        Assert.Equal(100m, s[12].Principal);
        Assert.Equal(969_194.33m, s[17].ClosingBalance); // 969,794.33 − 6 × 100
        Assert.Equal(Math.Round(DecimalAnnuity.Of(969_194.33m, 0.049m / 12m, 222), 2, MidpointRounding.AwayFromZero), s[18].Payment);
        Assert.Equal(240, s.Count);
    }

    [Fact]
    public void An_interest_only_period_that_moves_the_maturity_is_an_extension_under_the_limits()
    {
        var e = Assert.Throws<TermExtensionException>(() => (TwentyYears with { Events = [TermChange.Extend(new LocalDate(2025, 3, 20), 36), InterestOnlyPeriod.From(new LocalDate(2025, 4, 20), 1)] }).BuildSchedule());
        Assert.Equal(ExtensionLimit.GeneralLoanRules, e.Limit);
        Assert.Equal(37, e.RequestedPeriods);
    }
}

public class ExtensionLimitsTests
{
    [Fact]
    public void The_longest_total_term_is_1_to_600_periods_however_it_is_set()
    {
        Assert.Equal("MaxTotalPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new ExtensionLimits(true, 0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtensionLimits.ChinaHousing with { MaxTotalPeriods = 601 });
        Assert.Equal(480, (ExtensionLimits.ChinaHousing with { MaxTotalPeriods = 480 }).MaxTotalPeriods);
    }
}

public class RepaymentDayChangeTests
{
    private static readonly Loan TwentyYears = new(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));

    [Fact]
    public void Moving_from_the_20th_to_the_5th_charges_the_16_straddling_days_then_re_levels_on_the_same_maturity()
    {
        // After 12 payments the balance is 969,794.33. Period 13 runs 2025-03-20 → 2025-04-05, 16 days:
        // 969,794.33 × 4.9% × 16 / 360 = 2,111.9965… → 2,112.00 interest; its principal stays the level's,
        // 6,544.44 − 3,959.99 (the month's interest) = 2,584.45; then the annuity on 967,209.88 over 227 months.
        Schedule s = (TwentyYears with { Events = [RepaymentDayChange.From(new LocalDate(2025, 3, 20), 5)] }).BuildSchedule();
        Assert.Equal(new LocalDate(2025, 3, 20), s[11].DueDate);
        Assert.Equal(new LocalDate(2025, 4, 5), s[12].DueDate);
        Assert.Equal(Math.Round(969_794.33m * 0.049m * 16m / 360m, 2), s[12].Interest);
        Assert.Equal(2_112.00m, s[12].Interest);
        Assert.Equal(2_584.45m, s[12].Principal);
        Assert.Equal(new LocalDate(2025, 5, 5), s[13].DueDate);
        Assert.Equal(Math.Round(DecimalAnnuity.Of(967_209.88m, 0.049m / 12m, 227), 2, MidpointRounding.AwayFromZero), s[13].Payment);
        Assert.Equal(240, s.Count);
        Assert.Equal(new LocalDate(2044, 3, 5), s.Last.DueDate);
        Assert.Equal(0m, s.Last.ClosingBalance);
    }

    [Fact]
    public void A_later_day_charges_the_longer_straddle_and_a_second_change_within_a_year_is_refused()
    {
        Schedule s = (TwentyYears with { Events = [RepaymentDayChange.From(new LocalDate(2025, 3, 20), 28)] }).BuildSchedule();
        Assert.Equal(new LocalDate(2025, 4, 28), s[12].DueDate);
        Assert.Equal(Math.Round(969_794.33m * 0.049m * 39m / 360m, 2), s[12].Interest); // 39 days

        var e = Assert.Throws<LoanEventException>(() => (TwentyYears with
        {
            Events = [RepaymentDayChange.From(new LocalDate(2025, 3, 20), 5), RepaymentDayChange.From(new LocalDate(2025, 9, 5), 10)],
        }).BuildSchedule());
        Assert.Equal(1, e.EventIndex);
        Assert.Equal(12, (TwentyYears with
        {
            Events = [RepaymentDayChange.From(new LocalDate(2025, 3, 20), 5), RepaymentDayChange.From(new LocalDate(2026, 3, 5), 10)],
        }).BuildSchedule().Count(r => r.DueDate.Day == 5));
        Assert.Throws<LoanEventException>(() => (TwentyYears with { Events = [RepaymentDayChange.From(new LocalDate(2025, 3, 21), 5)] }).BuildSchedule());
        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentDayChange.From(new LocalDate(2025, 3, 20), 29));
    }
}

/// <summary>The annuity payment P·i·(1+i)^n / ((1+i)^n − 1) in 28-digit decimal arithmetic: an independent check of
/// the engine's exact integer annuity (tests only).</summary>
internal static class DecimalAnnuity
{
    internal static decimal Of(decimal principal, decimal i, int n)
    {
        decimal growth = 1m;
        for (int k = 0; k < n; k++)
        {
            growth *= 1m + i;
        }

        return principal * i * growth / (growth - 1m);
    }
}

public class RestructuringAfterShortenTermTests
{
    [Fact]
    public void An_extension_after_a_shorten_term_prepayment_counts_from_the_maturity_actually_in_force()
    {
        // Found by review: 300,000 prepaid shortening the term leaves 146 periods (last due 2036-04-20); extending that
        // by 40 still ends before the original 240th period, so it is no extension under 贷款通则 art. 12 at all.
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));
        Prepayment prepayment = Prepayment.Partial(new LocalDate(2025, 3, 20), 300_000m, PrepaymentOption.ShortenTerm);
        Assert.Equal(145, (loan with { Events = [prepayment] }).BuildSchedule().RegularPayments); // + the prepayment row
        Schedule extended = (loan with { Events = [prepayment, TermChange.Extend(new LocalDate(2026, 3, 20), 40)] }).BuildSchedule();
        Assert.Equal(185, extended.RegularPayments);
        Assert.Equal(0m, extended.Last.ClosingBalance);

        // 145 + 131 = 276 periods is 36 beyond the original 240: allowed; 145 + 132 = 277 is 37: refused, naming the limit.
        Assert.Equal(276, (loan with { Events = [prepayment, TermChange.Extend(new LocalDate(2026, 3, 20), 131)] }).BuildSchedule().RegularPayments);
        var e = Assert.Throws<TermExtensionException>(() =>
            (loan with { Events = [prepayment, TermChange.Extend(new LocalDate(2026, 3, 20), 132)] }).BuildSchedule());
        Assert.Equal((ExtensionLimit.GeneralLoanRules, 37), (e.Limit, e.RequestedPeriods));
    }

    [Fact]
    public void An_interest_only_period_off_a_due_date_is_named_as_such()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 240, new LocalDate(2024, 3, 20));
        var e = Assert.Throws<LoanEventException>(() => (loan with { Events = [InterestOnlyPeriod.From(new LocalDate(2024, 5, 21), 6)] }).BuildSchedule());
        Assert.StartsWith("An interest-only period takes effect on a due date", e.Message, StringComparison.Ordinal);
    }
}
