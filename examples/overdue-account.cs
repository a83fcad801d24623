#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// An overdue account as a collector sees it. The borrower of a 1,000,000 loan (30 years at 4.9%, 5,307.27 a month from
// 2024-04-20) has paid nothing; on 2024-05-20 the collector asks: what is owed, how late, which class, what next?
// Run: `dotnet run examples/overdue-account.cs` (docs/notebooks.md). China's policy (docs/servicing.md): 罚息 at the
// contract rate + 50% on the overdue principal, 复利 on the overdue interest, the 2023 five-class rule.
using MortgageMath;
using MortgageMath.Charts;
using MortgageMath.Servicing;
using NodaTime;

var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
var asOf = new LocalDate(2024, 5, 20);
LoanAccount account = loan.Account([], asOf);

Console.WriteLine($"account as of {asOf:yyyy-MM-dd}: {account.Payments.Count} payments received");
Console.WriteLine($"{"period",6}{"due",12}{"due payment",13}{"罚息",10}{"复利",10}{"days late",11}  status");
foreach (AccountInstalment i in account.Instalments)
    Console.WriteLine($"{i.Period,6}{i.DueDate,12:yyyy-MM-dd}{i.DuePayment,13:N2}{i.PenaltyInterest,12:N2}{i.CompoundInterest,12:N2}{i.DaysLate,11}  {i.Status}");

AccountClassification c = account.Classification;
Console.WriteLine($"days past due {account.DaysPastDue}; {account.OverdueInstalments} instalment(s) overdue since {account.OverdueSince:yyyy-MM-dd}");
Console.WriteLine($"class {c.Class} ({c.Class.Code}); if nothing is paid: {c.NextClass} on {c.NextTransition:yyyy-MM-dd}");
Console.WriteLine($"to be current: {account.AmountToBeCurrent:N2}; to pay off: {account.PayoffAmount:N2}");

// Payments due against payments received up to the as-of date: the gap is the arrears (MortgageMath.Charts, docs/charts.md).
account.Chart().SaveSvg("overdue-account.svg");
Console.WriteLine("chart: overdue-account.svg (payments due against received)");
