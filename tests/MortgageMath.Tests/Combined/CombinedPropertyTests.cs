using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Combined;

/// <summary>
/// Invariants of combined loans over random legs (1–4 legs; any method, rate, term, repayment day, odd first period,
/// rounding; disbursements up to a few months apart; some legs with a prepayment or a payoff): each leg of the
/// combined schedule equals that loan built alone, the merged rows and totals are the sums of the legs, every leg
/// row appears exactly once, dates strictly increase, the final balance is 0 and principal sums to the loan.
/// </summary>
public class CombinedPropertyTests
{
    private static readonly LocalDate Base = new(2024, 1, 1);

    /// <summary>A random leg: a random loan (up to 10^7 major units) disbursed 0–120 days after <see cref="Base"/>,
    /// and in a third of the cases a prepayment (partial or payoff) at a random row, on its due date or between due dates.</summary>
    private static Gen<Loan> Leg(Gen<RoundingPolicy> policies) =>
        from loan in LoanGen.Loans(policies, maxMajorDigits: 7)
        from offset in Gen.Choose(0, 120)
        from prepay in Gen.Elements(0, 0, 1, 2)
        from at in Gen.Choose(0, int.MaxValue - 1)
        from days in Gen.Choose(0, 27)
        from share in Gen.Choose(1, 100)
        from option in Gen.Elements(PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment)
        select WithPrepayment(Rebase(loan, offset), prepay, at, days, share, option);

    /// <summary>Moves a generated loan to Base + offset, keeping its repayment day (and dropping an explicit first due date).</summary>
    private static Loan Rebase(Loan loan, int offset) =>
        loan with { Disbursement = Base.PlusDays(offset), FirstDueDate = null };

    private static Loan WithPrepayment(Loan loan, int kind, int at, int days, int share, PrepaymentOption option)
    {
        if (kind == 0)
        {
            return loan;
        }

        Schedule alone = loan.BuildSchedule();
        if (alone.Count < 2)
        {
            return loan;
        }

        int row = at % (alone.Count - 1);
        Installment after = alone[row];
        LocalDate date = after.DueDate.PlusDays(Math.Min(days, Math.Max(0, LoanGen.DaysBetween(after.DueDate, alone[row + 1].DueDate) - 1)));
        if (kind == 2)
        {
            return loan with { Events = [Prepayment.Payoff(date)] };
        }

        decimal minor = loan.Rounding.MinorUnit;
        decimal amount = Math.Floor(after.ClosingBalance * share / 100m / minor) * minor;
        return amount <= 0m ? loan : loan with { Events = [Prepayment.Partial(date, amount, option)] };
    }

    private static Arbitrary<CombinedLoan> Combined(Gen<RoundingPolicy> policies) => Arb.From(
        from count in Gen.Frequency((1, Gen.Constant(1)), (6, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from legs in Gen.ArrayOf(Leg(policies), count)
        select new CombinedLoan(legs.Select((loan, k) => new LoanLeg(k == 0 ? "commercial" : k == 1 ? "provident-fund" : $"leg {k + 1}", loan))));

    [Property(MaxTest = 400)]
    public Property Combined_schedule_is_the_legs_merged_default_rounding() =>
        Prop.ForAll(Combined(Gen.Constant(RoundingPolicy.Default)), combined => CombinedSupport.AssertConsistent(combined, combined.BuildSchedule()));

    [Property(MaxTest = 200)]
    public Property Combined_schedule_is_the_legs_merged_any_rounding() =>
        Prop.ForAll(Combined(LoanGen.Policies), combined => CombinedSupport.AssertConsistent(combined, combined.BuildSchedule()));

    /// <summary>Changing one leg (here: a prepayment added to it) leaves every other leg's schedule row for row as it was.</summary>
    [Property(MaxTest = 200)]
    public Property Changing_one_leg_changes_only_that_leg() =>
        Prop.ForAll(Combined(Gen.Constant(RoundingPolicy.Default)), Arb.From(Gen.Choose(0, 3)), (combined, pick) =>
        {
            int target = pick % combined.Legs.Count;
            string name = combined.Legs[target].Name;
            CombinedLoan changed = combined.WithLeg(name, loan => loan with { Events = [], Periods = Math.Max(1, loan.Periods / 2) });
            CombinedSchedule before = combined.BuildSchedule();
            CombinedSchedule after = changed.BuildSchedule();
            CombinedSupport.AssertConsistent(changed, after);
            for (int k = 0; k < combined.Legs.Count; k++)
            {
                if (k == target)
                {
                    Assert.Equal(Math.Max(1, combined.Legs[k].Loan.Periods / 2), changed.Legs[k].Loan.Periods);
                    continue;
                }

                Assert.Same(combined.Legs[k], changed.Legs[k]);
                Assert.Equal(before.Legs[k].Count, after.Legs[k].Count);
                for (int r = 0; r < before.Legs[k].Count; r++)
                {
                    Assert.Equal(before.Legs[k][r], after.Legs[k][r]);
                }
            }
        });
}
