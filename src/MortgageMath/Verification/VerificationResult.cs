using System.Globalization;

namespace MortgageMath.Verification;

/// <summary>How <see cref="ScheduleComparison.Compare"/> compares.</summary>
/// <remarks>A value (a record).</remarks>
public sealed record VerificationOptions
{
    private readonly decimal _tolerance;
    private readonly int _maxDifferences = 1000;

    /// <summary>The defaults: exact (tolerance 0), at most 1,000 differences kept.</summary>
    public static VerificationOptions Default { get; } = new();

    /// <summary>The largest difference per amount that still matches (<c>0.01</c>: a cent either way); 0, the default,
    /// is exact. Applies to amounts only: dates and rates always compare exactly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal Tolerance
    {
        get => _tolerance;
        init => _tolerance = value >= 0m ? value : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, Resources.LibraryText.Err_VerifyTolerance);
    }

    /// <summary>How many differences <see cref="VerificationResult.Differences"/> keeps, the first in row order
    /// (<see cref="VerificationResult.DifferenceCount"/> counts them all); 1,000 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDifferences
    {
        get => _maxDifferences;
        init => _maxDifferences = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDifferences), value, Resources.LibraryText.Err_VerifyMaxDifferences);
    }
}

/// <summary>
/// One difference between our schedule and theirs. <see cref="Row"/> is the period (our row's; for an extra row, theirs
/// or its position); <see cref="Column"/> the column (null for a missing or extra row); <see cref="Ours"/> and
/// <see cref="Theirs"/> the values as text (amounts with their decimals, dates <c>yyyy-MM-dd</c>, rates in percent;
/// null where a side has no value); <see cref="Delta"/> theirs − ours for an amount or a rate; <see cref="Line"/> the line
/// of their file, when known.
/// </summary>
/// <param name="Row">The period.</param>
/// <param name="Column">The column, or null for a whole row.</param>
/// <param name="Kind">A value, a missing row or an extra row.</param>
/// <param name="Ours">Our value, or null.</param>
/// <param name="Theirs">Their value, or null.</param>
/// <param name="Delta">Theirs − ours, or null.</param>
/// <param name="Line">The line of their file (or row position in a JSON document), or null.</param>
public sealed record Difference(int Row, ScheduleColumn? Column, DifferenceKind Kind, string? Ours, string? Theirs, decimal? Delta, int? Line);

/// <summary>
/// A recognised pattern of the differences: <see cref="Kind"/>, with <see cref="Value"/> (the year of days for
/// <see cref="VerificationHintKind.ActualDayCount"/>, their last payment for <see cref="VerificationHintKind.UnsettledResidue"/>,
/// their first interest for <see cref="VerificationHintKind.OddFirstPeriod"/>) and <see cref="Rows"/>, the rows that show it.
/// </summary>
/// <param name="Kind">The pattern.</param>
/// <param name="Value">The figure that identifies it.</param>
/// <param name="Rows">How many rows show it.</param>
public sealed record VerificationHint(VerificationHintKind Kind, decimal Value, int Rows);

/// <summary>
/// The result of comparing our schedule with theirs (<see cref="ScheduleComparison.Compare"/>): the counts, the first
/// differences in row order, the largest amount difference and the patterns recognised. <see cref="IsMatch"/> when
/// there is no difference at all (every row present on both sides, every compared value within the tolerance).
/// </summary>
/// <remarks>Immutable, and a value: equal when every member is equal (the lists element by element).</remarks>
public sealed class VerificationResult : IEquatable<VerificationResult>
{
    internal VerificationResult(
        int ourRows, int theirRows, int rowsCompared, int rowsDiffering, int differenceCount, IReadOnlyList<Difference> differences,
        decimal largestDifference, IReadOnlyList<ScheduleColumn> columnsCompared, IReadOnlyList<VerificationHint> hints, decimal tolerance)
    {
        OurRows = ourRows;
        TheirRows = theirRows;
        RowsCompared = rowsCompared;
        RowsDiffering = rowsDiffering;
        DifferenceCount = differenceCount;
        Differences = differences;
        LargestDifference = largestDifference;
        ColumnsCompared = columnsCompared;
        Hints = hints;
        Tolerance = tolerance;
    }

    /// <summary>True when there is no difference.</summary>
    public bool IsMatch => DifferenceCount == 0;

    /// <summary>Our schedule's rows.</summary>
    public int OurRows { get; }

    /// <summary>Their schedule's rows.</summary>
    public int TheirRows { get; }

    /// <summary>The rows both schedules have, compared value by value.</summary>
    public int RowsCompared { get; }

    /// <summary>The rows with a difference, missing and extra rows included.</summary>
    public int RowsDiffering { get; }

    /// <summary>Every difference found (<see cref="Differences"/> may keep fewer).</summary>
    public int DifferenceCount { get; }

    /// <summary>The first differences in row order, at most <see cref="VerificationOptions.MaxDifferences"/>.</summary>
    public IReadOnlyList<Difference> Differences { get; }

    /// <summary>The largest absolute difference of an amount (rates and dates aside); 0 when none differs.</summary>
    public decimal LargestDifference { get; }

    /// <summary>The columns compared (those their schedule has, <see cref="ScheduleColumn.Period"/> aside).</summary>
    public IReadOnlyList<ScheduleColumn> ColumnsCompared { get; }

    /// <summary>The patterns recognised in the differences (empty when none is).</summary>
    public IReadOnlyList<VerificationHint> Hints { get; }

    /// <summary>The tolerance used.</summary>
    public decimal Tolerance { get; }

    /// <inheritdoc/>
    public bool Equals(VerificationResult? other) =>
        other is not null && OurRows == other.OurRows && TheirRows == other.TheirRows && RowsCompared == other.RowsCompared &&
        RowsDiffering == other.RowsDiffering && DifferenceCount == other.DifferenceCount && LargestDifference == other.LargestDifference &&
        Tolerance == other.Tolerance && Sequences.Equal(Differences, other.Differences) &&
        Sequences.Equal(ColumnsCompared, other.ColumnsCompared) && Sequences.Equal(Hints, other.Hints);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VerificationResult);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(OurRows, TheirRows, RowsDiffering, DifferenceCount, LargestDifference, Sequences.Hash(Differences), Sequences.Hash(Hints));

    /// <summary>Value equality.</summary>
    /// <param name="left">A result.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(VerificationResult? left, VerificationResult? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A result.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(VerificationResult? left, VerificationResult? right) => !(left == right);

    /// <summary>One line: match, or the counts and the largest difference.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsMatch
        ? string.Create(CultureInfo.InvariantCulture, $"Match: {RowsCompared} rows, {ColumnsCompared.Count} columns")
        : string.Create(CultureInfo.InvariantCulture,
            $"Differs: {RowsDiffering} of {Math.Max(OurRows, TheirRows)} rows, {DifferenceCount} differences, largest {LargestDifference}");
}
