using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A restructuring compared with the plan before it, as a supplementary agreement (补充协议) shows it: the payment
/// and the periods left just after the change, before and after, the total interest of each plan and the difference.
/// Built by <see cref="Compare(Loan, RestructuringEvent[])"/>; both schedules come from the same loop.
/// </summary>
public sealed class Restructuring : IEquatable<Restructuring>
{
    private Restructuring(LocalDate date, Schedule before, Schedule after)
    {
        Date = date;
        Before = before;
        After = after;
        PaymentBefore = FirstPaymentAfter(before, date);
        PaymentAfter = FirstPaymentAfter(after, date);
        PeriodsLeftBefore = PeriodsAfter(before, date);
        PeriodsLeftAfter = PeriodsAfter(after, date);
    }

    /// <summary>The day the change takes effect (the earliest of the changes compared).</summary>
    public LocalDate Date { get; }

    /// <summary>The schedule without the changes.</summary>
    public Schedule Before { get; }

    /// <summary>The schedule with them.</summary>
    public Schedule After { get; }

    /// <summary>The first regular payment after <see cref="Date"/> without the changes (null when none is left).</summary>
    public decimal? PaymentBefore { get; }

    /// <summary>The first regular payment after <see cref="Date"/> with them.</summary>
    public decimal? PaymentAfter { get; }

    /// <summary>Regular payments due after <see cref="Date"/> without the changes.</summary>
    public int PeriodsLeftBefore { get; }

    /// <summary>Regular payments due after <see cref="Date"/> with them.</summary>
    public int PeriodsLeftAfter { get; }

    /// <summary>The whole loan's interest without the changes.</summary>
    public decimal TotalInterestBefore => Before.TotalInterest;

    /// <summary>The whole loan's interest with them.</summary>
    public decimal TotalInterestAfter => After.TotalInterest;

    /// <summary>Interest the changes add (negative when they save interest): after − before.</summary>
    public decimal InterestDifference => TotalInterestAfter - TotalInterestBefore;

    /// <summary>How much the payment changes just after the change: after − before (negative when it falls).</summary>
    public decimal? PaymentDifference => PaymentAfter - PaymentBefore;

    /// <summary>
    /// Compares <paramref name="loan"/> with the same loan and <paramref name="changes"/> added to its events.
    /// </summary>
    /// <param name="loan">The loan as it is.</param>
    /// <param name="changes">One or more restructurings (term, method).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument or a change is null.</exception>
    /// <exception cref="ArgumentException">No change is given.</exception>
    /// <exception cref="LoanEventException">A change is not on a due date, or the loan is repaid before it.</exception>
    /// <exception cref="TermExtensionException">An extension breaks its limits.</exception>
    public static Restructuring Compare(Loan loan, params RestructuringEvent[] changes)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Length == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Valid_RestructuringNone, nameof(changes));
        }

        foreach (RestructuringEvent change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
        }

        Loan after = loan with { Events = [.. loan.Events, .. changes] };
        return new Restructuring(changes.Min(c => c.Date), loan.BuildSchedule(), after.BuildSchedule());
    }

    private static decimal? FirstPaymentAfter(Schedule schedule, LocalDate date)
    {
        foreach (Installment row in schedule)
        {
            if (row.DueDate > date && row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon)
            {
                return row.Payment;
            }
        }

        return null;
    }

    private static int PeriodsAfter(Schedule schedule, LocalDate date)
    {
        int count = 0;
        foreach (Installment row in schedule)
        {
            if (row.DueDate > date && row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon or InstallmentKind.Deferred)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when both compare equal schedules from the same date.</summary>
    /// <param name="other">The other comparison.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Restructuring? other) => ReferenceEquals(this, other) || (other is not null && Date == other.Date && Before == other.Before && After == other.After);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Restructuring other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Before, After);

    /// <summary>True when both compare equal schedules from the same date.</summary>
    /// <param name="left">A comparison.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Restructuring? left, Restructuring? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">A comparison.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Restructuring? left, Restructuring? right) => !(left == right);

    /// <summary><c>from 2025-03-20: payment 6544.44 → 6009.31, 228 → 264 periods left, interest +123.45</c>, in the
    /// language of <see cref="CultureInfo.CurrentUICulture"/> (docs/localization.md; the figures are written the same).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Resources.Localized.Format(Resources.LibraryText.Restructuring_Summary,
        DateText.Iso(Date), PaymentBefore, PaymentAfter, PeriodsLeftBefore, PeriodsLeftAfter,
        (InterestDifference >= 0 ? "+" : "") + InterestDifference.ToString(CultureInfo.InvariantCulture));
}
