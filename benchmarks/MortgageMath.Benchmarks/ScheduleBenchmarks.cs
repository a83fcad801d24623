using BenchmarkDotNet.Attributes;
using Microsoft.VisualBasic;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// Building the TV-1 schedule (1,000,000 at 4.9% over 360 months) with each method, beside the in-box peer:
/// the same 360 rows computed with Microsoft.VisualBasic.Financial.IPmt/PPmt (double, closed form per row).
/// </summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private readonly Loan _equalInstallment = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
    private readonly Loan _equalPrincipal = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20))
    {
        Method = RepaymentMethod.EqualPrincipal,
    };

    [Benchmark(Baseline = true, Description = "VB Financial IPmt+PPmt, 360 rows (double)")]
    public double[] VisualBasicIPmtPPmt()
    {
        const double rate = 0.049 / 12;
        const int periods = 360;
        const double principal = 1_000_000;
        var rows = new double[periods * 3]; // interest, principal, balance per row
        double balance = principal;
        for (int period = 1; period <= periods; period++)
        {
            double interest = -Financial.IPmt(rate, period, periods, principal);
            double repaid = -Financial.PPmt(rate, period, periods, principal);
            balance -= repaid;
            rows[(period - 1) * 3] = interest;
            rows[((period - 1) * 3) + 1] = repaid;
            rows[((period - 1) * 3) + 2] = balance;
        }

        return rows;
    }

    [Benchmark(Description = "MortgageMath equal installment, 360 rows")]
    public Schedule EqualInstallment() => _equalInstallment.BuildSchedule();

    [Benchmark(Description = "MortgageMath equal principal, 360 rows")]
    public Schedule EqualPrincipal() => _equalPrincipal.BuildSchedule();
}
