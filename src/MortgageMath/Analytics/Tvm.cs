using System.Globalization;
using System.Numerics;

namespace MortgageMath.Analytics;

/// <summary>
/// Excel-compatible time-value-of-money functions in <see cref="decimal"/>: PMT, IPMT, PPMT, CUMIPMT, CUMPRINC, PV,
/// FV, NPER and RATE, with Excel's argument order, defaults, sign convention and payment timing.
/// </summary>
/// <remarks>
/// <para><b>The rate is a plain per-period fraction, as in Excel</b>: 8% a year paid monthly is <c>0.08m / 12</c>,
/// not <c>8</c> and not a <see cref="MortgageMath.Rate"/>. The rest of the library never takes a bare decimal as a
/// rate; these functions do so deliberately, so that a spreadsheet formula carries over unchanged
/// (<c>=PMT(8%/12, 60, 15000)</c> is <c>Tvm.Pmt(0.08m / 12, 60, 15000m)</c>). Nothing here accepts a percent.</para>
/// <para><b>Sign convention</b>: money paid out is negative, money received positive. A 10,000 loan received today
/// (<c>pv = 10000</c>) is repaid by negative payments: <c>Tvm.Pmt(0.08m / 12, 10, 10000m)</c> = −1,037.03…. The
/// functions solve <c>pv·(1+r)ⁿ + pmt·(1 + r·type)·((1+r)ⁿ − 1)/r + fv = 0</c> (with <c>pv + pmt·n + fv = 0</c> at
/// r = 0).</para>
/// <para><b>Precision</b>: (1+r)ⁿ and ((1+r)ⁿ − 1)/r are built by repeated doubling without cancellation, so tiny
/// and zero rates are exact to about 26–28 significant digits; results are not rounded to cents. Invalid
/// arguments (where Excel shows <c>#NUM!</c>) throw <see cref="ArgumentOutOfRangeException"/>; a value that does
/// not exist throws <see cref="NoSolutionException"/>; a result beyond the decimal range throws
/// <see cref="OverflowException"/>.</para>
/// </remarks>
public static class Tvm
{
    /// <summary>
    /// The periodic payment of a loan or annuity (Excel <c>PMT</c>). <c>Tvm.Pmt(0.08m / 12, 10, 10000m)</c> =
    /// −1037.0320893591…; <c>Tvm.Pmt(0m, 25, 3000m)</c> = −120.
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction (0.08/12 for 8% a year, monthly); greater than −1.</param>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pv">The present value (the amount borrowed is positive).</param>
    /// <param name="fv">The value left after the last payment (a balloon), 0 by default.</param>
    /// <param name="type">When payments fall due; the end of each period by default.</param>
    /// <returns>The payment per period (negative when <paramref name="pv"/> is positive).</returns>
    /// <exception cref="ArgumentOutOfRangeException">rate ≤ −1, nper &lt; 1 or an undefined timing.</exception>
    public static decimal Pmt(decimal rate, int nper, decimal pv, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckPeriods(nper, nameof(nper), 1);
        CheckTiming(type);
        return PmtCore(rate, nper, pv, fv, type);
    }

    /// <summary>
    /// The interest part of payment number <paramref name="per"/> (Excel <c>IPMT</c>): the balance after
    /// <c>per − 1</c> payments times the rate (with <see cref="PaymentTiming.BeginningOfPeriod"/>, discounted one
    /// period, and 0 for the first payment). <c>Tvm.IPmt(0.1m / 12, 1, 36, 8000m)</c> = −66.67.
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than −1.</param>
    /// <param name="per">The payment, 1 to <paramref name="nper"/>.</param>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The interest part (negative when <paramref name="pv"/> is positive).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static decimal IPmt(decimal rate, int per, int nper, decimal pv, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckPeriods(nper, nameof(nper), 1);
        CheckPeriod(per, nameof(per), nper);
        CheckTiming(type);
        return InterestPart(rate, per, nper, pv, fv, type);
    }

    /// <summary>
    /// The principal part of payment number <paramref name="per"/> (Excel <c>PPMT</c>): <c>PMT − IPMT</c>.
    /// <c>Tvm.PPmt(0.08m, 10, 10, 200000m)</c> = −27598.05….
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than −1.</param>
    /// <param name="per">The payment, 1 to <paramref name="nper"/>.</param>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value left after the last payment, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The principal part (negative when <paramref name="pv"/> is positive).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static decimal PPmt(decimal rate, int per, int nper, decimal pv, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckPeriods(nper, nameof(nper), 1);
        CheckPeriod(per, nameof(per), nper);
        CheckTiming(type);
        decimal pmt = PmtCore(rate, nper, pv, fv, type);
        return pmt - InterestPart(rate, per, nper, pv, fv, type);
    }

    /// <summary>
    /// The interest paid from payment <paramref name="startPeriod"/> to <paramref name="endPeriod"/> inclusive
    /// (Excel <c>CUMIPMT</c>; the loan is fully repaid, fv = 0). Excel's restrictions apply: rate &gt; 0 and pv &gt; 0.
    /// <c>Tvm.CumIPmt(0.09m / 12, 360, 125000m, 13, 24)</c> = −11135.23213….
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than 0.</param>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pv">The present value, greater than 0.</param>
    /// <param name="startPeriod">The first payment counted, from 1.</param>
    /// <param name="endPeriod">The last payment counted, from <paramref name="startPeriod"/> to <paramref name="nper"/>.</param>
    /// <param name="type">When payments fall due (Excel requires it; here it defaults to the end of the period).</param>
    /// <returns>The cumulative interest (negative).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (Excel's <c>#NUM!</c>).</exception>
    public static decimal CumIPmt(decimal rate, int nper, decimal pv, int startPeriod, int endPeriod, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        _ = CheckCumulative(rate, nper, pv, startPeriod, endPeriod, type);
        return CumulativeInterest(rate, nper, pv, startPeriod, endPeriod, type);
    }

    /// <summary>
    /// The principal repaid from payment <paramref name="startPeriod"/> to <paramref name="endPeriod"/> inclusive
    /// (Excel <c>CUMPRINC</c>; fv = 0). Excel's restrictions apply: rate &gt; 0 and pv &gt; 0.
    /// <c>Tvm.CumPrinc(0.09m / 12, 360, 125000m, 13, 24)</c> = −934.1071234….
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than 0.</param>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pv">The present value, greater than 0.</param>
    /// <param name="startPeriod">The first payment counted, from 1.</param>
    /// <param name="endPeriod">The last payment counted, from <paramref name="startPeriod"/> to <paramref name="nper"/>.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The cumulative principal (negative).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (Excel's <c>#NUM!</c>).</exception>
    public static decimal CumPrinc(decimal rate, int nper, decimal pv, int startPeriod, int endPeriod, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        decimal pmt = CheckCumulative(rate, nper, pv, startPeriod, endPeriod, type);
        return (pmt * (endPeriod - startPeriod + 1)) - CumulativeInterest(rate, nper, pv, startPeriod, endPeriod, type);
    }

    /// <summary>
    /// The present value of a series of payments and a final value (Excel <c>PV</c>).
    /// <c>Tvm.Pv(0.08m / 12, 240, 500m)</c> = −59777.1458….
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than −1.</param>
    /// <param name="nper">The number of payments, at least 0.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="fv">The value after the last payment, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The present value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="OverflowException">The result is beyond the decimal range.</exception>
    public static decimal Pv(decimal rate, int nper, decimal pmt, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckPeriods(nper, nameof(nper), 0);
        CheckTiming(type);
        Factors f = Factors.Best(rate, nper);
        if (f.P == 0m)
        {
            throw new OverflowException(Resources.Localized.Format(Resources.LibraryText.Err_TvmBeyondRange, "PV", Args(rate, nper, pmt, fv, (int)type)));
        }

        return -((pmt * (1m + (rate * (int)type)) * f.Q) + (fv * f.R)) / f.P;
    }

    /// <summary>
    /// The value after <paramref name="nper"/> periods of a present value and a series of payments (Excel <c>FV</c>).
    /// <c>Tvm.Fv(0.06m / 12, 10, -200m, -500m, PaymentTiming.BeginningOfPeriod)</c> = 2581.4033740….
    /// </summary>
    /// <param name="rate">The interest rate per period as a fraction; greater than −1.</param>
    /// <param name="nper">The number of payments, at least 0.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The future value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="OverflowException">The result is beyond the decimal range.</exception>
    public static decimal Fv(decimal rate, int nper, decimal pmt, decimal pv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckPeriods(nper, nameof(nper), 0);
        CheckTiming(type);
        try
        {
            return FvCore(rate, nper, pmt, pv, type);
        }
        catch (OverflowException e)
        {
            throw new OverflowException(Resources.Localized.Format(Resources.LibraryText.Err_TvmBeyondRange, "FV", Args(rate, nper, pmt, pv, (int)type)), e);
        }
    }

    /// <summary>
    /// The number of periods (fractional) for a present value, payments and a final value to balance (Excel
    /// <c>NPER</c>): <c>ln((pmt·(1+r·type) − fv·r) / (pmt·(1+r·type) + pv·r)) / ln(1 + r)</c>, or
    /// <c>−(pv + fv)/pmt</c> at r = 0. <c>Tvm.NPer(0.01m, -100m, -1000m, 10000m)</c> = 60.0821228537….
    /// </summary>
    /// <remarks>
    /// <b>Precision</b>: about 25 significant digits for every rate, tiny ones included: the quotient is evaluated as
    /// <c>(x/r) · L(x)/L(r)</c> with <c>1 + x</c> the ratio above, <c>x/r = −(pv + fv)/(pmt·(1+r·type) + pv·r)</c>
    /// formed without dividing by r, and <c>L(y) = ln(1 + y)/y</c> by a series that starts at 1, so nothing cancels
    /// and the result tends smoothly to the zero-rate value (<c>Tvm.NPer(1e-28m, -1m, 1m)</c> =
    /// 1.0000000000000000000000000001). Against 80-digit evaluations of 3,000 random cases the relative error is at
    /// most 2.5·10⁻²⁵ (a result below 1 in size has fewer digits: decimal has 28 places). Only the ratios of
    /// the amounts matter, so amounts up to the decimal range do not overflow on the way. Where the payment barely
    /// exceeds the interest (<c>pmt·(1+r·type) + pv·r</c> near 0) the number of periods is large and as sensitive as
    /// that difference to the last digits of the inputs themselves.
    /// </remarks>
    /// <param name="rate">The interest rate per period as a fraction; greater than −1.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value after the last payment, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <returns>The number of periods (may be negative, as in Excel).</returns>
    /// <exception cref="ArgumentOutOfRangeException">rate ≤ −1 or an undefined timing.</exception>
    /// <exception cref="NoSolutionException">No number of periods balances the flows (Excel's <c>#NUM!</c>).</exception>
    /// <exception cref="OverflowException">The number of periods is beyond the decimal range (±7.9·10²⁸), e.g. a
    /// payment of 10⁻²⁸ against 10²⁸ at a zero rate.</exception>
    public static decimal NPer(decimal rate, decimal pmt, decimal pv, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod)
    {
        CheckRate(rate);
        CheckTiming(type);
        try
        {
            return NPerCore(rate, pmt, pv, fv, (int)type);
        }
        catch (OverflowException e)
        {
            throw new OverflowException(Resources.Localized.Format(Resources.LibraryText.Err_TvmBeyondRange, "NPER", Args(rate, pmt, pv, fv, (int)type)), e);
        }
    }

    /// <summary>A quarter of <see cref="decimal.MaxValue"/>, rounded down: 1.9·10²⁸.</summary>
    private const decimal QuarterOfMax = 19_000_000_000_000_000_000_000_000_000m;

    private static decimal NPerCore(decimal rate, decimal pmt, decimal pv, decimal fv, int type)
    {
        if (rate == 0m)
        {
            if (pmt == 0m)
            {
                throw NoNPer(rate, pmt, pv, fv, (PaymentTiming)type, Resources.LibraryText.Err_TvmNPerZeroRate);
            }

            // pv + fv leaves the decimal range only when both have the same sign: then the two quotients do not cancel.
            return Math.Abs(pv) <= QuarterOfMax && Math.Abs(fv) <= QuarterOfMax ? -(pv + fv) / pmt : -(pv / pmt) - (fv / pmt);
        }

        // Only the ratios of the amounts matter. With every amount at most a quarter of decimal.MaxValue no sum below
        // can overflow (each is at most 2·|pmt| + |pv| or 2·|pmt| + |fv|); beyond that, divide them all by 10 (which
        // only moves the decimal point, losing digits below 10⁻²⁸ that are 10⁻⁵⁶ of the largest).
        decimal p = pmt, a = pv, f = fv;
        if (Math.Max(Math.Abs(p), Math.Max(Math.Abs(a), Math.Abs(f))) > QuarterOfMax)
        {
            (p, a, f) = (p / 10m, a / 10m, f / 10m);
        }

        // The ratio (z − fv·r)/(z + pv·r), z = pmt·(1 + r·type), with numerator and denominator divided by r when
        // r ≥ 1 (w = 1/r), so that neither grows with the rate: every term is at most 2·|pmt|, |pv| or |fv|.
        bool large = rate >= 1m;
        decimal w = large ? 1m / rate : 1m;
        decimal rw = large ? 1m : rate;
        decimal zw = p * (w + (type * rw));
        decimal denominator = zw + (a * rw);
        decimal numerator = zw - (f * rw);
        if (denominator == 0m || numerator == 0m || (numerator > 0m) != (denominator > 0m))
        {
            throw NoNPer(rate, pmt, pv, fv, (PaymentTiming)type, Resources.LibraryText.Err_TvmNPerNeverReaches);
        }

        // ratio = 1 + x. Near 1: NPER = ln(1 + x)/ln(1 + r) = (x/r)·L(x)/L(r) with L(y) = ln(1 + y)/y, and x/r formed
        // without dividing by r, so a tiny rate loses nothing. For r ≥ 1, ln(1 + r) ≥ ln 2 is divided last.
        decimal x = -rw * (a + f) / denominator;
        if (x is > -0.5m and < 1m)
        {
            return large
                ? x * DecimalMath.Ln1pOverX(x) / DecimalMath.Ln1p(rate)
                : -(a + f) / denominator * (DecimalMath.Ln1pOverX(x) / DecimalMath.Ln1pOverX(rate));
        }

        // Otherwise |ln(ratio)| ≥ ln 2: the logarithm of the quotient taken ≥ 1 (all its digits significant), or,
        // beyond 10^12, the difference of the two logarithms (the quotient could leave the decimal range).
        decimal n = Math.Abs(numerator), d = Math.Abs(denominator);
        decimal log = n >= d
            ? (n / 1_000_000_000_000m <= d ? DecimalMath.Ln(n / d) : DecimalMath.Ln(n) - DecimalMath.Ln(d))
            : (d / 1_000_000_000_000m <= n ? -DecimalMath.Ln(d / n) : DecimalMath.Ln(n) - DecimalMath.Ln(d));
        return log / rate / DecimalMath.Ln1pOverX(rate);
    }

    /// <summary>
    /// The interest rate per period at which a present value, <paramref name="nper"/> payments and a final value
    /// balance (Excel <c>RATE</c>). Solved by bracketing (a scan outwards from the guess over rates from −1 + 10⁻¹²
    /// to 10⁶) and then Brent's method in decimal, to about 10⁻²⁵ relative; it does not give up where a root exists.
    /// With several roots it returns the one nearest the guess. <c>Tvm.Rate(48, -200m, 8000m)</c> = 0.0077014724882….
    /// </summary>
    /// <param name="nper">The number of payments, at least 1.</param>
    /// <param name="pmt">The payment per period.</param>
    /// <param name="pv">The present value.</param>
    /// <param name="fv">The value after the last payment, 0 by default.</param>
    /// <param name="type">When payments fall due.</param>
    /// <param name="guess">Where to start looking, 0.1 (10%) by default as in Excel; greater than −1.</param>
    /// <returns>The rate per period as a fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">nper &lt; 1, guess ≤ −1 or an undefined timing; or
    /// |pv| + nper·|pmt| + |fv| (the flows' undiscounted size) exceeds <see cref="CashFlows.MaxFlowTotal"/>, 10²⁸: then
    /// <c>ParamName</c> is whichever of pv, pmt (times nper) and fv contributes most and <c>ActualValue</c> its value.</exception>
    /// <exception cref="NoSolutionException">No rate above −1 balances the flows (Excel's <c>#NUM!</c>).</exception>
    public static decimal Rate(int nper, decimal pmt, decimal pv, decimal fv = 0m, PaymentTiming type = PaymentTiming.EndOfPeriod, decimal guess = 0.1m)
    {
        CheckPeriods(nper, nameof(nper), 1);
        CheckTiming(type);
        if (guess <= -1m)
        {
            throw new ArgumentOutOfRangeException(nameof(guess), guess,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmGuess, Format(guess)));
        }

        CheckRateSize(nper, pmt, pv, fv);
        int t = (int)type;
        decimal Residual(decimal r)
        {
            // P ≤ 1, R ≤ 1 and (1 + r·type)·Q ≤ nper at every r (Q is a sum of nper powers of (1+r)^±1 that are ≤ 1),
            // so each term is at most its amount times nper: formed in this order, nothing exceeds the checked size.
            Factors f = Factors.Continuous(r, nper);
            return (pv * f.P) + (pmt * ((1m + (r * t)) * f.Q)) + (fv * f.R);
        }

        if (!RootFinder.TrySolve(Residual, guess, out decimal root))
        {
            throw new NoSolutionException(Resources.Localized.Format(Resources.LibraryText.Err_TvmNoSolution, "RATE", Args(nper, pmt, pv, fv, t),
                Resources.LibraryText.Err_TvmRateNoRoot));
        }

        return root;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /// <summary>RATE's size check: |pv| + nper·|pmt| + |fv| ≤ <see cref="CashFlows.MaxFlowTotal"/>, naming the largest part.</summary>
    private static void CheckRateSize(int nper, decimal pmt, decimal pv, decimal fv)
    {
        decimal? payments = FlowTotal.Times(nper, pmt);
        decimal? total = FlowTotal.Add(FlowTotal.Add(pv, payments), fv);
        if (total is { } t && t <= CashFlows.MaxFlowTotal)
        {
            return;
        }

        (string name, decimal value) = payments is not { } p || (p >= Math.Abs(pv) && p >= Math.Abs(fv)) ? (nameof(pmt), pmt)
            : Math.Abs(pv) >= Math.Abs(fv) ? (nameof(pv), pv)
            : (nameof(fv), fv);
        FlowTotal.Check(total, name, value, "RATE", Resources.LibraryText.Err_CashFlowSumRate);
    }

    internal static decimal PmtCore(decimal rate, int nper, decimal pv, decimal fv, PaymentTiming type)
    {
        Factors f = Factors.Best(rate, nper);
        return -((pv * f.P) + (fv * f.R)) / ((1m + (rate * (int)type)) * f.Q);
    }

    private static decimal FvCore(decimal rate, int nper, decimal pmt, decimal pv, PaymentTiming type)
    {
        Factors f = Factors.Growth(rate, nper);
        return -((pv * f.P) + (pmt * (1m + (rate * (int)type)) * f.Q));
    }

    /// <summary>
    /// IPMT: the balance after per − 1 payments times the rate (Excel's and numpy-financial's rule; with payments
    /// at the beginning, discounted one period, and 0 for the first payment).
    /// </summary>
    private static decimal InterestPart(decimal rate, int per, int nper, decimal pv, decimal fv, PaymentTiming type)
    {
        if (type == PaymentTiming.BeginningOfPeriod && per == 1)
        {
            return 0m;
        }

        decimal interest = -Balance(rate, per - 1, nper, pv, fv) * rate;
        return type == PaymentTiming.BeginningOfPeriod ? interest / (1m + rate) : interest;
    }

    /// <summary>
    /// The balance after k of n payments, −FV(rate, k, PMT(rate, n, pv, fv), pv), in a form that neither forms the
    /// payment nor cancels: (pv·(1+r)^k·s(n−k) − fv·s(k)) / s(n) with s(m) = ((1+r)^m − 1)/r, or, where (1+r)^n
    /// could overflow, (pv·a(n−k) − fv·a(k)·(1+r)^−(n−k)) / a(n) with a(m) = (1 − (1+r)^−m)/r. It does not
    /// depend on the payment timing.
    /// </summary>
    private static decimal Balance(decimal rate, int k, int n, decimal pv, decimal fv)
    {
        if (rate <= 0m || rate * n <= Factors.GrowthLimit)
        {
            Factors whole = Factors.Growth(rate, n), done = Factors.Growth(rate, k), left = Factors.Growth(rate, n - k);
            return ((pv * done.P * left.Q) - (fv * done.Q)) / whole.Q;
        }

        Factors wholeD = Factors.Discount(rate, n), doneD = Factors.Discount(rate, k), leftD = Factors.Discount(rate, n - k);
        return ((pv * leftD.Q) - (fv * doneD.Q * leftD.R)) / wholeD.Q;
    }

    private static decimal CumulativeInterest(decimal rate, int nper, decimal pv, int startPeriod, int endPeriod, PaymentTiming type)
    {
        decimal sum = 0m;
        for (int per = startPeriod; per <= endPeriod; per++)
        {
            sum += InterestPart(rate, per, nper, pv, 0m, type);
        }

        return sum;
    }

    private static decimal CheckCumulative(decimal rate, int nper, decimal pv, int startPeriod, int endPeriod, PaymentTiming type)
    {
        if (rate <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmCumulativeRate, Format(rate)));
        }

        CheckPeriods(nper, nameof(nper), 1);
        if (pv <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(pv), pv,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmCumulativePv, Format(pv)));
        }

        CheckPeriod(startPeriod, nameof(startPeriod), nper);
        if (endPeriod < startPeriod || endPeriod > nper)
        {
            throw new ArgumentOutOfRangeException(nameof(endPeriod), endPeriod,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmEndPeriod, startPeriod, nper, endPeriod));
        }

        CheckTiming(type);
        return PmtCore(rate, nper, pv, 0m, type);
    }

    private static NoSolutionException NoNPer(decimal rate, decimal pmt, decimal pv, decimal fv, PaymentTiming type, string why) =>
        new(Resources.Localized.Format(Resources.LibraryText.Err_TvmNoSolution, "NPER", Args(rate, pmt, pv, fv, (int)type), why));

    internal static void CheckRate(decimal rate, string name = "rate")
    {
        if (rate <= -1m)
        {
            throw new ArgumentOutOfRangeException(name, rate,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmRate, Format(rate)));
        }
    }

    private static void CheckPeriods(int nper, string name, int min)
    {
        if (nper < min)
        {
            throw new ArgumentOutOfRangeException(name, nper,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmPeriods, min, nper));
        }
    }

    private static void CheckPeriod(int per, string name, int nper)
    {
        if (per < 1 || per > nper)
        {
            throw new ArgumentOutOfRangeException(name, per, Resources.Localized.Format(Resources.LibraryText.Err_TvmPeriod, nper, per));
        }
    }

    private static void CheckTiming(PaymentTiming type)
    {
        if (type is not (PaymentTiming.EndOfPeriod or PaymentTiming.BeginningOfPeriod))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type,
                Resources.Localized.Format(Resources.LibraryText.Err_TvmTiming, (int)type));
        }
    }

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Args(params decimal[] values) => string.Join(", ", values.Select(Format));

    /// <summary>
    /// The TVM equation divided by a positive λ: <c>pv·P + pmt·(1 + r·type)·Q + fv·R = 0</c>. Growth form (λ = 1):
    /// P = (1+r)ⁿ, Q = ((1+r)ⁿ − 1)/r (n at r = 0), R = 1. Discount form (λ = (1+r)ⁿ, for r &gt; 0 where (1+r)ⁿ
    /// could overflow): P = 1, Q = (1 − (1+r)⁻ⁿ)/r, R = (1+r)⁻ⁿ. Both are built by doubling with only positive
    /// terms, so nothing cancels, even at tiny rates.
    /// </summary>
    private readonly record struct Factors(decimal P, decimal Q, decimal R)
    {
        /// <summary>Up to r·n = 40, (1+r)ⁿ ≤ e⁴⁰ ≈ 2.4e17 and s ≤ n·(1+r)ⁿ stay far inside the decimal range.</summary>
        internal const decimal GrowthLimit = 40m;

        /// <summary>The growth form unless it could overflow.</summary>
        internal static Factors Best(decimal r, int n) => r > 0m && r * n > GrowthLimit ? Discount(r, n) : Growth(r, n);

        /// <summary>Growth form for r ≤ 0, discount form for r &gt; 0: continuous in r (both equal at 0), for solving.</summary>
        internal static Factors Continuous(decimal r, int n) => r > 0m ? Discount(r, n) : Growth(r, n);

        internal static Factors Growth(decimal r, int n)
        {
            decimal onePlus = 1m + r;
            decimal c = 1m; // (1+r)^k, from k = 0
            decimal s = 0m; // ((1+r)^k − 1)/r
            for (int bit = 31 - BitOperations.LeadingZeroCount((uint)n); bit >= 0 && n > 0; bit--)
            {
                s *= 2m + (r * s); // k → 2k: s(1 + (1+r)^k)
                c *= c;
                if (((n >> bit) & 1) == 1)
                {
                    s = 1m + (s * onePlus); // k → k + 1
                    c *= onePlus;
                }
            }

            return new Factors(c, s, 1m);
        }

        internal static Factors Discount(decimal r, int n)
        {
            decimal d = 1m / (1m + r);
            decimal v = 1m; // (1+r)^-k
            decimal a = 0m; // (1 − (1+r)^-k)/r = d + d² + … + d^k
            for (int bit = 31 - BitOperations.LeadingZeroCount((uint)n); bit >= 0 && n > 0; bit--)
            {
                a *= 1m + v; // k → 2k
                v *= v;
                if (((n >> bit) & 1) == 1)
                {
                    a = d * (1m + a); // k → k + 1
                    v *= d;
                }
            }

            return new Factors(1m, a, v);
        }
    }
}
