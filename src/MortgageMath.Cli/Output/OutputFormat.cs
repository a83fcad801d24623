namespace MortgageMath.Cli;

/// <summary>The formats <c>mortgage schedule --format</c> writes.</summary>
internal enum OutputFormat
{
    /// <summary>An aligned text table followed by the quote figures (the default).</summary>
    Table = 0,

    /// <summary>Comma-separated values: a header and one row per period.</summary>
    Csv = 1,

    /// <summary>An indented JSON document: loan, rows, totals and quote.</summary>
    Json = 2,

    /// <summary>A GitHub pipe table followed by the quote figures as a bullet list.</summary>
    Markdown = 3,
}
