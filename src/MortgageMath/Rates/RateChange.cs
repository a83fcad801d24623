using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>What set a loan's rate on a date; several may apply on one day.</summary>
[Flags]
public enum RateChangeCauses
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The rate at disbursement.</summary>
    Disbursement = 1,

    /// <summary>A repricing of a floating rate to the latest fixing plus the spread.</summary>
    Repricing = 2,

    /// <summary>A spread change (the index value stays until the next repricing).</summary>
    SpreadChange = 4,

    /// <summary>The next step of a stepped plan.</summary>
    PlanStep = 8,

    /// <summary>A switch to a floating rate.</summary>
    SwitchToFloating = 16,

    /// <summary>A conversion of a benchmark-rate loan to the LPR (rate unchanged until the next repricing).</summary>
    ConversionToLpr = 32,

    /// <summary>A new fixed rate.</summary>
    NewFixedRate = 64,
}

/// <summary>A date from which a loan's annual rate is different, and what set it.</summary>
/// <param name="EffectiveDate">The first day the rate applies (interest accrues from this day).</param>
/// <param name="AnnualRate">The rate from that day.</param>
/// <param name="Causes">What set it.</param>
/// <param name="Index">The reference index when the rate floats; null for a fixed rate.</param>
/// <param name="IndexValue">The index value fixed at the last repricing (or conversion); null for a fixed rate.</param>
/// <param name="Spread">The spread over the index; null for a fixed rate.</param>
/// <param name="Floor">The floor in force, if any.</param>
/// <param name="Multiplier">The multiplier of the index when the rate is priced as a multiple of it (pre-2020 上浮/下浮); null otherwise.</param>
public readonly record struct RateChange(
    LocalDate EffectiveDate, Rate AnnualRate, RateChangeCauses Causes, RateIndex? Index = null, Rate? IndexValue = null,
    Spread? Spread = null, Rate? Floor = null, RateMultiplier? Multiplier = null)
{
    /// <summary>A readable account, e.g. <c>repricing: lpr5y 3.95% +0bp</c> or <c>at disbursement: fixed 4.9%</c>.</summary>
    public string Reason
    {
        get
        {
            var causes = new List<string>();
            foreach ((RateChangeCauses cause, string text) in Texts)
            {
                if ((Causes & cause) != 0)
                {
                    causes.Add(text);
                }
            }

            string what = string.Join(", ", causes);
            return Index is null
                ? $"{what}: fixed {AnnualRate}"
                : $"{what}: {Index} {IndexValue} {(Multiplier is { } m ? m.ToString() : Spread.ToString())}{(Floor is { } f ? $" (floor {f})" : "")}";
        }
    }

    /// <summary>One line: <c>2024-01-01 3.95% (repricing: lpr5y 3.95% +0bp)</c>. Invariant culture, date <c>yyyy-MM-dd</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{MortgageMath.Serialization.ExportText.Date(EffectiveDate)} {AnnualRate} ({Reason})";

    private static readonly (RateChangeCauses, string)[] Texts =
    [
        (RateChangeCauses.Disbursement, "at disbursement"), (RateChangeCauses.PlanStep, "rate plan step"),
        (RateChangeCauses.SwitchToFloating, "switched to floating"), (RateChangeCauses.ConversionToLpr, "converted to LPR"),
        (RateChangeCauses.NewFixedRate, "new fixed rate"), (RateChangeCauses.SpreadChange, "spread change"),
        (RateChangeCauses.Repricing, "repricing"),
    ];
}

/// <summary>A stretch of a period charged at one rate: interest accrues from <paramref name="From"/> up to, not
/// including, <paramref name="Until"/> (算头不算尾).</summary>
/// <param name="From">The first day.</param>
/// <param name="Until">The day after the last day.</param>
/// <param name="AnnualRate">The rate over the stretch.</param>
public readonly record struct RateSegment(LocalDate From, LocalDate Until, Rate AnnualRate)
{
    /// <summary>The number of days charged.</summary>
    public int Days => NodaTime.Period.DaysBetween(From, Until);

    /// <summary>One line: <c>2023-12-20..2024-01-01 (12 days) 4.2%</c>. Invariant culture, dates <c>yyyy-MM-dd</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{MortgageMath.Serialization.ExportText.Date(From)}..{MortgageMath.Serialization.ExportText.Date(Until)} ({Days} day{(Days == 1 ? "" : "s")}) {AnnualRate}");
}
