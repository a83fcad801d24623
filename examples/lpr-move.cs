#:package MortgageMath@0.1.0
#:package MortgageMath.Charts@0.1.0
// What does the latest LPR move do to an existing loan? A customer borrowed 1,000,000 over 30 years on 2021-06-20 at
// the 5-year LPR + 0bp, repriced every 1 January, and asks what the last cut changed.
// Run: `dotnet run examples/lpr-move.cs` (docs/notebooks.md). The move is found in the shipped China rate history
// (RateTable.China); with the history of March 2026 it is 3.60% → 3.50% on 2025-05-20, and for a new 30-year loan of
// 1,000,000 it is 4,546.45 → 4,490.45 a month (TV-8 of the conventions reference).
using MortgageMath;
using MortgageMath.Charts;
using NodaTime;

RateTable history = RateTable.China;
IReadOnlyList<RateFixing> fixings = history.Fixings(RateIndex.Lpr5Y);
int last = Enumerable.Range(1, fixings.Count - 1).Last(k => fixings[k].Value != fixings[k - 1].Value);
RateFixing before = fixings[last - 1], move = fixings[last];

// The same history without the move: every fixing from it on keeps the rate before it.
RateTable withoutMove = history.WithSeries(RateIndex.Lpr5Y,
    fixings.Select(f => f.EffectiveDate >= move.EffectiveDate ? f with { Value = before.Value, Source = "without the latest move" } : f));
LocalDate horizon = new(2060, 1, 1);

var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(0m), RepricingRule.EveryJanuary1),
    periods: 360, disbursement: new LocalDate(2021, 6, 20));
Schedule withIt = (loan with { Rates = history.AssumingUnchangedUntil(horizon) }).BuildSchedule();
Schedule without = (loan with { Rates = withoutMove.AssumingUnchangedUntil(horizon) }).BuildSchedule();

// The first due date on which the two schedules differ: the loan's repricing after the move.
Installment changed = withIt.First(r => r.Payment != without[r.Period - 1].Payment);
Installment next = withIt[changed.Period];

Console.WriteLine($"latest 5-year LPR move: {before.Value} → {move.Value} on {move.EffectiveDate:yyyy-MM-dd}");
Console.WriteLine($"loan: 1,000,000 over 30 years from 2021-06-20 at LPR + 0bp, repriced every 1 January");
Console.WriteLine($"{"",-34}{"without the move",18}{"with it",14}{"difference",14}");
Row($"payment in period {changed.Period} ({changed.DueDate:yyyy-MM-dd})", without[changed.Period - 1].Payment, changed.Payment);
Row($"payment from period {next.Period}", without[next.Period - 1].Payment, next.Payment);
Row("total interest, whole loan", without.TotalInterest, withIt.TotalInterest);

// A new loan taken at each rate (the figures calculators publish for a cut).
var newLoan = new Loan(1_000_000m, before.Value, 360, move.EffectiveDate);
Row("a new 30-year loan of 1,000,000", newLoan.BuildSchedule().Quote.Payment, (newLoan with { RatePlan = RatePlan.Fixed(move.Value) }).BuildSchedule().Quote.Payment);
Console.WriteLine($"period {changed.Period} straddles the repricing: its interest is counted by days at both rates (docs/rate-plans.md)");

// The loan's rate with and without the move, its repricing dates marked (MortgageMath.Charts, docs/charts.md).
ScheduleChart.Of("without the move", without).And("with it", withIt).Rate().SaveSvg("lpr-move.svg");
Console.WriteLine("chart: lpr-move.svg (the loan's rate with and without the move, repricing dates marked)");

static void Row(string label, decimal without, decimal with) =>
    Console.WriteLine($"{label,-34}{without,18:N2}{with,14:N2}{with - without,14:N2}");
