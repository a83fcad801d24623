using System.Globalization;
using System.Text;
using MortgageMath.Portfolio;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace MortgageMath.Cli;

/// <summary>Writes repricing results as CSV or Parquet (docs/book.md "Results"), one row per priced loan, streamed.</summary>
internal static class ResultFiles
{
    internal static readonly string[] Columns =
    [
        "id", "payment_before", "payment_after", "interest_before", "interest_after", "payment_now", "window_interest_before",
        "window_interest_after", "balance", "maturity_before", "maturity_after", "next_rate_change", "row",
    ];

    /// <summary>Writes the results; returns what <paramref name="results"/> returned once enumerated.</summary>
    internal static void Write(Stream stream, bool parquet, IEnumerable<LoanRepricing> results)
    {
        if (parquet)
        {
            WriteParquet(stream, results);
            return;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (LoanRepricing r in results)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv.Field(r.Id)},{r.PaymentBefore},{r.PaymentAfter},{r.InterestBefore},{r.InterestAfter},{r.PaymentNow},{r.WindowInterestBefore},{r.WindowInterestAfter},{r.Balance},{Date(r.MaturityBefore)},{Date(r.MaturityAfter)},{(r.NextRateChange is { } d ? Date(d) : "")},{r.Row}"));
        }
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteParquet(Stream stream, IEnumerable<LoanRepricing> results)
    {
        var id = new DataField<string>("id");
        DataField<decimal>[] amounts = [.. Columns[1..9].Select(c => new DataField<decimal>(c))];
        var maturityBefore = new DataField<DateOnly>("maturity_before");
        var maturityAfter = new DataField<DateOnly>("maturity_after");
        var nextChange = new DataField<DateOnly?>("next_rate_change");
        var row = new DataField<long>("row");
        Field[] fields = [id, .. amounts, maturityBefore, maturityAfter, nextChange, row];
        ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            var batch = new List<LoanRepricing>(BookFiles.RowGroupSize);
            foreach (LoanRepricing r in results)
            {
                batch.Add(r);
                if (batch.Count == BookFiles.RowGroupSize)
                {
                    Group(batch);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                Group(batch);
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        void Group(List<LoanRepricing> batch)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            group.WriteAsync(id, batch.Select(r => r.Id).ToArray()).GetAwaiter().GetResult();
            Func<LoanRepricing, decimal>[] values =
            [
                r => r.PaymentBefore, r => r.PaymentAfter, r => r.InterestBefore, r => r.InterestAfter, r => r.PaymentNow,
                r => r.WindowInterestBefore, r => r.WindowInterestAfter, r => r.Balance,
            ];
            for (int k = 0; k < amounts.Length; k++)
            {
                group.WriteAsync(amounts[k], new ReadOnlyMemory<decimal>([.. batch.Select(values[k])])).GetAwaiter().GetResult();
            }

            group.WriteAsync(maturityBefore, new ReadOnlyMemory<DateOnly>([.. batch.Select(r => r.MaturityBefore.ToDateOnly())])).GetAwaiter().GetResult();
            group.WriteAsync(maturityAfter, new ReadOnlyMemory<DateOnly>([.. batch.Select(r => r.MaturityAfter.ToDateOnly())])).GetAwaiter().GetResult();
            group.WriteAsync(nextChange, new ReadOnlyMemory<DateOnly?>([.. batch.Select(r => r.NextRateChange?.ToDateOnly())])).GetAwaiter().GetResult();
            group.WriteAsync(row, new ReadOnlyMemory<long>([.. batch.Select(r => r.Row)])).GetAwaiter().GetResult();
        }
    }
}
