using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Resources;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// When a floating rate is reset to the latest published fixing plus the spread (重定价日). On a repricing date the
/// fixing used is the latest one published on or before that date (so a 1 January repricing uses December's LPR).
/// </summary>
/// <remarks>A rule is an immutable value: equal rules (the same kind, cycle and start) are equal and hash alike. Its
/// text form (<see cref="ToString"/>) is read back by <see cref="Parse"/>: <c>january-1</c>, <c>anniversary</c>,
/// <c>every-months(6)</c>, <c>every-months(6, 2024-01-15)</c>.</remarks>
[JsonConverter(typeof(Serialization.RepricingRuleJsonConverter))]
public abstract class RepricingRule : IEquatable<RepricingRule>
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
                Resources.Localized.Format(Resources.LibraryText.Valid_RepricingCycle, months));
        }

        return new MonthsRule(months, from is { } start ? RequireWalkable(start, nameof(from), nameof(Resources.LibraryText.Valid_Subject_CycleStart)) : null);
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
        RequireWalkable(disbursement, nameof(disbursement), nameof(Resources.LibraryText.Valid_Subject_Disbursement));
        RequireWalkable(after, nameof(after), nameof(Resources.LibraryText.Valid_Subject_LookAfter));
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
            throw new ArgumentOutOfRangeException(paramName, date, 
                Resources.Localized.Format(Resources.LibraryText.Valid_WalkableYears, Resources.Localized.Text(what), DayNumber.FirstTableYear, DayNumber.LastTableYear, DateText.Iso(date)));
        }

        return date;
    }

    /// <summary>
    /// Reads a rule as <see cref="ToString"/> writes it: <c>january-1</c>, <c>anniversary</c>, <c>every-months(N)</c> or
    /// <c>every-months(N, yyyy-MM-dd)</c> (N the cycle in months, the date the cycle's start). Names are read
    /// ignoring case; white space around names, numbers, commas and parentheses is ignored. For every rule,
    /// <c>Parse(rule.ToString()) == rule</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>every-months(6, 2024-01-15)</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a rule in this form; the message quotes it and says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cycle is outside 1..120 months; <see cref="ArgumentException.ParamName"/>
    /// is <c>text</c>.</exception>
    public static RepricingRule Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_RepricingRule), Read);

    /// <summary>Reads a rule like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="rule">The rule, or null when the text is not one.</param>
    /// <returns>Whether the text is a rule with its values in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out RepricingRule rule) =>
        SpecText.TryParse(text, Read, out rule);

    private static RepricingRule Read(SpecTerm term)
    {
        if (term.Is(SpecNames.Repricing.January1) || term.Is(SpecNames.Repricing.Anniversary))
        {
            SpecText.Values(term, 0, 0, "", "");
            return term.Is(SpecNames.Repricing.January1) ? EveryJanuary1 : EveryAnniversary;
        }

        if (term.Is(SpecNames.Repricing.EveryMonths))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 2, nameof(Resources.LibraryText.Err_SpecNeeds_CycleMonths), "every-months(6, 2024-01-15)");
            int months = SpecText.Int(values[0], nameof(Resources.LibraryText.Err_SpecValue_CycleMonths));
            LocalDate? from = values.Count > 1 ? SpecText.Date(values[1], nameof(Resources.LibraryText.Err_SpecValue_CycleStart)) : null;
            return SpecText.Build(() => EveryMonths(months, from));
        }

        throw new SpecTextException(
            Resources.Localized.Format(Resources.LibraryText.Valid_WriteRepricing, SpecNames.Repricing.January1, SpecNames.Repricing.Anniversary, SpecNames.Repricing.EveryMonths));
    }

    /// <summary>True when both are the same rule.</summary>
    /// <param name="other">The other rule.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RepricingRule? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is RepricingRule other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => GetHashCodeCore();

    /// <summary>True when both are the same rule (or both null).</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RepricingRule? left, RepricingRule? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the rules differ.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RepricingRule? left, RepricingRule? right) => !(left == right);

    /// <summary>The rule's canonical text, which <see cref="Parse"/> reads: <c>january-1</c>, <c>anniversary</c>,
    /// <c>every-months(6)</c> or <c>every-months(6, 2024-01-15)</c>.</summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    /// <summary>The rule in words, for a rate plan's description, in the UI culture's language (LibraryText): <c>every 1 January</c>, <c>每年 1 月 1 日</c>. Display only: nothing parses it (<see cref="ToString"/> is the canonical text).</summary>
    internal abstract string Description { get; }

    /// <summary>Compares two rules of the same type.</summary>
    private protected abstract bool EqualsCore(RepricingRule other);

    /// <summary>A hash equal for equal rules.</summary>
    private protected abstract int GetHashCodeCore();

    private sealed class January1Rule : RepricingRule
    {
        private protected override LocalDate Next(LocalDate disbursement, LocalDate after) => new(after.Year + 1, 1, 1);

        public override string ToString() => SpecNames.Repricing.January1;

        internal override string Description => LibraryText.Repricing_January1;

        private protected override bool EqualsCore(RepricingRule other) => true;

        private protected override int GetHashCodeCore() => 1;
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

        public override string ToString() => SpecNames.Repricing.Anniversary;

        internal override string Description => LibraryText.Repricing_Anniversary;

        private protected override bool EqualsCore(RepricingRule other) => true;

        private protected override int GetHashCodeCore() => 2;
    }

    private sealed class MonthsRule(int months, LocalDate? from) : RepricingRule
    {
        private int Months => months;

        private LocalDate? From => from;

        private protected override bool EqualsCore(RepricingRule other) => other is MonthsRule o && months == o.Months && from == o.From;

        private protected override int GetHashCodeCore() => HashCode.Combine(months, from);

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

        public override string ToString() => from is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"{SpecNames.Repricing.EveryMonths}({months}, {DateText.Iso(f)})")
            : string.Create(CultureInfo.InvariantCulture, $"{SpecNames.Repricing.EveryMonths}({months})");

        internal override string Description =>
            Localized.Format(LibraryText.Repricing_EveryMonths, months, from is { } f ? DateText.Iso(f) : LibraryText.Repricing_Disbursement);
    }
}
