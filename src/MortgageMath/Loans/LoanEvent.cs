using NodaTime;

namespace MortgageMath;

/// <summary>Something that happens to a loan on a date and changes its schedule from then on.</summary>
/// <remarks>An event is an immutable value: two events are equal when they are the same kind of event on the same
/// date with the same terms (amounts compare by value: 1000 and 1000.00 are the same), and equal events have equal
/// hash codes. A loan's events compare as a sequence (<see cref="Loan.Equals(Loan)"/>).</remarks>
public abstract class LoanEvent : IEquatable<LoanEvent>
{
    private protected LoanEvent(LocalDate date, string paramName = "date") => Date = DayNumber.RequireIso(date, paramName);

    /// <summary>The date the event takes effect.</summary>
    public LocalDate Date { get; }

    /// <summary>True when both are the same kind of event on the same date with the same terms.</summary>
    /// <param name="other">The other event.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LoanEvent? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && Date == other.Date && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is LoanEvent other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => HashCode.Combine(Date, GetHashCodeCore());

    /// <summary>True when both are the same event (or both null).</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoanEvent? left, LoanEvent? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the events differ.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoanEvent? left, LoanEvent? right) => !(left == right);

    /// <summary>Compares the terms (other than the date) of two events of the same type.</summary>
    private protected abstract bool EqualsCore(LoanEvent other);

    /// <summary>A hash of the terms other than the date, equal for equal events.</summary>
    private protected abstract int GetHashCodeCore();
}

/// <summary>
/// An event that changes the loan's rate plan: a spread change, a switch to a floating rate, a conversion of a
/// benchmark-rate loan to the LPR, or a new fixed rate. Create them with the static methods.
/// </summary>
public abstract class RateEvent : LoanEvent
{
    private protected RateEvent(LocalDate date)
        : base(date)
    {
    }

    /// <summary>
    /// The spread of a floating loan changes on <paramref name="date"/>; the index value stays the one fixed at the
    /// last repricing until the next repricing (the 2024-10-25 batch move to LPR − 30bp turned a 4.20% loan
    /// (LPR 4.20 + 0) into 3.90%, not into the then-current LPR 3.60 − 0.30).
    /// </summary>
    /// <param name="date">The effective date.</param>
    /// <param name="spread">The new spread.</param>
    /// <returns>The event.</returns>
    public static RateEvent SpreadChange(LocalDate date, Spread spread) => new SpreadChangeEvent(date, spread);

    /// <summary>The loan switches to a floating rate on <paramref name="date"/>: from then on the index's latest fixing
    /// on or before that date plus the spread, repriced by the rule (the 2024 fixed-to-floating option).</summary>
    /// <param name="date">The effective date.</param>
    /// <param name="index">The reference rate.</param>
    /// <param name="spread">The spread.</param>
    /// <param name="repricing">The repricing rule from then on.</param>
    /// <returns>The event.</returns>
    public static RateEvent SwitchToFloating(LocalDate date, RateIndex index, Spread spread, RepricingRule repricing) =>
        new SwitchToFloatingEvent(date, index ?? throw new ArgumentNullException(nameof(index)), spread,
            repricing ?? throw new ArgumentNullException(nameof(repricing)), null);

    /// <summary>
    /// The 2020 conversion of a benchmark-rate loan to the LPR (PBoC Announcement [2019] No.30): the spread is the
    /// rate in force on <paramref name="date"/> minus the index's fixing on <paramref name="referenceDate"/> (the
    /// December-2019 LPR: 4.80% for over 5 years), and the rate stays unchanged until the first repricing after
    /// the conversion. A 4.90% loan becomes LPR + 10bp.
    /// </summary>
    /// <param name="date">The conversion date.</param>
    /// <param name="repricing">The repricing rule from then on.</param>
    /// <param name="index">The LPR tenor; <see cref="RateIndex.Lpr5Y"/> when null.</param>
    /// <param name="referenceDate">The date of the reference fixing; 2019-12-31 (so the 2019-12-20 fixing) when null.</param>
    /// <returns>The event.</returns>
    public static RateEvent ConvertToLpr(LocalDate date, RepricingRule repricing, RateIndex? index = null, LocalDate? referenceDate = null) =>
        new SwitchToFloatingEvent(date, index ?? RateIndex.Lpr5Y, null,
            repricing ?? throw new ArgumentNullException(nameof(repricing)),
            referenceDate is { } reference ? DayNumber.RequireIso(reference, nameof(referenceDate)) : new LocalDate(2019, 12, 31));

    /// <summary>The loan's rate becomes the fixed <paramref name="annualRate"/> on <paramref name="date"/> (a renegotiated or a
    /// newly fixed rate).</summary>
    /// <param name="date">The effective date.</param>
    /// <param name="annualRate">The new rate, 0% to 100%.</param>
    /// <returns>The event.</returns>
    public static RateEvent FixedRate(LocalDate date, Rate annualRate) =>
        new FixedRateEvent(date, (FixedRatePlan)RatePlan.Fixed(annualRate));
}

internal sealed class SpreadChangeEvent(LocalDate date, Spread spread) : RateEvent(date)
{
    internal Spread Spread { get; } = spread;

    private protected override bool EqualsCore(LoanEvent other) => Spread == ((SpreadChangeEvent)other).Spread;

    private protected override int GetHashCodeCore() => Spread.GetHashCode();
}

/// <summary>A switch to floating; with a reference date it is a conversion that keeps the rate until the next repricing.</summary>
internal sealed class SwitchToFloatingEvent(LocalDate date, RateIndex index, Spread? spread, RepricingRule repricing, LocalDate? referenceDate)
    : RateEvent(date)
{
    internal RateIndex Index { get; } = index;

    internal Spread? Spread { get; } = spread;

    internal RepricingRule Repricing { get; } = repricing;

    internal LocalDate? ReferenceDate { get; } = referenceDate;

    private protected override bool EqualsCore(LoanEvent other) =>
        other is SwitchToFloatingEvent o && Index == o.Index && Spread == o.Spread && Repricing == o.Repricing && ReferenceDate == o.ReferenceDate;

    private protected override int GetHashCodeCore() => HashCode.Combine(Index, Spread, Repricing, ReferenceDate);
}

internal sealed class FixedRateEvent(LocalDate date, FixedRatePlan plan) : RateEvent(date)
{
    internal FixedRatePlan Plan { get; } = plan;

    private protected override bool EqualsCore(LoanEvent other) => Plan == ((FixedRateEvent)other).Plan;

    private protected override int GetHashCodeCore() => Plan.GetHashCode();
}
