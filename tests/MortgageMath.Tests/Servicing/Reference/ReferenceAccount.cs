using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath.Tests.Servicing.Reference;

/// <summary>
/// What <see cref="ReferenceAccountBuilder"/> (the pre-rewrite account builder) computes: the figures of a
/// <see cref="LoanAccount"/>, with the totals summed over the instalments in <see cref="decimal"/> exactly as the old
/// <see cref="LoanAccount"/> constructor summed them.
/// </summary>
internal sealed class ReferenceAccount
{
    internal ReferenceAccount(
        Loan loan, LocalDate asOf, OverduePolicy policy, IReadOnlyList<ReceivedPayment> payments, int paymentsAfterAsOf, Schedule schedule,
        AccountInstalment[] instalments, PaymentApplication[] ledger, decimal credit, int daysPastDue, LocalDate? overdueSince,
        int overdueInstalments, int consecutiveOverdueInstalments, AccountClassification classification, Func<PayoffQuote> payoff)
    {
        Loan = loan;
        AsOf = asOf;
        Policy = policy;
        Payments = payments;
        PaymentsAfterAsOf = paymentsAfterAsOf;
        Schedule = schedule;
        Instalments = instalments;
        Ledger = ledger;
        Credit = credit;
        DaysPastDue = daysPastDue;
        OverdueSince = overdueSince;
        OverdueInstalments = overdueInstalments;
        ConsecutiveOverdueInstalments = consecutiveOverdueInstalments;
        Classification = classification;
        Payoff = payoff;
        foreach (AccountInstalment i in instalments)
        {
            OverduePrincipal += i.OutstandingPrincipal;
            OverdueInterest += i.OutstandingInterest;
            PenaltyInterest += i.OutstandingPenaltyInterest;
            CompoundInterest += i.OutstandingCompoundInterest;
            Fees += i.OutstandingFees;
            PenaltyInterestAccrued += i.PenaltyInterest;
            CompoundInterestAccrued += i.CompoundInterest;
            LateFeesCharged += i.LateFee;
        }
    }

    internal Loan Loan { get; }

    internal LocalDate AsOf { get; }

    internal OverduePolicy Policy { get; }

    internal IReadOnlyList<ReceivedPayment> Payments { get; }

    internal int PaymentsAfterAsOf { get; }

    internal Schedule Schedule { get; }

    internal IReadOnlyList<AccountInstalment> Instalments { get; }

    internal IReadOnlyList<PaymentApplication> Ledger { get; }

    internal decimal Credit { get; }

    internal decimal OverduePrincipal { get; }

    internal decimal OverdueInterest { get; }

    internal decimal PenaltyInterest { get; }

    internal decimal CompoundInterest { get; }

    internal decimal Fees { get; }

    internal decimal PenaltyInterestAccrued { get; }

    internal decimal CompoundInterestAccrued { get; }

    internal decimal LateFeesCharged { get; }

    internal int DaysPastDue { get; }

    internal LocalDate? OverdueSince { get; }

    internal int OverdueInstalments { get; }

    internal int ConsecutiveOverdueInstalments { get; }

    internal AccountClassification Classification { get; }

    internal Func<PayoffQuote> Payoff { get; }
}
