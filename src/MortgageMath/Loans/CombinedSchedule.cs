using System.Text.Json.Serialization;
using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// The schedule of a <see cref="CombinedLoan"/>: each leg's own <see cref="Schedule"/> (built alone, exactly as that
/// loan would be) and one <see cref="CombinedRow"/> per date on which any leg has a row, in date order, with the sums.
/// Totals are the sums of the legs' totals, exactly. Immutable.
/// </summary>
[JsonConverter(typeof(Serialization.CombinedScheduleJsonConverter))]
public sealed partial class CombinedSchedule : IReadOnlyList<CombinedRow>
{
    private readonly Schedule[] _legs;
    private readonly MergedRow[] _rows; // the rows' figures without a reference to this schedule (a CombinedRow is made on read)
    private int _places;
    private int[] _entryLeg = [];
    private int[] _entryRow = [];
    private CombinedQuote? _quote;

    internal CombinedSchedule(CombinedLoan loan, Schedule[] legs)
    {
        Loan = loan;
        _legs = legs;
        Legs = Array.AsReadOnly(legs);
        _rows = Merge(legs);

        decimal payment = 0m, principal = 0m, interest = 0m, penalty = 0m;
        foreach (Schedule leg in legs)
        {
            payment += leg.TotalPayment;
            principal += leg.TotalPrincipal;
            interest += leg.TotalInterest;
            penalty += leg.TotalPenalty;
        }

        TotalPayment = payment;
        TotalPrincipal = principal;
        TotalInterest = interest;
        TotalPenalty = penalty;
    }

    /// <summary>The combined loan this schedule repays.</summary>
    public CombinedLoan Loan { get; }

    /// <summary>Each leg's own schedule, in the order of <see cref="CombinedLoan.Legs"/>.</summary>
    public IReadOnlyList<Schedule> Legs { get; }

    /// <summary>The number of combined rows: one per date on which any leg has a row.</summary>
    public int Count => _rows.Length;

    /// <summary>The combined row of a 0-based index.</summary>
    /// <param name="index">0-based row index.</param>
    /// <returns>The row.</returns>
    public CombinedRow this[int index] => _rows[index].ToRow(this, _places);

    /// <summary>The first combined row.</summary>
    public CombinedRow First => this[0];

    /// <summary>The last combined row; its <see cref="CombinedRow.ClosingBalance"/> is 0.</summary>
    public CombinedRow Last => this[_rows.Length - 1];

    /// <summary>The sum of the legs' <see cref="Schedule.TotalPayment"/>: principal, interest and penalties.</summary>
    public decimal TotalPayment { get; }

    /// <summary>The sum of the legs' <see cref="Schedule.TotalPrincipal"/>: exactly the combined principal.</summary>
    public decimal TotalPrincipal { get; }

    /// <summary>The sum of the legs' <see cref="Schedule.TotalInterest"/> (the interest actually charged, row by row).</summary>
    public decimal TotalInterest { get; }

    /// <summary>The sum of the legs' <see cref="Schedule.TotalPenalty"/>.</summary>
    public decimal TotalPenalty { get; }

    /// <summary>The interest the legs' payment holidays deferred, in total (<see cref="Schedule.TotalDeferredInterest"/>, summed).</summary>
    public decimal TotalDeferredInterest => _legs.Sum(static l => l.TotalDeferredInterest);

    /// <summary>The interest the legs' payment holidays added to their balances, in total (<see cref="Schedule.TotalCapitalizedInterest"/>, summed).</summary>
    public decimal TotalCapitalizedInterest => _legs.Sum(static l => l.TotalCapitalizedInterest);

    /// <summary>The calculator-style figures per leg and combined (computed on first use).</summary>
    public CombinedQuote Quote => _quote ??= new CombinedQuote(Loan, _legs);

    /// <summary>The schedule of the leg named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The leg's name.</param>
    /// <returns>The leg's schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No leg has that name.</exception>
    public Schedule Leg(string name) => _legs[Loan.IndexOf(name)];

    /// <summary>Returns an enumerator over the combined rows.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<CombinedRow> GetEnumerator()
    {
        for (int k = 0; k < _rows.Length; k++)
        {
            yield return this[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The leg rows in merged order: the leg index and the row index of each.</summary>
    internal (int Leg, int Row) Entry(int index) => (_entryLeg[index], _entryRow[index]);

    /// <summary>
    /// Merges the legs' rows by date: a k-way merge over the (date-ordered) leg schedules. Each date's row holds, leg
    /// by leg in leg order, every row of that leg on that date (a regular row and a prepayment row may share a date).
    /// Sums are exact, in minor units of the finest leg rounding.
    /// </summary>
    private MergedRow[] Merge(Schedule[] legs)
    {
        int legCount = legs.Length;
        int places = 0;
        int entries = 0;
        int most = 0;
        foreach (Schedule leg in legs)
        {
            places = Math.Max(places, leg.Places);
            entries += leg.Count;
            most = Math.Max(most, leg.Count);
        }

        _places = places;
        long[] scale = new long[legCount];
        long[] principalOf = new long[legCount];
        LocalDate[] disbursement = new LocalDate[legCount];
        for (int k = 0; k < legCount; k++)
        {
            scale[k] = FixedPoint.Pow10[places - legs[k].Places];
            disbursement[k] = legs[k].Loan.Disbursement;
            principalOf[k] = checked(legs[k].First.OpeningMinor * scale[k]);
        }

        _entryLeg = new int[entries];
        _entryRow = new int[entries];
        int[] next = new int[legCount];
        var rowsOf = new ScheduleRows[legCount];
        var closingOf = new long[legCount]; // each leg's closing balance after its last row merged so far
        for (int k = 0; k < legCount; k++)
        {
            rowsOf[k] = legs[k].Rows;
        }

        var rows = new MergedRow[most];
        int[] entryLeg = _entryLeg;
        int[] entryRow = _entryRow;
        int count = 0;
        int at = 0;
        while (true)
        {
            LocalDate day = default;
            bool any = false;
            for (int k = 0; k < legCount; k++)
            {
                if (next[k] < rowsOf[k].Count)
                {
                    LocalDate due = rowsOf[k].DueDateOf(next[k]);
                    if (!any || DayNumber.Key(due) < DayNumber.Key(day))
                    {
                        day = due;
                        any = true;
                    }
                }
            }

            if (!any)
            {
                break;
            }

            int start = at;
            long payment = 0, principal = 0, interest = 0, penalty = 0, deferred = 0, capitalized = 0, closing = 0;
            checked
            {
                for (int k = 0; k < legCount; k++)
                {
                    ScheduleRows leg = rowsOf[k];
                    long f = scale[k];
                    while (next[k] < leg.Count)
                    {
                        if (leg.DueDateOf(next[k]) != day)
                        {
                            break;
                        }

                        RowAmounts row = leg.AmountsOf(next[k]);

                        entryLeg[at] = k;
                        entryRow[at] = next[k];
                        at++;
                        payment += row.Payment * f;
                        principal += row.Principal * f;
                        interest += row.Interest * f;
                        penalty += row.Penalty * f;
                        deferred += row.Deferred * f;
                        capitalized += row.Capitalized * f;
                        closingOf[k] = row.Closing;
                        next[k]++;
                    }

                    // What the leg owes after this day: its last row's closing balance (with any interest a holiday
                    // capitalized); before its first row, its principal once disbursed (0 before disbursement).
                    closing += next[k] > 0 ? closingOf[k] * f
                        : disbursement[k] <= day ? principalOf[k]
                        : 0;
                }
            }

            if (count == rows.Length)
            {
                Array.Resize(ref rows, Math.Min(entries, 2 * rows.Length));
            }

            rows[count++] = new MergedRow(day, start, at - start, payment, principal, interest, penalty, deferred, capitalized, closing);
        }

        if (count != rows.Length)
        {
            Array.Resize(ref rows, count);
        }

        return rows;
    }
}

/// <summary>A combined row's figures as the merge writes them, with no reference (so the merge's row array needs no
/// write barrier); <see cref="ToRow"/> makes the public <see cref="CombinedRow"/>.</summary>
internal readonly record struct MergedRow(LocalDate Date, int Start, int Count, long Payment, long Principal, long Interest,
    long Penalty, long Deferred, long Capitalized, long Closing)
{
    internal CombinedRow ToRow(CombinedSchedule schedule, int places) =>
        new(schedule, Date, Start, Count, Payment, Principal, Interest, Penalty, Deferred, Capitalized, Closing, places);
}

/// <summary>One leg's schedule row inside a <see cref="CombinedRow"/>.</summary>
/// <param name="Leg">The leg's name (<see cref="LoanLeg.Name"/>).</param>
/// <param name="Row">The row, exactly as in the leg's own schedule.</param>
public readonly record struct LegInstallment(string Leg, Installment Row);

/// <summary>
/// One date of a combined schedule: every leg row due (or paid) that day and their sums. The sums are exact: the
/// sums of the legs' amounts, each already rounded by its leg.
/// </summary>
public readonly struct CombinedRow : IEquatable<CombinedRow>
{
    private readonly CombinedSchedule _schedule;
    private readonly int _start;
    private readonly int _count;
    private readonly long _payment;
    private readonly long _principal;
    private readonly long _interest;
    private readonly long _penalty;
    private readonly long _deferred;
    private readonly long _capitalized;
    private readonly long _closing;
    private readonly int _places;

    internal CombinedRow(CombinedSchedule schedule, LocalDate date, int start, int count, long payment, long principal,
        long interest, long penalty, long deferred, long capitalized, long closing, int places)
    {
        _deferred = deferred;
        _capitalized = capitalized;
        _schedule = schedule;
        Date = date;
        _start = start;
        _count = count;
        _payment = payment;
        _principal = principal;
        _interest = interest;
        _penalty = penalty;
        _closing = closing;
        _places = places;
    }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>The legs' rows on this date, leg by leg in the order of <see cref="CombinedLoan.Legs"/>, each leg's in
    /// its schedule's order (a regular row before a prepayment row of the same day). A leg with nothing due that day
    /// has no entry. Each access builds a new list; keep it in a variable.</summary>
    public IReadOnlyList<LegInstallment> Rows => BuildRows();

    /// <summary>The total debited that day: the sum of the rows' <see cref="Installment.Payment"/>.</summary>
    public decimal Payment => FixedPoint.ToDecimal(_payment, _places);

    /// <summary>The sum of the rows' principal parts.</summary>
    public decimal Principal => FixedPoint.ToDecimal(_principal, _places);

    /// <summary>The sum of the rows' interest.</summary>
    public decimal Interest => FixedPoint.ToDecimal(_interest, _places);

    /// <summary>The sum of the rows' prepayment penalties.</summary>
    public decimal Penalty => FixedPoint.ToDecimal(_penalty, _places);

    /// <summary>The sum of the rows' <see cref="Installment.DeferredInterest"/>: the interest of the payment holidays
    /// on this date, capitalized or to be collected later.</summary>
    public decimal DeferredInterest => FixedPoint.ToDecimal(_deferred, _places);

    /// <summary>The sum of the rows' <see cref="Installment.CapitalizedInterest"/>: the interest added to the balances
    /// on this date. A row's <see cref="ClosingBalance"/> is the previous row's − <see cref="Principal"/> + this.</summary>
    public decimal CapitalizedInterest => FixedPoint.ToDecimal(_capitalized, _places);

    /// <summary>
    /// What all legs owe together after this date: for each leg, the closing balance of its last row on or before
    /// this date (with any interest a payment holiday capitalized); a leg with no row yet owes its principal once
    /// disbursed (0 before); a repaid leg owes 0.
    /// </summary>
    public decimal ClosingBalance => FixedPoint.ToDecimal(_closing, _places);

    /// <summary>The row as one line of text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Date:yyyy-MM-dd} payment {Payment} = principal {Principal} + interest {Interest}{(_penalty != 0 ? string.Create(CultureInfo.InvariantCulture, $" + penalty {Penalty}") : "")}, closing {ClosingBalance} ({string.Join("; ", Rows.Select(r => r.Leg + " " + r.Row.Payment.ToString(CultureInfo.InvariantCulture)))})");

    /// <summary>True when both rows hold the same figures: date, number of leg rows, sums and closing balance.</summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CombinedRow other) =>
        Date == other.Date && _count == other._count && Payment == other.Payment && Principal == other.Principal &&
        Interest == other.Interest && Penalty == other.Penalty && DeferredInterest == other.DeferredInterest &&
        CapitalizedInterest == other.CapitalizedInterest && ClosingBalance == other.ClosingBalance;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CombinedRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, _count, Payment, ClosingBalance);

    /// <summary>True when both rows hold the same figures.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CombinedRow left, CombinedRow right) => left.Equals(right);

    /// <summary>True when the rows differ.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CombinedRow left, CombinedRow right) => !left.Equals(right);

    private ReadOnlyCollection<LegInstallment> BuildRows()
    {
        var rows = new LegInstallment[_count];
        for (int k = 0; k < _count; k++)
        {
            (int leg, int row) = _schedule.Entry(_start + k);
            rows[k] = new LegInstallment(_schedule.Loan.Legs[leg].Name, _schedule.Legs[leg][row]);
        }

        return Array.AsReadOnly(rows);
    }
}
