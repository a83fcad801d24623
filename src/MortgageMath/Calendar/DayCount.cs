namespace MortgageMath;

/// <summary>
/// How days are turned into a fraction of a year when interest is charged for actual days (an odd first period).
/// Regular monthly periods always use annual rate ÷ 12, whatever the month's length.
/// </summary>
public enum DayCount
{
    /// <summary>Actual days ÷ 360: the daily rate is annual ÷ 360 (= monthly ÷ 30), the Chinese bank convention. The default.</summary>
    Actual360 = 0,

    /// <summary>Actual days ÷ 365, in every year (Actual/365 Fixed).</summary>
    Actual365Fixed = 1,
}

internal static class DayCountExtensions
{
    internal static int DaysInYear(this DayCount dayCount) => dayCount == DayCount.Actual365Fixed ? 365 : 360;
}
