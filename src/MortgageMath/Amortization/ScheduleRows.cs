using System.Runtime.CompilerServices;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A schedule's rows as the loop writes them: 32 bytes a row and no reference (so the row array is about 12 KB for a
/// 360-period loan, not the 26 KB of <see cref="Installment"/>s, and writing a row sets no card-table entry). What
/// few rows differ in beyond their amounts (the rate, the rate segments of a period with a repricing, a penalty or a
/// holiday's deferred interest) sits in a side table of <see cref="RowAttributes"/> that the rows index: the plain
/// rows of a stretch share one entry. <see cref="this[int]"/> makes the public <see cref="Installment"/> on read.
/// Immutable once the sink has handed it to its <see cref="Schedule"/>.
/// </summary>
internal sealed class ScheduleRows
{
    /// <summary>The index that sends a row to <see cref="_overflow"/>: a row past the 65,535th side-table entry
    /// (only a loan with tens of thousands of penalties or repricings gets there).</summary>
    private const ushort Overflow = ushort.MaxValue;

    private readonly ScheduleRow[] _rows;
    private int _count;
    private RowAttributes[] _attributes;
    private int _attributeCount;
    private int _plain = -1; // the entry plain rows of the current rate share (-1: none yet)
    private Dictionary<int, RowAttributes>? _overflow; // by row index
    private readonly int _places;

    internal ScheduleRows(int capacity, int places, int rateChanges)
    {
        System.Diagnostics.Debug.Assert(Loan.MaxPeriods < 1 << 12, "a period fits in a row's 12 bits");
        _rows = new ScheduleRow[capacity];
        _attributes = new RowAttributes[Math.Max(2, Math.Min(capacity, rateChanges + 2))];
        _places = places;
    }

    /// <summary>The number of rows.</summary>
    internal int Count => _count;

    /// <summary>Appends a row (the loop's order); its rate, segments and extra amount go to the side table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(int period, LocalDate due, Rate rate, long opening, long principal, long interest,
        RateSegment[]? segments, InstallmentKind kind, long extra, bool capitalized)
    {
        ushort attributes;
        if (segments is null && extra == 0 && _plain >= 0 && _attributes[_plain].Rate == rate)
        {
            attributes = (ushort)_plain;
        }
        else
        {
            attributes = AddAttributes(rate, segments, extra);
        }

        _rows[_count++] = new ScheduleRow(opening, principal, interest, due, period, kind, capitalized, attributes);
    }

    /// <summary>Whether the side table has room for a plain entry. Once it is full (65,535 entries), rows go to the
    /// overflow table one by one through <see cref="Add"/>, so the loop stops taking its plain path
    /// (<see cref="IRowSink.AcceptsPlainRows"/>).</summary>
    internal bool AcceptsPlainRows => _attributeCount < Overflow;

    /// <summary>Before plain rows at <paramref name="rate"/> (<see cref="AddPlain"/>), while
    /// <see cref="AcceptsPlainRows"/>: makes sure the side table's plain entry is that rate's.</summary>
    internal void StartPlain(Rate rate)
    {
        System.Diagnostics.Debug.Assert(AcceptsPlainRows, "plain rows need room for their entry");
        if (_plain < 0 || _attributes[_plain].Rate != rate)
        {
            AddAttributes(rate, null, 0);
        }
    }

    /// <summary>A regular row at the rate of <see cref="StartPlain"/>, with no segments and no extra amount: the same
    /// row as <see cref="Add"/> with those arguments, with no check and no call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddPlain(int period, LocalDate due, long opening, long principal, long interest) =>
        _rows[_count++] = new ScheduleRow(opening, principal, interest, due, period, InstallmentKind.Regular, false, (ushort)_plain);

    [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: a new rate, segments or an extra amount
    private ushort AddAttributes(Rate rate, RateSegment[]? segments, long extra)
    {
        var entry = new RowAttributes(rate, segments, extra);
        if (_attributeCount >= Overflow)
        {
            (_overflow ??= [])[_count] = entry;
            return Overflow;
        }

        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, Math.Min(Overflow, _attributes.Length * 2));
        }

        int index = _attributeCount++;
        _attributes[index] = entry;
        if (segments is null && extra == 0)
        {
            _plain = index;
        }

        return (ushort)index;
    }

    /// <summary>Row <paramref name="index"/> itself, for an internal reader that needs no public row (the account).</summary>
    internal ref readonly ScheduleRow RowAt(int index) => ref _rows[index];

    /// <summary>The side-table entry of row <paramref name="index"/>: its rate, segments and extra amount (a row's
    /// <see cref="ScheduleRow.Attributes"/> index changes only where one of them does).</summary>
    internal RowAttributes AttributesOf(int index)
    {
        ushort at = _rows[index].Attributes;
        return at == Overflow ? _overflow![index] : _attributes[at];
    }

    /// <summary>The public row of a 0-based index below <see cref="Count"/>.</summary>
    internal Installment this[int index]
    {
        get
        {
            ref readonly ScheduleRow row = ref _rows[index];
            RowAttributes a = AttributesOf(index);
            InstallmentKind kind = row.Kind;
            bool extraIsDeferred = kind is InstallmentKind.Holiday or InstallmentKind.Capitalization;
            return new Installment(row.Period, row.Due, a.Rate, row.Opening, row.Principal, row.Interest, _places, a.Segments, kind,
                extraIsDeferred ? 0 : a.Extra, extraIsDeferred ? a.Extra : 0, row.Capitalized);
        }
    }

    /// <summary>Row <paramref name="index"/>'s due date, without making the public row.</summary>
    internal LocalDate DueDateOf(int index) => _rows[index].Due;

    /// <summary>Row <paramref name="index"/>'s amounts in minor units, as <see cref="Installment"/>'s internal
    /// accessors give them, without making the public row (a combined schedule's merge reads every row).</summary>
    internal RowAmounts AmountsOf(int index)
    {
        ref readonly ScheduleRow row = ref _rows[index];
        long extra = AttributesOf(index).Extra;
        InstallmentKind kind = row.Kind;
        long penalty = kind is InstallmentKind.Holiday or InstallmentKind.Capitalization ? 0 : extra;
        long capitalized = row.Capitalized ? extra : 0;
        return new RowAmounts(row.Principal + row.Interest + penalty, row.Principal, row.Interest, penalty,
            kind == InstallmentKind.Holiday ? extra : 0, capitalized, row.Opening - row.Principal + capitalized);
    }

    /// <summary>What row <paramref name="index"/> repaid less what it added to the balance (principal − capitalized).</summary>
    internal long BalanceChangeOf(int index)
    {
        ref readonly ScheduleRow row = ref _rows[index];
        return row.Principal - (row.Capitalized ? AttributesOf(index).Extra : 0);
    }
}

/// <summary>
/// One row in 32 bytes: the three amounts in minor units, the due date, the period (10 bits are enough for
/// <see cref="Loan.MaxPeriods"/>; 12 are kept), the kind (3 bits), whether its extra amount was capitalized (1 bit),
/// and the index of its <see cref="RowAttributes"/>.
/// </summary>
internal readonly struct ScheduleRow
{
    private const int PeriodBits = 12;

    internal ScheduleRow(long opening, long principal, long interest, LocalDate due, int period, InstallmentKind kind, bool capitalized, ushort attributes)
    {
        Opening = opening;
        Principal = principal;
        Interest = interest;
        Due = due;
        _periodKind = (ushort)(period | ((int)kind << PeriodBits) | (capitalized ? 1 << 15 : 0));
        Attributes = attributes;
    }

    internal long Opening { get; }

    internal long Principal { get; }

    internal long Interest { get; }

    internal LocalDate Due { get; }

    // Declared after the 8-byte fields: a struct's fields are laid out in order, so the two 16-bit fields fill the
    // last 4 bytes instead of padding (ScheduleRowsTests checks the 32 bytes).
    private readonly ushort _periodKind;

    internal ushort Attributes { get; }

    internal int Period => _periodKind & ((1 << PeriodBits) - 1);

    internal InstallmentKind Kind => (InstallmentKind)((_periodKind >> PeriodBits) & 7);

    internal bool Capitalized => (_periodKind & (1 << 15)) != 0;
}

/// <summary>What rows share beyond their amounts: the rate in force, the rate segments of a period with a repricing,
/// and the extra amount (a prepayment's penalty, a holiday's deferred interest, a capitalization's arrears).</summary>
internal readonly record struct RowAttributes(Rate Rate, RateSegment[]? Segments, long Extra);

/// <summary>A row's amounts in minor units (see <see cref="ScheduleRows.AmountsOf"/>).</summary>
internal readonly record struct RowAmounts(long Payment, long Principal, long Interest, long Penalty, long Deferred, long Capitalized, long Closing);
