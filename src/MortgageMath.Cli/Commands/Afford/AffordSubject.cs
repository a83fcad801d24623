using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;

namespace MortgageMath.Cli;

/// <summary>The loan judged: a single loan (with the spec that names its JSON paths) or a combined loan.</summary>
internal sealed class AffordSubject(Loan? single, LoanSpec? guard, CombinedSpec? combined)
{
    internal bool IsCombined => combined is not null;

    internal decimal Principal => single?.Principal ?? combined!.Loan.Principal;

    internal void Validate()
    {
        if (combined is not null)
        {
            combined.BuildSchedule();
        }
        else
        {
            guard!.BuildSchedule();
        }
    }

    internal T Guard<T>(Func<T> action) => guard is null ? WithCombinedErrors(action) : guard.Guard(action);

    internal AffordabilityReport Evaluate(AffordabilityPolicy policy, Household household, Purchase? purchase) => single is not null
        ? Guard(() => policy.Evaluate(household, single, purchase))
        : Guard(() => policy.Evaluate(household, combined!.Loan, purchase));

    internal AffordabilitySolution MaxLoan(AffordabilityPolicy policy, Household household) => single is not null
        ? Guard(() => AffordabilitySolver.MaxLoan(policy, household, single))
        : Guard(() => AffordabilitySolver.MaxLoan(policy, household, CombinedFor()));

    internal AffordabilitySolution MaxPrice(AffordabilityPolicy policy, Household household, decimal down) => single is not null
        ? Guard(() => AffordabilitySolver.MaxPrice(policy, household, down, single))
        : Guard(() => AffordabilitySolver.MaxPrice(policy, household, down, CombinedFor()));

    internal AffordabilitySolution MinIncome(AffordabilityPolicy policy, Household household, Purchase? purchase) => single is not null
        ? Guard(() => AffordabilitySolver.MinIncome(policy, household, single, purchase))
        : Guard(() => AffordabilitySolver.MinIncome(policy, household, combined!.Loan, purchase));

    /// <summary>Each leg's schedule for a total loan of <paramref name="total"/> (one for a single loan).</summary>
    internal IReadOnlyList<(string? Leg, Schedule Schedule)> Schedules(decimal total)
    {
        if (single is not null)
        {
            Loan loan = single.Principal == total ? single : single with { Principal = total };
            return [(null, Guard(loan.BuildSchedule))];
        }

        CombinedLoan at = combined!.Loan.Principal == total ? combined.Loan : CombinedFor()(total);
        CombinedSchedule schedule = Guard(at.BuildSchedule);
        return [.. at.Legs.Select((l, k) => ((string?)l.Name, schedule.Legs[k]))];
    }

    /// <summary>How a combined loan lends a total (<see cref="CombinedLoan.WithTotalPrincipal"/>), in words.</summary>
    internal string SplitRule()
    {
        (LoanLeg fund, LoanLeg other) = TwoLegs();
        return Language.Format(CliText.Afford_SplitRule, fund.Name, AffordFigures.Money(fund.Loan.Principal), other.Name);
    }

    private Func<decimal, CombinedLoan> CombinedFor()
    {
        TwoLegs();
        return combined!.Loan.WithTotalPrincipal;
    }

    private (LoanLeg Fund, LoanLeg Other) TwoLegs()
    {
        CombinedLoan loan = combined!.Loan;
        if (!loan.CanChangeTotalPrincipal)
        {
            throw new UsageException(Language.Format(
                CliText.Afford_ErrTwoLegs, PurchaseSplit.ProvidentFundLeg, string.Join(", ", loan.Legs.Select(l => $"'{l.Name}'"))));
        }

        LoanLeg fund = loan.ProvidentFund!;
        return (fund, loan.Legs[0] == fund ? loan.Legs[1] : loan.Legs[0]);
    }

    private static T WithCombinedErrors<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"$.legs: {LoanSpecReader.LibraryText(e)}");
        }
        catch (PrepaymentRuleViolationException e)
        {
            throw new UsageException("$.legs: " + Language.Format(CliText.Error_BreaksRule, e.Rule, e.Message.Split('\n')[0]));
        }
        catch (MissingRateFixingException e)
        {
            throw new UsageException(RateTables.MissingFixingMessage(e));
        }
    }
}
