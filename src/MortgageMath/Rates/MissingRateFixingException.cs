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
    /// <param name="message">The message, naming both.</param>
    internal MissingRateFixingException(RateIndex index, LocalDate date, string message)
        : base(message)
    {
        Index = index;
        Date = date;
    }

    /// <summary>The index that has no fixing.</summary>
    public RateIndex Index { get; }

    /// <summary>The date for which no fixing is known.</summary>
    public LocalDate Date { get; }
}
