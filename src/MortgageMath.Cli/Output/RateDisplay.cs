namespace MortgageMath.Cli;

/// <summary>How the table and Markdown formats show the rate(s) of a row and the loan's rate changes.</summary>
internal static class RateDisplay
{
    /// <summary>A row's rate in percent: <c>4.9</c>, or for a row in which the rate changed every rate that applied
    /// in order, <c>4.2→3.95</c>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    internal static string Cell(Installment row)
    {
        if (!row.RateChanged)
        {
            return Amounts.Percent(row.AnnualRate);
        }

        var parts = new List<string>();
        foreach (RateSegment segment in row.RateSegments)
        {
            string text = Amounts.Percent(segment.AnnualRate);
            if (parts.Count == 0 || parts[^1] != text)
            {
                parts.Add(text);
            }
        }

        return string.Join("→", parts);
    }

    /// <summary>True when the loan's rate is not the same throughout (a floating, stepped or event-changed rate that changed).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>Whether there is more than one rate.</returns>
    internal static bool HasSeveralRates(Schedule schedule) => schedule.RateChanges.Count > 1;

    /// <summary>One line per rate change: <c>2024-01-01  3.95%  repricing: lpr5y 3.95% +0bp</c>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The lines, without line endings.</returns>
    internal static IEnumerable<string> ChangeLines(Schedule schedule) =>
        schedule.RateChanges.Select(c => $"{Amounts.Date(c.EffectiveDate)}  {Amounts.Percent(c.AnnualRate)}%  {c.Reason}");
}
