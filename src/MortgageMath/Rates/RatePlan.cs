using MortgageMath.Resources;

namespace MortgageMath;

/// <summary>
/// What annual rate applies on each day of a loan's life: the piece of the loop that answers "what rate applies
/// on this day". <see cref="Fixed"/>, <see cref="Floating"/> (index + spread, repriced by a rule),
/// <see cref="ProvidentFund"/> (the official rate, taken on the next 1 January after a change) or
/// <see cref="Stepped"/> (阶段性利率: one plan for N periods, then another).
/// Its <see cref="object.ToString"/> describes it for people, in the UI culture's language (<c>lpr5y +60bp, repriced
/// every 1 January</c>, <c>lpr5y +60bp，每年 1 月 1 日重定价</c>); nothing parses it back (a spec writes a plan's terms).
/// </summary>
/// <remarks>A plan is an immutable value: two plans are equal when they are the same kind with equal terms (rate,
/// index, spread, repricing rule, floor; a stepped plan's steps), and equal plans have equal hash codes.
/// <c>ProvidentFund(index)</c> is equal to <c>Floating(index, Spread.Zero, RepricingRule.EveryJanuary1)</c>, which it is.</remarks>
public abstract class RatePlan : IEquatable<RatePlan>
{
    private protected RatePlan()
    {
    }

    /// <summary>True when both are the same kind of plan with equal terms.</summary>
    /// <param name="other">The other plan.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RatePlan? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is RatePlan other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => GetHashCodeCore();

    /// <summary>True when both are the same plan (or both null).</summary>
    /// <param name="left">The first plan.</param>
    /// <param name="right">The second plan.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RatePlan? left, RatePlan? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the plans differ.</summary>
    /// <param name="left">The first plan.</param>
    /// <param name="right">The second plan.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RatePlan? left, RatePlan? right) => !(left == right);

    /// <summary>Compares the terms of two plans of the same type.</summary>
    private protected abstract bool EqualsCore(RatePlan other);

    /// <summary>A hash of the terms, equal for equal plans.</summary>
    private protected abstract int GetHashCodeCore();

    /// <summary>A fixed annual rate for the whole loan.</summary>
    /// <param name="annualRate">The rate, 0% to 100%.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 0%..100%.</exception>
    public static RatePlan Fixed(Rate annualRate)
    {
        if (annualRate < Rate.Zero || annualRate > Rate.OneHundredPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate,
                Resources.Localized.Format(Resources.LibraryText.Valid_AnnualRateRange, annualRate));
        }

        return new FixedRatePlan(annualRate);
    }

    /// <summary>
    /// A floating rate: the index's latest fixing on or before each repricing date, plus the spread, never below
    /// the floor. The first rate is the fixing on or before disbursement plus the spread.
    /// </summary>
    /// <param name="index">The reference rate, e.g. <see cref="RateIndex.Lpr5Y"/>.</param>
    /// <param name="spread">The spread in basis points (may be negative).</param>
    /// <param name="repricing">When the rate is reset, e.g. <see cref="RepricingRule.EveryJanuary1"/>.</param>
    /// <param name="floor">An optional lowest rate (利率下限).</param>
    /// <returns>The plan.</returns>
    public static RatePlan Floating(RateIndex index, Spread spread, RepricingRule repricing, Rate? floor = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(repricing);
        if (floor is { } f && (f < Rate.Zero || f > Rate.OneHundredPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), f, Resources.Localized.Format(Resources.LibraryText.Valid_FloorRange, f));
        }

        return new FloatingRatePlan(index, spread, repricing, floor);
    }

    /// <summary>
    /// A pre-2020 floating rate priced as a multiple of the index (the PBoC benchmark): the index's fixing on or before
    /// each repricing date × the multiplier — 上浮 10% is <c>RateMultiplier.Up(Percentage.Percent(10m))</c>, 九折 is
    /// <c>RateMultiplier.Down(Percentage.Percent(10m))</c>. A 2020 conversion to LPR
    /// (<see cref="RateEvent.ConvertToLpr"/>) turns it into LPR + a spread fixed from the rate in force.
    /// </summary>
    /// <param name="index">The reference rate, e.g. <see cref="RateIndex.PbocBenchmark5Y"/>.</param>
    /// <param name="multiplier">The multiplier.</param>
    /// <param name="repricing">When the rate is reset, e.g. <see cref="RepricingRule.EveryJanuary1"/>.</param>
    /// <returns>The plan.</returns>
    public static RatePlan FloatingMultiple(RateIndex index, RateMultiplier multiplier, RepricingRule repricing)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(repricing);
        return new FloatingRatePlan(index, Spread.Zero, repricing, null, multiplier);
    }

    /// <summary>
    /// The provident-fund rule (公积金): the official rate of <paramref name="index"/> at disbursement, and after an
    /// official change the new rate from the next 1 January (e.g. the 2025-05-08 cut reached existing loans on
    /// 2026-01-01). The same as <c>Floating(index, Spread.Zero, RepricingRule.EveryJanuary1)</c>.
    /// </summary>
    /// <param name="index">A provident-fund index, e.g. <see cref="RateIndex.ProvidentFundFirstHomeOver5Y"/>.</param>
    /// <returns>The plan.</returns>
    public static RatePlan ProvidentFund(RateIndex index) => Floating(index, Spread.Zero, RepricingRule.EveryJanuary1);

    /// <summary>A stepped plan (阶段性利率): <paramref name="first"/> for <paramref name="periods"/> periods, then <paramref name="then"/>
    /// (which starts on the due date of period <paramref name="periods"/>; a floating plan fixes its index that day).</summary>
    /// <param name="first">The plan for the first periods (may itself be stepped: its own steps at or after
    /// <paramref name="periods"/> never take effect).</param>
    /// <param name="periods">How many periods the first plan lasts, 1 to 599.</param>
    /// <param name="then">The plan afterwards (may itself be stepped; its periods count from its own start).</param>
    /// <returns>The plan.</returns>
    public static RatePlan Stepped(RatePlan first, int periods, RatePlan then)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(then);
        if (periods is < 1 or > Loan.MaxPeriods - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods,
                Resources.Localized.Format(Resources.LibraryText.Valid_StepPeriods, Loan.MaxPeriods - 1, periods));
        }

        return new SteppedRatePlan(first, periods, then);
    }
}

/// <summary>A fixed rate.</summary>
internal sealed class FixedRatePlan(Rate rate) : RatePlan
{
    internal Rate Rate { get; } = rate;

    private protected override bool EqualsCore(RatePlan other) => Rate == ((FixedRatePlan)other).Rate;

    private protected override int GetHashCodeCore() => Rate.GetHashCode();

    public override string ToString() => Localized.Format(LibraryText.Plan_Fixed, Rate);
}

/// <summary>Index + spread, repriced by a rule, with an optional floor.</summary>
internal sealed class FloatingRatePlan(RateIndex index, Spread spread, RepricingRule repricing, Rate? floor, RateMultiplier multiplier = default) : RatePlan
{
    internal RateMultiplier Multiplier { get; } = multiplier;

    internal RateIndex Index { get; } = index;

    internal Spread Spread { get; } = spread;

    internal RepricingRule Repricing { get; } = repricing;

    internal Rate? Floor { get; } = floor;

    private protected override bool EqualsCore(RatePlan other) =>
        other is FloatingRatePlan o && Index == o.Index && Spread == o.Spread && Repricing == o.Repricing && Floor == o.Floor && Multiplier == o.Multiplier;

    private protected override int GetHashCodeCore() => HashCode.Combine(Index, Spread, Repricing, Floor, Multiplier);

    public override string ToString()
    {
        string plan = Localized.Format(
            LibraryText.Plan_Floating, Index, Multiplier == RateMultiplier.One ? Spread.ToString() : Multiplier.ToString(), Repricing.Description);
        return Floor is { } f ? Localized.Format(LibraryText.Plan_Floor, plan, f) : plan;
    }
}

/// <summary>One plan for some periods, then another.</summary>
internal sealed class SteppedRatePlan(RatePlan first, int periods, RatePlan then) : RatePlan
{
    internal RatePlan First { get; } = first;

    internal int Periods { get; } = periods;

    internal RatePlan Then { get; } = then;

    private protected override bool EqualsCore(RatePlan other) =>
        other is SteppedRatePlan o && Periods == o.Periods && First == o.First && Then == o.Then;

    private protected override int GetHashCodeCore() => HashCode.Combine(First, Periods, Then);

    public override string ToString() => Localized.Format(LibraryText.Plan_Stepped, First, Periods, Then);
}
