using System.Globalization;

namespace MortgageMath.Analytics;

/// <summary>
/// The size check of the rate solvers (<see cref="Tvm.Rate"/>, <see cref="CashFlows.Irr"/>, <see cref="CashFlows.Xirr"/>,
/// <see cref="Apr"/>): the magnitudes of the amounts may add up to at most <see cref="CashFlows.MaxFlowTotal"/>.
/// </summary>
internal static class FlowTotal
{
    /// <summary>Σ |a|, or null when the sum exceeds <see cref="decimal.MaxValue"/>.</summary>
    internal static decimal? Of(IEnumerable<decimal> amounts)
    {
        decimal sum = 0m;
        foreach (decimal a in amounts)
        {
            decimal size = Math.Abs(a);
            if (size > decimal.MaxValue - sum)
            {
                return null;
            }

            sum += size;
        }

        return sum;
    }

    /// <summary>|a| + |b|, or null when it exceeds <see cref="decimal.MaxValue"/> (or either is null).</summary>
    internal static decimal? Add(decimal? a, decimal? b) =>
        a is { } x && b is { } y && Math.Abs(y) <= decimal.MaxValue - Math.Abs(x) ? Math.Abs(x) + Math.Abs(y) : null;

    /// <summary>n · |a|, or null when it exceeds <see cref="decimal.MaxValue"/>.</summary>
    internal static decimal? Times(int n, decimal a) => Math.Abs(a) <= decimal.MaxValue / n ? n * Math.Abs(a) : null;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="total"/> is above
    /// <see cref="CashFlows.MaxFlowTotal"/> (or null: beyond decimal itself), naming <paramref name="paramName"/> with
    /// <paramref name="actualValue"/> and stating the rule, the total and the limit.
    /// </summary>
    /// <param name="total">The total size of the flows, null when it exceeds decimal's range.</param>
    /// <param name="paramName">The parameter to name: the one that contributes most.</param>
    /// <param name="actualValue">Its value (for a list: the total).</param>
    /// <param name="what">The function, e.g. "RATE".</param>
    /// <param name="sum">What is added up, e.g. "|pv| + nper·|pmt| + |fv|".</param>
    internal static void Check(decimal? total, string paramName, object? actualValue, string what, string sum)
    {
        if (total is { } t && t <= CashFlows.MaxFlowTotal)
        {
            return;
        }

        string size = total is { } x
            ? x.ToString(CultureInfo.InvariantCulture)
            : Resources.Localized.Format(Resources.LibraryText.Err_CashFlowMoreThan, decimal.MaxValue.ToString(CultureInfo.InvariantCulture));
        throw new ArgumentOutOfRangeException(paramName, actualValue,
            Resources.Localized.Format(Resources.LibraryText.Err_CashFlowTooLarge, what, sum, CashFlows.MaxFlowTotal.ToString(CultureInfo.InvariantCulture), size));
    }
}
