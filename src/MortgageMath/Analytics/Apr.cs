using System.Globalization;
using NodaTime;

namespace MortgageMath.Analytics;

/// <summary>
/// Annualized rates of a loan with its fees (docs/apr.md):
/// <list type="bullet">
/// <item><b>China</b>, PBoC Announcement [2021] No.3: the monthly IRR of the borrower's cash flows and its nominal
/// (× 12) and effective ((1 + r)^12 − 1) annual figures (<see cref="Pboc(LoanCashFlows)"/>).</item>
/// <item><b>US</b>, Regulation Z Appendix J, actuarial method: A = Σ Pₖ / ((1 + fₖ·i)(1 + i)^tₖ) with tₖ whole
/// unit-periods and fₖ a fraction of one counted back from each payment date to the advance date; APR = i × unit-periods
/// a year (<see cref="RegZActuarial(decimal, LocalDate, IReadOnlyList{ValueTuple{LocalDate, decimal}}, UnitPeriod)"/>).</item>
/// </list>
/// Both are solved in <see cref="decimal"/> by the library's one root finder (a bracketing scan, then Brent's method,
/// to about 10⁻²⁵); where no rate above −100% balances the flows they throw <see cref="NoSolutionException"/>.
/// </summary>
public static class Apr
{
    /// <summary>Where the solver starts looking: 1% per unit-period.</summary>
    private const decimal Guess = 0.01m;

    /// <summary>
    /// The PBoC annualized rate of a schedule with fees: the cash flows of <see cref="LoanCashFlows.From"/>, timed in
    /// months from the disbursement date (see <see cref="Pboc(LoanCashFlows)"/>).
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="upfrontFees">Fees paid at disbursement, 0 or more and less than the principal.</param>
    /// <param name="periodicFee">A fee paid with every regular payment, 0 or more.</param>
    /// <returns>The monthly IRR and its nominal and effective annual figures.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fee is out of range.</exception>
    /// <exception cref="NoSolutionException">No rate balances the flows.</exception>
    /// <exception cref="OverflowException">A figure is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static PbocAnnualizedRate Pboc(Schedule schedule, decimal upfrontFees = 0m, decimal periodicFee = 0m) =>
        Pboc(LoanCashFlows.From(schedule, upfrontFees, periodicFee));

    /// <summary>
    /// The PBoC annualized rate of dated cash flows: the monthly rate r at which the payments are worth the advance,
    /// each payment timed as whole calendar months counted back to the advance date plus the remaining days / 30 (the
    /// same counting as Appendix J's monthly unit-period). When every payment falls a whole number of months after the
    /// advance (a regular schedule) this is exactly the IRR of equally spaced monthly flows.
    /// </summary>
    /// <param name="flows">The cash flows.</param>
    /// <returns>The monthly IRR and its nominal and effective annual figures.</returns>
    /// <exception cref="NoSolutionException">No rate balances the flows.</exception>
    /// <exception cref="OverflowException">A figure is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static PbocAnnualizedRate Pboc(LoanCashFlows flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        decimal r = Solve(flows.Advance, Timed(flows.AdvanceDate, flows.Payments, UnitPeriod.Monthly), Resources.LibraryText.Err_AprWhatPboc);
        return new PbocAnnualizedRate(r);
    }

    /// <summary>
    /// The PBoC annualized rate of a net advance and equally spaced monthly payments, the first one month after the
    /// advance (Excel <c>IRR</c> of −advance, payment₁, …, paymentₙ). The announcement's example:
    /// <c>Apr.Pboc(99_000m, Enumerable.Repeat(8_833.33m, 12).ToArray())</c> gives 12.80% nominal, 13.58% effective.
    /// </summary>
    /// <param name="netAdvance">The amount the borrower actually receives (principal minus up-front fees), greater than 0.</param>
    /// <param name="monthlyPayments">The payments (fees included), one a month; at least one, none negative.</param>
    /// <returns>The monthly IRR and its nominal and effective annual figures.</returns>
    /// <exception cref="ArgumentException">No payments, or a negative one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The advance is not greater than 0; or the advance and the payments
    /// add up to more than <see cref="CashFlows.MaxFlowTotal"/> (<c>ParamName</c> "monthlyPayments" with the total as
    /// <c>ActualValue</c>, or "netAdvance" when it alone is too large).</exception>
    /// <exception cref="NoSolutionException">No rate balances the flows.</exception>
    /// <exception cref="OverflowException">A figure is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static PbocAnnualizedRate Pboc(decimal netAdvance, IReadOnlyList<decimal> monthlyPayments)
    {
        ArgumentNullException.ThrowIfNull(monthlyPayments);
        LoanCashFlows.CheckAdvance(netAdvance, nameof(netAdvance));
        if (monthlyPayments.Count == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Err_CashFlowNoPayments, nameof(monthlyPayments));
        }

        LoanCashFlows.CheckSize(netAdvance, monthlyPayments, nameof(netAdvance), nameof(monthlyPayments), Resources.LibraryText.Err_CashFlowWhatPboc);
        var timed = new TimedPayment[monthlyPayments.Count];
        for (int k = 0; k < timed.Length; k++)
        {
            if (monthlyPayments[k] < 0m)
            {
                throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Err_CashFlowNegativePayment, k, Format(monthlyPayments[k])), nameof(monthlyPayments));
            }

            timed[k] = new TimedPayment(monthlyPayments[k], k + 1, 0m);
        }

        return new PbocAnnualizedRate(Solve(netAdvance, timed, Resources.LibraryText.Err_AprWhatPboc));
    }

    /// <summary>
    /// The APR of a single advance by the actuarial method of Regulation Z Appendix J: the unit-period rate i solving
    /// A = Σ Pₖ / ((1 + fₖ·i)(1 + i)^tₖ), where tₖ is the number of whole unit-periods and fₖ the fraction of one
    /// from the advance date to payment k, counted back from the payment date (<see cref="UnitPeriod"/> gives each
    /// unit's counting rule); APR = i × unit-periods per year. Example (c)(1)(ii): 6,000 advanced 1978-02-10, 36 × 200
    /// monthly from 1978-04-01 (t₁ = 1, f = 19/30) gives 11.82%.
    /// </summary>
    /// <param name="advance">The amount financed, greater than 0.</param>
    /// <param name="advanceDate">The day it is advanced (the start of the term), in the ISO calendar.</param>
    /// <param name="payments">The payments, each on or after the advance date (ISO dates) and not negative; at least one.</param>
    /// <param name="unit">The unit-period: normally the most common interval between the payments.</param>
    /// <returns>The APR and the unit-period rate.</returns>
    /// <exception cref="ArgumentException">No payments, a payment before the advance date, a negative payment, or a
    /// date not in the ISO calendar (the parameter names which).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The advance is not greater than 0, the unit is undefined, or the
    /// advance and the payments add up to more than <see cref="CashFlows.MaxFlowTotal"/> (<c>ParamName</c> "payments"
    /// with the total as <c>ActualValue</c>, or "advance" when it alone is too large).</exception>
    /// <exception cref="NoSolutionException">No rate above −100% per unit-period balances the flows.</exception>
    /// <exception cref="OverflowException">The APR is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static RegZApr RegZActuarial(decimal advance, LocalDate advanceDate, IReadOnlyList<(LocalDate Date, decimal Amount)> payments, UnitPeriod unit)
    {
        ArgumentNullException.ThrowIfNull(payments);
        LoanCashFlows.CheckAdvance(advance, nameof(advance));
        DayNumber.RequireIso(advanceDate, nameof(advanceDate));
        LoanCashFlows.CheckPayments(payments, advanceDate, nameof(payments));
        LoanCashFlows.CheckSize(advance, payments.Select(p => p.Amount), nameof(advance), nameof(payments), Resources.LibraryText.Err_CashFlowWhatAppendixJ);
        UnitPeriodCount.Check(unit, nameof(unit));
        return RegZ(advance, advanceDate, payments, unit);
    }

    /// <summary>
    /// The Appendix J actuarial APR of a loan's cash flows (for a schedule: <c>Apr.RegZActuarial(LoanCashFlows.From(schedule, fees))</c>),
    /// with the monthly unit-period by default.
    /// </summary>
    /// <param name="flows">The cash flows.</param>
    /// <param name="unit">The unit-period, <see cref="UnitPeriod.Monthly"/> by default.</param>
    /// <returns>The APR and the unit-period rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The unit is undefined.</exception>
    /// <exception cref="NoSolutionException">No rate above −100% per unit-period balances the flows.</exception>
    /// <exception cref="OverflowException">The APR is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static RegZApr RegZActuarial(LoanCashFlows flows, UnitPeriod unit = UnitPeriod.Monthly)
    {
        ArgumentNullException.ThrowIfNull(flows);
        UnitPeriodCount.Check(unit, nameof(unit));
        return RegZ(flows.Advance, flows.AdvanceDate, flows.Payments, unit);
    }

    /// <summary>
    /// The Appendix J APR of a single advance repaid by a single payment. For a term shorter than a year the term itself
    /// is the one unit-period ((b)(5)(vi), (vii)): i = payment / advance − 1, and there are 12 / months (a whole number
    /// of months) or else 365 / days unit-periods a year. Example (c)(5)(i): 1,000 on 1978-01-03, 1,080 on 1978-09-15
    /// (255 days) gives 0.08 × 365 / 255 = 11.45%. A term of a year or more uses the yearly unit-period.
    /// </summary>
    /// <param name="advance">The amount financed, greater than 0.</param>
    /// <param name="advanceDate">The day it is advanced, in the ISO calendar.</param>
    /// <param name="payment">The single payment, greater than 0.</param>
    /// <param name="paymentDate">The day it is paid, after the advance date, in the ISO calendar.</param>
    /// <returns>The APR and the unit-period rate.</returns>
    /// <exception cref="ArgumentException">The payment date is not after the advance date, or a date is not in the ISO
    /// calendar (the parameter names which).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The advance or the payment is not greater than 0, or the two add up
    /// to more than <see cref="CashFlows.MaxFlowTotal"/> (<c>ParamName</c> the larger, <c>ActualValue</c> its value).</exception>
    /// <exception cref="NoSolutionException">No rate balances the flows (a term of a year or more).</exception>
    /// <exception cref="OverflowException">The APR is beyond ±1000%, the range of <see cref="Rate"/>.</exception>
    public static RegZApr RegZSinglePayment(decimal advance, LocalDate advanceDate, decimal payment, LocalDate paymentDate)
    {
        LoanCashFlows.CheckAdvance(advance, nameof(advance));
        if (payment <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(payment), payment, Resources.Localized.Format(Resources.LibraryText.Err_AprPaymentPositive, Format(payment)));
        }

        decimal? total = FlowTotal.Add(advance, payment);
        if (payment >= advance)
        {
            FlowTotal.Check(total, nameof(payment), payment, Resources.LibraryText.Err_CashFlowWhatAppendixJ, Resources.LibraryText.Err_CashFlowSumAdvancePayment);
        }

        FlowTotal.Check(total, nameof(advance), advance, Resources.LibraryText.Err_CashFlowWhatAppendixJ, Resources.LibraryText.Err_CashFlowSumAdvancePayment);
        DayNumber.RequireIso(advanceDate, nameof(advanceDate));
        DayNumber.RequireIso(paymentDate, nameof(paymentDate));

        if (paymentDate <= advanceDate)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Err_AprPaymentDate, DateText.Iso(paymentDate), DateText.Iso(advanceDate)), nameof(paymentDate));
        }

        if (paymentDate >= advanceDate.PlusYears(1))
        {
            return RegZ(advance, advanceDate, [(paymentDate, payment)], UnitPeriod.Annually);
        }

        decimal gain = payment - advance;
        (int months, int days) = UnitPeriodCount.MonthsBack(advanceDate, paymentDate);
        (decimal perYear, int units, decimal unitsNumerator) = days == 0
            ? (12m / months, months, 12m)
            : (365m / Period.DaysBetween(advanceDate, paymentDate), Period.DaysBetween(advanceDate, paymentDate), 365m);
        decimal rate, annual;
        try
        {
            rate = gain / advance;
            annual = Math.Abs(gain) <= decimal.MaxValue / unitsNumerator && advance <= decimal.MaxValue / units
                ? gain * unitsNumerator / (advance * units) // one rounding
                : rate * unitsNumerator / units;
        }
        catch (OverflowException e)
        {
            throw new OverflowException(
                Resources.Localized.Format(Resources.LibraryText.Err_AprSingleRange, Format(payment), Format(advance)), e);
        }

        return new RegZApr(rate, perYear, annual);
    }

    private static RegZApr RegZ(decimal advance, LocalDate advanceDate, IReadOnlyList<(LocalDate Date, decimal Amount)> payments, UnitPeriod unit)
    {
        decimal i = Solve(advance, Timed(advanceDate, payments, unit), Resources.Localized.Format(Resources.LibraryText.Err_AprWhatAppendixJ, unit));
        int perYear = UnitPeriodCount.PerYear(unit);
        return new RegZApr(i, perYear, i * perYear);
    }

    /// <summary>A figure as a <see cref="Rate"/>: rounded to the 16 places a rate can hold.</summary>
    internal static Rate ToRate(decimal fraction, string what)
    {
        if (fraction is < -10m or > 10m)
        {
            throw new OverflowException(
                Resources.Localized.Format(Resources.LibraryText.Err_AprBeyondRate, what, Format(decimal.Round(fraction * 100m, 2))));
        }

        return Rate.Fraction(decimal.Round(fraction, Rate.MaxFractionScale, MidpointRounding.ToEven));
    }

    private static TimedPayment[] Timed(LocalDate advanceDate, IReadOnlyList<(LocalDate Date, decimal Amount)> payments, UnitPeriod unit)
    {
        var timed = new TimedPayment[payments.Count];
        for (int k = 0; k < timed.Length; k++)
        {
            (int t, decimal f) = UnitPeriodCount.Between(advanceDate, payments[k].Date, unit);
            timed[k] = new TimedPayment(payments[k].Amount, t, f);
        }

        return timed;
    }

    /// <summary>
    /// The rate i &gt; −1 at which Σ Pₖ / ((1 + fₖ·i)(1 + i)^tₖ) = advance, by <see cref="RootFinder"/>. The residual
    /// is evaluated with discount factors (1 + i)^−t for i ≥ 0 and, for i &lt; 0, multiplied by the positive
    /// (1 + i)^T or (1 + i)^(T+1) (T the latest t), so no term exceeds its amount and, with the amounts within
    /// <see cref="CashFlows.MaxFlowTotal"/>, nothing overflows; the two forms agree in sign everywhere and at 0.
    /// </summary>
    private static decimal Solve(decimal advance, TimedPayment[] payments, string what)
    {
        // Ascending t, so the powers are built incrementally.
        TimedPayment[] sorted = payments.OrderBy(p => p.T).ToArray();
        int last = sorted[^1].T;
        bool extraFactor = sorted.Any(p => p.T == last && p.F > 0m);

        decimal Residual(decimal i)
        {
            decimal sum = 0m;
            if (i >= 0m)
            {
                decimal v = 1m / (1m + i);
                decimal power = 1m; // v^t
                int at = 0;
                foreach (TimedPayment p in sorted)
                {
                    if (p.T != at)
                    {
                        power *= DecimalMath.IntegerPower(v, p.T - at);
                        at = p.T;
                    }

                    sum += p.F == 0m ? p.Amount * power : p.Amount * power / (1m + (p.F * i));
                }

                return sum - advance;
            }

            // Scaled by the positive q^T, or q^(T+1) when a latest payment has a fraction: then each term is
            // Pₖ·q^(T−tₖ)·q/(1 + fₖ·i), and q/(1 + fₖ·i) ≤ 1 because fₖ ≤ 1 (the days left over are less than a unit, or
            // at most 30 of a 30-day month), so no term exceeds its payment (1/(1 + fₖ·i) alone grows without bound
            // as i → −1). The extra factor is left out otherwise, so as not to push small values below 10⁻²⁸.
            decimal q = 1m + i;
            decimal up = extraFactor ? q : 1m; // q^(T − t), or q^(T + 1 − t)
            int from = last;
            for (int k = sorted.Length - 1; k >= 0; k--)
            {
                TimedPayment p = sorted[k];
                if (p.T != from)
                {
                    up *= DecimalMath.IntegerPower(q, from - p.T);
                    from = p.T;
                }

                sum += p.F == 0m ? p.Amount * up : p.Amount * (up / (1m + (p.F * i)));
            }

            return sum - (advance * up * DecimalMath.IntegerPower(q, from));
        }

        // With an advance paid out and only payments coming back, the residual falls strictly as the rate rises, so
        // there is exactly one root: bracket it by doubling away from 0 and refine, without scanning the whole grid.
        if (advance > 0m && sorted.All(p => p.Amount >= 0m) && TryMonotone(Residual, out decimal single))
        {
            return single;
        }

        if (!RootFinder.TrySolve(Residual, Guess, out decimal root))
        {
            decimal total = payments.Sum(p => p.Amount);
            throw new NoSolutionException(
                Resources.Localized.Format(Resources.LibraryText.Err_AprNoSolution, what, Format(advance), payments.Length, Format(total)));
        }

        return root;
    }

    /// <summary>The single root of a strictly decreasing residual: bracketed by doubling from 0, refined by Brent.</summary>
    private static bool TryMonotone(Func<decimal, decimal> residual, out decimal root)
    {
        root = 0m;
        decimal f0 = residual(0m);
        if (f0 == 0m)
        {
            return true;
        }

        if (f0 > 0m)
        {
            // The root is above 0: grow the step twofold until the residual turns negative (up to 1000% a period).
            decimal low = 0m, fLow = f0, high = 0.001m;
            decimal fHigh = residual(high);
            while (fHigh > 0m)
            {
                if (high >= 10m)
                {
                    return false;
                }

                (low, fLow) = (high, fHigh);
                high *= 2m;
                fHigh = residual(high);
            }

            root = fHigh == 0m ? high : RootFinder.Brent(residual, low, fLow, high, fHigh);
            return true;
        }

        // The root is below 0: halve the distance to −1 until the residual turns positive.
        decimal up = 0m, fUp = f0, down = -0.001m;
        decimal fDown = residual(down);
        while (fDown < 0m)
        {
            if (down <= -0.999999m)
            {
                return false;
            }

            (up, fUp) = (down, fDown);
            down = -1m + ((1m + down) / 2m);
            fDown = residual(down);
        }

        root = fDown == 0m ? down : RootFinder.Brent(residual, down, fDown, up, fUp);
        return true;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A payment Pₖ at tₖ whole unit-periods plus the fraction fₖ of one after the advance.</summary>
    private readonly record struct TimedPayment(decimal Amount, int T, decimal F);
}
