using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using NodaTime;

namespace MortgageMath.Servicing;

/// <summary>
/// Builds a <see cref="LoanAccount"/>: jumps from one day on which something happens (an instalment falls due, a late
/// fee is assessed, a payment arrives) to the next, in order, over the rows of the one contractual schedule
/// (<see cref="Amortizer"/>'s loop; a prepayment made from excess money is a <see cref="Prepayment"/> event on the loan
/// and so goes through that loop too). Between two such days nothing changes, so no day is walked. Amounts are whole
/// minor units; penalty interest is the exact rational <c>overdue × penalty rate × days / (360 or 365)</c>, rounded
/// once per stretch of unchanged overdue amount.
/// <para>
/// The state is kept in flat struct arrays: one <see cref="Item"/> per instalment (80 bytes; the late fee and penalty
/// charges of the few instalments that have any in a <see cref="Charges"/> slot of their own), and, when the ledger is
/// recorded, one <see cref="Line"/> per ledger line and one <see cref="Alloc"/> per allocation, a line owning a range of
/// them. The walk that builds the account records no ledger: it only moves the instalments, and walks the common days
/// in a tight loop (<see cref="CommonDays"/>: a due date whose held credit and payments go to the one instalment
/// falling due; <see cref="PaymentDay"/>: a payment that settles the one instalment open, or finds none open), leaving
/// every other day to the general step. The ledger is made when it is first read (<see cref="Ledger"/>) by replaying the
/// walk from the contract with every line and allocation recorded and no common-day path: the same days, the same
/// order. Once built, the builder is the account's store: the public records (<see cref="AccountInstalment"/>,
/// <see cref="PaymentApplication"/>, <see cref="Allocation"/>) are made from it when the account's lists are first read,
/// and the totals are summed here in minor units (<see cref="Totals"/>).
/// </para>
/// </summary>
internal sealed class AccountBuilder
{
    private readonly OverduePolicy _policy;
    private readonly RoundingPolicy _rounding;
    private readonly RoundingMode _mode;
    private readonly int _places;
    private readonly int _grace;
    private readonly long _toleranceMinor;
    private readonly int _basis;
    private readonly bool _compound;
    private readonly bool _interestFirst; // the allocation order puts interest before principal
    private readonly bool _oldestFirst; // the allocation scope is oldest instalment first
    private readonly bool _prepays; // excess money is prepaid (not held as credit)
    private readonly bool _record; // the ledger is recorded (the replay); the first walk only moves the instalments
    private readonly Loan _contract; // the loan as given, before any prepayment the walk makes
    private Loan _loan;
    private Schedule? _schedule; // made only when the items are read from it (see InstalmentSink) or a prepayment rebuilt them
    private Item[] _items;
    private Charges[] _charges = []; // a slot for each instalment with a late fee or a penalty charge (Item.Slot)
    private int _chargeCount;
    private int _count;
    private PenaltyTerms[] _terms = new PenaltyTerms[2];
    private int _termCount;
    private Line[] _lines = [];
    private long[] _minors = []; // the payments' amounts in minor units, by position given
    private ReceivedPayment[] _given = [];
    private long[] _keys = []; // the payments counted as (day, position given), in the order applied
    private int _lineCount;
    private Dictionary<int, string>? _notes; // by line: why excess money was held although the policy prepays, or "arrears capitalized" (rare)
    private Dictionary<int, long>? _capitalized; // by line: the arrears a capitalization settled (rare)
    private readonly (int Day, long Amount)[] _capitalizations; // the schedule's arrears capitalizations, in date order
    private Alloc[] _allocs = [];
    private int _allocCount;
    private long _credit;
    private int _firstOpen;
    private bool _rebuilt;
    private LocalDate _today; // the date of the day being walked
    private int _asOfDay;
    private int _shown; // the instalments due on or before the as-of date: the first _shown items
    private decimal[] _totals = [];
    private Item[]? _rented; // the items array rented from the pool for the first walk (returned when the account is made)
    private AccountBuilder? _replay; // the walk replayed with the ledger recorded, made when the records are first read

    private AccountBuilder(Loan loan, OverduePolicy policy, bool record = false)
    {
        _loan = loan;
        _contract = loan;
        _record = record;
        _policy = policy;
        _rounding = loan.Rounding;
        _mode = _rounding.Mode;
        _places = _rounding.DecimalPlaces;
        _grace = policy.GraceDays;
        _toleranceMinor = policy.Tolerance == 0m ? 0 : ToMinorRounded(policy.Tolerance);
        _basis = policy.DayCount.DaysInYear();
        _compound = policy.CompoundInterest;
        _oldestFirst = policy.Allocation.Scope == AllocationScope.OldestInstalmentFirst;
        _interestFirst = policy.Allocation.BucketSpan.IndexOf(AllocationBucket.Interest) < policy.Allocation.BucketSpan.IndexOf(AllocationBucket.Principal);
        _prepays = policy.Excess.PrepaymentOption is not null;
        System.Diagnostics.Debug.Assert(Unsafe.SizeOf<Item>() == 64, "an instalment's state is 64 bytes (see Item)");
        InstalmentSink sink = Amortizer.Walk(loan, new InstalmentSink(this)); // the one loop, writing the items
        _items = sink.Items;
        if (sink.Complete)
        {
            _count = sink.Count;
            _capitalizations = [];
        }
        else
        {
            // a deferred payment or an arrears capitalization: the items are read from the schedule's rows
            _termCount = 0;
            _schedule = loan.BuildSchedule();
            _count = ItemsOf(_schedule, 0, out _capitalizations);
        }
    }

    internal static LoanAccount Build(Loan loan, IEnumerable<ReceivedPayment> payments, LocalDate asOf, OverduePolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(payments);
        policy ??= OverduePolicy.China;
        asOf = DayNumber.RequireIso(asOf, nameof(asOf));
        if (asOf < loan.Disbursement)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), DateText.Iso(asOf),
                Resources.Localized.Format(Resources.LibraryText.Valid_AccountBeforeDisbursement, DateText.Iso(loan.Disbursement), DateText.Iso(asOf)));
        }

        ReceivedPayment[] given = payments.ToArray(); // a copy (by CopyTo when the payments are a collection)
        var builder = new AccountBuilder(loan, policy);
        int asOfDay = DayNumber.Of(asOf);

        // The payments counted, in arrays rented for the walk (the replay that makes the records counts them again).
        long[] keys = ArrayPool<long>.Shared.Rent(given.Length);
        long[] minors = ArrayPool<long>.Shared.Rent(given.Length);
        int counted = Count(loan, given, asOfDay, keys, minors, nameof(payments));
        builder.Run(given, keys, counted, minors, asOfDay);
        int after = given.Length - counted;
        IReadOnlyList<ReceivedPayment> countedPayments = after == 0 ? Array.AsReadOnly(given) : Array.AsReadOnly([.. given.Where(p => p.Date <= asOf)]);
        LoanAccount account = builder.Result(asOf, countedPayments, after);
        builder.ReturnItems(); // the account's figures are made: its records come from a replay (see Replay)
        builder._keys = builder._minors = [];
        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<long>.Shared.Return(minors);
        return account;
    }

    /// <summary>
    /// Checks the payments and counts those dated by the as-of date: their (day, position given) keys in the order
    /// applied (by day, then as given) in the first of <paramref name="keys"/>, and every payment's amount in minor
    /// units in <paramref name="minors"/>, by position given; returns how many are counted.
    /// </summary>
    /// <exception cref="ArgumentException">A payment is missing.</exception>
    /// <exception cref="PaymentRecordException">A payment is dated before the disbursement or has more decimals than
    /// the loan's minor unit.</exception>
    private static int Count(Loan loan, ReceivedPayment[] given, int asOfDay, long[] keys, long[] minors, string paramName)
    {
        int disbursementDay = DayNumber.Of(loan.Disbursement);
        int places = loan.Rounding.DecimalPlaces;
        int counted = 0;
        bool sorted = true;
        long lastKey = long.MinValue;
        for (int k = 0; k < given.Length; k++)
        {
            ReceivedPayment p = given[k] ?? throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_PaymentNull, k + 1), paramName);
            int day = p.Day;
            if (day < disbursementDay)
            {
                throw new PaymentRecordException(k, p, PaymentProblem.BeforeDisbursement,
                    Resources.Localized.Format(Resources.LibraryText.Valid_PaymentBeforeDisbursement, p.Amount, DateText.Iso(p.Date), DateText.Iso(loan.Disbursement)));
            }

            if (!p.TryToMinor(places, out minors[k]))
            {
                throw new PaymentRecordException(k, p, PaymentProblem.TooManyDecimalPlaces,
                    Resources.Localized.Format(Resources.LibraryText.Valid_PaymentDecimals, p.Amount, DateText.Iso(p.Date), places));
            }

            if (day <= asOfDay)
            {
                long key = ((long)day << 32) | (uint)k;
                sorted &= key > lastKey;
                lastKey = key;
                keys[counted++] = key;
            }
        }

        if (!sorted)
        {
            Array.Sort(keys, 0, counted); // by day, then by position given: same-day payments keep their order
        }

        return counted;
    }

    /// <summary>One instalment's contract figures and what has happened to it, in minor units, in 64 bytes (the walk
    /// writes and reads all of them: a 30-year loan's 360 fit the first-level cache, and at 96 bytes, which do not, the
    /// account was 15% slower): the schedule's own charge and the late fee and penalty charges, which most instalments
    /// never have, are in a slot of <see cref="_charges"/> of their own once it has one (<see cref="Slot"/>; see
    /// <see cref="ChargesOf"/>).</summary>
    private struct Item
    {
        internal int DueDay;
        internal LocalDate Due; // DueDay's date (the records and the ledger read it; working it out costs more)
        internal int Terms; // index into _terms: the contract rate and its penalty rate
        internal int SegmentStart;
        internal int ClearedDay; // int.MaxValue while principal and interest are not paid in full (the date: ClearedOn)
        internal int Slot; // 1 + its place in _charges, or 0 while every charge is 0
        internal ushort Period; // at most Loan.MaxPeriods
        internal InstallmentKind Kind;
        internal bool FeeAssessed;
        internal long DuePrincipal;
        internal long DueInterest;
        internal long PaidPrincipal;
        internal long PaidInterest;

        internal readonly bool IsCleared => ClearedDay != int.MaxValue;

        /// <summary>The day principal and interest were paid in full (<see cref="IsCleared"/>).</summary>
        internal readonly LocalDate ClearedOn => ClearedDay == DueDay ? Due : DayNumber.ToDate(ClearedDay);

        internal readonly long OutstandingPrincipal => DuePrincipal - PaidPrincipal;

        internal readonly long OutstandingInterest => DueInterest - PaidInterest;
    }

    /// <summary>The contractual amount unpaid: principal, interest and the schedule's own charge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long OutstandingScheduled(in Item item) =>
        item.OutstandingPrincipal + item.OutstandingInterest + ChargesOf(in item).ScheduledFee - ChargesOf(in item).PaidScheduledFee;

    /// <summary>An instalment's late fee and penalty charges (all 0 for most instalments: kept apart from
    /// <see cref="Item"/>, in <see cref="_charges"/>, a slot for each instalment that has one).</summary>
    private struct Charges
    {
        internal long ScheduledFee; // the schedule's own charge on the row (a prepayment's penalty)
        internal long PaidScheduledFee;
        internal long LateFee;
        internal long PaidLateFee;
        internal long PenaltyClosed;
        internal long CompoundClosed;
        internal long PaidPenalty;
        internal long PaidCompound;
        internal int Item; // the index of the instalment whose slot this is (or was, before a prepayment rebuilt the rows)
    }

    private static readonly Charges NoCharges;

    /// <summary>The charges of an instalment, to read (all 0 when it has none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly Charges ChargesOf(in Item item)
    {
        if (item.Slot == 0)
        {
            return ref NoCharges;
        }

        return ref _charges[item.Slot - 1];
    }

    /// <summary>The charges of an instalment, to write: a slot of its own from now on.</summary>
    private ref Charges ChargesFor(ref Item item, int index)
    {
        if (item.Slot == 0)
        {
            if (_chargeCount == _charges.Length)
            {
                Array.Resize(ref _charges, Math.Max(16, _chargeCount * 2));
            }

            _charges[_chargeCount].Item = index;
            item.Slot = ++_chargeCount;
        }

        return ref _charges[item.Slot - 1];
    }

    /// <summary>Gives an instalment the schedule's own charge on its row (none when 0), in its charges slot.</summary>
    private void ScheduledFee(ref Item item, int index, long fee)
    {
        if (fee != 0)
        {
            ChargesFor(ref item, index).ScheduledFee = fee;
        }
    }

    /// <summary>The schedule's charge and the late fee unpaid.</summary>
    private long OutstandingFees(in Item item)
    {
        ref readonly Charges charges = ref ChargesOf(in item);
        return charges.ScheduledFee - charges.PaidScheduledFee + charges.LateFee - charges.PaidLateFee;
    }

    /// <summary>A contract rate, the penalty rate on it, and that rate as the exact fraction <c>N / D</c> of a day's
    /// charge (D includes the year's days); <see cref="Small"/> when both fit a <see cref="long"/>.</summary>
    private readonly record struct PenaltyTerms(Rate AnnualRate, Rate PenaltyRate, BigInteger Numerator, BigInteger Denominator, long N, long D, bool Small);

    /// <summary>One ledger line; its allocations are <c>_allocs[AllocStart .. AllocStart + AllocCount]</c>. No
    /// references (its note is in <see cref="_notes"/>), so growing the array is a plain copy.</summary>
    private struct Line
    {
        internal int PaymentIndex; // -1: held credit applied
        internal LocalDate Date;
        internal int AllocStart;
        internal int AllocCount;
        internal long FromCredit;
        internal long Prepaid;
        internal long ToCredit;
    }

    /// <summary>Money applied to one bucket of one instalment (its period and due date as when it was paid), in 16
    /// bytes: the bucket in the top byte of the amount (an amount is below 10^17 minor units, far below 2^56).</summary>
    private readonly struct Alloc(int period, LocalDate due, AllocationBucket bucket, long amount)
    {
        private readonly long _packed = amount | ((long)bucket << 56);

        internal int Period { get; } = period;

        internal LocalDate Due { get; } = due;

        internal AllocationBucket Bucket => (AllocationBucket)(_packed >>> 56);

        internal long Amount => _packed & ((1L << 56) - 1);
    }

    /// <summary>Fills the items from <paramref name="from"/> on (counting rows with a payment) from the schedule's
    /// rows, keeping those before it; returns the count. <paramref name="capitalizations"/>: the days and amounts of the
    /// schedule's arrears capitalizations, in date order, read in the same pass.</summary>
    private int ItemsOf(Schedule schedule, int from, out (int Day, long Amount)[] capitalizations)
    {
        int needed = schedule.Count + from;
        if (_items.Length < needed)
        {
            Array.Resize(ref _items, needed);
        }

        Item[] items = _items;
        if (from > 0)
        {
            Array.Clear(items, from, items.Length - from); // those kept stay; the rest are written below (and the tail is clear)
        }

        int count = from;
        int index = 0;
        int terms = -1;
        Rate lastRate = default;
        List<(Item, long)>? deferred = null;
        List<(int, long)>? capitalized = null;
        LocalDate last = schedule.Last.DueDate;
        int lastDay = DayNumber.Of(last);
        Item spare = default;
        foreach (Installment row in schedule)
        {
            if (row.Kind == InstallmentKind.Capitalization)
            {
                (capitalized ??= []).Add((DayNumber.Of(row.DueDate), row.CapitalizedMinor));
            }

            if (row.PaymentMinor <= 0)
            {
                continue; // a holiday or a capitalization: nothing falls due
            }

            // A deferred payment falls due with the last row, after every other: never among the items kept (all due
            // by today, before the last row), it is always taken from the schedule.
            bool isDeferred = row.Kind == InstallmentKind.Deferred;
            if (!isDeferred && index++ < from)
            {
                continue;
            }

            Rate rate = row.AnnualRate;
            if (terms < 0 || rate != lastRate)
            {
                lastRate = rate;
                terms = TermsFor(rate);
            }

            int dueDay = isDeferred ? lastDay : DayNumber.Of(row.DueDate);
            ref Item item = ref isDeferred ? ref spare : ref items[count];
            item = default; // the array is not zeroed when made (its items are written here, once)
            item.Period = (ushort)row.Period;
            item.DueDay = dueDay;
            item.Due = isDeferred ? last : row.DueDate;
            item.Kind = row.Kind;
            item.Terms = terms;
            item.DuePrincipal = row.PrincipalMinor;
            item.DueInterest = row.InterestMinor;
            item.SegmentStart = dueDay;
            item.ClearedDay = int.MaxValue;
            if (isDeferred)
            {
                (deferred ??= []).Add((item, row.PenaltyMinor));
            }
            else
            {
                ScheduledFee(ref item, count, row.PenaltyMinor);
                count++;
            }
        }

        if (deferred is not null)
        {
            foreach ((Item item, long fee) in deferred)
            {
                items[count] = item;
                ScheduledFee(ref items[count], count, fee);
                count++;
            }
        }

        capitalizations = capitalized is null ? [] : [.. capitalized];
        return count;
    }

    /// <summary>
    /// The account's sink on the amortization loop (<see cref="Amortizer.Walk{TSink}"/>): each row with a payment is
    /// written straight into its <see cref="Item"/> as the loop works it out, as <see cref="ItemsOf"/> would read it
    /// from the schedule's row, so the usual account makes no schedule. A deferred payment or an arrears
    /// capitalization (rows <see cref="ItemsOf"/> moves or reads apart) makes it give up (<see cref="Complete"/>
    /// false); the builder then makes the schedule and reads it. A loan whose prepayment penalty reads the balance
    /// back keeps the schedule's rows as well, for the loop's <see cref="BalanceBefore"/>.
    /// </summary>
    private struct InstalmentSink : IRowSink
    {
        private readonly AccountBuilder _builder; // its penalty terms, one entry per contract rate (TermsFor)
        private Item[] _items;
        private int _count;
        private bool _givenUp;
        private int _terms; // the penalty terms of the rate last seen (-1: none yet)
        private Rate _rate;
        private ScheduleSink _history;
        private bool _keepHistory;

        internal InstalmentSink(AccountBuilder builder)
        {
            this = default;
            _builder = builder;
            _items = [];
            _terms = -1;
        }

        /// <summary>False when a row was met that only <see cref="ItemsOf"/> reads (the items are then incomplete).</summary>
        internal readonly bool Complete => !_givenUp;

        internal readonly Item[] Items => _items;

        internal readonly int Count => _count;

        public void Start(int capacity, bool needsHistory, IReadOnlyList<RateChange> changes, int places)
        {
            // Add writes every field of every item it fills. The first walk's array is the pool's: it is needed only
            // until the account's figures are made (its records come from a replay).
            _items = _builder._record ? GC.AllocateUninitializedArray<Item>(capacity) : _builder._rented = ArrayPool<Item>.Shared.Rent(capacity);
            _keepHistory = needsHistory;
            if (needsHistory)
            {
                _history.Start(capacity, true, changes, places);
            }
        }

        public void Write(int period, LocalDate due, Rate rate, long opening, long principal, long interest, int places,
            RateSegment[]? segments, InstallmentKind kind, long penalty, long deferred, bool capitalized)
        {
            if (_keepHistory)
            {
                _history.Write(period, due, rate, opening, principal, interest, places, segments, kind, penalty, deferred, capitalized);
            }

            _givenUp |= kind is InstallmentKind.Deferred or InstallmentKind.Capitalization;
            long fee = Installment.CarriesPenalty(kind) ? penalty : 0; // the row's PenaltyMinor
            if (_givenUp || principal + interest + fee <= 0)
            {
                return; // a holiday: nothing falls due (the row's PaymentMinor)
            }

            Add(period, due, DayNumber.Of(due), TermsOf(rate), kind, principal, interest, fee);
        }

        public readonly long BalanceBefore(LocalDate day, long balance) => _history.BalanceBefore(day, balance);

        public readonly bool SkipsPlainRows => false;

        public readonly bool AcceptsPlainRows => !_keepHistory || _history.AcceptsPlainRows;

        public void StartPlain(Rate rate)
        {
            if (_keepHistory)
            {
                _history.StartPlain(rate);
            }

            _terms = TermsOf(rate);
        }

        public readonly bool WantsDayNumbers => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePlain(int period, LocalDate due, int dueDay, long opening, long principal, long interest)
        {
            if (_keepHistory)
            {
                _history.WritePlain(period, due, dueDay, opening, principal, interest);
            }

            if (!_givenUp && principal + interest > 0)
            {
                Add(period, due, dueDay, _terms, InstallmentKind.Regular, principal, interest, 0);
            }
        }

        public readonly void SkipPlainRows(int rows, LocalDate last) => throw new InvalidOperationException("the account keeps every row");

        /// <summary>The penalty terms of a contract rate: those of the last rate when it is the same.</summary>
        private int TermsOf(Rate rate)
        {
            if (_terms < 0 || rate != _rate)
            {
                _rate = rate;
                _terms = _builder.TermsFor(rate);
            }

            return _terms;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Add(int period, LocalDate due, int dueDay, int terms, InstallmentKind kind, long principal, long interest, long fee)
        {
            System.Diagnostics.Debug.Assert(dueDay == DayNumber.Of(due), "the loop's day number is the due date's");
            ref Item item = ref _items[_count];
            item.Period = (ushort)period;
            item.DueDay = dueDay;
            item.Due = due;
            item.Terms = terms;
            item.SegmentStart = dueDay;
            item.ClearedDay = int.MaxValue;
            item.Slot = 0;
            item.Kind = kind;
            item.FeeAssessed = false;
            item.DuePrincipal = principal;
            item.DueInterest = interest;
            item.PaidPrincipal = 0;
            item.PaidInterest = 0;
            if (fee != 0)
            {
                _builder.ScheduledFee(ref item, _count, fee);
            }

            _count++;
        }
    }

    /// <summary>The index of the penalty terms for a contract rate: the last ones when of the same rate, else new ones.</summary>
    private int TermsFor(Rate rate)
    {
        if (_termCount > 0 && _terms[_termCount - 1].AnnualRate == rate)
        {
            return _termCount - 1;
        }

        if (_termCount == _terms.Length)
        {
            Array.Resize(ref _terms, _termCount * 2);
        }

        _terms[_termCount] = TermsOf(_policy.PenaltyRate, rate, _basis);
        return _termCount++;
    }

    /// <summary>The last penalty terms worked out (an immutable entry, replaced whole: safe to share between threads).</summary>
    private static TermsEntry? s_lastTerms;

    private sealed record TermsEntry(PenaltyRate PenaltyRate, Rate Rate, int Basis, PenaltyTerms Terms);

    /// <summary>The penalty terms of a contract rate under a penalty rate and a year's days: the same as last time when
    /// asked for the same (the same penalty rate object, rate and basis), else worked out (exact fractions, a few
    /// <see cref="BigInteger"/> operations) and kept for next time.</summary>
    private static PenaltyTerms TermsOf(PenaltyRate penaltyRate, Rate rate, int basis)
    {
        if (s_lastTerms is { } last && ReferenceEquals(last.PenaltyRate, penaltyRate) && last.Rate == rate && last.Basis == basis)
        {
            return last.Terms;
        }

        (BigInteger n, BigInteger d) = penaltyRate.Fraction(rate);
        BigInteger denominator = d * basis;
        bool small = n >= 0 && n <= long.MaxValue && denominator > 0 && denominator <= long.MaxValue;
        var terms = new PenaltyTerms(rate, penaltyRate.For(rate), n, denominator, small ? (long)n : 0, small ? (long)denominator : 1, small);
        s_lastTerms = new TermsEntry(penaltyRate, rate, basis, terms);
        return terms;
    }

    private void Run(ReceivedPayment[] given, long[] keys, int paymentCount, long[] minors, int asOfDay)
    {
        int duePointer = 0;
        int assessPointer = 0;
        int paymentPointer = 0;
        int capitalizationPointer = 0;
        bool fees = !_policy.LateFee.IsNone;
        _given = given;
        _keys = keys;
        _minors = minors;
        if (_record)
        {
            // Room for a line per payment and the odd application of held credit, and two allocations a line (principal
            // and interest); more only when needed.
            _lines = new Line[paymentCount + 16];
            _allocs = new Alloc[(2 * _lines.Length) + 16];
        }

        while (true)
        {
            if (!_record)
            {
                // The common days first (see CommonDays), up to the next assessment or capitalization day.
                int limit = asOfDay + 1;
                if (fees && assessPointer < _count)
                {
                    limit = Math.Min(limit, AssessDay(_items[assessPointer]));
                }

                if (capitalizationPointer < _capitalizations.Length)
                {
                    limit = Math.Min(limit, _capitalizations[capitalizationPointer].Day);
                }

                duePointer = CommonDays(duePointer, ref paymentPointer, keys, paymentCount, minors, limit);
            }

            Item[] items = _items;
            int day = int.MaxValue;
            if (duePointer < _count && items[duePointer].DueDay <= asOfDay)
            {
                day = items[duePointer].DueDay;
            }

            if (fees && assessPointer < _count && AssessDay(items[assessPointer]) <= asOfDay)
            {
                day = Math.Min(day, AssessDay(items[assessPointer]));
            }

            int paymentDay = paymentPointer < paymentCount ? (int)(keys[paymentPointer] >> 32) : int.MaxValue;
            day = Math.Min(day, paymentDay);
            if (capitalizationPointer < _capitalizations.Length && _capitalizations[capitalizationPointer].Day <= asOfDay)
            {
                day = Math.Min(day, _capitalizations[capitalizationPointer].Day);
            }
            if (day == int.MaxValue)
            {
                break;
            }

            _today = duePointer < _count && items[duePointer].DueDay == day ? items[duePointer].Due
                : paymentDay == day ? given[(int)keys[paymentPointer]].Date
                : DayNumber.ToDate(day);

            while (fees && assessPointer < _count && AssessDay(items[assessPointer]) == day)
            {
                Assess(ref items[assessPointer], assessPointer);
                assessPointer++;
            }

            bool fellDue = false;
            while (duePointer < _count && items[duePointer].DueDay == day)
            {
                duePointer++;
                fellDue = true;
            }

            if (fellDue && _credit > 0)
            {
                long credit = _credit;
                _credit = 0;
                Apply(-1, day, 0, credit);
            }

            while (paymentPointer < paymentCount && (int)(keys[paymentPointer] >> 32) == day)
            {
                int index = (int)keys[paymentPointer++];
                if (IsRepaid(day))
                {
                    ReceivedPayment payment = given[index];
                    throw new PaymentRecordException(index, payment, PaymentProblem.AfterRepaid,
                        Resources.Localized.Format(Resources.LibraryText.Valid_PaymentAfterRepaid, payment.Amount, DateText.Iso(payment.Date), DateText.Iso(_items[_count - 1].Due)));
                }

                _rebuilt = false;
                Apply(index, day, minors[index], 0);
                if (_rebuilt)
                {
                    // a prepayment rebuilt the rows after today: the pointers move to the first row after today
                    duePointer = FirstAfter(day, 0);
                    assessPointer = FirstAfter(day, _grace + 1);
                    capitalizationPointer = FirstCapitalizationAfter(day);
                }
            }

            // A capitalization comes after the day's payments (the schedule's order: payment, prepayment, restructuring).
            while (capitalizationPointer < _capitalizations.Length && _capitalizations[capitalizationPointer].Day == day)
            {
                Capitalize(day, _capitalizations[capitalizationPointer++].Amount);
            }
        }

        _asOfDay = asOfDay;
        int shown = 0;
        while (shown < _count && _items[shown].DueDay <= asOfDay)
        {
            shown++;
        }

        _shown = shown;
    }

    /// <summary>
    /// The common days of <see cref="Run"/> when it does not record the ledger, from the instalment
    /// <paramref name="due"/> on, while each next event is such a day: one instalment falls due (not the last), before
    /// <paramref name="limit"/> (the day after the as-of date, the next late-fee assessment or arrears capitalization),
    /// with no payment before it since the last event, nothing due earlier unsettled and no fee owed on it, and the held
    /// credit and the day's payments go to it and the rest is held (not prepaid). Applied as <see cref="Apply"/> would,
    /// line by line, leave it: paying one instalment interest and principal in a fixed order, the credit line and the
    /// payment lines add up to one payment of their sum. Returns the first instalment not walked.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own registers: inlined into Run's big body, its loop spills
    private int CommonDays(int due, ref int paymentPointer, long[] keys, int paymentCount, long[] minors, int limit)
    {
        Item[] items = _items;
        int last = _count - 1;
        int pointer = paymentPointer;
        int firstOpen = _firstOpen;
        long credit = _credit;
        bool interestFirst = _interestFirst;
        bool prepays = _prepays;
        while (due < last)
        {
            ref Item item = ref items[due];
            int day = item.DueDay;
            if (pointer < paymentCount && (int)(keys[pointer] >> 32) < day)
            {
                // a payment before the next due date: a common one when it settles the one instalment open, or is held
                int paymentDay = (int)(keys[pointer] >> 32);
                if (paymentDay >= limit)
                {
                    break;
                }

                _firstOpen = firstOpen;
                _credit = credit;
                int after = PaymentDay(due, paymentDay, pointer, keys, paymentCount, minors);
                firstOpen = _firstOpen;
                credit = _credit;
                if (after < 0)
                {
                    break;
                }

                pointer = after;
                continue;
            }

            if (day >= limit || items[due + 1].DueDay <= day)
            {
                break;
            }

            while (firstOpen < due && IsSettled(in items[firstOpen], day))
            {
                firstOpen++; // settled stays settled: skipping it changes nothing later
            }

            if (firstOpen != due || (item.Slot != 0 && OutstandingFees(in item) != 0))
            {
                break;
            }

            long money = credit;
            int next = pointer;
            while (next < paymentCount && (int)(keys[next] >> 32) == day)
            {
                money += minors[(int)keys[next]];
                next++;
            }

            long interest = item.OutstandingInterest;
            long principal = item.OutstandingPrincipal;
            long owed = interest + principal;
            if (money >= owed)
            {
                if (prepays && money > owed)
                {
                    break;
                }

                if (owed > 0)
                {
                    CloseSegment(ref item, due, day);
                    item.PaidInterest += interest;
                    item.PaidPrincipal += principal;
                    if (!item.IsCleared)
                    {
                        // Paid in full on its due day, owing no fee (above): settled for good (no penalty runs, no
                        // late fee is assessed on it), so the walk starts after it.
                        item.ClearedDay = day;
                        firstOpen = due + 1;
                    }
                }

                money -= owed;
            }
            else if (money > 0)
            {
                // Short: the order's first bucket of the two in full or in part, the rest of the money to the other.
                long first = Math.Min(interestFirst ? interest : principal, money);
                long second = money - first;
                CloseSegment(ref item, due, day);
                item.PaidInterest += interestFirst ? first : second;
                item.PaidPrincipal += interestFirst ? second : first;
                money = 0;
            }

            credit = money;
            pointer = next;
            due++;
        }

        paymentPointer = pointer;
        _firstOpen = firstOpen;
        _credit = credit;
        return due;
    }

    /// <summary>
    /// A payment day of <see cref="CommonDays"/> before the instalment <paramref name="due"/> falls due (and before the
    /// limit): when at most one instalment is open, owing no fee, and the day's payments pay everything it owes (penalty
    /// and compound interest, interest, principal) and the rest is held (not prepaid), as <see cref="Apply"/> would leave
    /// it line by line whatever the allocation order (every bucket is paid in full; the stretch of penalty interest ends
    /// today at the first interest or principal paid, on the amounts overdue before it, in any order). Returns the
    /// payment pointer after the day, or -1 with nothing changed but <see cref="_firstOpen"/> moved past settled
    /// instalments.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int PaymentDay(int due, int day, int pointer, long[] keys, int paymentCount, long[] minors)
    {
        Item[] items = _items;
        while (_firstOpen < due && IsSettled(in items[_firstOpen], day))
        {
            _firstOpen++;
        }

        long penalty = 0, compound = 0, interest = 0, principal = 0, accruedPenalty = 0, accruedCompound = 0;
        bool closes = false;
        int open = _firstOpen;
        if (open < due)
        {
            ref readonly Item item = ref items[open];
            ref readonly Charges charges = ref ChargesOf(in item);
            if (open != due - 1 || OutstandingFees(in item) != 0)
            {
                return -1;
            }

            interest = item.OutstandingInterest;
            principal = item.OutstandingPrincipal;
            closes = (interest > 0 || principal > 0) && day > item.SegmentStart; // CloseSegment at the first of them paid
            bool chargeable = Chargeable(in item, day);
            if (chargeable || closes)
            {
                // worked out once, for what PendingPenalty, PendingCompound and CloseSegment would each work out
                accruedPenalty = PenaltyAccrued(in item, day);
                accruedCompound = CompoundAccrued(in item, day);
            }

            penalty = chargeable ? accruedPenalty - charges.PaidPenalty : 0;
            compound = chargeable ? accruedCompound - charges.PaidCompound : 0;
            if (penalty < 0 || compound < 0)
            {
                return -1;
            }
        }

        long owed = penalty + compound + interest + principal;
        long money = 0;
        int next = pointer;
        while (next < paymentCount && (int)(keys[next] >> 32) == day)
        {
            money += minors[(int)keys[next]];
            next++;
        }

        if (money < owed || (_prepays && money > owed))
        {
            return -1;
        }

        if (owed > 0)
        {
            ref Item item = ref items[open];
            if (closes)
            {
                if (accruedPenalty != 0 || accruedCompound != 0 || item.Slot != 0)
                {
                    ref Charges closed = ref ChargesFor(ref item, open);
                    closed.PenaltyClosed = accruedPenalty;
                    closed.CompoundClosed = accruedCompound;
                }

                item.SegmentStart = day;
            }

            if (penalty > 0)
            {
                ChargesFor(ref item, open).PaidPenalty += penalty;
            }

            if (compound > 0)
            {
                ChargesFor(ref item, open).PaidCompound += compound;
            }

            item.PaidInterest += interest;
            item.PaidPrincipal += principal;
            if (!item.IsCleared && OutstandingScheduled(in item) == 0)
            {
                item.ClearedDay = day;
            }
        }

        _credit += money - owed;
        return next;
    }

    /// <summary>The first capitalization after <paramref name="day"/>, or their count. (A loop, not a lambda: a lambda
    /// on the walk's day would allocate its closure on every day walked.)</summary>
    private int FirstCapitalizationAfter(int day)
    {
        for (int k = 0; k < _capitalizations.Length; k++)
        {
            if (_capitalizations[k].Day > day)
            {
                return k;
            }
        }

        return _capitalizations.Length;
    }

    /// <summary>The first item whose due day plus <paramref name="offset"/> is after <paramref name="day"/>, or the count.</summary>
    private int FirstAfter(int day, int offset)
    {
        for (int k = 0; k < _count; k++)
        {
            if (_items[k].DueDay + offset > day)
            {
                return k;
            }
        }

        return _count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AssessDay(in Item item) => item.DueDay + _grace + 1;

    private void Assess(ref Item item, int index)
    {
        if (item.FeeAssessed)
        {
            return;
        }

        item.FeeAssessed = true;
        if (OutstandingScheduled(in item) > _toleranceMinor)
        {
            long fee = _policy.LateFee.Charge(item.OutstandingPrincipal + item.OutstandingInterest, _rounding);
            if (fee != 0 || item.Slot != 0)
            {
                ChargesFor(ref item, index).LateFee = fee;
            }
        }
    }

    private bool IsRepaid(int day)
    {
        if (_count == 0 || _items[_count - 1].DueDay > day)
        {
            return false;
        }

        for (int k = _firstOpen; k < _count; k++)
        {
            if (!IsSettled(in _items[k], day))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSettled(in Item item, int day) =>
        OutstandingScheduled(in item) == 0 && ChargesOf(in item).LateFee == ChargesOf(in item).PaidLateFee && PendingPenalty(in item, day) == 0 && PendingCompound(in item, day) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Chargeable(in Item item, int day) => day > item.DueDay + _grace && !(item.ClearedDay <= item.DueDay + _grace);

    private long Charge(long overdueMinor, in Item item, int days)
    {
        if (overdueMinor <= 0 || days <= 0)
        {
            return 0;
        }

        ref readonly PenaltyTerms terms = ref _terms[item.Terms];
        if (terms.Small)
        {
            if (terms.N == 0)
            {
                return 0;
            }

            // round(overdue × days × N / D), exactly: the product in 128 bits
            ulong hi = Math.BigMul((ulong)overdueMinor, (ulong)days, out ulong product);
            if (hi == 0 && product <= long.MaxValue)
            {
                return FixedPoint.MulDivRound((long)product, terms.N, terms.D, _mode);
            }
        }

        if (terms.Numerator.IsZero)
        {
            return 0;
        }

        return (long)FixedPoint.RoundQuotient(overdueMinor * terms.Numerator * days, terms.Denominator, _mode);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PenaltyAccrued(in Item item, int day) => ChargesOf(in item).PenaltyClosed + Charge(item.OutstandingPrincipal, in item, day - item.SegmentStart);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long CompoundAccrued(in Item item, int day) =>
        _compound ? ChargesOf(in item).CompoundClosed + Charge(item.OutstandingInterest, in item, day - item.SegmentStart) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PendingPenalty(in Item item, int day) => Chargeable(in item, day) ? PenaltyAccrued(in item, day) - ChargesOf(in item).PaidPenalty : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PendingCompound(in Item item, int day) => Chargeable(in item, day) ? CompoundAccrued(in item, day) - ChargesOf(in item).PaidCompound : 0;

    /// <summary>Ends the stretch of unchanged overdue amounts at <paramref name="day"/>: its charges are rounded and kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CloseSegment(ref Item item, int index, int day)
    {
        if (day > item.SegmentStart)
        {
            long penalty = PenaltyAccrued(in item, day);
            long compound = _compound ? CompoundAccrued(in item, day) : 0;
            if (penalty != 0 || compound != 0 || item.Slot != 0)
            {
                ref Charges charges = ref ChargesFor(ref item, index);
                charges.PenaltyClosed = penalty;
                charges.CompoundClosed = compound;
            }

            item.SegmentStart = day;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Outstanding(in Item item, AllocationBucket bucket, int day) => bucket switch
    {
        AllocationBucket.Fees => OutstandingFees(in item),
        AllocationBucket.PenaltyInterest => PendingPenalty(in item, day),
        AllocationBucket.CompoundInterest => PendingCompound(in item, day),
        AllocationBucket.Interest => item.OutstandingInterest,
        _ => item.OutstandingPrincipal,
    };

    private void Pay(int index, AllocationBucket bucket, int day, ref long money)
    {
        ref Item item = ref _items[index];
        long take = Math.Min(Outstanding(in item, bucket, day), money);
        if (take <= 0)
        {
            return;
        }

        switch (bucket)
        {
            case AllocationBucket.Fees:
                ref Charges fees = ref ChargesFor(ref item, index); // owing a fee, it has a slot
                long scheduled = Math.Min(take, fees.ScheduledFee - fees.PaidScheduledFee);
                fees.PaidScheduledFee += scheduled;
                fees.PaidLateFee += take - scheduled;

                break;
            case AllocationBucket.PenaltyInterest:
                ChargesFor(ref item, index).PaidPenalty += take;
                break;
            case AllocationBucket.CompoundInterest:
                ChargesFor(ref item, index).PaidCompound += take;
                break;
            case AllocationBucket.Interest:
                CloseSegment(ref item, index, day);
                item.PaidInterest += take;
                break;
            default:
                CloseSegment(ref item, index, day);
                item.PaidPrincipal += take;
                break;
        }

        money -= take;
        if (_record)
        {
            if (_allocCount == _allocs.Length)
            {
                Array.Resize(ref _allocs, _allocs.Length * 2);
            }

            _allocs[_allocCount++] = new Alloc(item.Period, item.Due, bucket, take);
        }

        if (!item.IsCleared && OutstandingScheduled(in item) == 0)
        {
            item.ClearedDay = day;
        }
    }

    /// <summary><see cref="Pay"/> for the interest or principal bucket, without the dispatch on the bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PayContract(int index, bool interest, int day, ref long money)
    {
        ref Item item = ref _items[index];
        long take = Math.Min(interest ? item.OutstandingInterest : item.OutstandingPrincipal, money);
        if (take <= 0)
        {
            return;
        }

        CloseSegment(ref item, index, day);
        if (interest)
        {
            item.PaidInterest += take;
        }
        else
        {
            item.PaidPrincipal += take;
        }

        money -= take;
        if (_record)
        {
            if (_allocCount == _allocs.Length)
            {
                Array.Resize(ref _allocs, _allocs.Length * 2);
            }

            _allocs[_allocCount++] = new Alloc(item.Period, item.Due, interest ? AllocationBucket.Interest : AllocationBucket.Principal, take);
        }

        if (!item.IsCleared && OutstandingScheduled(in item) == 0)
        {
            item.ClearedDay = day;
        }
    }

    /// <summary>Settles the arrears due by today with the amount the schedule capitalized (in the policy's allocation
    /// order, as a payment would be): the amount is now part of the balance. It may not exceed them.</summary>
    private void Capitalize(int day, long amount)
    {
        long money = amount;
        int allocStart = _allocCount;
        Allocate(day, ref money);
        if (money > 0)
        {
            ArrearsCapitalization capitalization = _loan.Events.OfType<ArrearsCapitalization>().First(c => c.Date == _today);
            throw LoanEventException.For(_loan, capitalization, 
                Resources.Localized.Format(Resources.LibraryText.Valid_CapitalizationAboveArrears, capitalization, ToDecimal(amount - money)));
        }

        if (_record)
        {
            (_capitalized ??= [])[_lineCount] = amount;
        }

        AddLine(-1, 0, allocStart, 0, 0, day, "arrears capitalized");
    }

    private void Apply(int paymentIndex, int day, long amount, long fromCredit)
    {
        long money = amount + fromCredit;
        int allocStart = _allocCount;
        int end = Allocate(day, ref money);
        long prepaid = 0;
        string? note = null;
        if (money > 0 && _policy.Excess.PrepaymentOption is { } option && end < _count)
        {
            (prepaid, note) = Prepay(day, ref money, option);
        }

        _credit += money;
        AddLine(paymentIndex, fromCredit, allocStart, prepaid, money, day, note);
    }

    /// <summary>Pays what is due by today from <paramref name="money"/>, in the policy's order; returns the index of the
    /// first item due after today.</summary>
    private int Allocate(int day, ref long money)
    {
        while (_firstOpen < _count && _items[_firstOpen].DueDay <= day && IsSettled(in _items[_firstOpen], day))
        {
            _firstOpen++;
        }

        int end = _firstOpen;
        while (end < _count && _items[end].DueDay <= day)
        {
            end++;
        }

        ReadOnlySpan<AllocationBucket> buckets = _policy.Allocation.BucketSpan;
        if (_oldestFirst)
        {
            for (int k = _firstOpen; k < end && money > 0; k++)
            {
                ref readonly Item item = ref _items[k];
                ref readonly Charges charges = ref ChargesOf(in item);
                if (charges.LateFee == 0 && charges.ScheduledFee == charges.PaidScheduledFee && !Chargeable(in item, day))
                {
                    // No fee, penalty or compound interest is owed on it (their buckets take nothing): interest and
                    // principal only, in the order's sequence.
                    PayContract(k, _interestFirst, day, ref money);
                    PayContract(k, !_interestFirst, day, ref money);
                    continue;
                }

                foreach (AllocationBucket bucket in buckets)
                {
                    Pay(k, bucket, day, ref money);
                }
            }
        }
        else
        {
            foreach (AllocationBucket bucket in buckets)
            {
                for (int k = _firstOpen; k < end && money > 0; k++)
                {
                    Pay(k, bucket, day, ref money);
                }
            }
        }

        return end;
    }

    private void AddLine(int paymentIndex, long fromCredit, int allocStart, long prepaid, long toCredit, int day, string? note)
    {
        if (!_record)
        {
            return;
        }

        if (_lineCount == _lines.Length)
        {
            // Held credit is applied at most once a due date: room for that, then doubling (after a prepayment).
            int dueDays = 0;
            while (dueDays < _count && _items[dueDays].DueDay <= day)
            {
                dueDays++;
            }

            Array.Resize(ref _lines, Math.Max(_lines.Length * 2, _lineCount + (_count - dueDays) + 16));
        }

        if (note is not null)
        {
            (_notes ??= [])[_lineCount] = note;
        }

        _lines[_lineCount++] = new Line
        {
            PaymentIndex = paymentIndex,
            Date = _today,
            FromCredit = fromCredit,
            AllocStart = allocStart,
            AllocCount = _allocCount - allocStart,
            Prepaid = prepaid,
            ToCredit = toCredit,
        };
    }

    /// <summary>Prepays as much principal as <paramref name="money"/> pays for together with the prepayment's own
    /// interest and penalty (or pays the loan off when it covers that), and records it as paid.</summary>
    private (long Prepaid, string? Note) Prepay(int day, ref long money, PrepaymentOption option)
    {
        LocalDate date = _today;
        Loan? chosen = null;
        try
        {
            Loan payoff = WithEvent(Prepayment.Payoff(date));
            Installment payoffRow = PrepaymentRow(payoff.BuildSchedule(), date);
            if (payoffRow.PaymentMinor + DeferredOutstanding() <= money)
            {
                chosen = payoff;
            }
            else
            {
                long principal = Math.Min(money, payoffRow.PrincipalMinor - 1);
                for (int attempt = 0; attempt < 64 && principal > 0 && chosen is null; attempt++)
                {
                    Loan candidate = WithEvent(Prepayment.Partial(date, ToDecimal(principal), option));
                    long cost = PrepaymentRow(candidate.BuildSchedule(), date).PaymentMinor;
                    if (cost <= money)
                    {
                        chosen = candidate;
                    }
                    else
                    {
                        principal -= Math.Max(1, cost - money);
                    }
                }
            }
        }
        catch (Exception e) when (e is PrepaymentRuleViolationException or LoanEventException)
        {
            return (0, Resources.Localized.Format(Resources.LibraryText.Account_PrepaymentRefused, Specs.SpecText.Reason(e)));
        }

        if (chosen is null)
        {
            return (0, Resources.Localized.Format(Resources.LibraryText.Account_PrepaymentRefused, Resources.LibraryText.Account_PrepaymentNotCovered));
        }

        // The rows due up to today are unchanged by a prepayment today; the rows after it are the new loan's.
        int kept = FirstAfter(day, 0);
        _loan = chosen;
        _schedule = chosen.BuildSchedule();
        _count = ItemsOf(_schedule, kept, out _);
        _rebuilt = true;
        int row = -1;
        for (int k = 0; k < _count; k++)
        {
            ref readonly Item i = ref _items[k];
            if (i.DueDay == day && i.Kind is InstallmentKind.Prepayment or InstallmentKind.Payoff && i.PaidPrincipal == 0 && !i.IsCleared)
            {
                row = k;
                break;
            }
        }

        _items[row].FeeAssessed = true;
        foreach (AllocationBucket bucket in (ReadOnlySpan<AllocationBucket>)[AllocationBucket.Fees, AllocationBucket.Interest, AllocationBucket.Principal])
        {
            Pay(row, bucket, day, ref money);
        }

        // A payoff brings the deferred payments due with it (the last row): the money covers them too.
        if (_items[row].Kind == InstallmentKind.Payoff)
        {
            for (int k = 0; k < _count; k++)
            {
                if (_items[k].Kind == InstallmentKind.Deferred)
                {
                    _items[k].FeeAssessed = true;
                    Pay(k, AllocationBucket.Interest, day, ref money);
                    Pay(k, AllocationBucket.Principal, day, ref money);
                }
            }
        }

        return (_items[row].DuePrincipal, null);
    }

    /// <summary>The deferred payments not yet paid (they fall due with the last row).</summary>
    private long DeferredOutstanding()
    {
        long sum = 0;
        for (int k = 0; k < _count; k++)
        {
            if (_items[k].Kind == InstallmentKind.Deferred)
            {
                sum += OutstandingScheduled(in _items[k]);
            }
        }

        return sum;
    }

    private Loan WithEvent(LoanEvent loanEvent) => _loan with { Events = [.. _loan.Events, loanEvent] };

    private static Installment PrepaymentRow(Schedule schedule, LocalDate date)
    {
        for (int k = schedule.Count - 1; k >= 0; k--)
        {
            Installment row = schedule[k];
            if (row.DueDate == date && row.Kind is InstallmentKind.Prepayment or InstallmentKind.Payoff)
            {
                return row;
            }
        }

        throw new InvalidOperationException("The prepayment row is missing from the schedule.");
    }

    private LoanAccount Result(LocalDate asOf, IReadOnlyList<ReceivedPayment> counted, int after)
    {
        int asOfDay = _asOfDay;
        (AccountClassification classification, int daysPastDue, int overdue, int longest) = Classify(asOfDay);
        int? oldest = daysPastDue > 0 ? asOfDay - daysPastDue : null;
        Loan loan = _loan;
        return new LoanAccount(this, loan, asOf, _policy, counted, after, _schedule, ToDecimal(_credit), daysPastDue,
            oldest is { } od ? DayNumber.ToDate(od) : null, overdue, longest, classification, schedule => PayoffQuote.For(loan, asOf, schedule, afterPrepaymentsOnDate: true));
    }

    /// <summary>The penalty and compound interest an instalment has run up by the as-of date.</summary>
    private (long Penalty, long Compound) ChargesAsOf(in Item item) =>
        Chargeable(in item, _asOfDay) ? (PenaltyAccrued(in item, _asOfDay), CompoundAccrued(in item, _asOfDay)) : (0, 0);

    /// <summary>The account's totals over the instalments due by the as-of date, summed in minor units: overdue principal,
    /// overdue interest, unpaid penalty, unpaid compound, unpaid fees, penalty run up, compound run up, late fees charged.
    /// With no instalment each is a plain 0 (as a sum of no decimals is).</summary>
    internal decimal[] Totals() => _totals; // summed by Classify

    /// <summary>Gives the first walk's items array back to the pool once the account's figures are made; the records
    /// are made from <see cref="Replay"/> from then on.</summary>
    private void ReturnItems()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            _items = [];
            _count = 0;
            ArrayPool<Item>.Shared.Return(rented);
        }
    }

    /// <summary>The walk replayed from the contract, the same payments and policy, with every ledger line and allocation
    /// recorded (the first walk records none, and gave its items back): made once, when the account's instalments or
    /// ledger are first read; two readers at once may both make it, one wins.</summary>
    private AccountBuilder Replay()
    {
        if (Volatile.Read(ref _replay) is { } made)
        {
            return made;
        }

        var replay = new AccountBuilder(_contract, _policy, record: true);
        long[] keys = new long[_given.Length];
        long[] minors = new long[_given.Length];
        replay.Run(_given, keys, Count(_contract, _given, _asOfDay, keys, minors, "payments"), minors, _asOfDay);
        Interlocked.CompareExchange(ref _replay, replay, null);
        return _replay;
    }

    /// <summary>The instalments due on or before the as-of date as records (made when the account's list is first
    /// read, from the replay: the same instalments as the first walk's, which <c>AccountDifferentialTests</c> checks).</summary>
    internal AccountInstalment[] Instalments() => _record ? RecordsOfInstalments() : Replay().RecordsOfInstalments();

    private AccountInstalment[] RecordsOfInstalments()
    {
        var instalments = new AccountInstalment[_shown];
        for (int k = 0; k < instalments.Length; k++)
        {
            ref readonly Item item = ref _items[k];
            ref readonly PenaltyTerms terms = ref _terms[item.Terms];
            ref readonly Charges charges = ref ChargesOf(in item);
            bool isOverdue = IsOverdue(in item, _asOfDay);
            (long penalty, long compound) = ChargesAsOf(in item);
            int lastDay = item.IsCleared ? item.ClearedDay : _asOfDay;
            InstalmentStatus status = item.IsCleared
                ? item.ClearedDay <= item.DueDay ? InstalmentStatus.PaidOnTime : item.ClearedDay <= item.DueDay + _grace ? InstalmentStatus.PaidWithinGrace : InstalmentStatus.PaidLate
                : isOverdue ? InstalmentStatus.Overdue : InstalmentStatus.Due;
            instalments[k] = new AccountInstalment(
                item.Period, item.Due, item.Kind, terms.AnnualRate, terms.PenaltyRate,
                ToDecimal(item.DuePrincipal), ToDecimal(item.DueInterest), ToDecimal(charges.ScheduledFee), ToDecimal(item.PaidPrincipal), ToDecimal(item.PaidInterest),
                ToDecimal(charges.LateFee), ToDecimal(charges.PaidScheduledFee + charges.PaidLateFee), ToDecimal(penalty), ToDecimal(charges.PaidPenalty),
                ToDecimal(compound), ToDecimal(charges.PaidCompound),
                item.IsCleared ? item.ClearedOn : null, lastDay - item.DueDay, status);
        }

        return instalments;
    }

    /// <summary>The ledger lines as records, made when the account's ledger is first read: the walk is replayed from the
    /// contract, the same payments and policy, recording every line and allocation (the first walk records none).</summary>
    internal PaymentApplication[] Ledger() => Replay().Lines();

    private PaymentApplication[] Lines()
    {
        var ledger = new PaymentApplication[_lineCount];
        for (int k = 0; k < ledger.Length; k++)
        {
            ref readonly Line line = ref _lines[k];
            var allocations = new List<Allocation>(line.AllocCount);
            for (int a = line.AllocStart; a < line.AllocStart + line.AllocCount; a++)
            {
                Alloc alloc = _allocs[a];
                allocations.Add(new Allocation(alloc.Period, alloc.Due, alloc.Bucket, ToDecimal(alloc.Amount)));
            }

            ledger[k] = _capitalized is not null && _capitalized.TryGetValue(k, out long capitalized)
                ? new PaymentApplication(null, line.Date, 0m, 0m, allocations, 0m, 0m, _notes![k]) { Capitalized = ToDecimal(capitalized) }
                : new PaymentApplication(line.PaymentIndex < 0 ? null : line.PaymentIndex, line.Date, ToDecimal(line.PaymentIndex < 0 ? 0 : _minors[line.PaymentIndex]),
                    ToDecimal(line.FromCredit), allocations, ToDecimal(line.Prepaid), ToDecimal(line.ToCredit), _notes?.GetValueOrDefault(k));
        }

        return ledger;
    }

    private bool IsOverdue(in Item item, int day) => day > item.DueDay + _grace && OutstandingScheduled(in item) > _toleranceMinor;

    /// <summary>The delinquency measures and the class as of the date, and the next move and milestone if nothing more is paid (held credit still
    /// pays the instalments it covers in full as they fall due).</summary>
    private (AccountClassification Classification, int DaysPastDue, int Overdue, int Consecutive) Classify(int asOfDay)
    {
        RiskClassification scheme = _policy.Classification;

        // Which instalments stay unpaid if nothing more is paid: those unpaid now, and the later ones credit does not cover.
        List<int>? unpaidDays = null;
        bool[]? unpaid = null; // made at the first unpaid instalment: with none, every measure is 0
        long credit = _credit;

        // The account's totals over the instalments due by the as-of date (the first _shown), in the same pass. The
        // instalments before _firstOpen are settled: nothing of theirs is outstanding or unpaid, and only those with a
        // charges slot (a late fee, penalty interest run up) add to the totals: they are taken from the slots.
        var sums = default(Sums);
        int start = Math.Min(_firstOpen, _shown);
        for (int slot = 0; slot < _chargeCount; slot++)
        {
            int k = _charges[slot].Item;
            if (k < start && _items[k].Slot == slot + 1)
            {
                AddTotals(ref sums, in _items[k], asOfDay);
            }
        }

        for (int k = start; k < _count; k++)
        {
            ref readonly Item item = ref _items[k];
            bool isUnpaid;
            if (k < _shown)
            {
                AddTotals(ref sums, in item, asOfDay);
            }

            if (item.DueDay <= asOfDay)
            {
                isUnpaid = OutstandingScheduled(in item) > _toleranceMinor;
            }
            else
            {
                long due = OutstandingScheduled(in item);
                long used = Math.Min(credit, due);
                credit -= used;
                isUnpaid = due - used > _toleranceMinor;
            }

            if (isUnpaid)
            {
                (unpaid ??= new bool[_count])[k] = true;
                (unpaidDays ??= []).Add(item.DueDay);
            }
        }

        _totals = _shown == 0
            ? new decimal[8]
            : [ToDecimal(sums.Principal), ToDecimal(sums.Interest), ToDecimal(sums.Penalty), ToDecimal(sums.Compound), ToDecimal(sums.Fees),
                ToDecimal(sums.PenaltyAccrued), ToDecimal(sums.CompoundAccrued), ToDecimal(sums.LateFees)];

        // The measures as of the day (the same walk as on the later dates below).
        (int daysPastDue, int overdue, int consecutive) = unpaid is null ? (0, 0, 0) : MeasuresAt(asOfDay, unpaid);
        (RiskClass current, ClassRule? rule) = scheme.Classify(daysPastDue, overdue, consecutive);

        RiskClass? nextClass = null;
        ClassRule? nextRule = null;
        LocalDate? next = null;
        if (unpaidDays is not null)
        {
            int maxCount = scheme.Rules.Where(r => r.Measure != DelinquencyMeasure.DaysPastDue).Select(r => r.AtLeast).DefaultIfEmpty(0).Max();
            var candidates = new SortedSet<int>();
            int first = unpaidDays[0];
            foreach (ClassRule r in scheme.Rules.Where(r => r.Measure == DelinquencyMeasure.DaysPastDue))
            {
                candidates.Add(first + Math.Max(r.AtLeast, _grace + 1));
            }

            int added = 0;
            foreach (int d in unpaidDays)
            {
                if (d + _grace + 1 > asOfDay && added++ <= maxCount)
                {
                    candidates.Add(d + _grace + 1);
                }
            }

            foreach (int day in candidates)
            {
                if (day <= asOfDay)
                {
                    continue;
                }

                (int dpd, int count, int longest) = MeasuresAt(day, unpaid!);
                (RiskClass c, ClassRule? by) = scheme.Classify(dpd, count, longest);
                if (c.Rank > current.Rank)
                {
                    (nextClass, nextRule, next) = (c, by, DayNumber.ToDate(day));
                    break;
                }
            }
        }

        ReadOnlySpan<ServicingMilestone> milestones = scheme.MilestoneSpan;
        int reachedCount = 0;
        ServicingMilestone? nextMilestone = null;
        foreach (ServicingMilestone m in milestones)
        {
            if (daysPastDue >= m.DaysPastDue)
            {
                reachedCount++;
            }
            else
            {
                nextMilestone ??= m;
            }
        }

        var reached = new ServicingMilestone[reachedCount];
        reachedCount = 0;
        foreach (ServicingMilestone m in milestones)
        {
            if (daysPastDue >= m.DaysPastDue)
            {
                reached[reachedCount++] = m;
            }
        }

        LocalDate? nextMilestoneDate = nextMilestone is not null && unpaidDays is not null
            ? DayNumber.ToDate(unpaidDays[0] + Math.Max(nextMilestone.DaysPastDue, _grace + 1))
            : null;
        return (new AccountClassification(current, rule, nextClass, nextRule, next, reached, nextMilestoneDate is null ? null : nextMilestone, nextMilestoneDate),
            daysPastDue, overdue, consecutive);
    }

    /// <summary>The account's totals in minor units (see <see cref="Totals"/>).</summary>
    private struct Sums
    {
        internal long Principal, Interest, Penalty, Compound, Fees, PenaltyAccrued, CompoundAccrued, LateFees;
    }

    /// <summary>Adds an instalment due by the as-of date to the totals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddTotals(ref Sums sums, in Item item, int asOfDay)
    {
        sums.Principal += item.OutstandingPrincipal;
        sums.Interest += item.OutstandingInterest;
        if (item.Slot != 0 || Chargeable(in item, asOfDay))
        {
            ref readonly Charges charges = ref ChargesOf(in item);
            sums.Fees += charges.ScheduledFee - charges.PaidScheduledFee + charges.LateFee - charges.PaidLateFee;
            sums.LateFees += charges.LateFee;
            if (charges.PaidPenalty != 0 || charges.PaidCompound != 0 || Chargeable(in item, asOfDay))
            {
                (long p, long c) = ChargesAsOf(in item);
                sums.Penalty += p - charges.PaidPenalty;
                sums.Compound += c - charges.PaidCompound;
                sums.PenaltyAccrued += p;
                sums.CompoundAccrued += c;
            }
        }
    }

    private (int DaysPastDue, int Overdue, int Consecutive) MeasuresAt(int day, bool[] unpaid)
    {
        int count = 0, run = 0, longest = 0;
        int oldest = int.MinValue;
        for (int k = 0; k < _count && _items[k].DueDay + _grace < day; k++)
        {
            if (unpaid[k])
            {
                count++;
                if (oldest == int.MinValue)
                {
                    oldest = _items[k].DueDay;
                }

                longest = Math.Max(longest, ++run);
            }
            else
            {
                run = 0;
            }
        }

        return (oldest != int.MinValue ? day - oldest : 0, count, longest);
    }

    private decimal ToDecimal(long minor) => FixedPoint.ToDecimal(minor, _places);

    private long ToMinorRounded(decimal amount) => (long)(_rounding.Round(amount) * FixedPoint.Pow10[_places]);
}
