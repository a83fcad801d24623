using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A prepayment penalty (违约金, early repayment charge) as contract data: composable policies, each computed
/// exactly and rounded once by the loan's rounding policy, never negative. Set it on <see cref="Loan.PrepaymentPenalty"/>.
/// </summary>
/// <remarks>
/// A policy is an immutable value: two policies are equal when they are built the same way from equal parts (the
/// same percentages in the same order, the same months and years; a sum of the same policies in the same order), and
/// equal policies have equal hash codes. Its text form (<see cref="ToString"/>) is read back by <see cref="Parse"/>:
/// <c>none</c>, <c>percent-of-amount-by-year(3%, 2%, 1%)</c>, <c>months-of-interest(3)</c>,
/// <c>months-of-interest(1, 1)</c> (within 1 year), <c>uk-erc(10%, 5%, 4%, 3%)</c> (the allowance, then year 1, 2, …),
/// <c>sum(policy, policy, …)</c> and <c>check-us-limit(policy)</c>.
/// </remarks>
[JsonConverter(typeof(Serialization.PrepaymentPenaltyJsonConverter))]
public abstract class PrepaymentPenalty : IEquatable<PrepaymentPenalty>
{
    private protected PrepaymentPenalty()
    {
    }

    /// <summary>No penalty (the big Chinese banks in 2022; most floating-rate products).</summary>
    public static PrepaymentPenalty None { get; } = new NoPenalty();

    /// <summary>A percentage of the amount prepaid by loan year (year 1 = the first 12 months after disbursement),
    /// e.g. 3%, 2%, 1% (CCB, as reported); none after the last year given.</summary>
    /// <param name="byYear">The percentage for year 1, 2, ….</param>
    /// <returns>The policy.</returns>
    public static PrepaymentPenalty PercentOfAmountByYear(params Percentage[] byYear)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        return new PercentByYear([.. byYear]);
    }

    /// <summary><paramref name="months"/> months' interest on the amount prepaid at the rate in force (CMB: 1 or 3 months, as reported).</summary>
    /// <param name="months">The number of months, 1 to 24.</param>
    /// <param name="withinYears">Charged only in the first this many loan years; null means always.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The months are outside 1..24 or the years below 1.</exception>
    public static PrepaymentPenalty MonthsOfInterest(int months, int? withinYears = null)
    {
        if (months is < 1 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, Resources.Localized.Format(Resources.LibraryText.Valid_PenaltyMonthsRange, months));
        }

        if (withinYears is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(withinYears), withinYears, Resources.Localized.Format(Resources.LibraryText.Valid_PenaltyYearsRange, withinYears));
        }

        return new MonthsInterest(months, withinYears);
    }

    /// <summary>
    /// UK-style early repayment charge: in loan year k, overpayments beyond a yearly allowance (e.g. 10% of the balance
    /// at the start of that loan year) are charged <paramref name="byYear"/>[k − 1] (e.g. 5%, 4%, 3%, 2%, 1%).
    /// </summary>
    /// <param name="yearlyAllowance">The penalty-free share of the balance at the start of each loan year.</param>
    /// <param name="byYear">The charge for year 1, 2, …; none after the last.</param>
    /// <returns>The policy.</returns>
    public static PrepaymentPenalty UkEarlyRepaymentCharge(Percentage yearlyAllowance, params Percentage[] byYear)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        return new UkTiers(yearlyAllowance, [.. byYear]);
    }

    /// <summary>The sum of several policies (e.g. a percentage plus months of interest).</summary>
    /// <param name="policies">The policies to add up.</param>
    /// <returns>The policy.</returns>
    public static PrepaymentPenalty Sum(params PrepaymentPenalty[] policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return new SumOf([.. policies.Select(p => p ?? throw new ArgumentException(Resources.LibraryText.Valid_PenaltyNull, nameof(policies)))]);
    }

    /// <summary>
    /// The US rule as a check (Regulation Z §1026.43(g)): a penalty may not exceed 2% of the amount prepaid in loan
    /// years 1–2, 1% in year 3, and nothing after. Building a schedule in which <paramref name="policy"/> charges more
    /// throws <see cref="PrepaymentRuleViolationException"/>.
    /// </summary>
    /// <param name="policy">The contract's policy.</param>
    /// <returns>The checked policy.</returns>
    public static PrepaymentPenalty CheckedAgainstUsLimit(PrepaymentPenalty policy) =>
        new UsLimit(policy ?? throw new ArgumentNullException(nameof(policy)));

    /// <summary>
    /// Reads a policy as <see cref="ToString"/> writes it: <c>none</c>, <c>percent-of-amount-by-year(3%, 2%, 1%)</c>,
    /// <c>months-of-interest(N)</c> or <c>months-of-interest(N, years)</c>, <c>uk-erc(allowance, year 1, year 2, …)</c>,
    /// <c>sum(policy, …)</c>, <c>check-us-limit(policy)</c>. Percentages carry their <c>%</c>; names are read ignoring
    /// case; white space around names, values, commas and parentheses is ignored. For every policy,
    /// <c>Parse(policy.ToString()) == policy</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>sum(percent-of-amount-by-year(2%, 1%), months-of-interest(1, 1))</c>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a policy in this form; the message quotes it and says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The form is right but a value is out of range (e.g.
    /// <c>months-of-interest(25)</c>, <c>101%</c>); <see cref="ArgumentException.ParamName"/> is <c>text</c>.</exception>
    public static PrepaymentPenalty Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_PrepaymentPenalty), Read);

    /// <summary>Reads a policy like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="penalty">The policy, or null when the text is not one.</param>
    /// <returns>Whether the text is a policy with its values in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out PrepaymentPenalty penalty) =>
        SpecText.TryParse(text, Read, out penalty);

    private static PrepaymentPenalty Read(SpecTerm term)
    {
        if (term.Is(SpecNames.Penalties.None))
        {
            SpecText.Values(term, 0, 0, "", "");
            return None;
        }

        if (term.Is(SpecNames.Penalties.PercentOfAmountByYear))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 0, int.MaxValue, nameof(Resources.LibraryText.Err_SpecNeeds_YearPercentages), "percent-of-amount-by-year(3%, 2%, 1%)");
            return PercentOfAmountByYear([.. values.Select((v, k) => SpecText.Percentage(v, nameof(Resources.LibraryText.Err_SpecValue_LoanYear), k + 1))]);
        }

        if (term.Is(SpecNames.Penalties.MonthsOfInterest))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 2, nameof(Resources.LibraryText.Err_SpecNeeds_MonthsOfInterest), "months-of-interest(3)", "months-of-interest(1, 1)");
            int months = SpecText.Int(values[0], nameof(Resources.LibraryText.Err_SpecValue_MonthsOfInterest));
            int? years = values.Count > 1 ? SpecText.Int(values[1], nameof(Resources.LibraryText.Err_SpecValue_PenaltyYears)) : null;
            return SpecText.Build(() => MonthsOfInterest(months, years));
        }

        if (term.Is(SpecNames.Penalties.UkEarlyRepaymentCharge))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, int.MaxValue, nameof(Resources.LibraryText.Err_SpecNeeds_UkErc), "uk-erc(10%, 5%, 4%, 3%)");
            Percentage allowance = SpecText.Percentage(values[0], nameof(Resources.LibraryText.Err_SpecValue_YearlyAllowance));
            return UkEarlyRepaymentCharge(allowance, [.. values.Skip(1).Select((v, k) => SpecText.Percentage(v, nameof(Resources.LibraryText.Err_SpecValue_LoanYear), k + 1))]);
        }

        if (term.Is(SpecNames.Penalties.Sum))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 0, int.MaxValue, nameof(Resources.LibraryText.Err_SpecNeeds_SumPolicies), "sum(percent-of-amount-by-year(2%), months-of-interest(1))");
            return Sum([.. values.Select(Read)]);
        }

        if (term.Is(SpecNames.Penalties.CheckUsLimit))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_CheckedPenalty), "check-us-limit(months-of-interest(3))");
            return CheckedAgainstUsLimit(Read(values[0]));
        }

        throw new SpecTextException(
            Resources.Localized.Format(Resources.LibraryText.Valid_WritePenalty, term.Text,
                SpecNames.Penalties.None, SpecNames.Penalties.PercentOfAmountByYear, SpecNames.Penalties.MonthsOfInterest,
                SpecNames.Penalties.UkEarlyRepaymentCharge, SpecNames.Penalties.Sum, SpecNames.Penalties.CheckUsLimit));
    }

    /// <summary>True when both policies are built the same way from equal parts.</summary>
    /// <param name="other">The other policy.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PrepaymentPenalty? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is PrepaymentPenalty other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => GetHashCodeCore();

    /// <summary>True when both are the same policy (or both null).</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PrepaymentPenalty? left, PrepaymentPenalty? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the policies differ.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PrepaymentPenalty? left, PrepaymentPenalty? right) => !(left == right);

    /// <summary>The policy's canonical text, which <see cref="Parse"/> reads, e.g. <c>none</c>,
    /// <c>percent-of-amount-by-year(3%, 2%, 1%)</c>, <c>check-us-limit(months-of-interest(3))</c>. Invariant culture.</summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    /// <summary>Compares two policies of the same type.</summary>
    private protected abstract bool EqualsCore(PrepaymentPenalty other);

    /// <summary>A hash equal for equal policies.</summary>
    private protected abstract int GetHashCodeCore();

    /// <summary>The penalty, in minor units, for one prepayment.</summary>
    internal abstract long Charge(in PenaltyContext context);

    private static int HashOf<T>(ReadOnlySpan<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (T item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    private sealed class NoPenalty : PrepaymentPenalty
    {
        internal override long Charge(in PenaltyContext context) => 0;

        public override string ToString() => SpecNames.Penalties.None;

        private protected override bool EqualsCore(PrepaymentPenalty other) => true;

        private protected override int GetHashCodeCore() => 0;
    }

    private sealed class PercentByYear(Percentage[] byYear) : PrepaymentPenalty
    {
        private Percentage[] ByYear => byYear;

        internal override long Charge(in PenaltyContext context) =>
            context.LoanYear <= byYear.Length ? context.Share(context.Amount, byYear[context.LoanYear - 1]) : 0;

        public override string ToString() => $"{SpecNames.Penalties.PercentOfAmountByYear}({string.Join(", ", byYear)})";

        private protected override bool EqualsCore(PrepaymentPenalty other) => byYear.AsSpan().SequenceEqual(((PercentByYear)other).ByYear);

        private protected override int GetHashCodeCore() => HashCode.Combine(1, HashOf<Percentage>(byYear));
    }

    private sealed class MonthsInterest(int months, int? withinYears) : PrepaymentPenalty
    {
        private int Months => months;

        private int? WithinYears => withinYears;

        private protected override bool EqualsCore(PrepaymentPenalty other) =>
            other is MonthsInterest o && months == o.Months && withinYears == o.WithinYears;

        private protected override int GetHashCodeCore() => HashCode.Combine(2, months, withinYears);

        internal override long Charge(in PenaltyContext context)
        {
            if (withinYears is { } years && context.LoanYear > years)
            {
                return 0;
            }

            (long mantissa, int scale) = context.AnnualRate.ToFixedPoint();
            return FixedPoint.MulDivRound(context.Amount, mantissa * months, 12 * FixedPoint.Pow10[scale], context.Mode);
        }

        public override string ToString() => withinYears is { } years
            ? string.Create(CultureInfo.InvariantCulture, $"{SpecNames.Penalties.MonthsOfInterest}({months}, {years})")
            : string.Create(CultureInfo.InvariantCulture, $"{SpecNames.Penalties.MonthsOfInterest}({months})");
    }

    private sealed class UkTiers(Percentage allowance, Percentage[] byYear) : PrepaymentPenalty
    {
        private Percentage Allowance => allowance;

        private Percentage[] ByYear => byYear;

        private protected override bool EqualsCore(PrepaymentPenalty other) =>
            other is UkTiers o && allowance == o.Allowance && byYear.AsSpan().SequenceEqual(o.ByYear);

        private protected override int GetHashCodeCore() => HashCode.Combine(3, allowance, HashOf<Percentage>(byYear));

        internal override long Charge(in PenaltyContext context)
        {
            if (context.LoanYear > byYear.Length)
            {
                return 0;
            }

            long allowanceLeft = Math.Max(0, context.Share(context.BalanceAtYearStart, allowance) - context.PrepaidEarlierThisYear);
            long chargeable = Math.Max(0, context.Amount - allowanceLeft);
            return context.Share(chargeable, byYear[context.LoanYear - 1]);
        }

        public override string ToString() => $"{SpecNames.Penalties.UkEarlyRepaymentCharge}({string.Join(", ", byYear.Prepend(allowance))})";
    }

    private sealed class SumOf(PrepaymentPenalty[] policies) : PrepaymentPenalty
    {
        private PrepaymentPenalty[] Policies => policies;

        private protected override bool EqualsCore(PrepaymentPenalty other) => policies.AsSpan().SequenceEqual(((SumOf)other).Policies);

        private protected override int GetHashCodeCore() => HashCode.Combine(4, HashOf<PrepaymentPenalty>(policies));

        internal override long Charge(in PenaltyContext context)
        {
            long total = 0;
            foreach (PrepaymentPenalty policy in policies)
            {
                total += policy.Charge(context);
            }

            return total;
        }

        public override string ToString() => $"{SpecNames.Penalties.Sum}({string.Join(", ", policies.Select(p => p.ToString()))})";
    }

    private sealed class UsLimit(PrepaymentPenalty inner) : PrepaymentPenalty
    {
        private PrepaymentPenalty Inner => inner;

        private protected override bool EqualsCore(PrepaymentPenalty other) => inner == ((UsLimit)other).Inner;

        private protected override int GetHashCodeCore() => HashCode.Combine(5, inner);

        private static readonly Percentage[] Caps = [Percentage.Percent(2m), Percentage.Percent(2m), Percentage.Percent(1m)];

        internal override long Charge(in PenaltyContext context)
        {
            long charge = inner.Charge(context);
            long cap = context.LoanYear <= Caps.Length ? context.Share(context.Amount, Caps[context.LoanYear - 1]) : 0;
            if (charge > cap)
            {
                throw new PrepaymentRuleViolationException("US Regulation Z §1026.43(g) prepayment-penalty limit",
                    Resources.Localized.Format(Resources.LibraryText.Valid_PenaltyUsLimit, FixedPoint.ToDecimal(charge, context.Places), FixedPoint.ToDecimal(context.Amount, context.Places), DateText.Iso(context.Date), context.LoanYear, FixedPoint.ToDecimal(cap, context.Places)));
            }

            return charge;
        }

        public override string ToString() => $"{SpecNames.Penalties.CheckUsLimit}({inner})";
    }
}

/// <summary>What a penalty policy may read about one prepayment. Amounts in minor units.</summary>
internal readonly record struct PenaltyContext(
    long Amount, LocalDate Date, int LoanYear, Rate AnnualRate, long BalanceAtYearStart, long PrepaidEarlierThisYear,
    RoundingMode Mode, int Places)
{
    /// <summary>round(amount × percentage), exactly.</summary>
    internal long Share(long amount, Percentage percentage)
    {
        (long mantissa, int scale) = percentage.ToFixedPoint();
        return FixedPoint.MulDivRound(amount, mantissa, FixedPoint.Pow10[scale], Mode);
    }
}
