using System.Text.Json.Serialization;
using System.Numerics;

namespace MortgageMath;

/// <summary>How a total-interest figure is formed. Published calculators disagree; each figure is named.</summary>
public enum TotalInterestConvention
{
    /// <summary>"Formula total": the unrounded payment × periods − principal, rounded once (100万, 4.9%, 30y: 910,616.19).
    /// For equal principal: P·i·(n+1)/2, rounded once.</summary>
    Formula = 0,

    /// <summary>"Rounded-payment total": the rounded payment × periods − principal (100万, 4.9%, 30y: 910,617.20).
    /// Equal installment only.</summary>
    RoundedPayment = 1,

    /// <summary>The exact schedule: the sum of each row's rounded interest, with the last payment settling the residue (910,615.12).</summary>
    Schedule = 2,
}

/// <summary>
/// The figures a published mortgage calculator prints for a loan, computed exactly from the formulas and rounded
/// once by the loan's policy, beside the exact schedule's totals. Formula figures assume regular monthly periods at
/// the rate in force at disbursement (they ignore an odd first period and later rate changes); the schedule's figures
/// do not.
/// </summary>
public sealed partial class LoanQuote
{
    private LoanQuote(Loan loan, decimal payment, decimal exactPayment, decimal? monthlyDecrease, decimal? exactMonthlyDecrease,
        decimal lastFormulaPayment, decimal formulaTotalInterest, decimal? roundedPaymentTotalInterest, decimal scheduleTotalInterest,
        decimal? balloonPayment = null, decimal? paymentAfterInterestOnly = null)
    {
        BalloonPayment = balloonPayment;
        PaymentAfterInterestOnly = paymentAfterInterestOnly;
        Loan = loan;
        Payment = payment;
        ExactPayment = exactPayment;
        MonthlyDecrease = monthlyDecrease;
        ExactMonthlyDecrease = exactMonthlyDecrease;
        LastFormulaPayment = lastFormulaPayment;
        FormulaTotalInterest = formulaTotalInterest;
        RoundedPaymentTotalInterest = roundedPaymentTotalInterest;
        ScheduleTotalInterest = scheduleTotalInterest;
    }

    /// <summary>The loan quoted.</summary>
    [JsonIgnore] // the caller has the loan; serialized results leave it out (docs/export.md)
    public Loan Loan { get; }

    /// <summary>The monthly payment calculators print: the rounded annuity payment (equal installment), or the first
    /// month's payment P/n + P·i, rounded (equal principal).</summary>
    public decimal Payment { get; }

    /// <summary><see cref="Payment"/> before rounding, to about 28 significant digits.</summary>
    public decimal ExactPayment { get; }

    /// <summary>Equal principal only: how much the payment falls each month, (P/n)·i, rounded; null for equal installment.</summary>
    public decimal? MonthlyDecrease { get; }

    /// <summary>Equal principal only: <see cref="MonthlyDecrease"/> before rounding; null for equal installment.</summary>
    public decimal? ExactMonthlyDecrease { get; }

    /// <summary>The last payment by the formula: the regular payment (equal installment), or P/n + (P/n)·i (equal
    /// principal). The exact schedule's last payment (<see cref="Schedule.Last"/>) also settles the rounding residue.</summary>
    public decimal LastFormulaPayment { get; }

    /// <summary>Balloon loans only: the final payment by the formula, the regular payment plus the balance left after
    /// the regular payments (TV-10: 6,599.56 + 834,548.63 = 841,148.19); null otherwise.</summary>
    public decimal? BalloonPayment { get; }

    /// <summary>Interest-first loans only: the payment once amortization starts (TV-10: 4,673.00 after 24 months at
    /// 2,916.67; for equal principal, the first amortizing payment), 0 when the minimum principal repays the loan
    /// within the interest-only periods (as the schedule does); null otherwise.</summary>
    public decimal? PaymentAfterInterestOnly { get; }

    /// <summary>Total interest by <see cref="TotalInterestConvention.Formula"/>.</summary>
    public decimal FormulaTotalInterest { get; }

    /// <summary>Total interest by <see cref="TotalInterestConvention.RoundedPayment"/>; null for equal principal.</summary>
    public decimal? RoundedPaymentTotalInterest { get; }

    /// <summary>Total interest by <see cref="TotalInterestConvention.Schedule"/>.</summary>
    public decimal ScheduleTotalInterest { get; }

    /// <summary>Total interest by the named convention.</summary>
    /// <param name="convention">How the total is formed.</param>
    /// <returns>The total interest.</returns>
    /// <exception cref="ArgumentException">The convention does not apply to this loan's method.</exception>
    public decimal TotalInterest(TotalInterestConvention convention) => convention switch
    {
        TotalInterestConvention.Formula => FormulaTotalInterest,
        TotalInterestConvention.Schedule => ScheduleTotalInterest,
        TotalInterestConvention.RoundedPayment => RoundedPaymentTotalInterest ?? throw new ArgumentException(
            Resources.Localized.Format(Resources.LibraryText.Valid_RoundedPaymentTotalMethod, Loan.Method.Name), nameof(convention)),
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, Resources.LibraryText.Valid_TotalInterestConvention),
    };

    internal static LoanQuote For(Loan loan, Schedule schedule)
    {
        long principal = loan.ValidateCombination();
        var rate = new PeriodicRate(schedule.RateChanges[0].AnnualRate);
        decimal scheduleTotal = schedule.TotalInterest;
        return loan.Method switch
        {
            RepaymentMethod.BalloonMethod balloon => Balloon(loan, principal, rate, balloon.AmortizationTerm, scheduleTotal),
            RepaymentMethod.InterestFirstMethod { InterestOnlyPeriods: > 0 } interestFirst =>
                InterestFirst(loan, principal, rate, interestFirst, scheduleTotal),
            RepaymentMethod.InterestFirstMethod plain => Plain(loan, plain.Then, principal, rate, loan.Periods, scheduleTotal),
            _ => Plain(loan, loan.Method, principal, rate, loan.Periods, scheduleTotal),
        };
    }

    private static LoanQuote Plain(Loan loan, RepaymentMethod method, long principal, in PeriodicRate rate, int n, decimal scheduleTotal)
    {
        RoundingMode mode = loan.Rounding.Mode;
        int places = loan.Rounding.DecimalPlaces;
        if (method == RepaymentMethod.EqualPrincipal)
        {
            // first = P/n + P·i = P·(D + n·R)/(n·D); decrease = P·R/(n·D); last = P·(D + R)/(n·D); total = P·R·(n+1)/(2·D)
            BigInteger p = principal;
            BigInteger d = rate.MonthlyDenominator;
            BigInteger r = rate.Mantissa;
            BigInteger firstNum = p * (d + (n * r));
            BigInteger nd = n * d;
            return new LoanQuote(
                loan,
                payment: Minor(FixedPoint.RoundQuotient(firstNum, nd, mode), places),
                exactPayment: Annuity.ToDecimal(firstNum, nd) / FixedPoint.Pow10[places],
                monthlyDecrease: Minor(FixedPoint.RoundQuotient(p * r, nd, mode), places),
                exactMonthlyDecrease: Annuity.ToDecimal(p * r, nd) / FixedPoint.Pow10[places],
                lastFormulaPayment: Minor(FixedPoint.RoundQuotient(p * (d + r), nd, mode), places),
                formulaTotalInterest: Minor(FixedPoint.RoundQuotient(p * r * (n + 1), 2 * d, mode), places),
                roundedPaymentTotalInterest: null,
                scheduleTotalInterest: scheduleTotal);
        }

        long payment = Annuity.Payment(principal, rate, n, mode);
        decimal exactPayment = Annuity.ExactPayment(principal, rate, n) / FixedPoint.Pow10[places];
        BigInteger formulaTotal;
        if (rate.Mantissa == 0)
        {
            formulaTotal = 0;
        }
        else
        {
            (BigInteger num, BigInteger den) = Annuity.Rational(principal, rate, n);
            formulaTotal = FixedPoint.RoundQuotient((n * num) - (principal * den), den, mode);
        }

        return new LoanQuote(
            loan,
            payment: FixedPoint.ToDecimal(payment, places),
            exactPayment: exactPayment,
            monthlyDecrease: null,
            exactMonthlyDecrease: null,
            lastFormulaPayment: FixedPoint.ToDecimal(payment, places),
            formulaTotalInterest: Minor(formulaTotal, places),
            roundedPaymentTotalInterest: FixedPoint.ToDecimal((payment * n) - principal, places),
            scheduleTotalInterest: scheduleTotal);
    }

    /// <summary>
    /// Balloon: the annuity A* over the amortization term Na, paid for n periods; the balance left after them is
    /// Bₙ = P·fⁿ − A*·(fⁿ − 1)/i, exactly [P·Nⁿ·den·R − num·(Nⁿ − Dⁿ)·D] / (den·Dⁿ·R) with A* = num/den.
    /// </summary>
    private static LoanQuote Balloon(Loan loan, long principal, in PeriodicRate rate, int amortization, decimal scheduleTotal)
    {
        RoundingMode mode = loan.Rounding.Mode;
        int places = loan.Rounding.DecimalPlaces;
        int n = loan.Periods;
        long payment = Annuity.Payment(principal, rate, amortization, mode);
        BigInteger num, den, balanceNum, balanceDen;
        if (rate.Mantissa == 0)
        {
            (num, den) = (principal, amortization);
            (balanceNum, balanceDen) = ((BigInteger)principal * (amortization - n), amortization);
        }
        else
        {
            (num, den) = Annuity.Rational(principal, rate, amortization);
            BigInteger d = rate.MonthlyDenominator;
            BigInteger r = rate.Mantissa;
            BigInteger nPow = BigInteger.Pow(d + r, n);
            BigInteger dPow = BigInteger.Pow(d, n);
            balanceNum = (principal * nPow * den * r) - (num * (nPow - dPow) * d);
            balanceDen = den * dPow * r;
        }

        // Balloon = A* + Bₙ; formula interest = n·A* + Bₙ − P (over the common denominator den·balanceDen).
        BigInteger common = den * balanceDen;
        BigInteger balloon = (num * balanceDen) + (balanceNum * den);
        BigInteger interest = (n * num * balanceDen) + (balanceNum * den) - (principal * common);
        return new LoanQuote(
            loan,
            payment: FixedPoint.ToDecimal(payment, places),
            exactPayment: Annuity.ExactPayment(principal, rate, amortization) / FixedPoint.Pow10[places],
            monthlyDecrease: null,
            exactMonthlyDecrease: null,
            lastFormulaPayment: Minor(FixedPoint.RoundQuotient(balloon, common, mode), places),
            formulaTotalInterest: Minor(FixedPoint.RoundQuotient(interest, common, mode), places),
            roundedPaymentTotalInterest: null,
            scheduleTotalInterest: scheduleTotal,
            balloonPayment: Minor(FixedPoint.RoundQuotient(balloon, common, mode), places));
    }

    /// <summary>
    /// Interest first: k interest-only periods repaying m each (or what is left, when m repays the loan within them,
    /// as the schedule does), their interest as charged (round(Bⱼ·i) on each period's opening balance Bⱼ), then the
    /// plain quote of what is left over the remaining n − k periods (TV-10: 24 × 2,916.67 + 570,127.39 = 640,127.47).
    /// </summary>
    private static LoanQuote InterestFirst(Loan loan, long principal, in PeriodicRate rate, RepaymentMethod.InterestFirstMethod method, decimal scheduleTotal)
    {
        RoundingMode mode = loan.Rounding.Mode;
        int places = loan.Rounding.DecimalPlaces;
        int k = method.InterestOnlyPeriods;
        FixedPoint.TryToMinor(method.MinimumPrincipal, places, out long minimum);

        // Formula total: the interest-only periods' interest as charged (each a regular month, rounded: TV-10's
        // 24 × 2,916.67), plus the amortizing phase's formula total (rounded once).
        long ioInterest = 0;
        long rest = principal;
        for (int j = 0; j < k; j++)
        {
            ioInterest += rate.MonthlyInterest(rest, mode);
            rest -= Math.Min(minimum, rest);
        }

        LoanQuote after = Plain(loan, method.Then, rest, rate, loan.Periods - k, scheduleTotal);
        long firstPrincipal = Math.Min(minimum, principal);
        long firstInterest = rate.MonthlyInterest(principal, mode);

        // P·i exactly as whole minor units plus a fraction below one (P·R alone can pass decimal's range).
        BigInteger whole = BigInteger.DivRem(principal * (BigInteger)rate.Mantissa, rate.MonthlyDenominator, out BigInteger remainder);
        decimal exactInterest = (decimal)whole + ((decimal)remainder / rate.MonthlyDenominator);
        BigInteger total = ioInterest + (BigInteger)(after.FormulaTotalInterest * FixedPoint.Pow10[places]);
        return new LoanQuote(
            loan,
            payment: FixedPoint.ToDecimal(firstPrincipal + firstInterest, places),
            exactPayment: (firstPrincipal + exactInterest) / FixedPoint.Pow10[places],
            monthlyDecrease: null,
            exactMonthlyDecrease: null,
            lastFormulaPayment: after.LastFormulaPayment,
            formulaTotalInterest: Minor(total, places),
            roundedPaymentTotalInterest: null,
            scheduleTotalInterest: scheduleTotal,
            paymentAfterInterestOnly: after.Payment);
    }

    private static decimal Minor(BigInteger minor, int places) => FixedPoint.ToDecimal((long)minor, places);
}
