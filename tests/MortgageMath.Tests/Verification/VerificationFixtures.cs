using System.Globalization;
using System.Text;
using NodaTime;

namespace MortgageMath.Tests.Verification;

/// <summary>Schedules and their texts for the verification tests: TV-1 (1,000,000 at 4.9% over 30 years, disbursed
/// 2024-03-20; 5,307.27 a month, docs/conventions.md) and constructed "other systems" of it.</summary>
internal static class VerificationFixtures
{
    internal static readonly Loan Tv1Loan = new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    internal static readonly Schedule Tv1 = Tv1Loan.BuildSchedule();

    internal static string Csv(Schedule schedule)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        schedule.WriteCsv(text);
        return text.ToString();
    }

    internal static string Json(Schedule schedule)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        schedule.WriteJson(text);
        return text.ToString();
    }

    /// <summary>Our CSV with the fields of one row replaced: <paramref name="edit"/> gets the fields (by our header's
    /// order) of period <paramref name="period"/>.</summary>
    internal static string EditRow(string csv, int period, Action<string[]> edit)
    {
        string[] lines = csv.Split('\n');
        string[] fields = lines[period].Split(',');
        edit(fields);
        lines[period] = string.Join(',', fields);
        return string.Join('\n', lines);
    }

    internal static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The TV-1 loan as a bank charging balance × rate × actual days ÷ 365 each month, the same payment, the
    /// last payment settling the balance (a realistic Actual/365 schedule; the balances drift from ours).</summary>
    internal static string Actual365Csv()
    {
        var text = new StringBuilder("period,due_date,payment,principal,interest,closing_balance\n");
        decimal balance = 1_000_000m, payment = 5_307.27m;
        LocalDate previous = Tv1Loan.Disbursement;
        for (int i = 0; i < Tv1.Count; i++)
        {
            LocalDate due = Tv1[i].DueDate;
            int days = Period.DaysBetween(previous, due);
            previous = due;
            decimal interest = Math.Round(balance * 0.049m * days / 365m, 2, MidpointRounding.AwayFromZero);
            decimal principal = payment - interest, paid = payment;
            if (i == Tv1.Count - 1 || principal > balance)
            {
                principal = balance;
                paid = principal + interest;
            }

            balance -= principal;
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},{due:yyyy-MM-dd},{F(paid)},{F(principal)},{F(interest)},{F(balance)}\n");
        }

        return text.ToString();
    }

    /// <summary>TV-1 with the first period's interest charged for its actual 31 days ÷ 360 (4,219.44 instead of a
    /// month's 4,083.33) and added to the first payment; the principal and every balance as ours.</summary>
    internal static string OddFirstPeriodCsv() => EditRow(Csv(Tv1), 1, f =>
    {
        decimal interest = Math.Round(1_000_000m * 0.049m * 31 / 360m, 2, MidpointRounding.AwayFromZero);
        f[6] = F(interest);
        f[4] = F(D(f[5]) + interest);
    });

    /// <summary>TV-1 with the last payment equal to the regular 5,307.27: the principal short by the residue, which
    /// stays as the closing balance.</summary>
    internal static string UnsettledResidueCsv() => EditRow(Csv(Tv1), Tv1.Count, f =>
    {
        decimal interest = D(f[6]);
        decimal opening = D(f[3]);
        f[4] = "5307.27";
        f[5] = F(5_307.27m - interest);
        f[7] = F(opening - (5_307.27m - interest));
    });
}
