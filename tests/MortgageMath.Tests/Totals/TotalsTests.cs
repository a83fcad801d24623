using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Specs;
using MortgageMath.Tests.Floating;
using MortgageMath.Tests.Specs;
using NodaTime;

namespace MortgageMath.Tests.Totals;

/// <summary>
/// The row-free path (<see cref="Loan.Totals()"/>) gives exactly the figures derived from <see cref="Loan.BuildSchedule"/>'s
/// rows, for generated loans of every kind (fixed, floating, stepped, provident fund, every method, prepayments,
/// penalties, holidays, restructurings, combined) and as-of dates across and around their lives; a loan the schedule
/// refuses is refused the same way.
/// </summary>
public class TotalsTests
{
    /// <summary>The figures as the schedule's rows define them (the definitions on <see cref="LoanTotals"/>).</summary>
    internal static void AssertMatches(Schedule s, LoanTotals t, LocalDate? asOf, LocalDate? windowEnd, string because)
    {
        Assert.True(s.TotalInterest == t.TotalInterest, because);
        Assert.True(s.TotalPrincipal == t.TotalPrincipal, because);
        Assert.True(s.TotalPenalty == t.TotalPenalty, because);
        Assert.True(s.TotalPayment == t.TotalPayment, because);
        Assert.True(s.RegularPayments == t.RegularPayments, because);
        Assert.True(s.Count == t.Rows, because);
        Assert.True(s.Last.DueDate == t.Maturity, because);
        Assert.Equal(asOf, t.AsOf);
        if (asOf is not { } date)
        {
            Assert.Null(t.BalanceAsOf);
            Assert.Null(t.NextPayment);
            Assert.Null(t.WindowInterest);
            Assert.Null(t.NextRateChange);
            return;
        }

        LocalDate end = windowEnd!.Value;
        Installment[] rows = [.. s];
        static bool Regular(Installment r) => r.Kind is InstallmentKind.Regular or InstallmentKind.Balloon;
        decimal balance = rows.Where(r => r.DueDate >= date).Select(r => r.OpeningBalance).DefaultIfEmpty(0m).First();
        decimal? next = rows.Where(r => r.DueDate >= date && Regular(r)).Select(r => (decimal?)r.Payment).FirstOrDefault();
        RateChange? change = s.RateChanges.Where(c => c.EffectiveDate > date).Select(c => (RateChange?)c).FirstOrDefault();
        // A whole period: one rate, and not the stub a mid-period prepayment leaves (a regular row right after a
        // prepayment row of the same period).
        bool Whole(int k) => Regular(rows[k]) && !rows[k].RateChanged && !(k > 0 && rows[k - 1].Kind == InstallmentKind.Prepayment && rows[k - 1].Period == rows[k].Period);
        decimal? after = change is { } c2 ? Enumerable.Range(0, rows.Length).Where(k => rows[k].DueDate > c2.EffectiveDate && Whole(k)).Select(k => (decimal?)rows[k].Payment).FirstOrDefault() : null;
        decimal window = rows.Where(r => r.DueDate >= date && r.DueDate < end).Sum(r => r.Interest);
        Assert.True(balance == t.BalanceAsOf, $"{because}: balance {balance} vs {t.BalanceAsOf}");
        Assert.True(next == t.NextPayment, $"{because}: next payment {next} vs {t.NextPayment}");
        Assert.True(change == t.NextRateChange, $"{because}: next change {change} vs {t.NextRateChange}");
        Assert.True(after == t.PaymentAfterRateChange, $"{because}: payment after change {after} vs {t.PaymentAfterRateChange}");
        Assert.True(window == t.WindowInterest, $"{because}: window interest {window} vs {t.WindowInterest}");
        Assert.Equal(end, t.WindowEnd);
    }

    private static (LocalDate AsOf, LocalDate End) AsOfFor(Loan loan, int seed)
    {
        var r = new Random(seed);
        LocalDate asOf = loan.Disbursement.PlusDays(r.Next(-40, loan.Periods * 31 + 60));
        return (asOf, asOf.PlusMonths(r.Next(0, 25)).PlusDays(r.Next(0, 3)));
    }

    private static string? Refusal(Func<object> build)
    {
        try
        {
            build();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name} {(e as ArgumentException)?.ParamName} {e.Message}";
        }
    }

    [Property(MaxTest = 400)]
    public Property Totals_equal_the_schedule_figures_for_any_loan_document() =>
        Prop.ForAll(LoanSpecGen.Seeds, Check);

    private static void Check(int seed)
        {
            LoanDocument doc = LoanSpecGen.Build(seed);
            if (doc.CombinedLoan is { } combined)
            {
                string? refused = Refusal(combined.BuildSchedule);
                Assert.Equal(refused, Refusal(() => combined.Totals()));
                if (refused is not null)
                {
                    return;
                }

                CombinedSchedule schedule = combined.BuildSchedule();
                (LocalDate asOf, LocalDate end) = AsOfFor(combined.Legs[0].Loan, seed);
                CombinedTotals totals = combined.Totals(asOf, end);
                for (int k = 0; k < combined.Legs.Count; k++)
                {
                    AssertMatches(schedule.Legs[k], totals.Legs[k], asOf, end, $"seed {seed} leg {k}");
                }

                Assert.Equal(schedule.TotalInterest, totals.TotalInterest);
                Assert.Equal(schedule.TotalPrincipal, totals.TotalPrincipal);
                Assert.Equal(schedule.TotalPayment, totals.TotalPayment);
                Assert.Equal(schedule.Legs.Max(l => l.Last.DueDate), totals.Maturity);
                Assert.Equal(combined.Totals(asOf, end), totals);
                return;
            }

            Loan loan = doc.Loan!;
            string? refusal = Refusal(loan.BuildSchedule);
            Assert.Equal(refusal, Refusal(loan.Totals));
            if (refusal is not null)
            {
                return;
            }

            Schedule s = loan.BuildSchedule();
            AssertMatches(s, loan.Totals(), null, null, $"seed {seed}");
            (LocalDate from, LocalDate to) = AsOfFor(loan, seed);
            AssertMatches(s, loan.Totals(from, to), from, to, $"seed {seed} as of {from}");
            // An as-of date on a due date (and on a rate change) is where the definitions' edges are.
            LocalDate onDue = s[new Random(seed).Next(s.Count)].DueDate;
            AssertMatches(s, loan.Totals(onDue), onDue, onDue.PlusMonths(12), $"seed {seed} on {onDue}");
            if (s.RateChanges.Count > 1)
            {
                LocalDate onChange = s.RateChanges[1].EffectiveDate;
                AssertMatches(s, loan.Totals(onChange), onChange, onChange.PlusMonths(12), $"seed {seed} on {onChange}");
            }
        }

    [Property(MaxTest = 200)]
    public Property Totals_equal_the_schedule_figures_for_floating_loans() =>
        Prop.ForAll(FloatingGen.Any, c =>
        {
            Schedule s = c.Loan.BuildSchedule();
            (LocalDate from, LocalDate to) = AsOfFor(c.Loan, c.Seed);
            AssertMatches(s, c.Loan.Totals(from, to), from, to, $"seed {c.Seed}");
        });

    [Fact]
    public void TV1_totals_are_the_published_schedule_totals()
    {
        // TV-1 (conventions §8, ccv168): 1,000,000 at 4.90% over 360 months, C3 total interest 910,615.12.
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
        LoanTotals t = loan.Totals(new LocalDate(2025, 3, 21)); // the day after the 12th payment
        Assert.Equal(910_615.12m, t.TotalInterest);
        Assert.Equal(1_000_000m, t.TotalPrincipal);
        Assert.Equal(new LocalDate(2054, 3, 20), t.Maturity);
        Assert.Equal(984_978.39m, t.BalanceAsOf); // the C3 balance after 12 payments
        Assert.Equal(5307.27m, t.NextPayment);
        Assert.Null(t.NextRateChange);
        Assert.Null(t.PaymentAfterRateChange);
        Assert.Equal(new LocalDate(2026, 3, 21), t.WindowEnd);
        Assert.Equal(loan.Totals(new LocalDate(2025, 3, 21)), t);
        Assert.Equal(986_258.44m, loan.Totals(new LocalDate(2025, 3, 20)).BalanceAsOf); // the start of the 12th due date: before its payment
        Assert.NotEqual(loan.Totals(), t);
    }

    [Fact]
    public void The_payment_after_a_rate_change_is_a_whole_period_not_the_stub_after_a_mid_period_prepayment()
    {
        // LPR5Y + 0 repriced every 1 January; 100,000 prepaid (lower payment) on 2025-02-05, inside the period due
        // 2025-02-11. The row due 2025-01-11 straddles the 2025-01-01 change; the row due 2025-02-11 pays interest for
        // the 6 days after the prepayment only (the prepayment row collects what accrued before it). The new payment is
        // that of the row due 2025-03-11, the first whole period at the new rate.
        var loan = new Loan(1_000_000m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.Zero, RepricingRule.EveryJanuary1), 360, new LocalDate(2024, 3, 11))
        {
            Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2055, 1, 1)),
            Events = [Prepayment.Partial(new LocalDate(2025, 2, 5), 100_000m, PrepaymentOption.LowerPayment)],
        };
        Schedule s = loan.BuildSchedule();
        Installment stub = s.Single(r => r.DueDate == new LocalDate(2025, 2, 11));
        Installment whole = s.Single(r => r.DueDate == new LocalDate(2025, 3, 11));
        Assert.NotEqual(whole.Payment, stub.Payment);
        Assert.Equal(whole.Payment, s.Single(r => r.DueDate == new LocalDate(2025, 4, 11)).Payment); // the level payment

        LoanTotals t = loan.Totals(new LocalDate(2024, 12, 20));
        Assert.Equal(new LocalDate(2025, 1, 1), t.NextRateChange!.Value.EffectiveDate);
        Assert.Equal(whole.Payment, t.PaymentAfterRateChange);
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_refused_naming_the_end()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => loan.Totals(new LocalDate(2025, 3, 20), new LocalDate(2025, 3, 19)));
        Assert.Equal("windowEnd", e.ParamName);
        Assert.Equal(new LocalDate(2025, 3, 19), e.ActualValue);
    }
}
