using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace MortgageMath.Tests.Properties;

/// <summary>Random loans: whole-minor-unit principals from one minor unit to 10^9 (tiny and huge mixed), rates
/// 0–24% in basis points with up to 2 decimals (exactly 0 included), 1–600 months, both methods, random
/// disbursement dates, repayment days 1–31, optional explicit first due dates, both odd-period policies and day counts.</summary>
internal static class LoanGen
{
    private static readonly long[] Pow10 = Enumerable.Range(0, 19).Select(k => (long)Math.Pow(10, k)).ToArray();

    /// <summary>A count of minor units in [1, 10^maxDigits], log-uniform-ish, with both ends weighted.</summary>
    internal static Gen<long> MinorUnits(int maxDigits) =>
        Gen.Frequency(
            (1, Gen.Constant(1L)),
            (1, Gen.Constant(Pow10[maxDigits])),
            (1, Gen.Choose(1, 1000).Select(v => (long)v)),
            (12, from digits in Gen.Choose(1, maxDigits)
                 from a in Gen.Choose(0, 999_999)
                 from b in Gen.Choose(0, 999_999)
                 from c in Gen.Choose(0, 999_999)
                 let raw = (((((long)a * 1_000_000) + b) * 1_000_000) + c) % Pow10[digits]
                 let v = raw
                 select v == 0 ? 1L : v));

    /// <summary>0–2400 bp with up to two decimals; 0 and 24% exactly are weighted.</summary>
    internal static Gen<Rate> Rates =>
        Gen.Frequency(
            (1, Gen.Constant(0)),
            (1, Gen.Constant(240_000)),
            (1, Gen.Choose(1, 100)),
            (3, Gen.Choose(0, 2400).Select(bp => bp * 100)),
            (8, Gen.Choose(0, 240_000)))
        .Select(hundredths => Rate.BasisPoints(hundredths / 100m));

    internal static Gen<int> Periods =>
        Gen.Frequency(
            (1, Gen.Constant(1)),
            (1, Gen.Constant(600)),
            (2, Gen.Choose(1, 12)),
            (8, Gen.Choose(1, 600)));

    internal static Gen<LocalDate> Dates =>
        from year in Gen.Frequency((1, Gen.Elements(1900, 2000, 2023, 2024, 2028, 2200)), (4, Gen.Choose(1900, 2200)))
        from month in Gen.Choose(1, 12)
        from day in Gen.Frequency(
            (3, Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))),
            (1, Gen.Constant(CalendarSystem.Iso.GetDaysInMonth(year, month))))
        select new LocalDate(year, month, day);

    internal static Gen<int?> RepaymentDays =>
        Gen.Frequency(
            (3, Gen.Constant<int?>(null)),
            (4, Gen.Choose(1, 31).Select(d => (int?)d)),
            (2, Gen.Elements<int?>(1, 28, 29, 30, 31)));

    internal static Gen<RoundingPolicy> Policies =>
        from places in Gen.Choose(0, RoundingPolicy.MaxDecimalPlaces)
        from mode in Gen.Elements(RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Truncate)
        select new RoundingPolicy(places, mode);

    private static LocalDate OnDay(LocalDate month, int day) =>
        new(month.Year, month.Month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)));

    /// <summary>Null most of the time; otherwise a valid explicit first due date (same month, next, or the one after).</summary>
    private static Gen<LocalDate?> FirstDue(LocalDate disbursement, int day)
    {
        var candidates = new List<LocalDate?> { null, null, null };
        foreach (int k in new[] { 0, 1, 2 })
        {
            LocalDate c = OnDay(disbursement.PlusMonths(k), day);
            if (c > disbursement && c <= disbursement.PlusMonths(2))
            {
                candidates.Add(c);
            }
        }

        return Gen.Elements(candidates.ToArray());
    }

    /// <summary>A loan with the given rounding policy generator (principal is a whole number of its minor units).</summary>
    internal static Gen<Loan> Loans(Gen<RoundingPolicy> policies, int maxMajorDigits = 9) =>
        from policy in policies
        from minor in MinorUnits(maxMajorDigits + policy.DecimalPlaces)
        from rate in Rates
        from periods in Periods
        from method in Gen.Elements(RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal)
        from disbursement in Dates
        from repaymentDay in RepaymentDays
        from firstDue in FirstDue(disbursement, repaymentDay ?? disbursement.Day)
        from odd in Gen.Elements(OddFirstPeriodPolicy.AdjustFirstPayment, OddFirstPeriodPolicy.KeepRegularPayment)
        from dayCount in Gen.Frequency((3, Gen.Constant(DayCount.Actual360)), (1, Gen.Constant(DayCount.Actual365Fixed)))
        select new Loan((decimal)minor / Pow10[policy.DecimalPlaces], rate, periods, disbursement)
        {
            RepaymentDay = repaymentDay,
            FirstDueDate = firstDue,
            Method = method,
            Rounding = policy,
            OddFirstPeriod = odd,
            DayCount = dayCount,
        };

    internal static Arbitrary<Loan> DefaultRounding => Arb.From(Loans(Gen.Constant(RoundingPolicy.Default)));

    internal static Arbitrary<Loan> AnyRounding => Arb.From(Loans(Policies));

    /// <summary>True when the first period is not exactly one calendar month (the odd-days rule applies).</summary>
    internal static bool FirstPeriodIsOdd(Loan loan, LocalDate firstDue) => loan.Disbursement.PlusMonths(1) != firstDue;

    internal static int DaysBetween(LocalDate from, LocalDate to) =>
        (int)(to.ToDateTimeUnspecified() - from.ToDateTimeUnspecified()).TotalDays;
}
