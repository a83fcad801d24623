using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace MortgageMath.Tests.Floating;

/// <summary>One fixing of a generated table: basis points with up to two decimals (100bp..1000bp).</summary>
internal readonly record struct Fix(LocalDate Date, decimal Bp);

internal enum RuleKind
{
    January1,
    Anniversary,
    Months,
    MonthsFrom,
}

/// <summary>
/// A generated floating loan over a generated table of its own (lpr5y, one to three fixings a year from the year
/// before disbursement to after maturity, 1%..10%, often one more just after disbursement, as of 2300). Built from a seed so a failing case can be replayed
/// (<see cref="FloatingGen.Build"/>).
/// </summary>
internal sealed record FloatingCase(
    int Seed, Loan Loan, Fix[] Fixings, RuleKind Kind, int Months, LocalDate? From, Spread Spread, Rate? Floor)
{
    internal static readonly LocalDate AsOf = new(2300, 1, 1);

    internal RepricingRule Rule => Kind switch
    {
        RuleKind.January1 => RepricingRule.EveryJanuary1,
        RuleKind.Anniversary => RepricingRule.EveryAnniversary,
        _ => RepricingRule.EveryMonths(Months, From),
    };

    internal RatePlan Plan(Spread spread) => RatePlan.Floating(RateIndex.Lpr5Y, spread, Rule, Floor);

    internal static RateTable TableOf(IEnumerable<Fix> fixings) =>
        FloatingSupport.Table(RateIndex.Lpr5Y, fixings.Select(f => (f.Date, f.Bp / 100m)), AsOf);

    /// <summary>The same loan over other fixings.</summary>
    internal FloatingCase WithFixings(Fix[] fixings) => this with { Fixings = fixings, Loan = Loan with { Rates = TableOf(fixings) } };

    internal FloatingCase WithPrincipal(decimal principal) => this with { Loan = Loan with { Principal = principal } };

    /// <summary>The fixing in force on a date (the latest on or before it), read from the generated list.</summary>
    internal decimal FixingBp(LocalDate date)
    {
        decimal? found = null;
        foreach (Fix f in Fixings)
        {
            if (f.Date <= date)
            {
                found = f.Bp;
            }
        }

        return found ?? throw new InvalidOperationException($"no generated fixing on or before {date}");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}: {Loan.Principal} over {Loan.Periods} from {Loan.Disbursement:yyyy-MM-dd}, day {Loan.RepaymentDay?.ToString(CultureInfo.InvariantCulture) ?? "-"}, " +
        $"{Loan.Method}, {Loan.OddFirstPeriod}, {Loan.DayCount}, {Loan.RateChangeInterest}, plan [{Loan.RatePlan}], " +
        $"fixings [{string.Join(" ", Fixings.Select(f => $"{f.Date:yyyy-MM-dd}={f.Bp}"))}]");
}

internal static class FloatingGen
{
    internal static Arbitrary<FloatingCase> Any => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(Build));

    /// <summary>Cases with equal installment and equal principal, first payment adjusted for odd days.</summary>
    internal static Arbitrary<FloatingCase> AdjustFirst => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed =>
    {
        FloatingCase c = Build(seed);
        return c with { Loan = c.Loan with { OddFirstPeriod = OddFirstPeriodPolicy.AdjustFirstPayment } };
    }));

    internal static FloatingCase Build(int seed)
    {
        var rnd = new Random(seed);
        int year = rnd.Next(2000, 2151);
        int month = rnd.Next(4) == 0 ? 12 : rnd.Next(1, 13); // December often: a 1 January repricing in the first period
        int dim = CalendarSystem.Iso.GetDaysInMonth(year, month);
        int day = rnd.Next(5) == 0 ? dim : rnd.Next(1, dim + 1);
        var disbursement = new LocalDate(year, month, day);
        int periods = rnd.Next(5) == 0 ? rnd.Next(1, 25) : rnd.Next(25, 361);
        int? repaymentDay = rnd.Next(10) switch
        {
            < 4 => null,
            < 6 => 28 + rnd.Next(4),
            _ => rnd.Next(1, 32),
        };

        long minor = rnd.Next(10) switch
        {
            0 => rnd.Next(1, 10_001),                                      // up to 100.00
            < 4 => rnd.NextInt64(1, 100_000_001),                          // up to 1,000,000.00
            _ => rnd.NextInt64(10_000_000, 1_000_000_001),                 // 100,000.00 .. 10,000,000.00
        };

        RuleKind kind = (RuleKind)rnd.Next(4);
        int months = rnd.Next(2) == 0 ? new[] { 1, 3, 6, 12 }[rnd.Next(4)] : rnd.Next(1, 121);
        LocalDate? from = kind == RuleKind.MonthsFrom ? disbursement.PlusDays(rnd.Next(-800, 400)) : null;
        Spread spread = Spread.FromBasisPoints(rnd.Next(-200, 601) / 2m);
        Rate? floor = rnd.Next(4) == 0 ? Rate.BasisPoints(rnd.Next(100, 601)) : null;

        var fixings = new List<Fix>();
        decimal previous = rnd.Next(10_000, 100_001) / 100m;
        for (int y = year - 1; y <= year + (periods / 12) + 2; y++)
        {
            var dates = new SortedSet<LocalDate>();
            int count = rnd.Next(1, 4);
            for (int j = 0; j < count; j++)
            {
                dates.Add(new LocalDate(y, rnd.Next(1, 13), rnd.Next(1, 29)));
            }

            foreach (LocalDate date in dates)
            {
                if (rnd.Next(10) >= 3)
                {
                    previous = rnd.Next(10_000, 100_001) / 100m;
                }

                fixings.Add(new Fix(date, previous));
            }
        }

        if (rnd.Next(2) == 0)
        {
            // A fresh fixing just after disbursement, so that an early repricing (often inside the first period) changes the rate.
            LocalDate early = disbursement.PlusDays(rnd.Next(1, 15));
            fixings.RemoveAll(f => f.Date == early);
            fixings.Add(new Fix(early, rnd.Next(10_000, 100_001) / 100m));
            fixings.Sort((x, y) => x.Date.CompareTo(y.Date));
        }

        var loan = new Loan(minor / 100m, RatePlan.Fixed(Rate.Zero), periods, disbursement)
        {
            RepaymentDay = repaymentDay,
            Method = rnd.Next(2) == 0 ? RepaymentMethod.EqualInstallment : RepaymentMethod.EqualPrincipal,
            OddFirstPeriod = rnd.Next(2) == 0 ? OddFirstPeriodPolicy.AdjustFirstPayment : OddFirstPeriodPolicy.KeepRegularPayment,
            DayCount = rnd.Next(4) == 0 ? DayCount.Actual365Fixed : DayCount.Actual360,
            RateChangeInterest = rnd.Next(2) == 0 ? RateChangeInterest.SplitByActualDays : RateChangeInterest.NewRateForWholePeriod,
            Rates = FloatingCase.TableOf(fixings),
        };
        var c = new FloatingCase(seed, loan, [.. fixings], kind, months, from, spread, floor);
        return c with { Loan = loan with { RatePlan = c.Plan(spread) } };
    }
}
