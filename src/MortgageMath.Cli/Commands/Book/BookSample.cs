using System.Globalization;
using System.Text.Json.Nodes;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// A synthetic but realistic Chinese mortgage book for trying <c>mortgage book reprice</c> (docs/book.md): from a fixed
/// seed, so a count gives the same book every time. Loans disbursed 2020-2026 (after the LPR reform); 75% single
/// LPR-linked loans (5-year LPR plus a spread of −80 to +60 bp, repriced every 1 January or on the anniversary), 10%
/// combined loans (an LPR commercial leg and a provident-fund leg), 10% provident-fund loans, 5% fixed-rate; terms of
/// 10 to 30 years (mostly 30; mean about 310 months), 15% equal principal, 8% with a partial prepayment; 80% of the
/// loans in segment <c>first-home</c>, the rest <c>second-home</c>.
/// </summary>
internal static class BookSample
{
    internal const int Seed = 20261205;

    internal static IEnumerable<(string? Json, BookRow[] Rows)> Generate(int count, RateTable table, bool json)
    {
        var r = new Random(Seed);
        for (int k = 1; k <= count; k++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"L{k:D8}");
            string segment = r.Next(100) < 80 ? "first-home" : "second-home";
            var disbursed = new LocalDate(r.Next(2020, 2027), r.Next(1, 13), r.Next(1, 29));
            if (disbursed > new LocalDate(2026, 10, 28))
            {
                disbursed = disbursed.PlusYears(-1);
            }

            int periods = r.Next(100) switch
            {
                < 62 => 360,
                < 77 => 300,
                < 89 => 240,
                < 96 => 180,
                _ => 120,
            };
            int kind = r.Next(100);
            BookRow[] rows;
            if (kind < 10)
            {
                decimal pf = r.Next(30, 121) * 10_000m;
                rows =
                [
                    Row(r, id, segment, "commercial", r.Next(50, 250) * 10_000m, periods, disbursed, "floating"),
                    Row(r, id, segment, "provident-fund", pf, periods, disbursed, "provident-fund"),
                ];
            }
            else
            {
                string plan = kind < 85 ? "floating" : kind < 95 ? "provident-fund" : "fixed";
                decimal principal = plan == "provident-fund" ? r.Next(30, 121) * 10_000m : r.Next(30, 300) * 10_000m;
                rows = [Row(r, id, segment, null, principal, periods, disbursed, plan)];
            }

            yield return (json ? Json(rows, table) : null, rows); // the JSON only for a JSONL book (it costs a spec write)
        }
    }

    private static BookRow Row(Random r, string id, string segment, string? leg, decimal principal, int periods, LocalDate disbursed, string plan)
    {
        var row = new BookRow();
        void Set(string column, string? value) => row.Values[Array.IndexOf(BookRow.Columns, column)] = value;
        Set("id", id);
        Set("segment", segment);
        Set("leg", leg);
        Set("principal", principal.ToString(CultureInfo.InvariantCulture));
        Set("periods", periods.ToString(CultureInfo.InvariantCulture));
        Set("disbursement", DateText(disbursed));
        Set("method", r.Next(100) < 15 ? "equal-principal" : "equal-installment");
        Set("rate_plan", plan);
        switch (plan)
        {
            case "floating":
                Set("index", "lpr5y");
                Set("spread_bp", (r.Next(-16, 13) * 5).ToString(CultureInfo.InvariantCulture));
                Set("repricing", r.Next(100) < 70 ? "january-1" : "anniversary");
                break;
            case "provident-fund":
                Set("index", periods > 60 ? "pf-first-gt5y" : "pf-first-le5y");
                break;
            default:
                Set("rate", (r.Next(300, 520) / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%");
                break;
        }

        LocalDate prepayment = disbursed.PlusMonths(r.Next(13, 61)).PlusDays(r.Next(0, 20));
        if (r.Next(100) < 8 && prepayment < new LocalDate(2026, 11, 1))
        {
            Set("prepayment_date", DateText(prepayment));
            Set("prepayment_amount", Math.Min(principal / 5m, r.Next(5, 21) * 10_000m).ToString(CultureInfo.InvariantCulture));
            Set("prepayment_option", r.Next(100) < 70 ? "shorten-term" : "lower-payment");
        }

        return row;
    }

    /// <summary>The JSONL line of a loan: its id and segment, then its loan spec document on one line.</summary>
    private static string Json(BookRow[] rows, RateTable table)
    {
        Portfolio.BookLoan loan = BookRow.ToBookLoan(rows, table);
        LoanDocument doc = loan.Loan is { } single ? new LoanDocument(single) : new LoanDocument(loan.Combined!);
        var spec = (JsonObject)JsonNode.Parse(LoanSpec.Write(doc, table))!;
        var line = new JsonObject { ["id"] = loan.Id, ["segment"] = loan.Segment };
        foreach ((string name, JsonNode? value) in spec.ToList())
        {
            spec.Remove(name);
            line[name] = value;
        }

        return line.ToJsonString(LineOptions); // relaxed escaping, as the spec writer: "+60bp", not "\u002B60bp"
    }

    private static readonly System.Text.Json.JsonSerializerOptions LineOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string DateText(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
