using System.Text.Json.Serialization;
using System.Globalization;
using System.Numerics;

namespace MortgageMath;

/// <summary>
/// The closed-form figures a published calculator prints for one partial prepayment (提前还款计算器): the unrounded
/// payment, balances and interest of the formulas, computed exactly (as rationals) and rounded once by the loan's
/// rounding policy. They assume regular months at the loan's fixed rate (no odd first period, no prepayment between
/// due dates) and differ from the bank's schedule by cents; the schedule's figures are in
/// <see cref="PrepaymentComparison"/>. Create with <see cref="AfterPayment"/>.
/// </summary>
/// <example>
/// <code>
/// var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
/// var quote = PrepaymentQuote.AfterPayment(loan, 12, 200_000m, PrepaymentOption.ShortenTerm);
/// // quote.RemainingPeriods == 228, quote.NewPayment == 5297.25m, quote.InterestSaved == 439155.64m
/// </code>
/// </example>
public sealed partial class PrepaymentQuote
{
    private const int LogDigits = 40;

    private PrepaymentQuote(Loan loan, int paymentsMade, decimal amount, PrepaymentOption option)
    {
        Loan = loan;
        PaymentsMade = paymentsMade;
        Amount = amount;
        Option = option;
    }

    /// <summary>The loan quoted.</summary>
    [JsonIgnore] // the caller has the loan; serialized results leave it out (docs/export.md)
    public Loan Loan { get; }

    /// <summary>The number of regular payments made before the prepayment.</summary>
    public int PaymentsMade { get; }

    /// <summary>The principal prepaid.</summary>
    public decimal Amount { get; }

    /// <summary>What the prepayment does to the rest of the loan.</summary>
    public PrepaymentOption Option { get; }

    /// <summary>The closed-form balance after <see cref="PaymentsMade"/> payments: P·f^k − A*·(f^k − 1)/i with the
    /// unrounded payment A* (equal installment), or P − k·P/n (equal principal); calculator figure, rounded once.</summary>
    public decimal BalanceBefore { get; private init; }

    /// <summary>The closed-form balance after the prepayment: <see cref="BalanceBefore"/> − <see cref="Amount"/>
    /// (before rounding); calculator figure.</summary>
    public decimal BalanceAfter { get; private init; }

    /// <summary>The interest still to pay without the prepayment, by the formula (A*·(n − k) − balance for equal
    /// installment; i·(P/n)·m(m+1)/2 with m = n − k for equal principal); calculator figure.</summary>
    public decimal RemainingInterestWithout { get; private init; }

    /// <summary>The interest still to pay after the prepayment, by the formula; calculator figure.</summary>
    public decimal RemainingInterestWith { get; private init; }

    /// <summary>The number of payments left after the prepayment (the whole periods the new plan takes).</summary>
    public int RemainingPeriods { get; private init; }

    /// <summary>How many payments fewer than without the prepayment (n − k − <see cref="RemainingPeriods"/>); negative
    /// when a <see cref="PrepaymentOption.NewTerm"/> lengthens the loan.</summary>
    public int PeriodsSaved { get; private init; }

    /// <summary>
    /// The term before rounding up to whole periods, to two decimals, for the options that shorten the term: for
    /// equal installment n* = −ln(1 − P'·i/A*)/ln(1 + i) (computed in 40-digit integer arithmetic), for equal
    /// principal P'/(P/n). Null for <see cref="PrepaymentOption.LowerPayment"/> and a new term.
    /// </summary>
    public decimal? ExactRemainingPeriods { get; private init; }

    /// <summary>The first payment after the prepayment: the new annuity payment (equal installment; the unchanged A*
    /// when keeping the payment), or the new first month's principal + interest (equal principal); calculator figure.</summary>
    public decimal NewPayment { get; private init; }

    /// <summary>The last payment by the formula: the regular one, or, when the term is shortened keeping the payment
    /// (or equal principal ends with a smaller part), the smaller final payment; calculator figure.</summary>
    public decimal LastPayment { get; private init; }

    /// <summary><see cref="RemainingInterestWithout"/> − <see cref="RemainingInterestWith"/>, formed exactly and
    /// rounded once; calculator figure.</summary>
    public decimal InterestSaved { get; private init; }

    /// <summary>
    /// The calculator's figures for prepaying <paramref name="amount"/> right after regular payment
    /// <paramref name="paymentsMade"/> of a fixed-rate loan, with the option chosen.
    /// </summary>
    /// <param name="loan">A fixed-rate loan (its <see cref="Loan.RatePlan"/> must be a fixed rate).</param>
    /// <param name="paymentsMade">The regular payments made before the prepayment, 0 to <see cref="Loan.Periods"/> − 1.</param>
    /// <param name="amount">The principal prepaid: more than 0 and less than the closed-form balance then.</param>
    /// <param name="option">Lower the payment, shorten the term (either variant) or a new term.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loan"/> or <paramref name="option"/> is null.</exception>
    /// <exception cref="ArgumentException">The loan's rate is not fixed, or its terms do not fit together.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="paymentsMade"/> or <paramref name="amount"/> is
    /// outside its range, or a new term would make the loan longer than <see cref="Loan.MaxPeriods"/>; the message
    /// names it, its value and the range.</exception>
    public static PrepaymentQuote AfterPayment(Loan loan, int paymentsMade, decimal amount, PrepaymentOption option)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(option);
        if (loan.RatePlan is not FixedRatePlan fixedPlan)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_QuoteNeedsFixed, loan.RatePlan),
                nameof(loan));
        }

        long principal = loan.ValidateCombination();
        int n = loan.Periods;
        if (paymentsMade < 0 || paymentsMade > n - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(paymentsMade), paymentsMade,
                Resources.Localized.Format(Resources.LibraryText.Valid_PaymentsMadeRange, n - 1, n, paymentsMade));
        }

        if (option is PrepaymentOption.NewTermOption newTerm && paymentsMade + newTerm.RemainingPeriods > Loan.MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(option), paymentsMade + newTerm.RemainingPeriods,
                Resources.Localized.Format(Resources.LibraryText.Valid_QuoteNewTermTooLong, newTerm.RemainingPeriods, paymentsMade, paymentsMade + newTerm.RemainingPeriods, Loan.MaxPeriods, Loan.MaxPeriods - paymentsMade));
        }

        var rate = new PeriodicRate(fixedPlan.Rate);
        int places = loan.Rounding.DecimalPlaces;
        var terms = new Terms(principal, rate, n, loan.Rounding.Mode, places);
        bool equalPrincipal = loan.Method == RepaymentMethod.EqualPrincipal;
        Fraction before = equalPrincipal ? terms.EqualPrincipalBalance(paymentsMade) : terms.AnnuityBalance(paymentsMade);

        (BigInteger amountMantissa, int amountScale) = FixedPoint.Decompose(amount);
        var prepaid = new Fraction(amountMantissa * BigInteger.Pow(10, places), BigInteger.Pow(10, amountScale));
        if (amount <= 0m || prepaid.CompareTo(before) >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, 
                Resources.Localized.Format(Resources.LibraryText.Valid_QuoteAmountRange, paymentsMade, terms.Money(before), amount));
        }

        Fraction after = before - prepaid;
        var quote = new PrepaymentQuote(loan, paymentsMade, amount, option)
        {
            BalanceBefore = terms.Money(before),
            BalanceAfter = terms.Money(after),
        };
        return equalPrincipal
            ? terms.EqualPrincipal(quote, before, after)
            : terms.EqualInstallment(quote, before, after, prepaid);
    }

    /// <summary>The loan's terms in exact form: amounts in minor units as rationals, f = 1 + i = N/D, i = R/D.</summary>
    private sealed class Terms
    {
        private readonly BigInteger _r;
        private readonly BigInteger _d;
        private readonly BigInteger _n;
        private readonly int _periods;
        private readonly RoundingMode _mode;
        private readonly int _places;
        private readonly Dictionary<int, (BigInteger N, BigInteger D)> _powers = [];

        internal Terms(long principal, in PeriodicRate rate, int periods, RoundingMode mode, int places)
        {
            _r = rate.Mantissa;
            _d = rate.MonthlyDenominator;
            _n = _d + _r;
            _periods = periods;
            _mode = mode;
            _places = places;
            Principal = new Fraction(principal, 1);
            AnnuityPayment = Payment(Principal, periods);
        }

        internal Fraction Principal { get; }

        /// <summary>A*, the unrounded equal-installment payment of the loan.</summary>
        internal Fraction AnnuityPayment { get; }

        private Fraction I => new(_r, _d);

        /// <summary>A rational amount of minor units, rounded once, as a decimal amount.</summary>
        internal decimal Money(Fraction value) =>
            FixedPoint.ToDecimal((long)FixedPoint.RoundQuotient(value.Num, value.Den, _mode), _places);

        // ---------------- equal installment

        internal PrepaymentQuote EqualInstallment(PrepaymentQuote quote, Fraction before, Fraction after, Fraction prepaid)
        {
            Fraction a = AnnuityPayment;
            int left = _periods - quote.PaymentsMade;
            Fraction paidWithout = a * left;
            int periods;
            Fraction first;
            Fraction last;
            Fraction paidWith; // the payments still to make after the prepayment
            decimal? exactPeriods = null;
            PrepaymentOption option = quote.Option;
            if (option == PrepaymentOption.LowerPayment || option is PrepaymentOption.NewTermOption)
            {
                periods = option is PrepaymentOption.NewTermOption newTerm ? newTerm.RemainingPeriods : left;
                first = Payment(after, periods);
                last = first;
                paidWith = first * periods;
            }
            else
            {
                periods = FewestPeriods(after, a, left);
                exactPeriods = ExactTerm(after, a, periods);
                if (option == PrepaymentOption.ShortenTerm)
                {
                    first = Payment(after, periods);
                    last = first;
                    paidWith = first * periods;
                }
                else
                {
                    // Keep A* exactly: periods − 1 payments of A*, the last one the balance left plus a month's interest.
                    // The balance after j more payments of A* is the loan's B(k + j) less the prepayment grown by f^j.
                    int j = periods - 1;
                    last = (AnnuityBalance(quote.PaymentsMade + j) - (prepaid * Growth(j))) * Growth(1);
                    first = periods == 1 ? last : a;
                    paidWith = (a * (periods - 1)) + last;
                }
            }

            // Interest = payments − balance, so the saving is (paid without − paid with) − the amount prepaid.
            return Finish(quote, paidWithout - before, paidWith - after, paidWithout - paidWith - prepaid, periods, first, last, exactPeriods);
        }

        /// <summary>The loan's closed-form balance after k payments of A*: P·f^k − A*·(f^k − 1)/i, which is
        /// P·(N^n − N^k·D^(n−k))/(N^n − D^n), or P·(n − k)/n at 0%.</summary>
        internal Fraction AnnuityBalance(int k)
        {
            if (_r.IsZero)
            {
                return EqualPrincipalBalance(k);
            }

            (BigInteger nPowN, BigInteger dPowN) = Power(_periods);
            (BigInteger nPowK, _) = Power(k);
            (_, BigInteger dPowRest) = Power(_periods - k);
            return new Fraction(Principal.Num * (nPowN - (nPowK * dPowRest)), nPowN - dPowN);
        }

        /// <summary>The unrounded annuity payment on a balance over m periods: B·i·f^m/(f^m − 1), or B/m at 0%.</summary>
        private Fraction Payment(Fraction balance, int m)
        {
            if (_r.IsZero)
            {
                return balance / new Fraction(m, 1);
            }

            (BigInteger nPow, BigInteger dPow) = Power(m);
            return Fraction.Reduced(balance.Num * _r * nPow, balance.Den * _d * (nPow - dPow));
        }

        /// <summary>The fewest periods m ≤ <paramref name="left"/> with Payment(balance, m) ≤ payment.</summary>
        private int FewestPeriods(Fraction balance, Fraction payment, int left)
        {
            int low = 1;
            int high = left;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (Payment(balance, middle).CompareTo(payment) <= 0)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        /// <summary>
        /// n* with Payment(balance, n*) = payment, to two decimals: f^n* = q = A/(A − B·i), and with m = ⌈n*⌉,
        /// n* = (m − 1) + ln(q/f^(m−1))/ln f, both logarithms of numbers in (1, f], by the atanh series in
        /// 40-digit integer arithmetic.
        /// </summary>
        private decimal ExactTerm(Fraction balance, Fraction payment, int wholePeriods)
        {
            if (_r.IsZero)
            {
                return Round2(balance / payment);
            }

            Fraction q = payment / (payment - (balance * I));
            (BigInteger nPow, BigInteger dPow) = Power(wholePeriods - 1);
            BigInteger rest = q.Num * dPow;
            BigInteger restDen = q.Den * nPow;
            BigInteger logRest = Log(rest, restDen);
            BigInteger logGrowth = Log(_n, _d);
            BigInteger hundredths = FixedPoint.RoundQuotient(((wholePeriods - 1) * logGrowth * 100) + (logRest * 100), logGrowth, RoundingMode.HalfUp);
            return FixedPoint.ToDecimal((long)hundredths, 2);
        }

        /// <summary>ln(num/den) × 10^40 for num/den ≥ 1 near 1: 2·atanh(z), z = (num − den)/(num + den).</summary>
        private static BigInteger Log(BigInteger num, BigInteger den)
        {
            BigInteger scale = BigInteger.Pow(10, LogDigits + 5);
            BigInteger z = num - den == 0 ? 0 : FixedPoint.RoundQuotient((num - den) * scale, num + den, RoundingMode.HalfEven);
            BigInteger z2 = z * z / scale;
            BigInteger term = z;
            BigInteger sum = 0;
            for (int k = 1; !term.IsZero; k += 2)
            {
                sum += term / k;
                term = term * z2 / scale;
            }

            return 2 * sum / BigInteger.Pow(10, 5);
        }

        // ---------------- equal principal

        /// <summary>P − k·P/n.</summary>
        internal Fraction EqualPrincipalBalance(int k) => Principal * new Fraction(_periods - k, _periods);

        internal PrepaymentQuote EqualPrincipal(PrepaymentQuote quote, Fraction before, Fraction after)
        {
            Fraction part = Principal / new Fraction(_periods, 1); // P/n
            int left = _periods - quote.PaymentsMade;
            Fraction without = LinearInterest(before, before / new Fraction(left, 1), left);
            PrepaymentOption option = quote.Option;
            int periods;
            Fraction newPart;
            decimal? exactPeriods = null;
            if (option == PrepaymentOption.LowerPayment || option is PrepaymentOption.NewTermOption)
            {
                periods = option is PrepaymentOption.NewTermOption newTerm ? newTerm.RemainingPeriods : left;
                newPart = after / new Fraction(periods, 1);
            }
            else
            {
                Fraction ratio = after / part;
                exactPeriods = Round2(ratio);
                periods = (int)BigInteger.Divide(ratio.Num + ratio.Den - 1, ratio.Den); // ⌈P'/(P/n)⌉ ≤ left
                newPart = part;
            }

            Fraction firstPart = periods == 1 ? after : newPart;
            Fraction lastPart = after - (newPart * new Fraction(periods - 1, 1));
            Fraction first = firstPart + (after * I);
            Fraction last = lastPart * Growth(1);
            Fraction with = LinearInterest(after, newPart, periods);
            return Finish(quote, without, with, without - with, periods, first, last, exactPeriods);
        }

        /// <summary>i·Σ_{j&lt;m}(B − j·part) = i·(m·B − part·m(m − 1)/2): the interest of repaying B by a fixed principal part.</summary>
        private Fraction LinearInterest(Fraction balance, Fraction part, int m) =>
            I * ((balance * new Fraction(m, 1)) - (part * new Fraction((long)m * (m - 1), 2)));

        // ---------------- shared

        private PrepaymentQuote Finish(PrepaymentQuote quote, Fraction without, Fraction with, Fraction saved, int periods, Fraction first, Fraction last, decimal? exactPeriods) =>
            new(quote.Loan, quote.PaymentsMade, quote.Amount, quote.Option)
            {
                BalanceBefore = quote.BalanceBefore,
                BalanceAfter = quote.BalanceAfter,
                RemainingInterestWithout = Money(without),
                RemainingInterestWith = Money(with),
                RemainingPeriods = periods,
                PeriodsSaved = _periods - quote.PaymentsMade - periods,
                ExactRemainingPeriods = exactPeriods,
                NewPayment = Money(first),
                LastPayment = Money(last),
                InterestSaved = Money(saved),
            };

        private static decimal Round2(Fraction value) =>
            FixedPoint.ToDecimal((long)FixedPoint.RoundQuotient(value.Num * 100, value.Den, RoundingMode.HalfUp), 2);

        /// <summary>f^j = N^j/D^j.</summary>
        private Fraction Growth(int j)
        {
            (BigInteger nPow, BigInteger dPow) = Power(j);
            return new Fraction(nPow, dPow);
        }

        private (BigInteger N, BigInteger D) Power(int j)
        {
            if (!_powers.TryGetValue(j, out (BigInteger N, BigInteger D) power))
            {
                power = (BigInteger.Pow(_n, j), BigInteger.Pow(_d, j));
                _powers[j] = power;
            }

            return power;
        }
    }

    /// <summary>An exact rational with a positive denominator.</summary>
    private readonly struct Fraction
    {
        internal Fraction(BigInteger num, BigInteger den)
        {
            if (den.Sign < 0)
            {
                num = -num;
                den = -den;
            }

            Num = num;
            Den = den;
        }

        internal BigInteger Num { get; }

        internal BigInteger Den { get; }

        internal static Fraction Reduced(BigInteger num, BigInteger den)
        {
            return new Fraction(num, den);
        }

        public static Fraction operator +(Fraction a, Fraction b) =>
            a.Den == b.Den ? new Fraction(a.Num + b.Num, a.Den) : Reduced((a.Num * b.Den) + (b.Num * a.Den), a.Den * b.Den);

        public static Fraction operator -(Fraction a, Fraction b) =>
            a.Den == b.Den ? new Fraction(a.Num - b.Num, a.Den) : Reduced((a.Num * b.Den) - (b.Num * a.Den), a.Den * b.Den);

        public static Fraction operator *(Fraction a, Fraction b) => Reduced(a.Num * b.Num, a.Den * b.Den);

        public static Fraction operator *(Fraction a, int b) => Reduced(a.Num * b, a.Den);

        public static Fraction operator /(Fraction a, Fraction b) => Reduced(a.Num * b.Den, a.Den * b.Num);

        internal int CompareTo(Fraction other) => (Num * other.Den).CompareTo(other.Num * Den);
    }
}
