using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// The terms of a loan: what a loan officer writes on the contract. Immutable; change a term with a
/// <c>with</c> expression (<c>loan with { Periods = 240 }</c>). Each term is checked when it is set, and the
/// combination when a schedule is built.
/// </summary>
/// <remarks>A loan is a value: two loans with equal terms are equal (<see cref="Equals(Loan)"/>) and have equal hash
/// codes, whichever instances their plan, method, events and policies are.</remarks>
/// <example>
/// <code>
/// var loan = new Loan(1_000_000m, Rate.Percent(4.9m), periods: 360, disbursement: new LocalDate(2024, 3, 20));
/// var lpr = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1), 360, new LocalDate(2024, 3, 20));
/// Schedule schedule = loan.BuildSchedule();   // 360 rows; the first payment is 5,307.27
/// </code>
/// </example>
public sealed partial record Loan
{
    /// <summary>The largest principal accepted: 1,000,000,000,000.</summary>
    public const decimal MaxPrincipal = 1_000_000_000_000m;

    /// <summary>The longest term accepted, in monthly periods (50 years).</summary>
    public const int MaxPeriods = 600;

    /// <summary>The earliest disbursement year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest disbursement year accepted.</summary>
    public const int MaxYear = 2200;

    /// <summary>Creates a fixed-rate loan with the default conventions: equal installment, repayment on the
    /// disbursement day of each month, half-up rounding to 0.01.</summary>
    /// <param name="principal">The amount lent, greater than 0 and at most <see cref="MaxPrincipal"/>.</param>
    /// <param name="annualRate">The annual rate, 0% to 100%.</param>
    /// <param name="periods">The number of monthly periods, 1 to <see cref="MaxPeriods"/>.</param>
    /// <param name="disbursement">The day the money is paid out (放款日), in years <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A term is outside its valid range; the message names it, its value and the range.</exception>
    public Loan(decimal principal, Rate annualRate, int periods, LocalDate disbursement)
        : this(principal, MortgageMath.RatePlan.Fixed(annualRate), periods, disbursement)
    {
    }

    /// <summary>Creates a loan on any rate plan (fixed, floating, provident fund, stepped).</summary>
    /// <param name="principal">The amount lent, greater than 0 and at most <see cref="MaxPrincipal"/>.</param>
    /// <param name="ratePlan">What rate applies on each day, e.g. <c>RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1)</c>.</param>
    /// <param name="periods">The number of monthly periods, 1 to <see cref="MaxPeriods"/>.</param>
    /// <param name="disbursement">The day the money is paid out (放款日), in years <see cref="MinYear"/>..<see cref="MaxYear"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A term is outside its valid range; the message names it, its value and the range.</exception>
    public Loan(decimal principal, RatePlan ratePlan, int periods, LocalDate disbursement)
    {
        Principal = principal;
        RatePlan = ratePlan;
        Periods = periods;
        Disbursement = disbursement;
    }

    /// <summary>The amount lent, greater than 0 and at most <see cref="MaxPrincipal"/>.</summary>
    public decimal Principal
    {
        get;
        init
        {
            if (value <= 0m || value > MaxPrincipal)
            {
                throw new ArgumentOutOfRangeException(nameof(Principal), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_PrincipalRange, value.ToString(CultureInfo.InvariantCulture)));
            }

            field = value;
        }
    }

    /// <summary>What annual rate applies on each day; see <see cref="MortgageMath.RatePlan"/>.</summary>
    public RatePlan RatePlan
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(RatePlan), Resources.LibraryText.Valid_RatePlanNull);
    }

    /// <summary>The table set with <see cref="Rates"/>; null for the default, so a loan that never reads it does not load it.</summary>
    private readonly RateTable? _rates;

    /// <summary>The published fixings a floating plan reads; <see cref="RateTable.China"/> (shipped with the package) by default.</summary>
    public RateTable Rates
    {
        get => _rates ?? RateTable.China;
        init => _rates = value ?? throw new ArgumentNullException(nameof(Rates), Resources.LibraryText.Valid_RateTableNull);
    }

    /// <summary>Events that change the loan during its life: rate events (spread changes, switches, conversions) and
    /// prepayments. On one day: the rate change, then the regular payment, then the prepayment. The list is copied.</summary>
    public IReadOnlyList<LoanEvent> Events
    {
        get;
        init => field = value is null
            ? throw new ArgumentNullException(nameof(Events), Resources.LibraryText.Valid_EventListNull)
            : Array.AsReadOnly(value.Select(e => e ?? throw new ArgumentException(Resources.LibraryText.Valid_EventNull, nameof(Events))).ToArray());
    } = Array.Empty<LoanEvent>();

    /// <summary>How a period in which the rate changes is charged; split by actual days by default.</summary>
    public RateChangeInterest RateChangeInterest
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(RateChangeInterest), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_RateChangeInterestPolicy, (int)value));
            }

            field = value;
        }
    }

    /// <summary>What interest is collected with a prepayment between due dates; accrued on the balance by default.</summary>
    public PrepaymentInterest PrepaymentInterest
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(PrepaymentInterest), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentInterestPolicy, (int)value));
            }

            field = value;
        }
    }

    /// <summary>The prepayment penalty policy (违约金); <see cref="PrepaymentPenalty.None"/> by default.</summary>
    public PrepaymentPenalty PrepaymentPenalty
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(PrepaymentPenalty), Resources.LibraryText.Valid_PenaltyPolicyNull);
    } = PrepaymentPenalty.None;

    /// <summary>The bank's prepayment rules (minimum amounts, lock-in); none by default.</summary>
    public PrepaymentRules PrepaymentRules
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(PrepaymentRules), Resources.LibraryText.Valid_PrepaymentRulesNull);
    } = PrepaymentRules.None;

    /// <summary>What it takes to repay the whole loan on <paramref name="date"/>: the balance after any payment due that
    /// day, the accrued interest (per <see cref="PrepaymentInterest"/>), the penalty and the total. The loan's own
    /// events before that date apply; on or after the last due date the quote is zero (the loan is repaid).</summary>
    /// <param name="date">The payoff date: after disbursement, at most the last due date.</param>
    /// <returns>The quote.</returns>
    public PayoffQuote PayoffQuote(LocalDate date) => MortgageMath.PayoffQuote.For(this, DayNumber.RequireIso(date, nameof(date)));

    /// <summary>The number of monthly periods (installments), 1 to <see cref="MaxPeriods"/>.</summary>
    public int Periods
    {
        get;
        init
        {
            if (value is < 1 or > MaxPeriods)
            {
                throw new ArgumentOutOfRangeException(nameof(Periods), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_PeriodsRange, MaxPeriods, value));
            }

            field = value;
        }
    }

    /// <summary>The disbursement date (放款日), from which the first period's interest runs.</summary>
    public LocalDate Disbursement
    {
        get;
        init
        {
            DayNumber.RequireIso(value, nameof(Disbursement));
            if (value.Year is < MinYear or > MaxYear)
            {
                throw new ArgumentOutOfRangeException(nameof(Disbursement), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_DisbursementRange, MinYear, MaxYear, Format(value)));
            }

            field = value;
        }
    }

    /// <summary>
    /// The day of the month payments fall due (还款日), 1 to 31; in a shorter month the due date is the month's last
    /// day (31 → 30 → Feb 28/29). Null (the default) means the disbursement date's day.
    /// </summary>
    public int? RepaymentDay
    {
        get;
        init
        {
            if (value is < 1 or > 31)
            {
                throw new ArgumentOutOfRangeException(nameof(RepaymentDay), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_RepaymentDayRange, value));
            }

            field = value;
        }
    }

    /// <summary>
    /// The first due date. Null (the default) means the repayment day in the month after disbursement. When set it
    /// must be after the disbursement date, at most two months after it, and on the repayment day (clamped to the
    /// month's end).
    /// </summary>
    public LocalDate? FirstDueDate
    {
        get;
        init => field = value is { } date ? DayNumber.RequireIso(date, nameof(FirstDueDate)) : null;
    }

    /// <summary>How the loan is repaid; <see cref="RepaymentMethod.EqualInstallment"/> by default.</summary>
    public RepaymentMethod Method
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Method), Resources.LibraryText.Valid_MethodNull);
    } = RepaymentMethod.EqualInstallment;

    /// <summary>How amounts are rounded; half-up to 0.01 by default. The principal must be a whole number of minor units.</summary>
    public RoundingPolicy Rounding
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Rounding), Resources.LibraryText.Valid_RoundingNull);
    } = RoundingPolicy.Default;

    /// <summary>The day count for interest charged by actual days (an odd first period, a period in which the rate
    /// changes); Actual/360 by default.</summary>
    public DayCount DayCount
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(DayCount), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_DayCount, (int)value));
            }

            field = value;
        }
    }

    /// <summary>What the first payment is when the first period is not exactly one month; see <see cref="OddFirstPeriodPolicy"/>.</summary>
    public OddFirstPeriodPolicy OddFirstPeriod
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(OddFirstPeriod), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_OddFirstPeriodPolicy, (int)value));
            }

            field = value;
        }
    }

    /// <summary>The repayment day in force: <see cref="RepaymentDay"/>, or the disbursement day.</summary>
    public int EffectiveRepaymentDay => RepaymentDay ?? Disbursement.Day;

    /// <summary>Builds the repayment schedule: one row per period, ending at a balance of exactly 0.00.</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The terms do not fit together (e.g. a principal with more decimals than the rounding policy keeps).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event is outside the loan or would take it out of range: a
    /// prepayment or rate event not before the last due date in force, a payment holiday capitalizing the balance
    /// above <see cref="MaxPrincipal"/>, or a new term making the loan longer than <see cref="MaxPeriods"/>; the
    /// message names the event's date, the value and the range.</exception>
    public Schedule BuildSchedule() => Amortizer.Build(this);

    /// <summary>The schedule's totals without its rows: the same loop as <see cref="BuildSchedule"/>, keeping no row, so the
    /// figures are exactly the schedule's (<see cref="LoanTotals.TotalInterest"/> is <see cref="Schedule.TotalInterest"/>).</summary>
    /// <returns>The totals, without as-of figures.</returns>
    /// <exception cref="ArgumentException">The terms or events do not fit together, as for <see cref="BuildSchedule"/>.</exception>
    public LoanTotals Totals() => Amortizer.Totals(this, null, null);

    /// <summary>The schedule's totals and, as of <paramref name="asOf"/>, the balance, the next payment, the next rate
    /// change with the payment after it, and the interest of the 12 months from <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The valuation date.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException">The terms or events do not fit together, as for <see cref="BuildSchedule"/>.</exception>
    public LoanTotals Totals(LocalDate asOf) => Totals(asOf, DayNumber.RequireIso(asOf, nameof(asOf)).PlusMonths(12));

    /// <summary>The schedule's totals and the as-of figures, with the interest of the rows dated from
    /// <paramref name="asOf"/> (inclusive) to <paramref name="windowEnd"/> (exclusive).</summary>
    /// <param name="asOf">The valuation date.</param>
    /// <param name="windowEnd">The end of the interest window, on or after <paramref name="asOf"/>.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowEnd"/> is before <paramref name="asOf"/>; the
    /// exception names it and its value.</exception>
    /// <exception cref="ArgumentException">The terms or events do not fit together, as for <see cref="BuildSchedule"/>.</exception>
    public LoanTotals Totals(LocalDate asOf, LocalDate windowEnd)
    {
        DayNumber.RequireIso(asOf, nameof(asOf));
        DayNumber.RequireIso(windowEnd, nameof(windowEnd));
        if (windowEnd < asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(windowEnd), windowEnd,
                Resources.Localized.Format(Resources.LibraryText.Valid_WindowEnd, Format(asOf), Format(windowEnd)));
        }

        return Amortizer.Totals(this, asOf, windowEnd);
    }

    /// <summary>The figures a published calculator prints for this loan, each convention named.</summary>
    /// <returns>The quote.</returns>
    public LoanQuote Quote() => LoanQuote.For(this, BuildSchedule());

    /// <summary>
    /// True when both loans have equal terms: every property compares by value. Amounts compare as numbers (1,000,000
    /// and 1,000,000.00 are the same principal); the rate plan, method, penalty, rules and rounding structurally; the
    /// <see cref="Events"/> as a sequence (the same events in the same order); the rate table by its fixings and as-of
    /// date (a loan whose <see cref="Rates"/> was never set reads <see cref="RateTable.China"/> and equals one set to
    /// it). Optional terms compare as given: <see cref="RepaymentDay"/> 20 is not the same term as null, even on a loan
    /// disbursed on the 20th.
    /// </summary>
    /// <param name="other">The other loan.</param>
    /// <returns>Whether the loans are equal.</returns>
    public bool Equals(Loan? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Principal != other.Principal || Periods != other.Periods || Disbursement != other.Disbursement ||
            RepaymentDay != other.RepaymentDay || FirstDueDate != other.FirstDueDate || RateChangeInterest != other.RateChangeInterest ||
            PrepaymentInterest != other.PrepaymentInterest || DayCount != other.DayCount || OddFirstPeriod != other.OddFirstPeriod ||
            RatePlan != other.RatePlan || Method != other.Method || Rounding != other.Rounding ||
            PrepaymentPenalty != other.PrepaymentPenalty || PrepaymentRules != other.PrepaymentRules || Events.Count != other.Events.Count)
        {
            return false;
        }

        for (int k = 0; k < Events.Count; k++)
        {
            if (Events[k] != other.Events[k])
            {
                return false;
            }
        }

        return ReferenceEquals(_rates, other._rates) || Rates.Equals(other.Rates);
    }

    /// <summary>A hash code consistent with <see cref="Equals(Loan)"/>: equal loans hash alike (the principal by value).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Principal, RatePlan, Periods, Disbursement, Method, Events.Count, Events.Count > 0 ? Events[0] : null);

    /// <summary>Checks what single terms cannot: how they fit together. Returns the principal in minor units.</summary>
    internal long ValidateCombination()
    {
        if (!FixedPoint.TryToMinor(Principal, Rounding.DecimalPlaces, out long principal))
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_PrincipalDecimals, Principal.ToString(CultureInfo.InvariantCulture), Rounding.DecimalPlaces, Rounding.MinorUnit.ToString(CultureInfo.InvariantCulture)),
                nameof(Principal));
        }

        if (FirstDueDate is { } first)
        {
            if (first <= Disbursement || first > Disbursement.PlusMonths(2))
            {
                throw new ArgumentOutOfRangeException(nameof(FirstDueDate), first,
                    Resources.Localized.Format(Resources.LibraryText.Valid_FirstDueRange, Format(Disbursement), Format(first)));
            }

            int expectedDay = Math.Min(EffectiveRepaymentDay, CalendarSystem.Iso.GetDaysInMonth(first.Year, first.Month));
            if (first.Day != expectedDay)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_FirstDueDay, Format(first), EffectiveRepaymentDay, expectedDay),
                    nameof(FirstDueDate));
            }
        }

        return principal;
    }

    private static string Format(LocalDate date) => DateText.Iso(date);
}
