namespace MortgageMath;

/// <summary>
/// How a loan is repaid: the piece of the amortization loop that answers "what principal is due this period".
/// Use <see cref="EqualInstallment"/> (等额本息, annuity), <see cref="EqualPrincipal"/> (等额本金),
/// <see cref="Balloon"/> (气球贷) or <see cref="InterestFirst"/> (先息后本, interest-only then amortizing).
/// </summary>
public abstract class RepaymentMethod
{
    private protected RepaymentMethod(string name) => Name = name;

    /// <summary>Equal installment (等额本息, annuity, French amortization): the same payment every period.</summary>
    public static RepaymentMethod EqualInstallment { get; } = new EqualInstallmentMethod();

    /// <summary>Equal principal (等额本金, linear amortization): the same principal every period, interest on the balance.</summary>
    public static RepaymentMethod EqualPrincipal { get; } = new EqualPrincipalMethod();

    /// <summary>The method's name as the tool and files write it: <c>equal-installment</c>, <c>equal-principal</c>,
    /// <c>balloon</c> or <c>interest-first</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// A balloon loan (气球贷): the equal installment of a loan amortized over <paramref name="amortizationPeriods"/>
    /// (e.g. 240), paid until the loan matures after <see cref="Loan.Periods"/> periods (e.g. 60); the last payment
    /// carries the whole remaining balance (TV-10: 1,000,000 at 5%: 6,599.56 a month, a final payment of 841,148.05).
    /// </summary>
    /// <param name="amortizationPeriods">The term the payment is computed on, 1 to 600; at least the loan's periods.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The term is outside 1..600.</exception>
    public static RepaymentMethod Balloon(int amortizationPeriods)
    {
        if (amortizationPeriods is < 1 or > Loan.MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(amortizationPeriods), amortizationPeriods,
                $"The amortization term must be between 1 and {Loan.MaxPeriods} periods; was {amortizationPeriods}.");
        }

        return new BalloonMethod(amortizationPeriods);
    }

    /// <summary>
    /// Interest first (先息后本): <paramref name="interestOnlyPeriods"/> periods of interest only (plus an optional
    /// minimum principal such as 1 yuan a period), then <paramref name="then"/> over the remaining periods (TV-10:
    /// 1,000,000 at 3.5%, 24 months at 2,916.67, then 4,673.00 for 336 months).
    /// </summary>
    /// <param name="interestOnlyPeriods">Periods of interest only, 0 to 599 (0 is a plain loan).</param>
    /// <param name="then">The method afterwards: equal installment (default) or equal principal.</param>
    /// <param name="minimumPrincipal">Principal repaid in each interest-only period (e.g. 1 yuan); 0 by default.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The periods or the minimum principal are out of range.</exception>
    public static RepaymentMethod InterestFirst(int interestOnlyPeriods, RepaymentMethod? then = null, decimal minimumPrincipal = 0m)
    {
        if (interestOnlyPeriods is < 0 or > Loan.MaxPeriods - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(interestOnlyPeriods), interestOnlyPeriods,
                $"The interest-only periods must be between 0 and {Loan.MaxPeriods - 1}; was {interestOnlyPeriods}.");
        }

        if (minimumPrincipal is < 0m or > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPrincipal), minimumPrincipal,
                $"The minimum principal must be between 0 and 1,000,000,000,000; was {minimumPrincipal.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        then ??= EqualInstallment;
        if (then != EqualInstallment && then != EqualPrincipal)
        {
            throw new ArgumentException($"After the interest-only periods the loan must amortize by equal installment or equal principal; was {then}.", nameof(then));
        }

        return new InterestFirstMethod(interestOnlyPeriods, then, minimumPrincipal);
    }

    /// <summary>Finds a method by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>equal-principal</c>.</param>
    /// <param name="method">The method, when found.</param>
    /// <returns>Whether a method of that name exists.</returns>
    public static bool TryParse(string? name, out RepaymentMethod method)
    {
        foreach (RepaymentMethod candidate in new[] { EqualInstallment, EqualPrincipal })
        {
            if (string.Equals(candidate.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }

        method = EqualInstallment;
        return false;
    }

    /// <summary>
    /// The level amount fixed when the method (re)starts on a balance: the payment for equal installment, the
    /// principal part for equal principal. In minor units.
    /// </summary>
    internal abstract long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding);

    /// <summary>The term the level is computed over for a loan of <paramref name="loanPeriods"/> periods (longer for a balloon).</summary>
    internal virtual int AmortizationPeriods(int loanPeriods) => loanPeriods;

    /// <summary>The simple method in force in a period (an interest-first loan changes method after its first phase).</summary>
    internal virtual RepaymentMethod PhaseAt(int period) => this;

    /// <summary>True when a new phase starts in this period (other than the first): the loop restarts the method.</summary>
    internal virtual bool StartsPhase(int period) => false;

    /// <summary>Checks what the method requires of the loan; throws ArgumentException naming the problem.</summary>
    internal virtual void Validate(Loan loan)
    {
    }

    /// <summary>True for the balloon method, whose last payment is shown as <see cref="InstallmentKind.Balloon"/>.</summary>
    internal virtual bool HasBalloon => false;

    /// <summary>The principal due for a regular period, before the loop clamps it to the balance.</summary>
    internal abstract long ScheduledPrincipal(long level, long regularInterest);

    /// <summary>Whether a rate change restarts the method on the remaining balance and periods (equal installment
    /// re-amortizes; equal principal keeps its principal part).</summary>
    internal abstract bool RestartsOnRateChange { get; }

    /// <summary>The method's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private sealed class EqualInstallmentMethod() : RepaymentMethod("equal-installment")
    {
        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            Annuity.Payment(balance, rate, periods, rounding.Mode);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level - regularInterest;

        internal override bool RestartsOnRateChange => true;
    }

    private sealed class EqualPrincipalMethod() : RepaymentMethod("equal-principal")
    {
        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            FixedPoint.MulDivRound(balance, 1, periods, rounding.Mode);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level;

        internal override bool RestartsOnRateChange => false;
    }

    internal sealed class BalloonMethod(int amortizationPeriods) : RepaymentMethod("balloon")
    {
        internal int AmortizationTerm { get; } = amortizationPeriods;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            Annuity.Payment(balance, rate, periods, rounding.Mode);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level - regularInterest;

        internal override bool RestartsOnRateChange => true;

        internal override int AmortizationPeriods(int loanPeriods) => AmortizationTerm;

        internal override bool HasBalloon => AmortizationTerm > 0;

        internal override void Validate(Loan loan)
        {
            if (AmortizationTerm < loan.Periods)
            {
                throw new ArgumentException(
                    $"A balloon loan's amortization term ({AmortizationTerm} periods) must be at least its term ({loan.Periods} periods).",
                    nameof(Loan.Method));
            }
        }

        public override string ToString() => $"balloon (amortized over {AmortizationTerm} periods)";
    }

    internal sealed class InterestFirstMethod(int interestOnlyPeriods, RepaymentMethod then, decimal minimumPrincipal)
        : RepaymentMethod("interest-first")
    {
        private readonly InterestOnlyPhase _interestOnly = new(minimumPrincipal);

        internal int InterestOnlyPeriods { get; } = interestOnlyPeriods;

        internal RepaymentMethod Then { get; } = then;

        internal decimal MinimumPrincipal { get; } = minimumPrincipal;

        internal override RepaymentMethod PhaseAt(int period) => period <= InterestOnlyPeriods ? _interestOnly : Then;

        internal override bool StartsPhase(int period) => period == InterestOnlyPeriods + 1 && period > 1;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            PhaseAt(1).Level(balance, rate, periods, rounding);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level;

        internal override bool RestartsOnRateChange => false;

        internal override void Validate(Loan loan)
        {
            if (InterestOnlyPeriods >= loan.Periods)
            {
                throw new ArgumentException(
                    $"The interest-only periods ({InterestOnlyPeriods}) must be fewer than the loan's periods ({loan.Periods}).",
                    nameof(Loan.Method));
            }

            if (!FixedPoint.TryToMinor(MinimumPrincipal, loan.Rounding.DecimalPlaces, out _))
            {
                throw new ArgumentException(
                    $"The minimum principal {MinimumPrincipal.ToString(System.Globalization.CultureInfo.InvariantCulture)} has more decimal places than the rounding policy keeps ({loan.Rounding.DecimalPlaces}).",
                    nameof(Loan.Method));
            }
        }

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"interest first ({InterestOnlyPeriods} periods{(MinimumPrincipal > 0 ? $", {MinimumPrincipal} principal a period" : "")}), then {Then}");
    }

    /// <summary>Interest only, with an optional minimum principal each period.</summary>
    internal sealed class InterestOnlyPhase(decimal minimumPrincipal) : RepaymentMethod("interest-only")
    {
        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding)
        {
            FixedPoint.TryToMinor(minimumPrincipal, rounding.DecimalPlaces, out long minimum);
            return minimum;
        }

        internal override long ScheduledPrincipal(long level, long regularInterest) => level;

        internal override bool RestartsOnRateChange => false;
    }
}
