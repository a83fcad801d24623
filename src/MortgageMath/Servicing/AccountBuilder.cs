using System.Globalization;
using System.Numerics;
using NodaTime;

namespace MortgageMath.Servicing;

/// <summary>
/// Builds a <see cref="LoanAccount"/>: walks the days on which something happens (an instalment falls due, a late fee
/// is assessed, a payment arrives) in order, over the rows of the one contractual schedule (<see cref="Amortizer"/>'s
/// loop; a prepayment made from excess money is a <see cref="Prepayment"/> event on the loan and so goes through that
/// loop too). Amounts are whole minor units; penalty interest is the exact rational
/// <c>overdue × penalty rate × days / (360 or 365)</c>, rounded once per stretch of unchanged overdue amount.
/// </summary>
internal sealed class AccountBuilder
{
    private readonly OverduePolicy _policy;
    private readonly RoundingPolicy _rounding;
    private readonly int _places;
    private readonly int _grace;
    private readonly long _toleranceMinor;
    private readonly int _basis;
    private readonly List<PaymentApplication> _ledger = [];
    private Loan _loan;
    private Schedule _schedule;
    private List<Item> _items;
    private List<(int Day, long Amount)> _capitalizations; // the schedule's arrears capitalizations, in date order
    private long _credit;
    private int _firstOpen;
    private bool _rebuilt;
    private LocalDate _today; // the date of the day being walked

    private AccountBuilder(Loan loan, OverduePolicy policy)
    {
        _loan = loan;
        _policy = policy;
        _rounding = loan.Rounding;
        _places = _rounding.DecimalPlaces;
        _grace = policy.GraceDays;
        _toleranceMinor = ToMinorRounded(policy.Tolerance);
        _basis = policy.DayCount.DaysInYear();
        _schedule = loan.BuildSchedule();
        _items = ItemsOf(_schedule, 0, null);
        _capitalizations = CapitalizationsOf(_schedule);
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
                $"An account is drawn up on or after the disbursement ({DateText.Iso(loan.Disbursement)}); the as-of date was {DateText.Iso(asOf)}.");
        }

        ReceivedPayment[] given = [.. payments];
        var builder = new AccountBuilder(loan, policy);
        var counted = new List<(ReceivedPayment Payment, int Index)>(given.Length);
        int after = 0;
        for (int k = 0; k < given.Length; k++)
        {
            ReceivedPayment p = given[k] ?? throw new ArgumentException($"Payment {k + 1} is null.", nameof(payments));
            if (p.Date < loan.Disbursement)
            {
                throw new PaymentRecordException(k, p, PaymentProblem.BeforeDisbursement,
                    $"The payment of {p.Amount.ToString(CultureInfo.InvariantCulture)} on {DateText.Iso(p.Date)} is dated before the disbursement on {DateText.Iso(loan.Disbursement)}.");
            }

            if (!FixedPoint.TryToMinor(p.Amount, builder._places, out _))
            {
                throw new PaymentRecordException(k, p, PaymentProblem.TooManyDecimalPlaces,
                    string.Create(CultureInfo.InvariantCulture, $"The payment of {p.Amount} on {DateText.Iso(p.Date)} has more decimal places than the loan's rounding keeps ({builder._places})."));
            }

            if (p.Date > asOf)
            {
                after++;
            }
            else
            {
                counted.Add((p, k));
            }
        }

        counted.Sort(static (a, b) => a.Payment.Date != b.Payment.Date ? a.Payment.Date.CompareTo(b.Payment.Date) : a.Index.CompareTo(b.Index));
        builder.Run(counted, DayNumber.Of(asOf));
        return builder.Result(asOf, [.. given.Where(p => p.Date <= asOf)], after);
    }

    private sealed class Item
    {
        internal int Period;
        internal LocalDate Due;
        internal int DueDay;
        internal InstallmentKind Kind;
        internal Rate AnnualRate;
        internal Rate PenaltyRate;
        internal BigInteger PenaltyNumerator;
        internal BigInteger PenaltyDenominator;
        internal long DuePrincipal;
        internal long DueInterest;
        internal long DueFee;
        internal long PaidPrincipal;
        internal long PaidInterest;
        internal long PaidFee;
        internal long LateFee;
        internal long PaidLateFee;
        internal long PenaltyClosed;
        internal long CompoundClosed;
        internal long PaidPenalty;
        internal long PaidCompound;
        internal int SegmentStart;
        internal int? ClearedDay;
        internal LocalDate ClearedOn;
        internal bool FeeAssessed;

        internal long OutstandingPrincipal => DuePrincipal - PaidPrincipal;

        internal long OutstandingInterest => DueInterest - PaidInterest;

        /// <summary>The contractual amount unpaid: principal, interest and the schedule's own charge.</summary>
        internal long OutstandingScheduled => OutstandingPrincipal + OutstandingInterest + (DueFee - PaidFee);

        internal long OutstandingFees => DueFee - PaidFee + LateFee - PaidLateFee;
    }

    private List<Item> ItemsOf(Schedule schedule, int from, List<Item>? keep)
    {
        var items = new List<Item>(schedule.Count);
        if (keep is not null)
        {
            items.AddRange(keep.Take(from));
        }

        Rate lastRate = default;
        Rate lastPenaltyRate = default;
        (BigInteger N, BigInteger D) lastFraction = default;
        BigInteger lastDenominator = default;
        bool haveRate = false;
        int index = 0;
        List<Item>? deferred = null;
        LocalDate last = schedule.Last.DueDate;
        int lastDay = DayNumber.Of(last);
        foreach (Installment row in schedule)
        {
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

            if (!haveRate || row.AnnualRate != lastRate)
            {
                lastRate = row.AnnualRate;
                lastFraction = _policy.PenaltyRate.Fraction(lastRate);
                lastPenaltyRate = _policy.PenaltyRate.For(lastRate);
                lastDenominator = lastFraction.D * _basis;
                haveRate = true;
            }

            int dueDay = isDeferred ? lastDay : DayNumber.Of(row.DueDate);
            (isDeferred ? deferred ??= [] : items).Add(new Item
            {
                Period = row.Period,
                Due = isDeferred ? last : row.DueDate,
                DueDay = dueDay,
                Kind = row.Kind,
                AnnualRate = row.AnnualRate,
                PenaltyRate = lastPenaltyRate,
                PenaltyNumerator = lastFraction.N,
                PenaltyDenominator = lastDenominator,
                DuePrincipal = row.PrincipalMinor,
                DueInterest = row.InterestMinor,
                DueFee = row.PenaltyMinor,
                SegmentStart = dueDay,
            });
        }

        if (deferred is not null)
        {
            items.AddRange(deferred);
        }

        return items;
    }

    /// <summary>The days and amounts of the schedule's arrears capitalizations.</summary>
    private static List<(int Day, long Amount)> CapitalizationsOf(Schedule schedule)
    {
        var capitalizations = new List<(int, long)>();
        foreach (Installment row in schedule)
        {
            if (row.Kind == InstallmentKind.Capitalization)
            {
                capitalizations.Add((DayNumber.Of(row.DueDate), row.CapitalizedMinor));
            }
        }

        return capitalizations;
    }

    private void Run(List<(ReceivedPayment Payment, int Index)> payments, int asOfDay)
    {
        int duePointer = 0;
        int assessPointer = 0;
        int paymentPointer = 0;
        int capitalizationPointer = 0;
        bool fees = !_policy.LateFee.IsNone;
        while (true)
        {
            int day = int.MaxValue;
            if (duePointer < _items.Count && _items[duePointer].DueDay <= asOfDay)
            {
                day = _items[duePointer].DueDay;
            }

            if (fees && assessPointer < _items.Count && AssessDay(_items[assessPointer]) <= asOfDay)
            {
                day = Math.Min(day, AssessDay(_items[assessPointer]));
            }

            if (paymentPointer < payments.Count)
            {
                day = Math.Min(day, DayNumber.Of(payments[paymentPointer].Payment.Date));
            }

            if (capitalizationPointer < _capitalizations.Count && _capitalizations[capitalizationPointer].Day <= asOfDay)
            {
                day = Math.Min(day, _capitalizations[capitalizationPointer].Day);
            }

            if (day == int.MaxValue)
            {
                break;
            }

            _today = duePointer < _items.Count && _items[duePointer].DueDay == day ? _items[duePointer].Due
                : paymentPointer < payments.Count && payments[paymentPointer].Payment.Date is var paid && DayNumber.Of(paid) == day ? paid
                : DayNumber.ToDate(day);

            while (fees && assessPointer < _items.Count && AssessDay(_items[assessPointer]) == day)
            {
                Assess(_items[assessPointer++]);
            }

            bool fellDue = false;
            while (duePointer < _items.Count && _items[duePointer].DueDay == day)
            {
                duePointer++;
                fellDue = true;
            }

            if (fellDue && _credit > 0)
            {
                long credit = _credit;
                _credit = 0;
                Apply(null, day, 0, credit);
            }

            while (paymentPointer < payments.Count && DayNumber.Of(payments[paymentPointer].Payment.Date) == day)
            {
                (ReceivedPayment payment, int index) = payments[paymentPointer++];
                if (IsRepaid(day))
                {
                    throw new PaymentRecordException(index, payment, PaymentProblem.AfterRepaid,
                        $"The payment of {payment.Amount.ToString(CultureInfo.InvariantCulture)} on {DateText.Iso(payment.Date)} arrives after the loan was repaid in full (its last instalment, due {DateText.Iso(_items[^1].Due)}, and every charge are paid).");
                }

                FixedPoint.TryToMinor(payment.Amount, _places, out long minor);
                _rebuilt = false;
                Apply(index, day, minor, 0);
                if (_rebuilt)
                {
                    // a prepayment rebuilt the rows after today: the pointers move to the first row after today
                    duePointer = _items.FindIndex(i => i.DueDay > day) is var d && d >= 0 ? d : _items.Count;
                    assessPointer = _items.FindIndex(i => AssessDay(i) > day) is var a && a >= 0 ? a : _items.Count;
                    capitalizationPointer = _capitalizations.FindIndex(c => c.Day > day) is var c && c >= 0 ? c : _capitalizations.Count;
                }
            }

            // A capitalization comes after the day's payments (the schedule's order: payment, prepayment, restructuring).
            while (capitalizationPointer < _capitalizations.Count && _capitalizations[capitalizationPointer].Day == day)
            {
                Capitalize(day, _capitalizations[capitalizationPointer++].Amount);
            }
        }
    }

    /// <summary>Settles the arrears due by today with the amount the schedule capitalized (in the policy's allocation
    /// order, as a payment would be): the amount is now part of the balance. It may not exceed them.</summary>
    private void Capitalize(int day, long amount)
    {
        long money = amount;
        var allocations = new List<Allocation>();
        Allocate(day, ref money, allocations);
        if (money > 0)
        {
            ArrearsCapitalization capitalization = _loan.Events.OfType<ArrearsCapitalization>().First(c => c.Date == _today);
            throw LoanEventException.For(_loan, capitalization, string.Create(CultureInfo.InvariantCulture,
                $"The {capitalization} capitalizes more than the arrears on that day ({ToDecimal(amount - money)}: overdue principal, interest, penalty and compound interest, fees); capitalize at most that."));
        }

        _ledger.Add(new PaymentApplication(null, _today, 0m, 0m, allocations, 0m, 0m, "arrears capitalized") { Capitalized = ToDecimal(amount) });
    }

    private int AssessDay(Item item) => item.DueDay + _grace + 1;

    private void Assess(Item item)
    {
        if (item.FeeAssessed)
        {
            return;
        }

        item.FeeAssessed = true;
        if (item.OutstandingScheduled > _toleranceMinor)
        {
            item.LateFee = _policy.LateFee.Charge(item.OutstandingPrincipal + item.OutstandingInterest, _rounding);
        }
    }

    private bool IsRepaid(int day)
    {
        if (_items.Count == 0 || _items[^1].DueDay > day)
        {
            return false;
        }

        for (int k = _firstOpen; k < _items.Count; k++)
        {
            if (!IsSettled(_items[k], day))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsSettled(Item item, int day) =>
        item.OutstandingScheduled == 0 && item.LateFee == item.PaidLateFee && PendingPenalty(item, day) == 0 && PendingCompound(item, day) == 0;

    private bool Chargeable(Item item, int day) => day > item.DueDay + _grace && !(item.ClearedDay <= item.DueDay + _grace);

    private long Charge(long overdueMinor, Item item, int days)
    {
        if (overdueMinor <= 0 || days <= 0 || item.PenaltyNumerator.IsZero)
        {
            return 0;
        }

        return (long)FixedPoint.RoundQuotient(overdueMinor * item.PenaltyNumerator * days, item.PenaltyDenominator, _rounding.Mode);
    }

    private long PenaltyAccrued(Item item, int day) => item.PenaltyClosed + Charge(item.OutstandingPrincipal, item, day - item.SegmentStart);

    private long CompoundAccrued(Item item, int day) =>
        _policy.CompoundInterest ? item.CompoundClosed + Charge(item.OutstandingInterest, item, day - item.SegmentStart) : 0;

    private long PendingPenalty(Item item, int day) => Chargeable(item, day) ? PenaltyAccrued(item, day) - item.PaidPenalty : 0;

    private long PendingCompound(Item item, int day) => Chargeable(item, day) ? CompoundAccrued(item, day) - item.PaidCompound : 0;

    /// <summary>Ends the stretch of unchanged overdue amounts at <paramref name="day"/>: its charges are rounded and kept.</summary>
    private void CloseSegment(Item item, int day)
    {
        if (day > item.SegmentStart)
        {
            item.PenaltyClosed = PenaltyAccrued(item, day);
            item.CompoundClosed = _policy.CompoundInterest ? CompoundAccrued(item, day) : 0;
            item.SegmentStart = day;
        }
    }

    private long Outstanding(Item item, AllocationBucket bucket, int day) => bucket switch
    {
        AllocationBucket.Fees => item.OutstandingFees,
        AllocationBucket.PenaltyInterest => PendingPenalty(item, day),
        AllocationBucket.CompoundInterest => PendingCompound(item, day),
        AllocationBucket.Interest => item.OutstandingInterest,
        _ => item.OutstandingPrincipal,
    };

    private void Pay(Item item, AllocationBucket bucket, int day, ref long money, List<Allocation> allocations)
    {
        long take = Math.Min(Outstanding(item, bucket, day), money);
        if (take <= 0)
        {
            return;
        }

        switch (bucket)
        {
            case AllocationBucket.Fees:
                long scheduled = Math.Min(take, item.DueFee - item.PaidFee);
                item.PaidFee += scheduled;
                item.PaidLateFee += take - scheduled;
                break;
            case AllocationBucket.PenaltyInterest:
                item.PaidPenalty += take;
                break;
            case AllocationBucket.CompoundInterest:
                item.PaidCompound += take;
                break;
            case AllocationBucket.Interest:
                CloseSegment(item, day);
                item.PaidInterest += take;
                break;
            default:
                CloseSegment(item, day);
                item.PaidPrincipal += take;
                break;
        }

        money -= take;
        allocations.Add(new Allocation(item.Period, item.Due, bucket, ToDecimal(take)));
        if (item.ClearedDay is null && item.OutstandingScheduled == 0)
        {
            item.ClearedDay = day;
            item.ClearedOn = _today;
        }
    }

    private void Apply(int? paymentIndex, int day, long amount, long fromCredit)
    {
        long money = amount + fromCredit;
        var allocations = new List<Allocation>();
        int end = Allocate(day, ref money, allocations);
        long prepaid = 0;
        string? note = null;
        if (money > 0 && _policy.Excess.PrepaymentOption is { } option && end < _items.Count)
        {
            (prepaid, note) = Prepay(day, ref money, option, allocations);
        }

        _credit += money;
        _ledger.Add(new PaymentApplication(paymentIndex, _today, ToDecimal(amount), ToDecimal(fromCredit), allocations, ToDecimal(prepaid), ToDecimal(money), note));
    }

    /// <summary>Pays what is due by today from <paramref name="money"/>, in the policy's order; returns the index of the
    /// first item due after today.</summary>
    private int Allocate(int day, ref long money, List<Allocation> allocations)
    {
        while (_firstOpen < _items.Count && _items[_firstOpen].DueDay <= day && IsSettled(_items[_firstOpen], day))
        {
            _firstOpen++;
        }

        int end = _firstOpen;
        while (end < _items.Count && _items[end].DueDay <= day)
        {
            end++;
        }

        ReadOnlySpan<AllocationBucket> buckets = _policy.Allocation.BucketSpan;
        if (_policy.Allocation.Scope == AllocationScope.OldestInstalmentFirst)
        {
            for (int k = _firstOpen; k < end && money > 0; k++)
            {
                foreach (AllocationBucket bucket in buckets)
                {
                    Pay(_items[k], bucket, day, ref money, allocations);
                }
            }
        }
        else
        {
            foreach (AllocationBucket bucket in buckets)
            {
                for (int k = _firstOpen; k < end && money > 0; k++)
                {
                    Pay(_items[k], bucket, day, ref money, allocations);
                }
            }
        }

        return end;
    }

    /// <summary>Prepays as much principal as <paramref name="money"/> pays for together with the prepayment's own
    /// interest and penalty (or pays the loan off when it covers that), and records it as paid.</summary>
    private (long Prepaid, string? Note) Prepay(int day, ref long money, PrepaymentOption option, List<Allocation> allocations)
    {
        LocalDate date = _today;
        Loan? chosen = null;
        try
        {
            Loan payoff = WithEvent(Prepayment.Payoff(date));
            Schedule paidOff = payoff.BuildSchedule();
            Installment payoffRow = PrepaymentRow(paidOff, date);
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
            return (0, "prepayment refused: " + Specs.SpecText.Reason(e));
        }

        if (chosen is null)
        {
            return (0, "prepayment refused: the money does not cover the prepayment's own interest and penalty");
        }

        // The rows due up to today are unchanged by a prepayment today; the rows after it are the new loan's.
        int kept = _items.FindIndex(i => i.DueDay > day) is var k && k >= 0 ? k : _items.Count;
        _loan = chosen;
        _schedule = chosen.BuildSchedule();
        _items = ItemsOf(_schedule, kept, _items);
        _rebuilt = true;
        Item row = _items.Find(i => i.DueDay == day && i.Kind is InstallmentKind.Prepayment or InstallmentKind.Payoff && i.PaidPrincipal == 0 && i.ClearedDay is null)!;
        row.FeeAssessed = true;
        foreach (AllocationBucket bucket in (ReadOnlySpan<AllocationBucket>)[AllocationBucket.Fees, AllocationBucket.Interest, AllocationBucket.Principal])
        {
            Pay(row, bucket, day, ref money, allocations);
        }

        // A payoff brings the deferred payments due with it (the last row): the money covers them too.
        if (row.Kind == InstallmentKind.Payoff)
        {
            foreach (Item item in _items)
            {
                if (item.Kind == InstallmentKind.Deferred)
                {
                    item.FeeAssessed = true;
                    Pay(item, AllocationBucket.Interest, day, ref money, allocations);
                    Pay(item, AllocationBucket.Principal, day, ref money, allocations);
                }
            }
        }

        return (row.DuePrincipal, null);
    }

    /// <summary>The deferred payments not yet paid (they fall due with the last row).</summary>
    private long DeferredOutstanding()
    {
        long sum = 0;
        foreach (Item item in _items)
        {
            if (item.Kind == InstallmentKind.Deferred)
            {
                sum += item.OutstandingScheduled;
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
        int asOfDay = DayNumber.Of(asOf);
        var instalments = new List<AccountInstalment>();
        foreach (Item item in _items)
        {
            if (item.DueDay > asOfDay)
            {
                break;
            }

            bool isOverdue = IsOverdue(item, asOfDay);
            long penalty = Chargeable(item, asOfDay) ? PenaltyAccrued(item, asOfDay) : 0;
            long compound = Chargeable(item, asOfDay) ? CompoundAccrued(item, asOfDay) : 0;
            int lastDay = item.ClearedDay ?? asOfDay;
            InstalmentStatus status = item.ClearedDay is { } cleared
                ? cleared <= item.DueDay ? InstalmentStatus.PaidOnTime : cleared <= item.DueDay + _grace ? InstalmentStatus.PaidWithinGrace : InstalmentStatus.PaidLate
                : isOverdue ? InstalmentStatus.Overdue : InstalmentStatus.Due;
            instalments.Add(new AccountInstalment(
                item.Period, item.Due, item.Kind, item.AnnualRate, item.PenaltyRate,
                ToDecimal(item.DuePrincipal), ToDecimal(item.DueInterest), ToDecimal(item.DueFee), ToDecimal(item.PaidPrincipal), ToDecimal(item.PaidInterest),
                ToDecimal(item.LateFee), ToDecimal(item.PaidFee + item.PaidLateFee), ToDecimal(penalty), ToDecimal(item.PaidPenalty),
                ToDecimal(compound), ToDecimal(item.PaidCompound),
                item.ClearedDay is not null ? item.ClearedOn : null, lastDay - item.DueDay, status));
        }

        (AccountClassification classification, int daysPastDue, int overdue, int longest) = Classify(asOfDay);
        int? oldest = daysPastDue > 0 ? asOfDay - daysPastDue : null;
        Loan loan = _loan;
        Schedule schedule = _schedule;
        return new LoanAccount(loan, asOf, _policy, counted, after, schedule, [.. instalments], [.. _ledger], ToDecimal(_credit), daysPastDue,
            oldest is { } od ? DayNumber.ToDate(od) : null, overdue, longest, classification, () => PayoffQuote.For(loan, asOf, schedule, afterPrepaymentsOnDate: true));
    }

    private bool IsOverdue(Item item, int day) => day > item.DueDay + _grace && item.OutstandingScheduled > _toleranceMinor;

    /// <summary>The delinquency measures and the class as of the date, and the next move and milestone if nothing more is paid (held credit still
    /// pays the instalments it covers in full as they fall due).</summary>
    private (AccountClassification Classification, int DaysPastDue, int Overdue, int Consecutive) Classify(int asOfDay)
    {
        RiskClassification scheme = _policy.Classification;

        // Which instalments stay unpaid if nothing more is paid: those unpaid now, and the later ones credit does not cover.
        var unpaidDays = new List<int>(_items.Count);
        var unpaid = new bool[_items.Count];
        long credit = _credit;
        for (int k = 0; k < _items.Count; k++)
        {
            Item item = _items[k];
            if (item.DueDay <= asOfDay)
            {
                unpaid[k] = item.OutstandingScheduled > _toleranceMinor;
            }
            else
            {
                long due = item.OutstandingScheduled;
                long used = Math.Min(credit, due);
                credit -= used;
                unpaid[k] = due - used > _toleranceMinor;
            }

            if (unpaid[k])
            {
                unpaidDays.Add(item.DueDay);
            }
        }

        // The measures as of the day (the same walk as on the later dates below).
        (int daysPastDue, int overdue, int consecutive) = MeasuresAt(asOfDay, unpaid);
        (RiskClass current, ClassRule? rule) = scheme.Classify(daysPastDue, overdue, consecutive);

        int maxCount = scheme.Rules.Where(r => r.Measure != DelinquencyMeasure.DaysPastDue).Select(r => r.AtLeast).DefaultIfEmpty(0).Max();
        var candidates = new SortedSet<int>();
        if (unpaidDays.Count > 0)
        {
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
        }

        RiskClass? nextClass = null;
        ClassRule? nextRule = null;
        LocalDate? next = null;
        foreach (int day in candidates)
        {
            if (day <= asOfDay)
            {
                continue;
            }

            (int dpd, int count, int longest) = MeasuresAt(day, unpaid);
            (RiskClass c, ClassRule? by) = scheme.Classify(dpd, count, longest);
            if (c.Rank > current.Rank)
            {
                (nextClass, nextRule, next) = (c, by, DayNumber.ToDate(day));
                break;
            }
        }

        var reached = scheme.Milestones.Where(m => daysPastDue >= m.DaysPastDue).ToArray();
        ServicingMilestone? nextMilestone = scheme.Milestones.FirstOrDefault(m => daysPastDue < m.DaysPastDue);
        LocalDate? nextMilestoneDate = nextMilestone is not null && unpaidDays.Count > 0
            ? DayNumber.ToDate(unpaidDays[0] + Math.Max(nextMilestone.DaysPastDue, _grace + 1))
            : null;
        return (new AccountClassification(current, rule, nextClass, nextRule, next, reached, nextMilestoneDate is null ? null : nextMilestone, nextMilestoneDate),
            daysPastDue, overdue, consecutive);
    }

    private (int DaysPastDue, int Overdue, int Consecutive) MeasuresAt(int day, bool[] unpaid)
    {
        int count = 0, run = 0, longest = 0;
        int? oldest = null;
        for (int k = 0; k < _items.Count && _items[k].DueDay + _grace < day; k++)
        {
            if (unpaid[k])
            {
                count++;
                oldest ??= _items[k].DueDay;
                longest = Math.Max(longest, ++run);
            }
            else
            {
                run = 0;
            }
        }

        return (oldest is { } o ? day - o : 0, count, longest);
    }

    private decimal ToDecimal(long minor) => FixedPoint.ToDecimal(minor, _places);

    private long ToMinorRounded(decimal amount) => (long)(_rounding.Round(amount) * FixedPoint.Pow10[_places]);
}

