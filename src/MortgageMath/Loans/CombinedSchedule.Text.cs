using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class CombinedSchedule
{
    /// <summary>One line: <c>Combined schedule: 2 legs (commercial, provident-fund), 360 dates 2024-04-20..2054-03-20,
    /// payment 6,111.11, total interest 1,210,615.12</c> (and the penalties, when any). Invariant culture, dates
    /// <c>yyyy-MM-dd</c>, amounts grouped with the most decimals of any leg.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = ScheduleJson.SumPlaces(this);
        return string.Create(CultureInfo.InvariantCulture,
            $"Combined schedule: {Legs.Count} leg{(Legs.Count == 1 ? "" : "s")} ({string.Join(", ", Loan.Legs.Select(l => l.Name))}), {Count} date{(Count == 1 ? "" : "s")} {ExportText.Date(First.Date)}..{ExportText.Date(Last.Date)}, payment {ExportText.Grouped(Quote.Payment, places)}, total interest {ExportText.Grouped(TotalInterest, places)}{(TotalPenalty != 0m ? ", penalties " + ExportText.Grouped(TotalPenalty, places) : "")}");
    }
}
