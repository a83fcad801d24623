using NodaTime;

namespace MortgageMath.Tests.Validation;

/// <summary>
/// Dates reach the library in the ISO calendar only: the entry points that store a date (loan terms, events, rate
/// tables, repricing rules) refuse a date of another calendar with an ArgumentException whose ParamName is the
/// parameter (or init property) exactly and whose message says "ISO", shows the date as given and names its calendar. The day arithmetic inside (<see cref="DayNumber"/>)
/// reads year, month and day as ISO, so a Julian date let through would silently be a different day (Julian
/// 2024-01-20 is ISO 2024-02-02).
/// </summary>
public sealed class IsoCalendarTests
{
    private static readonly LocalDate Day = new(2024, 3, 20);

    private static readonly LocalDate Julian = new(2024, 1, 20, CalendarSystem.Julian);

    private static Loan Valid() => new(1_000_000m, Rate.Percent(4.9m), 360, Day);

    private static RepricingRule Repricing => RepricingRule.EveryJanuary1;

    /// <summary>The exception names the parameter exactly and explains the calendar problem.</summary>
    private static void AssertRefused(ArgumentException ex, string param, LocalDate date)
    {
        Assert.Equal(param, ex.ParamName);
        Assert.Contains("ISO", ex.Message, StringComparison.Ordinal);
        Assert.Contains(date.Calendar.Id, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(Action action, string param) =>
        AssertRefused(Assert.Throws<ArgumentException>(action), param, Julian);

    [Fact]
    public void The_test_date_is_a_different_day_in_ISO()
    {
        // Guards the premise: the Julian date's fields differ from the ISO day it is.
        Assert.Equal(new LocalDate(2024, 2, 2), Julian.WithCalendar(CalendarSystem.Iso));
        Assert.NotEqual(CalendarSystem.Iso, Julian.Calendar);
    }

    [Fact]
    public void Loan_disbursement()
    {
        AssertRefused(() => _ = new Loan(1000m, Rate.Percent(4.9m), 12, Julian), "Disbursement");
        AssertRefused(() => _ = new Loan(1000m, RatePlan.Fixed(Rate.Percent(4.9m)), 12, Julian), "Disbursement");
        AssertRefused(() => _ = Valid() with { Disbursement = Julian }, "Disbursement");
    }

    [Fact]
    public void Loan_disbursement_in_another_calendar_within_the_year_range_is_still_refused()
    {
        // Gregorian and ISO agree on every field, but the check is on the calendar, as documented.
        LocalDate gregorian = new(2024, 3, 20, CalendarSystem.Gregorian);
        var ex = Assert.Throws<ArgumentException>(() => new Loan(1000m, Rate.Percent(4.9m), 12, gregorian));
        AssertRefused(ex, "Disbursement", gregorian);
    }

    [Fact]
    public void Loan_first_due_date()
    {
        AssertRefused(() => _ = Valid() with { FirstDueDate = Julian }, "FirstDueDate");
        Assert.Null((Valid() with { FirstDueDate = null }).FirstDueDate); // null is still fine
    }

    [Fact]
    public void Prepayment_dates()
    {
        AssertRefused(() => Prepayment.Partial(Julian, 10_000m, PrepaymentOption.LowerPayment), "date");
        AssertRefused(() => Prepayment.Partial(Julian, 10_000m, PrepaymentOption.ShortenTerm), "date");
        AssertRefused(() => Prepayment.Payoff(Julian), "date");
    }

    [Fact]
    public void Rate_event_dates()
    {
        AssertRefused(() => RateEvent.SpreadChange(Julian, Spread.FromBasisPoints(-30m)), "date");
        AssertRefused(() => RateEvent.SwitchToFloating(Julian, RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), Repricing), "date");
        AssertRefused(() => RateEvent.ConvertToLpr(Julian, Repricing), "date");
        AssertRefused(() => RateEvent.FixedRate(Julian, Rate.Percent(3.5m)), "date");
    }

    [Fact]
    public void Conversion_reference_date()
    {
        // The reference date selects the fixing the spread is measured from; it is a date parameter like the others.
        AssertRefused(() => RateEvent.ConvertToLpr(new LocalDate(2020, 3, 1), Repricing, RateIndex.Lpr5Y, Julian), "referenceDate");
    }

    [Fact]
    public void Payment_holiday_due_date()
    {
        AssertRefused(() => PaymentHoliday.On(Julian, SkippedInterest.Capitalized), "dueDate");
        AssertRefused(() => PaymentHoliday.On(Julian, SkippedInterest.CollectedLater), "dueDate");
    }

    [Fact]
    public void Rate_table_fixing_date()
    {
        AssertRefused(() => RateTable.China.WithFixing(RateIndex.Lpr5Y, Julian, Rate.Percent(3.5m)), "effectiveDate");
        AssertRefused(() => RateTable.China.WithFixing(RateIndex.Custom("my-base", "My base rate"), Julian, Rate.Percent(3.5m), "test"), "effectiveDate");
    }

    [Fact]
    public void Rate_table_as_of_date()
    {
        const string csv = "index,effective_date,rate_pct,source\nlpr5y,2024-02-20,3.95,test\n";
        var julianAfter = new LocalDate(2024, 6, 1, CalendarSystem.Julian);
        var ex = Assert.Throws<ArgumentException>(() => RateTable.Parse(new StringReader(csv), julianAfter));
        AssertRefused(ex, "asOf", julianAfter);
    }

    [Fact]
    public void Repricing_cycle_start()
    {
        AssertRefused(() => RepricingRule.EveryMonths(6, Julian), "from");
        AssertRefused(() => RepricingRule.EveryMonths(12, Julian), "from");
        Assert.NotNull(RepricingRule.EveryMonths(6, null)); // null means the disbursement date
        Assert.NotNull(RepricingRule.EveryMonths(6, Day));
    }

    [Fact]
    public void Iso_dates_pass_unchanged()
    {
        Assert.Equal(Day, Valid().Disbursement);
        Assert.Equal(new LocalDate(2024, 4, 20), (Valid() with { FirstDueDate = new LocalDate(2024, 4, 20) }).FirstDueDate);
        Assert.Equal(Day, Prepayment.Payoff(Day).Date);
        Assert.Equal(Day, Prepayment.Partial(Day, 1m, PrepaymentOption.LowerPayment).Date);
        Assert.Equal(Day, RateEvent.SpreadChange(Day, Spread.Zero).Date);
        Assert.Equal(Day, RateEvent.FixedRate(Day, Rate.Percent(3m)).Date);
        Assert.Equal(Day, PaymentHoliday.On(Day, SkippedInterest.Capitalized).Date);
        Assert.Equal(Rate.Percent(3.5m), RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.5m)).FixingOn(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20)).Value);
    }
}
