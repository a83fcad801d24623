using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class Schedule
{
    /// <summary>One line: <c>Schedule: 360 rows 2024-04-20..2054-03-20, payment 5,307.27, total interest 910,615.12</c> (and the penalties, when any). Invariant culture, dates <c>yyyy-MM-dd</c>, amounts grouped with the rounding policy's decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"Schedule: {Count} row{(Count == 1 ? "" : "s")} {ExportText.Date(First.DueDate)}..{ExportText.Date(Last.DueDate)}, payment {ExportText.Grouped(Quote.Payment, Places)}, total interest {ExportText.Grouped(TotalInterest, Places)}{(TotalPenalty != 0m ? ", penalties " + ExportText.Grouped(TotalPenalty, Places) : "")}");
}
