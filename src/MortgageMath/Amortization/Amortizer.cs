using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// The one amortization loop. It walks the due dates, asks the rate timeline which rate(s) applied in the period,
/// charges interest exactly (rounded once), asks the repayment method what principal is due, applies the
/// prepayments that fall in the period, and writes one row per payment. The last period settles the remaining
/// balance, so the schedule always ends at exactly 0.
/// On one day the order is fixed: the rate change, then the regular payment, then the prepayment.
/// The loop hands each row to a sink (a struct, so the JIT compiles one loop per sink with the calls inlined): the
/// schedule's sink keeps the rows, the totals' sink only the figures a portfolio needs, so both come from this one walk.
/// </summary>
internal static class Amortizer
{
    internal static Schedule Build(Loan loan)
    {
        var loop = new Loop<ScheduleSink>(loan, default);
        loop.Run();
        return loop.ToSchedule();
    }

    /// <summary>The row-free walk: the same loop, its rows summarized by <see cref="TotalsSink"/> as they are written.</summary>
    internal static LoanTotals Totals(Loan loan, LocalDate? asOf, LocalDate? windowEnd)
    {
        var loop = new Loop<TotalsSink>(loan, new TotalsSink(asOf, windowEnd));
        loop.Run();
        return loop.ToTotals(asOf, windowEnd);
    }

    /// <summary>The walk with any other sink (the account's instalments, <c>AccountBuilder</c>): the same loop, each
    /// row handed to <paramref name="sink"/> as it is worked out; returns the sink as the walk left it.</summary>
    internal static TSink Walk<TSink>(Loan loan, TSink sink)
        where TSink : struct, IRowSink
    {
        var loop = new Loop<TSink>(loan, sink);
        loop.Run();
        return loop.Sink;
    }

    /// <summary>The state of one walk through a loan's life; amounts in minor units.</summary>
    private sealed class Loop<TSink>
        where TSink : struct, IRowSink
    {
        private TSink _sink; // where the rows go (not readonly: a struct sink is updated in place)
        private long _totalPrincipal; // the sums of the rows written, kept in the loop (no second pass over the rows)
        private long _totalInterest;
        private long _totalPenalty;

        private readonly Loan _loan;
        private readonly RoundingMode _mode;
        private readonly int _places;
        private readonly DueDates _dueDates;
        private readonly RateTimeline _timeline;
        private RepaymentMethod _contract; // the loan's method (may have phases); a method change replaces it
        private readonly RoundingPolicy _rounding;
        private readonly int _daysInYear;
        private readonly Prepayment[] _prepayments;
        private readonly int[] _prepaymentDays; // their dates as day numbers
        private readonly int[] _prepaymentPeriods; // the periods they fall in (due date on or after them)
        private readonly PaymentHoliday[] _holidays;
        private readonly int[] _holidayPeriods; // the periods whose due dates they fall on
        private readonly RestructuringEvent[] _restructurings; // in date order, each on a due date
        private readonly int[] _restructuringPeriods; // the periods whose due dates they fall on
        private readonly PaymentDeferral[] _deferrals; // in date order
        private readonly int[] _deferralPeriods; // the periods of their first deferred payments
        private int _nextDeferral;
        private int _deferredUntil; // the last period whose payment is deferred to the last row (0: none)

        private long _balance;
        private PeriodicRate _rate;
        private RepaymentMethod _method; // the simple method in force (an interest-first loan changes it)
        private long _level;
        private int _rateEntry; // the timeline entry whose rate is in force in the loop
        private int _nextChangePeriod; // the period in which the timeline entry after the last one looked at begins (int.MaxValue: none)
        private int _lastPeriod; // the period that settles the balance (the maturity, or sooner after prepayments)
        private int _amortizationEnd; // the period the level amortizes to (after maturity for a balloon)
        private int _regularPayments;
        private long _deferredInterest; // a holiday's interest to collect with the next payment
        private int _interestOnlyUntil; // the last period of a temporary interest-only period (0: none)
        private readonly bool _dayChanges; // whether the repayment day changes (DueDates knows from when)
        private long _interestOnlyPrincipal; // the principal still repaid in it

        // Penalty bookkeeping: the loan year of the last prepayment, the balance at that year's start, the amount prepaid in it.
        private int _penaltyYear;
        private long _penaltyYearStartBalance;
        private long _prepaidThisYear;

        internal Loop(Loan loan, TSink sink)
        {
            _sink = sink;
            _loan = loan;
            _balance = loan.ValidateCombination();
            _mode = loan.Rounding.Mode;
            _places = loan.Rounding.DecimalPlaces;
            _dueDates = DueDates.For(loan);
            _prepayments = Prepayments(loan, _dueDates, out int term, out _restructurings, out _deferrals);
            _deferralPeriods = _deferrals.Length == 0 ? [] : Array.ConvertAll(_deferrals, d => _dueDates.PeriodFor(d.Date));
            _restructuringPeriods = _restructurings.Length == 0 ? [] : Array.ConvertAll(_restructurings, r => _dueDates.PeriodFor(r.Date));
            _dayChanges = loan.Events.Count > 0 && loan.Events.Any(e => e is RepaymentDayChange);
            _timeline = RateTimeline.Build(loan, _dueDates, term);
            _contract = loan.Method;
            _contract.Validate(loan);
            _method = _contract.PhaseAt(1);
            _rounding = loan.Rounding;
            _daysInYear = loan.DayCount.DaysInYear();
            _prepaymentDays = _prepayments.Length == 0 ? [] : Array.ConvertAll(_prepayments, p => DayNumber.Of(p.Date));
            _prepaymentPeriods = _prepayments.Length == 0 ? [] : Array.ConvertAll(_prepayments, p => _dueDates.PeriodFor(p.Date));
            _holidays = Holidays(loan, _dueDates, term);
            _holidayPeriods = _holidays.Length == 0 ? [] : Array.ConvertAll(_holidays, h => _dueDates.PeriodFor(h.Date));
            _lastPeriod = loan.Periods;
            _amortizationEnd = _contract.AmortizationPeriods(loan.Periods);

            // One row per period up to the term (a holiday's row takes its period's place), one per prepayment and one
            // per arrears capitalization:
            // the last period is never beyond the term, so the rows never need more room.
            _sink.Start(term + _prepayments.Length + (_restructurings.Length == 0 ? 0 : _restructurings.Count(static r => r is ArrearsCapitalization)),
                loan.PrepaymentPenalty != PrepaymentPenalty.None, _timeline.Changes, _places);
            _rate = new PeriodicRate(_timeline.RateOf(0));
            _level = _method.Level(_balance, _rate, _amortizationEnd, _rounding);
        }

        internal void Run()
        {
            int current = 0; // timeline entry in force at the start of the period
            _nextChangePeriod = _timeline.Count > 1 ? _dueDates.PeriodFor(_timeline.DateOf(1)) : int.MaxValue;
            int next = 0; // next prepayment
            int nextHoliday = 0;
            int nextRestructuring = 0;
            LocalDate start = _loan.Disbursement;
            int plainUntil = 0; // periods before it are plain (see PlainUntil): none before the first general step
            for (int period = 1; ; period++)
            {
                if (period < plainUntil)
                {
                    period = Plain(period, plainUntil, stopWhenRepaid: next > 0, out start);
                    if (_balance == 0 && next > 0)
                    {
                        RepaidEarly(next, nextRestructuring, start);
                        return;
                    }

                    continue;
                }

                LocalDate due = _dueDates.Of(period);

                if (_nextDeferral < _deferrals.Length && _deferralPeriods[_nextDeferral] == period)
                {
                    StartDeferral(period);
                }

                if (_contract.StartsPhase(period))
                {
                    _method = _contract.PhaseAt(period);
                    Restart(period - 1);
                }

                if (_interestOnlyUntil != 0 && period > _interestOnlyUntil)
                {
                    _interestOnlyUntil = 0; // the method resumes over the periods left
                    Restart(period - 1);
                }

                // Dates are compared and days counted as day numbers, worked out only in a period in which something
                // dated happens: a rate change, a prepayment, the first period (most periods need neither).
                int startDay = 0, dueDay = 0;
                bool newDay = _dayChanges && _dueDates.StartsNewDay(period); // the period straddling a repayment-day change
                bool dated = period >= _nextChangePeriod || (next < _prepayments.Length && _prepaymentPeriods[next] <= period) || period == 1 || newDay;
                if (dated)
                {
                    startDay = DayNumber.Of(start);
                    dueDay = DayNumber.Of(due);
                }

                // The timeline entries in force from the start of the period to the day before the due date.
                int last = current;
                if (period >= _nextChangePeriod)
                {
                    (current, last) = EnterRates(current, startDay, dueDay, period);
                }

                // Prepayments between the last due date and this one. Under AccruedOnBalance the interest up to
                // the prepayment is collected with it, and this period's interest runs from the prepayment date.
                LocalDate accrualStart = start;
                int accrualStartDay = startDay;
                while (dated && next < _prepayments.Length && _prepaymentDays[next] < dueDay)
                {
                    Prepayment prepayment = _prepayments[next];
                    Prepay(prepayment, _prepaymentDays[next++], period, accrualStartDay, periodsLeftIncludingThis: true);
                    if (_loan.PrepaymentInterest == PrepaymentInterest.AccruedOnBalance)
                    {
                        accrualStart = prepayment.Date;
                        accrualStartDay = DayNumber.Of(accrualStart);
                    }

                    if (_balance == 0)
                    {
                        FinishRepaid(next, prepayment.Date);
                        return;
                    }
                }

                long regularInterest = _rate.MonthlyInterest(_balance, _mode);
                long interest = regularInterest;
                long principal = _interestOnlyUntil == 0 ? _method.ScheduledPrincipal(_level, regularInterest) : _interestOnlyPrincipal;
                bool oddFirst = period == 1 && _loan.Disbursement.PlusMonths(1) != due;
                RateSegment[]? segments = null;
                if (last > current || accrualStartDay != startDay || oddFirst || newDay)
                {
                    interest = ActualDaysInterest(accrualStart, accrualStartDay, startDay, due, dueDay, current, last, oddFirst || newDay, regularInterest, out segments);
                }

                bool restartAfterFirst = false;
                if (oddFirst && interest != regularInterest && _loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
                {
                    // The first payment stays the regular one, so its principal part absorbs the odd days' interest;
                    // the method then restarts on the balance left, over the periods left (no early payoff, no 0.00 rows).
                    principal += regularInterest - interest;
                    restartAfterFirst = true;
                }

                if (period >= _lastPeriod || principal > _balance)
                {
                    principal = _balance;
                }
                else if (principal < 0)
                {
                    principal = 0;
                }

                if (nextHoliday < _holidays.Length && _holidays[nextHoliday].Date == due && period < _lastPeriod)
                {
                    SkipPayment(_holidays[nextHoliday++], period, due, interest, segments);
                }
                else
                {
                    interest += _deferredInterest;
                    _deferredInterest = 0;
                    InstallmentKind kind = period <= _deferredUntil ? Deferred(period)
                        : period >= _lastPeriod && _contract.HasBalloon && _amortizationEnd > _lastPeriod ? InstallmentKind.Balloon
                        : InstallmentKind.Regular;
                    _sink.Write(period, due, _rate.Annual, _balance, principal, interest, _places, segments, kind, 0, 0, false);
                    _totalPrincipal += principal;
                    _totalInterest += interest;
                    _balance -= principal;
                    _regularPayments++;
                    if ((restartAfterFirst || newDay) && period < _lastPeriod)
                    {
                        Restart(period); // after an odd period the method restarts on the balance left
                    }
                }

                // Prepayments on the due date itself come after its regular payment (or its payment holiday), in the
                // same period: no interest has accrued since.
                // A rate change on that day comes first (the order is rate change, payment, prepayment).
                if (dated && _balance > 0 && next < _prepayments.Length && _prepaymentDays[next] == dueDay
                    && last + 1 < _timeline.Count && _timeline.DayOf(last + 1) == dueDay)
                {
                    _rateEntry = ChangeRate(last + 1, period);
                }

                while (dated && _balance > 0 && next < _prepayments.Length && _prepaymentDays[next] == dueDay)
                {
                    Prepay(_prepayments[next], _prepaymentDays[next++], period, dueDay, periodsLeftIncludingThis: false);
                }

                // A restructuring takes effect after the day's payment and prepayments.
                if (nextRestructuring < _restructurings.Length && _restructuringPeriods[nextRestructuring] == period && _balance > 0)
                {
                    nextRestructuring = Restructure(period, nextRestructuring);
                }

                // Without prepayments the schedule keeps its contractual length (a tiny loan may end with 0.00 rows);
                // after a prepayment it ends when the balance is repaid.
                if (_balance == 0 && (period >= _lastPeriod || next > 0))
                {
                    RepaidEarly(next, nextRestructuring, due);
                    return;
                }

                (start, current) = (due, last);
                plainUntil = PlainUntil(period + 1, next, nextHoliday, nextRestructuring);
            }
        }

        /// <summary>
        /// The plain periods from <paramref name="period"/> to before <paramref name="until"/> (see <see cref="PlainUntil"/>):
        /// one rate for the whole period, the regular interest, the method's principal clamped to the balance, a regular
        /// row, and nothing else (the general step in <see cref="Run"/>, with every condition false, does exactly this;
        /// <c>AmortizerDifferentialTests</c> compares the two over thousands of loans). The balance, the level, the
        /// interest's terms and the sums are kept in locals and written back once, and nothing in the loop is a call, so
        /// they stay in registers; the due dates are counted month by month on the one repayment day of the stretch.
        /// Stops early when the balance is repaid and <paramref name="stopWhenRepaid"/>. Returns the last period done,
        /// and its due date.
        /// </summary>
        private int Plain(int period, int until, bool stopWhenRepaid, out LocalDate due)
        {
            if (_sink.SkipsPlainRows)
            {
                return PlainWithoutRows(period, until, stopWhenRepaid, out due);
            }

            TSink sink = _sink;
            sink.StartPlain(_rate.Annual);
            (int year, int month, int day) = _dueDates.Parts(period);
            int repaymentDay = _dueDates.DayFrom(period); // the day before clamping to a short month
            // The calls first, then the locals the loop keeps in registers (none of them lives across a call).
            bool lessInterest = _method.LevelIncludesInterest;
            MonthlyTerms terms = _rate.Terms(_mode);
            long balance = _balance;
            long level = _level;
            long totalPrincipal = _totalPrincipal;
            long totalInterest = _totalInterest;
            int first = period;
            bool days = sink.WantsDayNumbers; // a constant of the sink: the day numbers cost nothing to a sink without them
            int monthStart = days ? DayNumber.Of(year, month, 1) : 0; // the day number of the due month's first day
            LocalDate date;
            while (true)
            {
                date = new LocalDate(year, month, day);
                long interest = terms.Interest(balance);
                long principal = PlainPrincipal(interest, level, lessInterest, balance);
                sink.WritePlain(period, date, days ? monthStart + day - 1 : 0, balance, principal, interest);
                totalPrincipal += principal;
                totalInterest += interest;
                balance -= principal;
                if (period + 1 >= until || (balance == 0 && stopWhenRepaid))
                {
                    break;
                }

                period++;
                if (days)
                {
                    monthStart += DueDates.DaysInMonth(year, month);
                }

                if (++month > 12)
                {
                    month = 1;
                    year++;
                }

                day = repaymentDay <= 28 ? repaymentDay : Math.Min(repaymentDay, DueDates.DaysInMonth(year, month));
            }

            _balance = balance;
            _totalPrincipal = totalPrincipal;
            _totalInterest = totalInterest;
            _regularPayments += period - first + 1;
            _sink = sink;
            due = date;
            return period;
        }

        /// <summary>
        /// <see cref="Plain"/> for a sink that needs no plain row (<see cref="IRowSink.SkipsPlainRows"/>): the same
        /// arithmetic, in the same order, with only the sums kept; the sink is told the number of rows and the last date.
        /// </summary>
        private int PlainWithoutRows(int period, int until, bool stopWhenRepaid, out LocalDate due)
        {
            // The calls first, then the locals the loop keeps in registers (none of them lives across a call).
            bool lessInterest = _method.LevelIncludesInterest;
            MonthlyTerms terms = _rate.Terms(_mode);
            long balance = _balance;
            long level = _level;
            long totalPrincipal = _totalPrincipal;
            long totalInterest = _totalInterest;
            int first = period;
            while (true)
            {
                long interest = terms.Interest(balance);
                long principal = PlainPrincipal(interest, level, lessInterest, balance);
                totalPrincipal += principal;
                totalInterest += interest;
                balance -= principal;
                if (period + 1 >= until || (balance == 0 && stopWhenRepaid))
                {
                    break;
                }

                period++;
            }

            // Written back before the calls below, so that nothing in the loop lives across a call.
            _balance = balance;
            _totalPrincipal = totalPrincipal;
            _totalInterest = totalInterest;
            _regularPayments += period - first + 1;
            due = _dueDates.Of(period);
            _sink.SkipPlainRows(period - first + 1, due);
            return period;
        }

        /// <summary>A plain period's principal: what the method asks (the level less the interest, or the level),
        /// clamped to the balance and to 0. (It returns the principal rather than updating the caller's locals by
        /// reference, which would keep them in memory.)</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long PlainPrincipal(long interest, long level, bool lessInterest, long balance)
        {
            long principal = lessInterest ? level - interest : level;
            return principal > balance ? balance : principal < 0 ? 0 : principal;
        }

        /// <summary>
        /// The first period from <paramref name="from"/> on that needs the general step: one in which a rate entry
        /// begins, a prepayment, holiday, restructuring or deferral falls, a phase or a new repayment day starts, or
        /// the last period; none while a deferral, an interest-only period or a holiday's deferred interest is running,
        /// nor while the balance is above the largest whose interest the plain loop works out in 64 bits
        /// (<see cref="PeriodicRate.FastLimit"/>: about 1.4 × 10^17 minor units at TV-1's rate, far above any loan,
        /// but small for a rate of many decimals); the balance falls in plain periods, so the limit holds to the
        /// stretch's end; nor when the sink cannot take plain rows (a schedule whose side table is full).
        /// The periods before it are plain (the loop's fast path). Worked out after every general step, since each
        /// event may move the next one (a prepayment shortens the term, a restructuring changes the method).
        /// </summary>
        private int PlainUntil(int from, int nextPrepayment, int nextHoliday, int nextRestructuring)
        {
            if (from <= _deferredUntil || _interestOnlyUntil != 0 || _deferredInterest != 0 || (ulong)_balance > _rate.FastLimit
                || !_sink.AcceptsPlainRows)
            {
                return from;
            }

            int until = Math.Min(_lastPeriod, _nextChangePeriod);
            if (nextPrepayment < _prepaymentPeriods.Length)
            {
                until = Math.Min(until, _prepaymentPeriods[nextPrepayment]);
            }

            if (nextHoliday < _holidayPeriods.Length)
            {
                until = Math.Min(until, _holidayPeriods[nextHoliday]);
            }

            if (nextRestructuring < _restructuringPeriods.Length)
            {
                until = Math.Min(until, _restructuringPeriods[nextRestructuring]);
            }

            if (_nextDeferral < _deferralPeriods.Length)
            {
                until = Math.Min(until, _deferralPeriods[_nextDeferral]);
            }

            until = Math.Min(until, _contract.NextPhaseStart(from));
            if (_dayChanges)
            {
                until = Math.Min(until, _dueDates.NextNewDay(from));
            }

            return until;
        }

        /// <summary>The balance is repaid on <paramref name="due"/> (with the periods or after a prepayment): any
        /// event still to come is an error.</summary>
        private void RepaidEarly(int next, int nextRestructuring, LocalDate due)
        {
            if (nextRestructuring < _restructurings.Length)
            {
                throw LoanEventException.For(_loan, _restructurings[nextRestructuring],
                    Resources.Localized.Format(Resources.LibraryText.Valid_EventAfterRepaid, _restructurings[nextRestructuring], Format(due)));
            }

            FinishRepaid(next, due);
        }

        /// <summary>
        /// The restructurings on this period's due date, in order: a term change sets the last period, a method change
        /// the method; the method then restarts on the balance over the periods left, once, and only if either changed.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private int Restructure(int period, int next)
        {
            int lastBefore = _lastPeriod;
            RepaymentMethod methodBefore = _method;
            bool capitalized = false;
            while (next < _restructurings.Length && _restructuringPeriods[next] == period)
            {
                RestructuringEvent restructuring = _restructurings[next++];
                if (_contract.HasBalloon || (_method != RepaymentMethod.EqualInstallment && _method != RepaymentMethod.EqualPrincipal))
                {
                    throw LoanEventException.For(_loan, restructuring,
                        Resources.Localized.Format(Resources.LibraryText.Valid_RestructuringNeedsMethod, restructuring, Format(restructuring.Date), _method));
                }

                switch (restructuring)
                {
                    case TermChange term:
                        int left = term.PeriodsLeft(period, _lastPeriod);
                        if (left < 1)
                        {
                            throw LoanEventException.For(_loan, restructuring,
                                Resources.Localized.Format(Resources.LibraryText.Valid_TermChangeLeaves, term, left, period));
                        }

                        CheckExtension(_loan, restructuring, term.Limits, period + left, term.ToString());
                        _lastPeriod = _amortizationEnd = period + left;
                        break;
                    case MethodChange change:
                        _method = _contract = change.Method;
                        break;
                    case InterestOnlyPeriod interestOnly:
                        _interestOnlyUntil = period + interestOnly.Periods;
                        if (!FixedPoint.TryToMinor(interestOnly.MinimumPrincipal, _places, out _interestOnlyPrincipal))
                        {
                            throw LoanEventException.For(_loan, restructuring,
                                Resources.Localized.Format(Resources.LibraryText.Valid_EventDecimals, restructuring, _places));
                        }

                        if (interestOnly.Resume == InterestOnlyResume.OverRemainingTerm)
                        {
                            CheckExtension(_loan, restructuring, interestOnly.Limits, _lastPeriod + interestOnly.Periods, interestOnly.ToString());
                            _lastPeriod = _amortizationEnd = _lastPeriod + interestOnly.Periods;
                        }

                        break;
                    case ArrearsCapitalization capitalization:
                        Capitalize(capitalization, period);
                        capitalized = true;
                        break;
                }
            }

            if (_lastPeriod != lastBefore || _method != methodBefore || capitalized)
            {
                Restart(period);
            }

            return next;
        }

        /// <summary>
        /// Arrears capitalized after this period's payment: a row with nothing paid whose capitalized amount is added
        /// to the balance, up to <see cref="Loan.MaxPrincipal"/> (the largest amount the loop's exact arithmetic is
        /// made for). The caller restarts the method on the new balance.
        /// </summary>
        private void Capitalize(ArrearsCapitalization capitalization, int period)
        {
            if (!FixedPoint.TryToMinor(capitalization.Amount, _places, out long amount))
            {
                throw LoanEventException.For(_loan, capitalization,
                    Resources.Localized.Format(Resources.LibraryText.Valid_EventDecimals, capitalization, _places));
            }

            if (ExceedsLargestBalance(amount))
            {
                throw LoanEventException.For(_loan, capitalization, 
                    Resources.Localized.Format(Resources.LibraryText.Valid_CapitalizationTooLarge, capitalization, FixedPoint.ToDecimal(_balance + amount, _places)));
            }

            _sink.Write(period, capitalization.Date, _rate.Annual, _balance, 0, 0, _places, null,
                InstallmentKind.Capitalization, 0, amount, true);
            _balance += amount;
        }

        /// <summary>A deferral whose first payment is this period's: the periods whose payments move to the last row.</summary>
        /// <summary>Whether adding <paramref name="amount"/> to the balance (a capitalization: a holiday's interest or
        /// arrears) takes it beyond <see cref="Loan.MaxPrincipal"/>, the largest amount the loop's arithmetic is made for.</summary>
        private bool ExceedsLargestBalance(long amount) => _balance + amount > (long)Loan.MaxPrincipal * FixedPoint.Pow10[_places];

        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private void StartDeferral(int period)
        {
            PaymentDeferral deferral = _deferrals[_nextDeferral++];
            if (period <= _deferredUntil)
            {
                throw LoanEventException.For(_loan, deferral,
                    Resources.Localized.Format(Resources.LibraryText.Valid_DeferralOverlaps, deferral, _deferredUntil));
            }

            _deferredUntil = period + deferral.Periods - 1;
        }

        /// <summary>The kind of a deferred period's row; its payment moves to the last row, so it may not be the last.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private InstallmentKind Deferred(int period)
        {
            if (period >= _lastPeriod)
            {
                PaymentDeferral deferral = _deferrals[_nextDeferral - 1];
                throw LoanEventException.For(_loan, deferral,
                    Resources.Localized.Format(Resources.LibraryText.Valid_DeferralReachesLast, deferral, Format(_dueDates.Of(_lastPeriod))));
            }

            return InstallmentKind.Deferred;
        }

        /// <summary>
        /// A payment holiday on this period's due date: nothing is paid; the period's interest is capitalized or
        /// collected later, and the method restarts on the balance over the periods left. A capitalization may take
        /// the balance to <see cref="Loan.MaxPrincipal"/>, the largest amount the loop's exact arithmetic is made
        /// for, and no further.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private void SkipPayment(PaymentHoliday holiday, int period, LocalDate due, long interest, RateSegment[]? segments)
        {
            if (period <= _deferredUntil)
            {
                throw LoanEventException.For(_loan, holiday,
                    Resources.Localized.Format(Resources.LibraryText.Valid_HolidayOnDeferred, Format(due), _deferrals[_nextDeferral - 1]));
            }

            bool capitalize = holiday.SkippedInterest == SkippedInterest.Capitalized;
            if (capitalize && ExceedsLargestBalance(interest))
            {
                decimal reached = FixedPoint.ToDecimal(_balance + interest, _places);
                throw new ArgumentOutOfRangeException(nameof(Loan.Events), reached,
                    Resources.Localized.Format(Resources.LibraryText.Valid_HolidayTooLarge, Format(due), FixedPoint.ToDecimal(interest, _places), reached));
            }

            _sink.Write(period, due, _rate.Annual, _balance, 0, 0, _places, segments, InstallmentKind.Holiday, 0, interest, capitalize);
            if (capitalize)
            {
                _balance += interest;
            }
            else
            {
                _deferredInterest += interest;
            }

            Restart(period);
        }

        /// <summary>
        /// A period in which the next timeline entry begins: the entry in force at its start and the one in force on the
        /// day before the due date. Notes the period in which the entry after that begins, and moves to the last one's rate.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private (int Current, int Last) EnterRates(int current, int startDay, int dueDay, int period)
        {
            while (current + 1 < _timeline.Count && _timeline.DayOf(current + 1) <= startDay)
            {
                current++;
            }

            int last = _timeline.LastBefore(current, dueDay);
            _nextChangePeriod = last + 1 < _timeline.Count ? _dueDates.PeriodFor(_timeline.DateOf(last + 1)) : int.MaxValue;

            // Consecutive timeline entries differ, so only a move to another entry can change the rate.
            if (last != _rateEntry && _timeline.RateOf(last) != _rate.Annual)
            {
                _rateEntry = ChangeRate(last, period - 1);
            }

            return (current, last);
        }

        /// <summary>
        /// The period's interest when it is not simply the monthly one: per rate segment by actual days when the
        /// accrual moved (a prepayment) or the rate changed and is split by days; otherwise an odd first period is its
        /// actual days at the period's rate (also when a rate change is charged wholly at the new rate). Gives the
        /// segments when more than one rate applied.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private long ActualDaysInterest(LocalDate accrualStart, int accrualStartDay, int startDay, LocalDate due, int dueDay,
            int current, int last, bool oddFirst, long regularInterest, out RateSegment[]? segments)
        {
            bool accrualMoved = accrualStartDay != startDay;
            int first = accrualMoved ? _timeline.IndexAt(accrualStartDay) : current;
            segments = last > first ? _timeline.Segments(accrualStart, due, first, last) : null;
            if (accrualMoved || (last > current && _loan.RateChangeInterest == RateChangeInterest.SplitByActualDays))
            {
                return _timeline.Interest(_balance, first, accrualStartDay, dueDay, _daysInYear, _mode);
            }

            return oddFirst ? _rate.DailyInterest(_balance, dueDay - startDay, _daysInYear, _mode) : regularInterest;
        }

        /// <summary>Moves to timeline entry <paramref name="entry"/>'s rate; equal installment re-levels over the periods left.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private int ChangeRate(int entry, int periodsDone)
        {
            _rate = new PeriodicRate(_timeline.RateOf(entry));
            if (_method.RestartsOnRateChange)
            {
                Restart(periodsDone);
            }

            return entry;
        }

        /// <summary>Restarts the method on the balance after <paramref name="periodsDone"/> periods, over the periods
        /// left to the end of the amortization term (a rate change, a phase start, a holiday, an odd first period).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // a rare path: keeps the loop body small
        private void Restart(int periodsDone) =>
            _level = _method.Level(_balance, _rate, Math.Max(1, _amortizationEnd - periodsDone), _rounding);

        /// <summary>The balance is repaid: any prepayment or deferral still to come is an error.</summary>
        private void FinishRepaid(int next, LocalDate repaidOn)
        {
            if (_nextDeferral < _deferrals.Length)
            {
                throw LoanEventException.For(_loan, _deferrals[_nextDeferral],
                    Resources.Localized.Format(Resources.LibraryText.Valid_EventAfterRepaid, _deferrals[_nextDeferral], Format(repaidOn)));
            }

            if (next < _prepayments.Length)
            {
                throw LoanEventException.For(_loan, _prepayments[next],
                    Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentAfterRepaid, Format(_prepayments[next].Date), Format(repaidOn)));
            }
        }

        /// <summary>The sink, as the walk left it.</summary>
        internal TSink Sink => _sink;

        /// <summary>The schedule of a walk with the schedule's sink, its totals summed in the loop.</summary>
        internal Schedule ToSchedule() =>
            new(_loan, ((ScheduleSink)(object)_sink).Rows(), _totalPrincipal, _totalInterest, _timeline.Changes, _totalPenalty, _regularPayments);

        /// <summary>The totals of a walk with the totals' sink.</summary>
        internal LoanTotals ToTotals(LocalDate? asOf, LocalDate? windowEnd) =>
            ((TotalsSink)(object)_sink).ToTotals(_places, _totalPrincipal, _totalInterest, _totalPenalty, _regularPayments, asOf, windowEnd);

        /// <summary>
        /// One prepayment: check the bank's rules, collect the accrued interest and the penalty, write its row, reduce
        /// the balance, and set the rest of the loan by the prepayment's option.
        /// </summary>
        private void Prepay(Prepayment prepayment, int day, int period, int accrualStartDay, bool periodsLeftIncludingThis)
        {
            LocalDate date = prepayment.Date;
            long amount = _balance;
            if (prepayment.Amount is { } requested)
            {
                if (!FixedPoint.TryToMinor(requested, _places, out amount))
                {
                    throw LoanEventException.For(_loan, prepayment,
                        Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentDecimals, requested, Format(date), _places));
                }

                if (amount > _balance)
                {
                    throw LoanEventException.For(_loan, prepayment,
                        Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentAboveBalance, requested.ToString(CultureInfo.InvariantCulture), Format(date), FixedPoint.ToDecimal(_balance, _places).ToString(CultureInfo.InvariantCulture)));
                }
            }

            bool payoff = amount == _balance;
            CheckRules(prepayment, amount, payoff);

            int first = _timeline.IndexAt(accrualStartDay);
            long accrued = _loan.PrepaymentInterest switch
            {
                PrepaymentInterest.None => 0,
                PrepaymentInterest.AccruedOnPrepaidAmount when !payoff => _timeline.Interest(amount, first, accrualStartDay, day, _daysInYear, _mode),
                _ => _timeline.Interest(_balance, first, accrualStartDay, day, _daysInYear, _mode),
            };
            Rate rateOnDate = _timeline.RateOf(_timeline.IndexAt(day));
            if (payoff)
            {
                accrued += _deferredInterest; // a holiday's interest still to collect is due with the payoff
                _deferredInterest = 0;
            }

            long penalty;
            try
            {
                penalty = Penalty(amount, date, rateOnDate);
            }
            catch (PrepaymentRuleViolationException e) when (e.EventIndex is null)
            {
                // A penalty's own limit (check-us-limit) knows the date, not the event: name the event.
                throw new PrepaymentRuleViolationException(LoanEventException.IndexOf(_loan, prepayment), date, e.Rule, e.Message);
            }
            _sink.Write(period, date, rateOnDate, _balance, amount, accrued, _places, null,
                payoff ? InstallmentKind.Payoff : InstallmentKind.Prepayment, penalty, 0, false);
            _totalPrincipal += amount;
            _totalInterest += accrued;
            _totalPenalty += penalty;
            _balance -= amount;
            if (!payoff)
            {
                Reshape(prepayment.Option, periodsLeftIncludingThis ? period - 1 : period);
            }
        }

        /// <summary>After a partial prepayment: the new level and last period, by the option chosen.</summary>
        private void Reshape(PrepaymentOption option, int periodsDone)
        {
            int left = Math.Max(1, _amortizationEnd - periodsDone);
            if (option is PrepaymentOption.NewTermOption newTerm)
            {
                _lastPeriod = _amortizationEnd = periodsDone + newTerm.RemainingPeriods;
                _level = _method.Level(_balance, _rate, newTerm.RemainingPeriods, _rounding);
            }
            else if (_method is RepaymentMethod.InterestOnlyPhase)
            {
                // Interest only: nothing to lower or shorten yet; the amortizing phase starts on the smaller balance.
            }
            else if (option == PrepaymentOption.LowerPayment)
            {
                Restart(periodsDone);
            }
            else if (!_method.RestartsOnRateChange)
            {
                // Equal principal, shortened: keep the principal part; the term is what it now takes.
                _amortizationEnd = periodsDone + (int)Math.Min(left, (_balance + _level - 1) / Math.Max(1, _level));
                _lastPeriod = Math.Min(_lastPeriod, _amortizationEnd);
            }
            else
            {
                // Equal installment (or a balloon's payment), shortened: the fewest periods whose payment is not above the current one.
                int needed = FewestPeriods(left);
                _amortizationEnd = periodsDone + needed;
                _lastPeriod = Math.Min(_lastPeriod, _amortizationEnd);
                if (option == PrepaymentOption.ShortenTerm)
                {
                    _level = _method.Level(_balance, _rate, needed, _rounding);
                }
            }
        }

        /// <summary>The fewest periods k ≤ <paramref name="left"/> whose rounded payment on the balance is not above the current level.</summary>
        private int FewestPeriods(int left)
        {
            int low = 1;
            int high = left;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (_method.Level(_balance, _rate, middle, _rounding) <= _level)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        private void CheckRules(Prepayment prepayment, long amount, bool payoff)
        {
            PrepaymentRules rules = _loan.PrepaymentRules;
            LocalDate allowedFrom = _loan.Disbursement.PlusMonths(rules.AllowedAfterMonths);
            if (prepayment.Date < allowedFrom)
            {
                throw new PrepaymentRuleViolationException(LoanEventException.IndexOf(_loan, prepayment), prepayment.Date, "prepayment lock-in",
                    Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentLockIn, Format(allowedFrom), rules.AllowedAfterMonths, Format(prepayment.Date)));
            }

            if (payoff)
            {
                return;
            }

            decimal value = FixedPoint.ToDecimal(amount, _places);
            if (rules.MinimumAmount is { } minimum && value < minimum)
            {
                throw new PrepaymentRuleViolationException(LoanEventException.IndexOf(_loan, prepayment), prepayment.Date, "minimum prepayment amount",
                    Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentBelowMinimum, value, Format(prepayment.Date), minimum));
            }

            if (rules.MinimumPaymentMultiple is { } multiple)
            {
                long regularInterest = _rate.MonthlyInterest(_balance, _mode);
                long payment = _method.ScheduledPrincipal(_level, regularInterest) + regularInterest;
                decimal needed = multiple * FixedPoint.ToDecimal(payment, _places);
                if (value < needed)
                {
                    throw new PrepaymentRuleViolationException(LoanEventException.IndexOf(_loan, prepayment), prepayment.Date, "minimum prepayment as a multiple of the payment",
                        Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentBelowMultiple, value, Format(prepayment.Date), multiple, FixedPoint.ToDecimal(payment, _places), needed));
                }
            }
        }

        private long Penalty(long amount, LocalDate date, Rate rate)
        {
            if (_loan.PrepaymentPenalty == PrepaymentPenalty.None)
            {
                return 0;
            }

            int loanYear = Period.Between(_loan.Disbursement, date, PeriodUnits.Years).Years + 1;
            if (loanYear != _penaltyYear)
            {
                _penaltyYear = loanYear;
                _prepaidThisYear = 0;
                _penaltyYearStartBalance = BalanceOn(_loan.Disbursement.PlusYears(loanYear - 1));
            }

            long penalty = _loan.PrepaymentPenalty.Charge(new PenaltyContext(
                amount, date, loanYear, rate, _penaltyYearStartBalance, _prepaidThisYear, _mode, _places));
            _prepaidThisYear += amount;
            return penalty;
        }

        /// <summary>The balance outstanding at the start of a day: after every row dated before it.</summary>
        private long BalanceOn(LocalDate day) => _sink.BalanceBefore(day, _balance);
    }

    /// <summary>
    /// The loan's prepayments in date order (stable), each checked against the maturity in force on its date, and the
    /// term the loan's dated events and rates must cover: the contract's periods, or more when a new term
    /// (<see cref="PrepaymentOption.NewTerm"/>) lengthens the loan. A new term sets the last period to the periods done
    /// before its prepayment plus its periods, which the dates alone decide (the loop does the same in Reshape); it
    /// may not take the loan past <see cref="Loan.MaxPeriods"/>.
    /// </summary>
    private static Prepayment[] Prepayments(Loan loan, in DueDates dueDates, out int term, out RestructuringEvent[] restructurings, out PaymentDeferral[] deferrals)
    {
        term = loan.Periods;
        restructurings = [];
        deferrals = [];
        if (loan.Events.Count == 0)
        {
            return [];
        }

        Prepayment[] prepayments = [.. loan.Events.OfType<Prepayment>().OrderBy(p => p.Date)];
        // The due dates carry a day change; a deferral marks the rows of its periods (checked here like the others).
        restructurings = [.. loan.Events.OfType<RestructuringEvent>().Where(r => r is not RepaymentDayChange).OrderBy(r => r.Date)];
        deferrals = [.. restructurings.OfType<PaymentDeferral>()];

        // Both in date order; on one day the prepayments come first (rate change, payment, prepayment, restructuring).
        var dated = new List<LoanEvent>(prepayments.Length + restructurings.Length);
        int a = 0, b = 0;
        while (a < prepayments.Length || b < restructurings.Length)
        {
            dated.Add(b >= restructurings.Length || (a < prepayments.Length && prepayments[a].Date <= restructurings[b].Date) ? prepayments[a++] : restructurings[b++]);
        }

        int inForce = loan.Periods;
        LocalDate maturity = dueDates.Of(inForce);
        foreach (LoanEvent e in dated)
        {
            if (e is Prepayment p)
            {
                if (p.Date <= loan.Disbursement || p.Date >= maturity)
                {
                    throw LoanEventException.For(loan, p,
                        Resources.Localized.Format(p.IsPayoff ? Resources.LibraryText.Valid_PayoffDate : Resources.LibraryText.Valid_PrepaymentDate, Format(loan.Disbursement), Format(maturity), Format(p.Date)),
                        dateIsOutOfRange: true);
                }

                if (p.Option is PrepaymentOption.NewTermOption newTerm && !p.IsPayoff)
                {
                    // On a due date that period is done; between due dates, the periods before it.
                    int period = dueDates.PeriodFor(p.Date);
                    int done = dueDates.Of(period) == p.Date ? period : period - 1;
                    inForce = done + newTerm.RemainingPeriods;
                    if (inForce > Loan.MaxPeriods)
                    {
                        throw new ArgumentOutOfRangeException(nameof(Loan.Events), inForce,
                            Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentNewTermTooLong, Format(p.Date), newTerm.RemainingPeriods, done, inForce, Loan.MaxPeriods, Loan.MaxPeriods - done));
                    }

                    maturity = dueDates.Of(inForce);
                }

                continue;
            }

            var r = (RestructuringEvent)e;
            int at = dueDates.PeriodFor(r.Date);
            if (r.Date <= loan.Disbursement || at >= inForce || dueDates.Of(at) != r.Date)
            {
                throw LoanEventException.For(loan, r,
                    Resources.Localized.Format(Resources.LibraryText.Valid_RestructuringDate, KindOf(r), Format(maturity), Format(r.Date)),
                    dateIsOutOfRange: true);
            }

            if (r is InterestOnlyPeriod io)
            {
                if (io.Resume == InterestOnlyResume.ToMaturity && at + io.Periods >= inForce)
                {
                    throw LoanEventException.For(loan, r,
                        Resources.Localized.Format(Resources.LibraryText.Valid_InterestOnlyEndsBeforeLast, io, Format(maturity)));
                }

                if (io.Resume == InterestOnlyResume.OverRemainingTerm)
                {
                    // An upper bound of the maturity (a shorten-term prepayment may have brought it forward): the loop
                    // checks the extension against the maturity actually in force.
                    inForce = Math.Min(Loan.MaxPeriods, inForce + io.Periods);
                    maturity = dueDates.Of(inForce);
                }

                continue;
            }

            if (r is TermChange change)
            {
                // An upper bound of the maturity, as above; the loop checks the periods left and the limits.
                inForce = Math.Min(Loan.MaxPeriods, Math.Max(at + 1, at + change.PeriodsLeft(at, inForce)));
                maturity = dueDates.Of(inForce);
            }
        }

        term = Math.Max(loan.Periods, inForce);
        if (deferrals.Length > 0)
        {
            restructurings = [.. restructurings.Where(static r => r is not PaymentDeferral)];
        }

        return prepayments;
    }

    private static string KindOf(RestructuringEvent r) => r switch
    {
        TermChange => Resources.LibraryText.Valid_Kind_TermChange,
        MethodChange => Resources.LibraryText.Valid_Kind_MethodChange,
        InterestOnlyPeriod => Resources.LibraryText.Valid_Kind_InterestOnly,
        ArrearsCapitalization => Resources.LibraryText.Valid_Kind_Capitalization,
        PaymentDeferral => Resources.LibraryText.Valid_Kind_Deferral,
        _ => Resources.LibraryText.Valid_Kind_Restructuring,
    };

    /// <summary>Refuses a restructuring that takes the loan to <paramref name="total"/> periods beyond its limits.</summary>
    private static void CheckExtension(Loan loan, RestructuringEvent r, ExtensionLimits limits, int total, string what)
    {
        if (total > Loan.MaxPeriods)
        {
            throw LoanEventException.For(loan, r, Resources.Localized.Format(Resources.LibraryText.Valid_ExtensionOverMax, what, total, Loan.MaxPeriods));
        }

        int extension = total - loan.Periods;
        int index = LoanEventException.IndexOf(loan, r);
        int most = ExtensionLimits.GeneralLoanRulesMaximum(loan.Periods);
        if (extension > 0 && limits.GeneralLoanRules && extension > most)
        {
            throw new TermExtensionException(index, r.Date, ExtensionLimit.GeneralLoanRules, most, extension, 
                Resources.Localized.Format(Resources.LibraryText.Valid_ExtensionGeneralLoanRules, what, extension, most, loan.Periods));
        }

        if (total > limits.MaxTotalPeriods && total > loan.Periods)
        {
            throw new TermExtensionException(index, r.Date, ExtensionLimit.ProductMaximum, limits.MaxTotalPeriods, total, 
                Resources.Localized.Format(Resources.LibraryText.Valid_ExtensionProductMaximum, what, total, limits.MaxTotalPeriods));
        }
    }

    /// <summary>The loan's payment holidays in date order, each on a due date before the last of the
    /// <paramref name="term"/> (the contract's, or longer after a new term).</summary>
    private static PaymentHoliday[] Holidays(Loan loan, in DueDates dueDates, int term)
    {
        if (loan.Events.Count == 0)
        {
            return [];
        }

        PaymentHoliday[] holidays = [.. loan.Events.OfType<PaymentHoliday>().OrderBy(h => h.Date)];
        LocalDate last = dueDates.Of(term);
        for (int k = 0; k < holidays.Length; k++)
        {
            LocalDate date = holidays[k].Date;
            int period = dueDates.PeriodFor(date); // the first period due on or after it
            bool onDueDate = period < term && dueDates.Of(period) == date;

            if (!onDueDate || (k > 0 && holidays[k - 1].Date == date))
            {
                throw LoanEventException.For(loan, holidays[k],
                    Resources.Localized.Format(Resources.LibraryText.Valid_HolidayDate, Format(last), Format(date)));
            }
        }

        return holidays;
    }

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
