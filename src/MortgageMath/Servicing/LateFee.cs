using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;

namespace MortgageMath.Servicing;

/// <summary>
/// A late charge (US, UK): made at most once per instalment, when the instalment is still unpaid after the policy's
/// grace days; a percent of the overdue principal and interest (Freddie Mac Guide 9102.2: at most 5%; high-cost loans,
/// 12 CFR 1026.34(a)(8)(i): at most 4%) or a flat amount, either with an optional cap (UK MCOB 12.4.1R: no more than
/// the lender's cost, which the caller supplies). Text forms: <c>none</c>, <c>percent(5%)</c>, <c>percent(5%, 50)</c>
/// (capped at 50.00), <c>flat(25)</c>.
/// </summary>
public sealed class LateFee : IEquatable<LateFee>
{
    private LateFee(Percentage percent, decimal flat, decimal? cap)
    {
        Percent = percent;
        Flat = flat;
        Cap = cap;
    }

    /// <summary>No late charge (China's default: penalty interest instead).</summary>
    public static LateFee None { get; } = new(Percentage.Zero, 0m, null);

    /// <summary>A percent of the instalment's principal and interest unpaid when the grace days end.</summary>
    /// <param name="percent">The percent, 0%..100%.</param>
    /// <param name="cap">The most one charge may be, or null; at least 0.</param>
    /// <returns>The late fee.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is negative.</exception>
    public static LateFee PercentOfOverdue(Percentage percent, decimal? cap = null) => new(percent, 0m, CheckAmount(cap, nameof(cap)));

    /// <summary>A flat amount per late instalment.</summary>
    /// <param name="amount">The amount, at least 0.</param>
    /// <returns>The late fee.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public static LateFee FlatAmount(decimal amount) => new(Percentage.Zero, CheckAmount(amount, nameof(amount))!.Value, null);

    private static decimal? CheckAmount(decimal? amount, string paramName) => amount is < 0m or > Loan.MaxPrincipal
        ? throw new ArgumentOutOfRangeException(paramName, amount, Resources.Localized.Format(Resources.LibraryText.Valid_LateFeeRange, Loan.MaxPrincipal, amount))
        : amount;

    /// <summary>The percent of the overdue principal and interest (0% for a flat fee).</summary>
    public Percentage Percent { get; }

    /// <summary>The flat amount (0 for a percent fee).</summary>
    public decimal Flat { get; }

    /// <summary>The most one charge may be, or null for no cap.</summary>
    public decimal? Cap { get; }

    /// <summary>True when no fee is ever charged.</summary>
    public bool IsNone => Percent == Percentage.Zero && Flat == 0m;

    /// <summary>The fee in minor units on <paramref name="overdueMinor"/> of unpaid principal and interest: the exact
    /// percent rounded once by the loan's rounding, then capped.</summary>
    internal long Charge(long overdueMinor, RoundingPolicy rounding)
    {
        if (IsNone || overdueMinor <= 0)
        {
            return 0;
        }

        long fee;
        if (Flat != 0m)
        {
            fee = ToMinor(Flat, rounding);
        }
        else
        {
            (System.Numerics.BigInteger mantissa, int scale) = FixedPoint.Decompose(Percent.ToPercent());
            fee = (long)FixedPoint.RoundQuotient(overdueMinor * mantissa, System.Numerics.BigInteger.Pow(10, scale) * 100, rounding.Mode);
        }

        return Cap is { } cap ? Math.Min(fee, ToMinor(cap, rounding)) : fee;
    }

    private static long ToMinor(decimal amount, RoundingPolicy rounding) =>
        (long)(rounding.Round(amount) * FixedPoint.Pow10[rounding.DecimalPlaces]);

    /// <summary>Reads a late fee as <see cref="ToString"/> writes it.</summary>
    /// <param name="text">The text, e.g. <c>percent(5%)</c>.</param>
    /// <returns>The late fee.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a late fee.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static LateFee Parse(string text) => SpecText.Parse(text, nameof(text), nameof(Resources.LibraryText.Err_SpecIs_LateFee), Read);

    /// <summary>Reads a late fee like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="lateFee">The late fee, or null.</param>
    /// <returns>Whether the text is a late fee.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out LateFee lateFee) => SpecText.TryParse(text, Read, out lateFee);

    internal static LateFee Read(SpecTerm term)
    {
        if (term.Is(ServicingNames.None))
        {
            SpecText.Values(term, 0, 0, "", "");
            return None;
        }

        if (term.Is(ServicingNames.Percent))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 2, nameof(Resources.LibraryText.Err_SpecNeeds_LateFeePercent), "percent(5%)", "percent(5%, 50)");
            Percentage percent = SpecText.Percentage(values[0], nameof(Resources.LibraryText.Err_SpecValue_LateFeePercent));
            decimal? cap = values.Count > 1 ? SpecText.Amount(values[1], nameof(Resources.LibraryText.Err_SpecValue_LateFeeCap)) : null;
            return SpecText.Build(() => PercentOfOverdue(percent, cap));
        }

        if (term.Is(ServicingNames.Flat))
        {
            IReadOnlyList<SpecTerm> values = SpecText.Values(term, 1, 1, nameof(Resources.LibraryText.Err_SpecNeeds_LateFeeAmount), "flat(25)");
            decimal amount = SpecText.Amount(values[0], nameof(Resources.LibraryText.Err_SpecValue_LateFeeAmount));
            return SpecText.Build(() => FlatAmount(amount));
        }

        throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Valid_Write, Resources.Localized.Either(
            ServicingNames.None, ServicingNames.Percent + "(5%)", ServicingNames.Percent + "(5%, 50)", ServicingNames.Flat + "(25)")));
    }

    /// <summary>True when both charge the same.</summary>
    /// <param name="other">The other fee.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LateFee? other) => other is not null && Percent == other.Percent && Flat == other.Flat && Cap == other.Cap;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LateFee other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Percent, FixedPoint.Normalize(Flat), Cap is { } c ? FixedPoint.Normalize(c) : (decimal?)null);

    /// <summary>True when both charge the same.</summary>
    /// <param name="left">A fee.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LateFee? left, LateFee? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">A fee.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LateFee? left, LateFee? right) => !(left == right);

    /// <summary>The text form, which <see cref="Parse"/> reads back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsNone ? ServicingNames.None
        : Flat != 0m ? $"{ServicingNames.Flat}({SpecText.Plain(Flat)})"
        : Cap is { } cap ? $"{ServicingNames.Percent}({Percent}, {SpecText.Plain(cap)})"
        : $"{ServicingNames.Percent}({Percent})";
}
