using NodaTime;

namespace MortgageMath.Tests.Properties;

/// <summary>
/// An independent re-statement of the amortization rules (china-mortgage-conventions.md §3.2, §3.3, §3.5, §3.6, §8.1 C3)
/// on top of <see cref="ExactOracle"/>, used to predict every row of a schedule.
/// </summary>
internal static class ReferenceSchedule
{
    internal readonly record struct Row(int Period, LocalDate Due, decimal Opening, decimal Principal, decimal Interest, bool Odd, bool Clamped);

    internal static LocalDate FirstDue(Loan loan)
    {
        if (loan.FirstDueDate is { } explicitFirst)
        {
            return explicitFirst;
        }

        int day = loan.RepaymentDay ?? loan.Disbursement.Day;
        var month = new YearMonth(loan.Disbursement.Year, loan.Disbursement.Month).PlusMonths(1);
        return OnDay(month, day);
    }

    internal static LocalDate Due(Loan loan, int period)
    {
        LocalDate first = FirstDue(loan);
        int day = loan.RepaymentDay ?? loan.Disbursement.Day;
        return OnDay(new YearMonth(first.Year, first.Month).PlusMonths(period - 1), day);
    }

    private static LocalDate OnDay(YearMonth month, int day) =>
        new(month.Year, month.Month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)));

    /// <summary>The level amount: round(A*) for equal installment, round(P/n) for equal principal.</summary>
    internal static decimal Level(Loan loan) =>
        loan.Method == RepaymentMethod.EqualInstallment
            ? ExactOracle.AnnuityPayment(loan.Principal, loan.AnnualRate, loan.Periods, loan.Rounding)
            : ExactOracle.AnnuityPayment(loan.Principal, Rate.Zero, loan.Periods, loan.Rounding);

    internal static Row[] Build(Loan loan)
    {
        decimal level = Level(loan);
        bool equalInstallment = loan.Method == RepaymentMethod.EqualInstallment;
        LocalDate firstDue = FirstDue(loan);
        bool odd = LoanGen.FirstPeriodIsOdd(loan, firstDue);
        int yearDays = loan.OddPeriodDayCount == DayCount.Actual365Fixed ? 365 : 360;

        var rows = new Row[loan.Periods];
        decimal balance = loan.Principal;
        for (int k = 1; k <= loan.Periods; k++)
        {
            decimal regularInterest = ExactOracle.MonthlyInterest(balance, loan.AnnualRate, loan.Rounding);
            decimal interest = regularInterest;
            decimal principal = equalInstallment ? level - regularInterest : level;
            bool oddRow = k == 1 && odd;
            if (oddRow)
            {
                int days = LoanGen.DaysBetween(loan.Disbursement, firstDue);
                interest = ExactOracle.DailyInterest(balance, loan.AnnualRate, days, yearDays, loan.Rounding);
                if (loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
                {
                    principal += regularInterest - interest;
                }
            }

            bool clamped = false;
            if (k == loan.Periods)
            {
                principal = balance;
            }
            else if (principal > balance)
            {
                principal = balance;
                clamped = true;
            }
            else if (principal < 0)
            {
                principal = 0;
                clamped = true;
            }

            rows[k - 1] = new Row(k, Due(loan, k), balance, principal, interest, oddRow, clamped);
            balance -= principal;
        }

        return rows;
    }
}
