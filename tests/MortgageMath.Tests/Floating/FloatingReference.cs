using System.Numerics;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Floating;

/// <summary>
/// An independent re-statement of the floating-rate rules (china-mortgage-conventions.md §1.3, §1.4, TV-8) for the
/// generated cases: the rate timeline straight from the generated fixings and the repricing rule's definition, and
/// every row from <see cref="ExactOracle"/> (BigInteger rationals; no library arithmetic).
/// </summary>
internal static class FloatingReference
{
    internal readonly record struct Row(
        LocalDate Due, Rate Rate, decimal Opening, decimal Principal, decimal Interest, (LocalDate From, LocalDate Until, Rate Rate)[]? Segments);

    internal static LocalDate Maturity(Loan loan) => ReferenceSchedule.Due(loan, loan.Periods);

    /// <summary>index + spread, at least the floor, with the fixing in force on <paramref name="date"/>.</summary>
    internal static Rate RateOn(FloatingCase c, LocalDate date, Spread spread)
    {
        Rate rate = Rate.BasisPoints(c.FixingBp(date)) + spread.AsRate;
        return c.Floor is { } floor && rate < floor ? floor : rate;
    }

    /// <summary>Repricing dates strictly after disbursement and strictly before maturity, by the rule's definition.</summary>
    internal static IEnumerable<LocalDate> RepricingDates(FloatingCase c)
    {
        LocalDate disbursement = c.Loan.Disbursement;
        LocalDate maturity = Maturity(c.Loan);
        for (int k = 1; ; k++)
        {
            LocalDate date = c.Kind switch
            {
                RuleKind.January1 => new LocalDate(disbursement.Year + k, 1, 1),
                RuleKind.Anniversary => disbursement.PlusYears(k),
                _ => (c.From ?? disbursement).PlusMonths(k * c.Months),
            };
            if (date >= maturity)
            {
                yield break;
            }

            if (date > disbursement)
            {
                yield return date;
            }
        }
    }

    /// <summary>The dates on which the rate changes, and the rate from then (the first entry is disbursement).</summary>
    internal static List<(LocalDate Date, Rate Rate)> Timeline(FloatingCase c)
    {
        var timeline = new List<(LocalDate, Rate)> { (c.Loan.Disbursement, RateOn(c, c.Loan.Disbursement, c.Spread)) };
        foreach (LocalDate date in RepricingDates(c))
        {
            Rate rate = RateOn(c, date, c.Spread);
            if (rate != timeline[^1].Item2)
            {
                timeline.Add((date, rate));
            }
        }

        return timeline;
    }

    /// <summary>round(opening × Σ rateⱼ × daysⱼ / yearDays), one exact rational rounded once.</summary>
    internal static decimal SplitInterest(decimal opening, IEnumerable<(int Days, Rate Rate)> parts, int yearDays, RoundingPolicy policy)
    {
        (BigInteger mo, int so) = ExactOracle.Parts(opening);
        var rates = parts.Select(p => (p.Days, Parts: ExactOracle.Parts(p.Rate.ToFraction()))).ToArray();
        int scale = rates.Max(r => r.Parts.Scale);
        BigInteger sum = BigInteger.Zero;
        foreach ((int days, (BigInteger m, int s)) in rates)
        {
            sum += m * ExactOracle.Pow10(scale - s) * days;
        }

        BigInteger num = mo * sum * ExactOracle.Pow10(policy.DecimalPlaces);
        BigInteger den = yearDays * ExactOracle.Pow10(so + scale);
        return ExactOracle.Money(ExactOracle.Round(num, den, policy.Mode), policy.DecimalPlaces);
    }

    private static decimal Level(Loan loan, decimal balance, Rate rate, int periods) =>
        loan.Method == RepaymentMethod.EqualInstallment
            ? ExactOracle.AnnuityPayment(balance, rate, periods, loan.Rounding)
            : ExactOracle.AnnuityPayment(balance, Rate.Zero, periods, loan.Rounding);

    /// <summary>
    /// True when the first period is odd (not one calendar month) and the rate changes inside it while the loan charges
    /// the whole period at the new rate: see <c>FloatingBugTests</c>; the replay charges the odd days at the new rate.
    /// </summary>
    internal static bool OddFirstPeriodWithWholePeriodChange(FloatingCase c)
    {
        Loan loan = c.Loan;
        LocalDate first = ReferenceSchedule.FirstDue(loan);
        return loan.RateChangeInterest == RateChangeInterest.NewRateForWholePeriod
            && LoanGen.FirstPeriodIsOdd(loan, first)
            && Timeline(c).Skip(1).Any(t => t.Date < first);
    }

    /// <summary>
    /// True when the first period is exactly one month, straddles a rate change, is split by actual days and the loan
    /// keeps the regular first payment: the library then applies KeepRegularPayment although the period is not odd
    /// (see <c>FloatingBugTests</c>); the replay applies the policy only to odd first periods, as documented.
    /// </summary>
    internal static bool RegularFirstPeriodStraddledKeepRegular(FloatingCase c)
    {
        Loan loan = c.Loan;
        LocalDate first = ReferenceSchedule.FirstDue(loan);
        return loan.RateChangeInterest == RateChangeInterest.SplitByActualDays
            && loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment
            && !LoanGen.FirstPeriodIsOdd(loan, first)
            && Timeline(c).Skip(1).Any(t => t.Date < first);
    }

    internal static Row[] Build(FloatingCase c)
    {
        Loan loan = c.Loan;
        var timeline = Timeline(c);
        bool equalInstallment = loan.Method == RepaymentMethod.EqualInstallment;
        bool split = loan.RateChangeInterest == RateChangeInterest.SplitByActualDays;
        int yearDays = loan.DayCount == DayCount.Actual365Fixed ? 365 : 360;
        int n = loan.Periods;
        decimal balance = loan.Principal;
        Rate rate = timeline[0].Rate;
        decimal level = Level(loan, balance, rate, n);
        LocalDate start = loan.Disbursement;
        var rows = new Row[n];
        for (int k = 1; k <= n; k++)
        {
            LocalDate due = ReferenceSchedule.Due(loan, k);
            int current = timeline.FindLastIndex(t => t.Date <= start);
            int last = timeline.FindLastIndex(t => t.Date < due);
            if (timeline[last].Rate != rate)
            {
                rate = timeline[last].Rate;
                if (equalInstallment)
                {
                    level = Level(loan, balance, rate, n - k + 1); // re-amortize over the periods left, this one included
                }
            }

            decimal regular = ExactOracle.MonthlyInterest(balance, rate, loan.Rounding);
            decimal interest = regular;
            decimal principal = equalInstallment ? level - regular : level;
            bool oddFirst = k == 1 && loan.Disbursement.PlusMonths(1) != due;
            (LocalDate, LocalDate, Rate)[]? segments = null;
            if (last > current)
            {
                segments = [.. Enumerable.Range(current, last - current + 1).Select(j =>
                    (j == current ? start : timeline[j].Date, j == last ? due : timeline[j + 1].Date, timeline[j].Rate))];
                if (split)
                {
                    interest = SplitInterest(balance, segments.Select(g => (LoanGen.DaysBetween(g.Item1, g.Item2), g.Item3)), yearDays, loan.Rounding);
                }
                else if (oddFirst)
                {
                    interest = ExactOracle.DailyInterest(balance, rate, LoanGen.DaysBetween(start, due), yearDays, loan.Rounding);
                }
            }
            else if (oddFirst)
            {
                interest = ExactOracle.DailyInterest(balance, rate, LoanGen.DaysBetween(start, due), yearDays, loan.Rounding);
            }

            bool restart = false;
            if (oddFirst && interest != regular && loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
            {
                principal += regular - interest;
                restart = true;
            }

            if (k == n || principal > balance)
            {
                principal = balance;
            }
            else if (principal < 0)
            {
                principal = 0;
            }

            rows[k - 1] = new Row(due, rate, balance, principal, interest, segments);
            balance -= principal;
            start = due;
            if (restart && k < n)
            {
                level = Level(loan, balance, rate, n - k);
            }
        }

        return rows;
    }
}
