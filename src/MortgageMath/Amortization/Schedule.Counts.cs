using NodaTime;

namespace MortgageMath;

/// <summary>Counting a schedule's payments around a date.</summary>
public sealed partial class Schedule
{
    /// <summary>
    /// The regular payments (rows of kind <see cref="InstallmentKind.Regular"/>) due on or before
    /// <paramref name="date"/>: the payments made before a prepayment or payoff on that day, a payment due that day
    /// included (it is made first). A balloon row is not counted (unlike <see cref="RegularPayments"/>, which counts
    /// it).
    /// </summary>
    /// <param name="date">The day.</param>
    /// <returns>The count, 0 to <see cref="RegularPayments"/>.</returns>
    public int RegularPaymentsThrough(LocalDate date)
    {
        int count = 0;
        foreach (Installment row in this)
        {
            if (row.Kind == InstallmentKind.Regular && row.DueDate <= date)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether a regular payment (a row of kind <see cref="InstallmentKind.Regular"/>) falls due on
    /// <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True when <paramref name="date"/> is a regular due date of this schedule.</returns>
    public bool IsRegularDueDate(LocalDate date)
    {
        foreach (Installment row in this)
        {
            if (row.Kind == InstallmentKind.Regular && row.DueDate == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The scheduled payments (rows of kind <see cref="InstallmentKind.Regular"/>,
    /// <see cref="InstallmentKind.Balloon"/> or <see cref="InstallmentKind.Deferred"/>) due after <paramref name="date"/>: the payments left after a prepayment
    /// on that day.
    /// </summary>
    /// <param name="date">The day.</param>
    /// <returns>The count.</returns>
    public int PaymentsAfter(LocalDate date)
    {
        int count = 0;
        foreach (Installment row in this)
        {
            if (row.Kind is InstallmentKind.Regular or InstallmentKind.Balloon or InstallmentKind.Deferred && row.DueDate > date)
            {
                count++;
            }
        }

        return count;
    }
}
