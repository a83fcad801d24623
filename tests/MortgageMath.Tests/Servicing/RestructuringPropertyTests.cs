using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>Invariants of restructuring events (issue 13) over random loans.</summary>
public class RestructuringPropertyTests
{
    // Loans of at least 10,000 with a due date before the balance is repaid: a tiny loan's rounded level can be its
    // interest alone (principal 0.00 for years, the balance left to the last row), and then any re-levelling raises it.
    private static Gen<(Loan Loan, int Period, int Months)> Cases =>
        from loan in LoanGen.Loans(Gen.Constant(RoundingPolicy.Default), maxMajorDigits: 7)
        where loan.Periods is >= 3 and <= 560 && loan.Principal >= 10_000m
        from period in Gen.Choose(1, loan.Periods - 2)
        where loan.BuildSchedule()[period - 1].ClosingBalance > 0m
        from months in Gen.Choose(1, 35)
        select (loan, period, months);

    private static bool Same(Schedule a, Schedule b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First == p.Second && p.First.Payment == p.Second.Payment && p.First.ClosingBalance == p.Second.ClosingBalance);

    /// <summary>A term change to the maturity in force, or a method change there and back, leaves every row as it was.</summary>
    [Property(MaxTest = 200)]
    public Property No_change_changes_nothing() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            Schedule plain = c.Loan.BuildSchedule();
            LocalDate due = plain[c.Period - 1].DueDate;
            RepaymentMethod other = c.Loan.Method == RepaymentMethod.EqualInstallment ? RepaymentMethod.EqualPrincipal : RepaymentMethod.EqualInstallment;
            Schedule sameTerm = (c.Loan with { Events = [TermChange.To(due, c.Loan.Periods - c.Period, ExtensionLimits.None)] }).BuildSchedule();
            Schedule backAndForth = (c.Loan with { Events = [MethodChange.To(due, other), MethodChange.To(due, c.Loan.Method)] }).BuildSchedule();
            return Same(plain, sameTerm) && Same(plain, backAndForth);
        });

    /// <summary>An extension never raises the payment after it, and the balance is still repaid to exactly 0. The first
    /// comparison needs the contract's level to repay the loan: its last row no more above the level than the rounding
    /// residue (a cent a period). A level that leaves a larger last row, because a long odd first period's interest
    /// exceeded it (<see cref="An_extension_can_raise_a_level_that_left_a_larger_last_row"/>) or because the rounded
    /// level is the interest alone (10,995.27 at 24% over 557 months: 219.91 a month, principal 0.00, last row
    /// 11,215.18), is spread over the periods left by re-levelling, which can raise it; there only a longer extension
    /// is compared.</summary>
    [Property(MaxTest = 200)]
    public Property An_extension_never_raises_the_payment() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            Schedule plain = c.Loan.BuildSchedule();
            LocalDate due = plain[c.Period - 1].DueDate;
            Schedule extended = (c.Loan with { Events = [TermChange.Extend(due, c.Months, ExtensionLimits.None)] }).BuildSchedule();
            Schedule longer = (c.Loan with { Events = [TermChange.Extend(due, c.Months + 1, ExtensionLimits.None)] }).BuildSchedule();
            bool levelRepays = plain.Last.Payment - plain[c.Period].Payment <= plain.Count * 0.01m;
            return (!levelRepays || extended[c.Period].Payment <= plain[c.Period].Payment)
                && longer[c.Period].Payment <= extended[c.Period].Payment
                && extended.Last.ClosingBalance == 0m
                && extended.TotalPrincipal == c.Loan.Principal
                && extended.Count == plain.Count + c.Months
                && extended.Take(c.Period).SequenceEqual(plain.Take(c.Period));
        });

    /// <summary>
    /// The case the property above found: 61,045.20 at 24% over 463 months, disbursed 2176-05-01, due on the 24th, the
    /// regular payment kept. The first period (54 days) runs up 2,197.63 of interest, more than the level of 1,221.03,
    /// so the first payment is that interest and no principal, and the level never catches up: the last row is
    /// 3,103.47. Extending by a month at period 138 re-levels the balance over the 326 periods left, which spreads
    /// that larger last row, and the level rises by 0.02 to 1,221.05; a second month lowers it again (1,221.01).
    /// </summary>
    [Fact]
    public void An_extension_can_raise_a_level_that_left_a_larger_last_row()
    {
        var loan = new Loan(61_045.20m, Rate.Percent(24m), 463, new LocalDate(2176, 5, 1))
        {
            RepaymentDay = 24,
            OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment,
        };
        Schedule plain = loan.BuildSchedule();
        Assert.Equal((2_197.63m, 0m), (plain[0].Payment, plain[0].Principal));
        Assert.Equal((1_221.03m, 3_103.47m), (plain[138].Payment, plain[^1].Payment));
        LocalDate due = plain[137].DueDate;
        Schedule extended = (loan with { Events = [TermChange.Extend(due, 1, ExtensionLimits.None)] }).BuildSchedule();
        Schedule longer = (loan with { Events = [TermChange.Extend(due, 2, ExtensionLimits.None)] }).BuildSchedule();
        Assert.Equal((1_221.05m, 1_221.01m), (extended[138].Payment, longer[138].Payment));
        Assert.Equal(0m, extended.Last.ClosingBalance);
    }

    /// <summary>Capitalizing an amount repays it too: the principal sums to the loan plus it, the balance ends at 0,
    /// the rows before it are untouched, every row reconciles, and the payment after it is never lower.</summary>
    [Property(MaxTest = 200)]
    public Property A_capitalization_is_repaid_and_reconciles() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            Schedule plain = c.Loan.BuildSchedule();
            LocalDate due = plain[c.Period - 1].DueDate;
            decimal amount = Math.Max(0.01m, Math.Round(plain[c.Period - 1].Payment * c.Months / 7m, 2));
            Schedule s = (c.Loan with { Events = [ArrearsCapitalization.On(due, amount)] }).BuildSchedule();
            return s.Last.ClosingBalance == 0m
                && s.TotalPrincipal == c.Loan.Principal + amount
                && s.TotalCapitalizedInterest == amount
                && s.Count == plain.Count + 1
                && s.Take(c.Period).SequenceEqual(plain.Take(c.Period))
                && s[c.Period].Kind == InstallmentKind.Capitalization
                && s.All(r => r.ClosingBalance == r.OpeningBalance - r.Principal + r.CapitalizedInterest)
                && s[c.Period + 1].Payment >= plain[c.Period].Payment;
        });

    /// <summary>A deferral changes no figure of any row, only the kinds of the deferred ones, and the deferred total is
    /// their payments.</summary>
    [Property(MaxTest = 200)]
    public Property A_deferral_moves_payments_and_changes_no_figure() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            Schedule plain = c.Loan.BuildSchedule();
            int periods = Math.Min(1 + (c.Months % 6), plain.Count - c.Period);
            LocalDate due = plain[c.Period - 1].DueDate;
            Schedule s = (c.Loan with { Events = [PaymentDeferral.Of(due, periods)] }).BuildSchedule();
            return s.Count == plain.Count
                && s.Zip(plain).All(p => p.First.Principal == p.Second.Principal && p.First.Interest == p.Second.Interest
                    && p.First.ClosingBalance == p.Second.ClosingBalance && p.First.DueDate == p.Second.DueDate
                    && p.First.Kind == (p.First.Period >= c.Period && p.First.Period < c.Period + periods ? InstallmentKind.Deferred : p.Second.Kind))
                && s.TotalDeferredPayments == plain.Skip(c.Period - 1).Take(periods).Sum(r => r.Payment)
                && s.TotalPayment == plain.TotalPayment;
        });
}
