using System.Globalization;

namespace MortgageMath.Affordability;

/// <summary>
/// One borrower of a household: the main borrower (主贷人) or a co-borrower (共同借款人). Immutable; change a value
/// with a <c>with</c> expression.
/// </summary>
public sealed record Borrower
{
    /// <summary>The youngest age accepted.</summary>
    public const int MinAge = 18;

    /// <summary>The oldest age accepted.</summary>
    public const int MaxAge = 100;

    /// <summary>Creates a borrower.</summary>
    /// <param name="monthlyIncome">Gross monthly income, 0 to <see cref="Household.MaxAmount"/>.</param>
    /// <param name="age">Age in whole years at application, <see cref="MinAge"/> to <see cref="MaxAge"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it, its value and the range.</exception>
    public Borrower(decimal monthlyIncome, int age)
    {
        MonthlyIncome = monthlyIncome;
        Age = age;
    }

    /// <summary>Gross monthly income, 0 to <see cref="Household.MaxAmount"/>.</summary>
    public decimal MonthlyIncome
    {
        get;
        init => field = Household.Amount(value, nameof(MonthlyIncome), nameof(Resources.LibraryText.Valid_Subject_MonthlyIncome));
    }

    /// <summary>Age in whole years at application, <see cref="MinAge"/> to <see cref="MaxAge"/>.</summary>
    public int Age
    {
        get;
        init => field = AgeInRange(value, nameof(Age), nameof(Resources.LibraryText.Valid_Subject_Age));
    }

    /// <summary>The borrower's statutory retirement age (法定退休年龄), <see cref="MinAge"/> to <see cref="MaxAge"/>;
    /// null (the default) means the retirement age the rule assumes.</summary>
    public int? RetirementAge
    {
        get;
        init => field = value is { } age ? AgeInRange(age, nameof(RetirementAge), nameof(Resources.LibraryText.Valid_Subject_RetirementAge)) : null;
    }

    private static int AgeInRange(int value, string name, string what)
    {
        if (value is < MinAge or > MaxAge)
        {
            throw new ArgumentOutOfRangeException(name, value,
                Resources.Localized.Format(Resources.LibraryText.Valid_Between, Resources.Localized.Text(what), MinAge, MaxAge, value));
        }

        return value;
    }
}

/// <summary>
/// The people who apply for a loan and what they already owe: the borrowers' incomes and ages, the monthly payments
/// of their other debts, and (for provident-fund loans) the account balance. Immutable; change a value with a
/// <c>with</c> expression.
/// </summary>
/// <example>
/// <code>
/// var household = new Household(new Borrower(12_000m, 35)) { MonthlyDebtPayments = 2_000m };
/// var couple = new Household(new Borrower(9_000m, 38), new Borrower(6_000m, 36)) { ProvidentFundBalance = 80_000m };
/// </code>
/// </example>
public sealed record Household
{
    /// <summary>The most borrowers a household may have.</summary>
    public const int MaxBorrowers = 8;

    /// <summary>The largest amount accepted for an income, a debt payment or a balance: 1,000,000,000,000.</summary>
    public const decimal MaxAmount = Loan.MaxPrincipal;

    /// <summary>Creates a household.</summary>
    /// <param name="borrowers">The main borrower first, then any co-borrowers: 1 to <see cref="MaxBorrowers"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="borrowers"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no borrower or a borrower is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">There are more than <see cref="MaxBorrowers"/> borrowers.</exception>
    public Household(params IEnumerable<Borrower> borrowers) => Borrowers = borrowers is null
        ? throw new ArgumentNullException(nameof(borrowers), Resources.LibraryText.Valid_BorrowersNull)
        : [.. borrowers];

    /// <summary>The borrowers: the main borrower (主贷人) first, then co-borrowers. The list is copied.</summary>
    public IReadOnlyList<Borrower> Borrowers
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Borrowers));
            Borrower[] copy = [.. value];
            if (copy.Length == 0)
            {
                throw new ArgumentException(Resources.LibraryText.Valid_BorrowersNone, nameof(Borrowers));
            }

            if (copy.Length > MaxBorrowers)
            {
                throw new ArgumentOutOfRangeException(nameof(Borrowers), copy.Length,
                    Resources.Localized.Format(Resources.LibraryText.Valid_BorrowersCount, MaxBorrowers, copy.Length));
            }

            for (int k = 0; k < copy.Length; k++)
            {
                if (copy[k] is null)
                {
                    throw new ArgumentException(
                        Resources.Localized.Format(Resources.LibraryText.Valid_BorrowerNull, k + 1), nameof(Borrowers));
                }
            }

            field = Array.AsReadOnly(copy);
        }
    }

    /// <summary>Monthly payments on the household's other debts (car loans, card instalments, other mortgages), 0 to
    /// <see cref="MaxAmount"/>; 0 by default. They count in the all-debt ratios, not in the housing ratios.</summary>
    public decimal MonthlyDebtPayments
    {
        get;
        init => field = Amount(value, nameof(MonthlyDebtPayments), nameof(Resources.LibraryText.Valid_Subject_MonthlyDebt));
    }

    /// <summary>Other monthly housing costs of the home bought (property tax, insurance, owners' association fees: the
    /// "TI" of the US PITI), 0 to <see cref="MaxAmount"/>; 0 by default. They are added to the loan payment in both the
    /// housing and the all-debt ratios.</summary>
    public decimal MonthlyHousingCosts
    {
        get;
        init => field = Amount(value, nameof(MonthlyHousingCosts), nameof(Resources.LibraryText.Valid_Subject_MonthlyHousing));
    }

    /// <summary>The household's housing provident-fund (公积金) account balance, 0 to <see cref="MaxAmount"/>; 0 by default.</summary>
    public decimal ProvidentFundBalance
    {
        get;
        init => field = Amount(value, nameof(ProvidentFundBalance), nameof(Resources.LibraryText.Valid_Subject_FundBalance));
    }

    /// <summary>The household's monthly income: the sum of the borrowers' incomes.</summary>
    public decimal MonthlyIncome
    {
        get
        {
            decimal sum = 0m;
            foreach (Borrower borrower in Borrowers)
            {
                sum += borrower.MonthlyIncome;
            }

            return sum;
        }
    }

    /// <summary>True when both households have equal borrowers in the same order and equal amounts (compared as
    /// numbers: 500 and 500.00 are the same).</summary>
    /// <param name="other">The other household.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Household? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || MonthlyDebtPayments != other.MonthlyDebtPayments || MonthlyHousingCosts != other.MonthlyHousingCosts ||
            ProvidentFundBalance != other.ProvidentFundBalance || Borrowers.Count != other.Borrowers.Count)
        {
            return false;
        }

        for (int k = 0; k < Borrowers.Count; k++)
        {
            if (Borrowers[k] != other.Borrowers[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="Equals(Household)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Borrowers.Count, Borrowers[0], MonthlyDebtPayments, MonthlyHousingCosts, ProvidentFundBalance);

    /// <summary>
    /// A copy whose borrowers earn <paramref name="total"/> together: each co-borrower gets a share in proportion to
    /// the current incomes (equally when all are 0), rounded down to the cent, and the main borrower the remainder. This
    /// is the split <see cref="AffordabilitySolver.MinIncome(AffordabilityPolicy, Household, Loan, Purchase?)"/> uses.
    /// </summary>
    /// <remarks>Invariants: the new <see cref="MonthlyIncome"/> is exactly <paramref name="total"/>; ages, debts,
    /// housing costs and the balance are unchanged; a household of one borrower just gets <paramref name="total"/>.</remarks>
    /// <param name="total">The household's new monthly income, 0 to <see cref="MaxAmount"/>, in whole cents.</param>
    /// <returns>The new household; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is out of range.</exception>
    /// <example><c>new Household(new Borrower(9_000m, 38), new Borrower(6_000m, 36)).WithMonthlyIncome(10_000m)</c>:
    /// 6,000.00 and 4,000.00.</example>
    public Household WithMonthlyIncome(decimal total)
    {
        Amount(total, nameof(total), nameof(Resources.LibraryText.Valid_Subject_TotalIncome));
        decimal current = MonthlyIncome;
        var borrowers = new Borrower[Borrowers.Count];
        decimal given = 0m;
        for (int k = borrowers.Length - 1; k >= 1; k--)
        {
            decimal share = current == 0m ? total / borrowers.Length : total * Borrowers[k].MonthlyIncome / current;
            share = decimal.Floor(share * 100m) / 100m;
            borrowers[k] = Borrowers[k] with { MonthlyIncome = share };
            given += share;
        }

        borrowers[0] = Borrowers[0] with { MonthlyIncome = total - given };
        return this with { Borrowers = borrowers };
    }

    internal static decimal Amount(decimal value, string name, string what)
    {
        if (value is < 0m or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(name, value,
                Resources.Localized.Format(Resources.LibraryText.Valid_AmountRange, Resources.Localized.Text(what), value));
        }

        return value;
    }
}

/// <summary>
/// A home purchase: the price and the down payment (首付); the loan is the rest. Immutable.
/// </summary>
public sealed record Purchase
{
    /// <summary>Creates a purchase.</summary>
    /// <param name="price">The purchase price, greater than 0 and at most <see cref="Household.MaxAmount"/>.</param>
    /// <param name="downPayment">The down payment, at least 0 and less than the price.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it, its value and the range.</exception>
    public Purchase(decimal price, decimal downPayment)
    {
        if (price <= 0m || price > Household.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price,
                Resources.Localized.Format(Resources.LibraryText.Valid_PriceRange, price));
        }

        if (downPayment < 0m || downPayment >= price)
        {
            throw new ArgumentOutOfRangeException(nameof(downPayment), downPayment,
                Resources.Localized.Format(Resources.LibraryText.Valid_DownPaymentBelowPrice, price, downPayment));
        }

        Price = price;
        DownPayment = downPayment;
    }

    /// <summary>The purchase price.</summary>
    public decimal Price { get; }

    /// <summary>The down payment, less than the price.</summary>
    public decimal DownPayment { get; }

    /// <summary>The amount to borrow: <see cref="Price"/> − <see cref="DownPayment"/>.</summary>
    public decimal LoanAmount => Price - DownPayment;
}

/// <summary>Whose age an age rule reads.</summary>
public enum AgeBasis
{
    /// <summary>The main borrower's (主贷人, the first in <see cref="Household.Borrowers"/>).</summary>
    MainBorrower = 0,

    /// <summary>The oldest borrower's (some cities use the older spouse).</summary>
    OldestBorrower = 1,
}
