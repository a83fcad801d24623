using NodaTime;

namespace MortgageMath.Tests.Prepayments;

/// <summary><see cref="PayoffQuote.AccruedSince"/>, <see cref="PayoffQuote.AccruedDays"/> and
/// <see cref="PayoffQuote.AlreadyRepaid"/>: where the accrued interest of a payoff runs from, and whether the loan is
/// already repaid.</summary>
public class PayoffQuoteAccrualTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Theory]
    [InlineData("2025-03-25", "2025-03-20", 5, false)]
    [InlineData("2025-03-20", "2025-03-20", 0, false)]
    [InlineData("2024-04-01", "2024-03-20", 12, false)] // before the first due date: from the disbursement
    [InlineData("2054-03-20", "2054-03-20", 0, true)] // the last due date
    [InlineData("2054-04-01", "2054-03-20", 12, true)]
    public void Accrual_start_days_and_repaid(string date, string since, int days, bool repaid)
    {
        PayoffQuote quote = Tv1.PayoffQuote(LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(since, quote.AccruedSince.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(days, quote.AccruedDays);
        Assert.Equal(repaid, quote.AlreadyRepaid);
        if (repaid)
        {
            Assert.Equal(0m, quote.Total);
        }
    }

    [Fact]
    public void Balloon_due_dates_count()
    {
        Loan loan = new(1_000_000m, Rate.Percent(4.9m), 60, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.Balloon(360) };
        Schedule schedule = loan.BuildSchedule();
        Installment balloon = schedule.Last;
        Assert.Equal(InstallmentKind.Balloon, balloon.Kind);
        Assert.Equal(schedule[schedule.Count - 2].DueDate, loan.PayoffQuote(balloon.DueDate.PlusDays(-3)).AccruedSince);
        PayoffQuote quote = loan.PayoffQuote(balloon.DueDate.PlusDays(3));
        Assert.Equal(balloon.DueDate, quote.AccruedSince);
        Assert.True(quote.AlreadyRepaid);
    }
}
