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

    /// <summary>An extension never raises the payment after it, and the balance is still repaid to exactly 0.</summary>
    [Property(MaxTest = 200)]
    public Property An_extension_never_raises_the_payment() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            Schedule plain = c.Loan.BuildSchedule();
            LocalDate due = plain[c.Period - 1].DueDate;
            Schedule extended = (c.Loan with { Events = [TermChange.Extend(due, c.Months, ExtensionLimits.None)] }).BuildSchedule();
            Schedule longer = (c.Loan with { Events = [TermChange.Extend(due, c.Months + 1, ExtensionLimits.None)] }).BuildSchedule();
            return extended[c.Period].Payment <= plain[c.Period].Payment
                && longer[c.Period].Payment <= extended[c.Period].Payment
                && extended.Last.ClosingBalance == 0m
                && extended.TotalPrincipal == c.Loan.Principal
                && extended.Count == plain.Count + c.Months
                && extended.Take(c.Period).SequenceEqual(plain.Take(c.Period));
        });
}
