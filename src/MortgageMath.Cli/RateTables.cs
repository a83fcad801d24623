using MortgageMath.Cli.Resources;
namespace MortgageMath.Cli;

/// <summary>
/// The rate table the tool reads: <see cref="RateTable.China"/>, with the indexes of a <c>--rates</c> file replaced by
/// that file's series, and the CLI wording of a missing-fixing error.
/// </summary>
internal static class RateTables
{
    /// <summary>
    /// The shipped history, or, with a file, the shipped history in which every index the file has is replaced by the
    /// file's fixings of it (the other indexes stay: <see cref="RateTable.WithSeriesOf"/>). Replacing rather than interleaving keeps a user's own series
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
            throw new UsageException(CliText.Err_RatesEmpty);
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

        return RateTable.China.WithSeriesOf(loaded);
    }

    /// <summary>The library's missing-fixing problem (<see cref="MissingRateFixingException.Problem"/>) with the CLI's remedies instead of the API's.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>One line, without <c>error: </c>.</returns>
    internal static string MissingFixingMessage(MissingRateFixingException exception) =>
        Localization.Language.Format(CliText.Error_MissingFixingRemedy, exception.Problem);
}
