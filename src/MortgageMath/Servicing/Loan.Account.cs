using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath;

public sealed partial record Loan
{
    /// <summary>
    /// The loan's account as of <paramref name="asOf"/>: <paramref name="payments"/> (the money actually received)
    /// applied against the contractual schedule under <paramref name="policy"/> — what is overdue, the penalty
    /// interest (罚息) and compound interest (复利) run up, late fees, days past due, the class, the amount to be
    /// current and the payoff amount. See <c>docs/servicing.md</c>.
    /// </summary>
    /// <param name="payments">The payments received, in any order (same-day payments keep their order); those dated
    /// after <paramref name="asOf"/> are not counted (<see cref="LoanAccount.PaymentsAfterAsOf"/> says how many).</param>
    /// <param name="asOf">The day the account is drawn up for, on or after the disbursement.</param>
    /// <param name="policy">The overdue policy, or null for <see cref="OverduePolicy.China"/>.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payments"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the disbursement.</exception>
    /// <exception cref="PaymentRecordException">A payment is dated before the disbursement, has more decimal places than
    /// the loan's rounding, or arrives after the loan was repaid in full; the exception names it.</exception>
    public LoanAccount Account(IEnumerable<ReceivedPayment> payments, LocalDate asOf, OverduePolicy? policy = null) =>
        AccountBuilder.Build(this, payments, asOf, policy);
}
