using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;

namespace MortgageMath.Portfolio;

/// <summary>
/// A change of spread for a class of floating loans: those on <see cref="Index"/> (by a spread, not a multiple), in
/// <see cref="Segment"/> when one is given. From <see cref="EffectiveDate"/> their spread becomes the spread then in
/// force plus <see cref="Change"/>, but not below <see cref="NotBelow"/> when given (a loan already below it keeps its
/// spread): the 2023 cut of existing first-home rates is a negative change with the local floor as
/// <see cref="NotBelow"/>. The change is a <see cref="RateEvent.SpreadChange"/> event added to the loan. Immutable.
/// </summary>
/// <param name="Index">The reference rate of the loans changed.</param>
/// <param name="Change">The change of spread (negative to lower the rate).</param>
/// <param name="EffectiveDate">The date the new spread applies from.</param>
/// <param name="NotBelow">The lowest spread the change may set; null for no floor.</param>
/// <param name="Segment">The <see cref="BookLoan.Segment"/> of the loans changed (ordinal, ignoring case); null for all.</param>
public sealed record SpreadChange(RateIndex Index, Spread Change, LocalDate EffectiveDate, Spread? NotBelow = null, string? Segment = null);

/// <summary>
/// What a repricing changes: fixings added to (or replacing those of the same index and date in) each loan's rate
/// table, spread changes for classes of loans, and an optional prepayment rate. Figures are taken
/// as of <see cref="ValuationDate"/> with an interest window of <see cref="WindowMonths"/> months from it. Immutable and
/// safe to share between threads (the cache of changed tables, for the few tables a book shares, is a concurrent
/// dictionary of at most 64 entries).
/// </summary>
public sealed class RepricingScenario : IEquatable<RepricingScenario>
{
    private readonly RateFixing[] _fixings;
    private readonly SpreadChange[] _spreadChanges;
    private readonly ConcurrentDictionary<RateTable, RateTable> _tables = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a scenario.</summary>
    /// <param name="valuationDate">The date the as-of figures (balance, next payment, window interest) are taken at.</param>
    /// <param name="fixings">Fixings to add or replace in every loan's rate table.</param>
    /// <param name="spreadChanges">Spread changes for classes of loans; none when null.</param>
    /// <param name="prepaymentRate">A prepayment each year, on each anniversary of the valuation date before the
    /// loan's maturity, of this share of the balance on that day (rounded half-up to the loan's minor unit); null for none.
    /// Each prepayment year costs one more walk of the loan.</param>
    /// <param name="prepaymentOption">What those prepayments do to the loan; <see cref="PrepaymentOption.ShortenTerm"/> when null.</param>
    /// <param name="windowMonths">The interest window's length in months, 0 to 600; 12 by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fixings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window or the prepayment rate is out of range (0% to 100%);
    /// the exception names the parameter and its value.</exception>
    public RepricingScenario(LocalDate valuationDate, IEnumerable<RateFixing> fixings, IEnumerable<SpreadChange>? spreadChanges = null,
        Rate? prepaymentRate = null, PrepaymentOption? prepaymentOption = null, int windowMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(fixings, nameof(fixings));
        if (windowMonths is < 0 or > Loan.MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(windowMonths), windowMonths, Resources.Localized.Format(Resources.LibraryText.Err_BookWindow, Loan.MaxPeriods, windowMonths));
        }

        if (prepaymentRate is { } p && (p <= Rate.Zero || p >= Rate.Percent(100m)))
        {
            throw new ArgumentOutOfRangeException(nameof(prepaymentRate), p, Resources.Localized.Format(Resources.LibraryText.Err_BookPrepaymentRate, p));
        }

        ValuationDate = DayNumber.RequireIso(valuationDate, nameof(valuationDate));
        _fixings = [.. fixings];
        _spreadChanges = spreadChanges is null ? [] : [.. spreadChanges];
        Fixings = Array.AsReadOnly(_fixings);
        SpreadChanges = Array.AsReadOnly(_spreadChanges);
        PrepaymentRate = prepaymentRate;
        PrepaymentOption = prepaymentOption ?? PrepaymentOption.ShortenTerm;
        WindowMonths = windowMonths;
    }

    /// <summary>The date the as-of figures are taken at.</summary>
    public LocalDate ValuationDate { get; }

    /// <summary>The end (exclusive) of the interest window: <see cref="ValuationDate"/> plus <see cref="WindowMonths"/> months.</summary>
    public LocalDate WindowEnd => ValuationDate.PlusMonths(WindowMonths);

    /// <summary>The window's length in months.</summary>
    public int WindowMonths { get; }

    /// <summary>The fixings added to (or replacing those of the same index and date in) every loan's rate table.</summary>
    public IReadOnlyList<RateFixing> Fixings { get; }

    /// <summary>The spread changes, applied in order.</summary>
    public IReadOnlyList<SpreadChange> SpreadChanges { get; }

    /// <summary>The share of the balance prepaid each year; null for none.</summary>
    public Rate? PrepaymentRate { get; }

    /// <summary>What the scenario's prepayments do to the loan.</summary>
    public PrepaymentOption PrepaymentOption { get; }

    /// <summary>The loan under the scenario's rates and spreads (not yet its prepayments).</summary>
    internal Loan Apply(Loan loan, string? segment)
    {
        Loan changed = _fixings.Length == 0 ? loan : loan with { Rates = ChangedTable(loan.Rates) };
        foreach (SpreadChange change in _spreadChanges)
        {
            changed = ApplySpread(changed, change, segment);
        }

        return changed;
    }

    /// <summary>The table with the scenario's fixings, cached by reference for the few tables a book shares (usually
    /// one); past <see cref="MaxCachedTables"/> distinct tables (loans that each carry their own) it is worked out
    /// each time rather than kept, so the cache never grows with the book.</summary>
    private RateTable ChangedTable(RateTable table)
    {
        if (_tables.TryGetValue(table, out RateTable? changed))
        {
            return changed;
        }

        changed = WithFixings(table);
        if (_tables.Count < MaxCachedTables)
        {
            _tables.TryAdd(table, changed);
        }

        return changed;
    }

    private const int MaxCachedTables = 64;

    private RateTable WithFixings(RateTable table)
    {
        foreach (RateFixing f in _fixings)
        {
            table = table.WithFixing(f.Index, f.EffectiveDate, f.Value, f.Source);
        }

        return table;
    }

    private static Loan ApplySpread(Loan loan, SpreadChange change, string? segment)
    {
        if (loan.RatePlan is not FloatingRatePlan plan || plan.Index != change.Index || plan.Multiplier != RateMultiplier.One ||
            (change.Segment is { } wanted && !string.Equals(wanted, segment, StringComparison.OrdinalIgnoreCase)) ||
            loan.Events.Any(e => e is RateEvent and not SpreadChangeEvent))
        {
            return loan; // not in the class (a loan whose plan an event switches is left alone)
        }

        Spread current = plan.Spread;
        foreach (LoanEvent e in loan.Events)
        {
            if (e is SpreadChangeEvent s && s.Date <= change.EffectiveDate)
            {
                current = s.Spread;
            }
        }

        decimal bp = current.BasisPoints + change.Change.BasisPoints;
        if (change.NotBelow is { } floor)
        {
            if (current.BasisPoints <= floor.BasisPoints && change.Change.BasisPoints < 0)
            {
                return loan;
            }

            if (change.Change.BasisPoints < 0)
            {
                bp = Math.Max(bp, floor.BasisPoints);
            }
        }

        return bp == current.BasisPoints
            ? loan
            : loan with { Events = [.. loan.Events, RateEvent.SpreadChange(change.EffectiveDate, Spread.FromBasisPoints(bp))] };
    }

    /// <summary>The loan's totals under the scenario's prepayments (none: one walk; else one more walk a year).</summary>
    internal LoanTotals TotalsWithPrepayments(Loan loan)
    {
        LoanTotals totals = loan.Totals(ValuationDate, WindowEnd);
        if (PrepaymentRate is not { } rate)
        {
            return totals;
        }

        LocalDate allowedFrom = loan.Disbursement.PlusMonths(loan.PrepaymentRules.AllowedAfterMonths);
        int places = loan.Rounding.DecimalPlaces;
        for (int year = 1; ; year++)
        {
            LocalDate date = ValuationDate.PlusMonths(12 * year);
            if (date >= totals.Maturity)
            {
                return totals;
            }

            if (date <= loan.Disbursement || date < allowedFrom)
            {
                continue;
            }

            // The balance on that day after its payment: the balance at the start of the next day.
            decimal balance = loan.Totals(date.PlusDays(1), date.PlusDays(1)).BalanceAsOf ?? 0m;
            decimal amount = Math.Round(balance * rate.ToFraction(), places, MidpointRounding.AwayFromZero);
            if (amount <= 0m || amount >= balance)
            {
                return totals;
            }

            loan = loan with { Events = [.. loan.Events, Prepayment.Partial(date, amount, PrepaymentOption)] };
            totals = loan.Totals(ValuationDate, WindowEnd);
        }
    }

    /// <inheritdoc />
    public bool Equals(RepricingScenario? other) => other is not null && ValuationDate == other.ValuationDate &&
        WindowMonths == other.WindowMonths && PrepaymentRate == other.PrepaymentRate && PrepaymentOption == other.PrepaymentOption &&
        _fixings.AsSpan().SequenceEqual(other._fixings) && _spreadChanges.AsSpan().SequenceEqual(other._spreadChanges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RepricingScenario other && Equals(other);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RepricingScenario? left, RepricingScenario? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RepricingScenario? left, RepricingScenario? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ValuationDate, WindowMonths, PrepaymentRate, _fixings.Length, _spreadChanges.Length);

    /// <summary>The scenario in one line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"as of {DateText.Iso(ValuationDate)}, {_fixings.Length} fixings, {_spreadChanges.Length} spread changes{(PrepaymentRate is { } p ? $", prepaying {p} a year" : "")}");
}
