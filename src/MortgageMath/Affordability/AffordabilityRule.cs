using System.Globalization;
using MortgageMath.Resources;

namespace MortgageMath.Affordability;

/// <summary>
/// One affordability rule as data: a name, a limit and the source it comes from. Rules are made by the factory
/// methods (one per kind of rule) and composed into an <see cref="AffordabilityPolicy"/>; to change a limit, replace
/// the rule with one of the same name (<see cref="AffordabilityPolicy.Replace"/>). Every verdict is exact: money is
/// compared with a percentage of money as exact rationals, never rounded first. Immutable, and a value: two rules are
/// equal when they are the same kind with the same name (case-sensitive), source and limits, and equal rules have equal
/// hash codes.
/// </summary>
/// <example>
/// <code>
/// var rule = AffordabilityRule.HousingPaymentToIncome("housing-ratio", Percentage.Percent(50m), "CBRC 2004");
/// var stricter = AffordabilityPolicy.ChinaCommercial.Replace("housing-ratio",
///     AffordabilityRule.HousingPaymentToIncome("housing-ratio", Percentage.Percent(40m), "our bank"));
/// </code>
/// </example>
public abstract class AffordabilityRule : IEquatable<AffordabilityRule>
{
    /// <summary>The longest rule name accepted, in characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest source text accepted, in characters.</summary>
    public const int MaxSourceLength = 1000;

    /// <summary>The longest term a term rule accepts, in years.</summary>
    public const int MaxYears = 200;

    private protected AffordabilityRule(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Trim().Length != name.Length)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_RuleName, MaxNameLength, name), nameof(name));
        }

        if (string.IsNullOrWhiteSpace(source) || source.Length > MaxSourceLength)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_RuleSource, MaxSourceLength, source), nameof(source));
        }

        Name = name;
        Source = source;
    }

    /// <summary>The rule's name, unique (ignoring case) within a policy, e.g. <c>housing-ratio</c>.</summary>
    public string Name { get; }

    /// <summary>Where the rule comes from (a regulation, a bank's practice), with how strong the source is.</summary>
    public string Source { get; }

    /// <summary>What the rule requires, e.g. "housing payment ≤ 50% of monthly income".</summary>
    public abstract string Description { get; }

    /// <summary>True when the rule's limit is a minimum (the figure must be at least it: <see cref="MinDownPayment"/>),
    /// false when it is a maximum (every other kind of rule). Renderers use it to write "≥" or "≤" before the limit.</summary>
    public virtual bool LimitIsMinimum => false;

    /// <summary>True when the rule judges the provident-fund loan (贷款额度, the leg named
    /// <see cref="PurchaseSplit.ProvidentFundLeg"/> of a combined loan) rather than the whole loan or the household:
    /// <see cref="ProvidentFundBalanceMultiple"/>, <see cref="ProvidentFundCityCap"/> and
    /// <see cref="TermWithinRetirement"/>. Such a rule reads <see cref="Household.ProvidentFundBalance"/> or the
    /// provident-fund leg's term, so changing only another leg of a combined loan does not change its figures.</summary>
    public virtual bool JudgesProvidentFundLoan => false;

    /// <summary>
    /// The highest loan payment (see <see cref="Affordability.HighestPayment"/>) plus the household's other housing
    /// costs is at most <paramref name="max"/> of the household's monthly income (China: 50%; US front end: 28%).
    /// </summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="max">The highest share of income allowed.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule HousingPaymentToIncome(string name, Percentage max, string source) => new IncomeRatioRule(name, source, max, false);

    /// <summary>
    /// The housing payment plus the household's other debt payments is at most <paramref name="max"/> of the monthly
    /// income (China: 55%; US back end: 36%; US QM: 43%).
    /// </summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="max">The highest share of income allowed.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule DebtPaymentsToIncome(string name, Percentage max, string source) => new IncomeRatioRule(name, source, max, true);

    /// <summary>A borrower's age plus the term in years (a part year counts as a whole one) is at most <paramref name="maxYears"/> (commonly 70).</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="maxYears">The limit, 1 to <see cref="MaxYears"/>.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <param name="basis">Whose age: the main borrower's (default) or the oldest borrower's.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit or basis is out of range.</exception>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule AgePlusTerm(string name, int maxYears, string source, AgeBasis basis = AgeBasis.MainBorrower) =>
        new AgeRule(name, source, Years(maxYears, nameof(maxYears)), null, Basis(basis));

    /// <summary>The term (a combined loan: its longest leg) is at most <paramref name="maxYears"/> years (China residential: 30).</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="maxYears">The limit, 1 to <see cref="MaxYears"/>.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is out of range.</exception>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule MaxTerm(string name, int maxYears, string source) => new TermRule(name, source, Years(maxYears, nameof(maxYears)));

    /// <summary>
    /// The loan ends by the borrower's retirement age: age + term in years (a part year counts as a whole one) is at most
    /// <see cref="Borrower.RetirementAge"/>, or <paramref name="retirementAge"/> for a borrower without one. For a
    /// combined loan the term is the provident-fund leg's (the leg named <see cref="PurchaseSplit.ProvidentFundLeg"/>).
    /// </summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="retirementAge">The retirement age assumed for a borrower without one, <see cref="Borrower.MinAge"/> to <see cref="Borrower.MaxAge"/>.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <param name="basis">Whose age: the main borrower's (default) or the oldest borrower's.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The retirement age or basis is out of range.</exception>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule TermWithinRetirement(string name, int retirementAge, string source, AgeBasis basis = AgeBasis.MainBorrower)
    {
        if (retirementAge is < Borrower.MinAge or > Borrower.MaxAge)
        {
            throw new ArgumentOutOfRangeException(nameof(retirementAge), retirementAge,
                Resources.Localized.Format(Resources.LibraryText.Valid_RetirementAgeRange, Borrower.MinAge, Borrower.MaxAge, retirementAge));
        }

        return new AgeRule(name, source, retirementAge, retirementAge, Basis(basis));
    }

    /// <summary>The down payment is at least <paramref name="min"/> of the price (China from 2024-09-24: 15%). Needs a <see cref="Purchase"/>.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="min">The lowest share of the price allowed.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule MinDownPayment(string name, Percentage min, string source) => new PriceShareRule(name, source, min, true);

    /// <summary>The loan is at most <paramref name="max"/> of the price (loan-to-value; CBRC 2004: 80%). Needs a <see cref="Purchase"/>.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="max">The highest share of the price allowed.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule MaxLoanToValue(string name, Percentage max, string source) => new PriceShareRule(name, source, max, false);

    /// <summary>
    /// The provident-fund loan is at most the household's <see cref="Household.ProvidentFundBalance"/> ×
    /// <paramref name="multiple"/> (贷款额度 = 余额 × 倍数; cities use about 8 to 30). For a combined loan the
    /// amount is the leg named <see cref="PurchaseSplit.ProvidentFundLeg"/>, otherwise the whole loan.
    /// </summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="multiple">The city's multiple, 0 to <see cref="ProvidentFundCap.MaxMultiple"/>.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The multiple is out of range.</exception>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule ProvidentFundBalanceMultiple(string name, decimal multiple, string source)
    {
        if (multiple is < 0m or > ProvidentFundCap.MaxMultiple)
        {
            throw new ArgumentOutOfRangeException(nameof(multiple), multiple,
                Resources.Localized.Format(Resources.LibraryText.Valid_FundMultipleRange, multiple));
        }

        return new AmountRule(name, source, multiple, true);
    }

    /// <summary>The provident-fund loan (as in <see cref="ProvidentFundBalanceMultiple"/>) is at most the city's cap, given as data.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="cap">The cap, 0 to <see cref="Loan.MaxPrincipal"/>.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is out of range.</exception>
    /// <exception cref="ArgumentException">The name or source is not valid.</exception>
    public static AffordabilityRule ProvidentFundCityCap(string name, decimal cap, string source) =>
        new AmountRule(name, source, Household.Amount(cap, nameof(cap), nameof(Resources.LibraryText.Valid_Subject_CityCap)), false);

    /// <summary>The rule's name, what it requires and its source.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name}: {Description} [{Source}]";

    /// <summary>True when both are the same kind of rule with the same name, source and limits.</summary>
    /// <param name="other">The other rule.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AffordabilityRule? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && other.GetType() == GetType() && Name == other.Name && Source == other.Source && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is AffordabilityRule other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => HashCode.Combine(Name, GetHashCodeCore());

    /// <summary>True when both are the same rule (or both null).</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AffordabilityRule? left, AffordabilityRule? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the rules differ.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AffordabilityRule? left, AffordabilityRule? right) => !(left == right);

    /// <summary>Compares the limits of two rules of the same type.</summary>
    private protected abstract bool EqualsCore(AffordabilityRule other);

    /// <summary>A hash of the limits, equal for equal rules.</summary>
    private protected abstract int GetHashCodeCore();

    /// <summary>Whether the rule passes (not applicable counts as passing), decided exactly and cheaply.</summary>
    internal abstract bool Passes(AffordabilityCase c);

    /// <summary>The full result with figures and explanation.</summary>
    internal abstract RuleResult Evaluate(AffordabilityCase c);

    /// <summary>An estimate of how many times larger the loan could be (the down payment held) and still pass; null
    /// when the rule does not depend on the loan amount. Only a starting point for the exact search.</summary>
    internal virtual decimal? LoanScale(AffordabilityCase c) => null;

    /// <summary>An estimate of the lowest income that passes; null when the rule does not read income.</summary>
    internal virtual decimal? MinIncome(AffordabilityCase c) => null;

    private static int Years(int years, string name)
    {
        if (years is < 1 or > MaxYears)
        {
            throw new ArgumentOutOfRangeException(name, years,
                Resources.Localized.Format(Resources.LibraryText.Valid_YearsLimitRange, MaxYears, years));
        }

        return years;
    }

    private static AgeBasis Basis(AgeBasis basis)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, Resources.Localized.Format(Resources.LibraryText.Valid_AgeBasis, (int)basis));
        }

        return basis;
    }

    private static string Money(decimal amount) => HighestPayment.Money(amount);

    private static int TermYears(int periods) => (periods + 11) / 12;

    private static decimal Scale(decimal allowed, decimal current) => current <= 0m ? decimal.MaxValue : Math.Max(0m, allowed) / current;

    /// <summary>Housing (or all debt) payments ≤ a share of income.</summary>
    private sealed class IncomeRatioRule(string name, string source, Percentage max, bool allDebts) : AffordabilityRule(name, source)
    {
        private (Percentage, bool) Terms => (max, allDebts);

        private protected override bool EqualsCore(AffordabilityRule other) => Terms == ((IncomeRatioRule)other).Terms;

        private protected override int GetHashCodeCore() => Terms.GetHashCode();

        public override string Description => Localized.Format(allDebts ? LibraryText.Desc_DebtToIncome : LibraryText.Desc_HousingToIncome, max);

        private decimal Burden(AffordabilityCase c) => c.HousingPayment + (allDebts ? c.Household.MonthlyDebtPayments : 0m);

        internal override bool Passes(AffordabilityCase c) => Exact.CompareToShare(Burden(c), max, c.Income) <= 0;

        internal override RuleResult Evaluate(AffordabilityCase c)
        {
            decimal burden = Burden(c);
            bool passed = Passes(c);
            decimal actual = Exact.PercentOf(burden, c.Income);
            decimal limit = Exact.Percent(max);
            decimal allowed = Exact.Share(max, c.Income, up: false);
            decimal headroom = allowed - burden;
            string parts = allDebts
                ? Localized.Format(LibraryText.Income_AllDebts, Money(burden), Money(c.HousingPayment), Money(c.Household.MonthlyDebtPayments))
                : c.Household.MonthlyHousingCosts == 0m
                    ? Localized.Format(LibraryText.Income_Housing, Money(burden))
                    : Localized.Format(LibraryText.Income_HousingWithCosts, Money(burden), Money(c.Highest.Amount), Money(c.Household.MonthlyHousingCosts));
            string explanation = Localized.Format(LibraryText.Income_Share, parts, Exact.Pct(actual, limit), Money(c.Income), max, Money(allowed)) +
                (passed
                    ? Localized.Format(LibraryText.Margin, Exact.Points(limit - actual), Money(headroom))
                    : Localized.Format(LibraryText.OverBy, Exact.Points(limit - actual), Money(-headroom)));
            return new RuleResult(this, passed ? RuleOutcome.Passed : RuleOutcome.Failed, actual, limit, limit - actual, headroom, RuleUnit.Percent, explanation);
        }

        internal override decimal? LoanScale(AffordabilityCase c)
        {
            decimal others = c.Household.MonthlyHousingCosts + (allDebts ? c.Household.MonthlyDebtPayments : 0m);
            return Scale(Exact.Share(max, c.Income, up: false) - others, c.Highest.Amount);
        }

        internal override decimal? MinIncome(AffordabilityCase c)
        {
            decimal percent = Exact.Percent(max);
            return percent == 0m ? null : Burden(c) * 100m / percent;
        }
    }

    /// <summary>Age + term ≤ a limit (or ≤ the retirement age).</summary>
    private sealed class AgeRule(string name, string source, int limit, int? retirementAge, AgeBasis basis) : AffordabilityRule(name, source)
    {
        private (int, int?, AgeBasis) Terms => (limit, retirementAge, basis);

        private protected override bool EqualsCore(AffordabilityRule other) => Terms == ((AgeRule)other).Terms;

        private protected override int GetHashCodeCore() => Terms.GetHashCode();

        public override bool JudgesProvidentFundLoan => retirementAge is not null;

        public override string Description => retirementAge is { } r
            ? Localized.Format(LibraryText.Desc_AgeRetirement, Whose, r)
            : Localized.Format(LibraryText.Desc_AgePlusTerm, Whose, limit);

        private string Whose => basis == AgeBasis.MainBorrower ? LibraryText.Age_MainBorrower : LibraryText.Age_OldestBorrower;

        private Borrower Borrower(AffordabilityCase c) =>
            basis == AgeBasis.MainBorrower ? c.Household.Borrowers[0] : c.Household.Borrowers.MaxBy(b => b.Age)!;

        private int Limit(AffordabilityCase c) => retirementAge is null ? limit : Borrower(c).RetirementAge ?? limit;

        private int Term(AffordabilityCase c) => TermYears(retirementAge is null ? c.Periods : c.ProvidentFundPeriods);

        internal override bool Passes(AffordabilityCase c) => Borrower(c).Age + Term(c) <= Limit(c);

        internal override RuleResult Evaluate(AffordabilityCase c)
        {
            int age = Borrower(c).Age;
            int term = Term(c);
            int max = Limit(c);
            int margin = max - (age + term);
            string limitText = retirementAge is null
                ? Localized.Format(LibraryText.Age_Limit, max)
                : Localized.Format(LibraryText.Age_Retirement, max, Borrower(c).RetirementAge is null ? LibraryText.Age_Assumed : "");
            string explanation = Localized.Format(margin >= 0 ? LibraryText.Age_Margin : LibraryText.Age_Over,
                Whose, age, term, age + term, limitText, Math.Abs(margin));
            return new RuleResult(this, margin >= 0 ? RuleOutcome.Passed : RuleOutcome.Failed, age + term, max, margin, null, RuleUnit.Years, explanation);
        }
    }

    /// <summary>Term ≤ a number of years.</summary>
    private sealed class TermRule(string name, string source, int maxYears) : AffordabilityRule(name, source)
    {
        private int Limit => maxYears;

        private protected override bool EqualsCore(AffordabilityRule other) => maxYears == ((TermRule)other).Limit;

        private protected override int GetHashCodeCore() => maxYears;

        public override string Description => Localized.Format(LibraryText.Desc_MaxTerm, maxYears);

        internal override bool Passes(AffordabilityCase c) => c.Periods <= maxYears * 12;

        internal override RuleResult Evaluate(AffordabilityCase c)
        {
            decimal years = FixedPoint.Normalize(c.Periods / 12m);
            decimal margin = maxYears - years;
            bool passed = Passes(c);
            string explanation = Localized.Format(passed ? LibraryText.Term_Margin : LibraryText.Term_Over, c.Periods,
                decimal.Round(years, 2).ToString("0.##", CultureInfo.InvariantCulture), maxYears,
                decimal.Round(Math.Abs(margin), 2).ToString("0.##", CultureInfo.InvariantCulture));
            return new RuleResult(this, passed ? RuleOutcome.Passed : RuleOutcome.Failed, years, maxYears, margin, null, RuleUnit.Years, explanation);
        }
    }

    /// <summary>Down payment ≥ a share of the price, or loan ≤ a share of the price.</summary>
    private sealed class PriceShareRule(string name, string source, Percentage share, bool isDownPayment) : AffordabilityRule(name, source)
    {
        private (Percentage, bool) Terms => (share, isDownPayment);

        private protected override bool EqualsCore(AffordabilityRule other) => Terms == ((PriceShareRule)other).Terms;

        private protected override int GetHashCodeCore() => Terms.GetHashCode();

        public override bool LimitIsMinimum => isDownPayment;

        public override string Description => Localized.Format(isDownPayment ? LibraryText.Desc_MinDownPayment : LibraryText.Desc_LoanToPrice, share);

        internal override bool Passes(AffordabilityCase c) => c.Purchase is not { } p || (isDownPayment
            ? Exact.CompareToShare(p.DownPayment, share, p.Price) >= 0
            : Exact.CompareToShare(c.LoanAmount, share, p.Price) <= 0);

        internal override RuleResult Evaluate(AffordabilityCase c)
        {
            decimal limit = Exact.Percent(share);
            if (c.Purchase is not { } p)
            {
                return new RuleResult(this, RuleOutcome.NotApplicable, 0m, limit, 0m, null, RuleUnit.Percent,
                    LibraryText.Price_NoPurchase);
            }

            bool passed = Passes(c);
            decimal amount = isDownPayment ? p.DownPayment : c.LoanAmount;
            decimal actual = Exact.PercentOf(amount, p.Price);
            decimal margin = isDownPayment ? actual - limit : limit - actual;
            decimal bound = Exact.Share(share, p.Price, up: isDownPayment);
            decimal headroom = isDownPayment ? amount - bound : bound - amount;
            string explanation = Localized.Format(isDownPayment ? LibraryText.Price_DownPayment : LibraryText.Price_Loan,
                    Money(amount), Exact.Pct(actual, limit), Money(p.Price), share, Money(bound)) +
                Localized.Format(passed ? LibraryText.Margin : isDownPayment ? LibraryText.ShortBy : LibraryText.OverBy, Exact.Points(margin), Money(Math.Abs(headroom)));
            return new RuleResult(this, passed ? RuleOutcome.Passed : RuleOutcome.Failed, actual, limit, margin, headroom, RuleUnit.Percent, explanation);
        }

        internal override decimal? LoanScale(AffordabilityCase c)
        {
            if (c.Purchase is not { } p || c.LoanAmount <= 0m)
            {
                return null;
            }

            // The down payment held: down ≥ s·(down + loan) ⇔ loan ≤ down·(1 − s)/s; loan ≤ s·(down + loan) ⇔ loan ≤ down·s/(1 − s).
            decimal s = Exact.Percent(share) / 100m;
            decimal maxLoan = isDownPayment
                ? (s == 0m ? decimal.MaxValue : p.DownPayment * (1m - s) / s)
                : (s >= 1m ? decimal.MaxValue : p.DownPayment * s / (1m - s));
            return maxLoan == decimal.MaxValue ? null : Scale(maxLoan, c.LoanAmount);
        }
    }

    /// <summary>Provident-fund loan ≤ balance × multiple, or ≤ a city cap.</summary>
    private sealed class AmountRule(string name, string source, decimal value, bool isMultiple) : AffordabilityRule(name, source)
    {
        // decimal compares and hashes by value: 20 and 20.0 are the same multiple.
        private (decimal, bool) Terms => (value, isMultiple);

        private protected override bool EqualsCore(AffordabilityRule other) => Terms == ((AmountRule)other).Terms;

        private protected override int GetHashCodeCore() => Terms.GetHashCode();

        public override bool JudgesProvidentFundLoan => true;

        public override string Description => isMultiple
            ? Localized.Format(LibraryText.Desc_ProvidentFundMultiple, value)
            : Localized.Format(LibraryText.Desc_ProvidentFundCap, Money(value));

        private decimal Limit(AffordabilityCase c) => isMultiple ? c.Household.ProvidentFundBalance * value : value;

        internal override bool Passes(AffordabilityCase c) => c.ProvidentFundAmount <= Limit(c);

        internal override RuleResult Evaluate(AffordabilityCase c)
        {
            decimal limit = Limit(c);
            decimal margin = limit - c.ProvidentFundAmount;
            bool passed = margin >= 0m;
            string limitText = isMultiple
                ? Localized.Format(LibraryText.Fund_BalanceLimit, Money(c.Household.ProvidentFundBalance), value, Money(limit))
                : Localized.Format(LibraryText.Fund_CityCap, Money(limit));
            string explanation = Localized.Format(passed ? LibraryText.Fund_Margin : LibraryText.Fund_Over,
                Money(c.ProvidentFundAmount), limitText, Money(Math.Abs(margin)));
            return new RuleResult(this, passed ? RuleOutcome.Passed : RuleOutcome.Failed, c.ProvidentFundAmount, limit, margin, margin, RuleUnit.Money, explanation);
        }

        internal override decimal? LoanScale(AffordabilityCase c) => Scale(Limit(c), c.ProvidentFundAmount);
    }
}
