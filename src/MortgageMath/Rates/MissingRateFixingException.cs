using NodaTime;

namespace MortgageMath;

/// <summary>
/// A <see cref="RateTable"/> was asked for a fixing it does not know: the date is before the index's first fixing,
/// the table has no fixings of the index at all, or the date is after the table's <see cref="RateTable.AsOf"/> date
/// (a table never reuses an old fixing for a date it does not cover). The message names the index and the date and
/// says what to do.
/// </summary>
public sealed class MissingRateFixingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="index">The index asked for.</param>
    /// <param name="date">The date asked for.</param>
    /// <param name="reason">Why the table has no fixing.</param>
    /// <param name="problem">What is missing and why, without a remedy or a final period.</param>
    /// <param name="remedy">What to do, with the API's names, or null.</param>
    internal MissingRateFixingException(RateIndex index, LocalDate date, MissingFixingReason reason, string problem, string? remedy)
        : base(remedy is null
            ? Resources.Localized.Format(Resources.LibraryText.Valid_MissingFixing, problem)
            : Resources.Localized.Format(Resources.LibraryText.Valid_MissingFixingRemedy, problem, remedy))
    {
        Index = index;
        Date = date;
        Reason = reason;
        Problem = problem;
    }

    /// <summary>The index that has no fixing.</summary>
    public RateIndex Index { get; }

    /// <summary>The date for which no fixing is known.</summary>
    public LocalDate Date { get; }

    /// <summary>Why the table has no fixing for <see cref="Date"/>.</summary>
    public MissingFixingReason Reason { get; }

    /// <summary>What is missing and why, as one clause naming the index and the date, without the remedy the
    /// <see cref="Exception.Message"/> adds and without a final period: a tool can add remedies in its own terms. The
    /// message is this clause, then "; " and the API's remedy when there is one, then ".".</summary>
    public string Problem { get; }
}

/// <summary>Why a <see cref="RateTable"/> has no fixing (<see cref="MissingRateFixingException.Reason"/>).</summary>
public enum MissingFixingReason
{
    /// <summary>The table has no fixings of the index at all.</summary>
    UnknownIndex = 0,

    /// <summary>The date is before the index's first fixing.</summary>
    BeforeFirstFixing = 1,

    /// <summary>The date is after the table's <see cref="RateTable.AsOf"/> date.</summary>
    AfterAsOf = 2,
}
