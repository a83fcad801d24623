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
    private readonly List<RateChange> _changes;
    private readonly LocalDate[] _dates;
    private readonly Rate[] _rates;

    private RateTimeline(List<RateChange> changes)
    {
        _changes = changes;
        // The loop sees only the dates on which the rate itself changes; the public list also keeps events that
        // left the rate as it was (a conversion to LPR keeps the rate until the next repricing).
        var dates = new List<LocalDate>(changes.Count);
        var rates = new List<Rate>(changes.Count);
        foreach (RateChange change in changes)
        {
            if (rates.Count == 0 || rates[^1] != change.AnnualRate)
            {
                dates.Add(change.EffectiveDate);
                rates.Add(change.AnnualRate);
            }
        }

        _dates = [.. dates];
        _rates = [.. rates];
    }

    internal int Count => _dates.Length;

    internal IReadOnlyList<RateChange> Changes => _changes;

    internal LocalDate DateOf(int index) => _dates[index];

    /// <summary>The entry in force on a day (the last whose date is on or before it).</summary>
    internal int IndexAt(LocalDate day)
    {
        int lo = 0;
        int hi = _dates.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_dates[mid] <= day)
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

    internal Rate RateOf(int index) => _rates[index];

    internal static RateTimeline Build(Loan loan, in DueDates dueDates)
    {
        if (loan.RatePlan is FixedRatePlan fixedPlan && loan.Events.Count == 0)
        {
            return new RateTimeline([new RateChange(loan.Disbursement, fixedPlan.Rate, RateChangeCauses.Disbursement)]);
        }

        return new Builder(loan, dueDates).Run();
    }

    /// <summary>Walks the loan's life in date order: plan phases, then rate events, then repricings, on each date.</summary>
    private sealed class Builder
    {
        private readonly Loan _loan;
        private readonly RateTable _table;
        private readonly LocalDate _maturity;
        private readonly List<(LocalDate Start, RatePlan Plan)> _phases = [];
        private readonly List<RateEvent> _events;
        private readonly List<RateChange> _changes = [];

        // The regime in force: fixed (index == null) or floating.
        private Rate _rate;
        private RateIndex? _index;
        private Spread _spread;
        private RepricingRule? _repricing;
        private Rate? _floor;
        private Rate _indexValue;
        private LocalDate _nextRepricing;
        private Rate _lastRate; // the rate of the last entry recorded
        private RateIndex? _seriesIndex; // the index whose series is at hand
        private RateFixing[]? _series;

        internal Builder(Loan loan, in DueDates dueDates)
        {
            _loan = loan;
            _table = loan.Rates;
            _maturity = dueDates.Of(loan.Periods);
            Flatten(loan.RatePlan, 0, dueDates);
            _events = [.. loan.Events.OfType<RateEvent>().OrderBy(e => e.Date)];
            foreach (RateEvent e in _events)
            {
                if (e.Date <= loan.Disbursement || e.Date >= _maturity)
                {
                    throw new ArgumentOutOfRangeException(nameof(Loan.Events), e.Date,
                        $"A rate event must fall after disbursement ({Format(loan.Disbursement)}) and before the last due date ({Format(_maturity)}); was {Format(e.Date)}.");
                }
            }
        }

        private void Flatten(RatePlan plan, int startPeriod, in DueDates dueDates)
        {
            if (plan is SteppedRatePlan stepped)
            {
                Flatten(stepped.First, startPeriod, dueDates);
                int next = startPeriod + stepped.Periods;
                if (next < _loan.Periods)
                {
                    Flatten(stepped.Then, next, dueDates);
                }

                return;
            }

            _phases.Add((startPeriod == 0 ? _loan.Disbursement : dueDates.Of(startPeriod), plan));
        }

        internal RateTimeline Run()
        {
            StartPlan(_phases[0].Plan, _loan.Disbursement);
            _changes.Add(Describe(_loan.Disbursement, RateChangeCauses.Disbursement));
            int phase = 1;
            int nextEvent = 0;
            while (true)
            {
                LocalDate next = _maturity;
                if (phase < _phases.Count && _phases[phase].Start < next)
                {
                    next = _phases[phase].Start;
                }

                if (nextEvent < _events.Count && _events[nextEvent].Date < next)
                {
                    next = _events[nextEvent].Date;
                }

                if (_index is not null && _nextRepricing < next)
                {
                    next = _nextRepricing;
                }

                if (next >= _maturity)
                {
                    break;
                }

                RateChangeCauses causes = RateChangeCauses.None;
                while (phase < _phases.Count && _phases[phase].Start == next)
                {
                    StartPlan(_phases[phase++].Plan, next);
                    causes |= RateChangeCauses.PlanStep;
                }

                while (nextEvent < _events.Count && _events[nextEvent].Date == next)
                {
                    causes |= Apply(_events[nextEvent++]);
                }

                if (_index is not null && _nextRepricing == next)
                {
                    Reprice(next);
                    causes |= RateChangeCauses.Repricing;
                }

                // Record a change of rate, and any event even when the rate stays (so a conversion is visible).
                if (_rate != _lastRate || (causes & ~RateChangeCauses.Repricing) != 0)
                {
                    _changes.Add(Describe(next, causes));
                }
            }

            return new RateTimeline(_changes);
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
                    _spread = floating.Spread;
                    _repricing = floating.Repricing;
                    _floor = floating.Floor;
                    Reprice(date);
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
                        throw new ArgumentException(
                            $"A spread change on {Format(e.Date)} needs a floating rate, but the loan is on a fixed rate then.", nameof(Loan.Events));
                    }

                    _spread = change.Spread;
                    _rate = Combine(e.Date);
                    return RateChangeCauses.SpreadChange;
                case SwitchToFloatingEvent floating when floating.ReferenceDate is { } reference:
                    Rate before = _rate;
                    _index = floating.Index;
                    _repricing = floating.Repricing;
                    _floor = null;
                    _indexValue = _table.FixingOn(floating.Index, reference).Value;
                    _spread = Spread.Between(before, _indexValue);
                    _nextRepricing = _repricing.NextAfter(_loan.Disbursement, e.Date);
                    _rate = Combine(e.Date);
                    return RateChangeCauses.ConversionToLpr;
                case SwitchToFloatingEvent floating:
                    _index = floating.Index;
                    _spread = floating.Spread ?? Spread.Zero;
                    _repricing = floating.Repricing;
                    _floor = null;
                    Reprice(e.Date);
                    return RateChangeCauses.SwitchToFloating;
                case FixedRateEvent f:
                    _index = null;
                    _rate = f.Plan.Rate;
                    return RateChangeCauses.NewFixedRate;
                default:
                    throw new InvalidOperationException($"Unexpected rate event {e}.");
            }
        }

        private void Reprice(LocalDate date)
        {
            _indexValue = Fixing(_index!, date);
            _nextRepricing = _repricing!.NextAfter(_loan.Disbursement, date);
            _rate = Combine(date);
        }

        /// <summary>The index's fixing on or before a date, from the index's series kept at hand (the table's own
        /// look-up, with its missing-fixing error, when the date is not covered).</summary>
        private Rate Fixing(RateIndex index, LocalDate date)
        {
            if (!ReferenceEquals(index, _seriesIndex))
            {
                _seriesIndex = index;
                _series = _table.SeriesOf(index);
            }

            if (_series is not null && date <= _table.AsOf)
            {
                int at = RateTable.LastOnOrBefore(_series, date);
                if (at >= 0)
                {
                    return _series[at].Value;
                }
            }

            return _table.FixingOn(index, date).Value;
        }

        private Rate Combine(LocalDate date)
        {
            Rate rate = _indexValue + _spread.AsRate;
            if (_floor is { } floor && rate < floor)
            {
                rate = floor;
            }

            if (rate < Rate.Zero || rate > Rate.OneHundredPercent)
            {
                throw new ArgumentException(
                    $"On {Format(date)} the rate would be {rate} ({_index} {_indexValue} {_spread}), outside 0%..100%; check the spread or add a floor.",
                    nameof(Loan.RatePlan));
            }

            return rate;
        }

        private RateChange Describe(LocalDate date, RateChangeCauses causes)
        {
            _lastRate = _rate;
            return _index is null
                ? new RateChange(date, _rate, causes)
                : new RateChange(date, _rate, causes, _index, _indexValue, _spread, _floor);
        }
    }

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
