using MortgageMath.Portfolio;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A synthetic Chinese mortgage book in memory, in the proportions of <c>mortgage book sample</c> (docs/book.md):
/// disbursed 2020-2026, 75% single LPR-linked loans, 10% combined (LPR commercial + provident fund), 10% provident
/// fund, 5% fixed; mostly 30-year terms; 15% equal principal; 8% with a partial prepayment. From a seed.
/// </summary>
public static class SyntheticBook
{
    public static readonly RateTable Table = RateTable.China.AssumingUnchangedUntil(new LocalDate(2099, 12, 31));

    public static readonly RepricingScenario Scenario = new(new LocalDate(2026, 12, 5),
        [new RateFixing(RateIndex.Lpr5Y, new LocalDate(2026, 12, 22), Rate.Percent(3.40m), "scenario")]);

    public static BookLoan[] Generate(int count, int seed = 20261205)
    {
        var r = new Random(seed);
        var book = new BookLoan[count];
        for (int k = 0; k < count; k++)
        {
            var disbursed = new LocalDate(r.Next(2020, 2026), r.Next(1, 13), r.Next(1, 29));
            int periods = r.Next(100) switch { < 62 => 360, < 77 => 300, < 89 => 240, < 96 => 180, _ => 120 };
            int kind = r.Next(100);
            string id = "L" + k;
            if (kind < 10)
            {
                book[k] = new BookLoan(id, new CombinedLoan(
                    new LoanLeg("commercial", Leg(r, r.Next(50, 250) * 10_000m, periods, disbursed, 0)),
                    new LoanLeg("provident-fund", Leg(r, r.Next(30, 121) * 10_000m, periods, disbursed, 90))));
            }
            else
            {
                book[k] = new BookLoan(id, Leg(r, r.Next(30, 300) * 10_000m, periods, disbursed, kind));
            }
        }

        return book;
    }

    private static Loan Leg(Random r, decimal principal, int periods, LocalDate disbursed, int kind)
    {
        RatePlan plan = kind < 85
            ? RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(r.Next(-16, 13) * 5), r.Next(100) < 70 ? RepricingRule.EveryJanuary1 : RepricingRule.EveryAnniversary)
            : kind < 95 ? RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y) : RatePlan.Fixed(Rate.Percent(r.Next(300, 520) / 100m));
        var loan = new Loan(principal, plan, periods, disbursed)
        {
            Rates = Table,
            Method = r.Next(100) < 15 ? RepaymentMethod.EqualPrincipal : RepaymentMethod.EqualInstallment,
        };
        LocalDate prepaid = disbursed.PlusMonths(r.Next(13, 61));
        return r.Next(100) < 8 && prepaid < new LocalDate(2026, 11, 1)
            ? loan with { Events = [Prepayment.Partial(prepaid, Math.Min(principal / 5m, r.Next(5, 21) * 10_000m), PrepaymentOption.ShortenTerm)] }
            : loan;
    }
}
