using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using MortgageMath.Cli.Localization;
using MortgageMath.Verification;

namespace MortgageMath.Cli;

/// <summary>One loan checked by <c>mortgage verify</c>: its id (null for a single loan), where our spec and their
/// schedule came from, and the library's result, or the input error that kept it from being checked.</summary>
internal sealed record VerifyOutcome(string? Id, string Spec, string Schedule, VerificationResult? Result, string? Error, int Places = 2)
{
    internal string Name => Id ?? Path.GetFileNameWithoutExtension(Schedule);
}

/// <summary>The reports of <c>mortgage verify</c>: the human text, the JSON report and the JUnit XML. Every word of
/// the text comes from <see cref="VerifyMessages"/>.</summary>
internal static class VerifyWriters
{
    /// <summary>The human report of one loan: the verdict, the summary, the first differences as a table, the hints.</summary>
    internal static void Text(StringBuilder text, VerifyOutcome outcome, int shown)
    {
        int places = outcome.Places;
        VerificationResult? result = outcome.Result;
        string verdict = result is null ? VerifyMessages.Error : result.IsMatch ? VerifyMessages.Match : VerifyMessages.Differs;
        text.Append(outcome.Id is null ? VerifyMessages.Title(outcome.Spec, outcome.Schedule, verdict) : VerifyMessages.BookLoan(outcome.Id, verdict)).Append('\n');
        if (result is null)
        {
            return;
        }

        text.Append(VerifyMessages.Rows(result.OurRows, result.TheirRows, result.RowsCompared, result.RowsDiffering)).Append('\n');
        text.Append(VerifyMessages.Columns(result.ColumnsCompared.Select(ColumnMapping.ColumnName))).Append('\n');
        if (result.IsMatch)
        {
            return;
        }

        text.Append(VerifyMessages.Largest(Amounts.Plain(result.LargestDifference, places),
            result.Tolerance == 0m ? VerifyMessages.Exact : Amounts.Exact(result.Tolerance))).Append('\n');
        int rows = Math.Min(shown, result.Differences.Count);
        text.Append(VerifyMessages.DifferenceCount(result.DifferenceCount, rows)).Append('\n');
        if (rows > 0)
        {
            Table(text, result.Differences.Take(rows));
        }

        foreach (VerificationHint hint in result.Hints)
        {
            text.Append(VerifyMessages.Hint(hint)).Append('\n');
        }
    }

    private static void Table(StringBuilder text, IEnumerable<Difference> differences)
    {
        List<string[]> cells =
        [
            [VerifyMessages.TableHeaderRow, VerifyMessages.TableHeaderColumn, VerifyMessages.TableHeaderOurs,
                VerifyMessages.TableHeaderTheirs, VerifyMessages.TableHeaderDifference, VerifyMessages.TableHeaderLine],
        ];
        foreach (Difference d in differences)
        {
            cells.Add(
            [
                d.Row.ToString(CultureInfo.InvariantCulture),
                d.Column is { } c ? ColumnMapping.ColumnName(c) : "",
                d.Kind == DifferenceKind.MissingRow ? VerifyMessages.MissingRow : d.Ours ?? VerifyMessages.NoValue,
                d.Kind == DifferenceKind.ExtraRow ? VerifyMessages.ExtraRow + " " + d.Theirs : d.Kind == DifferenceKind.MissingRow ? "" : d.Theirs ?? VerifyMessages.NoValue,
                d.Delta is { } delta ? (delta > 0 ? "+" : "") + delta.ToString(CultureInfo.InvariantCulture) : "",
                d.Line?.ToString(CultureInfo.InvariantCulture) ?? "",
            ]);
        }

        int[] widths = [.. Enumerable.Range(0, 6).Select(k => cells.Max(r => TextWidth.Of(r[k])))];
        foreach (string[] row in cells)
        {
            text.Append("  ");
            for (int k = 0; k < row.Length; k++)
            {
                bool right = k is 0 or 2 or 3 or 4 or 5 && row != cells[0];
                string cell = right ? TextWidth.PadLeft(row[k], widths[k]) : TextWidth.PadRight(row[k], widths[k]);
                text.Append(cell);
                if (k < row.Length - 1)
                {
                    text.Append("  ");
                }
            }

            TrimEnd(text);
            text.Append('\n');
        }
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    /// <summary>The JSON report: <c>result</c> (match, differ or error), <c>tolerance</c>, <c>summary</c> and <c>loans</c>.</summary>
    internal static string Json(IReadOnlyList<VerifyOutcome> outcomes, decimal tolerance)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            (int matching, int differing, int errors) = Counts(outcomes);
            json.WriteStartObject();
            json.WriteString("result", errors > 0 ? "error" : differing > 0 ? "differ" : "match");
            json.WriteNumber("tolerance", tolerance);
            json.WriteStartObject("summary");
            json.WriteNumber("loans", outcomes.Count);
            json.WriteNumber("matching", matching);
            json.WriteNumber("differing", differing);
            json.WriteNumber("errors", errors);
            json.WriteEndObject();
            json.WriteStartArray("loans");
            foreach (VerifyOutcome outcome in outcomes)
            {
                WriteLoan(json, outcome);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteLoan(Utf8JsonWriter json, VerifyOutcome outcome)
    {
        int places = outcome.Places;
        json.WriteStartObject();
        json.WriteString("id", outcome.Name);
        json.WriteString("spec", outcome.Spec);
        json.WriteString("schedule", outcome.Schedule);
        VerificationResult? result = outcome.Result;
        json.WriteString("result", result is null ? "error" : result.IsMatch ? "match" : "differ");
        if (result is null)
        {
            json.WriteString("error", outcome.Error);
            json.WriteEndObject();
            return;
        }

        json.WriteNumber("rows_ours", result.OurRows);
        json.WriteNumber("rows_theirs", result.TheirRows);
        json.WriteNumber("rows_compared", result.RowsCompared);
        json.WriteNumber("rows_differing", result.RowsDiffering);
        json.WriteNumber("difference_count", result.DifferenceCount);
        json.WritePropertyName("largest_difference");
        json.WriteRawValue(Amounts.Plain(result.LargestDifference, places));
        json.WriteStartArray("columns");
        foreach (ScheduleColumn column in result.ColumnsCompared)
        {
            json.WriteStringValue(ColumnMapping.ColumnName(column));
        }

        json.WriteEndArray();
        json.WriteStartArray("hints");
        foreach (VerificationHint hint in result.Hints)
        {
            json.WriteStartObject();
            json.WriteString("kind", VerifyMessages.HintCode(hint.Kind));
            json.WriteNumber("value", hint.Value);
            json.WriteNumber("rows", hint.Rows);
            json.WriteString("message", VerifyMessages.HintText(hint));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("differences");
        foreach (Difference d in result.Differences)
        {
            json.WriteStartObject();
            json.WriteNumber("row", d.Row);
            if (d.Column is { } c)
            {
                json.WriteString("column", ColumnMapping.ColumnName(c));
            }
            else
            {
                json.WriteNull("column");
            }

            json.WriteString("kind", d.Kind switch { DifferenceKind.MissingRow => "missing-row", DifferenceKind.ExtraRow => "extra-row", _ => "value" });
            json.WriteString("ours", d.Ours);
            json.WriteString("theirs", d.Theirs);
            if (d.Delta is { } delta)
            {
                json.WriteNumber("difference", delta);
            }
            else
            {
                json.WriteNull("difference");
            }

            if (d.Line is { } line)
            {
                json.WriteNumber("line", line);
            }
            else
            {
                json.WriteNull("line");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The JUnit XML report: one <c>testsuite</c> ("mortgage verify") with one <c>testcase</c> per loan; a differing loan
    /// has a <c>failure</c> (message: the counts; text: its first differences and hints), a loan that could not be
    /// checked an <c>error</c>. The shape GitHub Actions, GitLab and Azure Pipelines read.
    /// </summary>
    internal static string Junit(IReadOnlyList<VerifyOutcome> outcomes, int shown)
    {
        (_, int differing, int errors) = Counts(outcomes);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var xml = XmlWriter.Create(text, settings))
        {
            string count = outcomes.Count.ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "mortgage verify");
            xml.WriteAttributeString("tests", count);
            xml.WriteAttributeString("failures", differing.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "mortgage verify");
            xml.WriteAttributeString("tests", count);
            xml.WriteAttributeString("failures", differing.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", "0");
            foreach (VerifyOutcome outcome in outcomes)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", "mortgage.verify");
                xml.WriteAttributeString("name", outcome.Name);
                xml.WriteAttributeString("file", outcome.Schedule);
                xml.WriteAttributeString("time", "0");
                if (outcome.Result is null)
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", outcome.Error ?? "");
                    xml.WriteAttributeString("type", "input");
                    xml.WriteEndElement();
                }
                else if (!outcome.Result.IsMatch)
                {
                    VerificationResult result = outcome.Result;
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", VerifyMessages.JunitFailure(result.DifferenceCount, result.RowsDiffering, Amounts.Plain(result.LargestDifference, outcome.Places)));
                    xml.WriteAttributeString("type", "difference");
                    var body = new StringBuilder();
                    Text(body, outcome with { Id = null }, shown);
                    xml.WriteString(body.ToString());
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    internal static (int Matching, int Differing, int Errors) Counts(IReadOnlyList<VerifyOutcome> outcomes)
    {
        int matching = 0, differing = 0, errors = 0;
        foreach (VerifyOutcome outcome in outcomes)
        {
            if (outcome.Result is null)
            {
                errors++;
            }
            else if (outcome.Result.IsMatch)
            {
                matching++;
            }
            else
            {
                differing++;
            }
        }

        return (matching, differing, errors);
    }
}
