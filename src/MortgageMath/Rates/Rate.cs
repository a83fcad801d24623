using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MortgageMath.Specs;

namespace MortgageMath;

/// <summary>
/// An annual interest rate. Never a bare decimal: create it from a percent (<c>Rate.Percent(4.9m)</c>), from basis
/// points (<c>Rate.BasisPoints(490m)</c>) or, explicitly, from a fraction (<c>Rate.Fraction(0.049m)</c>); all three are
/// the same rate. The value is held exactly as an integer over a power of ten (at most 16 decimal places as a
/// fraction), so rates add and compare with integer arithmetic and the amortization loop reads them without conversion.
/// </summary>
[JsonConverter(typeof(Serialization.RateJsonConverter))]
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>
{
    /// <summary>The most decimal places a rate may carry when written as a fraction (16, i.e. 14 in percent).</summary>
    internal const int MaxFractionScale = 16;

    /// <summary>Largest magnitude a rate may have: 1000% a year.</summary>
    private const decimal MaxMagnitude = 10m;

    // The rate is _mantissa / 10^_scale with no trailing zeros (so equal rates have equal fields); |rate| ≤ 10 and
    // _scale ≤ 16 keep _mantissa below 10^18, and any rate at scale 16 below 10^17.
    private readonly long _mantissa;
    private readonly int _scale;

    private Rate(long mantissa, int scale)
    {
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        _mantissa = mantissa;
        _scale = mantissa == 0 ? 0 : scale;
    }

    /// <summary>A rate from a decimal already checked to have at most 16 places and magnitude at most 10.</summary>
    private static Rate FromDecimal(decimal fraction)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(fraction, bits);
        long mantissa = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return new Rate(bits[3] < 0 ? -mantissa : mantissa, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>100% a year: the highest rate a loan accepts.</summary>
    internal static readonly Rate OneHundredPercent = new(1, 0);

    /// <summary>A rate of 0%.</summary>
    public static Rate Zero => default;

    /// <summary>A rate given in percent: <c>Rate.Percent(4.9m)</c> is 4.9% a year.</summary>
    /// <param name="percent">The rate in percent, between -1000 and 1000, with at most 14 decimal places.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside -1000..1000 or too precise.</exception>
    public static Rate Percent(decimal percent) => Create(percent, 100m, 2, nameof(percent), "%");

    /// <summary>A rate given in basis points: <c>Rate.BasisPoints(490m)</c> is 4.9% a year; fractions such as -63.5 are allowed.</summary>
    /// <param name="basisPoints">The rate in basis points, between -100000 and 100000, with at most 12 decimal places.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside -100000..100000 or too precise.</exception>
    public static Rate BasisPoints(decimal basisPoints) => Create(basisPoints, 10_000m, 4, nameof(basisPoints), "bp");

    /// <summary>A rate given as a fraction of one: <c>Rate.Fraction(0.049m)</c> is 4.9% a year.</summary>
    /// <param name="fraction">The rate as a fraction, between -10 and 10, with at most 16 decimal places.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside -10..10 or too precise.</exception>
    public static Rate Fraction(decimal fraction) => Create(fraction, 1m, 0, nameof(fraction), "");

    private static Rate Create(decimal value, decimal unitsPerOne, int placesOfUnit, string paramName, string unit)
    {
        if (Problem(value, unitsPerOne, placesOfUnit, unit) is { } problem)
        {
            throw new ArgumentOutOfRangeException(paramName, value, problem);
        }

        return FromDecimal(FixedPoint.Normalize(FixedPoint.Normalize(value) / unitsPerOne));
    }

    /// <summary>Why <paramref name="value"/> (in units of 1/<paramref name="unitsPerOne"/>) is not a rate, or null when it is one.</summary>
    private static string? Problem(decimal value, decimal unitsPerOne, int placesOfUnit, string unit)
    {
        decimal limit = MaxMagnitude * unitsPerOne;
        if (value < -limit || value > limit)
        {
            return Resources.Localized.Format(Resources.LibraryText.Valid_RateMagnitude, limit.ToString(CultureInfo.InvariantCulture), unit, value.ToString(CultureInfo.InvariantCulture));
        }

        int maxPlaces = MaxFractionScale - placesOfUnit;
        if (FixedPoint.Normalize(value).Scale > maxPlaces)
        {
            return unit.Length > 0
                ? Resources.Localized.Format(Resources.LibraryText.Valid_RateDecimalPlacesIn, maxPlaces, unit, value)
                : Resources.Localized.Format(Resources.LibraryText.Valid_RateDecimalPlaces, maxPlaces, value);
        }

        return null;
    }

    /// <summary>Why <paramref name="basisPoints"/> is not a rate (out of range or too precise), or null when it is one.</summary>
    internal static string? BasisPointsProblem(decimal basisPoints) => Problem(basisPoints, 10_000m, 4, SpecNames.Units.BasisPoints);

    /// <summary>Why <paramref name="percent"/> is not a rate (out of range or too precise), or null when it is one.</summary>
    internal static string? PercentProblem(decimal percent) => Problem(percent, 100m, 2, SpecNames.Units.Percent);

    /// <summary>
    /// Reads a rate as <see cref="ToString"/> writes it (<c>4.9%</c>) or in basis points (<c>490bp</c>): a plain number
    /// in the invariant culture (an optional <c>+</c> or <c>-</c> sign, digits, <c>.</c> as the decimal point; no
    /// exponent, no thousands separators) followed by its unit, <c>%</c> or <c>bp</c> (in any case). White space
    /// around the text and between the number and the unit is ignored. A number without a unit is refused: its unit
    /// would be a guess. For every rate, <c>Parse(rate.ToString()) == rate</c>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>4.9%</c>, <c>490bp</c>, <c>-63.5bp</c>.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a number with a unit (<c>4.9</c>, <c>4,9%</c>, <c>1e2%</c>);
    /// the message quotes it and says what to write.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside -1000%..1000% or more precise than a rate
    /// (14 decimal places in percent, 12 in basis points); <see cref="ArgumentException.ParamName"/> is
    /// <c>text</c> and <see cref="ArgumentOutOfRangeException.ActualValue"/> the text.</exception>
    public static Rate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryRead(text, out Rate rate, out string? problem, out bool outOfRange))
        {
            return rate;
        }

        throw outOfRange ? new ArgumentOutOfRangeException(nameof(text), text, problem) : new FormatException(problem);
    }

    /// <summary>Reads a rate like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text, e.g. <c>4.9%</c> or <c>490bp</c>; null gives false.</param>
    /// <param name="rate">The rate, or <see cref="Zero"/> when the text is not one.</param>
    /// <returns>Whether the text is a rate within range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Rate rate) => TryRead(text, out rate, out _, out _);

    /// <summary>The reading behind <see cref="Parse"/>: the rate, or what is wrong (a full sentence quoting the text)
    /// and whether the form is right but the value out of range.</summary>
    internal static bool TryRead([NotNullWhen(true)] string? text, out Rate rate, out string? problem, out bool outOfRange)
    {
        rate = default;
        problem = null;
        outOfRange = false;
        if (text is null)
        {
            return false;
        }

        switch (SpecText.ReadQuantity(text, out decimal number, out string unit, out string numberText))
        {
            case QuantityForm.NoUnit:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_RateNoUnit, text, numberText, SpecText.Plain(number * 100m));
                return false;
            case QuantityForm.NotANumber:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_RateNotANumber, text, numberText);
                return false;
            case QuantityForm.Neither:
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_RateNeither, text);
                return false;
        }

        bool percent = unit == SpecNames.Units.Percent;
        if ((percent ? PercentProblem(number) : BasisPointsProblem(number)) is { } reason)
        {
            problem = Resources.Localized.Format(Resources.LibraryText.Valid_RateUnusable, text, reason);
            outOfRange = true;
            return false;
        }

        rate = percent ? Percent(number) : BasisPoints(number);
        return true;
    }

    /// <summary>The rate in percent: 4.9 for 4.9%.</summary>
    /// <returns>The percent value.</returns>
    public decimal ToPercent() => FixedPoint.Normalize(ToFraction() * 100m);

    /// <summary>The rate in basis points: 490 for 4.9%.</summary>
    /// <returns>The basis-point value.</returns>
    public decimal ToBasisPoints() => FixedPoint.Normalize(ToFraction() * 10_000m);

    /// <summary>The rate as a fraction of one: 0.049 for 4.9%.</summary>
    /// <returns>The fraction.</returns>
    public decimal ToFraction() => FixedPoint.ToDecimal(_mantissa, _scale);

    /// <summary>The rate as an exact integer mantissa over a power of ten, without trailing zeros: 0.049 is (49, 3).</summary>
    internal (long Mantissa, int Scale) ToFixedPoint() => (_mantissa, _scale);

    /// <summary>The rate in units of 10^-16 (below 10^17 in magnitude): for comparisons.</summary>
    private long Scaled => _mantissa * FixedPoint.Pow10[MaxFractionScale - _scale];

    /// <summary>An exact sum or difference of two valid rates (at the larger of their scales, so it stays exact);
    /// only the magnitude needs checking.</summary>
    private static Rate Combine(long left, int leftScale, long right, int rightScale, string paramName)
    {
        if (right == 0)
        {
            return new Rate(left, leftScale); // e.g. an index plus a zero spread
        }

        int scale = Math.Max(leftScale, rightScale);
        long mantissa = (left * FixedPoint.Pow10[scale - leftScale]) + (right * FixedPoint.Pow10[scale - rightScale]);
        long limit = (long)MaxMagnitude * FixedPoint.Pow10[scale];
        if (mantissa < -limit || mantissa > limit)
        {
            throw new ArgumentOutOfRangeException(paramName, new Rate(mantissa, scale).ToPercent(),
                Resources.Localized.Format(Resources.LibraryText.Valid_RateSumRange, new Rate(mantissa, scale)));
        }

        return new Rate(mantissa, scale);
    }

    /// <summary>The sum of two rates, e.g. an index plus a spread.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The sum.</returns>
    public static Rate operator +(Rate left, Rate right) => Combine(left._mantissa, left._scale, right._mantissa, right._scale, nameof(right));

    /// <summary>The difference of two rates.</summary>
    /// <param name="left">The rate.</param>
    /// <param name="right">The rate to subtract.</param>
    /// <returns>The difference.</returns>
    public static Rate operator -(Rate left, Rate right) => Combine(left._mantissa, left._scale, -right._mantissa, right._scale, nameof(right));

    /// <summary>True when both rates are the same value.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>True when the rates differ.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> is lower.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether the first is lower.</returns>
    public static bool operator <(Rate left, Rate right) => left.Scaled < right.Scaled;

    /// <summary>True when <paramref name="left"/> is higher.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether the first is higher.</returns>
    public static bool operator >(Rate left, Rate right) => left.Scaled > right.Scaled;

    /// <summary>True when <paramref name="left"/> is lower or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether the first is lower or equal.</returns>
    public static bool operator <=(Rate left, Rate right) => left.Scaled <= right.Scaled;

    /// <summary>True when <paramref name="left"/> is higher or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether the first is higher or equal.</returns>
    public static bool operator >=(Rate left, Rate right) => left.Scaled >= right.Scaled;

    /// <inheritdoc />
    public bool Equals(Rate other) => _mantissa == other._mantissa && _scale == other._scale;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_mantissa, _scale);

    /// <inheritdoc />
    public int CompareTo(Rate other) => Scaled.CompareTo(other.Scaled);

    /// <summary>The rate in percent with a percent sign, invariant culture, without trailing zeros: <c>4.9%</c>,
    /// <c>-0.635%</c>, <c>0%</c>. <see cref="Parse"/> reads it back as an equal rate.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToPercent().ToString(CultureInfo.InvariantCulture) + "%";
}
