using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using MortgageMath.Specs;

namespace MortgageMath.Servicing;

/// <summary>
/// The rate charged on overdue money (罚息利率): on overdue principal (罚息) and, when the policy compounds, on overdue
/// interest (复利). China's default is the contract rate in force × (1 + 50%): PBoC 银发〔2003〕251号 §3 sets a markup
/// of 30%–50% on the rate the contract states. Text forms (<see cref="ToString"/>, <see cref="Parse"/>):
/// <c>markup(50%)</c>, <c>plus(300bp)</c>, <c>fixed(18%)</c>, <c>none</c>.
/// </summary>
public abstract class PenaltyRate : IEquatable<PenaltyRate>
{
    private protected PenaltyRate()
    {
    }

    /// <summary>No penalty interest (US and UK practice, where a late charge is made instead).</summary>
    public static PenaltyRate None { get; } = new FixedPenalty(Rate.Zero, isNone: true);

    /// <summary>The PBoC default: the contract rate × (1 + 50%).</summary>
    public static PenaltyRate ChinaDefault { get; } = new MarkupPenalty(Percentage.Percent(50m));

    /// <summary>The contract rate in force × (1 + <paramref name="markup"/>): 4.9% with a 50% markup is 7.35%.</summary>
    /// <param name="markup">The markup, 0%..100% (PBoC: 30%–50%).</param>
    /// <returns>The penalty rate.</returns>
    public static PenaltyRate Markup(Percentage markup) => new MarkupPenalty(markup);

    /// <summary>The contract rate in force plus a spread: 4.9% plus 300bp is 7.9%.</summary>
    /// <param name="spread">The spread added to the contract rate; the result is never below 0%.</param>
    /// <returns>The penalty rate.</returns>
    public static PenaltyRate Plus(Spread spread) => new PlusPenalty(spread);

    /// <summary>A fixed yearly rate, whatever the contract rate.</summary>
    /// <param name="annualRate">The yearly penalty rate, at least 0%.</param>
    /// <returns>The penalty rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is negative.</exception>
    public static PenaltyRate Fixed(Rate annualRate) => annualRate < Rate.Zero
        ? throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate, Resources.Localized.Format(Resources.LibraryText.Valid_PenaltyRateNegative, annualRate))
        : new FixedPenalty(annualRate, isNone: false);

    /// <summary>The penalty rate that applies when the contract rate is <paramref name="contractRate"/>, exactly (a
    /// markup's product is rounded to 16 decimal places of a fraction only when it has more).</summary>
    /// <param name="contractRate">The contract's yearly rate in force on the instalment's due date.</param>
    /// <returns>The yearly penalty rate, never negative.</returns>
    public Rate For(Rate contractRate)
    {
        (BigInteger numerator, BigInteger denominator) = Fraction(contractRate);
        decimal fraction = (decimal)FixedPoint.RoundQuotient(numerator * BigInteger.Pow(10, Rate.MaxFractionScale), denominator, RoundingMode.HalfUp)
            / (decimal)BigInteger.Pow(10, Rate.MaxFractionScale);
        return Rate.Fraction(fraction);
    }

    /// <summary>The yearly penalty rate as an exact fraction <c>numerator / denominator</c>, never negative.</summary>
    internal abstract (BigInteger Numerator, BigInteger Denominator) Fraction(Rate contractRate);

    /// <summary>Reads a penalty rate as <see cref="ToString"/> writes it.</summary>
    /// <param name="text">The text, e.g. <c>markup(50%)</c>.</param>
    /// <returns>The penalty rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a penalty rate; the message says what is expected.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static PenaltyRate Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_PenaltyRate), Read);

    /// <summary>Reads a penalty rate like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="penaltyRate">The penalty rate, or null.</param>
    /// <returns>Whether the text is a penalty rate.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out PenaltyRate penaltyRate) =>
        SpecText.TryParse(text, Read, out penaltyRate);

    internal static PenaltyRate Read(SpecTerm term)
    {
        if (term.Is(ServicingNames.None))
        {
            SpecText.Values(term, 0, 0, "", "");
            return None;
        }

        if (term.Is(ServicingNames.Markup))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_Markup), "markup(50%)");
            return Markup(SpecText.Percentage(values[0], nameof(Resources.LibraryText.Err_SpecValue_Markup)));
        }

        if (term.Is(ServicingNames.Plus))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_Plus), "plus(300bp)");
            if (!Spread.TryRead(values[0].Text, out Spread spread, out string? problem, out bool outOfRange))
            {
                throw new SpecTextException(problem!.TrimEnd('.', '。'), outOfRange);
            }

            return Plus(spread);
        }

        if (term.Is(ServicingNames.Fixed))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_FixedRate), "fixed(18%)");
            if (!Rate.TryRead(values[0].Text, out Rate rate, out string? problem, out bool outOfRange))
            {
                throw new SpecTextException(problem!.TrimEnd('.', '。'), outOfRange);
            }

            return SpecText.Build(() => Fixed(rate));
        }

        throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Valid_Write, Resources.Localized.Either(
            ServicingNames.Markup + "(50%)", ServicingNames.Plus + "(300bp)", ServicingNames.Fixed + "(18%)", ServicingNames.None)));
    }

    /// <summary>True when both are the same rule.</summary>
    /// <param name="other">The other penalty rate.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PenaltyRate? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is PenaltyRate other && Equals(other);

    /// <inheritdoc />
    public sealed override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>True when both are the same rule.</summary>
    /// <param name="left">A penalty rate.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PenaltyRate? left, PenaltyRate? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">A penalty rate.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PenaltyRate? left, PenaltyRate? right) => !(left == right);

    /// <summary>The text form, which <see cref="Parse"/> reads back: <c>markup(50%)</c>.</summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    private static (BigInteger Numerator, BigInteger Denominator) Of(Rate rate)
    {
        (long mantissa, int scale) = rate.ToFixedPoint();
        return (mantissa, BigInteger.Pow(10, scale));
    }

    private sealed class MarkupPenalty(Percentage markup) : PenaltyRate
    {
        internal override (BigInteger Numerator, BigInteger Denominator) Fraction(Rate contractRate)
        {
            (BigInteger n, BigInteger d) = Of(contractRate);
            (BigInteger mn, BigInteger md) = Of(Rate.Percent(markup.ToPercent()));
            BigInteger numerator = n * (md + mn);
            return (BigInteger.Max(numerator, 0), d * md);
        }

        public override string ToString() => $"{ServicingNames.Markup}({markup})";
    }

    private sealed class PlusPenalty(Spread spread) : PenaltyRate
    {
        internal override (BigInteger Numerator, BigInteger Denominator) Fraction(Rate contractRate)
        {
            (BigInteger n, BigInteger d) = Of(contractRate);
            (BigInteger sn, BigInteger sd) = Of(Rate.BasisPoints(spread.BasisPoints));
            BigInteger numerator = (n * sd) + (sn * d);
            return (BigInteger.Max(numerator, 0), d * sd);
        }

        public override string ToString() => $"{ServicingNames.Plus}({spread})";
    }

    private sealed class FixedPenalty(Rate rate, bool isNone) : PenaltyRate
    {
        internal override (BigInteger Numerator, BigInteger Denominator) Fraction(Rate contractRate) => Of(rate);

        public override string ToString() => isNone ? ServicingNames.None : $"{ServicingNames.Fixed}({rate})";
    }
}

/// <summary>The names of the servicing policies' text forms (see <c>docs/servicing.md</c>).</summary>
internal static class ServicingNames
{
    internal const string None = "none";
    internal const string Markup = "markup";
    internal const string Plus = "plus";
    internal const string Fixed = "fixed";
    internal const string Percent = "percent";
    internal const string Flat = "flat";
    internal const string Hold = "hold";
    internal const string Prepay = "prepay";
}
