using System.Collections.ObjectModel;
using System.Globalization;
using MortgageMath.Resources;

namespace MortgageMath.Affordability;

/// <summary>
/// The answer of an <see cref="AffordabilitySolver"/>: the boundary value, the report at it, and the report one minor
/// unit (one cent) beyond it, which fails: the proof that the value is the boundary.
/// </summary>
public sealed partial class AffordabilitySolution
{
    internal AffordabilitySolution(AffordabilityTarget target, string question, decimal? value, AffordabilityReport report, decimal? beyondValue,
        AffordabilityReport? beyond, string explanation, int evaluations)
    {
        Target = target;
        Question = question;
        Value = value;
        Report = report;
        BeyondValue = beyondValue;
        Beyond = beyond;
        Explanation = explanation;
        Evaluations = evaluations;
        IReadOnlyList<RuleResult> binding = (value is null ? report : beyond)?.Failures ?? [];
        BindingRules = new ReadOnlyCollection<string>([.. binding.Select(r => r.Rule)]);
    }

    /// <summary>What was solved for, as data: <see cref="Question"/> is its text.</summary>
    public AffordabilityTarget Target { get; }

    /// <summary>What was solved for: "the largest loan", "the lowest monthly income" or "the largest price".</summary>
    public string Question { get; }

    /// <summary>True when some value passes the policy.</summary>
    public bool Found => Value is not null;

    /// <summary>The boundary: the largest loan or price, or the lowest total monthly income, that passes, to the minor
    /// unit (the cent); null when no value passes (see <see cref="BindingRules"/>).</summary>
    public decimal? Value { get; }

    /// <summary>The report at <see cref="Value"/> (approved); when nothing passes, the report at the most favourable
    /// value tried (the smallest loan or price, the largest income), which names the rules that always fail.</summary>
    public AffordabilityReport Report { get; }

    /// <summary>One minor unit beyond <see cref="Value"/> (one cent more loan or price, one cent less income); null when
    /// <see cref="Value"/> is the end of the accepted range or nothing passes.</summary>
    public decimal? BeyondValue { get; }

    /// <summary>The report at <see cref="BeyondValue"/>, which is declined; null when there is none.</summary>
    public AffordabilityReport? Beyond { get; }

    /// <summary>The rules that stop the value going further (those failing in <see cref="Beyond"/>), or, when nothing
    /// passes, the rules that fail even at the most favourable value.</summary>
    public IReadOnlyList<string> BindingRules { get; }

    /// <summary>The answer in a sentence, with the binding rule's figures.</summary>
    public string Explanation { get; }

    /// <summary>How many loans were judged to find the answer (each builds a schedule; the income search builds one).</summary>
    internal int Evaluations { get; }

    /// <summary>The <see cref="Explanation"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Explanation;
}

/// <summary>What an <see cref="AffordabilitySolver"/> solved for (<see cref="AffordabilitySolution.Target"/>).</summary>
public enum AffordabilityTarget
{
    /// <summary>The largest loan (<see cref="AffordabilitySolver.MaxLoan(AffordabilityPolicy, Household, Loan)"/>): "the largest loan".</summary>
    MaxLoan = 0,

    /// <summary>The lowest total monthly income (<see cref="AffordabilitySolver.MinIncome(AffordabilityPolicy, Household, Loan, Purchase?)"/>):
    /// "the lowest monthly income"; <see cref="AffordabilitySolution.Value"/> is an income, one cent <em>less</em> fails.</summary>
    MinIncome = 1,

    /// <summary>The largest price (<see cref="AffordabilitySolver.MaxPrice(AffordabilityPolicy, Household, decimal, Loan)"/>): "the largest price".</summary>
    MaxPrice = 2,
}

/// <summary>
/// Solves affordability backwards, exactly: the largest loan a household can carry under a policy, the lowest
/// income a loan needs, the largest price for a given down payment. Each answer is to the minor unit (the cent) and
/// comes with the report one cent beyond it, which fails. The search starts from a closed-form estimate (payments
/// scale with the principal) and finishes by bisection on whole cents with exact schedules: about 15 to 25 schedules.
/// </summary>
/// <remarks>
/// The rules are monotone in the value solved for (a larger loan has payments at least as large, at a fixed or
/// given rate; more income only helps), so the largest passing value is the boundary. A floating or combined loan
/// whose re-amortized payments could, in principle, move by a cent the other way is still answered with a boundary:
/// the value passes and one cent beyond fails.
/// </remarks>
/// <example>
/// <code>
/// var household = new Household(new Borrower(12_000m, 35));
/// var terms = new Loan(1m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));   // the principal is replaced
/// AffordabilitySolution max = AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, household, terms);
/// // max.Value: the largest principal whose payment is ≤ 6,000.00; max.Beyond.Approved: false
/// </code>
/// </example>
public static class AffordabilitySolver
{
    private const long ReferenceMinor = 100_000_000; // 1,000,000.00: where the estimate is taken

    /// <summary>The largest principal such that <paramref name="terms"/> (with that principal) passes the policy. Price
    /// rules are not applicable (no purchase); use <see cref="MaxPrice(AffordabilityPolicy, Household, decimal, Loan)"/> for them.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="terms">The loan's terms (method, rate plan, periods, disbursement, events); the principal is replaced.</param>
    /// <returns>The largest principal, to the loan's minor unit (the cent by default), with the proof.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The household's income is 0.</exception>
    public static AffordabilitySolution MaxLoan(AffordabilityPolicy policy, Household household, Loan terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        decimal unit = terms.Rounding.MinorUnit;
        return Largest(AffordabilityTarget.MaxLoan, LibraryText.Solver_QuestionLargestLoan, policy, household, 0m, unit, Steps(Loan.MaxPrincipal, unit),
            n => AffordabilityCase.For(household, terms with { Principal = n * unit }, null));
    }

    /// <summary>The largest total principal such that the combined loan <paramref name="loanFor"/> builds for it passes.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="loanFor">Builds the combined loan lending a given total (e.g. the provident fund up to its cap, the
    /// rest commercial); amounts are whole cents.</param>
    /// <returns>The largest total principal, to the cent, with the proof.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The household's income is 0.</exception>
    public static AffordabilitySolution MaxLoan(AffordabilityPolicy policy, Household household, Func<decimal, CombinedLoan> loanFor)
    {
        ArgumentNullException.ThrowIfNull(loanFor);
        return Largest(AffordabilityTarget.MaxLoan, LibraryText.Solver_QuestionLargestLoan, policy, household, 0m, 0.01m, Steps(Loan.MaxPrincipal, 0.01m),
            n => AffordabilityCase.For(household, loanFor(n * 0.01m), null));
    }

    /// <summary>The largest price such that borrowing price − <paramref name="downPayment"/> on <paramref name="terms"/>
    /// passes the policy, the price rules (minimum down payment, loan-to-value) included.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="downPayment">The down payment, 0 to <see cref="Household.MaxAmount"/> (exclusive).</param>
    /// <param name="terms">The loan's terms; the principal is replaced by price − down payment.</param>
    /// <returns>The largest price, to the loan's minor unit (the cent by default), with the proof.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The down payment is out of range, or the household's income is 0.</exception>
    public static AffordabilitySolution MaxPrice(AffordabilityPolicy policy, Household household, decimal downPayment, Loan terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        decimal unit = terms.Rounding.MinorUnit;
        CheckDownPayment(downPayment);
        return Largest(AffordabilityTarget.MaxPrice, LibraryText.Solver_QuestionLargestPrice, policy, household, downPayment, unit, Steps(Math.Min(Loan.MaxPrincipal, Household.MaxAmount - downPayment), unit),
            n => AffordabilityCase.For(household, terms with { Principal = n * unit }, new Purchase(downPayment + n * unit, downPayment)));
    }

    /// <summary>The largest price such that the combined loan <paramref name="loanFor"/> builds for price −
    /// <paramref name="downPayment"/> passes the policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers; their income must be greater than 0.</param>
    /// <param name="downPayment">The down payment, 0 to <see cref="Household.MaxAmount"/> (exclusive).</param>
    /// <param name="loanFor">Builds the combined loan lending exactly a given total (whole cents).</param>
    /// <returns>The largest price, to the cent, with the proof.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The down payment is out of range, or the household's income is 0.</exception>
    public static AffordabilitySolution MaxPrice(AffordabilityPolicy policy, Household household, decimal downPayment, Func<decimal, CombinedLoan> loanFor)
    {
        ArgumentNullException.ThrowIfNull(loanFor);
        CheckDownPayment(downPayment);
        return Largest(AffordabilityTarget.MaxPrice, LibraryText.Solver_QuestionLargestPrice, policy, household, downPayment, 0.01m, Steps(Math.Min(Loan.MaxPrincipal, Household.MaxAmount - downPayment), 0.01m),
            n => AffordabilityCase.For(household, loanFor(n * 0.01m), new Purchase(downPayment + n * 0.01m, downPayment)));
    }

    /// <summary>
    /// The lowest total monthly income, to the cent, with which the household passes the policy for
    /// <paramref name="loan"/>. The borrowers' incomes are scaled in proportion to their current incomes (equally when
    /// all are 0); the report at the answer shows the split.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers (ages, debts, balance); their incomes only give the split.</param>
    /// <param name="loan">The loan.</param>
    /// <param name="purchase">The price and down payment (null: price rules not applicable).</param>
    /// <returns>The lowest income with the proof (one cent less fails).</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentException">The loan and purchase do not add up.</exception>
    public static AffordabilitySolution MinIncome(AffordabilityPolicy policy, Household household, Loan loan, Purchase? purchase = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Smallest(policy, household, AffordabilityCase.For(household.WithMonthlyIncome(1m), loan, purchase));
    }

    /// <summary>The lowest total monthly income with which the household passes the policy for a combined loan; see
    /// <see cref="MinIncome(AffordabilityPolicy, Household, Loan, Purchase?)"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="household">The borrowers (ages, debts, balance); their incomes only give the split.</param>
    /// <param name="loan">The combined loan.</param>
    /// <param name="purchase">The price and down payment (null: price rules not applicable).</param>
    /// <returns>The lowest income with the proof (one cent less fails).</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentException">The loan and purchase do not add up.</exception>
    public static AffordabilitySolution MinIncome(AffordabilityPolicy policy, Household household, CombinedLoan loan, Purchase? purchase = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Smallest(policy, household, AffordabilityCase.For(household.WithMonthlyIncome(1m), loan, purchase));
    }

    private static AffordabilitySolution Largest(AffordabilityTarget target, string question, AffordabilityPolicy policy, Household household, decimal start, decimal unit,
        long hi, Func<long, AffordabilityCase> caseFor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(household);
        int evaluations = 0;
        bool Ok(long n)
        {
            evaluations++;
            return policy.Passes(caseFor(n));
        }

        decimal Value(long n) => start + n * unit;

        AffordabilityCase lowest = caseFor(1);
        evaluations++;
        if (!policy.Passes(lowest))
        {
            AffordabilityReport report = policy.Evaluate(lowest);
            return new AffordabilitySolution(target, question, null, report, null, null,
                Localized.Format(LibraryText.Solver_NoValue, AffordabilityPolicy.DisplayNameOf(policy.Name), Money(Value(1)), Failing(report)), evaluations);
        }

        // Closed-form start, refined twice (a secant step: payments are nearly proportional to the principal).
        long hint = Math.Min(hi, Math.Max(1, (long)(ReferenceMinor * 0.01m / unit)));
        for (int k = 0; k < 3; k++)
        {
            long next = Estimate(policy, caseFor(hint), hint, hi);
            evaluations++;
            if (Math.Abs(next - hint) <= 1 || next == hi)
            {
                hint = next;
                break;
            }

            hint = next;
        }
        long best = Search(1, hi, hint, Ok);
        AffordabilityReport at = policy.Evaluate(caseFor(best));
        if (best == hi)
        {
            return new AffordabilitySolution(target, question, Value(best), at, null, null,
                Localized.Format(LibraryText.Solver_EndOfRange, Capital(question), Money(Value(best)), AffordabilityPolicy.DisplayNameOf(policy.Name)),
                evaluations);
        }

        AffordabilityReport beyond = policy.Evaluate(caseFor(best + 1));
        return new AffordabilitySolution(target, question, Value(best), at, Value(best + 1), beyond,
            Localized.Format(LibraryText.Solver_Answer, Capital(question), Money(Value(best)), AffordabilityPolicy.DisplayNameOf(policy.Name), Money(unit), Money(Value(best + 1)), Failing(beyond)),
            evaluations);
    }

    private static AffordabilitySolution Smallest(AffordabilityPolicy policy, Household household, AffordabilityCase loanCase)
    {
        ArgumentNullException.ThrowIfNull(policy);
        const AffordabilityTarget target = AffordabilityTarget.MinIncome;
        string question = LibraryText.Solver_QuestionLowestIncome;
        long hi = Steps(Household.MaxAmount, 0.01m);
        int evaluations = 0;
        AffordabilityCase At(long n) => loanCase.With(household.WithMonthlyIncome(n * 0.01m));
        bool Ok(long n)
        {
            evaluations++;
            return policy.Passes(At(n));
        }

        if (!Ok(hi))
        {
            AffordabilityReport report = policy.Evaluate(At(hi));
            return new AffordabilitySolution(target, question, null, report, null, null,
                Localized.Format(LibraryText.Solver_NoIncome, AffordabilityPolicy.DisplayNameOf(policy.Name), Money(hi * 0.01m), Failing(report)), evaluations);
        }

        decimal estimate = 0m;
        foreach (AffordabilityRule rule in policy.Rules)
        {
            if (rule.MinIncome(loanCase) is { } needed && needed > estimate)
            {
                estimate = needed;
            }
        }

        long hint = Math.Clamp((long)Math.Min(decimal.Ceiling(estimate * 100m), hi), 1, hi);

        // The smallest n with Ok(n) is hi − (the largest k with Ok(hi − k)).
        long best = hi - Search(0, hi - 1, hi - hint, k => Ok(hi - k));
        AffordabilityReport at = policy.Evaluate(At(best));
        if (best == 1)
        {
            return new AffordabilitySolution(target, question, 0.01m, at, null, null,
                Localized.Format(LibraryText.Solver_LowestIncomeMinimal, AffordabilityPolicy.DisplayNameOf(policy.Name)), evaluations);
        }

        AffordabilityReport beyond = policy.Evaluate(At(best - 1));
        return new AffordabilitySolution(target, question, best * 0.01m, at, (best - 1) * 0.01m, beyond,
            Localized.Format(LibraryText.Solver_LowestIncome, Money(best * 0.01m), AffordabilityPolicy.DisplayNameOf(policy.Name), Money((best - 1) * 0.01m), Failing(beyond)),
            evaluations);
    }

    /// <summary>The largest n in [lo, hi] with ok(n), given ok(lo): gallops from the hint to bracket the boundary, then bisects.</summary>
    internal static long Search(long lo, long hi, long hint, Func<long, bool> ok)
    {
        hint = Math.Clamp(hint, lo, hi);
        long good;
        long bad;
        if (ok(hint))
        {
            good = hint;
            for (long step = 1; ; step *= 2)
            {
                if (good == hi)
                {
                    return hi;
                }

                long next = hi - good <= step ? hi : good + step;
                if (!ok(next))
                {
                    bad = next;
                    break;
                }

                good = next;
            }
        }
        else
        {
            bad = hint;
            good = lo;
            for (long step = 1; ; step *= 2)
            {
                long next = bad - lo <= step ? lo : bad - step;
                if (next == lo)
                {
                    break;
                }

                if (ok(next))
                {
                    good = next;
                    break;
                }

                bad = next;
            }
        }

        while (bad - good > 1)
        {
            long mid = good + ((bad - good) / 2);
            if (ok(mid))
            {
                good = mid;
            }
            else
            {
                bad = mid;
            }
        }

        return good;
    }

    /// <summary>Where to start: the reference amount scaled by the tightest rule's estimate (payments are nearly
    /// proportional to the principal).</summary>
    private static long Estimate(AffordabilityPolicy policy, AffordabilityCase reference, long referenceSteps, long hi)
    {
        decimal scale = decimal.MaxValue;
        foreach (AffordabilityRule rule in policy.Rules)
        {
            if (rule.LoanScale(reference) is { } s && s < scale)
            {
                scale = s;
            }
        }

        if (scale == decimal.MaxValue || scale >= hi / (decimal)referenceSteps)
        {
            return hi;
        }

        return Math.Max(1, (long)(referenceSteps * scale));
    }

    private static void CheckDownPayment(decimal downPayment)
    {
        if (downPayment < 0m || downPayment >= Household.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(downPayment), downPayment,
                Resources.Localized.Format(Resources.LibraryText.Valid_SolverDownPayment, downPayment));
        }
    }

    private static long Steps(decimal amount, decimal unit) => (long)decimal.Floor(amount / unit);

    private static string Failing(AffordabilityReport report) =>
        Localized.Format(LibraryText.Solver_Fails,
            string.Join(LibraryText.List_Separator, report.Failures.Select(r => Localized.Format(LibraryText.Solver_FailingRule, r.Rule, r.Explanation))));

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Money(decimal amount) => HighestPayment.Money(amount);
}
