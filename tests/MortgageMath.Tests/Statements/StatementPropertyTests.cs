using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;
using NodaTime;

namespace MortgageMath.Tests.Statements;

/// <summary>Invariants of the yearly statements over random loans (see <see cref="LoanGen"/>).</summary>
public class StatementPropertyTests
{
    /// <summary>Random loans, a third of them paid off on a random day strictly between the disbursement and the last due
    /// date (a payoff on the last due date is refused: the loan is repaid then anyway).</summary>
    private static Arbitrary<Loan> LoansSometimesPaidOff =>
        Arb.From(
            from loan in LoanGen.Loans(LoanGen.Policies)
            from payoff in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
            from fraction in Gen.Choose(1, 1000)
            select payoff ? PaidOff(loan, fraction) : loan);

    private static Loan PaidOff(Loan loan, int fraction)
    {
        LocalDate last = loan.BuildSchedule().Last.DueDate;
        int days = LoanGen.DaysBetween(loan.Disbursement, last);
        return days < 2 ? loan : loan with { Events = [Prepayment.Payoff(loan.Disbursement.PlusDays(Math.Clamp(days * fraction / 1000, 1, days - 1)))] };
    }

    /// <summary>The years add up to the schedule's totals; the balances chain year to year and end at 0.</summary>
    [Property(MaxTest = 500)]
    public Property Year_summaries_add_up_to_the_schedule_totals() =>
        Prop.ForAll(LoansSometimesPaidOff, loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            IReadOnlyList<YearSummary> years = schedule.YearSummaries();

            Assert.Equal(schedule.TotalPrincipal, years.Sum(y => y.Principal));
            Assert.Equal(schedule.TotalInterest, years.Sum(y => y.Interest));
            Assert.Equal(schedule.TotalPenalty, years.Sum(y => y.Penalty));
            Assert.Equal(schedule.TotalPayment, years.Sum(y => y.Total));
            Assert.Equal(schedule.Count(r => r.Payment != 0m), years.Sum(y => y.Payments));
            Assert.Equal(0m, years[^1].BalanceOnDecember31);
            Assert.Equal(loan.Disbursement.Year, years[0].Year);
            Assert.Equal(schedule.Last.DueDate.Year, years[^1].Year);

            decimal balance = schedule.First.OpeningBalance;
            foreach (YearSummary y in years)
            {
                balance -= y.Principal; // no holidays here, so nothing is capitalized
                Assert.Equal(balance, y.BalanceOnDecember31);
                Assert.Equal(y, schedule.YearSummary(y.Year));
            }
        });

    /// <summary>The deduction never exceeds the cap: at most 12 months a year and 240 in all, ending by the last row's
    /// month, and every month from the first repayment to the end (or the cap) counts.</summary>
    [Property(MaxTest = 500)]
    public Property Deduction_months_never_exceed_240() =>
        Prop.ForAll(LoansSometimesPaidOff, loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            IReadOnlyList<HousingLoanInterestDeduction> years = schedule.HousingLoanInterestDeductions();

            int total = years.Sum(d => d.Months);
            Assert.InRange(total, 0, 240);
            Assert.All(years, d => Assert.InRange(d.Months, 1, 12));
            Assert.All(years, d => Assert.Equal(d.Months * 1_000m, d.Amount));

            Installment? first = schedule.Cast<Installment?>().FirstOrDefault(r => r!.Value.Kind is InstallmentKind.Regular or InstallmentKind.Balloon);
            if (first is not { } f)
            {
                Assert.Empty(years);
                return;
            }

            int span = ((schedule.Last.DueDate.Year - f.DueDate.Year) * 12) + schedule.Last.DueDate.Month - f.DueDate.Month + 1;
            Assert.Equal(Math.Min(240, span), total);
            Assert.Equal(f.DueDate.Year, years[0].TaxYear);
            Assert.True(years[^1].TaxYear <= schedule.Last.DueDate.Year);
        });

    /// <summary>Paying every row in full on its due date, the account's years equal the schedule's.</summary>
    [Property(MaxTest = 150)]
    public Property An_account_paid_as_scheduled_has_the_schedules_years() =>
        Prop.ForAll(Arb.From(LoanGen.Loans(Gen.Constant(RoundingPolicy.Default), maxMajorDigits: 7)), loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            ReceivedPayment[] payments = [.. schedule.Where(r => r.Payment > 0m).Select(r => new ReceivedPayment(r.DueDate, r.Payment))];
            LoanAccount account = loan.Account(payments, schedule.Last.DueDate);

            IReadOnlyList<YearSummary> fromAccount = account.YearSummaries();
            Assert.Equal(schedule.YearSummaries(), fromAccount);
            Assert.All(schedule.YearSummaries(), y =>
                Assert.Equal(schedule.MortgageInterestStatement(y.Year), account.MortgageInterestStatement(y.Year)));
        });
}
