using MortgageMath.Benchmarks;
using NodaTime;

namespace MortgageMath.Tests.Totals;

/// <summary>The benchmark yardsticks (benchmarks/MortgageMath.Benchmarks/Yardsticks.cs, compiled into this project)
/// do the library's arithmetic: the int64 loops give TV-1's cents exactly, row by row and in total.</summary>
public class YardstickTests
{
    private static readonly Loan Tv1 = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    [Fact]
    public void The_int64_rows_loop_gives_the_library_rows_of_TV1()
    {
        Schedule s = Tv1.BuildSchedule();
        Yardsticks.Row[] rows = Yardsticks.Int64Rows();
        Assert.Equal(s.Count, rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            Assert.Equal(s[k].Period, rows[k].Period);
            Assert.Equal(s[k].OpeningBalance, rows[k].Opening / 100m);
            Assert.Equal(s[k].Principal, rows[k].Principal / 100m);
            Assert.Equal(s[k].Interest, rows[k].Interest / 100m);
        }
    }

    [Fact]
    public void The_int64_totals_loop_gives_the_library_totals_of_TV1()
    {
        (long interest, long principal) = Yardsticks.Int64Totals();
        Assert.Equal(Tv1.Totals().TotalInterest, interest / 100m);
        Assert.Equal(Tv1.BuildSchedule().TotalPrincipal, principal / 100m);
        Assert.Equal(910_615.12m, interest / 100m); // TV-1 C3 (conventions §8)
    }
}
