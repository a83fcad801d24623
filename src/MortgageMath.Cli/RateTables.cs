using System.Globalization;
using System.Text;

namespace MortgageMath.Cli;

/// <summary>
/// The rate table the tool reads: <see cref="RateTable.China"/>, with the indexes of a <c>--rates</c> file replaced by
/// that file's series, and the CLI wording of a missing-fixing error.
/// </summary>
internal static class RateTables
{
    /// <summary>
    /// The shipped history, or, with a file, the shipped history in which every index the file has is replaced by the
    /// file's fixings of it (the other indexes stay). Replacing rather than interleaving keeps a user's own series
    /// exactly as written: a file with two LPR fixings means those two values and no shipped ones in between. The
    /// as-of date is the later of the two tables'.
    /// </summary>
    /// <param name="path">The <c>--rates</c> file, or null.</param>
    /// <returns>The table.</returns>
    /// <exception cref="UsageException">The file cannot be read or is not a valid rate file.</exception>
    internal static RateTable Load(string? path)
    {
        if (path is null)
        {
            return RateTable.China;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--rates is empty; give a rate file, e.g. --rates my-lpr.csv.");
        }

        // Read through InputFiles (not RateTable.Load) so that the size limit applies: --rates /dev/zero is refused.
        string text = InputFiles.ReadText("--rates", path);
        RateTable loaded;
        try
        {
            loaded = RateTable.Parse(new StringReader(text));
        }
        catch (FormatException e)
        {
            throw new UsageException($"--rates {path}: {e.Message}");
        }

        return ReplaceIndexes(RateTable.China, loaded);
    }

    /// <summary><paramref name="baseTable"/> with the series of every index in <paramref name="overrides"/> replaced by its series there.</summary>
    /// <param name="baseTable">The table to start from.</param>
    /// <param name="overrides">The series that replace.</param>
    /// <returns>The combined table; its as-of date is the later of the two.</returns>
    internal static RateTable ReplaceIndexes(RateTable baseTable, RateTable overrides)
    {
        var kept = new StringWriter(CultureInfo.InvariantCulture);
        baseTable.WriteCsv(kept);
        var replaced = new HashSet<string>(overrides.Indexes.Select(i => i.Name), StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (string line in kept.ToString().Split('\n'))
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            bool isRow = comma > 0 && !line.StartsWith('#') && line != "index,effective_date,rate_pct,source";
            if (!isRow || !replaced.Contains(line[..comma]))
            {
                text.Append(line).Append('\n');
            }
        }

        var overrideText = new StringWriter(CultureInfo.InvariantCulture);
        overrides.WriteCsv(overrideText);
        foreach (string line in overrideText.ToString().Split('\n'))
        {
            if (line.Length > 0 && !line.StartsWith('#') && line != "index,effective_date,rate_pct,source")
            {
                text.Append(line).Append('\n');
            }
        }

        NodaTime.LocalDate asOf = NodaTime.LocalDate.Max(baseTable.AsOf, overrides.AsOf);
        return RateTable.Parse(new StringReader(text.ToString()), asOf);
    }

    /// <summary>The library's missing-fixing problem (<see cref="MissingRateFixingException.Problem"/>) with the CLI's remedies instead of the API's.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>One line, without <c>error: </c>.</returns>
    internal static string MissingFixingMessage(MissingRateFixingException exception) =>
        $"{exception.Problem}; give the fixings with --rates FILE or \"rates\": {{\"fixings\": [...]}} in the spec, " +
        "or assume no change with \"rates\": {\"assume_unchanged_until\": \"yyyy-MM-dd\"}.";
}
