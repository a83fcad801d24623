using System.Globalization;

namespace MortgageMath.Tests.Analytics;

/// <summary>Decimal comparisons for the time-value vectors.</summary>
internal static class Near
{
    /// <summary>|actual − expected| ≤ tolerance·|expected| (or ≤ tolerance when expected is 0).</summary>
    public static void Relative(decimal expected, decimal actual, decimal tolerance)
    {
        decimal scale = expected == 0m ? 1m : Math.Abs(expected);
        decimal error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance * scale,
            $"expected {S(expected)}, got {S(actual)}: relative error {S(error / scale)} > {S(tolerance)}");
    }

    /// <summary>|actual − expected| ≤ tolerance.</summary>
    public static void Absolute(decimal expected, decimal actual, decimal tolerance)
    {
        decimal error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance, $"expected {S(expected)}, got {S(actual)}: error {S(error)} > {S(tolerance)}");
    }

    /// <summary>The value rounded (half away from zero) to the places the source printed equals the printed value.</summary>
    public static void Printed(decimal printed, decimal actual, int places) =>
        Assert.Equal(printed, Math.Round(actual, places, MidpointRounding.AwayFromZero));

    private static string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
