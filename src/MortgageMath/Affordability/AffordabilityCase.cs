using System.Globalization;
using System.Numerics;

namespace MortgageMath.Affordability;

/// <summary>What a rule reads: the household, the purchase (if any) and the facts of the loan and its schedule.</summary>
internal sealed class AffordabilityCase
{
    private AffordabilityCase(Household household, Purchase? purchase, decimal loanAmount, int periods,
        decimal providentFundAmount, int providentFundPeriods, HighestPayment highest)
    {
        Household = household;
        Purchase = purchase;
        LoanAmount = loanAmount;
        Periods = periods;
        ProvidentFundAmount = providentFundAmount;
        ProvidentFundPeriods = providentFundPeriods;
        Highest = highest;
        Income = household.MonthlyIncome;
    }

    internal Household Household { get; }

    internal Purchase? Purchase { get; }

    internal decimal LoanAmount { get; }

    /// <summary>The loan's term in months (a combined loan: its longest leg).</summary>
    internal int Periods { get; }

    /// <summary>The amount the provident-fund rules judge: the provident-fund leg of a combined loan, else the loan.</summary>
    internal decimal ProvidentFundAmount { get; }

    internal int ProvidentFundPeriods { get; }

    internal HighestPayment Highest { get; }

    internal decimal Income { get; }

    /// <summary>The housing payment the ratios judge: the highest loan payment + other housing costs.</summary>
    internal decimal HousingPayment => Highest.Amount + Household.MonthlyHousingCosts;

    internal static AffordabilityCase For(Household household, Loan loan, Purchase? purchase)
    {
        ArgumentNullException.ThrowIfNull(loan);
        Check(household, loan.Principal, purchase);
        return new AffordabilityCase(household, purchase, loan.Principal, loan.Periods, loan.Principal, loan.Periods,
            HighestPayment.Of(loan.BuildSchedule()));
    }

    internal static AffordabilityCase For(Household household, CombinedLoan loan, Purchase? purchase)
    {
        ArgumentNullException.ThrowIfNull(loan);
        Check(household, loan.Principal, purchase);
        LoanLeg? fund = loan.ProvidentFund;
        int periods = loan.Legs.Max(l => l.Loan.Periods);
        return new AffordabilityCase(household, purchase, loan.Principal, periods,
            fund?.Loan.Principal ?? loan.Principal, fund?.Loan.Periods ?? periods, HighestPayment.Of(loan.BuildSchedule()));
    }

    /// <summary>The same loan for another household (the schedule does not depend on who repays it).</summary>
    internal AffordabilityCase With(Household household) =>
        new(household, Purchase, LoanAmount, Periods, ProvidentFundAmount, ProvidentFundPeriods, Highest);

    private static void Check(Household household, decimal principal, Purchase? purchase)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (household.MonthlyIncome <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(household), household.MonthlyIncome,
                Resources.LibraryText.Valid_HouseholdIncomeZero);
        }

        if (purchase is not null && principal + purchase.DownPayment != purchase.Price)
        {
            throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_LoanPlusDownPayment, HighestPayment.Money(principal), HighestPayment.Money(purchase.DownPayment), HighestPayment.Money(purchase.Price)),
                nameof(purchase));
        }
    }
}

/// <summary>Exact comparisons of money with a percentage of money: no rounding decides a verdict.</summary>
internal static class Exact
{
    /// <summary>The sign of <paramref name="amount"/> − <paramref name="share"/> × <paramref name="of"/>, exactly.</summary>
    internal static int CompareToShare(decimal amount, Percentage share, decimal of)
    {
        (long m, int s) = share.ToFixedPoint();
        (BigInteger a, int sa) = FixedPoint.Decompose(amount);
        (BigInteger b, int sb) = FixedPoint.Decompose(of);
        BigInteger left = a * BigInteger.Pow(10, s + sb);
        BigInteger right = m * b * BigInteger.Pow(10, sa);
        return left.CompareTo(right);
    }

    /// <summary><paramref name="share"/> × <paramref name="of"/> rounded down (or up) to the cent.</summary>
    internal static decimal Share(Percentage share, decimal of, bool up)
    {
        (long m, int s) = share.ToFixedPoint();
        (BigInteger b, int sb) = FixedPoint.Decompose(of);
        BigInteger numerator = m * b * 100;
        BigInteger denominator = BigInteger.Pow(10, s + sb);
        BigInteger cents = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        if (up && remainder > 0)
        {
            cents += 1;
        }

        return (decimal)cents / 100m;
    }

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/> (a figure to show, never a verdict).</summary>
    internal static decimal PercentOf(decimal part, decimal whole) => whole == 0m ? 0m : FixedPoint.Normalize(part * 100m / whole);

    internal static decimal Percent(Percentage p) => p.ToPercent();

    /// <summary>A percentage to show: two decimals, more when two would hide the difference from <paramref name="limit"/>.</summary>
    internal static string Pct(decimal percent, decimal limit) => Figure(percent, limit) + "%";

    /// <summary>A margin in percentage points, shown like <see cref="Pct"/>.</summary>
    internal static string Points(decimal points) => Resources.Localized.Format(Resources.LibraryText.Points, Figure(Math.Abs(points), 0m));

    private static string Figure(decimal value, decimal against)
    {
        for (int places = 2; places < 8; places++)
        {
            decimal rounded = decimal.Round(value, places, MidpointRounding.AwayFromZero);
            if (value == against || rounded != against)
            {
                return rounded.ToString("0.########", CultureInfo.InvariantCulture);
            }
        }

        return (value > against ? "just over " : "just under ") + against.ToString("0.########", CultureInfo.InvariantCulture);
    }
}
