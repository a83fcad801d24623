#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// 组合贷款 or all commercial? A buyer needs 1,000,000 over 30 years: 300,000 can come from the housing provident fund
// (公积金, 2.60%) and the rest from a commercial loan at LPR − 45bp (3.05% in June 2025), or all 1,000,000 commercial.
// Run: `dotnet run examples/combined-vs-commercial.cs` (docs/notebooks.md). Figures: TV-9 (docs/combined-loans.md):
// 2,970.14 + 1,201.02 = 4,171.16 a month.
using MortgageMath;
using MortgageMath.Charts;
using NodaTime;

var disbursed = new LocalDate(2025, 6, 20);
// The shipped China rate history, assumed unchanged after its last fixing (a scenario, not a forecast).
var rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));
var commercialPlan = RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1);

var combined = new CombinedLoan(
    new LoanLeg("commercial", new Loan(700_000m, commercialPlan, 360, disbursed) { Rates = rates }),
    new LoanLeg("provident-fund", new Loan(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = rates }));
var allCommercial = new Loan(1_000_000m, commercialPlan, 360, disbursed) { Rates = rates };

CombinedSchedule c = combined.BuildSchedule();
Schedule all = allCommercial.BuildSchedule();
Schedule commercialLeg = c.Leg("commercial");
Schedule fundLeg = c.Leg("provident-fund");

Console.WriteLine("1,000,000 over 30 years from 2025-06-20; rates as of the shipped history, then unchanged");
Console.WriteLine($"{"",-30}{"monthly payment",18}{"total interest",18}");
Console.WriteLine($"{"commercial leg 700,000",-30}{commercialLeg.First.Payment,18:N2}{commercialLeg.TotalInterest,18:N2}");
Console.WriteLine($"{"provident-fund leg 300,000",-30}{fundLeg.First.Payment,18:N2}{fundLeg.TotalInterest,18:N2}");
Console.WriteLine($"{"combined loan",-30}{c.First.Payment,18:N2}{c.TotalInterest,18:N2}");
Console.WriteLine($"{"all commercial 1,000,000",-30}{all.First.Payment,18:N2}{all.TotalInterest,18:N2}");
Console.WriteLine($"the combined loan saves {all.First.Payment - c.First.Payment:N2} a month and {all.TotalInterest - c.TotalInterest:N2} of interest; "
    + "it takes two approvals (bank and fund centre) and the fund leg's cap (balance × multiple, the city's maximum).");

// Each leg's balance and the all-commercial balance on one chart (MortgageMath.Charts, docs/charts.md).
ScheduleChart.Of("commercial leg", commercialLeg).And("provident-fund leg", fundLeg).And("all commercial", all)
    .Balance().SaveSvg("combined-vs-commercial.svg");
Console.WriteLine("chart: combined-vs-commercial.svg (the balance of each leg and of the all-commercial loan)");
