using System.Collections;
using System.Globalization;

namespace MortgageMath.Verification;

/// <summary>
/// Another system's repayment schedule: its rows (<see cref="ForeignRow"/>) and the columns it has. Read one with
/// <see cref="ScheduleReader"/>, or build one from your own data; compare it with ours with <see cref="ScheduleComparison"/>.
/// </summary>
/// <remarks>Immutable, and a value: two schedules are equal when they have the same columns and equal rows in the same
/// order (where they came from, <see cref="Source"/>, is not compared).</remarks>
public sealed class ForeignSchedule : IReadOnlyList<ForeignRow>, IEquatable<ForeignSchedule>
{
    private readonly ForeignRow[] _rows;
    private readonly byte _columns;

    /// <summary>A schedule of the rows given; its columns are every column some row has.</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public ForeignSchedule(IEnumerable<ForeignRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
        foreach (ForeignRow row in _rows)
        {
            _columns |= row.Present;
        }
    }

    /// <summary>The reader's constructor: the mapped columns as bits.</summary>
    internal ForeignSchedule(ForeignRow[] rows, byte columns, string? source)
    {
        _rows = rows;
        _columns = columns;
        Source = source;
    }

    /// <summary>The file the schedule was read from, or null.</summary>
    public string? Source { get; }

    /// <summary>The columns the schedule has (a row may still lack a value: an empty cell).</summary>
    public IReadOnlyList<ScheduleColumn> Columns => [.. Enum.GetValues<ScheduleColumn>().Where(HasColumn)];

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Length;

    /// <summary>A row by position.</summary>
    /// <param name="index">From 0.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Count"/> − 1.</exception>
    public ForeignRow this[int index] => (uint)index < (uint)_rows.Length
        ? _rows[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, Resources.Localized.Format(Resources.LibraryText.Err_VerifyRowIndex, _rows.Length));

    /// <summary>True when the schedule has <paramref name="column"/>.</summary>
    /// <param name="column">The column.</param>
    /// <returns>Whether it has it.</returns>
    public bool HasColumn(ScheduleColumn column) => (_columns & (1 << (int)column)) != 0;

    /// <summary>The same rows, as read from another source.</summary>
    internal ForeignSchedule WithSource(string? source) => new(_rows, _columns, source);

    internal ReadOnlySpan<ForeignRow> Span => _rows;

    /// <inheritdoc/>
    public IEnumerator<ForeignRow> GetEnumerator() => ((IEnumerable<ForeignRow>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ForeignSchedule? other) =>
        other is not null && _columns == other._columns && _rows.AsSpan().SequenceEqual(other._rows);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ForeignSchedule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_columns, _rows.Length, _rows.Length > 0 ? _rows[0] : default);

    /// <summary>Value equality.</summary>
    /// <param name="left">A schedule.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ForeignSchedule? left, ForeignSchedule? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A schedule.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ForeignSchedule? left, ForeignSchedule? right) => !(left == right);

    /// <summary>One line: the rows and columns.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Foreign schedule{(Source is null ? "" : " " + Source)}: {_rows.Length} rows, columns {string.Join(", ", Columns.Select(ColumnMapping.ColumnName))}");
}

/// <summary>
/// Another system's schedule file cannot be read: <see cref="FilePath"/> (the file, when known), <see cref="LineNumber"/>
/// (from 1, when known), <see cref="Column"/> (the header or JSON member) and <see cref="Value"/> (the text at fault)
/// say where; the message says what is wrong and how to fix it.
/// </summary>
public sealed class ScheduleFileException : FormatException
{
    internal ScheduleFileException(string message, string? source, int? lineNumber, string? column, string? value, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = source;
        LineNumber = lineNumber;
        Column = column;
        Value = value;
    }

    /// <summary>The file, or null.</summary>
    public string? FilePath { get; }

    /// <summary>The line (from 1; a CSV header is line 1), or null.</summary>
    public int? LineNumber { get; }

    /// <summary>The column's header (or a JSON member's path), or null.</summary>
    public string? Column { get; }

    /// <summary>The text at fault, or null.</summary>
    public string? Value { get; }

    /// <summary>The same error, now knowing the file.</summary>
    internal ScheduleFileException InFile(string? source) => source is null || FilePath is not null
        ? this
        : new ScheduleFileException(Message, source, LineNumber, Column, Value, InnerException);
}

/// <summary>A column mapping is wrong: not <c>column=header</c>, an unknown column or header, a column or header mapped
/// twice, two headers matching one column, or no amount column. <see cref="Value"/> names the text at fault.</summary>
public sealed class ColumnMappingException : FormatException
{
    internal ColumnMappingException(string value, string message)
        : base(message)
    {
        Value = value;
    }

    /// <summary>The column, header or pair at fault.</summary>
    public string Value { get; }
}
