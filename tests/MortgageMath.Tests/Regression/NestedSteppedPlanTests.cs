using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Tests.Regression;

/// <summary>
/// A stepped plan nested as the <em>first</em> plan of another step lasts only the outer step's periods: its own
/// later steps that fall at or after the outer step never take effect. Found by the loan-document generator (seed
/// 4695980): the inner step was still recorded, after the outer one, so the rate timeline went backwards in time and
/// the interest of a span of negative days overflowed (a plain <see cref="OverflowException"/>); with fixed rates the
/// same disorder charged the wrong rate. Each expected schedule is the one of the equivalent plan without nesting,
/// which the engine has always built correctly.
/// </summary>
public sealed class NestedSteppedPlanTests
{
    private static readonly LocalDate Start = new(2021, 4, 6);

    private static Schedule Build(RatePlan plan, int periods = 67, RepaymentMethod? method = null) =>
        new Loan(275_520.1m, plan, periods, Start) { Method = method ?? RepaymentMethod.EqualInstallment }.BuildSchedule();

    private static void AssertSameRows(Schedule expected, Schedule actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k], actual[k]);
        }

        Assert.Equal(expected.RateChanges, actual.RateChanges);
    }

    [Fact]
    public void A_step_of_the_first_plan_after_the_outer_step_never_takes_effect()
    {
        RatePlan nested = RatePlan.Stepped(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 29, RatePlan.Fixed(Rate.Percent(4m))), 14, RatePlan.Fixed(Rate.Percent(1.4m)));
        Schedule schedule = Build(nested);

        AssertSameRows(Build(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 14, RatePlan.Fixed(Rate.Percent(1.4m)))), schedule);
        Assert.Equal([Rate.Percent(3m), Rate.Percent(1.4m)], schedule.RateChanges.Select(c => c.AnnualRate));
        Assert.Equal(schedule[13].DueDate, schedule.RateChanges[1].EffectiveDate); // the due date of period 14
        Assert.All(schedule.Take(14), row => Assert.Equal(Rate.Percent(3m), row.AnnualRate));
        Assert.All(schedule.Skip(14), row => Assert.Equal(Rate.Percent(1.4m), row.AnnualRate));
    }

    [Fact]
    public void A_step_of_the_first_plan_on_the_outer_step_gives_way_to_the_outer_plan()
    {
        RatePlan nested = RatePlan.Stepped(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 14, RatePlan.Fixed(Rate.Percent(4m))), 14, RatePlan.Fixed(Rate.Percent(1.4m)));
        AssertSameRows(Build(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 14, RatePlan.Fixed(Rate.Percent(1.4m)))), Build(nested));
    }

    [Fact]
    public void A_step_of_the_first_plan_before_the_outer_step_is_kept()
    {
        RatePlan nested = RatePlan.Stepped(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 5, RatePlan.Fixed(Rate.Percent(4m))), 14, RatePlan.Fixed(Rate.Percent(1.4m)));
        RatePlan flat = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 5, RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(4m)), 9, RatePlan.Fixed(Rate.Percent(1.4m))));
        Schedule schedule = Build(nested);

        AssertSameRows(Build(flat), schedule);
        Assert.Equal([Rate.Percent(3m), Rate.Percent(4m), Rate.Percent(1.4m)], schedule.RateChanges.Select(c => c.AnnualRate));
    }

    [Fact]
    public void The_same_holds_for_a_nested_plan_inside_the_then_plan()
    {
        // 3% for 10 periods, then (5% for 20, then 6%) for 5 periods only, then 2%: the 6% step at period 30 is cut.
        RatePlan nested = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 10,
            RatePlan.Stepped(RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(5m)), 20, RatePlan.Fixed(Rate.Percent(6m))), 5, RatePlan.Fixed(Rate.Percent(2m))));
        RatePlan flat = RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3m)), 10, RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(5m)), 5, RatePlan.Fixed(Rate.Percent(2m))));

        AssertSameRows(Build(flat, method: RepaymentMethod.EqualPrincipal), Build(nested, method: RepaymentMethod.EqualPrincipal));
    }

    [Fact]
    public void The_generators_loan_builds_as_its_plan_says()
    {
        // The loan of LoanSpecGen seed 4695980 before its events: provident-fund rate (repriced each 1 January) for
        // 14 periods, then 1.4% fixed; the inner step at period 29 lies past the outer step.
        const string Json = """
            {
              "version": 3, "principal": 275520.1, "disbursement": "2021-04-06", "months": 67,
              "method": "equal-principal", "rounding": { "decimal_places": 1, "mode": "half-up" }, "day_count": "actual/365",
              "rate": {
                "type": "stepped",
                "first": {
                  "type": "stepped",
                  "first": { "type": "floating", "index": "pf-first-le5y", "spread": "+0bp", "repricing": { "rule": "january-1" } },
                  "periods": 29,
                  "then": { "type": "floating", "index": "pf-first-le5y", "spread": "+0bp", "repricing": { "rule": "january-1" } }
                },
                "periods": 14,
                "then": { "type": "fixed", "annual": "1.4%" }
              }
            }
            """;
        Loan loan = LoanSpec.Parse(Json).Loan!;
        Schedule schedule = loan.BuildSchedule();
        RatePlan fund = RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeUpTo5Y);
        Schedule expected = (loan with { RatePlan = RatePlan.Stepped(fund, 14, RatePlan.Fixed(Rate.Percent(1.4m))) }).BuildSchedule();

        AssertSameRows(expected, schedule);
        Assert.Equal(0m, schedule.Last.ClosingBalance);
        Assert.Equal([Rate.Percent(2.75m), Rate.Percent(1.4m)], schedule.RateChanges.Select(c => c.AnnualRate));
    }
}
