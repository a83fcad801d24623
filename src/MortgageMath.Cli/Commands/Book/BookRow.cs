using System.Globalization;
using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Portfolio;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Cli;

/// <summary>
/// One row of a flat book (CSV or Parquet, docs/book.md "Flat layout"): one loan, or one leg of a combined loan (the
/// legs of one loan are consecutive rows with the same id and a leg name). Every column is text, as in the CSV.
/// </summary>
internal sealed class BookRow
{
    internal static readonly string[] Columns =
    [
        "id", "segment", "leg", "principal", "periods", "disbursement", "repayment_day", "method", "rate_plan", "rate",
        "index", "spread_bp", "repricing", "prepayment_date", "prepayment_amount", "prepayment_option",
    ];

    internal readonly string?[] Values = new string?[Columns.Length];

    internal string? this[string column] => Values[Array.IndexOf(Columns, column)] is { Length: > 0 } v ? v : null;

    internal string? Id => this["id"];

    internal string? Leg => this["leg"];

    /// <summary>The loan (or leg) of this row; a bad value is a <see cref="FormatException"/> naming its column.</summary>
    internal Loan ToLoan(RateTable table)
    {
        decimal principal = Number("principal");
        int periods = (int)Number("periods");
        LocalDate disbursement = Date("disbursement");
        RatePlan plan = (this["rate_plan"] ?? "") switch
        {
            "fixed" => RatePlan.Fixed(Rate.TryParse(this["rate"], out Rate rate) ? rate : throw Bad("rate", this["rate"], CliText.Book_ExpectRate)),
            "floating" => RatePlan.Floating(Index(), Spread.FromBasisPoints(Number("spread_bp")), (this["repricing"] ?? "") switch
            {
                "january-1" => RepricingRule.EveryJanuary1,
                "anniversary" => RepricingRule.EveryAnniversary,
                var other => throw Bad("repricing", other, CliText.Book_ExpectRepricing),
            }),
            "provident-fund" => RatePlan.ProvidentFund(Index()),
            var other => throw Bad("rate_plan", other, CliText.Book_ExpectRatePlan),
        };
        var loan = new Loan(principal, plan, periods, disbursement)
        {
            Rates = table,
            Method = (this["method"] ?? "equal-installment") switch
            {
                "equal-installment" => RepaymentMethod.EqualInstallment,
                "equal-principal" => RepaymentMethod.EqualPrincipal,
                var other => throw Bad("method", other, CliText.Book_ExpectMethod),
            },
            RepaymentDay = this["repayment_day"] is null ? null : (int)Number("repayment_day"),
        };
        if (this["prepayment_date"] is not null)
        {
            LocalDate date = Date("prepayment_date");
            PrepaymentOption option = PrepaymentOption.TryParse(this["prepayment_option"] ?? "shorten-term", out PrepaymentOption? parsed)
                ? parsed
                : throw Bad("prepayment_option", this["prepayment_option"], CliText.Book_ExpectPrepaymentOption);
            loan = loan with
            {
                Events = [this["prepayment_amount"] is null ? Prepayment.Payoff(date) : Prepayment.Partial(date, Number("prepayment_amount"), option)],
            };
        }

        return loan;
    }

    private RateIndex Index() => RateIndex.TryParse(this["index"], out RateIndex? index) ? index : throw Bad("index", this["index"], CliText.Book_ExpectIndex);

    private decimal Number(string column) =>
        decimal.TryParse(this[column], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw Bad(column, this[column], CliText.Book_ExpectNumber);

    private LocalDate Date(string column) =>
        LocalDatePattern.Iso.Parse(this[column] ?? "") is { Success: true } result ? result.Value : throw Bad(column, this[column], CliText.Book_ExpectDate);

    private static FormatException Bad(string column, string? value, string expected) =>
        new(Language.Format(CliText.Book_RowBad, column, value is null ? CliText.Book_RowMissing : Language.Format(CliText.Book_RowInvalid, value), expected));

    /// <summary>The rows of one loan as a book loan: a single loan, or a combined loan of its legs.</summary>
    internal static BookLoan ToBookLoan(BookRow[] rows, RateTable table)
    {
        string id = rows[0].Id ?? throw new FormatException(CliText.Book_RowNoId);
        string? segment = rows[0]["segment"];
        if (rows.Length == 1 && rows[0].Leg is null)
        {
            return new BookLoan(id, rows[0].ToLoan(table), segment);
        }

        var legs = new LoanLeg[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            string leg = rows[k].Leg ?? throw new FormatException(Language.Format(CliText.Book_RowNoLeg, id));
            try
            {
                legs[k] = new LoanLeg(leg, rows[k].ToLoan(table));
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new FormatException(Language.Format(CliText.Book_RowLeg, leg, e.Message), e);
            }
        }

        return new BookLoan(id, new CombinedLoan(legs), segment);
    }

    /// <summary>The row as a CSV line (fields quoted when they hold a comma, quote or line break).</summary>
    internal string ToCsv()
    {
        var b = new StringBuilder();
        for (int k = 0; k < Values.Length; k++)
        {
            if (k > 0)
            {
                b.Append(',');
            }

            b.Append(Csv.Field(Values[k]));
        }

        return b.ToString();
    }
}

/// <summary>The few CSV rules the book files need (RFC 4180 quoting).</summary>
internal static class Csv
{
    internal static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Splits one line into fields (quoted fields may hold commas and doubled quotes; not line breaks).</summary>
    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            char c = line[k];
            if (quoted)
            {
                if (c == '"' && k + 1 < line.Length && line[k + 1] == '"')
                {
                    field.Append('"');
                    k++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException(CliText.Book_RowUnterminated);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
