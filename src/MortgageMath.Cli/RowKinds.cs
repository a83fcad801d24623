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

    /// <summary>True when some row is a payment holiday: the schedule then shows, on every row, the interest deferred
    /// and the part of it capitalized (<see cref="CapitalizedInterest"/>). A schedule without one keeps its columns.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether to show the holiday columns.</returns>
    internal static bool HasHolidays(Schedule schedule)
    {
        foreach (Installment row in schedule)
        {
            if (row.Kind == InstallmentKind.Holiday)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The interest a row adds to the balance: a holiday's <see cref="Installment.DeferredInterest"/> when it is
    /// capitalized, 0 when it is collected with the next payment, and 0 on every other row. Read off the library's
    /// own balances (<c>ClosingBalance = OpeningBalance − Principal (+ the capitalized interest)</c>), so that
    /// closing = opening − principal + this holds on every row by construction.
    /// </summary>
    /// <param name="row">The row.</param>
    /// <returns>The capitalized interest.</returns>
    internal static decimal CapitalizedInterest(Installment row) =>
        row.Kind == InstallmentKind.Holiday ? row.ClosingBalance - row.OpeningBalance + row.Principal : 0m;

    /// <summary>The interest the schedule's holidays added to the balance, in total.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The sum of <see cref="CapitalizedInterest"/> over the rows.</returns>
    internal static decimal TotalCapitalizedInterest(Schedule schedule)
    {
        decimal total = 0m;
        foreach (Installment row in schedule)
        {
            total += CapitalizedInterest(row);
        }

        return total;
    }

    /// <summary>The interest the schedule's holidays deferred, in total (capitalized or collected later).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The sum of <see cref="Installment.DeferredInterest"/> over the rows.</returns>
    internal static decimal TotalDeferredInterest(Schedule schedule)
    {
        decimal total = 0m;
        foreach (Installment row in schedule)
        {
            total += row.DeferredInterest;
        }

        return total;
    }

    /// <summary>True when some row carries a penalty.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether any penalty was paid.</returns>
    internal static bool HasPenalty(Schedule schedule) => schedule.TotalPenalty != 0m;
}
