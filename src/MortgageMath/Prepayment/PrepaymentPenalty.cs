using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A prepayment penalty (违约金, early repayment charge) as contract data: composable policies, each computed
/// exactly and rounded once by the loan's rounding policy, never negative. Set it on <see cref="Loan.PrepaymentPenalty"/>.
/// </summary>
public abstract class PrepaymentPenalty
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
            throw new ArgumentOutOfRangeException(nameof(months), months, $"The months of interest must be between 1 and 24; was {months}.");
        }

        if (withinYears is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(withinYears), withinYears, $"The years must be at least 1; was {withinYears}.");
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
        return new SumOf([.. policies.Select(p => p ?? throw new ArgumentException("A policy must not be null.", nameof(policies)))]);
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

    /// <summary>The penalty, in minor units, for one prepayment.</summary>
    internal abstract long Charge(in PenaltyContext context);

    private sealed class NoPenalty : PrepaymentPenalty
    {
        internal override long Charge(in PenaltyContext context) => 0;

        public override string ToString() => "none";
    }

    private sealed class PercentByYear(Percentage[] byYear) : PrepaymentPenalty
    {
        internal override long Charge(in PenaltyContext context) =>
            context.LoanYear <= byYear.Length ? context.Share(context.Amount, byYear[context.LoanYear - 1]) : 0;

        public override string ToString() => "percent of amount by year: " + string.Join("/", byYear);
    }

    private sealed class MonthsInterest(int months, int? withinYears) : PrepaymentPenalty
    {
        internal override long Charge(in PenaltyContext context)
        {
            if (withinYears is { } years && context.LoanYear > years)
            {
                return 0;
            }

            (long mantissa, int scale) = context.AnnualRate.ToFixedPoint();
            return FixedPoint.MulDivRound(context.Amount, mantissa * months, 12 * FixedPoint.Pow10[scale], context.Mode);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{months} months' interest on the amount{(withinYears is { } y ? $" in years 1-{y}" : "")}");
    }

    private sealed class UkTiers(Percentage allowance, Percentage[] byYear) : PrepaymentPenalty
    {
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

        public override string ToString() => $"UK ERC, allowance {allowance} a year, then " + string.Join("/", byYear);
    }

    private sealed class SumOf(PrepaymentPenalty[] policies) : PrepaymentPenalty
    {
        internal override long Charge(in PenaltyContext context)
        {
            long total = 0;
            foreach (PrepaymentPenalty policy in policies)
            {
                total += policy.Charge(context);
            }

            return total;
        }

        public override string ToString() => "sum of: " + string.Join("; ", policies.Select(p => p.ToString()));
    }

    private sealed class UsLimit(PrepaymentPenalty inner) : PrepaymentPenalty
    {
        private static readonly Percentage[] Caps = [Percentage.Percent(2m), Percentage.Percent(2m), Percentage.Percent(1m)];

        internal override long Charge(in PenaltyContext context)
        {
            long charge = inner.Charge(context);
            long cap = context.LoanYear <= Caps.Length ? context.Share(context.Amount, Caps[context.LoanYear - 1]) : 0;
            if (charge > cap)
            {
                throw new PrepaymentRuleViolationException("US Regulation Z §1026.43(g) prepayment-penalty limit",
                    string.Create(CultureInfo.InvariantCulture,
                        $"The penalty {FixedPoint.ToDecimal(charge, context.Places)} on a prepayment of {FixedPoint.ToDecimal(context.Amount, context.Places)} on {DateText.Iso(context.Date)} (loan year {context.LoanYear}) exceeds the US limit of {FixedPoint.ToDecimal(cap, context.Places)} (2% in years 1-2, 1% in year 3, none after)."));
            }

            return charge;
        }

        public override string ToString() => $"{inner}, checked against the US limit (2%/2%/1%)";
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
