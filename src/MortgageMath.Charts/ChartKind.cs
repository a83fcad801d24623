namespace MortgageMath.Charts;

/// <summary>What a <see cref="Chart"/> shows.</summary>
public enum ChartKind
{
    /// <summary>The outstanding balance after each payment, against its date (one line per schedule).</summary>
    Balance = 0,

    /// <summary>The principal and interest of each payment, stacked (interest below, principal above), against the due date.</summary>
    PrincipalAndInterest = 1,

    /// <summary>The interest paid so far, against the date (one line per schedule).</summary>
    CumulativeInterest = 2,

    /// <summary>The payment of each period, against its due date (one line per schedule).</summary>
    Payment = 3,

    /// <summary>A loan's annual rate as a step line, with its repricing and other rate-change dates marked.</summary>
    Rate = 4,

    /// <summary>A reference rate's published fixings (LPR, PBoC benchmark, provident fund) as a step line.</summary>
    IndexHistory = 5,

    /// <summary>The largest loan a household can carry against its monthly income.</summary>
    AffordabilityFrontier = 6,

    /// <summary>A serviced account: the contractual balance, the as-of date and the overdue amount.</summary>
    Account = 7,
}
