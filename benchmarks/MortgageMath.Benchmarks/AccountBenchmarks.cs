using BenchmarkDotNet.Attributes;
using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// The account of a 30-year loan (issue 12) as of the day after its last due date: every instalment paid, 12 of them
/// 10 days late (with 50.00 over the payment for the penalty, the rest held as credit) and 3 paid short on the due date
/// with the shortfall made up 5 days later; beside the same payments all on time, and beside building the plain
/// schedule (the yardstick: an account walks that schedule once). The account's instalment and ledger records are
/// made when first read (the ledger by replaying the walk with every line and allocation recorded): the last benchmark
/// reads them.
/// </summary>
[MemoryDiagnoser]
public class AccountBenchmarks
{
    private readonly Loan _loan = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
    private ReceivedPayment[] _onTime = null!;
    private ReceivedPayment[] _mixed = null!;
    private LocalDate _asOf;

    [GlobalSetup]
    public void Setup()
    {
        Schedule schedule = _loan.BuildSchedule();
        _asOf = schedule.Last.DueDate.PlusDays(1);
        _onTime = [.. schedule.Select(r => new ReceivedPayment(r.DueDate, r.Payment))];
        var mixed = new List<ReceivedPayment>();
        for (int k = 0; k < schedule.Count; k++)
        {
            Installment row = schedule[k];
            if (k % 30 == 5)
            {
                mixed.Add(new ReceivedPayment(row.DueDate.PlusDays(10), row.Payment + 50m)); // 12 late
            }
            else if (k % 120 == 60)
            {
                mixed.Add(new ReceivedPayment(row.DueDate, row.Payment - 1_000m)); // 3 partial
                mixed.Add(new ReceivedPayment(row.DueDate.PlusDays(5), 1_010m));
            }
            else
            {
                mixed.Add(new ReceivedPayment(row.DueDate, row.Payment));
            }
        }

        _mixed = [.. mixed];
        LoanAccount account = _loan.Account(_mixed, _asOf);
        if (account.Instalments.Count(i => i.Status == InstalmentStatus.PaidLate) != 15 || account.Instalments.Count != 360 || account.Arrears != 0m)
        {
            throw new InvalidOperationException("the benchmark account should have 360 instalments paid, 15 of them late");
        }
    }

    [Benchmark(Baseline = true, Description = "schedule, 360 rows")]
    public Schedule Schedule() => _loan.BuildSchedule();

    [Benchmark(Description = "account, 360 paid on time")]
    public LoanAccount OnTime() => _loan.Account(_onTime, _asOf);

    [Benchmark(Description = "account, 12 late + 3 partial")]
    public LoanAccount LateAndPartial() => _loan.Account(_mixed, _asOf);

    /// <summary>The same, with every instalment and ledger record read: the records are made on the first read, the
    /// ledger's by a second, recording walk.</summary>
    [Benchmark(Description = "account, 12 late + 3 partial, records read")]
    public int LateAndPartialRead()
    {
        LoanAccount account = _loan.Account(_mixed, _asOf);
        return account.Instalments.Count + account.Ledger.Count;
    }
}
