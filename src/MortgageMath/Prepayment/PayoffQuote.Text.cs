using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class PayoffQuote
{
    /// <summary>One line: <c>Payoff on 2025-04-08: 812,345.67 = balance 810,000.00 + accrued interest 2,345.67 + penalty
    /// 0.00</c>. Invariant culture, date <c>yyyy-MM-dd</c>, amounts grouped with their decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Payoff on {ExportText.Date(Date)}: {ExportText.Grouped(Total)} = balance {ExportText.Grouped(Balance)} + accrued interest {ExportText.Grouped(AccruedInterest)} + penalty {ExportText.Grouped(Penalty)}{(DeferredPayments != 0m ? $" + deferred payments {ExportText.Grouped(DeferredPayments)}" : "")}";
}
