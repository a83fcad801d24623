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
    /// <param name="problem">What is missing, one clause without a final period and without a remedy.</param>
    /// <param name="message">The message, naming both: the problem and what to do about it.</param>
    internal MissingRateFixingException(RateIndex index, LocalDate date, string problem, string message)
        : base(message)
    {
        Index = index;
        Date = date;
        Problem = problem;
    }

    /// <summary>
    /// What is missing, as one clause without a final period and without the API remedy the <see cref="Exception.Message"/>
    /// ends with, e.g. <c>No lpr5y fixing is known for 2027-01-01: the rate table is as of 2026-03-20</c>; a caller that
    /// offers its own remedy (a command-line option, a spec property) appends it to this instead of editing the message.
    /// </summary>
    public string Problem { get; }

    /// <summary>The index that has no fixing.</summary>
    public RateIndex Index { get; }

    /// <summary>The date for which no fixing is known.</summary>
    public LocalDate Date { get; }
}
