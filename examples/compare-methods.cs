#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// 等额本息 or 等额本金? A customer borrows 1,000,000 over 30 years at 4.9% and asks which repayment method to take.
// Run: `dotnet run examples/compare-methods.cs` (docs/notebooks.md). Figures: TV-1 and TV-3 of the conventions
// reference (5,307.27 a month; 6,861.11 falling by 11.34 a month).
using System.Globalization;
using MortgageMath;
using MortgageMath.Charts;
using NodaTime;

var disbursed = new LocalDate(2024, 3, 20);
var installment = new Loan(1_000_000m, Rate.Percent(4.9m), periods: 360, disbursed);    // 等额本息 (the default)
var principal = installment with { Method = RepaymentMethod.EqualPrincipal };          // 等额本金

Schedule a = installment.BuildSchedule();
Schedule b = principal.BuildSchedule();

Console.WriteLine("1,000,000 over 30 years at 4.9%, disbursed 2024-03-20");
Console.WriteLine($"{"",-28}{Right("等额本息 equal-installment", 26)}{Right("等额本金 equal-principal", 26)}");
Row("first payment", a.First.Payment, b.First.Payment);
Row("last payment", a.Last.Payment, b.Last.Payment);
Row("highest payment", a.Max(r => r.Payment), b.Max(r => r.Payment));
Row("income needed (50% rule)", a.Max(r => r.Payment) * 2, b.Max(r => r.Payment) * 2);
Row("total interest", a.TotalInterest, b.TotalInterest);
Row("total paid", a.TotalPayment, b.TotalPayment);
Console.WriteLine($"等额本金 saves {a.TotalInterest - b.TotalInterest:N2} of interest but asks {b.First.Payment - a.First.Payment:N2} more "
    + $"in the first month; its payment falls by {b.Quote.MonthlyDecrease:N2} a month and drops below 等额本息's "
    + $"in period {b.First(r => r.Payment < a.First.Payment).Period}.");

// The chart for the customer, in Chinese: both payments month by month (MortgageMath.Charts, docs/charts.md).
ScheduleChart.Methods(installment, new ChartOptions { Culture = CultureInfo.GetCultureInfo("zh-CN") }).Payment().SaveSvg("compare-methods.svg");
Console.WriteLine("chart: compare-methods.svg (月供: 等额本息 against 等额本金)");

static void Row(string label, decimal installment, decimal principal) =>
    Console.WriteLine($"{label,-28}{installment,26:N2}{principal,26:N2}");

// Pads on the left to a width in terminal columns: a Chinese character takes two.
static string Right(string text, int width) => new string(' ', Math.Max(0, width - text.Sum(c => c >= '\u2E80' ? 2 : 1))) + text;
