using System.Globalization;

namespace MortgageMath.Cli;

/// <summary>How the tool writes amounts, rates and dates: always invariant culture, so output never depends on the machine.</summary>
internal static class Amounts
{
    /// <summary>An amount with exactly <paramref name="places"/> decimals and no thousands separators (<c>1000000.00</c>), for CSV and JSON.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="places">The rounding policy's decimal places.</param>
    /// <returns>The text.</returns>
    internal static string Plain(decimal amount, int places) =>
        amount.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An amount with exactly <paramref name="places"/> decimals and thousands separators (<c>1,000,000.00</c>), for people.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="places">The rounding policy's decimal places.</param>
    /// <returns>The text.</returns>
    internal static string Grouped(decimal amount, int places) =>
        amount.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A rate in percent without a sign and without trailing zeros: <c>4.9</c>.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>The text.</returns>
    internal static string Percent(Rate rate) => rate.ToPercent().ToString(CultureInfo.InvariantCulture);

    /// <summary>An exact decimal as it is, invariant culture (e.g. the unrounded payment <c>5307.2672062281…</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    internal static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    internal static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
