namespace MortgageMath;

/// <summary>
/// What happens to the first payment when the first due date is not exactly one month after disbursement
/// (a repayment day that differs from the disbursement day). In both policies the first period's interest is
/// charged for the actual days at the loan's <see cref="DayCount"/> (annual ÷ 360 by default).
/// </summary>
public enum OddFirstPeriodPolicy
{
    /// <summary>
    /// The first payment is the regular principal plus the actual-days interest, so it differs from the regular
    /// payment (core-banking FST_PAY_FLG = 2, "首期不等额"). The default. Example: 1,000,000 at 4.9% over 360 months,
    /// disbursed 2024-03-10, due on the 20th: 41 days of interest 5,580.56 + principal 1,223.94 = 6,804.50.
    /// </summary>
    AdjustFirstPayment = 0,

    /// <summary>
    /// The first payment equals the regular one (FST_PAY_FLG = 1, "首期等额"); the actual-days interest is charged and
    /// the principal part absorbs the difference (never below zero: if the interest alone exceeds the regular
    /// payment, the first payment is that interest).
    /// </summary>
    KeepRegularPayment = 1,
}
