using System.Resources;
using MortgageMath.Serialization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>The names of a schedule's row kinds and CSV columns in the run's language (Resources/CliText.*.resx).</summary>
internal static class ScheduleLabels
{
    /// <summary>A row kind as the table and Markdown formats show it: its spec name in English (<c>prepayment</c>), 提前还款 in Chinese.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    internal static string Kind(InstallmentKind kind) => kind switch
    {
        InstallmentKind.Regular => CliText.Kind_Regular,
        InstallmentKind.Prepayment => CliText.Kind_Prepayment,
        InstallmentKind.Payoff => CliText.Kind_Payoff,
        InstallmentKind.Balloon => CliText.Kind_Balloon,
        InstallmentKind.Holiday => CliText.Kind_Holiday,
        InstallmentKind.Capitalization => CliText.Kind_Capitalization,
        InstallmentKind.Deferred => CliText.Kind_Deferred,
        _ => ScheduleFormat.KindName(kind),
    };

    /// <summary>
    /// Rewrites the header line of the library's CSV (<see cref="ScheduleFormat.CsvHeader"/> and its optional columns)
    /// in <paramref name="language"/>: each documented column name <c>x</c> becomes the resource <c>Csv_x</c>. The rows are
    /// untouched; a column without a resource keeps its English name.
    /// </summary>
    /// <param name="csv">The CSV as the library wrote it (lines end with <c>\n</c>).</param>
    /// <param name="language">The language of the column names.</param>
    /// <returns>The CSV with the header line translated.</returns>
    internal static string TranslateCsvHeader(string csv, System.Globalization.CultureInfo language)
    {
        int end = csv.IndexOf('\n', StringComparison.Ordinal);
        string header = end < 0 ? csv : csv[..end];
        ResourceManager resources = CliText.ResourceManager;
        string translated = string.Join(',', header.Split(',').Select(name => resources.GetString("Csv_" + name, language) ?? name));
        return end < 0 ? translated : translated + csv[end..];
    }
}
