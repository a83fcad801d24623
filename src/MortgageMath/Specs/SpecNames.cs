namespace MortgageMath.Specs;

/// <summary>
/// The one vocabulary of names a loan document uses (<c>docs/loan-spec.md</c>): the text forms the library writes
/// (<see cref="RepaymentMethod.ToString"/>, <see cref="PrepaymentOption.ToString"/>, …) and reads
/// (<see cref="RepaymentMethod.Parse"/>, …), the <c>type</c> values of a spec's objects and the names of its policy
/// values. The tool's spec reader, a library reader/writer and the docs use these, so a name is spelled in one place.
/// Names are lowercase ASCII words joined by '-'; readers compare them ignoring case.
/// </summary>
internal static class SpecNames
{
    /// <summary>Property names of a loan spec used outside the reader's tables (the term, which has two spellings).</summary>
    internal static class Fields
    {
        /// <summary>The term in monthly periods.</summary>
        internal const string Months = "months";

        /// <summary>The term in years.</summary>
        internal const string Years = "years";
    }

    /// <summary>The units of a rate, a spread or a percentage: <c>4.9%</c>, <c>-30bp</c>.</summary>
    internal static class Units
    {
        /// <summary>Percent: <c>4.9%</c>.</summary>
        internal const string Percent = "%";

        /// <summary>Basis points, hundredths of a percent: <c>490bp</c>.</summary>
        internal const string BasisPoints = "bp";
    }

    /// <summary>Repayment methods (<see cref="RepaymentMethod.Name"/>; the <c>method</c> of a spec).</summary>
    internal static class Methods
    {
        /// <summary><see cref="RepaymentMethod.EqualInstallment"/> (等额本息).</summary>
        internal const string EqualInstallment = "equal-installment";

        /// <summary><see cref="RepaymentMethod.EqualPrincipal"/> (等额本金).</summary>
        internal const string EqualPrincipal = "equal-principal";

        /// <summary><see cref="RepaymentMethod.Balloon"/> (气球贷); text form <c>balloon(240)</c>.</summary>
        internal const string Balloon = "balloon";

        /// <summary><see cref="RepaymentMethod.InterestFirst"/> (先息后本); text form <c>interest-first(24, equal-principal, 1)</c>.</summary>
        internal const string InterestFirst = "interest-first";
    }

    /// <summary>What a partial prepayment does to the rest of the loan (<see cref="PrepaymentOption"/>; a prepayment's <c>option</c>).</summary>
    internal static class PrepaymentOptions
    {
        /// <summary><see cref="PrepaymentOption.LowerPayment"/>.</summary>
        internal const string LowerPayment = "lower-payment";

        /// <summary><see cref="PrepaymentOption.ShortenTerm"/>.</summary>
        internal const string ShortenTerm = "shorten-term";

        /// <summary><see cref="PrepaymentOption.ShortenTermKeepPayment"/>.</summary>
        internal const string ShortenTermKeepPayment = "shorten-term-keep-payment";

        /// <summary><see cref="PrepaymentOption.NewTerm"/>; text form <c>new-term(120)</c> (a spec writes <c>{ "new_term_months": 120 }</c>).</summary>
        internal const string NewTerm = "new-term";
    }

    /// <summary>Prepayment penalties (<see cref="PrepaymentPenalty"/>; the <c>type</c> of a spec's <c>prepayment_penalty</c>).</summary>
    internal static class Penalties
    {
        /// <summary><see cref="PrepaymentPenalty.None"/>.</summary>
        internal const string None = "none";

        /// <summary><see cref="PrepaymentPenalty.PercentOfAmountByYear"/>; text form <c>percent-of-amount-by-year(3%, 2%, 1%)</c>.</summary>
        internal const string PercentOfAmountByYear = "percent-of-amount-by-year";

        /// <summary><see cref="PrepaymentPenalty.MonthsOfInterest"/>; text form <c>months-of-interest(3)</c> or <c>months-of-interest(3, 2)</c> (within 2 years).</summary>
        internal const string MonthsOfInterest = "months-of-interest";

        /// <summary><see cref="PrepaymentPenalty.UkEarlyRepaymentCharge"/>; text form <c>uk-erc(10%, 5%, 4%)</c> (the allowance, then year 1, 2, …).</summary>
        internal const string UkEarlyRepaymentCharge = "uk-erc";

        /// <summary><see cref="PrepaymentPenalty.Sum"/>; text form <c>sum(penalty, penalty, …)</c>.</summary>
        internal const string Sum = "sum";

        /// <summary><see cref="PrepaymentPenalty.CheckedAgainstUsLimit"/>; text form <c>check-us-limit(penalty)</c> (a spec
        /// writes <c>"check_us_limit": true</c> on the penalty).</summary>
        internal const string CheckUsLimit = "check-us-limit";
    }

    /// <summary>Repricing rules (<see cref="RepricingRule"/>; the <c>rule</c> of a spec's <c>repricing</c>).</summary>
    internal static class Repricing
    {
        /// <summary><see cref="RepricingRule.EveryJanuary1"/>.</summary>
        internal const string January1 = "january-1";

        /// <summary><see cref="RepricingRule.EveryAnniversary"/>.</summary>
        internal const string Anniversary = "anniversary";

        /// <summary><see cref="RepricingRule.EveryMonths"/>; text form <c>every-months(6)</c> or <c>every-months(6, 2024-01-15)</c>.</summary>
        internal const string EveryMonths = "every-months";
    }

    /// <summary>Rate plans (the <c>type</c> of a spec's <c>rate</c>).</summary>
    internal static class RatePlans
    {
        /// <summary><see cref="RatePlan.Fixed"/>.</summary>
        internal const string Fixed = "fixed";

        /// <summary><see cref="RatePlan.Floating"/>.</summary>
        internal const string Floating = "floating";

        /// <summary><see cref="RatePlan.ProvidentFund"/>.</summary>
        internal const string ProvidentFund = "provident-fund";

        /// <summary><see cref="RatePlan.Stepped"/>.</summary>
        internal const string Stepped = "stepped";
    }

    /// <summary>Loan events (the <c>type</c> of a spec's <c>events</c>).</summary>
    internal static class Events
    {
        /// <summary><see cref="RateEvent.SpreadChange"/>.</summary>
        internal const string SpreadChange = "spread-change";

        /// <summary><see cref="RateEvent.SwitchToFloating"/>.</summary>
        internal const string SwitchToFloating = "switch-to-floating";

        /// <summary><see cref="RateEvent.ConvertToLpr"/>.</summary>
        internal const string ConvertToLpr = "convert-to-lpr";

        /// <summary><see cref="RateEvent.FixedRate"/>.</summary>
        internal const string FixedRate = "fixed-rate";

        /// <summary><see cref="Prepayment.Partial"/>.</summary>
        internal const string Prepayment = "prepayment";

        /// <summary><see cref="Prepayment.Payoff"/>.</summary>
        internal const string Payoff = "payoff";

        /// <summary><see cref="PaymentHoliday.On"/>.</summary>
        internal const string PaymentHoliday = "payment-holiday";

        /// <summary><see cref="TermChange.Extend"/> (<c>extend_months</c>) or <see cref="TermChange.To"/> (<c>remaining_months</c>); version 3.</summary>
        internal const string TermChange = "term-change";

        /// <summary><see cref="MethodChange.To"/>; version 3.</summary>
        internal const string MethodChange = "method-change";

        /// <summary><see cref="InterestOnlyPeriod.From"/>; version 3.</summary>
        internal const string InterestOnly = "interest-only";

        /// <summary><see cref="RepaymentDayChange.From"/>; version 3.</summary>
        internal const string RepaymentDayChange = "repayment-day-change";

        /// <summary><see cref="ArrearsCapitalization.On"/> (<c>amount</c>); version 3.</summary>
        internal const string ArrearsCapitalization = "arrears-capitalization";

        /// <summary><see cref="PaymentDeferral.Of"/> (<c>months</c>, <c>maximum_months</c>); version 3.</summary>
        internal const string PaymentDeferral = "payment-deferral";
    }

    /// <summary>How a loan resumes after an interest-only event (<see cref="InterestOnlyResume"/>; its <c>resume</c>).</summary>
    internal static class InterestOnlyResumes
    {
        /// <summary><see cref="InterestOnlyResume.OverRemainingTerm"/>.</summary>
        internal const string OverRemainingTerm = "over-remaining-term";

        /// <summary><see cref="InterestOnlyResume.ToMaturity"/>.</summary>
        internal const string ToMaturity = "to-maturity";
    }

    /// <summary>The named limits of a term change (its <c>limits</c>, <see cref="MortgageMath.ExtensionLimits"/>); any
    /// other limits are written as an object <c>{ "general_loan_rules": true, "max_total_months": 360 }</c>.</summary>
    internal static class ExtensionLimits
    {
        /// <summary><see cref="MortgageMath.ExtensionLimits.ChinaHousing"/> (the default).</summary>
        internal const string ChinaHousing = "china-housing";

        /// <summary><see cref="MortgageMath.ExtensionLimits.None"/>.</summary>
        internal const string None = "none";
    }

    /// <summary>The presets of an <c>overdue_policy</c> (its <c>preset</c>).</summary>
    internal static class OverduePolicies
    {
        /// <summary><see cref="Servicing.OverduePolicy.China"/> (the default).</summary>
        internal const string China = "china";

        /// <summary><see cref="Servicing.OverduePolicy.UnitedStates"/>.</summary>
        internal const string UnitedStates = "us";
    }

    /// <summary>The spec names of <see cref="SkippedInterest"/> (a payment holiday's <c>skipped_interest</c>).</summary>
    internal static readonly NameTable<SkippedInterest> SkippedInterests = new(
        ("capitalized", SkippedInterest.Capitalized),
        ("collected-later", SkippedInterest.CollectedLater));

    /// <summary>The spec names of <see cref="PrepaymentInterest"/> (a spec's <c>prepayment_interest</c>).</summary>
    internal static readonly NameTable<PrepaymentInterest> PrepaymentInterests = new(
        ("accrued-on-balance", PrepaymentInterest.AccruedOnBalance),
        ("accrued-on-prepaid-amount", PrepaymentInterest.AccruedOnPrepaidAmount),
        ("none", PrepaymentInterest.None));

    /// <summary>The spec names of <see cref="MortgageMath.RateChangeInterest"/> (a spec's <c>rate_change_interest</c>).</summary>
    internal static readonly NameTable<RateChangeInterest> RateChangeInterests = new(
        ("split-by-actual-days", RateChangeInterest.SplitByActualDays),
        ("new-rate-for-whole-period", RateChangeInterest.NewRateForWholePeriod));

    /// <summary>The spec names of <see cref="OddFirstPeriodPolicy"/> (a spec's <c>odd_first_period</c>).</summary>
    internal static readonly NameTable<OddFirstPeriodPolicy> OddFirstPeriods = new(
        ("adjust-first-payment", OddFirstPeriodPolicy.AdjustFirstPayment),
        ("keep-regular-payment", OddFirstPeriodPolicy.KeepRegularPayment));

    /// <summary>The spec names of <see cref="DayCount"/> (a spec's <c>day_count</c>).</summary>
    internal static readonly NameTable<DayCount> DayCounts = new(
        ("actual/360", DayCount.Actual360),
        ("actual/365", DayCount.Actual365Fixed));

    /// <summary>The spec names of <see cref="RoundingMode"/> (a spec's <c>rounding.mode</c>).</summary>
    internal static readonly NameTable<RoundingMode> RoundingModes = new(
        ("half-up", RoundingMode.HalfUp),
        ("half-even", RoundingMode.HalfEven),
        ("truncate", RoundingMode.Truncate));

    /// <summary>The names of <see cref="InstallmentKind"/> as schedules are written (the <c>kind</c> column).</summary>
    internal static readonly NameTable<InstallmentKind> InstallmentKinds = new(
        ("regular", InstallmentKind.Regular),
        ("prepayment", InstallmentKind.Prepayment),
        ("payoff", InstallmentKind.Payoff),
        ("balloon", InstallmentKind.Balloon),
        ("holiday", InstallmentKind.Holiday),
        ("capitalization", InstallmentKind.Capitalization),
        ("deferred", InstallmentKind.Deferred));
}

/// <summary>The spec names of an enum's values, one name per value, looked up either way.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _entries;

    /// <summary>Creates the table; every defined value must have exactly one name.</summary>
    internal NameTable(params (string Name, T Value)[] entries)
    {
        _entries = entries;
        Names = Array.AsReadOnly(entries.Select(e => e.Name).ToArray());
    }

    /// <summary>The names, in the order given (the order a message lists them in).</summary>
    internal IReadOnlyList<string> Names { get; }

    /// <summary>The name of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    internal string NameOf(T value)
    {
        foreach ((string name, T candidate) in _entries)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no value {value}.");
    }

    /// <summary>The value named <paramref name="name"/>, ignoring case and surrounding white space.</summary>
    internal bool TryParse(string? name, out T value)
    {
        string? trimmed = name?.Trim();
        foreach ((string candidate, T candidateValue) in _entries)
        {
            if (string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidateValue;
                return true;
            }
        }

        value = default;
        return false;
    }
}
