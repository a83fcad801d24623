// Writes the book used to measure `mortgage verify --book` (docs/performance.md, "Issue 14"):
// 10,000 fixed-rate loans of 360 months, book.jsonl and their schedules as schedules/<id>.csv.
//   cd /tmp/book && dotnet run /path/to/repo/eng/verify-book.cs
//   mortgage verify --book book.jsonl --schedules schedules
#:project ../src/MortgageMath/MortgageMath.csproj
using MortgageMath;
using MortgageMath.Specs;
using NodaTime;

var random = new Random(14);
Directory.CreateDirectory("schedules");
using var book = new StreamWriter("book.jsonl");
for (var i = 0; i < 10_000; i++)
{
    var principal = random.Next(100_000, 5_000_001);
    var rate = 2.5m + random.Next(0, 351) / 100m;
    var start = new LocalDate(2020, 1, 1).PlusDays(random.Next(0, 1500));
    var loan = new Loan(principal, Rate.Percent(rate), 360, start);
    if (random.Next(2) == 0)
        loan = loan with { Method = RepaymentMethod.EqualPrincipal };
    var id = $"L{i:D5}";
    var spec = LoanSpec.Write(new LoanDocument(loan)).Replace("\n", "").Replace("\r", "");
    book.WriteLine($"{{\"id\":\"{id}\",\"spec\":{spec}}}");
    using var schedule = File.CreateText($"schedules/{id}.csv");
    loan.BuildSchedule().WriteCsv(schedule);
}
Console.WriteLine("book.jsonl and schedules/ (10,000 loans) written");
