using System.Globalization;

namespace MortgageMath.Cli;

/// <summary>The figures and sentences of an affordability report, shared by the table, markdown and JSON renderers.</summary>
internal static class AffordFigures
{
    internal static string Money(decimal amount) => Amounts.Grouped(amount, 2);

    internal static string Result(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "pass",
        RuleOutcome.Failed => "fail",
        _ => "n.a.",
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
        RuleUnit.Years => Number(value) + " years",
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
            RuleUnit.Percent => sign + Percent(Math.Abs(r.Margin), 0m) + " points",
            RuleUnit.Years => sign + Number(Math.Abs(r.Margin)) + " years",
            _ => sign + Money(Math.Abs(r.Margin)),
        };
        if (r.Unit != RuleUnit.Money && r.Headroom is { } headroom)
        {
            text += $" ({(headroom < 0m ? "-" : headroom > 0m ? "+" : "")}{Money(Math.Abs(headroom))})";
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
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    internal static string VerdictLine(AffordabilityReport report) =>
        $"Verdict: {(report.Approved ? "approved" : "not approved")} ({report.Verdict}).";

    internal static string Answer(AffordabilitySolution s) => s.Value is { } value
        ? $"Answer: {s.Question} is {Money(value)}."
        : $"Answer: no value passes; {FailingAt(s.Report)} even at the most favourable value.";

    internal static string? BeyondLine(AffordabilitySolution s)
    {
        if (s.Value is null)
        {
            return null;
        }

        if (s.Beyond is not { } beyond)
        {
            return s.Target == AffordabilityTarget.MinIncome
                ? "Beyond: none; no rule needs more than 0.01 of income."
                : "Beyond: none; the answer is the end of the accepted range.";
        }

        string more = s.Target == AffordabilityTarget.MinIncome ? "One cent less" : "One cent more";
        return $"{more}: {Money(s.BeyondValue!.Value)} is not approved: {FailingAt(beyond)}.";
    }

    private static string FailingAt(AffordabilityReport report) =>
        string.Join("; ", report.Failures.Select(r => $"{r.Rule} fails ({r.Explanation})"));

    internal static List<string> HeaderLines(AffordOutcome o)
    {
        Household h = o.ReportHousehold;
        var lines = new List<string> { $"Policy: {o.Policy.Name}." };
        foreach ((string? leg, Schedule schedule) in o.Schedules)
        {
            lines.Add(leg is null ? QuoteFigures.Summary(schedule) : $"{leg} leg: {QuoteFigures.Summary(schedule)}");
        }

        if (o.Schedules.Count > 1)
        {
            lines.Add($"Combined loan: {Money(o.Report.LoanAmount)} in {o.Schedules.Count} legs.");
        }

        string borrowers = string.Join(", ", h.Borrowers.Select((b, k) =>
            string.Create(CultureInfo.InvariantCulture, $"{(k == 0 ? "main borrower" : $"co-borrower {k}")} {Money(b.MonthlyIncome)}, age {b.Age}")));
        string household = $"Household: monthly income {Money(h.MonthlyIncome)} ({borrowers}); other debt payments {Money(h.MonthlyDebtPayments)}; other housing costs {Money(h.MonthlyHousingCosts)}";
        if (o.ShowsProvidentFund)
        {
            household += $"; provident-fund balance {Money(h.ProvidentFundBalance)}";
        }

        lines.Add(household + ".");
        lines.Add(o.Purchase is { } p
            ? $"Purchase: price {Money(p.Price)}, down payment {Money(p.DownPayment)}, loan {Money(p.LoanAmount)}."
            : "Purchase: none given; the price rules are not applicable.");
        return lines;
    }
}
