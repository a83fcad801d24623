using System.Globalization;
using NodaTime;

namespace MortgageMath.Servicing;

/// <summary>Money applied to one bucket of one instalment.</summary>
/// <param name="Period">The instalment's period (as in the schedule).</param>
/// <param name="DueDate">The instalment's due date.</param>
/// <param name="Bucket">What the money went to.</param>
/// <param name="Amount">How much, above 0.</param>
public sealed record Allocation(int Period, LocalDate DueDate, AllocationBucket Bucket, decimal Amount)
{
    /// <summary><c>#1 2024-04-20 interest 4083.33</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{Period} {DateText.Iso(DueDate)} {AllocationOrder.NameOf(Bucket)} {Amount}");
}

/// <summary>
/// One line of the ledger: a payment received (or credit held from earlier payments, applied when an instalment fell
/// due, or arrears capitalized by an <see cref="ArrearsCapitalization"/>) and how it was applied. Invariant:
/// <c>Amount + FromCredit + Capitalized = Σ Allocations + ToCredit</c>.
/// </summary>
/// <param name="PaymentIndex">The payment's position in the list given (0-based), or null for an application of held credit or a capitalization.</param>
/// <param name="Date">The day the money was applied.</param>
/// <param name="Amount">The money received (0 for an application of credit).</param>
/// <param name="FromCredit">The held credit applied.</param>
/// <param name="Allocations">Where the money went, in the order it was applied.</param>
/// <param name="Prepaid">The principal prepaid from this money under <see cref="ExcessPayment.Prepay"/> (its
/// allocations are to the prepayment row), or 0.</param>
/// <param name="ToCredit">The money held as credit.</param>
/// <param name="Note">Why excess money was held although the policy prepays (the loan's rules refused the
/// prepayment), or null.</param>
public sealed record PaymentApplication(
    int? PaymentIndex, LocalDate Date, decimal Amount, decimal FromCredit, IReadOnlyList<Allocation> Allocations, decimal Prepaid, decimal ToCredit, string? Note)
{
    /// <summary>The arrears an <see cref="ArrearsCapitalization"/> settled on this line by adding them to the balance
    /// (no money received: <see cref="Amount"/> and <see cref="FromCredit"/> are 0), or 0.</summary>
    public decimal Capitalized { get; init; }

    /// <summary>True when both record the same.</summary>
    /// <param name="other">The other line.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PaymentApplication? other) => other is not null && PaymentIndex == other.PaymentIndex && Date == other.Date
        && Amount == other.Amount && FromCredit == other.FromCredit && Capitalized == other.Capitalized && Sequences.Equal(Allocations, other.Allocations)
        && Prepaid == other.Prepaid && ToCredit == other.ToCredit && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PaymentIndex, Date, Amount, FromCredit, Capitalized, Sequences.Hash(Allocations), Prepaid, ToCredit);
}

/// <summary>Where an instalment due on or before the as-of date stands.</summary>
public enum InstalmentStatus
{
    /// <summary>Principal and interest paid on or before the due date.</summary>
    PaidOnTime = 0,

    /// <summary>Paid after the due date but within the grace days: not late.</summary>
    PaidWithinGrace = 1,

    /// <summary>Paid after the grace days.</summary>
    PaidLate = 2,

    /// <summary>Not fully paid, but still within the grace days (or unpaid by no more than the tolerance).</summary>
    Due = 3,

    /// <summary>Not fully paid after the grace days.</summary>
    Overdue = 4,
}

/// <summary>
/// One instalment of the account as of a date: what the schedule made due, what was paid, what penalty interest,
/// compound interest and late fee it has run up, and what is outstanding. Amounts are in the loan's currency,
/// rounded by its rounding policy (each penalty charge rounded once per period of unchanged overdue amount).
/// </summary>
/// <param name="Period">The schedule's period.</param>
/// <param name="DueDate">The due date.</param>
/// <param name="Kind">The schedule row's kind (regular, balloon, a scheduled prepayment, …).</param>
/// <param name="AnnualRate">The contract rate of the instalment.</param>
/// <param name="PenaltyRate">The penalty rate its overdue amounts bear (the policy's rate on the contract rate).</param>
/// <param name="DuePrincipal">Principal due.</param>
/// <param name="DueInterest">Interest due.</param>
/// <param name="DueFees">Charges the schedule itself bills (a scheduled prepayment's penalty), usually 0.</param>
/// <param name="PaidPrincipal">Principal paid.</param>
/// <param name="PaidInterest">Interest paid.</param>
/// <param name="LateFee">The late fee charged, or 0.</param>
/// <param name="PaidFees">Scheduled charges and late fee paid.</param>
/// <param name="PenaltyInterest">Penalty interest (罚息) run up to the as-of date.</param>
/// <param name="PaidPenaltyInterest">Of it, paid.</param>
/// <param name="CompoundInterest">Compound interest (复利) run up to the as-of date.</param>
/// <param name="PaidCompoundInterest">Of it, paid.</param>
/// <param name="PaidOn">The day its principal and interest were paid in full, or null.</param>
/// <param name="DaysLate">Days from the due date to <paramref name="PaidOn"/>, or to the as-of date while unpaid.</param>
/// <param name="Status">Where it stands.</param>
public sealed record AccountInstalment(
    int Period, LocalDate DueDate, InstallmentKind Kind, Rate AnnualRate, Rate PenaltyRate,
    decimal DuePrincipal, decimal DueInterest, decimal DueFees, decimal PaidPrincipal, decimal PaidInterest,
    decimal LateFee, decimal PaidFees, decimal PenaltyInterest, decimal PaidPenaltyInterest, decimal CompoundInterest, decimal PaidCompoundInterest,
    LocalDate? PaidOn, int DaysLate, InstalmentStatus Status)
{
    /// <summary>Everything the schedule made due on this instalment: principal, interest and its own charges.</summary>
    public decimal DuePayment => DuePrincipal + DueInterest + DueFees;

    /// <summary>Principal not yet paid.</summary>
    public decimal OutstandingPrincipal => DuePrincipal - PaidPrincipal;

    /// <summary>Interest not yet paid.</summary>
    public decimal OutstandingInterest => DueInterest - PaidInterest;

    /// <summary>Penalty interest not yet paid.</summary>
    public decimal OutstandingPenaltyInterest => PenaltyInterest - PaidPenaltyInterest;

    /// <summary>Compound interest not yet paid.</summary>
    public decimal OutstandingCompoundInterest => CompoundInterest - PaidCompoundInterest;

    /// <summary>Fees (scheduled charges and the late fee) not yet paid.</summary>
    public decimal OutstandingFees => DueFees + LateFee - PaidFees;

    /// <summary>Everything not yet paid on this instalment.</summary>
    public decimal Outstanding => OutstandingPrincipal + OutstandingInterest + OutstandingPenaltyInterest + OutstandingCompoundInterest + OutstandingFees;
}

/// <summary>
/// A loan account as of a date: the payments actually received applied against the contractual schedule under an
/// <see cref="OverduePolicy"/>. Built by <see cref="Loan.Account"/>; immutable. The schedule does not change because
/// a payment is late; paying every instalment in full on its due date gives instalments equal to the schedule's rows
/// and no penalties. Money is conserved: the payments counted equal everything allocated plus <see cref="Credit"/>.
/// Two accounts are equal when they are of equal loans, payments, as-of dates and policies.
/// </summary>
public sealed class LoanAccount : IEquatable<LoanAccount>
{
    private readonly Func<Schedule, PayoffQuote> _payoff;
    private Schedule? _schedule;
    private readonly AccountBuilder _store;
    private PayoffQuote? _payoffQuote;
    private AccountInstalment[]? _instalments;
    private PaymentApplication[]? _ledger;

    internal LoanAccount(
        AccountBuilder store, Loan loan, LocalDate asOf, OverduePolicy policy, IReadOnlyList<ReceivedPayment> payments, int paymentsAfterAsOf, Schedule? schedule,
        decimal credit, int daysPastDue, LocalDate? overdueSince, int overdueInstalments, int consecutiveOverdueInstalments,
        AccountClassification classification, Func<Schedule, PayoffQuote> payoff)
    {
        _store = store;
        Loan = loan;
        AsOf = asOf;
        Policy = policy;
        Payments = payments;
        PaymentsAfterAsOf = paymentsAfterAsOf;
        _schedule = schedule;
        Credit = credit;
        DaysPastDue = daysPastDue;
        OverdueSince = overdueSince;
        OverdueInstalments = overdueInstalments;
        ConsecutiveOverdueInstalments = consecutiveOverdueInstalments;
        Classification = classification;
        _payoff = payoff;
        decimal[] totals = store.Totals(); // summed in minor units over the instalments due by the as-of date
        OverduePrincipal = totals[0];
        OverdueInterest = totals[1];
        PenaltyInterest = totals[2];
        CompoundInterest = totals[3];
        Fees = totals[4];
        PenaltyInterestAccrued = totals[5];
        CompoundInterestAccrued = totals[6];
        LateFeesCharged = totals[7];
    }

    /// <summary>The loan as contracted, with any prepayments the policy made from excess money added as events.</summary>
    public Loan Loan { get; }

    /// <summary>The day the account is drawn up for (payments on it count; an instalment due on it is due, not overdue).</summary>
    public LocalDate AsOf { get; }

    /// <summary>The policy applied.</summary>
    public OverduePolicy Policy { get; }

    /// <summary>The payments counted (dated on or before <see cref="AsOf"/>), in the order given.</summary>
    public IReadOnlyList<ReceivedPayment> Payments { get; }

    /// <summary>How many payments given are dated after <see cref="AsOf"/> and so not counted.</summary>
    public int PaymentsAfterAsOf { get; }

    /// <summary>The contractual schedule of <see cref="Loan"/>.</summary>
    /// <remarks>Made when first read (the account's figures come from the same loop without it): the same schedule as
    /// <see cref="Loan"/>'s <see cref="Loan.BuildSchedule"/>.</remarks>
    public Schedule Schedule
    {
        get
        {
            // two readers at once may both make it (the same schedule); one wins
            if (Volatile.Read(ref _schedule) is { } made)
            {
                return made;
            }

            Interlocked.CompareExchange(ref _schedule, Loan.BuildSchedule(), null);
            return _schedule;
        }
    }

    /// <summary>Every instalment due on or before <see cref="AsOf"/> (rows with a payment: holidays are left out).</summary>
    public IReadOnlyList<AccountInstalment> Instalments
    {
        get
        {
            // made from the account's minor-unit store on first read; two readers at once may both make it, one wins
            if (Volatile.Read(ref _instalments) is { } made)
            {
                return made;
            }

            Interlocked.CompareExchange(ref _instalments, _store.Instalments(), null);
            return _instalments;
        }
    }

    /// <summary>How each payment was applied, in date order.</summary>
    public IReadOnlyList<PaymentApplication> Ledger
    {
        get
        {
            if (Volatile.Read(ref _ledger) is { } made)
            {
                return made;
            }

            Interlocked.CompareExchange(ref _ledger, _store.Ledger(), null);
            return _ledger;
        }
    }

    /// <summary>Unapplied money held for later instalments.</summary>
    public decimal Credit { get; }

    /// <summary>Principal due and unpaid.</summary>
    public decimal OverduePrincipal { get; }

    /// <summary>Interest due and unpaid.</summary>
    public decimal OverdueInterest { get; }

    /// <summary>Penalty interest (罚息) run up and unpaid.</summary>
    public decimal PenaltyInterest { get; }

    /// <summary>Compound interest (复利) run up and unpaid.</summary>
    public decimal CompoundInterest { get; }

    /// <summary>Fees (late fees, scheduled charges) unpaid.</summary>
    public decimal Fees { get; }

    /// <summary>All penalty interest run up to <see cref="AsOf"/>, paid or not.</summary>
    public decimal PenaltyInterestAccrued { get; }

    /// <summary>All compound interest run up to <see cref="AsOf"/>, paid or not.</summary>
    public decimal CompoundInterestAccrued { get; }

    /// <summary>All late fees charged, paid or not.</summary>
    public decimal LateFeesCharged { get; }

    /// <summary>Everything due on or before <see cref="AsOf"/> and unpaid: principal, interest, penalties and fees.</summary>
    public decimal Arrears => OverduePrincipal + OverdueInterest + PenaltyInterest + CompoundInterest + Fees;

    /// <summary>What the borrower pays today to be current: <see cref="Arrears"/> less <see cref="Credit"/>, never below 0.</summary>
    public decimal AmountToBeCurrent => Math.Max(0m, Arrears - Credit);

    /// <summary>Days since the oldest due date still unpaid beyond the tolerance, once past the grace days; else 0.</summary>
    public int DaysPastDue { get; }

    /// <summary>The oldest overdue due date, or null when nothing is overdue.</summary>
    public LocalDate? OverdueSince { get; }

    /// <summary>How many instalments are overdue.</summary>
    public int OverdueInstalments { get; }

    /// <summary>The longest run of consecutive overdue instalments.</summary>
    public int ConsecutiveOverdueInstalments { get; }

    /// <summary>True when nothing is overdue.</summary>
    public bool IsCurrent => OverdueInstalments == 0;

    /// <summary>The class, the rule behind it and what comes next if nothing is paid.</summary>
    public AccountClassification Classification { get; }

    /// <summary>The contractual payoff quote on <see cref="AsOf"/> (balance after the instalments due by then, accrued
    /// interest, prepayment penalty), as <see cref="Loan.PayoffQuote"/> gives it.</summary>
    public PayoffQuote PayoffQuote => _payoffQuote ??= _payoff(Schedule);

    /// <summary>What repays the loan today: the payoff quote's total plus <see cref="Arrears"/> less <see cref="Credit"/>.</summary>
    public decimal PayoffAmount => Math.Max(0m, PayoffQuote.Total + Arrears - Credit);

    /// <summary>
    /// The loan with this account's <see cref="Arrears"/> capitalized on <see cref="AsOf"/> (an
    /// <see cref="ArrearsCapitalization"/> event added): the balance grows by them after that day's payment and the
    /// payment is recomputed over the periods left. The account of the new loan with the same payments shows them
    /// settled by the capitalization on that day. Add a <see cref="TermChange"/> on the same date to extend the term too.
    /// </summary>
    /// <returns>The restructured loan.</returns>
    /// <exception cref="InvalidOperationException">Nothing is in arrears, or <see cref="AsOf"/> is not a due date of
    /// the loan before its last (a restructuring takes effect on a due date).</exception>
    public Loan CapitalizeArrears()
    {
        if (Arrears <= 0m)
        {
            throw new InvalidOperationException(Resources.Localized.Format(Resources.LibraryText.Valid_NoArrears, DateText.Iso(AsOf)));
        }

        if (!Schedule.Any(r => r.DueDate == AsOf && r.Kind is InstallmentKind.Regular or InstallmentKind.Deferred) || Schedule.Last.DueDate == AsOf)
        {
            throw new InvalidOperationException(
                Resources.Localized.Format(Resources.LibraryText.Valid_CapitalizeOnDueDate, DateText.Iso(AsOf)));
        }

        return Loan with { Events = [.. Loan.Events, ArrearsCapitalization.On(AsOf, Arrears)] };
    }

    /// <summary>True when both are of equal loans, payments, as-of dates and policies (so every figure is equal).</summary>
    /// <param name="other">The other account.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LoanAccount? other) => other is not null && (ReferenceEquals(this, other)
        || (AsOf == other.AsOf && Loan == other.Loan && Policy == other.Policy && Sequences.Equal(Payments, other.Payments)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LoanAccount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Loan, AsOf, Policy, Sequences.Hash(Payments));

    /// <summary>True when both are of equal loans, payments, as-of dates and policies.</summary>
    /// <param name="left">An account.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoanAccount? left, LoanAccount? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">An account.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoanAccount? left, LoanAccount? right) => !(left == right);

    /// <summary>The account in one line, in the language of <see cref="CultureInfo.CurrentUICulture"/> (docs/localization.md).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Resources.Localized.Format(Resources.LibraryText.Account_Summary,
        DateText.Iso(AsOf), Arrears, OverdueInstalments, DaysPastDue, Classification.Class.Label, AmountToBeCurrent, Credit);
}
