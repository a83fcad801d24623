using NodaTime;

namespace MortgageMath;

/// <summary>A date from which a loan's annual rate is different, and why (repricing, spread change, plan step…).</summary>
/// <param name="EffectiveDate">The first day the rate applies (interest accrues from this day).</param>
/// <param name="AnnualRate">The rate from that day.</param>
/// <param name="Reason">What set it, e.g. <c>repricing: lpr5y 3.95% +0bp</c>.</param>
public readonly record struct RateChange(LocalDate EffectiveDate, Rate AnnualRate, string Reason);

/// <summary>A stretch of a period charged at one rate: interest accrues from <paramref name="From"/> up to, not
/// including, <paramref name="Until"/> (算头不算尾).</summary>
/// <param name="From">The first day.</param>
/// <param name="Until">The day after the last day.</param>
/// <param name="AnnualRate">The rate over the stretch.</param>
public readonly record struct RateSegment(LocalDate From, LocalDate Until, Rate AnnualRate)
{
    /// <summary>The number of days charged.</summary>
    public int Days => NodaTime.Period.DaysBetween(From, Until);
}
