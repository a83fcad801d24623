using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath.Analytics;

public sealed partial class LoanCashFlows
{
    /// <summary>One line: <c>Cash flows: advance 1,000,000.00 on 2024-03-20, 360 payments 2024-04-20..2054-03-20 totalling
    /// 1,910,615.12</c>. Invariant culture, dates <c>yyyy-MM-dd</c>, amounts grouped with their decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        decimal total = Payments.Sum(p => p.Amount);
        string payments = Payments.Count == 0
            ? "no payments"
            : string.Create(CultureInfo.InvariantCulture, $"{Payments.Count} payment{(Payments.Count == 1 ? "" : "s")} {ExportText.Date(Payments[0].Date)}..{ExportText.Date(Payments[^1].Date)} totalling {ExportText.Grouped(total)}");
        return $"Cash flows: advance {ExportText.Grouped(Advance)} on {ExportText.Date(AdvanceDate)}, {payments}";
    }
}
