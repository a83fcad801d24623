using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// One published value of a reference rate: the <paramref name="Index"/> was <paramref name="Value"/> from
/// <paramref name="EffectiveDate"/> (its publication date) until the next fixing. Returned by
/// <see cref="RateTable.FixingOn"/>, so a schedule can say which fixing it used and where the number came from.
/// </summary>
/// <param name="Index">The reference rate, e.g. <see cref="RateIndex.Lpr5Y"/>.</param>
/// <param name="EffectiveDate">The date the value was published and took effect, e.g. 2024-02-20. Not always the 20th of the month.</param>
/// <param name="Value">The annual rate, e.g. 3.95%.</param>
/// <param name="Source">Where the value comes from: a URL, a document, or <c>user</c> for a fixing added by hand.</param>
public readonly record struct RateFixing(RateIndex Index, LocalDate EffectiveDate, Rate Value, string Source)
{
    /// <summary>The fixing as <c>lpr5y 2024-02-20 3.95%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Index?.Name} {DateText.Iso(EffectiveDate)} {Value}";
}
