using System.Globalization;
using MortgageMath.Resources;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A change to the repayment plan agreed after the loan was made (a supplementary agreement, 补充协议): a term change
/// (<see cref="TermChange"/>, 展期 or shortening), a change of method (<see cref="MethodChange"/>) or a temporary
/// switch to interest only (<see cref="InterestOnlyPeriod"/>). It takes effect
/// on a due date, after that date's payment (and any prepayment on it): the order on a day is rate change, payment,
/// prepayment, restructuring. The remaining balance is re-amortized from there by the same loop. Several
/// restructurings on one day are applied in the order of <see cref="Loan.Events"/>; the method restarts once, and only
/// when the term or the method in force actually changed, so a change back and forth changes nothing.
/// </summary>
public abstract class RestructuringEvent : LoanEvent
{
    private protected RestructuringEvent(LocalDate dueDate)
        : base(dueDate, nameof(dueDate))
    {
    }
}

/// <summary>
/// A term change on a due date: the balance after that date's payment re-amortizes over
/// <see cref="RemainingPeriods"/> periods (an extension, 展期, when the new maturity is later; a shortening without a
/// prepayment when it is earlier). Floating rates keep repricing to the new maturity. An extension is checked against
/// <see cref="Limits"/> (贷款通则 art. 12 and the product maximum by default).
/// </summary>
public sealed class TermChange : RestructuringEvent
{
    private TermChange(LocalDate dueDate, int remainingPeriods, int? extendBy, ExtensionLimits limits)
        : base(dueDate)
    {
        RemainingPeriods = remainingPeriods;
        ExtendBy = extendBy;
        Limits = limits;
    }

    /// <summary>The periods left after the due date, when the change names them; 0 when it extends by a count (<see cref="ExtendBy"/>).</summary>
    public int RemainingPeriods { get; }

    /// <summary>The periods added to the maturity in force (negative to shorten), or null when the change names the periods left.</summary>
    public int? ExtendBy { get; }

    /// <summary>The limits an extension is checked against.</summary>
    public ExtensionLimits Limits { get; }

    /// <summary>After the payment due on <paramref name="dueDate"/>, <paramref name="remainingPeriods"/> periods are left.</summary>
    /// <param name="dueDate">A due date of the loan before its maturity.</param>
    /// <param name="remainingPeriods">The periods left after it, 1 to 600.</param>
    /// <param name="limits">The extension limits, or null for <see cref="ExtensionLimits.ChinaHousing"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The periods are outside 1..600.</exception>
    public static TermChange To(LocalDate dueDate, int remainingPeriods, ExtensionLimits? limits = null) =>
        remainingPeriods is < 1 or > Loan.MaxPeriods
            ? throw new ArgumentOutOfRangeException(nameof(remainingPeriods), remainingPeriods, Resources.Localized.Format(Resources.LibraryText.Valid_PeriodsLeftRange, Loan.MaxPeriods, remainingPeriods))
            : new TermChange(dueDate, remainingPeriods, null, limits ?? ExtensionLimits.ChinaHousing);

    /// <summary>Extends the maturity in force by <paramref name="periods"/> (展期; negative shortens it).</summary>
    /// <param name="dueDate">A due date of the loan before its maturity.</param>
    /// <param name="periods">The periods added, −599 to 600, not 0.</param>
    /// <param name="limits">The extension limits, or null for <see cref="ExtensionLimits.ChinaHousing"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The periods are 0 or out of range.</exception>
    public static TermChange Extend(LocalDate dueDate, int periods, ExtensionLimits? limits = null) =>
        periods == 0 || periods < -(Loan.MaxPeriods - 1) || periods > Loan.MaxPeriods
            ? throw new ArgumentOutOfRangeException(nameof(periods), periods, Resources.Localized.Format(Resources.LibraryText.Valid_ExtensionRange, -(Loan.MaxPeriods - 1), Loan.MaxPeriods, periods))
            : new TermChange(dueDate, 0, periods, limits ?? ExtensionLimits.ChinaHousing);

    /// <summary>The periods left after <paramref name="periodsDone"/> periods when the maturity in force is <paramref name="inForce"/>.</summary>
    internal int PeriodsLeft(int periodsDone, int inForce) => ExtendBy is { } by ? inForce - periodsDone + by : RemainingPeriods;

    private protected override bool EqualsCore(LoanEvent other) =>
        other is TermChange o && RemainingPeriods == o.RemainingPeriods && ExtendBy == o.ExtendBy && Limits == o.Limits;

    private protected override int GetHashCodeCore() => HashCode.Combine(RemainingPeriods, ExtendBy, Limits);

    /// <summary><c>term change 2025-03-20: extend by 36</c> or <c>… to 264 periods left</c> (in
    /// <see cref="CultureInfo.CurrentUICulture"/>'s language: <c>2025-03-20 调整期限：延长 36 期</c>; docs/localization.md).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ExtendBy is { } by
        ? Localized.Format(LibraryText.Event_TermChangeExtend, DateText.Iso(Date), by)
        : Localized.Format(LibraryText.Event_TermChangeLeft, DateText.Iso(Date), RemainingPeriods);
}

/// <summary>
/// A change of repayment method on a due date (e.g. 等额本金 → 等额本息, to lower the payment now): the balance after
/// that date's payment is repaid by the new method over the same remaining term. Between equal installment and equal
/// principal only.
/// </summary>
public sealed class MethodChange : RestructuringEvent
{
    private MethodChange(LocalDate dueDate, RepaymentMethod method)
        : base(dueDate) => Method = method;

    /// <summary>The method from the due date on: <see cref="RepaymentMethod.EqualInstallment"/> or <see cref="RepaymentMethod.EqualPrincipal"/>.</summary>
    public RepaymentMethod Method { get; }

    /// <summary>From <paramref name="dueDate"/> on, the loan is repaid by <paramref name="method"/>.</summary>
    /// <param name="dueDate">A due date of the loan before its maturity.</param>
    /// <param name="method">Equal installment or equal principal.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The method is not one of the two.</exception>
    public static MethodChange To(LocalDate dueDate, RepaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method != RepaymentMethod.EqualInstallment && method != RepaymentMethod.EqualPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(method), method.ToString(), Resources.Localized.Format(Resources.LibraryText.Valid_MethodChangeTo, method));
        }

        return new MethodChange(dueDate, method);
    }

    private protected override bool EqualsCore(LoanEvent other) => other is MethodChange o && Method == o.Method;

    private protected override int GetHashCodeCore() => Method.GetHashCode();

    /// <summary><c>method change 2025-03-20: equal-installment</c> (in the UI culture's language: <c>2025-03-20 变更还款方式：等额本息</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(LibraryText.Event_MethodChange, DateText.Iso(Date),
        Method == RepaymentMethod.EqualInstallment ? LibraryText.Event_Method_EqualInstallment : LibraryText.Event_Method_EqualPrincipal);
}

/// <summary>
/// A change of the repayment day (e.g. from the 20th to the 5th, after a change of payday) from the period after a due
/// date: that period straddles the change and is charged for its actual days (as an odd first period is, Actual/360
/// or the loan's day count), then the method restarts on the balance over the same maturity (whose day also moves).
/// Banks allow days 1–28, about once a year (<see cref="MinimumMonthsSincePrevious"/>).
/// </summary>
public sealed class RepaymentDayChange : RestructuringEvent
{
    private RepaymentDayChange(LocalDate dueDate, int newDay, int minimumMonthsSincePrevious)
        : base(dueDate)
    {
        NewDay = newDay;
        MinimumMonthsSincePrevious = minimumMonthsSincePrevious;
    }

    /// <summary>The new repayment day, 1 to 28.</summary>
    public int NewDay { get; }

    /// <summary>The fewest months since the previous change (default 12); 0 for no rule.</summary>
    public int MinimumMonthsSincePrevious { get; }

    /// <summary>From the period after <paramref name="dueDate"/> on, payments fall due on day <paramref name="newDay"/>.</summary>
    /// <param name="dueDate">The last due date on the old day.</param>
    /// <param name="newDay">The new day, 1 to 28.</param>
    /// <param name="minimumMonthsSincePrevious">The fewest months since the previous change, 0 to 120 (default 12).</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static RepaymentDayChange From(LocalDate dueDate, int newDay, int minimumMonthsSincePrevious = 12)
    {
        if (newDay is < 1 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(newDay), newDay, Resources.Localized.Format(Resources.LibraryText.Valid_NewDayRange, newDay));
        }

        if (minimumMonthsSincePrevious is < 0 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumMonthsSincePrevious), minimumMonthsSincePrevious, Resources.Localized.Format(Resources.LibraryText.Valid_MonthsBetweenChanges, minimumMonthsSincePrevious));
        }

        return new RepaymentDayChange(dueDate, newDay, minimumMonthsSincePrevious);
    }

    private protected override bool EqualsCore(LoanEvent other) =>
        other is RepaymentDayChange o && NewDay == o.NewDay && MinimumMonthsSincePrevious == o.MinimumMonthsSincePrevious;

    private protected override int GetHashCodeCore() => HashCode.Combine(NewDay, MinimumMonthsSincePrevious);

    /// <summary><c>repayment day change 2025-03-20: day 5</c> (in the UI culture's language: <c>2025-03-20 变更还款日：每月 5 日</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(LibraryText.Event_RepaymentDayChange, DateText.Iso(Date), NewDay);
}

/// <summary>How the loan resumes after a temporary interest-only period.</summary>
public enum InterestOnlyResume
{
    /// <summary>Over the periods that were left when it began: the maturity moves later by the interest-only periods
    /// (an extension, checked against the event's limits). The default.</summary>
    OverRemainingTerm = 0,

    /// <summary>Over what is left to the maturity in force: the payment after it is higher.</summary>
    ToMaturity = 1,
}

/// <summary>
/// A temporary switch to interest only (暂时只还利息) from a due date: the next <see cref="Periods"/> payments are the
/// period's interest (plus <see cref="MinimumPrincipal"/>, if any), then the method restarts on the balance over the
/// remaining term (<see cref="Resume"/>).
/// </summary>
public sealed class InterestOnlyPeriod : RestructuringEvent
{
    private InterestOnlyPeriod(LocalDate dueDate, int periods, decimal minimumPrincipal, InterestOnlyResume resume, ExtensionLimits limits)
        : base(dueDate)
    {
        Periods = periods;
        MinimumPrincipal = minimumPrincipal;
        Resume = resume;
        Limits = limits;
    }

    /// <summary>How many payments after the due date are interest only.</summary>
    public int Periods { get; }

    /// <summary>Principal still repaid with each of them (0 for none).</summary>
    public decimal MinimumPrincipal { get; }

    /// <summary>How the loan resumes.</summary>
    public InterestOnlyResume Resume { get; }

    /// <summary>The limits the extension is checked against when <see cref="Resume"/> moves the maturity.</summary>
    public ExtensionLimits Limits { get; }

    /// <summary>After the payment due on <paramref name="dueDate"/>, <paramref name="periods"/> payments of interest only.</summary>
    /// <param name="dueDate">A due date of the loan before its maturity.</param>
    /// <param name="periods">The interest-only payments, 1 to 120.</param>
    /// <param name="minimumPrincipal">Principal still repaid with each, at least 0 (default 0).</param>
    /// <param name="resume">How the loan resumes (default: over the remaining term, moving the maturity).</param>
    /// <param name="limits">The extension limits, or null for <see cref="ExtensionLimits.ChinaHousing"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static InterestOnlyPeriod From(LocalDate dueDate, int periods, decimal minimumPrincipal = 0m, InterestOnlyResume resume = InterestOnlyResume.OverRemainingTerm, ExtensionLimits? limits = null)
    {
        if (periods is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, Resources.Localized.Format(Resources.LibraryText.Valid_InterestOnlyLength, periods));
        }

        if (minimumPrincipal is < 0m or > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPrincipal), minimumPrincipal, Resources.Localized.Format(Resources.LibraryText.Valid_InterestOnlyPrincipal, Loan.MaxPrincipal, minimumPrincipal));
        }

        if (!Enum.IsDefined(resume))
        {
            throw new ArgumentOutOfRangeException(nameof(resume), resume, Resources.LibraryText.Valid_ResumeUnknown);
        }

        return new InterestOnlyPeriod(dueDate, periods, minimumPrincipal, resume, limits ?? ExtensionLimits.ChinaHousing);
    }

    private protected override bool EqualsCore(LoanEvent other) =>
        other is InterestOnlyPeriod o && Periods == o.Periods && MinimumPrincipal == o.MinimumPrincipal && Resume == o.Resume && Limits == o.Limits;

    private protected override int GetHashCodeCore() => HashCode.Combine(Periods, MinimumPrincipal, Resume, Limits);

    /// <summary><c>interest only 2025-03-20: 6 payments, then over the remaining term</c> (in the UI culture's language:
    /// <c>2025-03-20 只还利息：6 期，之后在剩余期限内摊还</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(LibraryText.Event_InterestOnly, DateText.Iso(Date), Periods,
        MinimumPrincipal > 0 ? Localized.Format(LibraryText.Event_InterestOnlyMinimum, MinimumPrincipal.ToString(CultureInfo.InvariantCulture)) : "",
        Resume == InterestOnlyResume.OverRemainingTerm ? LibraryText.Event_Resume_OverRemainingTerm : LibraryText.Event_Resume_ToMaturity);
}

/// <summary>Which limit an extension broke.</summary>
public enum ExtensionLimit
{
    /// <summary>贷款通则 art. 12: the cumulative extension may be at most the original term (loans up to 1 year), half
    /// of it (1 to 5 years) or 3 years (above 5 years).</summary>
    GeneralLoanRules = 0,

    /// <summary>The product's longest total term (30 years for a housing loan).</summary>
    ProductMaximum = 1,
}

/// <summary>
/// The limits a term extension (展期) is checked against: the cumulative extension beyond the original maturity by
/// 贷款通则 art. 12 (when <see cref="GeneralLoanRules"/>), and the longest total term (<see cref="MaxTotalPeriods"/>).
/// </summary>
/// <param name="GeneralLoanRules">Whether 贷款通则 art. 12 applies.</param>
/// <param name="MaxTotalPeriods">The longest total term in periods, 1 to 600.</param>
public sealed record ExtensionLimits(bool GeneralLoanRules, int MaxTotalPeriods)
{
    /// <summary>The longest total term in periods, 1 to 600.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..600.</exception>
    public int MaxTotalPeriods { get => _maxTotalPeriods; init => _maxTotalPeriods = Check(value); }

    private readonly int _maxTotalPeriods = Check(MaxTotalPeriods);

    private static int Check(int periods) => periods is >= 1 and <= Loan.MaxPeriods
        ? periods
        : throw new ArgumentOutOfRangeException(nameof(MaxTotalPeriods), periods, Resources.Localized.Format(Resources.LibraryText.Valid_MaxTotalPeriodsRange, Loan.MaxPeriods, periods));

    /// <summary>A Chinese housing loan: 贷款通则 art. 12 and at most 30 years (360 periods) in all.</summary>
    public static ExtensionLimits ChinaHousing { get; } = new(true, 360);

    /// <summary>No limit but the library's 600 periods.</summary>
    public static ExtensionLimits None { get; } = new(false, Loan.MaxPeriods);

    /// <summary>The most the original term of <paramref name="originalPeriods"/> may be extended by 贷款通则 art. 12.</summary>
    /// <param name="originalPeriods">The contract's periods (months).</param>
    /// <returns>The periods: the term itself up to 12, half of it up to 60, else 36.</returns>
    public static int GeneralLoanRulesMaximum(int originalPeriods) =>
        originalPeriods <= 12 ? originalPeriods : originalPeriods <= 60 ? originalPeriods / 2 : 36;
}

/// <summary>
/// A term extension beyond a limit: <see cref="Limit"/> says which, <see cref="MaximumPeriods"/> the most it allows
/// and <see cref="RequestedPeriods"/> what was asked (both cumulative extensions for
/// <see cref="ExtensionLimit.GeneralLoanRules"/>, total terms for <see cref="ExtensionLimit.ProductMaximum"/>).
/// </summary>
public sealed class TermExtensionException : ArgumentOutOfRangeException
{
    internal TermExtensionException(int eventIndex, LocalDate eventDate, ExtensionLimit limit, int maximum, int requested, string message)
        : base(nameof(Loan.Events), requested, message)
    {
        EventIndex = eventIndex;
        EventDate = eventDate;
        Limit = limit;
        MaximumPeriods = maximum;
        RequestedPeriods = requested;
    }

    /// <summary>The event's position in <see cref="Loan.Events"/>.</summary>
    public int EventIndex { get; }

    /// <summary>The event's date.</summary>
    public LocalDate EventDate { get; }

    /// <summary>Which limit.</summary>
    public ExtensionLimit Limit { get; }

    /// <summary>The most the limit allows.</summary>
    public int MaximumPeriods { get; }

    /// <summary>What the extension asked for.</summary>
    public int RequestedPeriods { get; }
}
