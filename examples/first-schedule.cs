#:package MortgageMath@0.1.0
// A file-based app: `dotnet run examples/first-schedule.cs` (see README.md, "Install", for the package source).
// Prints the first three rows and the totals of a 30-year loan of 1,000,000 at 4.9%.
using MortgageMath;
using NodaTime;

var loan = new Loan(1_000_000m, Rate.Percent(4.9m), periods: 360, disbursement: new LocalDate(2024, 3, 20));
Schedule schedule = loan.BuildSchedule();
foreach (Installment row in schedule.Take(3))
    Console.WriteLine($"{row.Period} {row.DueDate:yyyy-MM-dd} {row.Payment} = {row.Principal} + {row.Interest}");
Console.WriteLine($"total interest {schedule.TotalInterest}");
