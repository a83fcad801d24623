using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class CombinedQuote
{
    /// <summary>One line, each sum with its parts: <c>Combined quote: payment 6,111.11 (commercial 5,307.27 +
    /// provident-fund 803.84), total interest 1,210,615.12 (formula 1,210,616.19)</c>. Invariant culture, amounts
    /// grouped with each leg's decimals (the sums with the most of any leg).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = Loan.Legs.Max(l => l.Loan.Rounding.DecimalPlaces);
        string parts = string.Join(" + ", Loan.Legs.Select((leg, k) => leg.Name + " " + ExportText.Grouped(Legs[k].Payment, leg.Loan.Rounding.DecimalPlaces)));
        return $"Combined quote: payment {ExportText.Grouped(Payment, places)} ({parts}), total interest {ExportText.Grouped(ScheduleTotalInterest, places)} (formula {ExportText.Grouped(FormulaTotalInterest, places)})";
    }
}
