using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Specs;

/// <summary>
/// One term of the canonical text form of a method, option, penalty or rule: a name, or a name and its values in
/// parentheses, each value itself a term (<c>sum(months-of-interest(1, 1), percent-of-amount-by-year(2%))</c>).
/// White space around names, values, commas and parentheses is ignored; a name or a value is any text without
/// parentheses or commas (<c>2.5%</c>, <c>2024-01-15</c>, <c>equal-principal</c>).
/// </summary>
internal sealed class SpecTerm
{
    private SpecTerm(string text, List<SpecTerm>? values)
    {
        Text = text;
        Values = values;
    }

    /// <summary>The name or value, trimmed: <c>balloon</c>, <c>240</c>, <c>3%</c>.</summary>
    internal string Text { get; }

    /// <summary>The values in parentheses; null when the term has no parentheses (<c>none</c>), empty for <c>sum()</c>.</summary>
    internal IReadOnlyList<SpecTerm>? Values { get; }

    /// <summary>True when the term's name is <paramref name="name"/>, ignoring case.</summary>
    internal bool Is(string name) => string.Equals(Text, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a whole text as one term.</summary>
    /// <exception cref="SpecTextException">The parentheses or commas do not form one term.</exception>
    internal static SpecTerm Read(string text)
    {
        int at = 0;
        SpecTerm term = ReadTerm(text, ref at, 0);
        SkipSpace(text, ref at);
        if (at < text.Length)
        {
            throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextUnexpected, text[at], at + 1, text[..at].Trim()));
        }

        return term;
    }

    /// <summary>How deeply terms may nest (<c>sum(check-us-limit(…))</c> needs 3); a bound, so that no text can
    /// exhaust the stack.</summary>
    private const int MaxDepth = 32;

    private static SpecTerm ReadTerm(string text, ref int at, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextTooDeep, MaxDepth));
        }

        int start = at;
        while (at < text.Length && text[at] is not ('(' or ')' or ','))
        {
            at++;
        }

        string name = text[start..at].Trim();
        SkipSpace(text, ref at);
        if (at >= text.Length || text[at] != '(')
        {
            return new SpecTerm(name, null);
        }

        if (name.Length == 0)
        {
            throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNoName, at + 1));
        }

        at++; // (
        var values = new List<SpecTerm>();
        SkipSpace(text, ref at);
        if (at < text.Length && text[at] == ')')
        {
            at++;
            return new SpecTerm(name, values);
        }

        while (true)
        {
            SpecTerm value = ReadTerm(text, ref at, depth + 1);
            if (value.Text.Length == 0)
            {
                throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextEmptyValue, name, at + 1));
            }

            values.Add(value);
            SkipSpace(text, ref at);
            if (at >= text.Length)
            {
                throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNoClose, name));
            }

            char next = text[at++];
            if (next == ')')
            {
                return new SpecTerm(name, values);
            }

            if (next != ',')
            {
                throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextSeparator, next, at, name));
            }
        }
    }

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }
    }
}

/// <summary>Why a text is not the value asked for; <see cref="OutOfRange"/> when it is well formed but a value is out of range.</summary>
internal sealed class SpecTextException(string reason, bool outOfRange = false) : Exception(reason)
{
    /// <summary>True when the form is right and a value is outside its range (the factory refused it).</summary>
    internal bool OutOfRange { get; } = outOfRange;
}

/// <summary>What a number-with-unit text was found to be.</summary>
internal enum QuantityForm
{
    /// <summary>A number and a unit.</summary>
    Number,

    /// <summary>A number without a unit.</summary>
    NoUnit,

    /// <summary>A unit, but the text before it is not a number.</summary>
    NotANumber,

    /// <summary>Neither.</summary>
    Neither,
}

/// <summary>
/// Reading of the canonical text forms: the shared rules (invariant culture, white space, case, errors) and the
/// helpers the <c>Parse</c> methods use.
/// </summary>
internal static class SpecText
{
    /// <summary>A plain number: an optional leading sign and a decimal point, no exponent, no thousands separators.</summary>
    private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>
    /// Parses <paramref name="text"/> as one term and reads it with <paramref name="read"/>; the errors become a
    /// <see cref="FormatException"/> (not in the form) or an <see cref="ArgumentOutOfRangeException"/> (a value out of
    /// range) whose message starts with the quoted text.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="paramName">The parameter it came in by.</param>
    /// <param name="what">The resource key (<c>nameof(LibraryText.…)</c>) of what the text should be, e.g.
    /// <see cref="Resources.LibraryText.Err_SpecIs_PenaltyRate"/> ("a penalty rate"); read only when the text is refused.</param>
    /// <param name="read">Reads the term.</param>
    internal static T Parse<T>(string text, string paramName, string what, Func<SpecTerm, T> read)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        try
        {
            return read(SpecTerm.Read(text));
        }
        catch (SpecTextException e) when (e.OutOfRange)
        {
            throw new ArgumentOutOfRangeException(paramName, text, Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNotA, text, Resources.Localized.Text(what), e.Message));
        }
        catch (SpecTextException e)
        {
            throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNotA, text, Resources.Localized.Text(what), e.Message), e);
        }
    }

    /// <summary>Like <see cref="Parse"/>, but false instead of an exception.</summary>
    internal static bool TryParse<T>(string? text, Func<SpecTerm, T> read, [MaybeNullWhen(false)] out T value)
        where T : class
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            value = read(SpecTerm.Read(text));
            return true;
        }
        catch (SpecTextException)
        {
            return false;
        }
    }

    /// <summary>The values of <paramref name="term"/>, checking their number: <paramref name="min"/> to
    /// <paramref name="max"/>; with <paramref name="max"/> 0 the term must have no parentheses.</summary>
    /// <param name="term">The term.</param>
    /// <param name="min">The fewest values.</param>
    /// <param name="max">The most values (int.MaxValue: any number).</param>
    /// <param name="needs">The resource key (<c>nameof(LibraryText.…)</c>) of what is missing when there are too few,
    /// e.g. <see cref="Resources.LibraryText.Err_SpecNeeds_BalloonTerm"/> ("its amortization term in periods"); read
    /// only when the values are refused, so that a valid term costs no resource lookup.</param>
    /// <param name="example">An example of the form, e.g. "balloon(240)" (spec text, the same in every language).</param>
    /// <param name="otherExample">A second example, shown after the first as an alternative ("… or …" in the
    /// reader's language), or null.</param>
    internal static IReadOnlyList<SpecTerm> Values(SpecTerm term, int min, int max, string needs, string example, string? otherExample = null)
    {
        string name = term.Text.ToLowerInvariant();
        if (max == 0)
        {
            return term.Values is null ? [] : throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNoValues, name));
        }

        if (term.Values is null || term.Values.Count < min)
        {
            throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextNeeds, name, Resources.Localized.Text(needs), Example(example, otherExample)));
        }

        if (term.Values.Count > max)
        {
            string count = Resources.Localized.Format(
                min == max ? (min == 1 ? Resources.LibraryText.Err_SpecTextValue : Resources.LibraryText.Err_SpecTextValues)
                : max == min + 1 ? Resources.LibraryText.Err_SpecTextValuesOr : Resources.LibraryText.Err_SpecTextValuesRange, min, max);
            throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextCount, name, count, Example(example, otherExample), term.Values.Count));
        }

        return term.Values;
    }

    /// <summary>One example, or two as alternatives in the reader's language.</summary>
    private static string Example(string example, string? otherExample) =>
        otherExample is null ? example : Resources.Localized.Either(example, otherExample);

    /// <summary>What a value is, in the reader's language: the text of the resource <paramref name="what"/>, with
    /// <paramref name="number"/> in its placeholder when there is one. Called only when the value is refused.</summary>
    private static string What(string what, int? number) =>
        number is { } n ? Resources.Localized.Format(Resources.Localized.Text(what), n) : Resources.Localized.Text(what);

    /// <summary>A value that must be a plain word or number, not a term with parentheses.</summary>
    private static string Atom(SpecTerm value, string what, int? number = null) =>
        value.Values is null ? value.Text : throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextAtom, value.Text, What(what, number)));

    // In Int, Amount, Date and Percentage, what is the resource key (nameof(LibraryText.Err_SpecValue_…)) of what the
    // value is, e.g. "the cycle in months": looked up only when the value is refused.

    /// <summary>A whole number (an optional sign, digits).</summary>
    internal static int Int(SpecTerm value, string what)
    {
        string text = Atom(value, what);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextInt, text, What(what, null)));
    }

    /// <summary>An amount: a plain decimal number.</summary>
    internal static decimal Amount(SpecTerm value, string what)
    {
        string text = Atom(value, what);
        return TryNumber(text, out decimal number)
            ? number
            : throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextAmount, text, What(what, null)));
    }

    /// <summary>A date written yyyy-MM-dd.</summary>
    internal static LocalDate Date(SpecTerm value, string what)
    {
        string text = Atom(value, what);
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new SpecTextException(Resources.Localized.Format(Resources.LibraryText.Err_SpecTextDate, text, What(what, null)));
    }

    /// <summary>A percentage with its %, for a value inside a term.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">The resource key of what it is.</param>
    /// <param name="number">The number in that resource's placeholder (<c>loan year {0}</c>), or null when it has none.</param>
    internal static Percentage Percentage(SpecTerm value, string what, int? number = null)
    {
        string text = Atom(value, what, number);
        if (!MortgageMath.Percentage.TryRead(text, out Percentage percentage, out string? problem, out bool outOfRange))
        {
            throw new SpecTextException(problem!.TrimEnd('.', '。'), outOfRange);
        }

        return percentage;
    }

    /// <summary>Calls a library factory; its argument errors become range errors of the text (with the factory's reason).</summary>
    internal static T Build<T>(Func<T> factory)
    {
        try
        {
            return factory();
        }
        catch (ArgumentException e)
        {
            throw new SpecTextException(Reason(e), outOfRange: true);
        }
    }

    /// <summary>An exception's message without the runtime's " (Parameter 'x')" and "Actual value was" additions,
    /// and without its final full stop (it becomes part of a longer sentence).</summary>
    internal static string Reason(Exception e)
    {
        string message = e.Message;
        int end = message.IndexOfAny(['\r', '\n']);
        if (end >= 0)
        {
            message = message[..end];
        }

        int tail = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = (tail >= 0 ? message[..tail] : message).Trim();
        return message.EndsWith('.') || message.EndsWith('。') ? message[..^1] : message;
    }

    /// <summary>A plain decimal number, invariant culture: an optional sign, digits and a decimal point; no
    /// exponent, no thousands separators, no white space inside; at most 28 significant decimal places.</summary>
    internal static bool TryNumber(string text, out decimal number)
    {
        if (!decimal.TryParse(text, PlainNumber, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        // decimal.Parse rounds beyond 28 places; a text more precise than that is not read as a nearby number.
        int point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 || text.AsSpan(point + 1).TrimEnd('0').Length <= 28;
    }

    /// <summary>
    /// Splits a number-with-unit text (<c>4.9%</c>, <c>-30bp</c>): surrounding white space is ignored, so is white
    /// space between the number and the unit; <c>bp</c> may be in any case.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number, when there is one.</param>
    /// <param name="unit">The unit: <see cref="SpecNames.Units.Percent"/>, <see cref="SpecNames.Units.BasisPoints"/>, or "" when there is none.</param>
    /// <param name="numberText">The text read as the number (for messages).</param>
    /// <returns>What the text is.</returns>
    internal static QuantityForm ReadQuantity(string text, out decimal number, out string unit, out string numberText)
    {
        string trimmed = text.Trim();
        unit = trimmed.EndsWith(SpecNames.Units.Percent, StringComparison.Ordinal) ? SpecNames.Units.Percent
            : trimmed.EndsWith(SpecNames.Units.BasisPoints, StringComparison.OrdinalIgnoreCase) ? SpecNames.Units.BasisPoints
            : "";
        numberText = trimmed[..^unit.Length].TrimEnd();
        if (TryNumber(numberText, out number))
        {
            return unit.Length == 0 ? QuantityForm.NoUnit : QuantityForm.Number;
        }

        return unit.Length == 0 ? QuantityForm.Neither : QuantityForm.NotANumber;
    }

    /// <summary>A number as a message suggests it: invariant, without trailing zeros.</summary>
    internal static string Plain(decimal number) => FixedPoint.Normalize(number).ToString(CultureInfo.InvariantCulture);
}
