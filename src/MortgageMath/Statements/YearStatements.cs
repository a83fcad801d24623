using System.Globalization;
using NodaTime;

namespace MortgageMath.Statements;

/// <summary>
/// Yearly statements of a schedule or an account: principal, interest and penalties paid per calendar year and the
/// balance on 31 December. See <c>docs/statements.md</c>.
/// </summary>
public static class YearStatements
{
    /// <summary>
    /// What the schedule makes payable in <paramref name="year"/>, by due date (a prepayment row by the day it is
    /// paid): principal, interest, prepayment penalties, the number of rows with something to pay, and the closing
    /// balance of the last row dated in or before the year (the principal before the first row).
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="year">A calendar year from the disbursement's to the last row's.</param>
    /// <returns>The year's summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before the disbursement's year or
    /// after the last row's; <c>ActualValue</c> is the year and the message gives the range.</exception>
    public static YearSummary YearSummary(this Schedule schedule, int year)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CheckYear(year, schedule.Loan.Disbursement.Year, schedule.Last.DueDate.Year, nameof(Resources.LibraryText.Valid_Subject_Schedule));
        return Summarize(schedule, year);
    }

    /// <summary>The <see cref="YearSummary(Schedule, int)"/> of every year from the disbursement's to the last
    /// row's, in order; together they add up to the schedule's totals.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>One summary per year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static IReadOnlyList<YearSummary> YearSummaries(this Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        int first = schedule.Loan.Disbursement.Year;
        return [.. Enumerable.Range(first, schedule.Last.DueDate.Year - first + 1).Select(y => Summarize(schedule, y))];
    }

    /// <summary>
    /// What was actually paid on the account in <paramref name="year"/>: the ledger's allocations dated in the year
    /// (the day the money was applied) by bucket, the number of payments received in the year, and the principal not
    /// yet paid on 31 December (the schedule's principal, plus interest capitalized by then, less the principal
    /// paid by then). Only payments up to the account's as-of date count, so the as-of year is the year to date.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="year">A calendar year from the disbursement's to the as-of date's.</param>
    /// <returns>The year's summary (<see cref="YearSummary.Penalty"/> is 0: a scheduled prepayment's penalty is
    /// billed as a fee).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before the disbursement's year or
    /// after the as-of date's; <c>ActualValue</c> is the year and the message gives the range.</exception>
    public static YearSummary YearSummary(this LoanAccount account, int year)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckYear(year, account.Loan.Disbursement.Year, account.AsOf.Year, nameof(Resources.LibraryText.Valid_Subject_Account));
        return Summarize(account, year);
    }

    /// <summary>The <see cref="YearSummary(LoanAccount, int)"/> of every year from the disbursement's to the as-of
    /// date's, in order.</summary>
    /// <param name="account">The account.</param>
    /// <returns>One summary per year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    public static IReadOnlyList<YearSummary> YearSummaries(this LoanAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        int first = account.Loan.Disbursement.Year;
        return [.. Enumerable.Range(first, account.AsOf.Year - first + 1).Select(y => Summarize(account, y))];
    }

    /// <summary>Throws the error of a year outside <paramref name="first"/>..<paramref name="last"/>.</summary>
    internal static void CheckYear(int year, int first, int last, string what)
    {
        if (year < first || year > last)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, 
                Resources.Localized.Format(Resources.LibraryText.Valid_YearRange, first, last, Resources.Localized.Text(what), year));
        }
    }

    private static YearSummary Summarize(Schedule schedule, int year)
    {
        long principal = 0, interest = 0, penalty = 0, balance = schedule.First.OpeningMinor;
        long deferredPrincipal = 0, deferredInterest = 0; // a payment deferral's, paid with the last row
        int payments = 0;
        for (int k = 0; k < schedule.Count; k++)
        {
            Installment row = schedule[k];
            int rowYear = row.DueDate.Year;
            if (rowYear > year)
            {
                break;
            }

            balance = row.ClosingMinor;
            if (row.Kind == InstallmentKind.Deferred)
            {
                deferredPrincipal += row.PrincipalMinor;
                deferredInterest += row.InterestMinor;
                continue;
            }

            bool isLast = k == schedule.Count - 1;
            if (rowYear == year)
            {
                principal += row.PrincipalMinor + (isLast ? deferredPrincipal : 0);
                interest += row.InterestMinor + (isLast ? deferredInterest : 0);
                penalty += row.PenaltyMinor;
                if (row.PaymentMinor != 0)
                {
                    payments++;
                }
            }

            if (isLast)
            {
                deferredPrincipal = deferredInterest = 0;
            }
        }

        balance += deferredPrincipal; // still owed, without interest, until the last row

        int places = schedule.Places;
        return new YearSummary(year, FixedPoint.ToDecimal(principal, places), FixedPoint.ToDecimal(interest, places),
            FixedPoint.ToDecimal(penalty, places), 0m, 0m, 0m, payments, FixedPoint.ToDecimal(balance, places));
    }

    private static YearSummary Summarize(LoanAccount account, int year)
    {
        var endOfYear = new LocalDate(year, 12, 31);
        decimal zero = FixedPoint.ToDecimal(0L, account.Loan.Rounding.DecimalPlaces); // 0.00: the loan's places, as the schedule's figures
        decimal principal = zero, interest = zero, penaltyInterest = zero, compound = zero, fees = zero, principalPaidByEnd = zero;
        int payments = 0;
        foreach (PaymentApplication line in account.Ledger)
        {
            if (line.Date > endOfYear)
            {
                continue;
            }

            // Arrears capitalized are not paid: they only count as principal no longer owed separately.
            bool inYear = line.Date.Year == year && line.Capitalized == 0m;
            if (inYear && line.PaymentIndex is not null)
            {
                payments++;
            }

            foreach (Allocation a in line.Allocations)
            {
                if (a.Bucket == AllocationBucket.Principal)
                {
                    principalPaidByEnd += a.Amount;
                }

                if (!inYear)
                {
                    continue;
                }

                switch (a.Bucket)
                {
                    case AllocationBucket.Principal: principal += a.Amount; break;
                    case AllocationBucket.Interest: interest += a.Amount; break;
                    case AllocationBucket.PenaltyInterest: penaltyInterest += a.Amount; break;
                    case AllocationBucket.CompoundInterest: compound += a.Amount; break;
                    default: fees += a.Amount; break;
                }
            }
        }

        decimal owed = account.Schedule.First.OpeningBalance;
        foreach (Installment row in account.Schedule)
        {
            if (row.DueDate > endOfYear)
            {
                break;
            }

            owed += row.CapitalizedInterest;
        }

        return new YearSummary(year, principal, interest, zero, penaltyInterest, compound, fees, payments, owed - principalPaidByEnd);
    }
}
