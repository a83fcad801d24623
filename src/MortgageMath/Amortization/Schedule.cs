using System.Text.Json.Serialization;
using System.Collections;

namespace MortgageMath;

/// <summary>
/// A repayment schedule: one <see cref="Installment"/> per period, with totals. Immutable; indexing is O(1) and
/// enumeration allocates nothing. The closing balance of the last row is exactly 0 and the principal parts sum to
/// the loan exactly.
/// </summary>
[JsonConverter(typeof(Serialization.ScheduleJsonConverter))]
public sealed partial class Schedule : IReadOnlyList<Installment>
{
    private readonly ScheduleRows _rows;
    private readonly long _totalPrincipal;
    private readonly long _totalInterest;
    private readonly long _totalPenalty;
    private LoanQuote? _quote;

    internal Schedule(Loan loan, ScheduleRows rows, long totalPrincipal, long totalInterest, IReadOnlyList<RateChange> rateChanges,
        long totalPenalty = 0, int regularPayments = -1)
    {
        _totalPenalty = totalPenalty;
        RegularPayments = regularPayments < 0 ? rows.Count : regularPayments;
        RateChanges = rateChanges;
        Loan = loan;
        _rows = rows;
        _totalPrincipal = totalPrincipal;
        _totalInterest = totalInterest;
    }

    /// <summary>The loan this schedule repays.</summary>
    public Loan Loan { get; }

    /// <summary>Every date on which the loan's rate changed or an event changed its plan (a conversion to LPR keeps the
    /// rate until the next repricing), with the causes; the first entry is the rate at disbursement.</summary>
    public IReadOnlyList<RateChange> RateChanges { get; }

    /// <summary>The number of rows: one per regular payment, plus one per prepayment or payoff.</summary>
    public int Count => _rows.Count;

    /// <summary>The row of a 0-based index (period <paramref name="index"/> + 1).</summary>
    /// <param name="index">0-based row index, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>;
    /// the exception's <c>ActualValue</c> is the index and its message gives the valid range.</exception>
    public Installment this[int index] => (uint)index < (uint)_rows.Count ? _rows[index] : throw RowIndexOutOfRange(index, _rows.Count, nameof(Resources.LibraryText.Valid_Subject_ScheduleRows));

    /// <summary>The sum of all payments: <see cref="TotalPrincipal"/> + <see cref="TotalInterest"/> + <see cref="TotalPenalty"/>.</summary>
    public decimal TotalPayment => FixedPoint.ToDecimal(_totalPrincipal + _totalInterest + _totalPenalty, Places);

    /// <summary>The sum of the prepayment penalties paid.</summary>
    public decimal TotalPenalty => FixedPoint.ToDecimal(_totalPenalty, Places);

    /// <summary>The number of regular payments (rows of kind <see cref="InstallmentKind.Regular"/>, or
    /// <see cref="InstallmentKind.Deferred"/>); with prepayments
    /// that shorten the term it is below <see cref="MortgageMath.Loan.Periods"/>.</summary>
    public int RegularPayments { get; }

    /// <summary>The sum of all principal parts: exactly the loan's principal plus any amount capitalized (a payment
    /// holiday's interest, capitalized arrears: <see cref="TotalCapitalizedInterest"/>).</summary>
    public decimal TotalPrincipal => FixedPoint.ToDecimal(_totalPrincipal, Places);

    /// <summary>The sum of the interest actually charged, row by row (the "schedule" total).</summary>
    public decimal TotalInterest => FixedPoint.ToDecimal(_totalInterest, Places);

    /// <summary>The interest the schedule's payment holidays deferred, in total (capitalized or collected later); 0
    /// without a holiday.</summary>
    public decimal TotalDeferredInterest => FixedPoint.ToDecimal(SumMinor(static r => r.DeferredMinor), Places);

    /// <summary>The amounts the schedule's payment holidays and arrears capitalizations added to the balance, in total (the sum of
    /// <see cref="Installment.CapitalizedInterest"/>); <see cref="TotalPrincipal"/> is the loan plus this.</summary>
    public decimal TotalCapitalizedInterest => FixedPoint.ToDecimal(SumMinor(static r => r.CapitalizedMinor), Places);

    /// <summary>The payments a <see cref="PaymentDeferral"/> moved to the last row, in total (the sum of the
    /// <see cref="Installment.Payment"/> of the rows of kind <see cref="InstallmentKind.Deferred"/>): due, without
    /// interest, with the last row, on top of its own payment; 0 without a deferral.</summary>
    public decimal TotalDeferredPayments => FixedPoint.ToDecimal(SumMinor(static r => r.Kind == InstallmentKind.Deferred ? r.PaymentMinor : 0), Places);

    /// <summary>The first row.</summary>
    public Installment First => _rows[0];

    /// <summary>The last row, which settles the remaining balance.</summary>
    public Installment Last => _rows[_rows.Count - 1];

    /// <summary>The calculator-style figures for this loan (computed on first use), beside this schedule's totals.</summary>
    public LoanQuote Quote => _quote ??= LoanQuote.For(Loan, this);

    private long SumMinor(Func<Installment, long> amount)
    {
        long total = 0;
        for (int k = 0; k < _rows.Count; k++)
        {
            total += amount(_rows[k]);
        }

        return total;
    }

    internal int Places => Loan.Rounding.DecimalPlaces;

    /// <summary>
    /// The error of an indexer given a row that does not exist, naming the index and the valid range (an array would
    /// throw <see cref="IndexOutOfRangeException"/>, which names neither). Shared by the schedule types.
    /// </summary>
    internal static ArgumentOutOfRangeException RowIndexOutOfRange(int index, int count, string what) =>
        new("index", index, Resources.Localized.Format(Resources.LibraryText.Valid_RowIndex, count - 1, Resources.Localized.Text(what), count, index));

    internal long TotalInterestMinor => _totalInterest;

    /// <summary>The compact rows themselves, for internal readers that need no public <see cref="Installment"/>.</summary>
    internal ScheduleRows Rows => _rows;

    /// <summary>Returns an allocation-free enumerator over the rows.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_rows);

    IEnumerator<Installment> IEnumerable<Installment>.GetEnumerator()
    {
        for (int k = 0; k < _rows.Count; k++)
        {
            yield return _rows[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Installment>)this).GetEnumerator();

    /// <summary>An allocation-free enumerator over a schedule's rows.</summary>
    public struct Enumerator
    {
        private readonly ScheduleRows _rows;
        private int _index;

        internal Enumerator(ScheduleRows rows)
        {
            _rows = rows;
            _index = -1;
        }

        /// <summary>The current row.</summary>
        public readonly Installment Current => _rows[_index];

        /// <summary>Moves to the next row.</summary>
        /// <returns>False after the last row.</returns>
        public bool MoveNext() => ++_index < _rows.Count;
    }
}
