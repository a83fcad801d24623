using NodaTime;

namespace MortgageMath.Tests.Combined;

/// <summary>Shared loans and checks for the combined-loan tests.</summary>
internal static class CombinedSupport
{
    /// <summary>TV-9's disbursement: after the 2025-05-08 provident-fund cut (2.60%) and the 2025-05-20 LPR (3.50%).</summary>
    internal static readonly LocalDate Tv9Disbursed = new(2025, 6, 20);

    /// <summary>The shipped history, assumed unchanged until after the 30-year legs end.</summary>
    internal static readonly RateTable Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));

    /// <summary>TV-9 commercial leg: 700,000 at LPR 3.50 − 45bp = 3.05%, repriced every 1 January, 360 months.</summary>
    internal static Loan Tv9Commercial { get; } =
        new(700_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, Tv9Disbursed)
        {
            Rates = Rates,
        };

    /// <summary>TV-9 provident-fund leg: 300,000 on the first-home over-5-years rate (2.60% from 2025-05-08), 360 months.</summary>
    internal static Loan Tv9ProvidentFund { get; } =
        new(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, Tv9Disbursed)
        {
            Rates = Rates,
        };

    internal static CombinedLoan Tv9 { get; } =
        new(new LoanLeg("commercial", Tv9Commercial), new LoanLeg("provident-fund", Tv9ProvidentFund));

    /// <summary>
    /// Everything a combined schedule promises: each leg's schedule equals that loan built alone (row for row, totals);
    /// merged dates strictly increase; every leg row appears exactly once, in its leg's order; each merged row's sums
    /// are the sums of its leg rows; its closing balance is what the legs owe after that date; totals are the sums of
    /// the legs and of the merged rows; the last closing balance is 0 and principal sums to the combined principal.
    /// </summary>
    internal static void AssertConsistent(CombinedLoan combined, CombinedSchedule schedule)
    {
        Assert.Same(combined, schedule.Loan);
        Assert.Equal(combined.Legs.Count, schedule.Legs.Count);
        for (int k = 0; k < combined.Legs.Count; k++)
        {
            Schedule alone = combined.Legs[k].Loan.BuildSchedule();
            Schedule leg = schedule.Legs[k];
            Assert.Same(combined.Legs[k].Loan, leg.Loan);
            Assert.Equal(alone.Count, leg.Count);
            for (int r = 0; r < alone.Count; r++)
            {
                Assert.True(alone[r] == leg[r], $"leg {combined.Legs[k].Name} row {r}: {leg[r]} vs alone {alone[r]}");
            }

            Assert.Equal(alone.TotalInterest, leg.TotalInterest);
            Assert.Equal(alone.TotalPayment, leg.TotalPayment);
            Assert.Equal(alone.TotalPenalty, leg.TotalPenalty);
            Assert.Same(leg, schedule.Leg(combined.Legs[k].Name));
        }

        // Every leg row exactly once, in order, on its own date.
        int[] next = new int[combined.Legs.Count];
        LocalDate? previous = null;
        decimal payment = 0m, principal = 0m, interest = 0m, penalty = 0m;
        foreach (CombinedRow row in schedule)
        {
            Assert.True(previous is null || row.Date > previous.Value, $"dates not strictly increasing at {row}");
            previous = row.Date;
            Assert.NotEmpty(row.Rows);
            int lastLeg = -1;
            foreach (LegInstallment entry in row.Rows)
            {
                int k = IndexOf(combined, entry.Leg);
                Assert.True(k >= lastLeg, $"legs out of order at {row}");
                lastLeg = k;
                Assert.Equal(row.Date, entry.Row.DueDate);
                Assert.True(schedule.Legs[k][next[k]] == entry.Row, $"leg {entry.Leg}: row {next[k]} missing or out of order at {row}");
                next[k]++;
            }

            Assert.Equal(row.Rows.Sum(r => r.Row.Payment), row.Payment);
            Assert.Equal(row.Rows.Sum(r => r.Row.Principal), row.Principal);
            Assert.Equal(row.Rows.Sum(r => r.Row.Interest), row.Interest);
            Assert.Equal(row.Rows.Sum(r => r.Row.Penalty), row.Penalty);
            Assert.Equal(row.Principal + row.Interest + row.Penalty, row.Payment);

            decimal owed = 0m;
            for (int k = 0; k < combined.Legs.Count; k++)
            {
                Loan loan = combined.Legs[k].Loan;
                owed += next[k] > 0 ? schedule.Legs[k][next[k] - 1].ClosingBalance : loan.Disbursement <= row.Date ? loan.Principal : 0m;
            }

            Assert.Equal(owed, row.ClosingBalance);
            payment += row.Payment;
            principal += row.Principal;
            interest += row.Interest;
            penalty += row.Penalty;
        }

        for (int k = 0; k < combined.Legs.Count; k++)
        {
            Assert.Equal(schedule.Legs[k].Count, next[k]);
        }

        Assert.Equal(schedule.Legs.Sum(s => s.TotalPayment), schedule.TotalPayment);
        Assert.Equal(schedule.Legs.Sum(s => s.TotalPrincipal), schedule.TotalPrincipal);
        Assert.Equal(schedule.Legs.Sum(s => s.TotalInterest), schedule.TotalInterest);
        Assert.Equal(schedule.Legs.Sum(s => s.TotalPenalty), schedule.TotalPenalty);
        Assert.Equal(payment, schedule.TotalPayment);
        Assert.Equal(principal, schedule.TotalPrincipal);
        Assert.Equal(interest, schedule.TotalInterest);
        Assert.Equal(penalty, schedule.TotalPenalty);
        Assert.Equal(combined.Principal, schedule.TotalPrincipal);
        Assert.Equal(combined.Legs.Sum(l => l.Loan.Principal), combined.Principal);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
        Assert.Equal(schedule[^1], schedule.Last);
        Assert.Equal(schedule[0], schedule.First);

        CombinedQuote quote = schedule.Quote;
        Assert.Equal(schedule.Legs.Sum(s => s.Quote.Payment), quote.Payment);
        Assert.Equal(schedule.Legs.Sum(s => s.Quote.FormulaTotalInterest), quote.FormulaTotalInterest);
        Assert.Equal(schedule.TotalInterest, quote.ScheduleTotalInterest);
        for (int k = 0; k < combined.Legs.Count; k++)
        {
            Assert.Equal(combined.Legs[k].Loan.Quote().Payment, quote.Legs[k].Payment);
            Assert.Equal(combined.Legs[k].Loan.Quote().FormulaTotalInterest, quote.Legs[k].FormulaTotalInterest);
        }
    }

    private static int IndexOf(CombinedLoan combined, string name)
    {
        for (int k = 0; k < combined.Legs.Count; k++)
        {
            if (combined.Legs[k].Name == name)
            {
                return k;
            }
        }

        throw new InvalidOperationException($"no leg {name}");
    }
}
