using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// When a floating rate is reset to the latest published fixing plus the spread (重定价日). On a repricing date the
/// fixing used is the latest one published on or before that date (so a 1 January repricing uses December's LPR).
/// </summary>
public abstract class RepricingRule
{
    private protected RepricingRule()
    {
    }

    /// <summary>Every 1 January (the default at many Chinese banks, and the provident-fund rule).</summary>
    public static RepricingRule EveryJanuary1 { get; } = new January1Rule();

    /// <summary>Every anniversary of the disbursement date (对月对日; 29 February falls on 28 February in other years).</summary>
    public static RepricingRule EveryAnniversary { get; } = new AnniversaryRule();

    /// <summary>Every <paramref name="months"/> months counted from <paramref name="from"/> (or from disbursement).</summary>
    /// <param name="months">The cycle: 1 to 120 months (banks offer 3, 6 or 12).</param>
    /// <param name="from">The first date of the cycle, an ISO date in the years 1900 to 2300 (every date a loan can
    /// reach lies in them); null means the disbursement date. Repricing falls on from + k × months, k ≥ 1.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cycle is outside 1..120 months (<c>ParamName</c> "months"), or
    /// <paramref name="from"/> is outside the years 1900 to 2300 (<c>ParamName</c> "from", <c>ActualValue</c> the date).</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not in the ISO calendar.</exception>
    public static RepricingRule EveryMonths(int months, LocalDate? from = null)
    {
        if (months is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months,
                $"A repricing cycle must be between 1 and 120 months; was {months}.");
        }

        return new MonthsRule(months, from is { } start ? RequireWalkable(start, nameof(from), "The start of a repricing cycle") : null);
    }

    /// <summary>The first repricing date strictly after <paramref name="after"/> for a loan disbursed on <paramref name="disbursement"/>.</summary>
    /// <param name="disbursement">The loan's disbursement date, an ISO date in the years 1900 to 2300.</param>
    /// <param name="after">The date after which to look, an ISO date in the years 1900 to 2300.</param>
    /// <returns>The next repricing date (at most ten years after the later of the two dates, so at most in 2310).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the years 1900 to 2300 (<c>ParamName</c> names it,
    /// <c>ActualValue</c> is the date).</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public LocalDate NextAfter(LocalDate disbursement, LocalDate after)
    {
        RequireWalkable(disbursement, nameof(disbursement), "The disbursement date");
        RequireWalkable(after, nameof(after), "The date to look after");
        return Next(disbursement, after);
    }

    /// <summary><see cref="NextAfter"/> for checked dates.</summary>
    private protected abstract LocalDate Next(LocalDate disbursement, LocalDate after);

    /// <summary>
    /// Refuses a date the rules cannot walk from: outside the ISO calendar, or outside the years 1900 to 2300 (the
    /// engine's day table; a loan is disbursed by 2200 and runs at most 600 months, so all its dates lie in them). A
    /// walk from such a date stays below 2311, far inside NodaTime's range; from 9999-12-31 it would overflow it.
    /// </summary>
    private static LocalDate RequireWalkable(LocalDate date, string paramName, string what)
    {
        DayNumber.RequireIso(date, paramName);
        if (date.Year is < DayNumber.FirstTableYear or > DayNumber.LastTableYear)
        {
            throw new ArgumentOutOfRangeException(paramName, date, string.Create(CultureInfo.InvariantCulture,
                $"{what} must be in the years {DayNumber.FirstTableYear} to {DayNumber.LastTableYear} (every date a loan can reach lies in them); was {DateText.Iso(date)}."));
        }

        return date;
    }

    private sealed class January1Rule : RepricingRule
    {
        private protected override LocalDate Next(LocalDate disbursement, LocalDate after) => new(after.Year + 1, 1, 1);

        public override string ToString() => "every 1 January";
    }

    private sealed class AnniversaryRule : RepricingRule
    {
        private protected override LocalDate Next(LocalDate disbursement, LocalDate after)
        {
            int years = Math.Max(1, after.Year - disbursement.Year);
            LocalDate candidate = disbursement.PlusYears(years);
            while (candidate <= after)
            {
                candidate = disbursement.PlusYears(++years);
            }

            return candidate;
        }

        public override string ToString() => "every anniversary of disbursement";
    }

    private sealed class MonthsRule(int months, LocalDate? from) : RepricingRule
    {
        private protected override LocalDate Next(LocalDate disbursement, LocalDate after)
        {
            LocalDate start = from ?? disbursement;
            int elapsed = ((after.Year - start.Year) * 12) + after.Month - start.Month;
            int k = Math.Max(1, (elapsed / months) - 1);
            LocalDate candidate = start.PlusMonths(k * months);
            while (candidate <= after)
            {
                candidate = start.PlusMonths(++k * months);
            }

            return candidate;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"every {months} months from {(from is { } f ? DateText.Iso(f) : "disbursement")}");
    }
}
