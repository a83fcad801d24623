using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>Engine bugs found while testing issue 12, each with the smallest case that showed it.</summary>
public class AccountBugTests
{
    private static readonly Loan Small = AllocationPresetTests.Small;
    private static readonly OverduePolicy Prepay = OverduePolicy.China with { Excess = ExcessPayment.Prepay(PrepaymentOption.LowerPayment) };

    [Fact]
    public void Payoff_amount_on_the_day_excess_money_was_prepaid_counts_the_prepayment()
    {
        // 442.00 on 2025-02-15: #1 (112.00) and 330.00 prepaid that day. As of 2025-02-15 the balance is 1,200 − 100 −
        // 330 = 770.00, nothing accrued yet, nothing in arrears: the payoff is 770.00. The quote used to drop the day's
        // prepayment (Loan.PayoffQuote replaces prepayments on its date) and said 1,100.00.
        LoanAccount account = Small.Account([new ReceivedPayment(new LocalDate(2025, 2, 15), 442m)], new LocalDate(2025, 2, 15), Prepay);
        Assert.Equal(770.00m, account.PayoffQuote.Balance);
        Assert.Equal(0m, account.PayoffQuote.AccruedInterest);
        Assert.Equal(770.00m, account.PayoffAmount);

        // A day later the quote was already right (the prepayment is before the date): 770 + 770 × 12% / 360 = 0.2566… → 0.26.
        LoanAccount next = Small.Account([new ReceivedPayment(new LocalDate(2025, 2, 15), 442m)], new LocalDate(2025, 2, 16), Prepay);
        Assert.Equal(770.26m, next.PayoffAmount);
    }

    [Fact]
    public void Payoff_amount_on_the_day_of_a_prepayment_between_due_dates_is_the_balance_left()
    {
        // 220.00 on 2025-03-05 prepays 213.40 after 6.60 of interest on the whole balance since 2025-02-15 (1,100 × 12%
        // × 18/360): the interest to the day is paid, so paying off the same day takes 1,100 − 213.40 = 886.60 and no
        // more interest. The old quote was 1,100.00 + 6.60 = 1,106.60.
        LoanAccount account = Small.Account(
            [new ReceivedPayment(new LocalDate(2025, 2, 15), 112m), new ReceivedPayment(new LocalDate(2025, 3, 5), 220m)], new LocalDate(2025, 3, 5), Prepay);
        Assert.Equal(886.60m, account.PayoffAmount);
        Assert.Equal((886.60m, 0m), (account.PayoffQuote.Balance, account.PayoffQuote.AccruedInterest));
    }

    [Fact]
    public void Payoff_amount_on_the_day_of_a_contractual_prepayment_does_not_count_it_twice()
    {
        // The loan itself prepays 300.00 on 2025-02-15 (an event of the contract); nothing is paid. As of that day the
        // account has #1 (112.00) and the prepayment row (300.00) due, in arrears 412.00 (due today, not overdue);
        // what is left after them is 1,200 − 100 − 300 = 800.00. Payoff 800.00 + 412.00 = 1,212.00 — not 1,100.00 +
        // 412.00, which counted the 300.00 twice.
        Loan loan = Small with { Events = [Prepayment.Partial(new LocalDate(2025, 2, 15), 300m, PrepaymentOption.LowerPayment)] };
        LoanAccount account = loan.Account([], new LocalDate(2025, 2, 15));
        Assert.Equal(412.00m, account.Arrears);
        Assert.Equal(800.00m, account.PayoffQuote.Balance);
        Assert.Equal(1_212.00m, account.PayoffAmount);
    }

    [Fact]
    public void Payoff_amount_of_an_account_drawn_up_on_the_disbursement_day_is_the_principal()
    {
        // An account may be drawn up on the disbursement day; its payoff quote used to throw a LoanEventException ("a
        // prepayment must fall after disbursement") from the PayoffQuote and PayoffAmount getters. On that day nothing
        // has accrued and nothing is due: the payoff is the principal, 1,200.00.
        LoanAccount account = Small.Account([], new LocalDate(2025, 1, 15));
        Assert.Equal((1_200.00m, 0m, 0m), (account.PayoffQuote.Balance, account.PayoffQuote.AccruedInterest, account.PayoffQuote.Penalty));
        Assert.Equal(1_200.00m, account.PayoffAmount);

        // Money paid that day is held (under hold) and the payoff amount counts it.
        Assert.Equal(1_100.00m, Small.Account([new ReceivedPayment(new LocalDate(2025, 1, 15), 100m)], new LocalDate(2025, 1, 15)).PayoffAmount);
    }
}
