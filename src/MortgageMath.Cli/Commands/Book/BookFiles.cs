using System.Text;
using System.Text.Json.Nodes;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Portfolio;
using MortgageMath.Specs;
using Parquet;
using Parquet.Schema;

namespace MortgageMath.Cli;

/// <summary>One loan as read from a book file, not yet turned into a loan (that happens on the pricing threads).</summary>
/// <param name="Line">The file line (CSV, JSONL) or row (Parquet) of its first row, from 1.</param>
/// <param name="Json">A JSONL line: the loan spec document with its <c>id</c>.</param>
/// <param name="Rows">The flat rows of a CSV or Parquet book: one, or one per leg.</param>
internal sealed record BookRecord(long Line, string? Json, BookRow[]? Rows)
{
    /// <summary>The loan; a bad record is a <see cref="FormatException"/> naming its line and what is wrong.</summary>
    internal BookLoan ToBookLoan(RateTable table)
    {
        try
        {
            if (Rows is not null)
            {
                return BookRow.ToBookLoan(Rows, table);
            }

            var node = JsonNode.Parse(Json!) as JsonObject ?? throw new FormatException(CliText.Book_LineNotObject);
            string id = IdOf(node) ?? throw new FormatException(CliText.Book_LineNoId);
            string? segment = node["segment"] is JsonValue s && s.TryGetValue(out string? text) ? text : null;
            node.Remove("id");
            node.Remove("segment");
            LoanDocument doc = LoanSpec.Parse(node.ToJsonString(), table);
            return doc.CombinedLoan is { } combined ? new BookLoan(id, combined, segment) : new BookLoan(id, doc.Loan!, segment);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            string reason = e is ArgumentException a ? Spec.LoanSpecReader.LibraryText(a) : FirstLine(e.Message);
            throw new FormatException(Language.Format(CliText.Book_Line, Line, reason), e);
        }
    }

    /// <summary>The record's id, when it can be read.</summary>
    internal string? Id()
    {
        if (Rows is not null)
        {
            return Rows[0].Id;
        }

        try
        {
            return JsonNode.Parse(Json!) is JsonObject node ? IdOf(node) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? IdOf(JsonObject node) => node["id"] is JsonValue v && v.TryGetValue(out string? id) && id.Length > 0 ? id : null;

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}

/// <summary>Reads and writes book files by extension: <c>.jsonl</c>, <c>.csv</c>, <c>.parquet</c> (docs/book.md).</summary>
internal static class BookFiles
{
    internal enum Kind
    {
        Jsonl,
        Csv,
        Parquet,
    }

    internal static Kind KindOf(string path, string option) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" => Kind.Jsonl,
        ".csv" => Kind.Csv,
        ".parquet" => Kind.Parquet,
        var other => throw new UsageException(Language.Format(CliText.Book_ErrExtension, option, path, other)),
    };

    /// <summary>The loans of a book file, streamed: one record per loan (the legs of a combined loan together).</summary>
    internal static IEnumerable<BookRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException(Language.Format(CliText.Book_ErrNoFile, path));
        }

        return KindOf(path, "--loans") switch
        {
            Kind.Jsonl => ReadJsonl(path),
            Kind.Csv => Group(ReadCsv(path)),
            _ => Group(ReadParquet(path)),
        };
    }

    private static IEnumerable<BookRecord> ReadJsonl(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return new BookRecord(line, text, null);
            }
        }
    }

    private static IEnumerable<(long Line, BookRow Row)> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string header = reader.ReadLine() ?? throw new UsageException(Language.Format(CliText.Book_ErrCsvEmpty, path));
        int[] map = MapColumns(Csv.Split(header), path);
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var row = new BookRow();
            List<string> fields;
            try
            {
                fields = Csv.Split(text);
            }
            catch (FormatException)
            {
                fields = [];
            }

            for (int k = 0; k < map.Length; k++)
            {
                row.Values[k] = map[k] < fields.Count ? fields[map[k]] : null;
            }

            yield return (line, row);
        }
    }

    /// <summary>Where each book column is in a file's header; every column must be there (in any order).</summary>
    private static int[] MapColumns(IReadOnlyList<string> header, string path)
    {
        var map = new int[BookRow.Columns.Length];
        for (int k = 0; k < map.Length; k++)
        {
            map[k] = header.ToList().FindIndex(h => string.Equals(h.Trim(), BookRow.Columns[k], StringComparison.Ordinal));
            if (map[k] < 0)
            {
                throw new UsageException(Language.Format(CliText.Book_ErrNoColumn, path, BookRow.Columns[k], string.Join(",", BookRow.Columns)));
            }
        }

        return map;
    }

    private static IEnumerable<(long Line, BookRow Row)> ReadParquet(string path)
    {
        using Stream stream = File.OpenRead(path);
        ParquetReader reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            DataField[] fields = reader.Schema.GetDataFields();
            var columns = new DataField[BookRow.Columns.Length];
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k] = Array.Find(fields, f => f.Name == BookRow.Columns[k])
                    ?? throw new UsageException(Language.Format(CliText.Book_ErrNoColumn, path, BookRow.Columns[k], string.Join(",", BookRow.Columns)));
            }

            long line = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                var values = new string?[columns.Length][];
                for (int k = 0; k < columns.Length; k++)
                {
                    var column = new string?[count];
                    group.ReadAsync(columns[k], column.AsMemory()).GetAwaiter().GetResult();
                    values[k] = column;
                }

                for (int r = 0; r < count; r++)
                {
                    var row = new BookRow();
                    for (int k = 0; k < columns.Length; k++)
                    {
                        row.Values[k] = values[k][r];
                    }

                    yield return (++line, row);
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Consecutive rows with the same id and a leg name are one combined loan.</summary>
    private static IEnumerable<BookRecord> Group(IEnumerable<(long Line, BookRow Row)> rows)
    {
        var legs = new List<BookRow>();
        long first = 0;
        foreach ((long line, BookRow row) in rows)
        {
            if (legs.Count > 0 && (row.Leg is null || legs[0].Leg is null || row.Id != legs[0].Id))
            {
                yield return new BookRecord(first, null, [.. legs]);
                legs.Clear();
            }

            if (legs.Count == 0)
            {
                first = line;
            }

            legs.Add(row);
        }

        if (legs.Count > 0)
        {
            yield return new BookRecord(first, null, [.. legs]);
        }
    }

    /// <summary>Writes a book: JSONL documents, or the flat rows as CSV or Parquet (string columns).</summary>
    internal static void Write(Stream stream, Kind kind, IEnumerable<(string? Json, BookRow[] Rows)> loans)
    {
        if (kind == Kind.Parquet)
        {
            WriteParquet(stream, loans.SelectMany(l => l.Rows));
            return;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (kind == Kind.Csv)
        {
            writer.WriteLine(string.Join(',', BookRow.Columns));
        }

        foreach ((string? json, BookRow[] rows) in loans)
        {
            if (kind == Kind.Jsonl)
            {
                writer.WriteLine(json);
                continue;
            }

            foreach (BookRow row in rows)
            {
                writer.WriteLine(row.ToCsv());
            }
        }
    }

    /// <summary>The rows per Parquet row group written.</summary>
    internal const int RowGroupSize = 100_000;

    private static void WriteParquet(Stream stream, IEnumerable<BookRow> rows)
    {
        DataField[] fields = [.. BookRow.Columns.Select(c => new DataField<string>(c, true))];
        ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            var batch = new List<BookRow>(RowGroupSize);
            foreach (BookRow row in rows)
            {
                batch.Add(row);
                if (batch.Count == RowGroupSize)
                {
                    WriteGroup(writer, fields, batch);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                WriteGroup(writer, fields, batch);
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroup(ParquetWriter writer, DataField[] fields, List<BookRow> batch)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int k = 0; k < fields.Length; k++)
        {
            string?[] column = new string?[batch.Count];
            for (int r = 0; r < batch.Count; r++)
            {
                column[r] = batch[r].Values[k];
            }

            group.WriteAsync(fields[k], column).GetAwaiter().GetResult();
        }
    }
}
