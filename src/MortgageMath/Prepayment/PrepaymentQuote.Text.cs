using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class PrepaymentQuote
{
    /// <summary>One line: <c>Prepay 200,000.00 after 12 payments, shorten-term: balance 985,000.00 → 785,000.00, 262
    /// periods left (86 saved), payment 5,307.27, last 1,234.56, interest saved 312,000.00</c>. Invariant culture,
    /// amounts grouped with the rounding policy's decimals.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => ExportText.Grouped(amount, places);
        return string.Create(CultureInfo.InvariantCulture,
            $"Prepay {A(Amount)} after {PaymentsMade} payment{(PaymentsMade == 1 ? "" : "s")}, {Option}: balance {A(BalanceBefore)} → {A(BalanceAfter)}, {RemainingPeriods} periods left ({PeriodsSaved} saved), payment {A(NewPayment)}, last {A(LastPayment)}, interest saved {A(InterestSaved)}");
    }
}
