using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A loan's rate plan and rate events, resolved against a <see cref="RateTable"/> into the dates on which the
/// annual rate changes (the first entry is the rate at disbursement). The amortization loop reads this; it never
/// reads the plan, the events or the table itself.
/// </summary>
internal sealed class RateTimeline
{
    private readonly Entry[] _entries; // every change recorded, for the public list
    private readonly int _entryCount;
    private readonly (RateIndex Index, Spread Spread, Rate? Floor, RateMultiplier Multiplier)[] _regimes; // the floating terms the entries refer to
    private readonly Entry[] _view; // the entries on which the rate changes: the recorded ones when each does
    private readonly int _count;
    private readonly int _scale; // the largest scale of the rates, for the exact interest of a span

    /// <summary>The timeline from the changes recorded: the loop sees only the dates on which the rate itself changes
    /// (the public list also keeps events that left the rate as it was: a conversion to LPR keeps the rate until the
    /// next repricing).</summary>
    private RateTimeline(Entry[] entries, int entryCount, (RateIndex, Spread, Rate?, RateMultiplier)[] regimes)
    {
        _entries = entries;
        _entryCount = entryCount;
        _regimes = regimes;
        _view = entries; // shared until an entry keeps the rate; then the loop gets its own list without such entries
        for (int k = 0; k < entryCount; k++)
        {
            _scale = Math.Max(_scale, entries[k].Rate.ToFixedPoint().Scale);
            if (_count > 0 && entries[k].Rate == _view[_count - 1].Rate)
            {
                if (_view == entries)
                {
                    _view = new Entry[entryCount];
                    Array.Copy(entries, _view, _count);
                }

                continue;
            }

            if (_view != entries)
            {
                _view[_count] = entries[k];
            }

            _count++;
        }

        Changes = new ChangeList(this);
    }

    /// <summary>The changes as the public <see cref="RateChange"/> values, built when read.</summary>
    internal IReadOnlyList<RateChange> Changes { get; }

    internal int Count => _count;

    internal LocalDate DateOf(int index) => _view[index].Date;

    /// <summary>The <see cref="DayNumber"/> of entry <paramref name="index"/>'s date.</summary>
    internal int DayOf(int index) => _view[index].Day;

    internal Rate RateOf(int index) => _view[index].Rate;

    /// <summary>The entry in force on a day given as a <see cref="DayNumber"/> (the last whose date is on or before it).</summary>
    internal int IndexAt(int day)
    {
        int lo = 0;
        int hi = _count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_view[mid].Day <= day)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The last entry in force before <paramref name="untilDay"/>, starting from entry <paramref name="first"/>.</summary>
    internal int LastBefore(int first, int untilDay)
    {
        int last = first;
        while (last + 1 < _count && _view[last + 1].Day < untilDay)
        {
            last++;
        }

        return last;
    }

    /// <summary>
    /// The interest on <paramref name="balance"/> over the days [<paramref name="fromDay"/>, <paramref name="untilDay"/>),
    /// by actual days at each rate in force: Σ balance × rateₖ × daysₖ / daysInYear as one exact rational, rounded
    /// once. <paramref name="first"/> is the entry in force on <paramref name="fromDay"/>.
    /// </summary>
    internal long Interest(long balance, int first, int fromDay, int untilDay, int daysInYear, RoundingMode mode)
    {
        long numerator = 0;
        int from = fromDay;
        for (int k = first; ; k++)
        {
            int until = k + 1 < _count && _view[k + 1].Day < untilDay ? _view[k + 1].Day : untilDay;
            (long mantissa, int scale) = _view[k].Rate.ToFixedPoint();
            numerator += mantissa * FixedPoint.Pow10[_scale - scale] * (until - from);
            if (until == untilDay)
            {
                break;
            }

            from = until;
        }

        return FixedPoint.MulDivRound(balance, numerator, daysInYear * FixedPoint.Pow10[_scale], mode);
    }

    /// <summary>The rate segments of [from, until), for a row to show; <paramref name="first"/> and
    /// <paramref name="last"/> are the entries in force on the first and the last day.</summary>
    internal RateSegment[] Segments(LocalDate from, LocalDate until, int first, int last)
    {
        var segments = new RateSegment[last - first + 1];
        for (int k = first; k <= last; k++)
        {
            segments[k - first] = new RateSegment(k == first ? from : _view[k].Date, k == last ? until : _view[k + 1].Date, _view[k].Rate);
        }

        return segments;
    }

    /// <summary>The timeline of a loan whose dated events and rates run to the due date of period
    /// <paramref name="periods"/>: the contract's term, or a longer one set by a new term.</summary>
    internal static RateTimeline Build(Loan loan, in DueDates dueDates, int periods)
    {
        if (loan.RatePlan is FixedRatePlan fixedPlan && loan.Events.Count == 0)
        {
            Entry only = new(loan.Disbursement, DayNumber.Of(loan.Disbursement), fixedPlan.Rate, RateChangeCauses.Disbursement, -1, default);
            return new RateTimeline([only], 1, []);
        }

        return new Builder(loan, dueDates, periods).Run();
    }

    /// <summary>One recorded change: what <see cref="RateChange"/> shows, with the floating terms by reference to
    /// <see cref="_regimes"/> (−1 for a fixed rate) so that recording one is a small copy.</summary>
    private readonly record struct Entry(LocalDate Date, int Day, Rate Rate, RateChangeCauses Causes, int Regime, Rate IndexValue);

    /// <summary>The recorded changes as <see cref="RateChange"/> values.</summary>
    private sealed class ChangeList(RateTimeline timeline) : IReadOnlyList<RateChange>
    {
        public int Count => timeline._entryCount;

        public RateChange this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, timeline._entryCount);
                Entry entry = timeline._entries[index];
                if (entry.Regime < 0)
                {
                    return new RateChange(entry.Date, entry.Rate, entry.Causes);
                }

                (RateIndex rateIndex, Spread spread, Rate? floor, RateMultiplier multiplier) = timeline._regimes[entry.Regime];
                return new RateChange(entry.Date, entry.Rate, entry.Causes, rateIndex, entry.IndexValue, spread, floor, multiplier == RateMultiplier.One ? null : multiplier);
            }
        }

        public IEnumerator<RateChange> GetEnumerator()
        {
            for (int k = 0; k < Count; k++)
            {
                yield return this[k];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Walks the loan's life in date order: plan phases, then rate events, then repricings, on each date
    /// (compared as day numbers: this runs once per schedule).</summary>
    private sealed class Builder
    {
        private readonly Loan _loan;
        private readonly RateTable _table;
        private readonly int _maturityDay;
        private readonly LocalDate _maturity;
        private readonly List<(LocalDate Start, int Day, RatePlan Plan)> _phases = [];
        private readonly RateEvent[] _events;
        private readonly int[] _eventDays;
        private readonly List<(RateIndex, Spread, Rate?, RateMultiplier)> _regimes = [];
        private Entry[] _entries;
        private int _entryCount;
        private int _regime = -1; // the floating terms in force, in _regimes once recorded (-1: not yet, or fixed)

        // The regime in force: fixed (index == null) or floating.
        private Rate _rate;
        private RateIndex? _index;
        private Spread _spread;
        private RepricingRule? _repricing;
        private Rate? _floor;
        private RateMultiplier _multiplier;
        private Rate _indexValue;
        private LocalDate _nextRepricing;
        private int _nextRepricingDay;
        private Rate _lastRate; // the rate of the last entry recorded
        private RateIndex? _seriesIndex; // the index whose series is at hand
        private RateFixing[]? _series;
        private int _cursor = -2; // in _series: the last fixing on or before _cursorDay (-2: not placed yet)
        private int _cursorDay;
        private int _nextFixingDay; // the day of the fixing after the cursor (int.MaxValue: none)

        internal Builder(Loan loan, in DueDates dueDates, int periods)
        {
            _loan = loan;
            _table = loan.Rates;
            _maturity = dueDates.Of(periods, out _maturityDay);
            Flatten(loan.RatePlan, 0, periods, dueDates);
            _events = loan.Events.Count == 0 ? [] : [.. loan.Events.OfType<RateEvent>().OrderBy(e => e.Date)];
            _eventDays = _events.Length == 0 ? [] : new int[_events.Length];
            int disbursementDay = DayNumber.Of(loan.Disbursement);
            for (int k = 0; k < _events.Length; k++)
            {
                RateEvent e = _events[k];
                _eventDays[k] = DayNumber.Of(e.Date);
                if (_eventDays[k] <= disbursementDay || _eventDays[k] >= _maturityDay)
                {
                    throw LoanEventException.For(loan, e,
                        Resources.Localized.Format(Resources.LibraryText.Valid_RateEventDate, Format(loan.Disbursement), Format(_maturity), Format(e.Date)),
                        dateIsOutOfRange: true);
                }
            }

            // Room for a yearly repricing, the steps and the events without growing the list.
            _entries = new Entry[(periods / 12) + _phases.Count + _events.Length + 2];
        }

        /// <summary>The plan's phases, in date order, that start before period <paramref name="endPeriod"/>: the
        /// loan's last period, or the end of the step a nested plan is the first plan of (its own later steps never
        /// take effect: the outer step replaces it).</summary>
        private void Flatten(RatePlan plan, int startPeriod, int endPeriod, in DueDates dueDates)
        {
            if (plan is SteppedRatePlan stepped)
            {
                int next = startPeriod + stepped.Periods;
                Flatten(stepped.First, startPeriod, Math.Min(next, endPeriod), dueDates);
                if (next < endPeriod)
                {
                    Flatten(stepped.Then, next, endPeriod, dueDates);
                }

                return;
            }

            LocalDate start = startPeriod == 0 ? _loan.Disbursement : dueDates.Of(startPeriod);
            _phases.Add((start, DayNumber.Of(start), plan));
        }

        internal RateTimeline Run()
        {
            StartPlan(_phases[0].Plan, _loan.Disbursement);
            Record(_loan.Disbursement, DayNumber.Of(_loan.Disbursement), RateChangeCauses.Disbursement);
            int phase = 1;
            int nextEvent = 0;
            while (true)
            {
                int nextDay = _maturityDay;
                LocalDate next = _maturity;
                if (phase < _phases.Count && _phases[phase].Day < nextDay)
                {
                    (next, nextDay) = (_phases[phase].Start, _phases[phase].Day);
                }

                if (nextEvent < _events.Length && _eventDays[nextEvent] < nextDay)
                {
                    (next, nextDay) = (_events[nextEvent].Date, _eventDays[nextEvent]);
                }

                if (_index is not null && _nextRepricingDay < nextDay)
                {
                    (next, nextDay) = (_nextRepricing, _nextRepricingDay);
                }

                if (nextDay >= _maturityDay)
                {
                    break;
                }

                RateChangeCauses causes = RateChangeCauses.None;
                while (phase < _phases.Count && _phases[phase].Day == nextDay)
                {
                    StartPlan(_phases[phase++].Plan, next);
                    causes |= RateChangeCauses.PlanStep;
                }

                while (nextEvent < _events.Length && _eventDays[nextEvent] == nextDay)
                {
                    causes |= Apply(_events[nextEvent++]);
                }

                if (_index is not null && _nextRepricingDay == nextDay)
                {
                    Reprice(next, nextDay);
                    causes |= RateChangeCauses.Repricing;
                }

                // Record a change of rate, and any event even when the rate stays (so a conversion is visible).
                if (_rate != _lastRate || (causes & ~RateChangeCauses.Repricing) != 0)
                {
                    Record(next, nextDay, causes);
                }
            }

            return new RateTimeline(_entries, _entryCount, [.. _regimes]);
        }

        private void StartPlan(RatePlan plan, LocalDate date)
        {
            switch (plan)
            {
                case FixedRatePlan f:
                    _index = null;
                    _rate = f.Rate;
                    break;
                case FloatingRatePlan floating:
                    _index = floating.Index;
                    _regime = -1;
                    _spread = floating.Spread;
                    _repricing = floating.Repricing;
                    _floor = floating.Floor;
                    _multiplier = floating.Multiplier;
                    Reprice(date, DayNumber.Of(date));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected rate plan {plan}.");
            }
        }

        private RateChangeCauses Apply(RateEvent e)
        {
            switch (e)
            {
                case SpreadChangeEvent change:
                    if (_index is null)
                    {
                        throw LoanEventException.For(_loan, e,
                            Resources.Localized.Format(Resources.LibraryText.Valid_SpreadChangeOnFixed, Format(e.Date)));
                    }

                    _spread = change.Spread;
                    _regime = -1;
                    _rate = Combine(e.Date);
                    return RateChangeCauses.SpreadChange;
                case SwitchToFloatingEvent floating when floating.ReferenceDate is { } reference:
                    Rate before = _rate;
                    _index = floating.Index;
                    _regime = -1;
                    _repricing = floating.Repricing;
                    _floor = null;
                    _multiplier = RateMultiplier.One;
                    _indexValue = _table.FixingOn(floating.Index, reference).Value;
                    _spread = Spread.Between(before, _indexValue);
                    SetNextRepricing(e.Date);
                    _rate = Combine(e.Date);
                    return RateChangeCauses.ConversionToLpr;
                case SwitchToFloatingEvent floating:
                    _index = floating.Index;
                    _regime = -1;
                    _spread = floating.Spread ?? Spread.Zero;
                    _repricing = floating.Repricing;
                    _floor = null;
                    _multiplier = RateMultiplier.One;
                    Reprice(e.Date, DayNumber.Of(e.Date));
                    return RateChangeCauses.SwitchToFloating;
                case FixedRateEvent f:
                    _index = null;
                    _rate = f.Plan.Rate;
                    return RateChangeCauses.NewFixedRate;
                default:
                    throw new InvalidOperationException($"Unexpected rate event {e}.");
            }
        }

        private void Reprice(LocalDate date, int day)
        {
            _indexValue = Fixing(_index!, date, day);
            SetNextRepricing(date);
            _rate = Combine(date);
        }

        private void SetNextRepricing(LocalDate after)
        {
            _nextRepricing = _repricing!.NextAfter(_loan.Disbursement, after);
            _nextRepricingDay = DayNumber.Of(_nextRepricing);
        }

        /// <summary>The index's fixing on or before a date, from the index's series kept at hand with a cursor that
        /// moves forward with the walk (the table's own look-up, with its missing-fixing error, when the date is not
        /// covered).</summary>
        private Rate Fixing(RateIndex index, LocalDate date, int day)
        {
            if (!ReferenceEquals(index, _seriesIndex))
            {
                _seriesIndex = index;
                _series = _table.SeriesOf(index);
                _cursor = -2;
            }

            if (_series is not null && day <= _table.AsOfDay)
            {
                if (_cursor == -2 || day < _cursorDay)
                {
                    _cursor = RateTable.LastOnOrBefore(_series, date);
                    _nextFixingDay = NextFixingDay();
                }

                while (_nextFixingDay <= day)
                {
                    _cursor++;
                    _nextFixingDay = NextFixingDay();
                }

                _cursorDay = day;
                if (_cursor >= 0)
                {
                    return _series[_cursor].Value;
                }
            }

            return _table.FixingOn(index, date).Value;
        }

        private int NextFixingDay() =>
            _cursor + 1 < _series!.Length ? DayNumber.Of(_series[_cursor + 1].EffectiveDate) : int.MaxValue;

        /// <summary>Index value + spread, at least the floor; refused outside 0%..100%.</summary>
        private Rate Combine(LocalDate date)
        {
            Rate rate = _multiplier.Apply(_indexValue) + _spread.AsRate;
            if (_floor is { } floor && rate < floor)
            {
                rate = floor;
            }

            if (rate < Rate.Zero || rate > Rate.OneHundredPercent)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_RateOutside, Format(date), rate, _index, _indexValue, _multiplier == RateMultiplier.One ? _spread.ToString() : _multiplier.ToString()),
                    nameof(Loan.RatePlan));
            }

            return rate;
        }

        /// <summary>Records the rate in force from a date, with what set it.</summary>
        private void Record(LocalDate date, int day, RateChangeCauses causes)
        {
            _lastRate = _rate;
            int regime = -1;
            if (_index is not null)
            {
                if (_regime < 0)
                {
                    _regimes.Add((_index, _spread, _floor, _multiplier));
                    _regime = _regimes.Count - 1;
                }

                regime = _regime;
            }

            if (_entryCount == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _entries[_entryCount++] = new Entry(date, day, _rate, causes, regime, _index is null ? default : _indexValue);
        }
    }

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
