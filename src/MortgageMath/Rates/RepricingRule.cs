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
    /// <param name="from">The first date of the cycle; null means the disbursement date. Repricing falls on from + k × months, k ≥ 1.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cycle is outside 1..120 months.</exception>
    public static RepricingRule EveryMonths(int months, LocalDate? from = null)
    {
        if (months is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months,
                $"A repricing cycle must be between 1 and 120 months; was {months}.");
        }

        return new MonthsRule(months, from is { } start ? DayNumber.RequireIso(start, nameof(from)) : null);
    }

    /// <summary>The first repricing date strictly after <paramref name="after"/> for a loan disbursed on <paramref name="disbursement"/>.</summary>
    /// <param name="disbursement">The loan's disbursement date.</param>
    /// <param name="after">The date after which to look.</param>
    /// <returns>The next repricing date.</returns>
    public abstract LocalDate NextAfter(LocalDate disbursement, LocalDate after);

    private sealed class January1Rule : RepricingRule
    {
        public override LocalDate NextAfter(LocalDate disbursement, LocalDate after) => new(after.Year + 1, 1, 1);

        public override string ToString() => "every 1 January";
    }

    private sealed class AnniversaryRule : RepricingRule
    {
        public override LocalDate NextAfter(LocalDate disbursement, LocalDate after)
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
        public override LocalDate NextAfter(LocalDate disbursement, LocalDate after)
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
