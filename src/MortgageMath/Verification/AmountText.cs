using System.Globalization;

namespace MortgageMath.Verification;

/// <summary>
/// Reads an amount as another system writes it, exactly, into a <c>decimal</c> (never through <c>double</c>): an
/// optional sign (<c>-</c>, <c>−</c>, <c>+</c>) or parentheses for a negative amount, a currency sign or code before or
/// after (¥ ￥ $ € £ 元, three capital letters such as CNY), digits with thousands separators (<c>,</c> <c>'</c>
/// <c>_</c> or a space) before the decimal point <c>.</c>, and any number of decimals (up to 28 significant digits).
/// A rate may end with <c>%</c>.
/// </summary>
internal static class AmountText
{
    internal static bool TryParse(ReadOnlySpan<char> s, bool percent, out decimal value)
    {
        value = 0m;
        bool negative = false;
        if (s.Length > 0 && s[^1] is >= '0' and <= '9' && s[0] is (>= '0' and <= '9') or '-')
        {
            // The common case, a plain number: no currency, parentheses or percent sign to strip.
            if (s[0] == '-' ? Digits(s[1..], true, out value) : Digits(s, false, out value))
            {
                return true;
            }
        }

        s = Trim(s);
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = Trim(s[1..^1]);
        }

        s = StripCurrency(s);
        if (percent && s.Length > 0 && s[^1] is '%' or '％')
        {
            s = Trim(s[..^1]);
        }

        if (s.Length > 0 && s[0] is '-' or '−' or '+')
        {
            negative ^= s[0] != '+';
            s = StripCurrency(Trim(s[1..]));
        }

        return Digits(s, negative, out value);
    }

    /// <summary>Digits with thousands separators before an optional decimal point, and decimals.</summary>
    private static bool Digits(ReadOnlySpan<char> s, bool negative, out decimal value)
    {
        value = 0m;
        ulong mantissa = 0;
        int digits = 0, scale = 0;
        bool point = false, any = false, lastWasSeparator = false;
        foreach (char c in s)
        {
            if (c is >= '0' and <= '9')
            {
                if (digits == 0 && c == '0' && !point)
                {
                    any = true;
                    lastWasSeparator = false;
                    continue; // a leading zero
                }

                if (digits >= 19)
                {
                    return Slow(s, negative, out value);
                }

                mantissa = (mantissa * 10) + (ulong)(c - '0');
                digits++;
                scale += point ? 1 : 0;
                any = true;
                lastWasSeparator = false;
            }
            else if (c == '.' && !point)
            {
                point = true;
                lastWasSeparator = false;
            }
            else if (!point && any && !lastWasSeparator && c is ',' or '\'' or '_' or ' ' or '\u00A0' or '\u202F' or '，')
            {
                lastWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        if (!any || lastWasSeparator || scale > 28)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative && mantissa != 0, (byte)scale);
        return true;
    }

    private static bool Slow(ReadOnlySpan<char> s, bool negative, out decimal value)
    {
        Span<char> clean = stackalloc char[s.Length];
        int n = 0;
        foreach (char c in s)
        {
            if (c is (>= '0' and <= '9') or '.')
            {
                clean[n++] = c;
            }
        }

        bool ok = decimal.TryParse(clean[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        value = negative ? -value : value;
        return ok;
    }

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s) => s.Trim().Trim("\u00A0\u3000\u202F");

    private static ReadOnlySpan<char> StripCurrency(ReadOnlySpan<char> s)
    {
        s = Trim(s.TrimStart("¥￥$€£元").TrimEnd("¥￥$€£元"));
        if (s.Length > 3 && IsCode(s[..3]))
        {
            s = Trim(s[3..]);
        }

        if (s.Length > 3 && IsCode(s[^3..]))
        {
            s = Trim(s[..^3]);
        }

        return s;
    }

    private static bool IsCode(ReadOnlySpan<char> s) => s[0] is >= 'A' and <= 'Z' && s[1] is >= 'A' and <= 'Z' && s[2] is >= 'A' and <= 'Z';
}
