using System.Text.Json.Serialization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// One row of a repayment schedule: what is due on one due date and how it splits into principal and interest.
/// Always <c>Payment = Principal + Interest + Penalty</c> and <c>ClosingBalance = OpeningBalance − Principal +
/// CapitalizedInterest</c> (the last is the interest of a payment holiday whose interest is capitalized, 0 otherwise).
/// </summary>
[JsonConverter(typeof(Serialization.InstallmentJsonConverter))]
public readonly struct Installment : IEquatable<Installment>
{
    private readonly long _opening;
    private readonly long _principal;
    private readonly long _interest;
    private readonly byte _places;
    private readonly InstallmentKind _kind;
    private readonly bool _capitalized;
    private readonly long _extra; // the penalty of a prepayment or payoff row; the deferred interest of a holiday row
    private readonly RateSegment[]? _segments;

    internal Installment(int period, LocalDate dueDate, Rate annualRate, long opening, long principal, long interest, int places,
        RateSegment[]? segments = null, InstallmentKind kind = InstallmentKind.Regular, long penalty = 0, long deferred = 0,
        bool capitalized = false)
    {
        _extra = kind is InstallmentKind.Holiday or InstallmentKind.Capitalization ? deferred : penalty;
        _capitalized = capitalized;
        _segments = segments;
        _kind = kind;
        Period = period;
        DueDate = dueDate;
        AnnualRate = annualRate;
        _opening = opening;
        _principal = principal;
        _interest = interest;
        _places = (byte)places;
    }

    /// <summary>The period number, from 1.</summary>
    public int Period { get; }

    /// <summary>The date the payment is due (for a prepayment row: the day it is paid).</summary>
    public LocalDate DueDate { get; }

    /// <summary>A regular payment, a partial prepayment or a payoff.</summary>
    public InstallmentKind Kind => _kind;

    /// <summary>The prepayment penalty paid with this row (0 for a regular payment).</summary>
    public decimal Penalty => FixedPoint.ToDecimal(PenaltyMinor, _places);

    /// <summary>The annual rate in force at the end of the period (the one the payment was set with). When the rate
    /// changed within the period, <see cref="RateSegments"/> shows each rate and its days.</summary>
    public Rate AnnualRate { get; }

    /// <summary>True when the rate changed within this period (a repricing between two due dates).</summary>
    public bool RateChanged => _segments is not null;

    /// <summary>The rates that applied within the period, with their days, when the rate changed within it; empty otherwise.</summary>
    public IReadOnlyList<RateSegment> RateSegments => _segments ?? [];

    /// <summary>The balance owed at the start of the period.</summary>
    public decimal OpeningBalance => FixedPoint.ToDecimal(_opening, _places);

    /// <summary>The amount paid: <see cref="Principal"/> + <see cref="Interest"/> + <see cref="Penalty"/>.</summary>
    public decimal Payment => FixedPoint.ToDecimal(PaymentMinor, _places);

    /// <summary>The part of the payment that repays principal.</summary>
    public decimal Principal => FixedPoint.ToDecimal(_principal, _places);

    /// <summary>The interest charged for the period, rounded once (for a prepayment row: the interest accrued since
    /// the last due date that is collected with it, per <see cref="PrepaymentInterest"/>).</summary>
    public decimal Interest => FixedPoint.ToDecimal(_interest, _places);

    /// <summary>The balance owed after the payment: <see cref="OpeningBalance"/> − <see cref="Principal"/> +
    /// <see cref="CapitalizedInterest"/>.</summary>
    public decimal ClosingBalance => FixedPoint.ToDecimal(ClosingMinor, _places);

    /// <summary>A payment holiday's interest that was not paid in this period: added to the balance
    /// (<see cref="SkippedInterest.Capitalized"/>, then also <see cref="CapitalizedInterest"/>) or collected with the
    /// next payment; 0 otherwise.</summary>
    public decimal DeferredInterest => FixedPoint.ToDecimal(DeferredMinor, _places);

    /// <summary>The amount this row added to the balance: the <see cref="DeferredInterest"/> of a payment holiday
    /// whose interest is capitalized, or the arrears of an <see cref="InstallmentKind.Capitalization"/> row (overdue
    /// principal, interest and charges, see <see cref="ArrearsCapitalization"/>); 0 otherwise. Always <c>ClosingBalance = OpeningBalance − Principal + CapitalizedInterest</c>.</summary>
    public decimal CapitalizedInterest => FixedPoint.ToDecimal(CapitalizedMinor, _places);

    /// <summary>The rounding policy's decimal places the amounts carry.</summary>
    internal int Places => _places;

    internal long PaymentMinor => _principal + _interest + PenaltyMinor;

    internal long PenaltyMinor => CarriesPenalty(_kind) ? _extra : 0;

    /// <summary>Whether a row of this kind carries a penalty (a holiday's or a capitalization's extra amount is its
    /// deferred or capitalized interest instead).</summary>
    internal static bool CarriesPenalty(InstallmentKind kind) => kind is not (InstallmentKind.Holiday or InstallmentKind.Capitalization);

    internal long DeferredMinor => _kind == InstallmentKind.Holiday ? _extra : 0;

    internal long CapitalizedMinor => _capitalized ? _extra : 0; // only a holiday or a capitalization row is capitalized

    internal long ClosingMinor => _opening - _principal + CapitalizedMinor;

    internal long PrincipalMinor => _principal;

    internal long InterestMinor => _interest;

    internal long OpeningMinor => _opening;

    /// <summary>
    /// True when both rows hold the same figures: period, due date, kind, rate (and rate segments), and the same
    /// amounts, compared as numbers, so a row kept to 2 decimal places equals one kept to 3 with the same amounts
    /// (1200.00 and 1200.000).
    /// </summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Installment other)
    {
        if (Period != other.Period || DueDate != other.DueDate || AnnualRate != other.AnnualRate || _kind != other._kind ||
            _capitalized != other._capitalized || (_segments is null) != (other._segments is null) ||
            !_segments.AsSpan().SequenceEqual(other._segments))
        {
            return false;
        }

        // The same places (every row of a schedule): the minor units. Otherwise the amounts as numbers.
        return _places == other._places
            ? _opening == other._opening && _principal == other._principal && _interest == other._interest && _extra == other._extra
            : OpeningBalance == other.OpeningBalance && Principal == other.Principal && Interest == other.Interest &&
              Penalty == other.Penalty && DeferredInterest == other.DeferredInterest && CapitalizedInterest == other.CapitalizedInterest;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Installment other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(Installment)"/>: the amounts are hashed at the largest
    /// scale a rounding policy keeps, so equal amounts at different decimal places hash alike.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Period, DueDate, Scaled(_opening), Scaled(_principal), Scaled(_interest));

    /// <summary>An amount of this row in units of 10^-<see cref="RoundingPolicy.MaxDecimalPlaces"/>: the same number for
    /// the same amount at any decimal places (for the hash). Exact below 9.2 × 10^14 in major units, far above any
    /// loan; beyond that it wraps, the same way for equal amounts, which is all a hash needs.</summary>
    private long Scaled(long amount) => unchecked(amount * FixedPoint.Pow10[RoundingPolicy.MaxDecimalPlaces - _places]);

    /// <summary>True when both rows hold the same figures.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Installment left, Installment right) => left.Equals(right);

    /// <summary>True when the rows differ.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Installment left, Installment right) => !left.Equals(right);

    /// <summary>The row as one line of text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant(
        $"#{Period}{(Kind == InstallmentKind.Regular ? "" : " " + Kind.ToString().ToLowerInvariant())} {DateText.Iso(DueDate)} {AnnualRate} opening {OpeningBalance} payment {Payment} = principal {Principal} + interest {Interest}{(PenaltyMinor != 0 ? FormattableString.Invariant($" + penalty {Penalty}") : "")}{(DeferredMinor != 0 ? FormattableString.Invariant($", interest deferred {DeferredInterest}{(_capitalized ? " (capitalized)" : "")}") : "")}{(_kind == InstallmentKind.Capitalization ? FormattableString.Invariant($", capitalized {CapitalizedInterest}") : "")}, closing {ClosingBalance}");
}

/// <summary>What a schedule row records.</summary>
[JsonConverter(typeof(Serialization.InstallmentKindJsonConverter))]
public enum InstallmentKind : byte
{
    /// <summary>A regular payment on a due date.</summary>
    Regular = 0,

    /// <summary>A partial prepayment (its own row, after the due date's regular payment when on the same day).</summary>
    Prepayment = 1,

    /// <summary>A full payoff; the schedule ends with it.</summary>
    Payoff = 2,

    /// <summary>The last payment of a balloon loan (气球贷), which carries the whole remaining balance.</summary>
    Balloon = 3,

    /// <summary>A payment holiday: nothing is paid on this due date (see <see cref="PaymentHoliday"/>).</summary>
    Holiday = 4,

    /// <summary>Arrears capitalized after the due date's payment (see <see cref="ArrearsCapitalization"/>): nothing is
    /// paid; the amount is the row's <see cref="Installment.CapitalizedInterest"/>, added to the balance.</summary>
    Capitalization = 5,

    /// <summary>A regular payment deferred (see <see cref="PaymentDeferral"/>): its principal and interest are as
    /// contracted, but its payment falls due, without interest, with the schedule's last row.</summary>
    Deferred = 6,
}
