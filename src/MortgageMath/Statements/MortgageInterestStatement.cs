using System.Globalization;

namespace MortgageMath.Statements;

/// <summary>
/// The US rule for reporting the mortgage interest a lender received in a year on Form 1098 (box 1): the threshold
/// from which the lender must file, and whether prepayment penalties, late charges and default interest count as
/// interest. Data, so a change of the rule is a new policy, not a code change.
/// </summary>
public sealed record MortgageInterestReportingPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="threshold">The interest received in a year from which a statement must be filed, 0 or more.</param>
    /// <param name="includesCharges">Whether prepayment penalties, late charges and penalty (default) interest are
    /// reported with the interest.</param>
    /// <param name="source">Where the rule is published.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null or blank.</exception>
    public MortgageInterestReportingPolicy(decimal threshold, bool includesCharges, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Threshold = threshold;
        IncludesCharges = includesCharges;
        Source = source;
    }

    /// <summary>26 U.S.C. 6050H and the Instructions for Form 1098: $600 or more of mortgage interest received on one
    /// mortgage in the calendar year; interest includes prepayment penalties and late charges (unless for a specific
    /// service).</summary>
    public static MortgageInterestReportingPolicy UnitedStates { get; } = new(600m, true,
        "26 U.S.C. 6050H; Instructions for Form 1098: $600 or more of mortgage interest on one mortgage in a calendar year");

    /// <summary>The interest received in a year from which a statement must be filed.</summary>
    public decimal Threshold { get; }

    /// <summary>Whether prepayment penalties, late charges and penalty (default) interest are reported with the interest.</summary>
    public bool IncludesCharges { get; }

    /// <summary>Where the rule is published.</summary>
    public string Source { get; }

    /// <summary><c>threshold 600, charges included (source)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {Threshold}, charges {(IncludesCharges ? "included" : "excluded")} ({Source})");
}

/// <summary>
/// The mortgage interest a lender received in one calendar year (US Form 1098, box 1) and whether the lender must
/// report it. Points are not included.
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Interest">The contractual interest received in the year.</param>
/// <param name="Charges">The prepayment penalties, late charges and penalty interest received in the year that are
/// reported as interest (0 when the policy excludes them).</param>
/// <param name="Threshold">The policy's threshold.</param>
public sealed record MortgageInterestStatement(int Year, decimal Interest, decimal Charges, decimal Threshold)
{
    /// <summary>Box 1, mortgage interest received: <see cref="Interest"/> + <see cref="Charges"/>.</summary>
    public decimal InterestReceived => Interest + Charges;

    /// <summary>True when <see cref="InterestReceived"/> is at least <see cref="Threshold"/>: the lender must file.</summary>
    public bool MustReport => InterestReceived >= Threshold;

    /// <summary><c>2025: box 1 17225.85 (interest 17225.85 + charges 0), reportable</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Year}: box 1 {InterestReceived} (interest {Interest} + charges {Charges}), {(MustReport ? "reportable" : $"below {Threshold}")}");
}

/// <summary>US Form 1098 figures from a schedule or an account. See <c>docs/statements.md</c>.</summary>
public static class MortgageInterestStatements
{
    /// <summary>The interest the schedule makes payable in <paramref name="year"/> (by due date), with its prepayment
    /// penalties as charges when the policy includes them.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="year">A calendar year from the disbursement's to the last row's.</param>
    /// <param name="policy">The rule, or null for <see cref="MortgageInterestReportingPolicy.UnitedStates"/>.</param>
    /// <returns>The year's statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the schedule's years;
    /// <c>ActualValue</c> is the year.</exception>
    public static MortgageInterestStatement MortgageInterestStatement(this Schedule schedule, int year, MortgageInterestReportingPolicy? policy = null)
    {
        YearSummary y = schedule.YearSummary(year);
        policy ??= MortgageInterestReportingPolicy.UnitedStates;
        return new MortgageInterestStatement(year, y.Interest, policy.IncludesCharges ? y.Penalty : 0m, policy.Threshold);
    }

    /// <summary>The interest actually received on the account in <paramref name="year"/> (by the day the money was
    /// applied), with the penalty interest, compound interest and fees received as charges when the policy includes
    /// them.</summary>
    /// <param name="account">The account.</param>
    /// <param name="year">A calendar year from the disbursement's to the as-of date's.</param>
    /// <param name="policy">The rule, or null for <see cref="MortgageInterestReportingPolicy.UnitedStates"/>.</param>
    /// <returns>The year's statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the account's years;
    /// <c>ActualValue</c> is the year.</exception>
    public static MortgageInterestStatement MortgageInterestStatement(this LoanAccount account, int year, MortgageInterestReportingPolicy? policy = null)
    {
        YearSummary y = account.YearSummary(year);
        policy ??= MortgageInterestReportingPolicy.UnitedStates;
        return new MortgageInterestStatement(year, y.Interest,
            policy.IncludesCharges ? y.Penalty + y.PenaltyInterest + y.CompoundInterest + y.Fees : 0m, policy.Threshold);
    }
}
