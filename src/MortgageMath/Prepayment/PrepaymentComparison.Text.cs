using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class PrepaymentComparison
{
    /// <summary>One line: <c>Prepayment comparison (shorten-term): interest saved 312,000.00, 86 periods saved, penalties
    /// 0.00, cash saved 112,000.00</c> (and the new payment, when the prepayment changed it). Invariant culture, amounts
    /// grouped with the rounding policy's decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = Alternative.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => ExportText.Grouped(amount, places);
        return string.Create(CultureInfo.InvariantCulture,
            $"Prepayment comparison{(Option is { } option ? $" ({option})" : "")}: interest saved {A(InterestSaved)}, {PeriodsSaved} periods saved{(NewPayment is { } payment ? ", new payment " + A(payment) : "")}, penalties {A(PenaltiesPaid)}, cash saved {A(CashSaved)}");
    }
}
