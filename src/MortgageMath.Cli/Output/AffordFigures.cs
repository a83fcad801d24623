using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>The figures and sentences of an affordability report, shared by the table, markdown and JSON renderers.</summary>
internal static class AffordFigures
{
    internal static string Money(decimal amount) => Amounts.Grouped(amount, 2);

    /// <summary>The outcome as JSON writes it, in every language: <c>pass</c>, <c>fail</c> or <c>n.a.</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    internal static string ResultCode(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "pass",
        RuleOutcome.Failed => "fail",
        _ => "n.a.",
    };

    internal static string Result(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => CliText.Afford_Outcome_Passed,
        RuleOutcome.Failed => CliText.Afford_Outcome_Failed,
        _ => CliText.Afford_Outcome_NotApplicable,
    };

    internal static string UnitName(RuleUnit unit) => unit switch
    {
        RuleUnit.Percent => "percent",
        RuleUnit.Years => "years",
        _ => "money",
    };

    private static string Figure(decimal value, RuleUnit unit, decimal limit) => unit switch
    {
        RuleUnit.Percent => Percent(value, limit) + "%",
        RuleUnit.Years => Number(value) + CliText.Afford_Years,
        _ => Money(value),
    };

    internal static string Actual(RuleResult r) => r.Outcome == RuleOutcome.NotApplicable ? "—" : Figure(r.Actual, r.Unit, r.Limit);

    internal static string Limit(RuleResult r) =>
        (r.LimitIsMinimum ? "≥ " : "≤ ") + r.Unit switch
        {
            RuleUnit.Percent => r.Limit.ToString("0.########", CultureInfo.InvariantCulture) + "%",
            _ => Figure(r.Limit, r.Unit, r.Limit),
        };

    internal static string Margin(RuleResult r)
    {
        if (r.Outcome == RuleOutcome.NotApplicable)
        {
            return "—";
        }

        string sign = r.Margin < 0m ? "-" : r.Margin > 0m ? "+" : "";
        string text = r.Unit switch
        {
            RuleUnit.Percent => sign + Percent(Math.Abs(r.Margin), 0m) + CliText.Afford_Points,
            RuleUnit.Years => sign + Number(Math.Abs(r.Margin)) + CliText.Afford_Years,
            _ => sign + Money(Math.Abs(r.Margin)),
        };
        if (r.Unit != RuleUnit.Money && r.Headroom is { } headroom)
        {
            text += $"{CliText.Paren_Open}{(headroom < 0m ? "-" : headroom > 0m ? "+" : "")}{Money(Math.Abs(headroom))}{CliText.Paren_Close}";
        }

        return text;
    }

    /// <summary>A percentage with two decimals, more when two would hide the difference from <paramref name="against"/>
    /// (6,000.01 of 12,000.00 is 50.0001%, not 50%).</summary>
    private static string Percent(decimal value, decimal against)
    {
        for (int places = 2; places < 8; places++)
        {
            decimal rounded = decimal.Round(value, places, MidpointRounding.AwayFromZero);
            if (value == against || rounded != against)
            {
                return rounded.ToString("0.00######", CultureInfo.InvariantCulture);
            }
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string PaymentLine(HighestPayment highest)
    {
        string text = highest.Description;
        return Language.Format(CliText.Afford_Sentence, char.ToUpperInvariant(text[0]) + text[1..]);
    }

    internal static string VerdictLine(AffordabilityReport report) =>
        Language.Format(CliText.Afford_Verdict, report.Approved ? CliText.Afford_VerdictApproved : CliText.Afford_VerdictNotApproved, report.Verdict);

    internal static string Answer(AffordabilitySolution s) => s.Value is { } value
        ? Language.Format(CliText.Afford_Answer, s.Question, Money(value))
        : Language.Format(CliText.Afford_AnswerNone, FailingAt(s.Report));

    internal static string? BeyondLine(AffordabilitySolution s)
    {
        if (s.Value is null)
        {
            return null;
        }

        if (s.Beyond is not { } beyond)
        {
            return s.Target == AffordabilityTarget.MinIncome
                ? CliText.Afford_BeyondNoneIncome
                : CliText.Afford_BeyondNoneRange;
        }

        string format = s.Target == AffordabilityTarget.MinIncome ? CliText.Afford_BeyondOneCentLess : CliText.Afford_BeyondOneCentMore;
        return Language.Format(format, Money(s.BeyondValue!.Value), FailingAt(beyond));
    }

    private static string FailingAt(AffordabilityReport report) =>
        string.Join("; ", report.Failures.Select(r => Language.Format(CliText.Afford_FailingRule, r.Rule, r.Explanation)));

    internal static List<string> HeaderLines(AffordOutcome o)
    {
        Household h = o.ReportHousehold;
        var lines = new List<string> { Language.Format(CliText.Afford_Policy, o.Policy.DisplayName) };
        foreach ((string? leg, Schedule schedule) in o.Schedules)
        {
            lines.Add(leg is null ? QuoteFigures.Summary(schedule) : Language.Format(CliText.Afford_Leg, leg, QuoteFigures.Summary(schedule)));
        }

        if (o.Schedules.Count > 1)
        {
            lines.Add(Language.Format(CliText.Afford_CombinedLoan, Money(o.Report.LoanAmount), o.Schedules.Count));
        }

        string borrowers = string.Join(CliText.List_Separator, h.Borrowers.Select((b, k) =>
            Language.Format(CliText.Afford_Borrower, k == 0 ? CliText.Afford_MainBorrower : Language.Format(CliText.Afford_CoBorrower, k), Money(b.MonthlyIncome), b.Age)));
        string household = Language.Format(CliText.Afford_Household, Money(h.MonthlyIncome), borrowers, Money(h.MonthlyDebtPayments), Money(h.MonthlyHousingCosts));
        if (o.ShowsProvidentFund)
        {
            household += Language.Format(CliText.Afford_HouseholdProvidentFund, Money(h.ProvidentFundBalance));
        }

        lines.Add(Language.Format(CliText.Afford_Sentence, household));
        lines.Add(o.Purchase is { } p
            ? Language.Format(CliText.Afford_Purchase, Money(p.Price), Money(p.DownPayment), Money(p.LoanAmount))
            : CliText.Afford_PurchaseNone);
        return lines;
    }
}
