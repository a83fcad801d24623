#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// Prepay 200,000 now? A customer with a 1,000,000 loan (30 years at 4.9%, disbursed 2024-03-20) has 200,000 after
// the 12th payment (2025-03-20) and asks: shorten the term, lower the payment, or keep the money in a deposit?
// Run: `dotnet run examples/prepay-200k.cs` (docs/notebooks.md). Figures: TV-7a (docs/prepayment.md): 5,297.25 for
// 228 payments, or 4,229.63 for 348.
using MortgageMath;
using MortgageMath.Charts;
using NodaTime;

var loan = new Loan(1_000_000m, Rate.Percent(4.9m), periods: 360, new LocalDate(2024, 3, 20));
var date = new LocalDate(2025, 3, 20);
const decimal amount = 200_000m;
Rate deposit = Rate.Percent(1.5m);   // the customer's alternative: a time deposit (illustrative rate; use today's)

IReadOnlyList<PrepaymentComparison> options = PrepaymentComparison.Strategies(loan, date, amount,
    PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment, PrepaymentOption.LowerPayment);
Schedule baseline = options[0].Baseline;
int remaining = baseline.RegularPayments - 12;

Console.WriteLine($"prepay {amount:N2} on {date:yyyy-MM-dd} ({remaining} payments of {baseline.Quote.Payment:N2} left)");
Console.WriteLine($"{"option",-26}{"payment",12}{"payments left",15}{"last due",12}{"interest saved",16}");
foreach (PrepaymentComparison c in options)
{
    Schedule s = c.Alternative;
    Console.WriteLine($"{c.Option,-26}{c.NewPayment,12:N2}{s.RegularPayments - 12,15}{s.Last.DueDate,12:yyyy-MM-dd}{c.InterestSaved,16:N2}");
}

// Keeping the money instead: a one-year deposit renewed every year over the loan's remaining term, the interest
// (rounded to the fen each year, as a bank credits it) added to the principal.
decimal kept = amount;
int years = (remaining + 11) / 12;
for (int year = 0; year < years; year++)
{
    kept += decimal.Round(kept * deposit.ToPercent() / 100m, 2, MidpointRounding.AwayFromZero);
}

Console.WriteLine($"{"keep at " + deposit + " deposit",-26}{"",12}{remaining,15}{"",12}{"earns " + (kept - amount).ToString("N2"),16}");
decimal earned = kept - amount;
int better = options.Count(c => c.InterestSaved > earned);
Console.WriteLine($"the loan costs {loan.RatePlan}, the deposit earns {deposit}: {better} of {options.Count} options save more than the deposit "
    + $"earns over {years} years; shortening the term saves {options[0].InterestSaved - options[2].InterestSaved:N2} more than lowering the payment.");

// The balance without the prepayment against each option's (MortgageMath.Charts, docs/charts.md).
options.Chart().Balance().SaveSvg("prepay-200k.svg");
Console.WriteLine("chart: prepay-200k.svg (the balance without the prepayment and with each option)");
