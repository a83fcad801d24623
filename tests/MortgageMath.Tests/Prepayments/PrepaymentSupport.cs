using System.Globalization;
using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Shared loans and checks for the prepayment tests.</summary>
internal static class PrepaymentSupport
{
    internal static LocalDate D(int year, int month, int day) => new(year, month, day);

    internal static Percentage Pct(decimal percent) => Percentage.Percent(percent);

    /// <summary>TV-1 (china-mortgage-conventions.md §8): 1,000,000 at 4.9% over 360 months, disbursed 2024-03-20, due on the 20th.</summary>
    internal static Loan Tv1 { get; } = new(1_000_000m, Rate.Percent(4.9m), 360, D(2024, 3, 20));

    internal static Loan With(this Loan loan, params LoanEvent[] events) => loan with { Events = events };

    /// <summary>A one-index table from (date, percent) pairs, complete up to 2300-01-01.</summary>
    internal static RateTable Table(RateIndex index, params (LocalDate Date, decimal Percent)[] fixings)
    {
        var csv = new StringBuilder("index,effective_date,rate_pct,source\n");
        foreach ((LocalDate date, decimal percent) in fixings)
        {
            csv.Append(index.Name).Append(',')
               .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
               .Append(percent.ToString(CultureInfo.InvariantCulture)).Append(",test\n");
        }

        return RateTable.Parse(new StringReader(csv.ToString()), new LocalDate(2300, 1, 1));
    }

    internal static Installment Regular(Schedule schedule, LocalDate due) =>
        schedule.Single(r => r.DueDate == due && r.Kind == InstallmentKind.Regular);

    internal static Installment PrepaymentRow(Schedule schedule) => schedule.Single(r => r.Kind != InstallmentKind.Regular);

    internal static Installment[] RegularRows(Schedule schedule) => [.. schedule.Where(r => r.Kind == InstallmentKind.Regular)];

    internal static decimal Sum(IEnumerable<Installment> rows, Func<Installment, decimal> field) => rows.Sum(field);

    /// <summary>
    /// Structural invariants of any schedule with prepayments: rows in date order, balances chained, every amount
    /// non-negative, Payment = Principal + Interest + Penalty, closing balance exactly 0, principal (regular +
    /// prepaid) summing to the loan, totals equal to the row sums, RegularPayments counting the regular rows, a
    /// payoff only as the last row, penalties 0 under PrepaymentPenalty.None.
    /// </summary>
    internal static void AssertWellFormed(Schedule schedule, string context)
    {
        Loan loan = schedule.Loan;
        decimal balance = loan.Principal;
        LocalDate previous = loan.Disbursement;
        for (int k = 0; k < schedule.Count; k++)
        {
            Installment row = schedule[k];
            string where = $"row {k}: {row}; {context}";
            Assert.True(row.DueDate >= previous, "rows out of date order: " + where);
            previous = row.DueDate;
            Assert.True(row.OpeningBalance == balance, $"opening {row.OpeningBalance}, expected {balance}: " + where);
            Assert.True(row.Principal >= 0m && row.Interest >= 0m && row.Penalty >= 0m && row.Payment >= 0m && row.ClosingBalance >= 0m,
                "negative amount: " + where);
            Assert.True(row.Payment == row.Principal + row.Interest + row.Penalty, where);
            Assert.True(row.ClosingBalance == row.OpeningBalance - row.Principal, where);
            if (row.Kind == InstallmentKind.Regular)
            {
                Assert.True(row.Penalty == 0m, where);
            }

            if (row.Kind == InstallmentKind.Payoff)
            {
                Assert.True(k == schedule.Count - 1 && row.ClosingBalance == 0m, "payoff not last: " + where);
            }

            if (loan.PrepaymentPenalty == PrepaymentPenalty.None)
            {
                Assert.True(row.Penalty == 0m, where);
            }

            balance = row.ClosingBalance;
        }

        Assert.True(schedule.Last.ClosingBalance == 0m, $"closing balance {schedule.Last.ClosingBalance}; {context}");
        Assert.True(Sum(schedule, r => r.Principal) == loan.Principal, $"principal sums to {Sum(schedule, r => r.Principal)}; {context}");
        Assert.True(schedule.TotalPrincipal == loan.Principal, context);
        Assert.True(schedule.TotalInterest == Sum(schedule, r => r.Interest), context);
        Assert.True(schedule.TotalPenalty == Sum(schedule, r => r.Penalty), context);
        Assert.True(schedule.TotalPayment == Sum(schedule, r => r.Payment), context);
        Assert.True(schedule.RegularPayments == schedule.Count(r => r.Kind == InstallmentKind.Regular), context);
    }
}
