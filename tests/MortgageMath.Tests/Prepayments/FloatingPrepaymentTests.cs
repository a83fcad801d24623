using MortgageMath.Tests.Properties;
using NodaTime;
using static MortgageMath.Tests.Prepayments.PrepaymentSupport;

namespace MortgageMath.Tests.Prepayments;

/// <summary>Prepayments on floating-rate loans (RatePlan.Floating over a custom LPR table): the schedule still ends
/// at 0, and a rate change on the prepayment day is applied before the payment and the prepayment.</summary>
public sealed class FloatingPrepaymentTests
{
    // LPR 5Y: 4.60% in force at disbursement, 4.20% fixed 2023-12-20, 3.60% fixed 2024-12-20.
    private static readonly RateTable Lpr = Table(RateIndex.Lpr5Y, (D(2022, 1, 20), 4.60m), (D(2023, 12, 20), 4.20m), (D(2024, 12, 20), 3.60m));

    private static Loan Floating(RepricingRule rule) =>
        new(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, rule), 360, D(2023, 7, 20)) { Rates = Lpr };

    private static decimal Pay(decimal balance, decimal percent, int n) =>
        ExactOracle.AnnuityPayment(balance, Rate.Percent(percent), n, RoundingPolicy.Default);

    private static decimal Days(decimal balance, decimal percent, int days) =>
        ExactOracle.DailyInterest(balance, Rate.Percent(percent), days, 360, RoundingPolicy.Default);

    [Fact]
    public void Mid_period_prepayment_on_the_repricing_day_uses_the_new_rate_after_it()
    {
        // Repriced on 2024-01-01 (4.60 → 4.20) inside the period 2023-12-20 → 2024-01-20; prepaid that same day.
        Loan loan = Floating(RepricingRule.EveryJanuary1) with
        {
            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(1),
            Events = [Prepayment.Partial(D(2024, 1, 1), 100_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule schedule = loan.BuildSchedule();
        AssertWellFormed(schedule, "floating");
        Installment prepay = PrepaymentRow(schedule);
        decimal b = prepay.OpeningBalance;
        Assert.Equal(Regular(schedule, D(2023, 12, 20)).ClosingBalance, b);
        Assert.Equal(Days(b, 4.60m, 12), prepay.Interest);                 // 12-20 → 01-01 at the old rate only
        Assert.Equal(Math.Round(100_000m * 0.042m / 12m, 2, MidpointRounding.AwayFromZero), prepay.Penalty); // 350.00 at the new rate
        Assert.Equal(350.00m, prepay.Penalty);

        Installment january = Regular(schedule, D(2024, 1, 20));
        Assert.Equal(b - 100_000m, january.OpeningBalance);
        Assert.Equal(Days(b - 100_000m, 4.20m, 19), january.Interest);    // 01-01 → 01-20 at the new rate
        decimal level = Pay(b - 100_000m, 4.20m, 355);                       // re-amortized at the new rate over 355
        Assert.Equal(level, Regular(schedule, D(2024, 2, 20)).Payment);
        Assert.Equal(level - ExactOracle.MonthlyInterest(b - 100_000m, Rate.Percent(4.2m), RoundingPolicy.Default), january.Principal);
    }

    [Fact]
    public void Mid_period_shorten_term_on_the_repricing_day_is_computed_at_the_new_rate()
    {
        Loan plain = Floating(RepricingRule.EveryJanuary1);
        Schedule before = plain.BuildSchedule();
        decimal b = Regular(before, D(2023, 12, 20)).ClosingBalance;
        Schedule schedule = plain.With(Prepayment.Partial(D(2024, 1, 1), 300_000m, PrepaymentOption.ShortenTerm)).BuildSchedule();
        AssertWellFormed(schedule, "floating shorten");

        // The rate change comes first: the payment in force is the 4.20% one over 355 periods; the term is the fewest
        // periods whose 4.20% payment on the new balance is not above it.
        decimal inForce = Pay(b, 4.20m, 355);
        int k = Enumerable.Range(1, 355).First(n => Pay(b - 300_000m, 4.20m, n) <= inForce);
        Assert.Equal(Pay(b - 300_000m, 4.20m, k), Regular(schedule, D(2024, 2, 20)).Payment);
        // 2025-01-01 reprices to 3.60% (re-amortized over the shortened term), so count the rows only.
        Assert.Equal(5 + k, schedule.RegularPayments);
    }

    [Fact]
    public void Due_date_prepayment_on_the_repricing_day_lower_payment()
    {
        // Anniversary repricing: 2024-07-20 is both a due date and the repricing date (4.60 → 4.20).
        Loan loan = Floating(RepricingRule.EveryAnniversary).With(Prepayment.Partial(D(2024, 7, 20), 100_000m, PrepaymentOption.LowerPayment));
        Schedule schedule = loan.BuildSchedule();
        AssertWellFormed(schedule, "anniversary");
        Installment july = Regular(schedule, D(2024, 7, 20));
        Assert.Equal(Rate.Percent(4.6m), july.AnnualRate); // the period 06-20 → 07-20 is all at the old rate
        Assert.Equal(ExactOracle.MonthlyInterest(july.OpeningBalance, Rate.Percent(4.6m), RoundingPolicy.Default), july.Interest);
        Installment prepay = PrepaymentRow(schedule);
        Assert.Equal(0m, prepay.Interest);
        decimal level = Pay(july.ClosingBalance - 100_000m, 4.20m, 348);
        Assert.Equal(level, Regular(schedule, D(2024, 8, 20)).Payment);
        Assert.Equal(Rate.Percent(4.2m), Regular(schedule, D(2024, 8, 20)).AnnualRate);
    }

    [Theory]
    [InlineData("jan1")]
    [InlineData("anniversary")]
    [InlineData("quarterly")]
    public void Floating_schedules_with_prepayments_end_at_zero(string rule)
    {
        RepricingRule repricing = rule switch
        {
            "jan1" => RepricingRule.EveryJanuary1,
            "anniversary" => RepricingRule.EveryAnniversary,
            _ => RepricingRule.EveryMonths(3),
        };
        PrepaymentOption[] options = [PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment, PrepaymentOption.NewTerm(200)];
        LocalDate[] dates = [D(2023, 12, 31), D(2024, 1, 1), D(2024, 1, 20), D(2024, 7, 20), D(2024, 12, 20), D(2025, 1, 1), D(2025, 1, 7)];
        foreach (RepaymentMethod method in new[] { RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal })
        {
            foreach (PrepaymentInterest interest in Enum.GetValues<PrepaymentInterest>())
            {
                foreach (PrepaymentOption option in options)
                {
                    foreach (LocalDate date in dates)
                    {
                        Loan loan = Floating(repricing) with
                        {
                            Method = method,
                            PrepaymentInterest = interest,
                            PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(2),
                            Events = [Prepayment.Partial(date, 150_000m, option), Prepayment.Partial(D(2026, 2, 3), 50_000m, PrepaymentOption.ShortenTermKeepPayment)],
                        };
                        string context = $"{rule} {method} {interest} {option} {date}";
                        Schedule schedule = loan.BuildSchedule();
                        AssertWellFormed(schedule, context);
                        Assert.Equal(2, schedule.Count(r => r.Kind == InstallmentKind.Prepayment));

                        // A payoff on the same date agrees with the quote.
                        PayoffQuote quote = (loan with { Events = [] }).PayoffQuote(date);
                        Installment payoff = (loan with { Events = [Prepayment.Payoff(date)] }).BuildSchedule().Last;
                        Assert.Equal(InstallmentKind.Payoff, payoff.Kind);
                        Assert.Equal(quote.Total, payoff.Payment);
                    }
                }
            }
        }
    }
}
