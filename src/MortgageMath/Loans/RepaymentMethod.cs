using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;

namespace MortgageMath;

/// <summary>
/// How a loan is repaid: the piece of the amortization loop that answers "what principal is due this period".
/// Use <see cref="EqualInstallment"/> (等额本息, annuity), <see cref="EqualPrincipal"/> (等额本金),
/// <see cref="Balloon"/> (气球贷) or <see cref="InterestFirst"/> (先息后本, interest-only then amortizing).
/// </summary>
/// <remarks>
/// A method is an immutable value: two methods are equal when they are the same kind with the same terms
/// (<c>Balloon(240) == Balloon(240)</c>; a minimum principal compares by amount, so 1 and 1.00 are the same), and
/// equal methods have equal hash codes. Its text form (<see cref="ToString"/>) is read back by <see cref="Parse"/>:
/// <c>equal-installment</c>, <c>equal-principal</c>, <c>balloon(240)</c>, <c>interest-first(24)</c>,
/// <c>interest-first(24, equal-principal)</c>, <c>interest-first(24, equal-installment, 1)</c>.
/// </remarks>
[JsonConverter(typeof(Serialization.RepaymentMethodJsonConverter))]
public abstract class RepaymentMethod : IEquatable<RepaymentMethod>
{
    private protected RepaymentMethod(string name) => Name = name;

    /// <summary>Equal installment (等额本息, annuity, French amortization): the same payment every period.</summary>
    public static RepaymentMethod EqualInstallment { get; } = new EqualInstallmentMethod();

    /// <summary>Equal principal (等额本金, linear amortization): the same principal every period, interest on the balance.</summary>
    public static RepaymentMethod EqualPrincipal { get; } = new EqualPrincipalMethod();

    /// <summary>The method's name as the tool and files write it (a spec's <c>method</c> or its <c>type</c>):
    /// <c>equal-installment</c>, <c>equal-principal</c>, <c>balloon</c> or <c>interest-first</c>.</summary>
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
                Resources.Localized.Format(Resources.LibraryText.Valid_AmortizationTermRange, Loan.MaxPeriods, amortizationPeriods));
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
                Resources.Localized.Format(Resources.LibraryText.Valid_InterestOnlyPeriodsRange, Loan.MaxPeriods - 1, interestOnlyPeriods));
        }

        if (minimumPrincipal is < 0m or > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPrincipal), minimumPrincipal,
                Resources.Localized.Format(Resources.LibraryText.Valid_MinimumPrincipalRange, minimumPrincipal));
        }

        then ??= EqualInstallment;
        if (then != EqualInstallment && then != EqualPrincipal)
        {
            throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_InterestFirstThen, then), nameof(then));
        }

        return new InterestFirstMethod(interestOnlyPeriods, then, minimumPrincipal);
    }

    /// <summary>
    /// Reads a method as <see cref="ToString"/> writes it: <c>equal-installment</c>, <c>equal-principal</c>,
    /// <c>balloon(N)</c> (N the amortization term in periods) or <c>interest-first(N)</c>,
    /// <c>interest-first(N, then)</c>, <c>interest-first(N, then, minimum principal)</c> (then
    /// <c>equal-installment</c>, the default, or <c>equal-principal</c>; the minimum principal a plain invariant number,
    /// 0 by default). Names are read ignoring case; white space around names, numbers, commas and parentheses is
    /// ignored. For every method, <c>Parse(method.ToString()) == method</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>balloon(240)</c>.</param>
    /// <returns>The method (the shared instance for the two simple methods).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a method in this form; the message quotes it and says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The form is right but a number is out of range (e.g.
    /// <c>balloon(0)</c>); <see cref="ArgumentException.ParamName"/> is <c>text</c>, the message quotes it.</exception>
    public static RepaymentMethod Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_RepaymentMethod), Read);

    /// <summary>Reads a method like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text, e.g. <c>equal-principal</c> or <c>interest-first(24)</c>; null gives false.</param>
    /// <param name="method">The method; when the text is not one, <see cref="EqualInstallment"/> (kept from earlier
    /// versions, so the result is never null; read it only when the call returns true).</param>
    /// <returns>Whether the text is a method with its values in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RepaymentMethod method)
    {
        if (SpecText.TryParse<RepaymentMethod>(text, Read, out RepaymentMethod? parsed))
        {
            method = parsed;
            return true;
        }

        method = EqualInstallment;
        return false;
    }

    private static RepaymentMethod Read(SpecTerm term)
    {
        if (term.Is(SpecNames.Methods.EqualInstallment) || term.Is(SpecNames.Methods.EqualPrincipal))
        {
            SpecText.Values(term, 0, 0, "", "");
            return term.Is(SpecNames.Methods.EqualInstallment) ? EqualInstallment : EqualPrincipal;
        }

        if (term.Is(SpecNames.Methods.Balloon))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_BalloonTerm), "balloon(240)");
            int periods = SpecText.Int(values[0], nameof(Resources.LibraryText.Err_SpecValue_BalloonTerm));
            return SpecText.Build(() => Balloon(periods));
        }

        if (term.Is(SpecNames.Methods.InterestFirst))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 3, nameof(Resources.LibraryText.Err_SpecNeeds_InterestOnlyPeriods), "interest-first(24, equal-principal, 1)");
            int periods = SpecText.Int(values[0], nameof(Resources.LibraryText.Err_SpecValue_InterestOnlyPeriods));
            RepaymentMethod then = values.Count > 1 ? Then(values[1]) : EqualInstallment;
            decimal minimum = values.Count > 2 ? SpecText.Amount(values[2], nameof(Resources.LibraryText.Err_SpecValue_MinimumPrincipal)) : 0m;
            return SpecText.Build(() => InterestFirst(periods, then, minimum));
        }

        throw new SpecTextException(
            Resources.Localized.Format(Resources.LibraryText.Valid_WriteMethod, SpecNames.Methods.EqualInstallment, SpecNames.Methods.EqualPrincipal, SpecNames.Methods.Balloon, SpecNames.Methods.InterestFirst));

        static RepaymentMethod Then(SpecTerm value) =>
            value.Values is null && value.Is(SpecNames.Methods.EqualInstallment) ? EqualInstallment
            : value.Values is null && value.Is(SpecNames.Methods.EqualPrincipal) ? EqualPrincipal
            : throw new SpecTextException(
                Resources.Localized.Format(Resources.LibraryText.Valid_InterestFirstThenText, value.Text + (value.Values is null ? "" : "(…)"), SpecNames.Methods.EqualInstallment, SpecNames.Methods.EqualPrincipal));
    }

    /// <summary>True when both are the same kind of method with the same terms.</summary>
    /// <param name="other">The other method.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RepaymentMethod? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is RepaymentMethod other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => GetHashCodeCore();

    /// <summary>True when both are the same method (or both null).</summary>
    /// <param name="left">The first method.</param>
    /// <param name="right">The second method.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RepaymentMethod? left, RepaymentMethod? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the methods differ.</summary>
    /// <param name="left">The first method.</param>
    /// <param name="right">The second method.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RepaymentMethod? left, RepaymentMethod? right) => !(left == right);

    /// <summary>Compares the terms of two methods of the same type.</summary>
    private protected abstract bool EqualsCore(RepaymentMethod other);

    /// <summary>A hash of the terms, equal for equal methods.</summary>
    private protected abstract int GetHashCodeCore();

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

    /// <summary>The first period from <paramref name="from"/> on for which <see cref="StartsPhase"/> is true
    /// (<see cref="int.MaxValue"/>: none).</summary>
    internal virtual int NextPhaseStart(int from) => int.MaxValue;

    /// <summary>Checks what the method requires of the loan; throws ArgumentException naming the problem.</summary>
    internal virtual void Validate(Loan loan)
    {
    }

    /// <summary>True for the balloon method, whose last payment is shown as <see cref="InstallmentKind.Balloon"/>.</summary>
    internal virtual bool HasBalloon => false;

    /// <summary>The principal due for a regular period, before the loop clamps it to the balance: the level less the
    /// interest when the level is the whole payment (<see cref="LevelIncludesInterest"/>), the level otherwise.</summary>
    internal long ScheduledPrincipal(long level, long regularInterest) => LevelIncludesInterest ? level - regularInterest : level;

    /// <summary>Whether the level (<see cref="Level"/>) is the whole payment, interest included (equal installment, a
    /// balloon's payment), rather than the principal part (equal principal, interest only). The one thing that
    /// decides <see cref="ScheduledPrincipal"/>, so the loop's plain periods read it once, not once a period.</summary>
    internal abstract bool LevelIncludesInterest { get; }

    /// <summary>Whether a rate change restarts the method on the remaining balance and periods (equal installment
    /// re-amortizes; equal principal keeps its principal part).</summary>
    internal abstract bool RestartsOnRateChange { get; }

    /// <summary>The method's canonical text, which <see cref="Parse"/> reads: its <see cref="Name"/> for the simple
    /// methods, with its terms for the others (<c>balloon(240)</c>, <c>interest-first(24, equal-principal, 1)</c>;
    /// terms at their defaults are left out). Invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name;

    private sealed class EqualInstallmentMethod() : RepaymentMethod(SpecNames.Methods.EqualInstallment)
    {
        private protected override bool EqualsCore(RepaymentMethod other) => true;

        private protected override int GetHashCodeCore() => 1;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            Annuity.Payment(balance, rate, periods, rounding.Mode);

        internal override bool LevelIncludesInterest => true;

        internal override bool RestartsOnRateChange => true;
    }

    private sealed class EqualPrincipalMethod() : RepaymentMethod(SpecNames.Methods.EqualPrincipal)
    {
        private protected override bool EqualsCore(RepaymentMethod other) => true;

        private protected override int GetHashCodeCore() => 2;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            FixedPoint.MulDivRound(balance, 1, periods, rounding.Mode);

        internal override bool LevelIncludesInterest => false;

        internal override bool RestartsOnRateChange => false;
    }

    internal sealed class BalloonMethod(int amortizationPeriods) : RepaymentMethod(SpecNames.Methods.Balloon)
    {
        internal int AmortizationTerm { get; } = amortizationPeriods;

        private protected override bool EqualsCore(RepaymentMethod other) => AmortizationTerm == ((BalloonMethod)other).AmortizationTerm;

        private protected override int GetHashCodeCore() => HashCode.Combine(3, AmortizationTerm);

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            Annuity.Payment(balance, rate, periods, rounding.Mode);

        internal override bool LevelIncludesInterest => true;

        internal override bool RestartsOnRateChange => true;

        internal override int AmortizationPeriods(int loanPeriods) => AmortizationTerm;

        internal override bool HasBalloon => AmortizationTerm > 0;

        internal override void Validate(Loan loan)
        {
            if (AmortizationTerm < loan.Periods)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_BalloonTerm, AmortizationTerm, loan.Periods),
                    nameof(Loan.Method));
            }
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}({AmortizationTerm})");
    }

    internal sealed class InterestFirstMethod(int interestOnlyPeriods, RepaymentMethod then, decimal minimumPrincipal)
        : RepaymentMethod(SpecNames.Methods.InterestFirst)
    {
        private readonly InterestOnlyPhase _interestOnly = new(minimumPrincipal);

        internal int InterestOnlyPeriods { get; } = interestOnlyPeriods;

        internal RepaymentMethod Then { get; } = then;

        internal decimal MinimumPrincipal { get; } = minimumPrincipal;

        private protected override bool EqualsCore(RepaymentMethod other) =>
            other is InterestFirstMethod o && InterestOnlyPeriods == o.InterestOnlyPeriods && Then == o.Then && MinimumPrincipal == o.MinimumPrincipal;

        // decimal hashes by value (1 and 1.00 alike), as it compares.
        private protected override int GetHashCodeCore() => HashCode.Combine(4, InterestOnlyPeriods, Then, MinimumPrincipal);

        internal override RepaymentMethod PhaseAt(int period) => period <= InterestOnlyPeriods ? _interestOnly : Then;

        internal override bool StartsPhase(int period) => period == InterestOnlyPeriods + 1 && period > 1;

        internal override int NextPhaseStart(int from) => StartsPhase(InterestOnlyPeriods + 1) && InterestOnlyPeriods + 1 >= from ? InterestOnlyPeriods + 1 : int.MaxValue;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding) =>
            PhaseAt(1).Level(balance, rate, periods, rounding);

        internal override bool LevelIncludesInterest => false;

        internal override bool RestartsOnRateChange => false;

        internal override void Validate(Loan loan)
        {
            if (InterestOnlyPeriods >= loan.Periods)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_InterestOnlyPeriodsFewer, InterestOnlyPeriods, loan.Periods),
                    nameof(Loan.Method));
            }

            if (!FixedPoint.TryToMinor(MinimumPrincipal, loan.Rounding.DecimalPlaces, out _))
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_MinimumPrincipalDecimals, MinimumPrincipal, loan.Rounding.DecimalPlaces),
                    nameof(Loan.Method));
            }
        }

        public override string ToString() => MinimumPrincipal != 0m
            ? string.Create(CultureInfo.InvariantCulture, $"{Name}({InterestOnlyPeriods}, {Then.Name}, {MinimumPrincipal})")
            : Then != EqualInstallment
                ? string.Create(CultureInfo.InvariantCulture, $"{Name}({InterestOnlyPeriods}, {Then.Name})")
                : string.Create(CultureInfo.InvariantCulture, $"{Name}({InterestOnlyPeriods})");
    }

    /// <summary>Interest only, with an optional minimum principal each period.</summary>
    internal sealed class InterestOnlyPhase(decimal minimumPrincipal) : RepaymentMethod("interest-only")
    {
        private protected override bool EqualsCore(RepaymentMethod other) => minimumPrincipal == ((InterestOnlyPhase)other).MinimumPrincipal;

        private protected override int GetHashCodeCore() => HashCode.Combine(5, minimumPrincipal);

        private decimal MinimumPrincipal => minimumPrincipal;

        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingPolicy rounding)
        {
            FixedPoint.TryToMinor(minimumPrincipal, rounding.DecimalPlaces, out long minimum);
            return minimum;
        }

        internal override bool LevelIncludesInterest => false;

        internal override bool RestartsOnRateChange => false;
    }
}
