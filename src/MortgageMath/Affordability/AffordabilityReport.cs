using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using MortgageMath.Resources;

namespace MortgageMath.Affordability;

/// <summary>How one rule came out.</summary>
public enum RuleOutcome
{
    /// <summary>The figure is within the limit.</summary>
    Passed = 0,

    /// <summary>The figure is beyond the limit.</summary>
    Failed = 1,

    /// <summary>The rule needs data that was not given (a price-based rule when no purchase was given).</summary>
    NotApplicable = 2,
}

/// <summary>The unit of a rule's figure, limit and margin.</summary>
public enum RuleUnit
{
    /// <summary>Percent of income or of the price; the margin is in percentage points.</summary>
    Percent = 0,

    /// <summary>Years (an age, a term).</summary>
    Years = 1,

    /// <summary>Money (a loan amount).</summary>
    Money = 2,
}

/// <summary>One rule's verdict with its figures: the actual figure, the limit and the margin between them.</summary>
public sealed partial class RuleResult
{
    internal RuleResult(AffordabilityRule rule, RuleOutcome outcome, decimal actual, decimal limit, decimal margin,
        decimal? headroom, RuleUnit unit, string explanation)
    {
        Rule = rule.Name;
        Source = rule.Source;
        Outcome = outcome;
        Actual = actual;
        Limit = limit;
        Margin = margin;
        Headroom = headroom;
        Unit = unit;
        Explanation = explanation;
        LimitIsMinimum = rule.LimitIsMinimum;
    }

    /// <summary>The rule's name.</summary>
    public string Rule { get; }

    /// <summary>Where the rule comes from.</summary>
    public string Source { get; }

    /// <summary>Passed, failed or not applicable.</summary>
    public RuleOutcome Outcome { get; }

    /// <summary>True when the rule passed.</summary>
    public bool Passed => Outcome == RuleOutcome.Passed;

    /// <summary>The actual figure in <see cref="Unit"/> (a percentage is shown exactly as far as <c>decimal</c> holds
    /// it; the verdict itself is decided exactly, never from this figure); 0 when not applicable.</summary>
    public decimal Actual { get; }

    /// <summary>The rule's limit in <see cref="Unit"/>.</summary>
    public decimal Limit { get; }

    /// <summary>True when <see cref="Limit"/> is a minimum (the figure must be at least the limit, as for a minimum
    /// down payment), false when it is a maximum (every other rule); see <see cref="AffordabilityRule.LimitIsMinimum"/>.</summary>
    public bool LimitIsMinimum { get; }

    /// <summary>How far the figure is inside the limit, in <see cref="Unit"/> (percentage points for a percentage):
    /// positive or 0 when passed, negative when failed.</summary>
    public decimal Margin { get; }

    /// <summary>For rules on money (a payment, a down payment, a loan amount): how much that amount could change and
    /// still pass, to the cent (negative: how much it must change to pass); null for rules on years.</summary>
    public decimal? Headroom { get; }

    /// <summary>The unit of <see cref="Actual"/>, <see cref="Limit"/> and <see cref="Margin"/>.</summary>
    public RuleUnit Unit { get; }

    /// <summary>One sentence with the figures, e.g. "housing payment 5,307.27 is 44.23% of income 12,000.00; the limit
    /// is 50%, which allows 6,000.00; margin 5.77 points (692.73)".</summary>
    public string Explanation { get; }

    /// <summary>The verdict, the rule's name and the explanation.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{(Outcome switch { RuleOutcome.Passed => "PASS", RuleOutcome.Failed => "FAIL", _ => "N/A " })} {Rule}: {Explanation}";
}

/// <summary>
/// The explained verdict of an <see cref="AffordabilityPolicy"/> on one household and loan: each rule's result with
/// its figures, the payment judged and the overall verdict. Made by <see cref="AffordabilityPolicy.Evaluate(Household, Loan, Purchase?)"/>.
/// </summary>
public sealed partial class AffordabilityReport
{
    internal AffordabilityReport(string policy, IList<RuleResult> results, HighestPayment highest, decimal income, decimal loanAmount)
    {
        Policy = policy;
        Results = new ReadOnlyCollection<RuleResult>(results);
        HighestPayment = highest;
        MonthlyIncome = income;
        LoanAmount = loanAmount;
        Approved = results.All(r => r.Outcome != RuleOutcome.Failed);
    }

    /// <summary>The policy's name.</summary>
    public string Policy { get; }

    /// <summary>One result per rule, in the policy's order.</summary>
    public IReadOnlyList<RuleResult> Results { get; }

    /// <summary>True when no rule failed.</summary>
    public bool Approved { get; }

    /// <summary>The results that failed.</summary>
    public IReadOnlyList<RuleResult> Failures => [.. Results.Where(r => r.Outcome == RuleOutcome.Failed)];

    /// <summary>The loan payment the income rules judged, and which payment it is.</summary>
    public HighestPayment HighestPayment { get; }

    /// <summary>The household's monthly income.</summary>
    public decimal MonthlyIncome { get; }

    /// <summary>The amount lent (all legs of a combined loan).</summary>
    public decimal LoanAmount { get; }

    /// <summary>The result of the rule named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The rule's name.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">No rule has that name; the message lists the names.</exception>
    public RuleResult Result(string name) =>
        Results.FirstOrDefault(r => string.Equals(r.Rule, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_ReportNoSuchRule, name, string.Join(Resources.LibraryText.Valid_ListSeparator, Results.Select(r => r.Rule))), nameof(name));

    /// <summary>The overall verdict in one line.</summary>
    public string Verdict
    {
        get
        {
            if (!Approved)
            {
                string failing = string.Join(LibraryText.Verdict_RuleSeparator, Failures.Select(r => r.Rule));
                return Localized.Format(LibraryText.Verdict_Declined, AffordabilityPolicy.DisplayNameOf(Policy),
                    Localized.Format(Failures.Count == 1 ? LibraryText.Verdict_Fail : LibraryText.Verdict_Fails, failing));
            }

            int passed = Results.Count(r => r.Passed);
            string passing = Localized.Format(passed == 1 ? LibraryText.Verdict_Pass : LibraryText.Verdict_Passes, passed);
            string notApplicable = Results.Count == passed ? "" : Localized.Format(LibraryText.Verdict_NotApplicable, Results.Count - passed);
            return Localized.Format(LibraryText.Verdict_Approved, AffordabilityPolicy.DisplayNameOf(Policy), passing + notApplicable);
        }
    }

    /// <summary>The verdict, the payment judged and one line per rule.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Verdict).Append('\n');
        text.Append("loan ").Append(HighestPayment.Money(LoanAmount)).Append(", income ").Append(HighestPayment.Money(MonthlyIncome))
            .Append("; ").Append(HighestPayment.Description).Append('\n');
        foreach (RuleResult result in Results)
        {
            text.Append("  ").Append(result).Append('\n');
        }

        return text.ToString();
    }
}
