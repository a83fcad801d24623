using NodaTime;

namespace MortgageMath.Analytics;

/// <summary>
/// Excel-compatible cash-flow functions in <see cref="decimal"/>: NPV, IRR (equally spaced flows) and XNPV, XIRR
/// (dated flows, 365-day year). Rates are plain fractions per period (per year for XNPV/XIRR), as in Excel; see
/// <see cref="Tvm"/> for why these functions, unlike the rest of the library, take a bare decimal rate.
/// </summary>
/// <remarks>
/// IRR and XIRR are solved by bracketing (a scan outwards from the guess over rates from −1 + 10⁻¹² to 10⁶), then
/// Brent's method in decimal to about 10⁻²⁵ relative: they do not fail where a root exists, and throw
/// <see cref="NoSolutionException"/> where none does. Flows that change sign more than once can have several
/// rates; the functions return the one nearest the guess (strictly: a root in the scan interval nearest the guess).
/// </remarks>
public static class CashFlows
{
    private const decimal DaysPerYear = 365m;

    /// <summary>
    /// The most that the magnitudes of the amounts given to a rate solver may add up to: 10²⁸. For
    /// <see cref="Tvm.Rate"/> that is |pv| + nper·|pmt| + |fv|; for <see cref="Irr"/> and <see cref="Xirr"/> the sum
    /// of the amounts' magnitudes; for <see cref="Apr"/> and <see cref="LoanCashFlows"/> the advance plus the payments.
    /// Every term a solver evaluates is at most its amount in size (the equation is discounted for rates above 0 and
    /// scaled by a positive power of 1 + r below), so within this limit no sum can leave decimal's range
    /// (7.9·10²⁸) at any trial rate; larger amounts are refused with <see cref="ArgumentOutOfRangeException"/> rather
    /// than failing part-way with an <see cref="OverflowException"/>. A rate does not depend on the unit of money:
    /// give such amounts in a larger unit.
    /// </summary>
    public const decimal MaxFlowTotal = 10_000_000_000_000_000_000_000_000_000m;

    /// <summary>
    /// Excel <c>NPV</c>: Σ valueᵢ / (1 + rate)^i for i = 1, 2, …: the <b>first value is discounted one period</b>
    /// (add a time-0 flow yourself). <c>CashFlows.Npv(0.1m, new[] { -10000m, 3000m, 4200m, 6800m })</c> = 1188.44….
    /// </summary>
    /// <param name="rate">The discount rate per period as a fraction; greater than −1.</param>
    /// <param name="values">The cash flows, one per period, at the end of periods 1, 2, ….</param>
    /// <returns>The net present value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">rate ≤ −1.</exception>
    public static decimal Npv(decimal rate, IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Tvm.CheckRate(rate);
        decimal[] flows = values.ToArray();
        decimal d = 1m / (1m + rate);
        decimal sum = 0m;
        for (int i = flows.Length - 1; i >= 0; i--)
        {
            sum = (sum + flows[i]) * d; // Horner: Σ vᵢ·d^(i+1)
        }

        return sum;
    }

    /// <summary>
    /// Excel <c>IRR</c>: the rate per period at which Σ valueᵢ / (1 + r)^i, i = 0, 1, …, is zero (the first value is
    /// at time 0). <c>CashFlows.Irr(new[] { -70000m, 12000m, 15000m, 18000m, 21000m, 26000m })</c> = 0.0866309480….
    /// </summary>
    /// <param name="values">Equally spaced cash flows, with at least one positive and one negative value; their
    /// magnitudes adding up to at most <see cref="MaxFlowTotal"/>.</param>
    /// <param name="guess">Where to start looking, 0.1 by default as in Excel; greater than −1.</param>
    /// <returns>The internal rate of return per period, as a fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">guess ≤ −1; or the values' magnitudes add up to more than
    /// <see cref="MaxFlowTotal"/> (<c>ParamName</c> "values", <c>ActualValue</c> the total, null beyond decimal's range).</exception>
    /// <exception cref="NoSolutionException">No rate above −1 makes the present value zero (Excel's <c>#NUM!</c>).</exception>
    public static decimal Irr(IReadOnlyList<decimal> values, decimal guess = 0.1m)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckGuess(guess);
        decimal[] v = values.ToArray();
        decimal? total = FlowTotal.Of(v);
        FlowTotal.Check(total, nameof(values), total, "IRR", Resources.LibraryText.Err_CashFlowSumValues);
        string call = Resources.Localized.Format(Resources.LibraryText.Err_CashFlowCall, "IRR", Describe(v), Tvm.Format(guess));
        if (!v.Any(x => x > 0m) || !v.Any(x => x < 0m))
        {
            throw new NoSolutionException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNoSolution, call, Resources.LibraryText.Err_CashFlowIrrSigns));
        }

        if (!RootFinder.TrySolve(r => IrrResidual(v, r), guess, out decimal root))
        {
            throw new NoSolutionException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNoSolution, call, Resources.LibraryText.Err_CashFlowNoRoot));
        }

        return root;
    }

    /// <summary>
    /// Excel <c>XNPV</c>: Σ amountᵢ / (1 + rate)^((dateᵢ − date₀)/365), measured from the <b>first</b> flow's date
    /// (which no other date may precede).
    /// </summary>
    /// <param name="rate">The annual discount rate as a fraction; greater than −1.</param>
    /// <param name="flows">The dated cash flows, dates in the ISO calendar; the first one's date is the valuation date.</param>
    /// <returns>The net present value at the first date.</returns>
    /// <exception cref="ArgumentException">No flows, a date before the first date (Excel's <c>#NUM!</c>), or a date
    /// not in the ISO calendar (the parameter is <paramref name="flows"/>; the message names the flow).</exception>
    /// <exception cref="ArgumentOutOfRangeException">rate ≤ −1.</exception>
    /// <exception cref="OverflowException">The result is beyond the decimal range.</exception>
    public static decimal Xnpv(decimal rate, IReadOnlyList<(LocalDate Date, decimal Amount)> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        Tvm.CheckRate(rate);
        (decimal[] years, decimal[] amounts) = Dated(flows);
        decimal log = DecimalMath.Ln1p(rate);
        decimal sum = 0m;
        try
        {
            for (int i = 0; i < years.Length; i++)
            {
                sum += amounts[i] * DecimalMath.Exp(-years[i] * log);
            }
        }
        catch (OverflowException e)
        {
            throw new OverflowException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowXnpvRange, Tvm.Format(rate)), e);
        }

        return sum;
    }

    /// <summary>
    /// Excel <c>XIRR</c>: the annual rate at which <see cref="Xnpv"/> is zero (365-day year, measured from the first
    /// date). For Excel's example flows of 2008–2009 it is 0.37336253351….
    /// </summary>
    /// <param name="flows">The dated cash flows, with at least one positive and one negative amount; dates in the ISO
    /// calendar, none before the first; the amounts' magnitudes adding up to at most <see cref="MaxFlowTotal"/>.</param>
    /// <param name="guess">Where to start looking, 0.1 by default as in Excel; greater than −1.</param>
    /// <returns>The annual internal rate of return, as a fraction.</returns>
    /// <exception cref="ArgumentException">No flows, a date before the first date, or a date not in the ISO calendar
    /// (the parameter is <paramref name="flows"/>; the message names the flow).</exception>
    /// <exception cref="ArgumentOutOfRangeException">guess ≤ −1; or the amounts' magnitudes add up to more than
    /// <see cref="MaxFlowTotal"/> (<c>ParamName</c> "flows", <c>ActualValue</c> the total, null beyond decimal's range).</exception>
    /// <exception cref="NoSolutionException">No rate above −1 makes the present value zero (Excel's <c>#NUM!</c>).</exception>
    public static decimal Xirr(IReadOnlyList<(LocalDate Date, decimal Amount)> flows, decimal guess = 0.1m)
    {
        ArgumentNullException.ThrowIfNull(flows);
        CheckGuess(guess);
        (decimal[] years, decimal[] amounts) = Dated(flows);
        decimal? total = FlowTotal.Of(amounts);
        FlowTotal.Check(total, nameof(flows), total, "XIRR", Resources.LibraryText.Err_CashFlowSumAmounts);
        string call = Resources.Localized.Format(Resources.LibraryText.Err_CashFlowCall, "XIRR", Describe(amounts), Tvm.Format(guess));
        if (!amounts.Any(x => x > 0m) || !amounts.Any(x => x < 0m))
        {
            throw new NoSolutionException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNoSolution, call, Resources.LibraryText.Err_CashFlowXirrSigns));
        }

        decimal last = years.Max();
        decimal Residual(decimal r)
        {
            // Σ aᵢ(1+r)^(−tᵢ) for r ≥ 0; times (1+r)^T (positive, same sign) for r < 0, so no term exceeds |aᵢ|.
            decimal log = DecimalMath.Ln1p(r);
            decimal sum = 0m;
            for (int i = 0; i < years.Length; i++)
            {
                decimal exponent = r >= 0m ? -years[i] * log : (last - years[i]) * log;
                sum += amounts[i] * DecimalMath.Exp(exponent);
            }

            return sum;
        }

        if (!RootFinder.TrySolve(Residual, guess, out decimal root))
        {
            throw new NoSolutionException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNoSolution, call, Resources.LibraryText.Err_CashFlowNoRoot));
        }

        return root;
    }

    /// <summary>Σ vᵢ/(1+r)^i for r ≥ 0; for r &lt; 0 the same times (1+r)^(n−1) (positive), so nothing overflows.</summary>
    private static decimal IrrResidual(decimal[] values, decimal r)
    {
        decimal sum = 0m;
        if (r >= 0m)
        {
            decimal d = 1m / (1m + r);
            for (int i = values.Length - 1; i >= 0; i--)
            {
                sum = (sum * d) + values[i];
            }
        }
        else
        {
            decimal q = 1m + r;
            for (int i = 0; i < values.Length; i++)
            {
                sum = (sum * q) + values[i];
            }
        }

        return sum;
    }

    private static (decimal[] Years, decimal[] Amounts) Dated(IReadOnlyList<(LocalDate Date, decimal Amount)> flows)
    {
        if (flows.Count == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Err_CashFlowNone, nameof(flows));
        }

        for (int i = 0; i < flows.Count; i++)
        {
            DayNumber.RequireIso(flows[i].Date, nameof(flows), nameof(Resources.LibraryText.Valid_IsoCalendarFlow), i);
        }

        LocalDate first = flows[0].Date;
        var years = new decimal[flows.Count];
        var amounts = new decimal[flows.Count];
        for (int i = 0; i < flows.Count; i++)
        {
            int days = Period.DaysBetween(first, flows[i].Date);
            if (days < 0)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Err_CashFlowDateOrder, DateText.Iso(first), i, DateText.Iso(flows[i].Date)), nameof(flows));
            }

            years[i] = days / DaysPerYear;
            amounts[i] = flows[i].Amount;
        }

        return (years, amounts);
    }

    private static void CheckGuess(decimal guess)
    {
        if (guess <= -1m)
        {
            throw new ArgumentOutOfRangeException(nameof(guess), guess,
                Resources.Localized.Format(Resources.LibraryText.Err_CashFlowGuess, Tvm.Format(guess)));
        }
    }

    private static string Describe(decimal[] values) =>
        "[" + string.Join(", ", values.Take(6).Select(Tvm.Format))
        + (values.Length > 6 ? Resources.Localized.Format(Resources.LibraryText.Err_CashFlowMoreValues, values.Length) : "") + "]";
}
