using System.Globalization;
using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Floating;

/// <summary>Small helpers shared by the floating-rate tests.</summary>
internal static class FloatingSupport
{
    internal static LocalDate D(int year, int month, int day) => new(year, month, day);

    internal static Rate Pct(decimal percent) => Rate.Percent(percent);

    internal static Spread Bp(decimal basisPoints) => Spread.FromBasisPoints(basisPoints);

    /// <summary>A table of one index from (date, percent) pairs, complete up to <paramref name="asOf"/>.</summary>
    internal static RateTable Table(RateIndex index, IEnumerable<(LocalDate Date, decimal Percent)> fixings, LocalDate asOf)
    {
        var csv = new StringBuilder("index,effective_date,rate_pct,source\n");
        foreach ((LocalDate date, decimal percent) in fixings)
        {
            csv.Append(index.Name).Append(',')
               .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
               .Append(percent.ToString(CultureInfo.InvariantCulture)).Append(",test\n");
        }

        return RateTable.Parse(new StringReader(csv.ToString()), asOf);
    }

    /// <summary>Rate changes as comparable (date, percent) pairs.</summary>
    internal static (LocalDate, decimal)[] Changes(Schedule schedule) =>
        [.. schedule.RateChanges.Select(c => (c.EffectiveDate, c.AnnualRate.ToPercent()))];

    /// <summary>The row due on <paramref name="due"/>.</summary>
    internal static Installment Row(Schedule schedule, LocalDate due) => schedule.Single(r => r.DueDate == due);

    /// <summary>Structural invariants every schedule must satisfy.</summary>
    internal static void AssertWellFormed(Schedule schedule, string context)
    {
        Loan loan = schedule.Loan;
        Assert.True(schedule.Count == loan.Periods, context);
        decimal balance = loan.Principal;
        decimal principal = 0m;
        decimal interest = 0m;
        for (int k = 0; k < schedule.Count; k++)
        {
            Installment row = schedule[k];
            Assert.True(row.Period == k + 1, context);
            Assert.True(row.OpeningBalance == balance, $"row {k + 1}: opening {row.OpeningBalance}, expected {balance}; {context}");
            Assert.True(row.Principal >= 0m && row.Interest >= 0m && row.Payment >= 0m && row.ClosingBalance >= 0m,
                $"row {k + 1} has a negative amount: {row}; {context}");
            Assert.True(row.Payment == row.Principal + row.Interest, $"row {k + 1}: {row}; {context}");
            Assert.True(row.ClosingBalance == row.OpeningBalance - row.Principal, $"row {k + 1}: {row}; {context}");
            balance = row.ClosingBalance;
            principal += row.Principal;
            interest += row.Interest;
        }

        Assert.True(schedule.Last.ClosingBalance == 0m, $"closing balance {schedule.Last.ClosingBalance}; {context}");
        Assert.True(principal == loan.Principal, $"principal sums to {principal}, loan {loan.Principal}; {context}");
        Assert.True(schedule.TotalPrincipal == loan.Principal, context);
        Assert.True(schedule.TotalInterest == interest, context);
        Assert.True(schedule.TotalPayment == loan.Principal + interest, context);
    }
}
