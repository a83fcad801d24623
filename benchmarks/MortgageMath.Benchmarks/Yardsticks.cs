namespace MortgageMath.Benchmarks;

/// <summary>
/// The floors the library's loop is measured against (issue 16): plain loops over the TV-1 loan (1,000,000 at 4.90%
/// over 360 months, equal installment, level payment 5,307.27 given) doing the same exact arithmetic in whole cents
/// (interest = balance × 49 / 12,000 rounded half-up, the last row settling the balance), one writing rows and one
/// only summing, and a rounded double loop. They know nothing of dates, events or policies: they are what the
/// arithmetic alone costs. A test (tests/MortgageMath.Tests/Totals/YardstickTests.cs, which compiles this file) checks
/// that the int64 loops give the library's cents on TV-1.
/// </summary>
public static class Yardsticks
{
    /// <summary>TV-1's principal in cents.</summary>
    public const long Principal = 100_000_000;

    /// <summary>TV-1's level payment in cents (5,307.27).</summary>
    public const long Level = 530_727;

    /// <summary>TV-1's number of periods.</summary>
    public const int Periods = 360;

    /// <summary>One row of the int64 loop: what a schedule row holds, in cents.</summary>
    public struct Row
    {
        public int Period;
        public long Opening;
        public long Principal;
        public long Interest;
    }

    /// <summary>The monthly interest on a balance in cents at 4.90%: balance × 0.049 / 12 rounded half-up.</summary>
    private static long Interest(long balance) => ((balance * 49) + 6_000) / 12_000;

    /// <summary>The int64 loop writing every row.</summary>
    public static Row[] Int64Rows()
    {
        var rows = new Row[Periods];
        long balance = Principal;
        for (int period = 1; period <= Periods; period++)
        {
            long interest = Interest(balance);
            long principal = period == Periods ? balance : Level - interest;
            rows[period - 1] = new Row { Period = period, Opening = balance, Principal = principal, Interest = interest };
            balance -= principal;
        }

        return rows;
    }

    /// <summary>The int64 loop summing the interest and principal without rows.</summary>
    public static (long Interest, long Principal) Int64Totals()
    {
        long balance = Principal;
        long totalInterest = 0, totalPrincipal = 0;
        for (int period = 1; period <= Periods; period++)
        {
            long interest = Interest(balance);
            long principal = period == Periods ? balance : Level - interest;
            totalInterest += interest;
            totalPrincipal += principal;
            balance -= principal;
        }

        return (totalInterest, totalPrincipal);
    }

    /// <summary>A double loop rounding each interest to the cent (not exact in general; the common shortcut).</summary>
    public static double RoundedDoubleTotalInterest()
    {
        double balance = 1_000_000;
        double total = 0;
        for (int period = 1; period <= Periods; period++)
        {
            double interest = Math.Round(balance * 0.049 / 12, 2, MidpointRounding.AwayFromZero);
            double principal = period == Periods ? balance : 5_307.27 - interest;
            total += interest;
            balance = Math.Round(balance - principal, 2);
        }

        return total;
    }
}
