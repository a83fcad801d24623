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
    internal static decimal Level(Loan loan) => Level(loan, loan.Principal, loan.Periods);

    /// <summary>The level amount for a balance over some periods (the method restarting there).</summary>
    internal static decimal Level(Loan loan, decimal balance, int periods) =>
        loan.Method == RepaymentMethod.EqualInstallment
            ? ExactOracle.AnnuityPayment(balance, loan.FixedRate(), periods, loan.Rounding)
            : ExactOracle.AnnuityPayment(balance, Rate.Zero, periods, loan.Rounding);

    internal static Row[] Build(Loan loan)
    {
        decimal level = Level(loan);
        bool equalInstallment = loan.Method == RepaymentMethod.EqualInstallment;
        LocalDate firstDue = FirstDue(loan);
        bool odd = LoanGen.FirstPeriodIsOdd(loan, firstDue);
        int yearDays = loan.DayCount == DayCount.Actual365Fixed ? 365 : 360;

        var rows = new Row[loan.Periods];
        decimal balance = loan.Principal;
        for (int k = 1; k <= loan.Periods; k++)
        {
            decimal regularInterest = ExactOracle.MonthlyInterest(balance, loan.FixedRate(), loan.Rounding);
            decimal interest = regularInterest;
            decimal principal = equalInstallment ? level - regularInterest : level;
            bool oddRow = k == 1 && odd;
            bool restart = false;
            if (oddRow)
            {
                int days = LoanGen.DaysBetween(loan.Disbursement, firstDue);
                interest = ExactOracle.DailyInterest(balance, loan.FixedRate(), days, yearDays, loan.Rounding);
                if (loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
                {
                    principal += regularInterest - interest;
                    restart = interest != regularInterest; // the method restarts on the balance left (docs/conventions.md §8)
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
            if (restart && k < loan.Periods)
            {
                level = Level(loan, balance, loan.Periods - k);
            }
        }

        return rows;
    }
}
