namespace MortgageMath.Analytics;

/// <summary>
/// When payments fall within each period: Excel's <c>type</c> argument of PMT, PV, FV, NPER, RATE, IPMT, PPMT,
/// CUMIPMT and CUMPRINC (0 = end, 1 = beginning).
/// </summary>
public enum PaymentTiming
{
    /// <summary>Payments at the end of each period (Excel <c>type = 0</c>, the default; an ordinary annuity, a loan).</summary>
    EndOfPeriod = 0,

    /// <summary>Payments at the beginning of each period (Excel <c>type = 1</c>; an annuity due, a lease).</summary>
    BeginningOfPeriod = 1,
}
