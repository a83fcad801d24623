using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Prepayments;

/// <summary>One generated prepayment on a generated fixed-rate loan (LoanGen), placed on a due date or strictly
/// between two, on a positive balance. Built from a seed so a failing case can be replayed.</summary>
internal sealed record PrepayCase(Loan Loan, Schedule Basis, int Seed, int Row, bool OnDue, LocalDate Date, decimal Balance, decimal Amount, PrepaymentOption Option, int Left)
{
    internal long Minor(decimal amount) => (long)(amount * Scale);

    internal decimal Scale => (decimal)Math.Pow(10, Loan.Rounding.DecimalPlaces);

    internal Loan With(params LoanEvent[] events) => Loan with { Events = events };

    public override string ToString() =>
        $"loan {Loan.Principal} {Loan.RatePlan} n={Loan.Periods} {Loan.Method} disb={Loan.Disbursement:yyyy-MM-dd} day={Loan.RepaymentDay} first={Loan.FirstDueDate} {Loan.OddFirstPeriod} {Loan.DayCount} {Loan.Rounding} {Loan.PrepaymentInterest} penalty={Loan.PrepaymentPenalty}; " +
        $"prepay {Amount} of {Balance} on {Date:yyyy-MM-dd} ({(OnDue ? "due date" : "between")} row {Row}) {Option}, left {Left}; seed {Seed}";
}

internal enum AmountKind
{
    Any,          // tiny, uniform, or the whole balance
    Partial,      // 1 minor unit .. balance − 1
    Substantial,  // ≥ max(1% of the balance, 100.00), below the balance
}

internal static class PrepayGen
{
    internal static readonly PrepaymentPenalty[] Penalties =
    [
        PrepaymentPenalty.None,
        PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(3m), Percentage.Percent(2m), Percentage.Percent(1m)),
        PrepaymentPenalty.MonthsOfInterest(2, withinYears: 3),
        PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10m), Percentage.Percent(5m), Percentage.Percent(4m), Percentage.Percent(3m), Percentage.Percent(2m), Percentage.Percent(1m)),
        PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(1m)), PrepaymentPenalty.MonthsOfInterest(1)),
    ];

    internal static Gen<PrepayCase?> Cases(Gen<RoundingPolicy> policies, AmountKind kind, Func<Random, Loan, PrepaymentOption?>? option = null, bool randomPolicies = true) =>
        from loan in LoanGen.Loans(policies, maxMajorDigits: 8)
        from seed in Gen.Choose(0, int.MaxValue)
        select Make(loan, seed, kind, option, randomPolicies);

    internal static PrepayCase? Make(Loan loan, int seed, AmountKind kind, Func<Random, Loan, PrepaymentOption?>? optionOf, bool randomPolicies)
    {
        var rnd = new Random(seed);
        if (randomPolicies)
        {
            loan = loan with
            {
                PrepaymentInterest = (PrepaymentInterest)rnd.Next(3),
                PrepaymentPenalty = Penalties[rnd.Next(Penalties.Length)],
            };
        }

        Schedule basis = loan.BuildSchedule();
        int row = rnd.Next(basis.Count);
        bool onDue = rnd.Next(2) == 0;
        LocalDate date;
        decimal balance;
        int left;
        if (onDue)
        {
            date = basis[row].DueDate;
            balance = basis[row].ClosingBalance;
            left = loan.Periods - row - 1;
        }
        else
        {
            LocalDate from = row == 0 ? loan.Disbursement : basis[row - 1].DueDate;
            int days = Period.DaysBetween(from, basis[row].DueDate);
            if (days < 2)
            {
                return null;
            }

            date = from.PlusDays(rnd.Next(1, days));
            balance = basis[row].OpeningBalance;
            left = loan.Periods - row;
        }

        decimal scale = (decimal)Math.Pow(10, loan.Rounding.DecimalPlaces);
        long max = (long)(balance * scale);
        if (max < 2 || left < 1)
        {
            return null;
        }

        long minor;
        switch (kind)
        {
            case AmountKind.Substantial:
                long min = Math.Max(max / 100, (long)(100 * scale));
                if (min >= max)
                {
                    return null;
                }

                minor = rnd.NextInt64(min, max);
                break;
            case AmountKind.Partial:
                minor = rnd.Next(3) == 0 ? rnd.NextInt64(1, Math.Min(max, 101)) : rnd.NextInt64(1, max);
                break;
            default:
                minor = rnd.Next(6) switch
                {
                    0 => rnd.NextInt64(1, Math.Min(max, 101)),
                    1 => max,
                    _ => rnd.NextInt64(1, max + 1),
                };
                break;
        }

        PrepaymentOption? option = optionOf is null ? AnyOption(rnd, left) : optionOf(rnd, loan);
        if (option is null)
        {
            return null;
        }

        return new PrepayCase(loan, basis, seed, row, onDue, date, balance, minor / scale, option, left);
    }

    /// <summary>Any option; NewTerm never extends the loan (that crashes: PrepaymentBugTests).</summary>
    internal static PrepaymentOption AnyOption(Random rnd, int left) => rnd.Next(4) switch
    {
        0 => PrepaymentOption.LowerPayment,
        1 => PrepaymentOption.ShortenTerm,
        2 => PrepaymentOption.ShortenTermKeepPayment,
        _ => PrepaymentOption.NewTerm(rnd.Next(1, left + 1)),
    };
}

/// <summary>Properties of prepayments over random fixed-rate loans (a few hundred each).</summary>
public sealed class PrepaymentPropertyTests
{
    private static Arbitrary<PrepayCase?> Arb(AmountKind kind, Func<Random, Loan, PrepaymentOption?>? option = null, bool randomPolicies = true, bool anyRounding = false) =>
        FsCheck.Fluent.Arb.From(PrepayGen.Cases(anyRounding ? LoanGen.Policies : Gen.Constant(RoundingPolicy.Default), kind, option, randomPolicies));

    /// <summary>Closing balance exactly 0, principal (regular + prepaid) = the loan, no negative amount, totals = row sums,
    /// penalties never negative and 0 under None; the prepayment row carries the amount; on a due date it collects no
    /// interest and follows that date's regular row. With a second prepayment later on a due date of the result.</summary>
    [Property(MaxTest = 300)]
    public Property Schedules_with_prepayments_are_well_formed() =>
        Prop.ForAll(Arb(AmountKind.Any, anyRounding: true), c =>
        {
            if (c is null)
            {
                return;
            }

            Prepayment first = Prepayment.Partial(c.Date, c.Amount, c.Option);
            Schedule one = c.With(first).BuildSchedule();
            PrepaymentSupport.AssertWellFormed(one, c.ToString());
            Installment row = PrepaymentSupport.PrepaymentRow(one);
            Assert.True(row.Principal == c.Amount && row.DueDate == c.Date && row.OpeningBalance == c.Balance, c.ToString());
            Assert.True(row.Kind == (c.Amount == c.Balance ? InstallmentKind.Payoff : InstallmentKind.Prepayment), c.ToString());
            if (c.OnDue)
            {
                Assert.True(row.Interest == 0m, c.ToString());
            }

            // A second prepayment on a later due date of the first result, on its balance.
            var rnd = new Random(c.Seed ^ 0x5bd1e995);
            Installment[] later = [.. one.Where(r => r.Kind == InstallmentKind.Regular && r.DueDate > c.Date && r.ClosingBalance > 0m)];
            if (later.Length > 0)
            {
                Installment at = later[rnd.Next(later.Length)];
                long max = c.Minor(at.ClosingBalance);
                decimal amount = rnd.NextInt64(1, max + 1) / c.Scale;
                int left = Math.Max(1, c.Loan.Periods - at.Period);
                Schedule two = c.With(first, Prepayment.Partial(at.DueDate, amount, PrepayGen.AnyOption(rnd, left))).BuildSchedule();
                PrepaymentSupport.AssertWellFormed(two, c + $"; then {amount} on {at.DueDate}");
            }
        });

    /// <summary>
    /// A prepayment never raises total interest, asserted exactly where it is a theorem, for the options that keep the
    /// level (ShortenTermKeepPayment; ShortenTerm under equal principal, which keeps the principal part):
    /// on a due date under any interest policy, and between due dates under None. Between due dates
    /// AccruedOnPrepaidAmount may cost two cents of rounding at most (the period's interest is then rounded in two
    /// parts), and AccruedOnBalance may cost up to the interest on the balance for the period's days beyond a regular
    /// month (a 31-day period is charged 31/360 by actual days instead of 1/12) plus those two cents: that is asserted
    /// as the bound.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Level_keeping_prepayment_never_raises_interest() =>
        Prop.ForAll(Arb(AmountKind.Partial, (r, l) => l.Method == RepaymentMethod.EqualPrincipal && r.Next(2) == 0 ? PrepaymentOption.ShortenTerm : PrepaymentOption.ShortenTermKeepPayment), c =>
        {
            if (c is null)
            {
                return;
            }

            // KeepRegularPayment re-levels the method after an odd first period; a prepayment before that restart
            // is then re-amortized like LowerPayment and may compound a cent of rounding (found by a CI run:
            // 100,000,000 at 17.1471% over 225 months, 57-day first period, 0.60 prepaid in it: +0.23 of interest),
            // so the level-keeping theorem does not apply to it; the re-amortizing property below covers that kind.
            if (c.Row == 0 && c.Loan.OddFirstPeriod == OddFirstPeriodPolicy.KeepRegularPayment)
            {
                return;
            }

            decimal with = c.With(Prepayment.Partial(c.Date, c.Amount, c.Option)).BuildSchedule().TotalInterest;
            decimal without = c.Basis.TotalInterest;
            decimal allowed = 0m;
            // Between due dates the period's interest is charged in two parts (with the prepayment and at the due date),
            // each rounded once: up to a cent of rounding each, so two cents in all.
            if (!c.OnDue && c.Loan.PrepaymentInterest == PrepaymentInterest.AccruedOnPrepaidAmount)
            {
                allowed = 0.02m;
            }
            else if (!c.OnDue && c.Loan.PrepaymentInterest == PrepaymentInterest.AccruedOnBalance)
            {
                LocalDate from = c.Row == 0 ? c.Loan.Disbursement : c.Basis[c.Row - 1].DueDate;
                int days = Period.DaysBetween(from, c.Basis[c.Row].DueDate);
                int year = c.Loan.DayCount == DayCount.Actual360 ? 360 : 365;
                decimal rate = ((FixedRatePlan)c.Loan.RatePlan).Rate.ToFraction();
                allowed = (c.Balance * rate * Math.Max(0, (days * 12) - year) / (12m * year)) + 0.02m;
            }

            Assert.True(with <= without + allowed, $"{with} > {without} + {allowed}: {c}");
        });

    /// <summary>
    /// The re-amortizing options (LowerPayment, ShortenTerm under equal installment, NewTerm within the term) recompute
    /// a rounded level, which may be a cent or so below the one in force; over a long high-rate remainder that cent
    /// compounds (e.g. 36,367.83 at 15.63% over 515 months, 35.26 prepaid after 361 payments: +132.30 of interest).
    /// Asserted therefore for prepayments of at least max(1% of the balance, 100.00) that also dwarf that compounding:
    /// half a minor unit accumulated over the remaining periods, 0.005·((1+i)^left − 1)/i, at most 1% of the amount
    /// (without this, 734.21 at 23.8213% over 561 months, 139.01 prepaid with LowerPayment after 214 payments raises
    /// interest from 5,079.43 to 6,361.47: the original rounded payment was repaying far ahead of the exact annuity).
    /// On a due date or between due dates under PrepaymentInterest.None, at the default rounding.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Substantial_reamortizing_prepayment_never_raises_interest() =>
        Prop.ForAll(Arb(AmountKind.Substantial, (r, l) => r.Next(3) switch
        {
            0 => PrepaymentOption.LowerPayment,
            1 => l.Method == RepaymentMethod.EqualInstallment ? PrepaymentOption.ShortenTerm : PrepaymentOption.LowerPayment,
            _ => null, // NewTerm below
        }), c =>
        {
            if (c is null)
            {
                return;
            }

            if (!DwarfsRounding(c))
            {
                return;
            }

            Loan loan = c.Loan with { PrepaymentInterest = PrepaymentInterest.None, PrepaymentPenalty = PrepaymentPenalty.None };
            Schedule basis = loan.BuildSchedule();
            decimal with = (loan with { Events = [Prepayment.Partial(c.Date, c.Amount, c.Option)] }).BuildSchedule().TotalInterest;
            Assert.True(with <= basis.TotalInterest, $"{with} > {basis.TotalInterest}: {c}");
        }).And(Prop.ForAll(Arb(AmountKind.Substantial, (r, l) => PrepaymentOption.LowerPayment), c =>
        {
            if (c is null || !DwarfsRounding(c))
            {
                return;
            }

            Loan loan = c.Loan with { PrepaymentInterest = PrepaymentInterest.None, PrepaymentPenalty = PrepaymentPenalty.None };
            int k = new Random(c.Seed).Next(1, c.Left + 1);
            decimal with = (loan with { Events = [Prepayment.Partial(c.Date, c.Amount, PrepaymentOption.NewTerm(k))] }).BuildSchedule().TotalInterest;
            decimal without = loan.BuildSchedule().TotalInterest;
            Assert.True(with <= without, $"NewTerm({k}) {with} > {without}: {c}");
        }));

    /// <summary>
    /// Whether half a minor unit a period, compounded over the whole term, is at most 1% of the amount prepaid. The
    /// whole term, not only what is left: the baseline's rounded payment drifts from the exact annuity from the first
    /// period on (a stress run found 9,671.18 at 22.63% over 502 months, 374.94 prepaid with 24 periods left, where
    /// that drift made the baseline's tail 2.33 cheaper than the re-amortized one).
    /// </summary>
    private static bool DwarfsRounding(PrepayCase c)
    {
        double i = (double)((FixedRatePlan)c.Loan.RatePlan).Rate.ToFraction() / 12;
        int periods = c.Loan.Periods;
        double accumulated = i == 0 ? periods : (Math.Pow(1 + i, periods) - 1) / i;
        return 0.005 * accumulated <= 0.01 * (double)c.Amount;
    }

    /// <summary>A payoff on a due date ends the schedule that day: the regular row, then the payoff row, nothing after.</summary>
    [Property(MaxTest = 300)]
    public Property Payoff_on_a_due_date_ends_the_schedule_that_day() =>
        Prop.ForAll(Arb(AmountKind.Any, anyRounding: true), c =>
        {
            if (c is null || !c.OnDue)
            {
                return;
            }

            Schedule s = c.With(Prepayment.Payoff(c.Date)).BuildSchedule();
            PrepaymentSupport.AssertWellFormed(s, c.ToString());
            Assert.True(s.Last.Kind == InstallmentKind.Payoff && s.Last.DueDate == c.Date, c.ToString());
            Assert.True(s.Count == c.Row + 2 && s.RegularPayments == c.Row + 1, c.ToString());
            Assert.True(s[^2].Kind == InstallmentKind.Regular && s[^2].DueDate == c.Date, c.ToString());
            Assert.True(s.Last.Principal == c.Balance && s.Last.Interest == 0m, c.ToString());
            for (int k = 0; k <= c.Row; k++)
            {
                Assert.True(s[k] == c.Basis[k], $"row {k}: {c}");
            }

            PayoffQuote quote = c.Loan.PayoffQuote(c.Date);
            Assert.True(quote.Balance == c.Balance && quote.AccruedInterest == 0m && quote.Total == s.Last.Payment, c.ToString());
        });

    /// <summary>Prepaying the whole balance with Partial is the same schedule as a Payoff, on or between due dates,
    /// under every interest and penalty policy; the payoff quote agrees with its row.</summary>
    [Property(MaxTest = 300)]
    public Property Partial_of_the_whole_balance_is_a_payoff() =>
        Prop.ForAll(Arb(AmountKind.Any, anyRounding: true), c =>
        {
            if (c is null)
            {
                return;
            }

            Schedule partial = c.With(Prepayment.Partial(c.Date, c.Balance, c.Option)).BuildSchedule();
            Schedule payoff = c.With(Prepayment.Payoff(c.Date)).BuildSchedule();
            Assert.True(partial.SequenceEqual(payoff), c.ToString());
            Assert.True(partial.TotalInterest == payoff.TotalInterest && partial.TotalPenalty == payoff.TotalPenalty, c.ToString());
            Assert.True(payoff.Last.Kind == InstallmentKind.Payoff && payoff.Last.ClosingBalance == 0m, c.ToString());
            PayoffQuote quote = c.Loan.PayoffQuote(c.Date);
            Assert.True(quote.Balance == payoff.Last.Principal && quote.AccruedInterest == payoff.Last.Interest
                && quote.Penalty == payoff.Last.Penalty && quote.Total == payoff.Last.Payment, c.ToString());
        });

    /// <summary>
    /// Under LowerPayment and ShortenTermKeepPayment, paying a + b as two prepayments on one day gives the same regular
    /// rows, the same number of payments and the same principal. The interest collected with the prepayments is the same
    /// under AccruedOnBalance (the second accrues 0 days) and None; under AccruedOnPrepaidAmount each row is rounded
    /// on its own, so the total may differ by one minor unit. No penalty here (percent penalties round per row too).
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Splitting_a_prepayment_on_one_day_changes_only_the_prepayment_rows() =>
        Prop.ForAll(Arb(AmountKind.Partial, (r, l) => r.Next(2) == 0 ? PrepaymentOption.LowerPayment : PrepaymentOption.ShortenTermKeepPayment, anyRounding: true), c =>
        {
            if (c is null)
            {
                return;
            }

            long total = c.Minor(c.Amount);
            if (total < 2)
            {
                return;
            }

            Loan loan = c.Loan with { PrepaymentPenalty = PrepaymentPenalty.None };
            long a = new Random(c.Seed).NextInt64(1, total);
            Schedule one = (loan with { Events = [Prepayment.Partial(c.Date, c.Amount, c.Option)] }).BuildSchedule();
            Schedule two = (loan with
            {
                Events = [Prepayment.Partial(c.Date, a / c.Scale, c.Option), Prepayment.Partial(c.Date, (total - a) / c.Scale, c.Option)],
            }).BuildSchedule();
            PrepaymentSupport.AssertWellFormed(two, c.ToString());
            Assert.True(PrepaymentSupport.RegularRows(one).SequenceEqual(PrepaymentSupport.RegularRows(two)), $"regular rows differ (a = {a}): {c}");
            Assert.True(one.RegularPayments == two.RegularPayments && one.TotalPrincipal == two.TotalPrincipal, c.ToString());
            decimal minor = 1m / c.Scale;
            decimal gap = Math.Abs(one.TotalInterest - two.TotalInterest);
            Assert.True(loan.PrepaymentInterest == PrepaymentInterest.AccruedOnPrepaidAmount && !c.OnDue ? gap <= minor : gap == 0m,
                $"interest {one.TotalInterest} vs {two.TotalInterest}: {c}");
        });

    /// <summary>With CheckedAgainstUsLimit(PercentOfAmountByYear(2%, 2%, 1%)) nothing throws, and each penalty is the
    /// percentage of its year (0 from year 4).</summary>
    [Property(MaxTest = 300)]
    public Property Us_compliant_policy_never_throws() =>
        Prop.ForAll(Arb(AmountKind.Any), c =>
        {
            if (c is null)
            {
                return;
            }

            Loan loan = c.Loan with
            {
                PrepaymentPenalty = PrepaymentPenalty.CheckedAgainstUsLimit(
                    PrepaymentPenalty.PercentOfAmountByYear(Percentage.Percent(2m), Percentage.Percent(2m), Percentage.Percent(1m))),
                Events = [Prepayment.Partial(c.Date, c.Amount, c.Option)],
            };
            Schedule s = loan.BuildSchedule();
            Installment row = PrepaymentSupport.PrepaymentRow(s);
            int year = Period.Between(loan.Disbursement, c.Date, PeriodUnits.Years).Years + 1;
            decimal pct = year <= 2 ? 0.02m : year == 3 ? 0.01m : 0m;
            Assert.True(row.Penalty == Math.Round(c.Amount * pct, 2, MidpointRounding.AwayFromZero), $"{row}: {c}");
            _ = loan.PayoffQuote(c.Date);
        });
}
