using System.Runtime.CompilerServices;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// Where the amortization loop puts the rows it works out. The loop is generic over a struct sink, so each sink gets
/// its own compiled loop with <see cref="Write"/> inlined: one walk, no copy of it, and a sink that keeps nothing
/// costs nothing for the rows it does not keep.
/// </summary>
internal interface IRowSink
{
    /// <summary>Called once before the walk: at most <paramref name="capacity"/> rows will be written;
    /// <paramref name="needsHistory"/> when the loop will ask <see cref="BalanceBefore"/> (a prepayment penalty reads
    /// the balance at the start of a loan year); <paramref name="changes"/> are the loan's rate changes;
    /// <paramref name="places"/> the rounding policy's decimal places.</summary>
    void Start(int capacity, bool needsHistory, IReadOnlyList<RateChange> changes, int places);

    /// <summary>One row, in date order, with the arguments of the <see cref="Installment"/> it stands for.</summary>
    void Write(int period, LocalDate due, Rate rate, long opening, long principal, long interest, int places,
        RateSegment[]? segments, InstallmentKind kind, long penalty, long deferred, bool capitalized);

    /// <summary>The balance at the start of <paramref name="day"/>, given the balance now: after every row dated before it.</summary>
    long BalanceBefore(LocalDate day, long balance);

    /// <summary>True while the sink needs no plain row one by one (a regular row of the loop's fast path, with one
    /// rate, no segments, no penalty): the loop then only counts them and tells <see cref="SkipPlainRows"/>.</summary>
    bool SkipsPlainRows { get; }

    /// <summary>Whether the loop may take its plain path (<see cref="StartPlain"/>, <see cref="WritePlain"/>); false
    /// makes every period take the general step and <see cref="Write"/>.</summary>
    bool AcceptsPlainRows { get; }

    /// <summary>Before a stretch of plain rows (<see cref="WritePlain"/>): their rate.</summary>
    void StartPlain(Rate rate);

    /// <summary>Whether <see cref="WritePlain"/> is given the due date's day number (<see cref="DayNumber"/>); a
    /// constant of the sink, so that the loop works it out only for a sink that reads it.</summary>
    bool WantsDayNumbers { get; }

    /// <summary>A plain row: a regular row at the rate given to <see cref="StartPlain"/>, with no segments, penalty
    /// or deferred amount; the same row as <see cref="Write"/> with those arguments. <paramref name="dueDay"/>: the
    /// day number of <paramref name="due"/> when the sink <see cref="WantsDayNumbers"/>, else 0.</summary>
    void WritePlain(int period, LocalDate due, int dueDay, long opening, long principal, long interest);

    /// <summary>Instead of <paramref name="rows"/> plain rows, while <see cref="SkipsPlainRows"/>: their number and
    /// the last one's due date.</summary>
    void SkipPlainRows(int rows, LocalDate last);
}

/// <summary>The schedule's sink: keeps every row, in the compact form of <see cref="ScheduleRows"/>.</summary>
internal struct ScheduleSink : IRowSink
{
    private ScheduleRows _rows;

    public void Start(int capacity, bool needsHistory, IReadOnlyList<RateChange> changes, int places) =>
        _rows = new ScheduleRows(capacity, places, changes.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Write(int period, LocalDate due, Rate rate, long opening, long principal, long interest, int places,
        RateSegment[]? segments, InstallmentKind kind, long penalty, long deferred, bool capitalized) =>
        _rows.Add(period, due, rate, opening, principal, interest, segments, kind,
            kind is InstallmentKind.Holiday or InstallmentKind.Capitalization ? deferred : penalty, capitalized);

    public readonly long BalanceBefore(LocalDate day, long balance)
    {
        for (int k = _rows.Count - 1; k >= 0 && _rows.DueDateOf(k) >= day; k--)
        {
            balance += _rows.BalanceChangeOf(k);
        }

        return balance;
    }

    public readonly bool SkipsPlainRows => false;

    public readonly bool AcceptsPlainRows => _rows.AcceptsPlainRows;

    public readonly void StartPlain(Rate rate) => _rows.StartPlain(rate);

    public readonly bool WantsDayNumbers => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void WritePlain(int period, LocalDate due, int dueDay, long opening, long principal, long interest) =>
        _rows.AddPlain(period, due, opening, principal, interest);

    public readonly void SkipPlainRows(int rows, LocalDate last) => throw new InvalidOperationException("the schedule keeps every row");

    /// <summary>The rows written.</summary>
    public readonly ScheduleRows Rows() => _rows;
}

/// <summary>
/// The totals' sink: keeps no row, only what <see cref="LoanTotals"/> reports. Every figure is what the schedule's
/// rows give (the property tests derive each from <see cref="Schedule"/> and compare): the last row's date, the row
/// count, and, as of a date, the opening balance of the first row dated on or after it, the payment of the first
/// regular (or balloon) row due on or after it, the payment of the first regular row due after the next rate change
/// whose period had one rate (not the straddled period, whose interest is split by days),
/// and the interest of the rows dated in the window.
/// </summary>
internal struct TotalsSink : IRowSink
{
    private readonly bool _asked; // an as-of date was given
    private readonly LocalDate _asOf;
    private readonly LocalDate _windowEnd;
    private bool _watching; // some as-of figure is still open
    private LocalDate _changeDate;
    private bool _hasChange;
    private ScheduleSink _history; // only for a loan whose penalty reads the balance back
    private bool _keepHistory;

    private LocalDate _last;
    private int _rows;
    private bool _seenAsOf;
    private long _balanceAsOf;
    private bool _hasNextPayment;
    private long _nextPayment;
    private bool _hasNewPayment;
    private long _newPayment;
    private long _windowInterest;
    private RateChange? _change;
    private int _prepaidPeriod; // the period of the row before when it was a prepayment, else 0 (periods count from 1)
    private Rate _plainRate; // the rate of the plain rows being written
    private int _places;

    internal TotalsSink(LocalDate? asOf, LocalDate? windowEnd)
    {
        this = default;
        if (asOf is { } date)
        {
            _asked = true;
            _asOf = date;
            _windowEnd = windowEnd ?? date;
        }
    }

    public void Start(int capacity, bool needsHistory, IReadOnlyList<RateChange> changes, int places)
    {
        _places = places;
        _keepHistory = needsHistory;
        if (needsHistory)
        {
            _history.Start(capacity, true, changes, places);
        }

        if (_asked)
        {
            _watching = true;
            foreach (RateChange change in changes)
            {
                if (change.EffectiveDate > _asOf)
                {
                    _change = change;
                    _changeDate = change.EffectiveDate;
                    _hasChange = true;
                    break;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(int period, LocalDate due, Rate rate, long opening, long principal, long interest, int places,
        RateSegment[]? segments, InstallmentKind kind, long penalty, long deferred, bool capitalized)
    {
        _last = due;
        _rows++;
        if (_keepHistory)
        {
            _history.Write(period, due, rate, opening, principal, interest, places, segments, kind, penalty, deferred, capitalized);
        }

        if (_watching)
        {
            // A regular row right after a prepayment of its own period is the stub that prepayment leaves.
            Watch(due, opening, principal + interest + penalty, interest, kind is InstallmentKind.Regular or InstallmentKind.Balloon, segments is null && _prepaidPeriod != period);
            _prepaidPeriod = kind == InstallmentKind.Prepayment ? period : 0; // only read while watching, which never resumes
        }
    }

    /// <summary>The as-of figures, while one is still open (a dozen rows or so past the as-of date).</summary>
    private void Watch(LocalDate due, long opening, long payment, long interest, bool regular, bool wholePeriod)
    {
        if (due < _asOf)
        {
            return;
        }

        if (!_seenAsOf)
        {
            _seenAsOf = true;
            _balanceAsOf = opening;
        }

        if (regular && !_hasNextPayment)
        {
            _hasNextPayment = true;
            _nextPayment = payment;
        }

        if (regular && wholePeriod && _hasChange && !_hasNewPayment && due > _changeDate)
        {
            _hasNewPayment = true;
            _newPayment = payment;
        }

        bool inWindow = due < _windowEnd;
        if (inWindow)
        {
            _windowInterest += interest;
        }

        _watching = inWindow || !_hasNextPayment || (_hasChange && !_hasNewPayment);
    }

    public readonly long BalanceBefore(LocalDate day, long balance) => _history.BalanceBefore(day, balance);

    /// <summary>Always: a plain row goes through <see cref="Write"/>, and the history (if kept) through its general add.</summary>
    public readonly bool AcceptsPlainRows => true;

    public void StartPlain(Rate rate) => _plainRate = rate;

    public readonly bool WantsDayNumbers => false;

    public void WritePlain(int period, LocalDate due, int dueDay, long opening, long principal, long interest) =>
        Write(period, due, _plainRate, opening, principal, interest, _places, null, InstallmentKind.Regular, 0, 0, false);

    /// <summary>Once no as-of figure is open and no history is kept, a plain row changes only the count and the last date.</summary>
    public readonly bool SkipsPlainRows => !_watching && !_keepHistory;

    public void SkipPlainRows(int rows, LocalDate last)
    {
        _rows += rows;
        _last = last;
    }

    internal readonly LoanTotals ToTotals(int places, long principal, long interest, long penalty, int regularPayments, LocalDate? asOf, LocalDate? windowEnd) =>
        new(places, principal, interest, penalty, regularPayments, _rows, _last, asOf, windowEnd, _balanceAsOf,
            _hasNextPayment ? _nextPayment : null, _change, _hasNewPayment ? _newPayment : null, _windowInterest);
}
