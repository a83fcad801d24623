using FsCheck;
using FsCheck.Fluent;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Tests.Specs;

/// <summary>
/// Generated loan documents for the write/read round trip: every rate plan (fixed, floating with each repricing rule
/// and a floor, floating as a multiple of the index, provident fund, stepped, nested), every method (equal
/// installment, equal principal, balloon, interest first), every phase and event (spread change, switch to floating,
/// LPR conversion, fixed rate, prepayment with each option, payoff, payment holiday, term change by extension or to a
/// count with each kind of limits, method change), every policy and penalty, rate-table fixings (also of a custom index)
/// and combined loans. Built from a seed, so a failing case can be replayed with <see cref="Build"/>. Not every
/// generated loan builds a schedule: the property then asks that the read loan is refused the same way.
/// </summary>
internal static class LoanSpecGen
{
    internal const string CustomIndexDescription = "Custom index 'my-index' (from a loan spec)";

    internal static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    internal static LoanDocument Build(int seed)
    {
        var r = new Random(seed);
        string? description = r.Next(3) switch
        {
            0 => null,
            1 => "TV-1: 1,000,000 at 4.9% \"fixed\"",
            _ => "组合贷款 \\ tab\t",
        };
        if (r.Next(5) == 0)
        {
            var legs = new CombinedLoan(new LoanLeg("commercial", Loan(r)), new LoanLeg("provident-fund", Loan(r)));
            return new LoanDocument(legs, description);
        }

        return new LoanDocument(Loan(r), description);
    }

    private static Loan Loan(Random r)
    {
        var disbursement = new LocalDate(r.Next(2016, 2031), r.Next(1, 13), r.Next(1, 29));
        int periods = r.Next(2, 361);
        int places = r.Next(4) == 0 ? r.Next(0, 5) : 2;
        RoundingPolicy rounding = places == 2 && r.Next(2) == 0 ? RoundingPolicy.Default : new RoundingPolicy(places, Pick(r, RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Truncate));
        decimal principal = Math.Round(r.Next(10_000, 5_000_000) + (decimal)r.Next(0, 100) / 100m, places);
        RateIndex custom = RateIndex.Custom("my-index", CustomIndexDescription);
        RateTable rates = RateTable.China;
        bool hasCustom = r.Next(3) == 0;
        if (hasCustom)
        {
            rates = rates.WithFixing(custom, new LocalDate(2010, 1, 1), Rate.Percent(3.85m), "test")
                .WithFixing(custom, new LocalDate(2025, 7, 1), Rate.BasisPoints(350m), "user (loan spec)");
        }

        if (r.Next(4) != 0)
        {
            rates = rates.AssumingUnchangedUntil(new LocalDate(2090, 1, 1));
        }

        RateIndex[] indexes = hasCustom ? [RateIndex.Lpr5Y, RateIndex.Lpr1Y, custom] : [RateIndex.Lpr5Y, RateIndex.Lpr1Y];
        var loan = new Loan(principal, Plan(r, periods, indexes, depth: 0), periods, disbursement)
        {
            Rounding = rounding,
            Method = Method(r, periods),
            DayCount = Pick(r, DayCount.Actual360, DayCount.Actual365Fixed),
            OddFirstPeriod = Pick(r, OddFirstPeriodPolicy.AdjustFirstPayment, OddFirstPeriodPolicy.KeepRegularPayment),
            RateChangeInterest = Pick(r, RateChangeInterest.SplitByActualDays, RateChangeInterest.NewRateForWholePeriod),
            PrepaymentInterest = Pick(r, PrepaymentInterest.AccruedOnBalance, PrepaymentInterest.AccruedOnPrepaidAmount, PrepaymentInterest.None),
            PrepaymentPenalty = Penalty(r, depth: 0),
            PrepaymentRules = r.Next(2) == 0 ? PrepaymentRules.None : new PrepaymentRules
            {
                MinimumAmount = r.Next(2) == 0 ? null : r.Next(1, 5) * 100m,
                MinimumPaymentMultiple = r.Next(3) != 0 ? null : r.Next(1, 3),
                AllowedAfterMonths = r.Next(3) == 0 ? r.Next(0, 13) : 0,
            },
            Rates = rates,
        };
        if (r.Next(3) == 0)
        {
            loan = loan with { RepaymentDay = r.Next(1, 32) };
        }

        else if (r.Next(5) == 0)
        {
            loan = loan with { FirstDueDate = disbursement.PlusMonths(r.Next(1, 3)) };
        }

        // Restructurings and holidays take effect on due dates: those of the loan as built without events, when it builds.
        LocalDate[] dues;
        try
        {
            dues = [.. loan.BuildSchedule().Select(row => row.DueDate)];
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            dues = [];
        }

        int count = r.Next(0, 5);
        var events = new List<LoanEvent>();
        for (int k = 0; k < count; k++)
        {
            LocalDate date = disbursement.PlusDays(r.Next(1, Math.Max(2, periods * 10)));
            int nth = r.Next(0, Math.Max(1, periods / 3));
            LocalDate dueDate = dues.Length > 0 ? dues[Math.Min(nth, dues.Length - 1)] : (loan.FirstDueDate ?? disbursement.PlusMonths(1)).PlusMonths(nth);
            events.Add(r.Next(10) switch
            {
                0 when loan.RatePlan is not FixedRatePlan => RateEvent.SpreadChange(date, Spread.FromBasisPoints(r.Next(-80, 120))),
                1 => RateEvent.SwitchToFloating(date, Pick(r, indexes), Spread.FromBasisPoints(r.Next(-50, 50) + 0.5m), Repricing(r)),
                2 => RateEvent.ConvertToLpr(date, Repricing(r), r.Next(2) == 0 ? null : RateIndex.Lpr1Y, r.Next(2) == 0 ? null : new LocalDate(2019, 11, 20)),
                3 => RateEvent.FixedRate(date, Rate.Percent(r.Next(100, 600) / 100m)),
                4 when r.Next(3) == 0 => Prepayment.Payoff(date),
                4 or 0 => Prepayment.Partial(date, Math.Round(principal / r.Next(10, 50), places), Option(r)),
                5 => PaymentHoliday.On(loan.RepaymentDay is null ? dueDate : date, Pick(r, SkippedInterest.Capitalized, SkippedInterest.CollectedLater)),
                8 when r.Next(2) == 0 => TermChange.Extend(dueDate, r.Next(2) == 0 ? r.Next(1, 37) : -r.Next(1, Math.Max(2, periods / 4)), Limits(r)),
                8 => TermChange.To(dueDate, r.Next(1, 361), Limits(r)),
                9 => MethodChange.To(dueDate, Pick(r, RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal)),
                7 when r.Next(3) == 0 => PaymentDeferral.Of(dueDate, r.Next(1, 4)),
                7 => ArrearsCapitalization.On(dueDate, Math.Round(principal / r.Next(20, 200), places)),
                _ => Prepayment.Partial(date, Math.Round(principal / r.Next(10, 50), places), Option(r)),
            });
        }

        return loan with { Events = events };
    }

    private static ExtensionLimits Limits(Random r) => r.Next(4) switch
    {
        0 => ExtensionLimits.None,
        1 => new ExtensionLimits(r.Next(2) == 0, r.Next(12, 601)),
        _ => ExtensionLimits.ChinaHousing,
    };

    private static PrepaymentOption Option(Random r) => r.Next(4) switch
    {
        0 => PrepaymentOption.LowerPayment,
        1 => PrepaymentOption.ShortenTerm,
        2 => PrepaymentOption.ShortenTermKeepPayment,
        _ => PrepaymentOption.NewTerm(r.Next(1, 601)),
    };

    private static RatePlan Plan(Random r, int periods, RateIndex[] indexes, int depth) => r.Next(depth < 2 && periods > 1 ? 5 : 4) switch
    {
        0 => RatePlan.Fixed(Rate.Percent(r.Next(0, 1000) / 100m)),
        1 => RatePlan.Floating(Pick(r, indexes), Spread.FromBasisPoints(r.Next(-100, 150)), Repricing(r), r.Next(2) == 0 ? null : Rate.Percent(r.Next(100, 400) / 100m)),
        2 => RatePlan.ProvidentFund(Pick(r, RateIndex.ProvidentFundFirstHomeOver5Y, RateIndex.ProvidentFundFirstHomeUpTo5Y)),
        3 => RatePlan.FloatingMultiple(Pick(r, indexes), RateMultiplier.FromFactor(Pick(r, 1.1m, 0.9m, 0.85m, 1.2m, 1.05m)), Repricing(r)),
        _ => RatePlan.Stepped(Plan(r, periods, indexes, depth + 1), r.Next(1, periods), Plan(r, periods, indexes, depth + 1)),
    };

    private static RepricingRule Repricing(Random r) => r.Next(4) switch
    {
        0 => RepricingRule.EveryJanuary1,
        1 => RepricingRule.EveryAnniversary,
        2 => RepricingRule.EveryMonths(r.Next(1, 121)),
        _ => RepricingRule.EveryMonths(r.Next(1, 121), new LocalDate(2020, r.Next(1, 13), r.Next(1, 29))),
    };

    private static RepaymentMethod Method(Random r, int periods) => r.Next(4) switch
    {
        0 => RepaymentMethod.EqualInstallment,
        1 => RepaymentMethod.EqualPrincipal,
        2 => RepaymentMethod.Balloon(r.Next(periods, Math.Min(600, periods + 240) + 1)),
        _ => RepaymentMethod.InterestFirst(r.Next(0, periods), Pick(r, RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal), r.Next(2) == 0 ? 0m : 1m),
    };

    private static PrepaymentPenalty Penalty(Random r, int depth)
    {
        PrepaymentPenalty penalty = r.Next(depth == 0 ? 6 : 4) switch
        {
            0 => PrepaymentPenalty.None,
            1 => PrepaymentPenalty.PercentOfAmountByYear([.. Enumerable.Range(0, r.Next(1, 4)).Select(_ => Percentage.Percent(r.Next(0, 40) / 10m))]),
            2 => PrepaymentPenalty.MonthsOfInterest(r.Next(1, 7), r.Next(2) == 0 ? null : r.Next(1, 6)),
            3 => PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10m), [Percentage.Percent(5m), Percentage.Percent(2.5m)]),
            _ => PrepaymentPenalty.Sum(Penalty(r, depth + 1), Penalty(r, depth + 1)),
        };
        return depth == 0 && r.Next(4) == 0 && penalty != PrepaymentPenalty.None ? PrepaymentPenalty.CheckedAgainstUsLimit(penalty) : penalty;
    }

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];
}
