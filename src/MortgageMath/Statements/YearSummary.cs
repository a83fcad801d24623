using System.Globalization;

namespace MortgageMath.Statements;

/// <summary>
/// What was paid on a loan in one calendar year and what was owed on 31 December: from a schedule
/// (<see cref="YearStatements.YearSummary(Schedule, int)"/>, by due date) or from an account
/// (<see cref="YearStatements.YearSummary(Servicing.LoanAccount, int)"/>, by the day the money was applied).
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Principal">Principal paid in the year.</param>
/// <param name="Interest">Contractual interest paid in the year.</param>
/// <param name="Penalty">Prepayment penalties paid in the year (from an account: 0; a scheduled prepayment's
/// penalty is then in <paramref name="Fees"/>).</param>
/// <param name="PenaltyInterest">Penalty interest (罚息) paid in the year (0 from a schedule).</param>
/// <param name="CompoundInterest">Compound interest (复利) paid in the year (0 from a schedule).</param>
/// <param name="Fees">Late fees and scheduled charges paid in the year (0 from a schedule).</param>
/// <param name="Payments">How many payments were made in the year: schedule rows with something to pay, or
/// payments received by the account.</param>
/// <param name="BalanceOnDecember31">The principal owed at the end of the year: from a schedule, the closing balance
/// of the last row dated in or before the year (the principal before the first row); from an account, the principal
/// not yet paid.</param>
public sealed record YearSummary(
    int Year, decimal Principal, decimal Interest, decimal Penalty, decimal PenaltyInterest, decimal CompoundInterest, decimal Fees,
    int Payments, decimal BalanceOnDecember31)
{
    /// <summary>Everything paid in the year: principal, interest, prepayment penalties, penalty and compound interest, fees.</summary>
    public decimal Total => Principal + Interest + Penalty + PenaltyInterest + CompoundInterest + Fees;

    /// <summary><c>2024: 9 payments, principal 11186.52, interest 36579.90, penalty 0, balance 988813.48</c>
    /// (penalty interest, compound interest and fees only when not 0).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Year}: {Payments} payment{(Payments == 1 ? "" : "s")}, principal {Principal}, interest {Interest}, penalty {Penalty}{(PenaltyInterest != 0m ? $", penalty interest {PenaltyInterest}" : "")}{(CompoundInterest != 0m ? $", compound interest {CompoundInterest}" : "")}{(Fees != 0m ? $", fees {Fees}" : "")}, balance {BalanceOnDecember31}");
}
