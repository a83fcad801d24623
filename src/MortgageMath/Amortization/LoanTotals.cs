using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// What a portfolio needs of one loan, without its rows: the life totals, the maturity and, as of a date, the balance,
/// the next payment, the next rate change with the payment after it, and the interest in a window. Made by
/// <see cref="Loan.Totals()"/> through the same amortization loop as <see cref="Loan.BuildSchedule"/>, with a sink that
/// keeps no row, so every figure is exactly the one the schedule's rows give (each is defined below by those rows).
/// Immutable; two totals are equal when every figure is equal.
/// </summary>
public sealed record LoanTotals
{
    internal LoanTotals(int places, long principal, long interest, long penalty, int regularPayments, int rows, LocalDate maturity,
        LocalDate? asOf, LocalDate? windowEnd, long balanceAsOf, long? nextPayment, RateChange? nextRateChange, long? paymentAfterRateChange,
        long windowInterest)
    {
        TotalPrincipal = FixedPoint.ToDecimal(principal, places);
        TotalInterest = FixedPoint.ToDecimal(interest, places);
        TotalPenalty = FixedPoint.ToDecimal(penalty, places);
        TotalPayment = FixedPoint.ToDecimal(principal + interest + penalty, places);
        RegularPayments = regularPayments;
        Rows = rows;
        Maturity = maturity;
        AsOf = asOf;
        WindowEnd = asOf is null ? null : windowEnd ?? asOf;
        BalanceAsOf = asOf is null ? null : FixedPoint.ToDecimal(balanceAsOf, places);
        NextPayment = nextPayment is { } p ? FixedPoint.ToDecimal(p, places) : null;
        NextRateChange = nextRateChange;
        PaymentAfterRateChange = paymentAfterRateChange is { } q ? FixedPoint.ToDecimal(q, places) : null;
        WindowInterest = asOf is null ? null : FixedPoint.ToDecimal(windowInterest, places);
    }

    /// <summary>The sum of the principal parts: <see cref="Schedule.TotalPrincipal"/>.</summary>
    public decimal TotalPrincipal { get; }

    /// <summary>The sum of the interest charged: <see cref="Schedule.TotalInterest"/>.</summary>
    public decimal TotalInterest { get; }

    /// <summary>The sum of the prepayment penalties: <see cref="Schedule.TotalPenalty"/>.</summary>
    public decimal TotalPenalty { get; }

    /// <summary>Principal + interest + penalties: <see cref="Schedule.TotalPayment"/>.</summary>
    public decimal TotalPayment { get; }

    /// <summary>The number of regular payments: <see cref="Schedule.RegularPayments"/>.</summary>
    public int RegularPayments { get; }

    /// <summary>The number of rows of the schedule: <see cref="Schedule.Count"/>.</summary>
    public int Rows { get; }

    /// <summary>The date of the schedule's last row, on which the balance reaches 0 (the last due date, or the day of a payoff).</summary>
    public LocalDate Maturity { get; }

    /// <summary>The date the as-of figures are taken at; null when none was asked for (the as-of figures are then null).</summary>
    public LocalDate? AsOf { get; }

    /// <summary>The end (exclusive) of the interest window that starts on <see cref="AsOf"/>.</summary>
    public LocalDate? WindowEnd { get; }

    /// <summary>The balance owed at the start of <see cref="AsOf"/>: the opening balance of the first row dated on or after
    /// it, or 0 when the loan is repaid before it.</summary>
    public decimal? BalanceAsOf { get; }

    /// <summary>The payment in force at <see cref="AsOf"/>: the payment of the first regular (or balloon) row due on or
    /// after it; null when no payment is due from then on.</summary>
    public decimal? NextPayment { get; }

    /// <summary>The first of <see cref="Schedule.RateChanges"/> effective after <see cref="AsOf"/> (the next repricing
    /// that changes the rate, or a rate event); null when none.</summary>
    public RateChange? NextRateChange { get; }

    /// <summary>The new payment after <see cref="NextRateChange"/>: the payment of the first regular (or balloon) row
    /// due after it for a whole period at a single rate: not the straddled period (<see cref="Installment.RateChanged"/>,
    /// whose interest is split by days), nor the stub a prepayment inside a period leaves (the regular row right after a
    /// prepayment row of the same period, which pays interest only from the prepayment on); null when none.</summary>
    public decimal? PaymentAfterRateChange { get; }

    /// <summary>The interest of the rows dated from <see cref="AsOf"/> (inclusive) to <see cref="WindowEnd"/> (exclusive),
    /// prepayment rows included.</summary>
    public decimal? WindowInterest { get; }

    /// <summary>The totals as one line of text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"interest {TotalInterest} principal {TotalPrincipal} over {RegularPayments} payments, maturity {DateText.Iso(Maturity)}{(AsOf is { } d ? $"; as of {DateText.Iso(d)}: balance {BalanceAsOf}, next payment {NextPayment}, interest to {DateText.Iso(WindowEnd!.Value)} {WindowInterest}" : "")}");
}

/// <summary>
/// The totals of a <see cref="CombinedLoan"/>: each leg's <see cref="LoanTotals"/> (its own walk, no merged rows) and
/// their sums, exactly as <see cref="CombinedSchedule"/> sums its legs. Immutable; equal when the legs' totals are equal, in order.
/// </summary>
public sealed class CombinedTotals : IEquatable<CombinedTotals>
{
    private readonly LoanTotals[] _legs;

    internal CombinedTotals(LoanTotals[] legs)
    {
        _legs = legs;
        Legs = Array.AsReadOnly(legs);
    }

    /// <summary>Each leg's totals, in the order of <see cref="CombinedLoan.Legs"/>.</summary>
    public IReadOnlyList<LoanTotals> Legs { get; }

    /// <summary>The legs' <see cref="LoanTotals.TotalPrincipal"/>, summed.</summary>
    public decimal TotalPrincipal => _legs.Sum(static l => l.TotalPrincipal);

    /// <summary>The legs' <see cref="LoanTotals.TotalInterest"/>, summed: <see cref="CombinedSchedule.TotalInterest"/>.</summary>
    public decimal TotalInterest => _legs.Sum(static l => l.TotalInterest);

    /// <summary>The legs' <see cref="LoanTotals.TotalPenalty"/>, summed.</summary>
    public decimal TotalPenalty => _legs.Sum(static l => l.TotalPenalty);

    /// <summary>The legs' <see cref="LoanTotals.TotalPayment"/>, summed.</summary>
    public decimal TotalPayment => _legs.Sum(static l => l.TotalPayment);

    /// <summary>The latest leg <see cref="LoanTotals.Maturity"/>: the date of the combined schedule's last row.</summary>
    public LocalDate Maturity => _legs.Max(static l => l.Maturity);

    /// <summary>The legs' <see cref="LoanTotals.BalanceAsOf"/>, summed; null without an as-of date.</summary>
    public decimal? BalanceAsOf => _legs[0].AsOf is null ? null : _legs.Sum(static l => l.BalanceAsOf ?? 0m);

    /// <summary>The legs' <see cref="LoanTotals.NextPayment"/>, summed (each leg's next payment, whatever its due day);
    /// null when no leg has one.</summary>
    public decimal? NextPayment => _legs.All(static l => l.NextPayment is null) ? null : _legs.Sum(static l => l.NextPayment ?? 0m);

    /// <summary>The legs' <see cref="LoanTotals.WindowInterest"/>, summed; null without an as-of date.</summary>
    public decimal? WindowInterest => _legs[0].AsOf is null ? null : _legs.Sum(static l => l.WindowInterest ?? 0m);

    /// <summary>True when both have equal leg totals in the same order.</summary>
    /// <param name="other">The other totals.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CombinedTotals? other) => other is not null && _legs.AsSpan().SequenceEqual(other._legs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CombinedTotals other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(CombinedTotals)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_legs.Length, _legs[0]);

    /// <summary>True when both hold equal leg totals.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CombinedTotals? left, CombinedTotals? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CombinedTotals? left, CombinedTotals? right) => !(left == right);

    /// <summary>The sums as one line of text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{_legs.Length} legs: interest {TotalInterest} principal {TotalPrincipal}, maturity {DateText.Iso(Maturity)}");
}
