#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// How much can this household borrow? A couple earns 12,000 + 8,000 a month (ages 35 and 33) and pays 1,500 a month on
// a car loan; the bank applies China's commercial rules (housing payment ≤ 50% of income, all debts ≤ 55%, age + term
// ≤ 70, term ≤ 30 years) at 3.05% (LPR 3.50% − 45bp, 等额本息).
// Run: `dotnet run examples/max-loan.cs` (docs/notebooks.md). The debts rule binds: 55% of 20,000 is 11,000, less
// 1,500 of car loan leaves 9,500 a month for the mortgage.
using System.Globalization;
using MortgageMath;
using MortgageMath.Charts;
using MortgageMath.Affordability;
using NodaTime;

var household = new Household(new Borrower(12_000m, 35), new Borrower(8_000m, 33)) { MonthlyDebtPayments = 1_500m };
AffordabilityPolicy policy = AffordabilityPolicy.ChinaCommercial;

Console.WriteLine("household income 20,000.00 a month, other debts 1,500.00; China commercial rules; 3.05% fixed");
Console.WriteLine($"{"term",-10}{"largest loan",16}{"payment",12}{"share of income",18}  binding rule");
foreach (int years in new[] { 20, 25, 30 })
{
    var terms = new Loan(1m, Rate.Percent(3.05m), years * 12, new LocalDate(2025, 6, 20));
    AffordabilitySolution answer = AffordabilitySolver.MaxLoan(policy, household, terms);
    decimal payment = answer.Report.HighestPayment.Amount;
    Console.WriteLine($"{years + " years",-10}{answer.Value,16:N2}{payment,12:N2}{$"{payment * 100m / household.MonthlyIncome:0.00}%",18}  {string.Join(", ", answer.BindingRules)}");
}

// The explanation for the customer, in Chinese: the library's texts follow the UI culture (docs/localization.md).
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
AffordabilitySolution thirty = AffordabilitySolver.MaxLoan(policy, household, new Loan(1m, Rate.Percent(3.05m), 360, new LocalDate(2025, 6, 20)));
Console.WriteLine(thirty.Explanation);

// The frontier for the customer, in Chinese: the largest loan at each monthly income, this household's debts and ages
// kept (MortgageMath.Charts, docs/charts.md).
ChartExtensions.AffordabilityFrontier(policy, household, new Loan(1m, Rate.Percent(3.05m), 360, new LocalDate(2025, 6, 20)),
        [10_000m, 15_000m, 20_000m, 25_000m, 30_000m], new ChartOptions { Culture = CultureInfo.CurrentUICulture })
    .SaveSvg("max-loan.svg");
Console.WriteLine("chart: max-loan.svg (最高贷款额与月收入)");
