using System.Globalization;
using MortgageMath.Resources;

namespace MortgageMath.Affordability;

/// <summary>
/// A named list of <see cref="AffordabilityRule"/>s: the presets for China (commercial and provident-fund loans)
/// and the US, or your own. Compose and override with <see cref="With"/>, <see cref="Without"/> and
/// <see cref="Replace"/>; each returns a new policy. <see cref="Evaluate(Household, Loan, Purchase?)"/> gives an
/// explained report. Immutable.
/// </summary>
/// <example>
/// <code>
/// var household = new Household(new Borrower(12_000m, 35));
/// var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
/// AffordabilityReport report = AffordabilityPolicy.ChinaCommercial.Evaluate(household, loan, new Purchase(1_300_000m, 300_000m));
/// // report.Approved: true; housing-ratio: housing payment 5,307.27 is 44.23% of income 12,000.00; the limit is 50% …
/// var mine = AffordabilityPolicy.ChinaCommercial
///     .Without("age-plus-term")
///     .With(AffordabilityRule.AgePlusTerm("age-plus-term-65", 65, "our bank", AgeBasis.OldestBorrower));
/// </code>
/// </example>
public sealed class AffordabilityPolicy : IEquatable<AffordabilityPolicy>
{
    /// <summary>The most rules a policy may have.</summary>
    public const int MaxRules = 64;

    private const string Cbrc2004 =
        "CBRC 2004 商业银行房地产贷款风险管理指引 (Guidelines on Risk Management of Real Estate Loans of Commercial Banks): monthly housing payment ≤ 50% and all monthly debt payments ≤ 55% of income; weak source, restated by a bank customer-service answer (china-mortgage-conventions.md §5.1)";

    private readonly AffordabilityRule[] _rules;

    /// <summary>Creates a policy.</summary>
    /// <param name="name">The policy's name, 1 to <see cref="AffordabilityRule.MaxNameLength"/> characters, not blank.</param>
    /// <param name="rules">0 to <see cref="MaxRules"/> rules, names unique ignoring case; evaluated in this order.</param>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentException">The name is blank, a rule is null, or two rules share a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">There are more than <see cref="MaxRules"/> rules.</exception>
    public AffordabilityPolicy(string name, params IEnumerable<AffordabilityRule> rules)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrWhiteSpace(name) || name.Length > AffordabilityRule.MaxNameLength)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_PolicyName, AffordabilityRule.MaxNameLength, name), nameof(name));
        }

        AffordabilityRule[] copy = [.. rules];
        if (copy.Length > MaxRules)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), copy.Length,
                Resources.Localized.Format(Resources.LibraryText.Valid_PolicyRulesCount, MaxRules, copy.Length));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int k = 0; k < copy.Length; k++)
        {
            AffordabilityRule rule = copy[k] ?? throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_RuleNull, k + 1), nameof(rules));
            if (!names.Add(rule.Name))
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_RuleNameTwice, rule.Name), nameof(rules));
            }
        }

        Name = name;
        _rules = copy;
        Rules = Array.AsReadOnly(copy);
    }

    /// <summary>The policy's name for people, in <see cref="CultureInfo.CurrentUICulture"/>'s language: a built-in
    /// policy's name translated (<c>China commercial</c> reads 中国商业贷款 in Chinese, also after <see cref="Replace"/>),
    /// any other name as given. <see cref="Name"/> never changes with the culture.</summary>
    public string DisplayName => DisplayNameOf(Name);

    /// <summary><see cref="DisplayName"/> of a policy known by its <see cref="Name"/> (a report keeps only the name).</summary>
    internal static string DisplayNameOf(string name) => name switch
    {
        "China commercial" => LibraryText.PolicyName_ChinaCommercial,
        "China provident fund" => LibraryText.PolicyName_ChinaProvidentFund,
        "US qualified mortgage" => LibraryText.PolicyName_UsQualifiedMortgage,
        _ => name,
    };

    /// <summary>
    /// China, commercial housing loans (商业性个人住房贷款): <c>housing-ratio</c> (housing payment ≤ 50% of monthly
    /// income), <c>debt-ratio</c> (all debt payments ≤ 55%), <c>age-plus-term</c> (main borrower's age + term ≤ 70),
    /// <c>max-term</c> (≤ 30 years) and <c>min-down-payment</c> (≥ 15% of the price). Cities and banks set stricter
    /// limits: override them with <see cref="Replace"/>.
    /// </summary>
    public static AffordabilityPolicy ChinaCommercial { get; } = new("China commercial",
        AffordabilityRule.HousingPaymentToIncome("housing-ratio", Percentage.Percent(50m), Cbrc2004),
        AffordabilityRule.DebtPaymentsToIncome("debt-ratio", Percentage.Percent(55m), Cbrc2004),
        AffordabilityRule.AgePlusTerm("age-plus-term", 70,
            "Common bank practice: borrower's age + term ≤ 70 (some banks 65; ICBC from 2018: ≤ 75); weak sources (china-mortgage-conventions.md §5.2)"),
        AffordabilityRule.MaxTerm("max-term", 30,
            "Residential housing loans: term ≤ 30 years (BOC: RMB loans ≤ 30 years; commercial property 10 years); weak sources (china-mortgage-conventions.md §5.2)"),
        AffordabilityRule.MinDownPayment("min-down-payment", Percentage.Percent(15m),
            "PBoC notice of 2024-09-24 (announced 2024-09-29): minimum down payment 15% for first and second homes; cities may set higher (china-mortgage-conventions.md §5.3)"));

    /// <summary>
    /// US qualified-mortgage style ratios: <c>front-end</c> (housing costs ≤ 28% of gross monthly income),
    /// <c>back-end</c> (all debt payments ≤ 36%) and <c>qm-dti</c> (all debt payments ≤ 43%). Put property tax and
    /// insurance in <see cref="Household.MonthlyHousingCosts"/>.
    /// </summary>
    public static AffordabilityPolicy UsQualifiedMortgage { get; } = new("US qualified mortgage",
        AffordabilityRule.HousingPaymentToIncome("front-end", Percentage.Percent(28m),
            "The 28/36 rule: housing costs ≤ 28% of gross income (budgeting.thenest.com/28-36-rule-debt-ratio-22412.html; china-mortgage-conventions.md §5.5)"),
        AffordabilityRule.DebtPaymentsToIncome("back-end", Percentage.Percent(36m),
            "The 28/36 rule: all debt payments ≤ 36% of gross income (budgeting.thenest.com/28-36-rule-debt-ratio-22412.html; china-mortgage-conventions.md §5.5)"),
        AffordabilityRule.DebtPaymentsToIncome("qm-dti", Percentage.Percent(43m),
            "CFPB General QM 43% DTI cap (from 2014); replaced in December 2020 by a price test (APR − APOR < 2.25 points), DTI still to be considered; kept here as a DTI check (china-mortgage-conventions.md §5.5)"));

    /// <summary>The policy's name.</summary>
    public string Name { get; }

    /// <summary>True when both policies have the same name and equal rules in the same order (the evaluation order).</summary>
    /// <param name="other">The other policy.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AffordabilityPolicy? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && _rules.AsSpan().SequenceEqual(other._rules));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AffordabilityPolicy other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Sequences.Hash(_rules));

    /// <summary>True when both are equal policies (or both null).</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AffordabilityPolicy? left, AffordabilityPolicy? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the policies differ.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AffordabilityPolicy? left, AffordabilityPolicy? right) => !(left == right);

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<AffordabilityRule> Rules { get; }

    /// <summary>
    /// China, housing provident-fund loans (公积金贷款), with the city's figures passed in as data (caps change often):
    /// <c>pf-max-term</c> (≤ 30 years), <c>pf-retirement</c> (the loan ends by the borrower's statutory retirement age),
    /// <c>pf-balance-multiple</c> (loan ≤ <see cref="Household.ProvidentFundBalance"/> × <paramref name="multiple"/>) and
    /// <c>pf-city-cap</c> (loan ≤ <paramref name="cityCap"/>). For a combined loan these judge the leg named
    /// <see cref="PurchaseSplit.ProvidentFundLeg"/>; add the income rules with <see cref="With"/> if the fund applies them.
    /// </summary>
    /// <param name="multiple">The city's multiple of the balance, 0 to <see cref="ProvidentFundCap.MaxMultiple"/>.</param>
    /// <param name="cityCap">The city's cap for this household, 0 to <see cref="Loan.MaxPrincipal"/>.</param>
    /// <param name="retirementAge">The retirement age for borrowers without <see cref="Borrower.RetirementAge"/>; 60 by default
    /// (men's statutory age before the 2025 reform, which raises it gradually to 63).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A figure is out of range; the message names it, its value and the range.</exception>
    public static AffordabilityPolicy ChinaProvidentFund(decimal multiple, decimal cityCap, int retirementAge = 60) => new("China provident fund",
        AffordabilityRule.MaxTerm("pf-max-term", 30,
            "Provident-fund loans: term ≤ 30 years; weak source (china-mortgage-conventions.md §5.2)"),
        AffordabilityRule.TermWithinRetirement("pf-retirement", retirementAge,
            "Provident-fund loans: the term ends within the borrower's statutory retirement age; weak source (china-mortgage-conventions.md §5.2)"),
        AffordabilityRule.ProvidentFundBalanceMultiple("pf-balance-multiple", multiple,
            "Loanable amount = account balance × the city's multiple (8 to 30); city data (china-mortgage-conventions.md §5.4)"),
        AffordabilityRule.ProvidentFundCityCap("pf-city-cap", cityCap,
            "The city's individual or family cap (e.g. Shanghai first home 2.4M); city data, changes often (china-mortgage-conventions.md §5.4)"));

    /// <summary>The rule named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The rule's name.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">No rule has that name; the message lists the names.</exception>
    public AffordabilityRule Rule(string name) => _rules[IndexOf(name)];

    /// <summary>A copy with <paramref name="rule"/> added at the end.</summary>
    /// <param name="rule">The rule; its name must not be in the policy yet (use <see cref="Replace"/>).</param>
    /// <returns>The new policy; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule of that name exists.</exception>
    public AffordabilityPolicy With(AffordabilityRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AffordabilityPolicy(Name, [.. _rules, rule]);
    }

    /// <summary>A copy without the rule named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The rule's name.</param>
    /// <returns>The new policy; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">No rule has that name.</exception>
    public AffordabilityPolicy Without(string name)
    {
        int at = IndexOf(name);
        return new AffordabilityPolicy(Name, _rules.Where((_, k) => k != at));
    }

    /// <summary>A copy with the rule named <paramref name="name"/> replaced by <paramref name="rule"/>, in the same place
    /// (e.g. a stricter limit: <c>policy.Replace("housing-ratio", AffordabilityRule.HousingPaymentToIncome("housing-ratio", Percentage.Percent(40m), "our bank"))</c>).</summary>
    /// <param name="name">The name of the rule to replace.</param>
    /// <param name="rule">The new rule (its name may differ).</param>
    /// <returns>The new policy; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">No rule has that name, or the new rule's name is another rule's.</exception>
    public AffordabilityPolicy Replace(string name, AffordabilityRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        int at = IndexOf(name);
        AffordabilityRule[] copy = [.. _rules];
        copy[at] = rule;
        return new AffordabilityPolicy(Name, copy);
    }

    /// <summary>A copy with another name.</summary>
    /// <param name="name">The new name.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public AffordabilityPolicy Named(string name) => new(name, _rules);

    /// <summary>Judges a loan for a household: every rule with its figures, the payment judged and the verdict.</summary>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="loan">Any loan the library builds (fixed, floating, stepped, balloon, interest first); judged on
    /// its highest scheduled payment (see <see cref="HighestPayment"/>).</param>
    /// <param name="purchase">The price and down payment, needed by the price rules (null: those rules are not
    /// applicable); the loan's principal plus the down payment must equal the price.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">The household or loan is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The household's income is 0.</exception>
    /// <exception cref="ArgumentException">The loan and purchase do not add up, or the loan's terms do not fit together.</exception>
    public AffordabilityReport Evaluate(Household household, Loan loan, Purchase? purchase = null) =>
        Evaluate(AffordabilityCase.For(household, loan, purchase));

    /// <summary>Judges a combined loan (组合贷款) for a household on the legs' summed monthly payments; the
    /// provident-fund rules judge the leg named <see cref="PurchaseSplit.ProvidentFundLeg"/>.</summary>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="loan">The combined loan.</param>
    /// <param name="purchase">The price and down payment (null: the price rules are not applicable); the loan's
    /// principal plus the down payment must equal the price.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">The household or loan is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The household's income is 0.</exception>
    /// <exception cref="ArgumentException">The loan and purchase do not add up, or a leg's terms do not fit together.</exception>
    public AffordabilityReport Evaluate(Household household, CombinedLoan loan, Purchase? purchase = null) =>
        Evaluate(AffordabilityCase.For(household, loan, purchase));

    /// <summary>The policy's name and rules, one per line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + ":\n" + string.Concat(_rules.Select(r => "  " + r + "\n"));

    internal AffordabilityReport Evaluate(AffordabilityCase c)
    {
        var results = new RuleResult[_rules.Length];
        for (int k = 0; k < _rules.Length; k++)
        {
            results[k] = _rules[k].Evaluate(c);
        }

        return new AffordabilityReport(Name, results, c.Highest, c.Income, c.LoanAmount);
    }

    internal bool Passes(AffordabilityCase c)
    {
        foreach (AffordabilityRule rule in _rules)
        {
            if (!rule.Passes(c))
            {
                return false;
            }
        }

        return true;
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int k = 0; k < _rules.Length; k++)
        {
            if (string.Equals(_rules[k].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        throw new ArgumentException(
            Resources.Localized.Format(Resources.LibraryText.Valid_PolicyNoSuchRule, Name, name, _rules.Length == 0 ? Resources.LibraryText.Valid_None : string.Join(Resources.LibraryText.Valid_ListSeparator, _rules.Select(r => r.Name))), nameof(name));
    }
}
