namespace MortgageMath.Cli;

/// <summary>How the writers name a row's <see cref="InstallmentKind"/> and decide whether to show kinds and penalties.</summary>
internal static class RowKinds
{
    /// <summary>The kind as the tool writes it: <c>regular</c>, <c>prepayment</c>, <c>payoff</c>, <c>balloon</c> or <c>holiday</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    internal static string Name(InstallmentKind kind) => kind switch
    {
        InstallmentKind.Prepayment => "prepayment",
        InstallmentKind.Payoff => "payoff",
        InstallmentKind.Balloon => "balloon",
        InstallmentKind.Holiday => "holiday",
        _ => "regular",
    };

    /// <summary>True when some row is not a regular payment or carries a penalty: the schedule then shows the kind
    /// and penalty of every row. A plain schedule keeps its original columns.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether to show the kind (and penalty) columns.</returns>
    internal static bool HasSpecialRows(Schedule schedule)
    {
        foreach (Installment row in schedule)
        {
            if (row.Kind != InstallmentKind.Regular || row.Penalty != 0m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some row carries a penalty.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether any penalty was paid.</returns>
    internal static bool HasPenalty(Schedule schedule) => schedule.TotalPenalty != 0m;
}
