using NodaTime;
using static MortgageMath.Tests.Affordability.AffordabilitySupport;

namespace MortgageMath.Tests.Affordability;

/// <summary>Any loan the library builds is judged on its highest scheduled payment, and the report says which
/// (china-mortgage-conventions.md §5.1 judges "the monthly housing payment"; TV-9, TV-10).</summary>
public class HighestPaymentTests
{
    private static readonly AffordabilityPolicy China = AffordabilityPolicy.ChinaCommercial;

    [Fact]
    public void Interest_first_loan_is_judged_on_its_first_amortizing_payment_4673_not_2916_67()
    {
        AffordabilityReport report = China.Evaluate(Single(9_000m, age: 30), InterestFirstTv10);
        HighestPayment highest = report.HighestPayment;
        Assert.Equal(4_673.00m, highest.Amount);
        Assert.Equal(25, highest.Period);
        Assert.Equal(new LocalDate(2026, 2, 15), highest.Date);
        Assert.False(highest.IsFirstPayment);
        Assert.Equal(2_916.67m, highest.FirstPayment);
        Assert.Equal("the highest scheduled payment is 4,673.00 in period 25 (2026-02-15): the first amortizing payment after 24 interest-only periods; not the first payment (2,916.67)",
            highest.Description);

        // 4,673.00 > 50% of 9,000 fails although the first payment, 2,916.67, would pass.
        RuleResult housing = report.Result("housing-ratio");
        Assert.False(housing.Passed);
        Assert.Equal(-173.00m, housing.Headroom);
        Assert.Contains(highest.Description, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_TV9_is_judged_on_the_summed_monthly_payment_4171_16()
    {
        AffordabilityReport report = China.Evaluate(Single(8_000m), Tv9, new Purchase(1_500_000m, 500_000m));
        HighestPayment highest = report.HighestPayment;
        Assert.Equal(4_171.16m, highest.Amount);
        Assert.Null(highest.Period);
        Assert.True(highest.IsFirstPayment);
        Assert.Equal(new LocalDate(2025, 7, 20), highest.Date);
        Assert.Equal("the highest scheduled monthly payment is 4,171.16 in 2025-07 (commercial 2,970.14 on 2025-07-20 + provident-fund 1,201.02 on 2025-07-20), the first payment",
            highest.Description);
        Assert.Equal(52.1395m, report.Result("housing-ratio").Actual);
        Assert.False(report.Result("housing-ratio").Passed);
        Assert.True(China.Evaluate(Single(8_342.32m), Tv9).Result("housing-ratio").Passed);
        Assert.False(China.Evaluate(Single(8_342.31m), Tv9).Result("housing-ratio").Passed);
    }

    [Fact]
    public void Combined_legs_on_different_repayment_days_are_summed_by_month()
    {
        CombinedLoan combined = Tv9.WithLeg("provident-fund", loan => loan with { RepaymentDay = 5, FirstDueDate = new LocalDate(2025, 7, 5) });
        HighestPayment highest = China.Evaluate(Single(20_000m), combined).HighestPayment;
        Assert.True(highest.Amount > 4_000m);               // both legs, not one
        Assert.Contains("commercial", highest.Description, StringComparison.Ordinal);
        Assert.Contains("provident-fund", highest.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepped_rate_loan_is_judged_after_the_step_up()
    {
        var stepped = new Loan(1_000_000m, RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 36, RatePlan.Fixed(Rate.Percent(5m))), 360, Tv1Disbursed);
        HighestPayment highest = China.Evaluate(Single(20_000m), stepped).HighestPayment;
        Schedule schedule = stepped.BuildSchedule();
        Assert.Equal(schedule[36].Payment, highest.Amount);
        Assert.Equal(37, highest.Period);
        Assert.False(highest.IsFirstPayment);
        Assert.Equal(schedule.First.Payment, highest.FirstPayment);
        Assert.Contains("at 5% against 3% at first, given the rate table", highest.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Floating_loan_is_judged_on_its_highest_payment_given_the_rate_table()
    {
        // LPR − 30bp repriced every 1 January, with a hypothetical LPR rise to 4.50% in June 2026 in the table: the
        // payments from 2027 are the highest.
        RateTable table = RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 6, 20), Rate.Percent(4.5m))
            .AssumingUnchangedUntil(new LocalDate(2060, 1, 1));
        var floating = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-30m), RepricingRule.EveryJanuary1), 360, Tv1Disbursed)
        {
            Rates = table,
        };
        Schedule schedule = floating.BuildSchedule();
        HighestPayment highest = China.Evaluate(Single(20_000m), floating).HighestPayment;
        decimal expected = schedule.Take(schedule.Count - 1).Max(r => r.Payment);
        Assert.Equal(expected, highest.Amount);
        Assert.False(highest.IsFirstPayment);
        Assert.True(highest.Amount > highest.FirstPayment);
        Assert.Equal(new LocalDate(2027, 2, 20), highest.Date);   // the first full month at the new rate (January straddles the repricing)
        Assert.Equal(Rate.Percent(4.2m), schedule[highest.Period!.Value - 1].AnnualRate);
        Assert.Contains("given the rate table", highest.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Balloon_is_judged_on_the_regular_payment_and_the_balloon_is_named()
    {
        HighestPayment highest = China.Evaluate(Single(20_000m), BalloonTv10).HighestPayment;
        Assert.Equal(6_599.56m, highest.Amount);
        Assert.True(highest.IsFirstPayment);
        Assert.EndsWith("; the balloon of 841,148.05 at maturity is not judged", highest.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_principal_is_judged_on_its_first_payment_and_the_settling_row_is_not_judged()
    {
        Loan ep = Tv1 with { Method = RepaymentMethod.EqualPrincipal };
        HighestPayment highest = China.Evaluate(Single(20_000m), ep).HighestPayment;
        Assert.Equal(ep.BuildSchedule().First.Payment, highest.Amount);
        Assert.Equal(1, highest.Period);

        // TV-1's final row (5,305.19) settles the balance; the 359 level payments are 5,307.27.
        Assert.Equal(5_305.19m, Tv1.BuildSchedule().Last.Payment);
        Assert.Equal(5_307.27m, China.Evaluate(Single(20_000m), Tv1).HighestPayment.Amount);

        // A one-payment loan is judged on that payment.
        Loan one = new(10_000m, Rate.Percent(6m), 1, Tv1Disbursed);
        Assert.Equal(one.BuildSchedule().First.Payment, China.Evaluate(Single(20_000m), one).HighestPayment.Amount);
    }

    [Fact]
    public void Prepayment_rows_are_not_judged()
    {
        Loan prepaid = Tv1 with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 200_000m, PrepaymentOption.ShortenTerm)] };
        HighestPayment highest = China.Evaluate(Single(20_000m), prepaid).HighestPayment;
        Assert.Equal(5_307.27m, highest.Amount);
    }
}
