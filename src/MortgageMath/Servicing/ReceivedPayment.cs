using System.Globalization;
using NodaTime;

namespace MortgageMath.Servicing;

/// <summary>A payment the borrower actually made: its date and amount.</summary>
public sealed record ReceivedPayment
{
    /// <summary>Creates a payment.</summary>
    /// <param name="date">The day the money arrived (an ISO date).</param>
    /// <param name="amount">The amount, above 0 and at most <see cref="Loan.MaxPrincipal"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is 0, negative or too large; the date is not ISO or out
    /// of the years a loan allows.</exception>
    public ReceivedPayment(LocalDate date, decimal amount)
    {
        Date = DayNumber.RequireIso(date, nameof(date));
        Day = DayNumber.Of(date);
        if (amount is <= 0m or > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                Resources.Localized.Format(Resources.LibraryText.Valid_ReceivedPaymentRange, Loan.MaxPrincipal, amount));
        }

        Amount = amount;
        _scale = FixedPoint.TryUnits(amount, out _units, out int scale) ? scale : -1;
    }

    // The amount as _units / 10^_scale (_scale -1: not the common case; see FixedPoint.TryUnits), worked out once, so
    // that an account converts its payments to minor units with one multiplication each (TryToMinor). Derived from
    // Amount, and left out of equality (5307.27 and 5307.270 are the same amount with different units).
    private readonly long _units;
    private readonly int _scale;

    /// <summary>The day the money arrived.</summary>
    public LocalDate Date { get; }

    /// <summary>The day number of <see cref="Date"/> (<see cref="DayNumber"/>), worked out once: an account compares
    /// and sorts its payments by it.</summary>
    internal int Day { get; }

    /// <summary>The amount received.</summary>
    public decimal Amount { get; }

    /// <summary><see cref="Amount"/> in minor units of <paramref name="places"/> decimals, exactly as
    /// <see cref="FixedPoint.TryToMinor"/> converts it (false when it has more decimals or does not fit).</summary>
    internal bool TryToMinor(int places, out long minor) =>
        (_scale >= 0 && FixedPoint.TryScaleUnits(_units, _scale, places, out minor)) || FixedPoint.TryToMinor(Amount, places, out minor);

    /// <summary>True when both have the same date and the same amount (5307.27 equals 5307.270, as decimals do).</summary>
    /// <param name="other">The other payment.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ReceivedPayment? other) => other is not null && Date == other.Date && Amount == other.Amount;

    /// <summary>A hash code consistent with <see cref="Equals(ReceivedPayment?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Date, Amount);

    /// <summary><c>2025-04-20 5307.27</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DateText.Iso(Date)} {Amount}");
}

/// <summary>Why a payment was refused.</summary>
public enum PaymentProblem
{
    /// <summary>Dated before the loan was disbursed.</summary>
    BeforeDisbursement = 0,

    /// <summary>More decimal places than the loan's rounding keeps.</summary>
    TooManyDecimalPlaces = 1,

    /// <summary>Made after the loan was already repaid in full.</summary>
    AfterRepaid = 2,
}

/// <summary>
/// A payment the account cannot take: <see cref="PaymentIndex"/> (0-based, in the order given),
/// <see cref="PaymentDate"/>, <see cref="PaymentAmount"/> and <see cref="Problem"/> say which and why.
/// </summary>
public sealed class PaymentRecordException : ArgumentOutOfRangeException
{
    internal PaymentRecordException(int index, ReceivedPayment payment, PaymentProblem problem, string message)
        : base("payments", payment.ToString(), message)
    {
        PaymentIndex = index;
        PaymentDate = payment.Date;
        PaymentAmount = payment.Amount;
        Problem = problem;
    }

    /// <summary>The payment's position in the list given (0-based).</summary>
    public int PaymentIndex { get; }

    /// <summary>The payment's date.</summary>
    public LocalDate PaymentDate { get; }

    /// <summary>The payment's amount.</summary>
    public decimal PaymentAmount { get; }

    /// <summary>What is wrong.</summary>
    public PaymentProblem Problem { get; }
}
