using System.Globalization;
using NodaTime;

namespace MortgageMath.Statements;

/// <summary>
/// The rule of China's individual income tax deduction for housing-loan interest (住房贷款利息专项附加扣除): a fixed
/// amount a month, for at most a number of months, from the month of the first contractual repayment to the month the
/// loan is repaid. Data, so a change of the rule is a new policy, not a code change.
/// </summary>
public sealed record HousingLoanInterestPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="monthlyAmount">The deduction per eligible month, in yuan, 0 or more.</param>
    /// <param name="maxMonths">The most months the deduction is taken for, above 0.</param>
    /// <param name="source">Where the rule is published.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monthlyAmount"/> is negative or
    /// <paramref name="maxMonths"/> is not above 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null or blank.</exception>
    public HousingLoanInterestPolicy(decimal monthlyAmount, int maxMonths, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyAmount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMonths);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        MonthlyAmount = monthlyAmount;
        MaxMonths = maxMonths;
        Source = source;
    }

    /// <summary>国家税务总局公告2018年第60号 §3 (《个人所得税专项附加扣除操作办法(试行)》, with 国发〔2018〕41号 第十四条):
    /// 1,000 yuan a month, at most 240 months, once per taxpayer.</summary>
    public static HousingLoanInterestPolicy China { get; } = new(1_000m, 240,
        "国家税务总局公告2018年第60号 §3; 国发〔2018〕41号 第十四条: 1,000 yuan a month, at most 240 months");

    /// <summary>The deduction per eligible month, in yuan (before the share).</summary>
    public decimal MonthlyAmount { get; }

    /// <summary>The most months the deduction is taken for.</summary>
    public int MaxMonths { get; }

    /// <summary>Where the rule is published.</summary>
    public string Source { get; }

    /// <summary><c>1000 a month for at most 240 months (source)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MonthlyAmount} a month for at most {MaxMonths} months ({Source})");
}

/// <summary>
/// One tax year of the housing-loan interest deduction (住房贷款利息专项附加扣除) of one taxpayer: how many months of
/// the year are eligible and the amount deducted (the months × the monthly amount × the taxpayer's share).
/// </summary>
/// <param name="TaxYear">The tax year (a calendar year).</param>
/// <param name="Months">The eligible months in the year, 0 to 12.</param>
/// <param name="Share">The taxpayer's share: 100%, or 50% where spouses each bought a home before marriage.</param>
/// <param name="Amount">The deduction: <paramref name="Months"/> × the monthly amount × <paramref name="Share"/>.</param>
public sealed record HousingLoanInterestDeduction(int TaxYear, int Months, Percentage Share, decimal Amount)
{
    /// <summary><c>2024: 9 months × 100% = 9000</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TaxYear}: {Months} months × {Share} = {Amount}");
}

/// <summary>
/// China's housing-loan interest deduction (住房贷款利息专项附加扣除) from a schedule. The deduction runs from the
/// month of the first contractual repayment (the first regular row's due month) to the month the loan is repaid (the
/// month of the last row: the final payment, or a payoff), for at most <see cref="HousingLoanInterestPolicy.MaxMonths"/>
/// months. A taxpayer takes it once in a lifetime, for one loan; the library cannot check that.
/// </summary>
public static class HousingLoanInterest
{
    /// <summary>The deduction of <paramref name="taxYear"/>.</summary>
    /// <param name="schedule">The schedule of the first home's loan.</param>
    /// <param name="taxYear">A calendar year from the disbursement's to the last row's.</param>
    /// <param name="share">The taxpayer's share: 100% (the default) or 50% (spouses who each bought a home before
    /// marriage may each deduct 50% for one of them).</param>
    /// <param name="policy">The rule, or null for <see cref="HousingLoanInterestPolicy.China"/>.</param>
    /// <returns>The year's eligible months and amount (0 months outside the deduction's span).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="taxYear"/> is before the disbursement's year or
    /// after the last row's (<c>ActualValue</c> is the year), or <paramref name="share"/> is neither 100% nor 50%.</exception>
    public static HousingLoanInterestDeduction HousingLoanInterestDeduction(this Schedule schedule, int taxYear, Percentage? share = null,
        HousingLoanInterestPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (taxYear < schedule.Loan.Disbursement.Year || taxYear > schedule.Last.DueDate.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(taxYear), taxYear, 
                Resources.Localized.Format(Resources.LibraryText.Valid_TaxYearRange, schedule.Loan.Disbursement.Year, schedule.Last.DueDate.Year, taxYear));
        }

        Percentage s = CheckShare(share);
        policy ??= HousingLoanInterestPolicy.China;
        (int first, int last) = Span(schedule, policy);
        return Deduction(taxYear, first, last, s, policy);
    }

    /// <summary>The deduction of every tax year with at least one eligible month, in order.</summary>
    /// <param name="schedule">The schedule of the first home's loan.</param>
    /// <param name="share">The taxpayer's share: 100% (the default) or 50%.</param>
    /// <param name="policy">The rule, or null for <see cref="HousingLoanInterestPolicy.China"/>.</param>
    /// <returns>One entry per year; the months add up to at most <see cref="HousingLoanInterestPolicy.MaxMonths"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is neither 100% nor 50%.</exception>
    public static IReadOnlyList<HousingLoanInterestDeduction> HousingLoanInterestDeductions(this Schedule schedule, Percentage? share = null,
        HousingLoanInterestPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Percentage s = CheckShare(share);
        policy ??= HousingLoanInterestPolicy.China;
        (int first, int last) = Span(schedule, policy);
        if (last < first)
        {
            return [];
        }

        int firstYear = first / 12, lastYear = last / 12;
        return [.. Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => Deduction(y, first, last, s, policy))];
    }

    private static Percentage CheckShare(Percentage? share)
    {
        Percentage s = share ?? Percentage.Percent(100m);
        return s == Percentage.Percent(100m) || s == Percentage.Percent(50m)
            ? s
            : throw new ArgumentOutOfRangeException(nameof(share), s,
                Resources.LibraryText.Valid_DeductionShare);
    }

    /// <summary>The first and last eligible months as year × 12 + month − 1 (last &lt; first when none).</summary>
    private static (int First, int Last) Span(Schedule schedule, HousingLoanInterestPolicy policy)
    {
        LocalDate? firstRepayment = null;
        foreach (Installment row in schedule)
        {
            if (row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon or InstallmentKind.Deferred)
            {
                firstRepayment = row.DueDate;
                break;
            }
        }

        if (firstRepayment is not { } start)
        {
            return (0, -1); // repaid before any repayment fell due: no month qualifies
        }

        int first = MonthIndex(start);
        int last = Math.Min(MonthIndex(schedule.Last.DueDate), first + policy.MaxMonths - 1);
        return (first, last);
    }

    private static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static HousingLoanInterestDeduction Deduction(int year, int first, int last, Percentage share, HousingLoanInterestPolicy policy)
    {
        int from = Math.Max(first, year * 12), to = Math.Min(last, (year * 12) + 11);
        int months = Math.Max(0, to - from + 1);
        return new HousingLoanInterestDeduction(year, months, share, months * policy.MonthlyAmount * share.ToPercent() / 100m);
    }
}
