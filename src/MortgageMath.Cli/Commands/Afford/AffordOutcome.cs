namespace MortgageMath.Cli;

/// <summary>What <c>mortgage afford</c> prints: the report (at the answer, for a solve), the loan it judged and the solution.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Household">The household as given.</param>
/// <param name="Report">The report printed.</param>
/// <param name="Purchase">The purchase the report judged, or null.</param>
/// <param name="Schedules">Each leg's schedule (one, without a name, for a single loan).</param>
/// <param name="Solution">The solution, or null when judging.</param>
/// <param name="SolveNote">How the solve varied the loan or the incomes, or null.</param>
internal sealed record AffordOutcome(
    AffordabilityPolicy Policy,
    Household Household,
    AffordabilityReport Report,
    Purchase? Purchase,
    IReadOnlyList<(string? Leg, Schedule Schedule)> Schedules,
    AffordabilitySolution? Solution,
    string? SolveNote)
{
    /// <summary>The household the report judged: for the lowest income, the incomes scaled to the answer the way the
    /// library scales them (<see cref="Household.WithMonthlyIncome"/>).</summary>
    internal Household ReportHousehold => Solution is { Target: AffordabilityTarget.MinIncome, Value: { } income }
        ? Household.WithMonthlyIncome(income)
        : Household;

    /// <summary>True when the policy judges the provident-fund loan, so the household's balance is shown.</summary>
    internal bool ShowsProvidentFund => Policy.Rules.Any(r => r.JudgesProvidentFundLoan);
}
