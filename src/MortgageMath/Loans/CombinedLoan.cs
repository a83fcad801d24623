using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// One named part of a <see cref="CombinedLoan"/>: a complete loan with its own principal, rate plan, method, dates,
/// rounding and events (e.g. the commercial leg 商业贷款 on LPR + spread, the provident-fund leg 公积金贷款).
/// Immutable.
/// </summary>
public sealed record LoanLeg
{
    /// <summary>The longest leg name accepted, in characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Creates a leg.</summary>
    /// <param name="name">The leg's name, e.g. <c>"commercial"</c> or <c>"provident-fund"</c>: 1 to
    /// <see cref="MaxNameLength"/> characters, not blank, without leading or trailing white space.</param>
    /// <param name="loan">The leg's terms and events.</param>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public LoanLeg(string name, Loan loan)
    {
        Name = name;
        Loan = loan;
    }

    /// <summary>The leg's name, unique (ignoring case) within a combined loan.</summary>
    public string Name
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Name));
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength || value.Trim().Length != value.Length)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_LegName, MaxNameLength, value),
                    nameof(Name));
            }

            field = value;
        }
    }

    /// <summary>The leg's loan: its terms and its own events (a prepayment of this leg is in its <see cref="Loan.Events"/>).</summary>
    public Loan Loan
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Loan), Resources.LibraryText.Valid_LegLoanNull);
    }
}

/// <summary>
/// A combined loan (组合贷款): two or more legs, usually a commercial loan on LPR + spread and a housing provident
/// fund loan, each a complete <see cref="Loan"/> computed on its own and then summed: never one loan at a blended
/// rate. Legs may differ in everything (principal, rate plan, method, term, repayment day, rounding, events). A
/// prepayment goes to a named leg by being in that leg's events (<see cref="WithLeg"/>). Immutable.
/// </summary>
/// <remarks>A single leg is allowed (a purchase the provident fund covers in full is a one-leg combination); its
/// figures are then exactly that loan's. A combined loan is a value: two are equal when their legs are equal, in the
/// same order (the order of every per-leg list), and equal combined loans have equal hash codes.</remarks>
/// <example>
/// <code>
/// var disbursed = new LocalDate(2025, 6, 20);
/// var combined = new CombinedLoan(
///     new LoanLeg("commercial", new Loan(700_000m, Rate.Percent(3.05m), 360, disbursed)),
///     new LoanLeg("provident-fund", new Loan(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed)));
/// CombinedQuote quote = combined.Quote();            // 2,970.14 + 1,201.02 = 4,171.16 a month
/// CombinedSchedule schedule = combined.BuildSchedule();
/// var prepaid = combined.WithLeg("commercial", loan => loan with
///     { Events = [Prepayment.Partial(new LocalDate(2026, 6, 20), 100_000m, PrepaymentOption.ShortenTerm)] });
/// </code>
/// </example>
public sealed class CombinedLoan : IEquatable<CombinedLoan>
{
    /// <summary>The most legs a combined loan may have (in practice two, rarely three).</summary>
    public const int MaxLegs = 16;

    private readonly LoanLeg[] _legs;

    /// <summary>Creates a combined loan from its legs, in the order given (the order of every per-leg list).</summary>
    /// <param name="legs">1 to <see cref="MaxLegs"/> legs (normally two); names unique ignoring case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="legs"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no leg, a leg is null, or two legs have the same name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">There are more than <see cref="MaxLegs"/> legs.</exception>
    public CombinedLoan(params IEnumerable<LoanLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        LoanLeg[] copy = [.. legs];
        if (copy.Length == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Valid_LegsNone, nameof(legs));
        }

        if (copy.Length > MaxLegs)
        {
            throw new ArgumentOutOfRangeException(nameof(legs), copy.Length,
                Resources.Localized.Format(Resources.LibraryText.Valid_LegsCount, MaxLegs, copy.Length));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int k = 0; k < copy.Length; k++)
        {
            LoanLeg leg = copy[k] ?? throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_LegNull, k + 1), nameof(legs));
            if (!names.Add(leg.Name))
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_LegNameTwice, leg.Name), nameof(legs));
            }
        }

        _legs = copy;
        Legs = Array.AsReadOnly(copy);
        decimal principal = 0m;
        foreach (LoanLeg leg in copy)
        {
            principal += leg.Loan.Principal;
        }

        Principal = principal;
    }

    /// <summary>The legs, in the order they were given.</summary>
    public IReadOnlyList<LoanLeg> Legs { get; }

    /// <summary>The total amount lent: the sum of the legs' principals.</summary>
    public decimal Principal { get; }

    /// <summary>The leg named <see cref="PurchaseSplit.ProvidentFundLeg"/> (ignoring case), the one the provident-fund
    /// affordability rules judge; null when there is none.</summary>
    public LoanLeg? ProvidentFund => Array.Find(_legs, l => string.Equals(l.Name, PurchaseSplit.ProvidentFundLeg, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <see cref="WithTotalPrincipal"/> applies: exactly two legs, one of them
    /// <see cref="ProvidentFund"/>.</summary>
    public bool CanChangeTotalPrincipal => _legs.Length == 2 && ProvidentFund is not null;

    /// <summary>
    /// The same loan lending <paramref name="total"/> in all, the way a provident-fund loan is combined with a
    /// commercial one (as in <see cref="PurchaseSplit"/>): the provident-fund leg is filled first and keeps its
    /// principal, the other leg takes the rest. A total up to the provident-fund leg's principal is lent by that leg
    /// alone (a one-leg combined loan). The legs keep their order and terms; only principals change. This is how
    /// <see cref="AffordabilitySolver.MaxLoan(AffordabilityPolicy, Household, Func{decimal, CombinedLoan})"/> can be
    /// asked for the largest combined loan: <c>AffordabilitySolver.MaxLoan(policy, household, combined.WithTotalPrincipal)</c>.
    /// </summary>
    /// <remarks>Invariant: the result's <see cref="Principal"/> is <paramref name="total"/>; for the loan's own
    /// principal the result equals this loan.</remarks>
    /// <param name="total">The total principal, greater than 0 and within each leg's limits.</param>
    /// <returns>The new combined loan; this one is unchanged.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CanChangeTotalPrincipal"/> is false.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A leg's principal would be out of range (e.g. the total is 0 or less).</exception>
    public CombinedLoan WithTotalPrincipal(decimal total)
    {
        LoanLeg fund = ProvidentFund is { } found && _legs.Length == 2
            ? found
            : throw new InvalidOperationException(
                Resources.Localized.Format(Resources.LibraryText.Valid_WithTotalPrincipalLegs, PurchaseSplit.ProvidentFundLeg, string.Join(Resources.LibraryText.Valid_ListSeparator, _legs.Select(l => $"'{l.Name}'"))));
        if (total == Principal)
        {
            return this;
        }

        decimal fundAmount = fund.Loan.Principal;
        if (total <= fundAmount)
        {
            return new CombinedLoan(fund with { Loan = fund.Loan with { Principal = total } });
        }

        bool fundFirst = _legs[0] == fund;
        LoanLeg other = fundFirst ? _legs[1] : _legs[0];
        LoanLeg rest = other with { Loan = other.Loan with { Principal = total - fundAmount } };
        return fundFirst ? new CombinedLoan(fund, rest) : new CombinedLoan(rest, fund);
    }

    /// <summary>The loan of the leg named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The leg's name.</param>
    /// <returns>The leg's loan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No leg has that name; the message lists the names.</exception>
    public Loan Leg(string name) => _legs[IndexOf(name)].Loan;

    /// <summary>
    /// A copy with one leg changed, e.g. a prepayment added to it:
    /// <c>combined.WithLeg("commercial", loan =&gt; loan with { Events = [..loan.Events, prepayment] })</c>. The other
    /// legs are unchanged.
    /// </summary>
    /// <param name="name">The leg's name (ignoring case).</param>
    /// <param name="change">Returns the leg's new loan from its current one.</param>
    /// <returns>The new combined loan; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null, or <paramref name="change"/> returned null.</exception>
    /// <exception cref="ArgumentException">No leg has that name.</exception>
    public CombinedLoan WithLeg(string name, Func<Loan, Loan> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        int at = IndexOf(name);
        LoanLeg[] copy = [.. _legs];
        Loan changed = change(copy[at].Loan) ?? throw new ArgumentNullException(nameof(change), Resources.Localized.Format(Resources.LibraryText.Valid_LegChangeNull, copy[at].Name));
        copy[at] = copy[at] with { Loan = changed };
        return new CombinedLoan(copy);
    }

    /// <summary>
    /// Builds each leg's own schedule (exactly <see cref="Loan.BuildSchedule"/> of that leg alone) and merges their
    /// rows by date into one combined schedule with per-date sums and totals.
    /// </summary>
    /// <returns>The combined schedule.</returns>
    /// <exception cref="ArgumentException">A leg's terms do not fit together; the message names the leg.</exception>
    public CombinedSchedule BuildSchedule()
    {
        var schedules = new Schedule[_legs.Length];
        for (int k = 0; k < _legs.Length; k++)
        {
            try
            {
                schedules[k] = _legs[k].Loan.BuildSchedule();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_LegPrefix, _legs[k].Name, e.Message), e.ParamName, e);
            }
        }

        return new CombinedSchedule(this, schedules);
    }

    /// <summary>Each leg's <see cref="Loan.Totals()"/> (its own walk, no merged rows) and their sums: the totals of
    /// <see cref="BuildSchedule"/> without any row.</summary>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException">A leg's terms do not fit together; the message names the leg.</exception>
    public CombinedTotals Totals() => LegTotals(static loan => loan.Totals());

    /// <summary>Each leg's <see cref="Loan.Totals(LocalDate, LocalDate)"/> and their sums.</summary>
    /// <param name="asOf">The valuation date.</param>
    /// <param name="windowEnd">The end of the interest window, on or after <paramref name="asOf"/>.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowEnd"/> is before <paramref name="asOf"/>.</exception>
    /// <exception cref="ArgumentException">A leg's terms do not fit together; the message names the leg.</exception>
    public CombinedTotals Totals(LocalDate asOf, LocalDate windowEnd)
    {
        if (windowEnd < asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(windowEnd), windowEnd,
                Resources.Localized.Format(Resources.LibraryText.Valid_WindowEnd, DateText.Iso(asOf), DateText.Iso(windowEnd)));
        }

        return LegTotals(loan => loan.Totals(asOf, windowEnd));
    }

    private CombinedTotals LegTotals(Func<Loan, LoanTotals> totals)
    {
        var legs = new LoanTotals[_legs.Length];
        for (int k = 0; k < _legs.Length; k++)
        {
            try
            {
                legs[k] = totals(_legs[k].Loan);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_LegPrefix, _legs[k].Name, e.Message), e.ParamName, e);
            }
        }

        return new CombinedTotals(legs);
    }

    /// <summary>The figures a combined-loan calculator prints: each leg's <see cref="LoanQuote"/> and their sums.</summary>
    /// <returns>The quote.</returns>
    public CombinedQuote Quote() => BuildSchedule().Quote;

    /// <summary>
    /// Splits a home purchase between a provident-fund loan and a commercial loan: the loan needed is
    /// <paramref name="price"/> − <paramref name="downPayment"/>; the provident fund lends as much of it as
    /// <paramref name="providentFundCap"/> allows and the commercial loan the rest. Also builds the all-commercial loan
    /// of the same amount and reports what the split saves.
    /// </summary>
    /// <param name="price">The purchase price, greater than 0 and at most <see cref="Loan.MaxPrincipal"/>.</param>
    /// <param name="downPayment">The down payment, at least 0 and less than the price.</param>
    /// <param name="providentFundCap">How much the provident fund may lend (account balance × multiple, city cap), as data.</param>
    /// <param name="commercialTerms">The commercial leg's terms (rate plan, periods, disbursement, method, …); its
    /// principal is replaced. Also the terms of the all-commercial comparison loan.</param>
    /// <param name="providentFundTerms">The provident-fund leg's terms; its principal is replaced.</param>
    /// <returns>The split, with both schedules and the savings.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The price or down payment is out of range; the message names it, its value and the range.</exception>
    public static PurchaseSplit SplitPurchase(decimal price, decimal downPayment, ProvidentFundCap providentFundCap,
        Loan commercialTerms, Loan providentFundTerms) =>
        PurchaseSplit.Create(price, downPayment, providentFundCap, commercialTerms, providentFundTerms);

    /// <summary>True when both have equal legs (name and loan) in the same order.</summary>
    /// <param name="other">The other combined loan.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CombinedLoan? other) =>
        ReferenceEquals(this, other) || (other is not null && _legs.AsSpan().SequenceEqual(other._legs));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CombinedLoan other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (LoanLeg leg in _legs)
        {
            hash.Add(leg);
        }

        return hash.ToHashCode();
    }

    /// <summary>True when both are equal combined loans (or both null).</summary>
    /// <param name="left">The first combined loan.</param>
    /// <param name="right">The second combined loan.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CombinedLoan? left, CombinedLoan? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the combined loans differ.</summary>
    /// <param name="left">The first combined loan.</param>
    /// <param name="right">The second combined loan.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CombinedLoan? left, CombinedLoan? right) => !(left == right);

    /// <summary>The position of the leg named <paramref name="name"/>, ignoring case.</summary>
    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int k = 0; k < _legs.Length; k++)
        {
            if (string.Equals(_legs[k].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        throw new ArgumentException(
            Resources.Localized.Format(Resources.LibraryText.Valid_NoSuchLeg, name, string.Join(Resources.LibraryText.Valid_ListSeparator, _legs.Select(l => "'" + l.Name + "'"))), nameof(name));
    }
}
