namespace MortgageMath;

/// <summary>How the interest of a period in which the rate changes (a repricing between two due dates) is charged.</summary>
public enum RateChangeInterest
{
    /// <summary>
    /// Each rate for its actual days (分段计息) at the loan's <see cref="DayCount"/>: 982,993.05 over a period of
    /// 12 days at 4.20% and 19 days at 3.95% is 982,993.05 × (4.20% × 12 + 3.95% × 19) / 360 = 3,425.46. The
    /// payment that period is the new regular principal plus that interest. The default.
    /// </summary>
    SplitByActualDays = 0,

    /// <summary>The whole period at the new rate, as many calculators do (interest 3,235.69 in the example).</summary>
    NewRateForWholePeriod = 1,
}
