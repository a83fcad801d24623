using System.Globalization;
using NodaTime;

namespace MortgageMath.Analytics;

/// <summary>
/// The dated cash flows of a loan as the borrower sees them, fees included: one <b>advance</b> (the money actually
/// received: the principal minus up-front fees) on the disbursement date, then the <b>payments</b> (each schedule
/// row's payment, plus any periodic fee). This is what an annualized rate (<see cref="Apr"/>) is computed from.
/// </summary>
/// <example>
/// <code>
/// var flows = LoanCashFlows.From(loan.BuildSchedule(), upfrontFees: 1_000m, periodicFee: 10m);
/// PbocAnnualizedRate rate = Apr.Pboc(flows);
/// </code>
/// </example>
public sealed partial class LoanCashFlows
{
    private readonly (LocalDate Date, decimal Amount)[] _payments;

    /// <summary>Cash flows from explicit figures.</summary>
    /// <param name="advance">The amount the borrower receives (the amount financed), greater than 0.</param>
    /// <param name="advanceDate">The day the borrower receives it, in the ISO calendar.</param>
    /// <param name="payments">The payments, each on or after <paramref name="advanceDate"/> (an ISO date) and not negative; at least one.
    /// The advance and the payments may add up to at most <see cref="CashFlows.MaxFlowTotal"/>.</param>
    /// <exception cref="ArgumentException">No payments, a payment before the advance date, a negative payment or a
    /// payment date not in the ISO calendar (the parameter is <paramref name="payments"/>), or an advance date not in
    /// the ISO calendar (<paramref name="advanceDate"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The advance is not greater than 0; or the advance and the payments
    /// add up to more than <see cref="CashFlows.MaxFlowTotal"/> (<c>ParamName</c> "payments" with the total as
    /// <c>ActualValue</c>, null beyond decimal's range; "advance" with its value when it alone is too large).</exception>
    public LoanCashFlows(decimal advance, LocalDate advanceDate, IEnumerable<(LocalDate Date, decimal Amount)> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        CheckAdvance(advance, nameof(advance));
        DayNumber.RequireIso(advanceDate, nameof(advanceDate));
        _payments = payments.ToArray();
        CheckPayments(_payments, advanceDate, nameof(payments));
        CheckSize(advance, _payments.Select(p => p.Amount), nameof(advance), nameof(payments), Resources.LibraryText.Err_CashFlowWhatApr);
        Advance = advance;
        AdvanceDate = advanceDate;
    }

    /// <summary>The amount the borrower receives (principal minus up-front fees).</summary>
    public decimal Advance { get; }

    /// <summary>The day the borrower receives the advance (the disbursement date).</summary>
    public LocalDate AdvanceDate { get; }

    /// <summary>The payments, in the order given (for a schedule: row order), fees included.</summary>
    public IReadOnlyList<(LocalDate Date, decimal Amount)> Payments => _payments;

    /// <summary>
    /// The sum of <see cref="Payments"/>, fees included: what the borrower pays back in all (for a schedule, its
    /// <see cref="Schedule.TotalPayment"/> plus the periodic fees). It fits in a decimal: the constructor checks the
    /// flows add up to at most <see cref="CashFlows.MaxFlowTotal"/>.
    /// </summary>
    public decimal TotalPayments
    {
        get
        {
            decimal total = 0m;
            foreach ((_, decimal amount) in _payments)
            {
                total += amount;
            }

            return total;
        }
    }

    /// <summary>
    /// The cash flows of a schedule: the loan's principal less <paramref name="upfrontFees"/> on the disbursement date,
    /// and every row's <see cref="Installment.Payment"/> (prepayments, payoffs and penalties included) on its date, with
    /// <paramref name="periodicFee"/> added to each regular (and balloon) payment. Rows that pay nothing (payment
    /// holidays) are left out.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="upfrontFees">Fees paid (or withheld) at disbursement, 0 or more and less than the principal.</param>
    /// <param name="periodicFee">A fee paid with every regular payment, 0 or more.</param>
    /// <returns>The cash flows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fee is negative, or the up-front fees are not below the principal.</exception>
    public static LoanCashFlows From(Schedule schedule, decimal upfrontFees = 0m, decimal periodicFee = 0m)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        decimal principal = schedule.Loan.Principal;
        if (upfrontFees < 0m || upfrontFees >= principal)
        {
            throw new ArgumentOutOfRangeException(nameof(upfrontFees), upfrontFees,
                Resources.Localized.Format(Resources.LibraryText.Valid_UpfrontFees, S(principal), S(upfrontFees)));
        }

        if (periodicFee < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(periodicFee), periodicFee,
                Resources.Localized.Format(Resources.LibraryText.Err_CashFlowPeriodicFee, S(periodicFee)));
        }

        var payments = new List<(LocalDate, decimal)>(schedule.Count);
        decimal deferred = schedule.TotalDeferredPayments; // paid with the last row (a payment deferral)
        for (int k = 0; k < schedule.Count; k++)
        {
            Installment row = schedule[k];
            decimal fee = row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon or InstallmentKind.Deferred ? periodicFee : 0m;
            decimal amount = (row.Kind == InstallmentKind.Deferred ? 0m : row.Payment) + fee;
            if (k == schedule.Count - 1)
            {
                amount += deferred;
            }

            if (amount != 0m)
            {
                payments.Add((row.DueDate, amount));
            }
        }

        return new LoanCashFlows(principal - upfrontFees, schedule.Loan.Disbursement, payments);
    }

    /// <summary>
    /// The flows with signs, borrower's view: the advance positive, the payments negative, the advance first. They
    /// can be passed to <see cref="CashFlows.Xirr"/> (which measures time in 365-day years, unlike <see cref="Apr"/>).
    /// </summary>
    /// <returns>The signed flows.</returns>
    public IReadOnlyList<(LocalDate Date, decimal Amount)> ToSignedFlows()
    {
        var flows = new (LocalDate, decimal)[_payments.Length + 1];
        flows[0] = (AdvanceDate, Advance);
        for (int i = 0; i < _payments.Length; i++)
        {
            flows[i + 1] = (_payments[i].Date, -_payments[i].Amount);
        }

        return flows;
    }

    internal static void CheckAdvance(decimal advance, string name)
    {
        if (advance <= 0m)
        {
            throw new ArgumentOutOfRangeException(name, advance, Resources.Localized.Format(Resources.LibraryText.Err_CashFlowAdvance, S(advance)));
        }
    }

    /// <summary>The solvers' size check (<see cref="CashFlows.MaxFlowTotal"/>) on an advance and its payments: names
    /// the advance when it alone is too large, otherwise the payments with the total.</summary>
    internal static void CheckSize(decimal advance, IEnumerable<decimal> payments, string advanceName, string paymentsName, string what)
    {
        decimal? total = FlowTotal.Add(advance, FlowTotal.Of(payments));
        if (advance > CashFlows.MaxFlowTotal)
        {
            FlowTotal.Check(total, advanceName, advance, what, Resources.LibraryText.Err_CashFlowSumAdvancePayments);
        }

        FlowTotal.Check(total, paymentsName, total, what, Resources.LibraryText.Err_CashFlowSumAdvancePayments);
    }

    internal static void CheckPayments(IReadOnlyList<(LocalDate Date, decimal Amount)> payments, LocalDate advanceDate, string name)
    {
        if (payments.Count == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Err_CashFlowNoPayments, name);
        }

        for (int k = 0; k < payments.Count; k++)
        {
            DayNumber.RequireIso(payments[k].Date, name, nameof(Resources.LibraryText.Valid_IsoCalendarPayment), k);
            if (payments[k].Date < advanceDate)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Err_CashFlowPaymentOrder, DateText.Iso(advanceDate), k, DateText.Iso(payments[k].Date)), name);
            }

            if (payments[k].Amount < 0m)
            {
                throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNegativePayment, k, S(payments[k].Amount)), name);
            }
        }
    }

    private static string S(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
