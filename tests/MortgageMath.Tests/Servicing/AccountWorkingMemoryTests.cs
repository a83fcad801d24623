using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// The first walk of an account keeps its instalments in an array rented from <c>ArrayPool</c>, given back once the
/// account's figures are made; the account's records come from a replay made on first read. These tests make sure
/// nothing of an account depends on that array afterwards: an account read after other accounts have reused the array
/// (on the same thread, and on many threads at once) has the same records and figures as one read straight away.
/// </summary>
public class AccountWorkingMemoryTests
{
    private static readonly LocalDate AsOf = new(2030, 6, 1);

    /// <summary>Loans of different lengths and rates, each with a late and a short payment, so that their instalments
    /// differ everywhere a stale array would show.</summary>
    private static (Loan Loan, ReceivedPayment[] Payments)[] Cases() =>
        [.. Enumerable.Range(0, 12).Select(k =>
        {
            var loan = new Loan(100_000m + (k * 37_123.45m), Rate.Percent(3m + (k * 0.37m)), 60 + (k * 25), new LocalDate(2024, 1 + (k % 12), 1 + k))
            {
                Method = k % 3 == 0 ? RepaymentMethod.EqualPrincipal : RepaymentMethod.EqualInstallment,
            };
            Schedule schedule = loan.BuildSchedule();
            var payments = new List<ReceivedPayment>();
            for (int r = 0; r < schedule.Count && schedule[r].DueDate <= AsOf; r++)
            {
                Installment row = schedule[r];
                if (r == k + 2)
                {
                    payments.Add(new ReceivedPayment(row.DueDate.PlusDays(9 + k), row.Payment + 20m)); // late
                }
                else if (r == k + 5)
                {
                    payments.Add(new ReceivedPayment(row.DueDate, row.Payment - 100m)); // short, never made up
                }
                else
                {
                    payments.Add(new ReceivedPayment(row.DueDate, row.Payment));
                }
            }

            return (loan, payments.ToArray());
        })];

    /// <summary>Everything an account shows, as text: its figures, each instalment and each ledger line.</summary>
    private static string Text(LoanAccount account) =>
        string.Join('\n',
            new[]
            {
                $"{account.Arrears} {account.OverduePrincipal} {account.OverdueInterest} {account.PenaltyInterest} {account.CompoundInterest}",
                $"{account.Credit} {account.DaysPastDue} {account.OverdueSince} {account.Classification}",
            }
            .Concat(account.Instalments.Select(i => i.ToString()))
            .Concat(account.Ledger.Select(l => $"{l} [{string.Join("; ", l.Allocations)}]")));

    [Fact]
    public void An_account_read_after_others_were_built_has_the_records_of_one_read_at_once()
    {
        (Loan Loan, ReceivedPayment[] Payments)[] cases = Cases();
        string[] atOnce = [.. cases.Select(c => Text(c.Loan.Account(c.Payments, AsOf)))];

        // All built first (each reusing the array the one before gave back), then all read.
        LoanAccount[] built = [.. cases.Select(c => c.Loan.Account(c.Payments, AsOf))];
        for (int k = 0; k < cases.Length; k++)
        {
            Assert.Equal(atOnce[k], Text(built[k]));
        }

        Assert.Contains(built, a => a.Arrears > 0m);
        Assert.Contains(built, a => a.Instalments.Any(i => i.Status == InstalmentStatus.PaidLate));
    }

    [Fact]
    public void Accounts_built_on_many_threads_at_once_have_the_records_of_accounts_built_one_by_one()
    {
        (Loan Loan, ReceivedPayment[] Payments)[] cases = Cases();
        string[] expected = [.. cases.Select(c => Text(c.Loan.Account(c.Payments, AsOf)))];
        var results = new LoanAccount[8 * cases.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            (Loan loan, ReceivedPayment[] payments) = cases[n % cases.Length];
            results[n] = loan.Account(payments, AsOf);
        });

        for (int n = 0; n < results.Length; n++)
        {
            Assert.Equal(expected[n % cases.Length], Text(results[n]));
        }
    }
}
