using System.Globalization;
using System.Text;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial class LoanQuote
{
    /// <summary>
    /// One line, each total interest with its convention: <c>Quote: payment 5,307.27 (exact 5307.2672062281104119951735),
    /// total interest 910,615.12 (formula 910,616.19; rounded payment × n 910,617.20)</c>, with the monthly decrease,
    /// balloon or payment after the interest-only periods when the method has one. Invariant culture, amounts grouped
    /// with the rounding policy's decimals.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int places = Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => ExportText.Grouped(amount, places);
        var text = new StringBuilder("Quote: payment ").Append(A(Payment))
            .Append(" (exact ").Append(ExactPayment.ToString(CultureInfo.InvariantCulture)).Append(')');
        if (MonthlyDecrease is { } decrease)
        {
            text.Append(", monthly decrease ").Append(A(decrease));
        }

        if (BalloonPayment is { } balloon)
        {
            text.Append(", balloon ").Append(A(balloon));
        }

        if (PaymentAfterInterestOnly is { } after)
        {
            text.Append(", after the interest-only periods ").Append(A(after));
        }

        text.Append(", total interest ").Append(A(ScheduleTotalInterest)).Append(" (formula ").Append(A(FormulaTotalInterest));
        if (RoundedPaymentTotalInterest is { } rounded)
        {
            text.Append("; rounded payment × n ").Append(A(rounded));
        }

        return text.Append(')').ToString();
    }
}
