using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// A prepayment (提前还款): part of the balance, or all of it (a payoff), paid on a date, on a due date or between
/// due dates. On a due date the regular payment comes first, then the prepayment. Create with
/// <see cref="Partial"/> or <see cref="Payoff"/> and add it to <see cref="Loan.Events"/>.
/// </summary>
public sealed class Prepayment : LoanEvent
{
    private Prepayment(LocalDate date, decimal? amount, PrepaymentOption option)
        : base(date)
    {
        Amount = amount;
        Option = option;
    }

    /// <summary>The principal prepaid; null for a payoff (the whole balance).</summary>
    public decimal? Amount { get; }

    /// <summary>What happens to the loan after a partial prepayment.</summary>
    public PrepaymentOption Option { get; }

    /// <summary>True for a full payoff.</summary>
    public bool IsPayoff => Amount is null;

    /// <summary>A partial prepayment of <paramref name="amount"/> on <paramref name="date"/>.</summary>
    /// <param name="date">The day it is paid.</param>
    /// <param name="amount">The principal prepaid: more than 0, at most the balance (all of it makes it a payoff).</param>
    /// <param name="option">Shorten the term or lower the payment; see <see cref="PrepaymentOption"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or above the largest principal.</exception>
    public static Prepayment Partial(LocalDate date, decimal amount, PrepaymentOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (amount <= 0m || amount > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                Resources.Localized.Format(Resources.LibraryText.Valid_PrepaymentAmountRange, amount));
        }

        return new Prepayment(date, amount, option);
    }

    /// <summary>A full payoff on <paramref name="date"/>: the whole balance, with accrued interest and any penalty.
    /// The schedule ends that day.</summary>
    /// <param name="date">The day it is paid.</param>
    /// <returns>The event.</returns>
    public static Prepayment Payoff(LocalDate date) => new(date, null, PrepaymentOption.LowerPayment);

    private protected override bool EqualsCore(LoanEvent other) =>
        other is Prepayment o && Amount == o.Amount && Option == o.Option;

    // decimal? hashes by value (1000 and 1000.00 alike), as it compares.
    private protected override int GetHashCodeCore() => HashCode.Combine(Amount, Option);

    /// <summary>A short description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsPayoff
        ? $"payoff on {DateText.Iso(Date)}"
        : $"prepay {Amount!.Value.ToString(CultureInfo.InvariantCulture)} on {DateText.Iso(Date)}, {Option}";
}

/// <summary>
/// What a partial prepayment does to the rest of the loan: keep the term and lower the payment (减少月供), keep the
/// payment and shorten the term (缩短期限, in two variants seen in practice), or name a new term (月供和期限都变).
/// </summary>
/// <remarks>An option is an immutable value: equal options (the same kind, the same new term) are equal and hash
/// alike. Its text form (<see cref="ToString"/>) is read back by <see cref="Parse"/>: <c>lower-payment</c>,
/// <c>shorten-term</c>, <c>shorten-term-keep-payment</c>, <c>new-term(120)</c>.</remarks>
[JsonConverter(typeof(Serialization.PrepaymentOptionJsonConverter))]
public abstract class PrepaymentOption : IEquatable<PrepaymentOption>
{
    private protected PrepaymentOption()
    {
    }

    /// <summary>
    /// Keep the term, lower the payment (减少月供): equal installment re-amortizes the new balance over the remaining
    /// periods; equal principal spreads the new balance over them.
    /// </summary>
    public static PrepaymentOption LowerPayment { get; } = new Simple(SpecNames.PrepaymentOptions.LowerPayment);

    /// <summary>
    /// Shorten the term, recomputing the payment (缩短期限): the fewest whole periods whose (rounded) payment is not
    /// above the current one, and the payment for exactly that many periods (slightly lower). Equal principal keeps
    /// its principal part and ends sooner.
    /// </summary>
    public static PrepaymentOption ShortenTerm { get; } = new Simple(SpecNames.PrepaymentOptions.ShortenTerm);

    /// <summary>
    /// Shorten the term, keeping the payment exactly: the same payment until the balance is repaid, the last payment
    /// smaller. Equal principal: the same as <see cref="ShortenTerm"/>.
    /// </summary>
    public static PrepaymentOption ShortenTermKeepPayment { get; } = new Simple(SpecNames.PrepaymentOptions.ShortenTermKeepPayment);

    /// <summary>A new number of remaining periods (月供和期限都变); the payment is recomputed for it. The loan's last
    /// due date moves with it (later events may fall up to the new one), and the periods done before the prepayment
    /// plus these may be at most <see cref="Loan.MaxPeriods"/>; a schedule or quote beyond that is refused with an
    /// <see cref="ArgumentOutOfRangeException"/> carrying the resulting term.</summary>
    /// <param name="remainingPeriods">Periods left after the prepayment, 1 to 600.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 1..600.</exception>
    public static PrepaymentOption NewTerm(int remainingPeriods)
    {
        if (remainingPeriods is < 1 or > Loan.MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(remainingPeriods), remainingPeriods,
                Resources.Localized.Format(Resources.LibraryText.Valid_NewTermRange, Loan.MaxPeriods, remainingPeriods));
        }

        return new NewTermOption(remainingPeriods);
    }

    /// <summary>
    /// Reads an option as <see cref="ToString"/> writes it: <c>lower-payment</c>, <c>shorten-term</c>,
    /// <c>shorten-term-keep-payment</c> or <c>new-term(N)</c> (N the periods left). Names are read ignoring case;
    /// white space around names, numbers and parentheses is ignored. For every option,
    /// <c>Parse(option.ToString()) == option</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>shorten-term</c> or <c>new-term(120)</c>.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an option in this form; the message quotes it and says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The new term is outside 1..600; <see cref="ArgumentException.ParamName"/>
    /// is <c>text</c>.</exception>
    public static PrepaymentOption Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_PrepaymentOption), Read);

    /// <summary>Reads an option like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="option">The option, or null when the text is not one.</param>
    /// <returns>Whether the text is an option with its values in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out PrepaymentOption option) =>
        SpecText.TryParse(text, Read, out option);

    private static PrepaymentOption Read(SpecTerm term)
    {
        foreach (PrepaymentOption simple in (ReadOnlySpan<PrepaymentOption>)[LowerPayment, ShortenTerm, ShortenTermKeepPayment])
        {
            if (term.Is(simple.ToString()))
            {
                SpecText.Values(term, 0, 0, "", "");
                return simple;
            }
        }

        if (term.Is(SpecNames.PrepaymentOptions.NewTerm))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_NewTerm), "new-term(120)");
            int periods = SpecText.Int(values[0], nameof(Resources.LibraryText.Err_SpecValue_NewTerm));
            return SpecText.Build(() => NewTerm(periods));
        }

        throw new SpecTextException(
            Resources.Localized.Format(Resources.LibraryText.Valid_WriteOption, SpecNames.PrepaymentOptions.LowerPayment, SpecNames.PrepaymentOptions.ShortenTerm, SpecNames.PrepaymentOptions.ShortenTermKeepPayment, SpecNames.PrepaymentOptions.NewTerm));
    }

    /// <summary>True when both are the same option.</summary>
    /// <param name="other">The other option.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PrepaymentOption? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && EqualsCore(other));

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is PrepaymentOption other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => GetHashCodeCore();

    /// <summary>True when both are the same option (or both null).</summary>
    /// <param name="left">The first option.</param>
    /// <param name="right">The second option.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PrepaymentOption? left, PrepaymentOption? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when the options differ.</summary>
    /// <param name="left">The first option.</param>
    /// <param name="right">The second option.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PrepaymentOption? left, PrepaymentOption? right) => !(left == right);

    /// <summary>The option's canonical text, which <see cref="Parse"/> reads: <c>lower-payment</c>, <c>shorten-term</c>,
    /// <c>shorten-term-keep-payment</c> or <c>new-term(120)</c>.</summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    /// <summary>Compares two options of the same type.</summary>
    private protected abstract bool EqualsCore(PrepaymentOption other);

    /// <summary>A hash equal for equal options.</summary>
    private protected abstract int GetHashCodeCore();

    private sealed class Simple(string name) : PrepaymentOption
    {
        private string Name { get; } = name;

        public override string ToString() => Name;

        private protected override bool EqualsCore(PrepaymentOption other) => Name == ((Simple)other).Name;

        private protected override int GetHashCodeCore() => StringComparer.Ordinal.GetHashCode(Name);
    }

    internal sealed class NewTermOption(int remainingPeriods) : PrepaymentOption
    {
        internal int RemainingPeriods { get; } = remainingPeriods;

        private protected override bool EqualsCore(PrepaymentOption other) => RemainingPeriods == ((NewTermOption)other).RemainingPeriods;

        private protected override int GetHashCodeCore() => RemainingPeriods;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SpecNames.PrepaymentOptions.NewTerm}({RemainingPeriods})");
    }
}

/// <summary>What interest is collected with a prepayment made between two due dates (core-banking CUR_INT_FLG).</summary>
public enum PrepaymentInterest
{
    /// <summary>
    /// The interest accrued on the whole balance since the last due date, for the actual days at the loan's day count
    /// (CUR_INT_FLG = 1; "remaining principal × monthly rate ÷ 30 × days"); the next due date then charges the new
    /// balance for the days after the prepayment. The default.
    /// </summary>
    AccruedOnBalance = 0,

    /// <summary>Only the interest on the amount prepaid, for the days since the last due date (CUR_INT_FLG = 2); the next
    /// due date charges a regular month on the new balance.</summary>
    AccruedOnPrepaidAmount = 1,

    /// <summary>No interest with the prepayment (CUR_INT_FLG = 0); the next due date charges a regular month on the new balance.</summary>
    None = 2,
}
