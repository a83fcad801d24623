using NodaTime;
namespace MortgageMath.Tests.Golden;
public class ScratchTmp
{
    [Fact]
    public void Dump()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 25)) { RepaymentDay = 20, OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment };
        var s = loan.BuildSchedule();
        var lines = new List<string>();
        foreach (var r in s) if (r.Period <= 3 || r.Period >= 340) lines.Add(r.ToString());
        lines.Add($"total interest {s.TotalInterest}");
        var l2 = loan with { Disbursement = new LocalDate(2024, 3, 10) };
        var s2 = l2.BuildSchedule();
        foreach (var r in s2) if (r.Period <= 2 || r.Period >= 358) lines.Add(r.ToString());
        File.WriteAllLines("/tmp/scratch_mm.txt", lines);
    }
}
