namespace MortgageMath.Verification;

/// <summary>
/// A column of a repayment schedule that <see cref="ScheduleComparison"/> can compare: the columns of the documented
/// CSV (<c>docs/export.md</c>). <see cref="Period"/> aligns rows (it is never itself a difference); the others are
/// compared when the other system's file has them.
/// </summary>
public enum ScheduleColumn
{
    /// <summary>The period number (from 1): rows are matched by it when the file has it, else by position.</summary>
    Period = 0,

    /// <summary>The due date.</summary>
    DueDate = 1,

    /// <summary>The annual rate of the row, in percent (<c>4.9</c> for 4.9%).</summary>
    AnnualRate = 2,

    /// <summary>The balance before the row's payment.</summary>
    OpeningBalance = 3,

    /// <summary>The payment (principal + interest).</summary>
    Payment = 4,

    /// <summary>The principal repaid.</summary>
    Principal = 5,

    /// <summary>The interest charged.</summary>
    Interest = 6,

    /// <summary>The balance after the row's payment.</summary>
    ClosingBalance = 7,
}

/// <summary>How a row differs (<see cref="Difference.Kind"/>).</summary>
public enum DifferenceKind
{
    /// <summary>Both schedules have the row and a value differs by more than the tolerance.</summary>
    Value = 0,

    /// <summary>Our schedule has the row; theirs does not.</summary>
    MissingRow = 1,

    /// <summary>Their schedule has a row ours does not (a period beyond ours, a period with more rows than ours, or a row past our last).</summary>
    ExtraRow = 2,
}

/// <summary>A recognised pattern of differences (<see cref="VerificationHint.Kind"/>).</summary>
public enum VerificationHintKind
{
    /// <summary>Every differing interest is the balance × the annual rate × the period's actual days ÷ a fixed year
    /// (<see cref="VerificationHint.Value"/>: 365 or 360): they use an Actual/365 (or Actual/360) day count.</summary>
    ActualDayCount = 0,

    /// <summary>Only the first row differs, and its interest differs: they treat the odd first period (disbursement to
    /// first due date) by another convention.</summary>
    OddFirstPeriod = 1,

    /// <summary>Only the last row differs, and their last payment equals the regular payment before it
    /// (<see cref="VerificationHint.Value"/>): they do not settle the rounding residue in the last payment.</summary>
    UnsettledResidue = 2,
}
