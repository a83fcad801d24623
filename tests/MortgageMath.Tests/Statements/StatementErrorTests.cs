using NodaTime;

namespace MortgageMath.Tests.Statements;

/// <summary>Wrong inputs are refused with an exception that names the parameter and the value.</summary>
public class StatementErrorTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Theory]
    [InlineData(2023)]
    [InlineData(2055)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_year_outside_the_schedule_is_refused_naming_the_year(int year)
    {
        Schedule schedule = Tv1.BuildSchedule();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.YearSummary(year));
        Assert.Equal("year", e.ParamName);
        Assert.Equal(year, e.ActualValue);
        Assert.Contains("from 2024 to 2054", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.MortgageInterestStatement(year));
        Assert.Equal("year", e.ParamName);
        Assert.Equal(year, e.ActualValue);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.HousingLoanInterestDeduction(year));
        Assert.Equal("taxYear", e.ParamName);
        Assert.Equal(year, e.ActualValue);
    }

    [Fact]
    public void A_year_after_the_accounts_as_of_date_is_refused()
    {
        LoanAccount account = Tv1.Account([], new LocalDate(2025, 5, 20));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => account.YearSummary(2026));
        Assert.Equal("year", e.ParamName);
        Assert.Equal(2026, e.ActualValue);
        Assert.Contains("from 2024 to 2025", e.Message, StringComparison.Ordinal);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => account.MortgageInterestStatement(2023)).ParamName);
        Assert.Equal(2, account.YearSummaries().Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(99.9)]
    public void A_share_other_than_100_or_50_percent_is_refused(double percent)
    {
        Schedule schedule = Tv1.BuildSchedule();
        Percentage share = Percentage.Percent((decimal)percent);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.HousingLoanInterestDeduction(2024, share));
        Assert.Equal("share", e.ParamName);
        Assert.Equal(share, e.ActualValue);
        Assert.Equal("share", Assert.Throws<ArgumentOutOfRangeException>(() => schedule.HousingLoanInterestDeductions(share)).ParamName);
    }

    [Fact]
    public void Policies_refuse_impossible_values()
    {
        Assert.Equal("monthlyAmount", Assert.Throws<ArgumentOutOfRangeException>(() => new HousingLoanInterestPolicy(-1m, 240, "x")).ParamName);
        Assert.Equal("maxMonths", Assert.Throws<ArgumentOutOfRangeException>(() => new HousingLoanInterestPolicy(1_000m, 0, "x")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => new HousingLoanInterestPolicy(1_000m, 240, " ")).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new MortgageInterestReportingPolicy(-600m, true, "x")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new MortgageInterestReportingPolicy(600m, true, null!)).ParamName);
    }

    [Fact]
    public void A_null_schedule_or_account_is_refused()
    {
        Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => ((Schedule)null!).YearSummary(2024)).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => ((Schedule)null!).YearSummaries()).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => ((Schedule)null!).HousingLoanInterestDeductions()).ParamName);
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => ((LoanAccount)null!).YearSummary(2024)).ParamName);
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => ((LoanAccount)null!).YearSummaries()).ParamName);
    }
}
