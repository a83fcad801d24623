namespace MortgageMath.Analytics;

/// <summary>
/// Elementary functions in <see cref="decimal"/> (no binary floating point): natural logarithm, exponential, powers.
/// Each reduces its argument exactly where it can (scaling by powers of ten, which only moves the decimal point)
/// and then sums a fast-converging series; results carry about 26–28 significant digits.
/// </summary>
internal static class DecimalMath
{
    /// <summary>ln 2 to 28 decimal places.</summary>
    internal const decimal Ln2 = 0.6931471805599453094172321215m;

    /// <summary>ln 10 to 28 decimal places.</summary>
    internal const decimal Ln10 = 2.3025850929940456840179914547m;

    /// <summary>e to 28 decimal places.</summary>
    internal const decimal E = 2.7182818284590452353602874714m;

    /// <summary>Above this, e^x exceeds <see cref="decimal.MaxValue"/> (ln 7.9228…e28 = 66.5421…); just below it
    /// the final multiplication decides.</summary>
    private const decimal MaxExpArgument = 66.55m;

    /// <summary>Below this, e^x is below half the smallest positive decimal (10^-28).</summary>
    private const decimal MinExpArgument = -65.2m;

    /// <summary>The natural logarithm of a positive number.</summary>
    internal static decimal Ln(decimal x)
    {
        if (x <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The logarithm is defined for positive numbers only.");
        }

        if (x is >= 0.5m and <= 2m)
        {
            // No reduction: s = (x − 1)/(x + 1) is exact in relative terms, |s| ≤ 1/3.
            return 2m * AtanhSeries((x - 1m) / (x + 1m));
        }

        // x = y · 10^e with y in [1, 10): moving the decimal point is exact.
        int tens = 0;
        while (x >= 10m)
        {
            x /= 10m;
            tens++;
        }

        while (x < 1m)
        {
            x *= 10m;
            tens--;
        }

        // y = z · 2^k with z in [1, 1.5): at most three halvings.
        int twos = 0;
        while (x >= 1.5m)
        {
            x /= 2m;
            twos++;
        }

        return (tens * Ln10) + (twos * Ln2) + (2m * AtanhSeries((x - 1m) / (x + 1m)));
    }

    /// <summary>ln(1 + x) for x &gt; −1, accurate in relative terms even when x is tiny.</summary>
    internal static decimal Ln1p(decimal x)
    {
        if (x <= -1m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln(1 + x) is defined for x > -1 only.");
        }

        return x is > -0.5m and < 1m ? 2m * AtanhSeries(x / (2m + x)) : Ln(1m + x);
    }

    /// <summary>
    /// ln(1 + x) / x for x &gt; −1 (1 at x = 0), accurate in relative terms for every x, including the tiniest: for
    /// −0.5 &lt; x &lt; 1 it is 2/(2 + x) · atanh(s)/s with s = x/(2 + x), a series that starts at 1 and never forms
    /// the small number ln(1 + x) itself (whose decimal has only 28 − k significant digits at 10⁻ᵏ).
    /// </summary>
    internal static decimal Ln1pOverX(decimal x)
    {
        if (x == 0m)
        {
            return 1m;
        }

        if (x is > -0.5m and < 1m)
        {
            decimal s = x / (2m + x);
            decimal s2 = s * s;
            decimal power = 1m;
            decimal sum = 1m; // atanh(s)/s = 1 + s²/3 + s⁴/5 + …
            for (int k = 3; k < 400; k += 2)
            {
                power *= s2;
                decimal term = power / k;
                if (term == 0m)
                {
                    break;
                }

                sum += term;
            }

            return 2m / (2m + x) * sum;
        }

        return Ln1p(x) / x;
    }

    /// <summary>atanh(s) = s + s³/3 + s⁵/5 + … for |s| ≤ 1/3.</summary>
    private static decimal AtanhSeries(decimal s)
    {
        decimal s2 = s * s;
        decimal power = s;
        decimal sum = s;
        for (int k = 3; k < 400; k += 2)
        {
            power *= s2;
            decimal term = power / k;
            if (term == 0m)
            {
                break;
            }

            sum += term;
        }

        return sum;
    }

    /// <summary>e^x. Throws <see cref="OverflowException"/> when the result exceeds the decimal range; returns 0 below it.</summary>
    internal static decimal Exp(decimal x)
    {
        if (x > MaxExpArgument)
        {
            throw new OverflowException($"e^{x} exceeds the decimal range.");
        }

        if (x < MinExpArgument)
        {
            return 0m;
        }

        if (x == 0m)
        {
            return 1m;
        }

        // x = k·ln 2 + r with |r| ≤ ln 2 / 2; e^x = 2^k · e^r.
        int k = (int)decimal.Round(x / Ln2, MidpointRounding.ToEven);
        decimal r = x - (k * Ln2);
        decimal sum = 1m;
        decimal term = 1m;
        for (int n = 1; n < 100; n++)
        {
            term = term * r / n;
            if (term == 0m)
            {
                break;
            }

            sum += term;
        }

        if (k == 0)
        {
            return sum;
        }

        if (k > 95)
        {
            sum *= 2m; // 2^96 itself is one above decimal.MaxValue
            k--;
        }

        decimal scale = PowerOfTwo(Math.Abs(k));
        try
        {
            return k > 0 ? sum * scale : sum / scale;
        }
        catch (OverflowException)
        {
            throw new OverflowException($"e^{x} exceeds the decimal range.");
        }
    }

    /// <summary>2^k exactly, for 0 ≤ k ≤ 95.</summary>
    private static decimal PowerOfTwo(int k)
    {
        decimal p = 1m;
        for (int i = 0; i < k; i++)
        {
            p *= 2m;
        }

        return p;
    }

    /// <summary>
    /// x^y for x &gt; 0 (and 0^y = 0 for y &gt; 0). Whole exponents are computed by repeated squaring; others as
    /// e^(y·ln x), whose relative error grows with |y·ln x| (about 10^-27 per unit).
    /// </summary>
    internal static decimal Power(decimal x, decimal y)
    {
        if (y == 0m)
        {
            return 1m;
        }

        if (x == 0m && y > 0m)
        {
            return 0m;
        }

        if (y == decimal.Truncate(y) && Math.Abs(y) <= int.MaxValue)
        {
            return IntegerPower(x, (int)y);
        }

        if (x < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "A negative number has no real power with a fractional exponent.");
        }

        return Exp(y * Ln(x));
    }

    /// <summary>x^n for a whole n by repeated squaring.</summary>
    internal static decimal IntegerPower(decimal x, int n)
    {
        if (n < 0)
        {
            return 1m / IntegerPower(x, -n);
        }

        decimal result = 1m;
        decimal square = x;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= square;
            }

            n >>= 1;
            if (n > 0)
            {
                square *= square;
            }
        }

        return result;
    }
}
