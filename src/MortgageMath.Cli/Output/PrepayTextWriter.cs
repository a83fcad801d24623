using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>A <c>mortgage prepay</c> report as a table (<c>--format table</c>) or markdown.</summary>
internal static class PrepayTextWriter
{
    internal static string Table(PrepayReport report)
    {
        var text = new StringBuilder();
        text.Append(QuoteFigures.Summary(report.Baseline)).Append('\n');
        text.Append(report.PrepaymentLine()).Append('\n');
        text.Append(report.BaselineLine()).Append("\n\n");
        List<(string Label, string[] Values)> scheduleRows = report.ScheduleRows();
        List<(string Label, string[] Values)> calculatorRows = report.Calculator.Quotes.Count > 0 ? report.CalculatorRows() : [];
        int labelWidth = scheduleRows.Concat(calculatorRows).Max(r => TextWidth.Of(r.Label)) + 2;
        string[] headers = report.Headers;
        int[] widths = [.. headers.Select((h, k) => Math.Max(TextWidth.Of(h), scheduleRows.Concat(calculatorRows).Max(r => TextWidth.Of(r.Values[k]))))];

        void Line(string label, string[] values)
        {
            text.Append(TextWidth.PadRight(label, labelWidth));
            for (int k = 0; k < values.Length; k++)
            {
                text.Append(k == 0 ? "" : "  ").Append(TextWidth.PadLeft(values[k], widths[k]));
            }

            text.Append('\n');
        }

        text.Append(CliText.Prepay_Schedule).Append('\n');
        Line("", headers);
        foreach ((string label, string[] values) in scheduleRows)
        {
            Line("  " + label, values);
        }

        text.Append('\n');
        if (calculatorRows.Count > 0)
        {
            text.Append(report.CalculatorTitle).Append('\n');
            Line("", headers);
            foreach ((string label, string[] values) in calculatorRows)
            {
                Line("  " + label, values);
            }
        }
        else
        {
            text.Append(Language.Format(CliText.Prepay_CalculatorNotShown, report.Calculator.Unavailable)).Append('\n');
        }

        text.Append('\n').Append(CliText.Prepay_Note).Append('\n');
        return text.ToString();
    }

        internal static string Markdown(PrepayReport report)
    {
        var text = new StringBuilder();
        text.Append(QuoteFigures.Summary(report.Baseline)).Append("\n\n");
        text.Append(report.PrepaymentLine()).Append("\n\n");
        text.Append(report.BaselineLine()).Append("\n\n");

        void Table(string title, List<(string Label, string[] Values)> rows)
        {
            text.Append("**").Append(title.TrimEnd(':', '：')).Append("**\n\n");
            text.Append("| |");
            foreach (string header in report.Headers)
            {
                text.Append(' ').Append(header).Append(" |");
            }

            text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", report.Headers.Length))).Append('\n');
            foreach ((string label, string[] values) in rows)
            {
                text.Append("| ").Append(label).Append(" |");
                foreach (string value in values)
                {
                    text.Append(' ').Append(value).Append(" |");
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        Table(CliText.Prepay_Schedule, report.ScheduleRows());
        if (report.Calculator.Quotes.Count > 0)
        {
            Table(report.CalculatorTitle, report.CalculatorRows());
        }
        else
        {
            text.Append(Language.Format(CliText.Prepay_CalculatorNotShown, report.Calculator.Unavailable)).Append("\n\n");
        }

        text.Append(CliText.Prepay_Note).Append('\n');
        return text.ToString();
    }
}
