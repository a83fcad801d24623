using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class PurchaseSplit
{
    /// <summary>One line: <c>Purchase split: price 3,000,000.00 = down payment 900,000.00 + provident fund 1,200,000.00
    /// (limit 1,200,000.00) + commercial 900,000.00; against all-commercial it saves 1,234.56 a month and 123,456.78
    /// interest</c>. Invariant culture, amounts grouped with the loans' decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = ScheduleJson.SumPlaces(CombinedSchedule);
        string A(decimal amount) => ExportText.Grouped(amount, places);
        return $"Purchase split: price {A(Price)} = down payment {A(DownPayment)} + provident fund {A(ProvidentFundAmount)} (limit {A(ProvidentFundLimit)}) + commercial {A(CommercialAmount)}; against all-commercial it saves {A(MonthlyPaymentSaving)} a month and {A(InterestSaving)} interest";
    }
}
