using System.CommandLine;
using MortgageMath.Charts;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>--chart FILE.svg|FILE.png</c> option of <c>schedule</c>, <c>prepay</c>, <c>account</c> and <c>rates</c>: the
/// file name is checked before any work, the chart is drawn completely after the command's own output is rendered,
/// and written whole through <see cref="OutputFile"/> (beside the target, then renamed), so a failed run leaves no
/// half-written chart.
/// </summary>
internal sealed class ChartOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="what">What the chart shows, for the help text.</param>
    internal ChartOption(string what)
    {
        Option = new Option<string>("--chart")
        {
            Description = Language.Format(CliText.Help_ChartOption_Chart, what),
            HelpName = "FILE.svg|FILE.png",
        };
    }

    /// <summary>How the tool draws its charts: in the run's language (<c>--lang</c>, else the user's UI culture, which
    /// <see cref="CliApp"/> sets as <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> for the run), so
    /// that <c>--lang zh-CN</c> gives Chinese titles, axes and legends; the size and currency are the defaults.</summary>
    internal static ChartOptions Options => new() { Culture = System.Globalization.CultureInfo.CurrentUICulture };

    /// <summary>The System.CommandLine option.</summary>
    internal Option<string> Option { get; }

    /// <summary>The chart file asked for, checked, or null.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <exception cref="UsageException">An empty name or an extension other than .svg or .png.</exception>
    internal string? Read(ParseResult result)
    {
        string? path = result.GetValue(Option);
        if (path is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(path) || !ChartFileFormats.TryFromPath(path, out _))
        {
            throw new UsageException(Language.Format(CliText.Err_ChartExtension, ArgumentParsers.Echo(path)));
        }

        return path;
    }

    /// <summary>Draws the chart and writes it to <paramref name="path"/> (nothing when it is null).</summary>
    /// <param name="path">The file from <see cref="Read"/>.</param>
    /// <param name="chart">Makes the chart.</param>
    /// <exception cref="OutputWriteException">The file could not be written; the target is unchanged.</exception>
    internal static void Write(string? path, Func<Chart> chart)
    {
        if (path is not null)
        {
            OutputFile.Write(path, chart().ToBytes(ChartFileFormats.FromPath(path)));
        }
    }
}
