using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Resources;
using MortgageMath.Specs;

namespace MortgageMath.Servicing;

/// <summary>
/// What happens to money paid beyond everything due on the day it arrives. Text forms: <c>hold</c>,
/// <c>prepay(lower-payment)</c> (any <see cref="PrepaymentOption"/>).
/// </summary>
public sealed class ExcessPayment : IEquatable<ExcessPayment>
{
    private ExcessPayment(PrepaymentOption? option) => PrepaymentOption = option;

    /// <summary>Held as unapplied credit and applied to each later instalment on its due date (how a payment made
    /// before the due date works). The default.</summary>
    public static ExcessPayment HoldAsCredit { get; } = new(null);

    /// <summary>Applied at once as a partial prepayment under <paramref name="option"/> (a prepayment event on the loan,
    /// so the schedule after it changes); its accrued interest and penalty, if the loan charges them, come out of the
    /// same money. A prepayment the loan's rules refuse is held as credit and the ledger says why.</summary>
    /// <param name="option">What the prepayment does to the rest of the loan.</param>
    /// <returns>The rule.</returns>
    public static ExcessPayment Prepay(PrepaymentOption option) => new(option ?? throw new ArgumentNullException(nameof(option)));

    /// <summary>The prepayment option, or null when excess money is held as credit.</summary>
    public PrepaymentOption? PrepaymentOption { get; }

    /// <summary>Reads the rule as <see cref="ToString"/> writes it.</summary>
    /// <param name="text"><c>hold</c> or <c>prepay(option)</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a rule.</exception>
    public static ExcessPayment Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_ExcessPayment), Read);

    /// <summary>Reads the rule like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="excess">The rule, or null.</param>
    /// <returns>Whether the text is a rule.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out ExcessPayment excess) => SpecText.TryParse(text, Read, out excess);

    internal static ExcessPayment Read(SpecTerm term)
    {
        if (term.Is(ServicingNames.Hold))
        {
            SpecText.Values(term, 0, 0, "", "");
            return HoldAsCredit;
        }

        if (term.Is(ServicingNames.Prepay))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_ExcessOption), "prepay(lower-payment)");
            string option = values[0].Values is null ? values[0].Text : $"{values[0].Text}({string.Join(", ", values[0].Values!.Select(v => v.Text))})";
            return MortgageMath.PrepaymentOption.TryParse(option, out PrepaymentOption? parsed)
                ? Prepay(parsed)
                : throw new SpecTextException(Localized.Format(LibraryText.Valid_ExcessOption, option));
        }

        throw new SpecTextException(Localized.Format(LibraryText.Valid_WriteExcess, ServicingNames.Hold, ServicingNames.Prepay));
    }

    /// <summary>True when both do the same.</summary>
    /// <param name="other">The other rule.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ExcessPayment? other) => other is not null && PrepaymentOption == other.PrepaymentOption;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExcessPayment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => PrepaymentOption?.GetHashCode() ?? 0;

    /// <summary>True when both do the same.</summary>
    /// <param name="left">A rule.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ExcessPayment? left, ExcessPayment? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">A rule.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ExcessPayment? left, ExcessPayment? right) => !(left == right);

    /// <summary>The text form: <c>hold</c> or <c>prepay(lower-payment)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => PrepaymentOption is null ? ServicingNames.Hold : $"{ServicingNames.Prepay}({PrepaymentOption})";
}

/// <summary>
/// How an overdue account is charged, paid down and classified: every rate, threshold and order is data. The defaults
/// are China's (<see cref="China"/>): penalty interest at the contract rate × 1.5 on overdue principal (罚息) and on
/// overdue interest (复利), Actual/360, no grace days, no late fee, tolerance 0.00, the 民法典 art. 561 allocation,
/// excess money held as credit, the 2023 five-class rule. See <c>docs/servicing.md</c>.
/// </summary>
public sealed record OverduePolicy
{
    /// <summary>The most grace days a policy may give.</summary>
    public const int MaxGraceDays = 365;

    private readonly int _graceDays;
    private readonly decimal _tolerance;
    private readonly DayCount _dayCount = DayCount.Actual360;
    private readonly PenaltyRate _penaltyRate = PenaltyRate.ChinaDefault;
    private readonly LateFee _lateFee = LateFee.None;
    private readonly AllocationOrder _allocation = AllocationOrder.China;
    private readonly ExcessPayment _excess = ExcessPayment.HoldAsCredit;
    private readonly RiskClassification _classification = RiskClassification.China2023;

    /// <summary>China's practice (all defaults).</summary>
    public static OverduePolicy China { get; } = new();

    /// <summary>US practice: no penalty interest; a late charge of 5% of the overdue principal and interest after 15
    /// days (Freddie Mac Guide 9102.2); Fannie Mae's allocation (interest → principal → late charges); the 30/60/90/120
    /// buckets with the Reg X milestones.</summary>
    public static OverduePolicy UnitedStates { get; } = new()
    {
        PenaltyRate = PenaltyRate.None,
        CompoundInterest = false,
        DayCount = DayCount.Actual365Fixed,
        GraceDays = 15,
        LateFee = LateFee.PercentOfOverdue(Percentage.Percent(5m)),
        Allocation = AllocationOrder.FannieMae,
        Classification = RiskClassification.UsDelinquency,
    };

    /// <summary>The rate on overdue principal (罚息) and, when <see cref="CompoundInterest"/>, on overdue interest (复利).</summary>
    public PenaltyRate PenaltyRate { get => _penaltyRate; init => _penaltyRate = value ?? throw new ArgumentNullException(nameof(PenaltyRate)); }

    /// <summary>Whether overdue interest bears compound interest (复利) at the penalty rate (PBoC: yes). Default true.</summary>
    public bool CompoundInterest { get; init; } = true;

    /// <summary>The days of a year for penalty interest: Actual/360 (PBoC 日利率 = 年利率 ÷ 360, the default) or Actual/365.</summary>
    public DayCount DayCount
    {
        get => _dayCount;
        init => _dayCount = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(DayCount), value, LibraryText.Valid_DayCountUnknown);
    }

    /// <summary>Days after a due date within which a payment is not late: no penalty interest, no fee, not past due.
    /// Paid after them, penalty interest runs from the due date itself. 0..365; default 0 (US late charges: 15).</summary>
    public int GraceDays
    {
        get => _graceDays;
        init => _graceDays = value is >= 0 and <= MaxGraceDays
            ? value
            : throw new ArgumentOutOfRangeException(nameof(GraceDays), value, Localized.Format(LibraryText.Valid_GraceDaysRange, MaxGraceDays, value));
    }

    /// <summary>The late charge, at most once per instalment; default none.</summary>
    public LateFee LateFee { get => _lateFee; init => _lateFee = value ?? throw new ArgumentNullException(nameof(LateFee)); }

    /// <summary>An instalment whose unpaid principal and interest are at most this is not overdue (for days past due,
    /// classification and late fees; penalty interest still runs on it). 0 to 1,000; default 0.00.</summary>
    public decimal Tolerance
    {
        get => _tolerance;
        init => _tolerance = value is >= 0m and <= 1_000m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, Localized.Format(LibraryText.Valid_ToleranceRange, value));
    }

    /// <summary>The order in which a payment is applied.</summary>
    public AllocationOrder Allocation { get => _allocation; init => _allocation = value ?? throw new ArgumentNullException(nameof(Allocation)); }

    /// <summary>What happens to money beyond everything due.</summary>
    public ExcessPayment Excess { get => _excess; init => _excess = value ?? throw new ArgumentNullException(nameof(Excess)); }

    /// <summary>The classification scheme.</summary>
    public RiskClassification Classification { get => _classification; init => _classification = value ?? throw new ArgumentNullException(nameof(Classification)); }

    /// <summary>The policy in one line, in the UI culture's language, each part in its spec syntax: <c>penalty markup(50%), compound, actual/360, grace 0 days, late fee none, …</c>, <c>罚息 markup(50%)，计复利，actual/360，宽限期 0 天，…</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Localized.Format(
        LibraryText.Policy_Overdue, PenaltyRate, CompoundInterest ? LibraryText.Policy_Compound : "", DayCount == DayCount.Actual360 ? "actual/360" : "actual/365",
        GraceDays, LateFee, SpecText.Plain(Tolerance), Allocation, Excess, Classification);
}
