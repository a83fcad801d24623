using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Specs;

/// <summary>
/// Reads a payments file: CSV with the header <c>date,amount</c> and one payment received per line, an ISO date and a
/// plain amount (<c>2025-04-20,5307.27</c>, no thousands separators). Payment <c>i</c> (from 0) is on line
/// <c>i + 2</c>: blank lines are refused, except at the end. What <c>mortgage account --payments FILE</c> reads.
/// </summary>
public static class PaymentsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "date,amount";

    /// <summary>Reads the payments from the CSV text.</summary>
    /// <param name="csv">The text.</param>
    /// <returns>The payments, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="PaymentsCsvException">The header is not <c>date,amount</c>, or a line is not a payment:
    /// <see cref="PaymentsCsvException.LineNumber"/> (from 1) and <see cref="PaymentsCsvException.Line"/> say which;
    /// the message also names the value at fault.</exception>
    public static IReadOnlyList<ReceivedPayment> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        string[] lines = csv.ReplaceLineEndings("\n").Split('\n');
        int count = lines.Length;
        while (count > 0 && lines[count - 1].Trim().Length == 0)
        {
            count--;
        }

        if (count == 0 || !string.Equals(lines[0].Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
        {
            string first = count == 0 ? "" : lines[0].Trim();
            throw new PaymentsCsvException(1, first, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvHeader, Header, Echo(first)));
        }

        var payments = new List<ReceivedPayment>(count - 1);
        for (int i = 1; i < count; i++)
        {
            payments.Add(ReadLine(lines[i], i + 1));
        }

        return payments.AsReadOnly();
    }

    private static ReceivedPayment ReadLine(string line, int number)
    {
        string at = number.ToString(CultureInfo.InvariantCulture);
        string[] fields = line.Split(',');
        if (line.Trim().Length == 0)
        {
            throw new PaymentsCsvException(number, line, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvEmpty, at));
        }

        if (fields.Length != 2)
        {
            throw new PaymentsCsvException(number, line, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvFields, at, Echo(line.Trim()), fields.Length));
        }

        string dateText = fields[0].Trim();
        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(dateText);
        if (!date.Success)
        {
            throw new PaymentsCsvException(number, line, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvDate, at, Echo(dateText)));
        }

        string amountText = fields[1].Trim();
        if (!SpecNumbers.TryParseDecimal(amountText, out decimal amount))
        {
            throw new PaymentsCsvException(number, line, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvAmount, at, Echo(amountText)));
        }

        try
        {
            return new ReceivedPayment(date.Value, amount);
        }
        catch (ArgumentException e)
        {
            string value = e.ParamName == "date" ? dateText : amountText;
            throw new PaymentsCsvException(number, line, Resources.Localized.Format(Resources.LibraryText.Err_SpecCsvValue, at, Echo(value), LoanSpecReader.LibraryText(e)), e);
        }
    }

    private static string Echo(string text) => text.Length > 60 ? text[..57] + "..." : text;
}

/// <summary>A payments CSV line that is not a payment (a <see cref="FormatException"/>, so existing handlers still
/// catch it): <see cref="LineNumber"/> counts from 1 (the header is line 1), <see cref="Line"/> is its text.</summary>
public sealed class PaymentsCsvException : FormatException
{
    internal PaymentsCsvException(int lineNumber, string line, string message, Exception? inner = null)
        : base(message, inner)
    {
        LineNumber = lineNumber;
        Line = line;
    }

    /// <summary>The line's number, from 1 (the header).</summary>
    public int LineNumber { get; }

    /// <summary>The line's text.</summary>
    public string Line { get; }
}
