using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace MortgageMath.Tests.Text;

/// <summary>Generators of every value that has a text form: any rate, spread, percentage, method, option, penalty and rule.</summary>
internal static class TextGen
{
    /// <summary>A whole number in [-limit, limit], over the full range of a long when asked.</summary>
    private static Gen<long> Long(long limit) =>
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select (long)((((ulong)(uint)hi << 32) | (uint)lo) % (ulong)((limit * 2) + 1)) - limit;

    /// <summary>mantissa / 10^scale, exactly: a decimal with that many places (trailing zeros kept).</summary>
    private static decimal Exact(long mantissa, int scale)
    {
        ulong magnitude = (ulong)Math.Abs(mantissa);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, (byte)scale);
    }

    /// <summary>A number of at most <paramref name="maxScale"/> places and magnitude at most <paramref name="max"/>:
    /// small and edge values weighted in.</summary>
    private static Gen<decimal> Number(int maxScale, long max) =>
        Gen.Frequency(
            (1, Gen.Elements(0m, max, -max, 1m, -1m, Exact(1, maxScale), Exact(-1, maxScale))),
            (3, from scale in Gen.Choose(0, maxScale)
                from mantissa in Long(Math.Min(100_000, max * Pow10(scale)))
                select Exact(mantissa, scale)),
            (6, from scale in Gen.Choose(0, maxScale)
                from mantissa in Long(max * Pow10(scale))
                select Exact(mantissa, scale)));

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>Any rate: up to 16 places as a fraction, −1000% to 1000%.</summary>
    internal static Gen<Rate> Rates => Number(16, 10).Select(Rate.Fraction);

    /// <summary>Any spread: up to 12 places in basis points, ±10000bp.</summary>
    internal static Gen<Spread> Spreads => Number(12, 10_000).Select(Spread.FromBasisPoints);

    /// <summary>Any percentage: 0% to 100%, up to 14 places.</summary>
    internal static Gen<Percentage> Percentages => Number(14, 100).Select(d => Percentage.Percent(Math.Abs(d)));

    internal static Gen<LocalDate> Dates =>
        from days in Gen.Choose(0, 300 * 366)
        select new LocalDate(1900, 1, 1).PlusDays(days);

    /// <summary>Every repayment method: the two simple ones, any balloon, any interest-first (either method after it,
    /// a minimum principal with up to 4 places, often 0).</summary>
    internal static Gen<RepaymentMethod> Methods =>
        Gen.Frequency(
            (1, Gen.Elements(RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal)),
            (2, Gen.Choose(1, Loan.MaxPeriods).Select(RepaymentMethod.Balloon)),
            (3, from periods in Gen.Choose(0, Loan.MaxPeriods - 1)
                from then in Gen.Elements(RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal)
                from minimum in Gen.Frequency((2, Gen.Constant(0m)), (2, Number(4, 1_000).Select(Math.Abs)), (1, Number(2, (long)Loan.MaxPrincipal).Select(Math.Abs)))
                select RepaymentMethod.InterestFirst(periods, then, minimum)));

    internal static Gen<PrepaymentOption> Options =>
        Gen.Frequency(
            (1, Gen.Elements(PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment)),
            (1, Gen.Choose(1, Loan.MaxPeriods).Select(PrepaymentOption.NewTerm)));

    internal static Gen<RepricingRule> RepricingRules =>
        Gen.Frequency(
            (1, Gen.Elements(RepricingRule.EveryJanuary1, RepricingRule.EveryAnniversary)),
            (2, from months in Gen.Choose(1, 120)
                from start in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (1, Dates.Select(d => (LocalDate?)d)))
                select RepricingRule.EveryMonths(months, start)));

    /// <summary>Every penalty, nested up to <paramref name="depth"/> levels of sums and US-limit checks.</summary>
    internal static Gen<PrepaymentPenalty> Penalties(int depth = 2)
    {
        Gen<Percentage[]> byYear = from n in Gen.Choose(0, 6)
                                   from list in Gen.ArrayOf(Percentages, n)
                                   select list;
        Gen<PrepaymentPenalty> simple = Gen.OneOf(
            Gen.Constant(PrepaymentPenalty.None),
            byYear.Select(PrepaymentPenalty.PercentOfAmountByYear),
            from months in Gen.Choose(1, 24)
            from years in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 40).Select(y => (int?)y)))
            select PrepaymentPenalty.MonthsOfInterest(months, years),
            from allowance in Percentages
            from years in byYear
            select PrepaymentPenalty.UkEarlyRepaymentCharge(allowance, years));
        if (depth == 0)
        {
            return simple;
        }

        Gen<PrepaymentPenalty> inner = Penalties(depth - 1);
        return Gen.Frequency(
            (4, simple),
            (1, from n in Gen.Choose(0, 3) from parts in Gen.ArrayOf(inner, n) select PrepaymentPenalty.Sum(parts)),
            (1, inner.Select(PrepaymentPenalty.CheckedAgainstUsLimit)));
    }
}
