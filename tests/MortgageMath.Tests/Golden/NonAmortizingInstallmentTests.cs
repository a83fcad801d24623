using NodaTime;

namespace MortgageMath.Tests.Golden;

/// <summary>
/// docs/conventions.md §4: when the annuity exceeds the month's interest by less than half a cent, the rounded
/// installment is the interest alone and the whole principal falls due with the last payment. 1,000,000 at 36% over
/// 600 months: A* = 30,000.000595… (exact rational, Python <c>fractions</c>: 30000 / (1.03^600 − 1) = 0.000595369…),
/// so 30,000.00. Found by a newcomer's try of the tool; documented rather than refused.
/// </summary>
public sealed class NonAmortizingInstallmentTests
{
    [Fact]
    public void The_installment_rounds_to_the_interest_and_the_last_payment_repays_everything()
    {
        Schedule s = new Loan(1_000_000m, Rate.Percent(36m), 600, new LocalDate(2024, 3, 20)).BuildSchedule();

        Assert.All(s.Take(599), row => Assert.Equal((30_000m, 0m, 30_000m, 1_000_000m), (row.Payment, row.Principal, row.Interest, row.ClosingBalance)));
        Assert.Equal((1_030_000m, 1_000_000m, 30_000m, 0m), (s.Last.Payment, s.Last.Principal, s.Last.Interest, s.Last.ClosingBalance));
        Assert.Equal(600 * 30_000m, s.TotalInterest);
    }

    [Fact]
    public void Equal_principal_amortizes_the_same_loan()
    {
        Schedule s = new Loan(1_000_000m, Rate.Percent(36m), 600, new LocalDate(2024, 3, 20)) { Method = RepaymentMethod.EqualPrincipal }.BuildSchedule();
        Assert.Equal(1_666.67m, s[0].Principal); // round(1,000,000 / 600)
        Assert.Equal(998_333.33m, s[0].ClosingBalance);
    }
}
