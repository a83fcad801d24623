using System.Text.Json.Serialization;
using System.Globalization;

namespace MortgageMath;

/// <summary>
/// How much a housing provident fund (公积金) may lend one borrower, from data the city publishes: the account
/// balance × the city's multiple, at most the city's cap, rounded down to the unit the fund lends in. Caps change
/// often, so they are passed in as data, never built in. Immutable.
/// </summary>
/// <example>
/// <code>
/// var cap = new ProvidentFundCap(accountBalance: 100_000m, multiple: 15m, cityCap: 1_200_000m);   // Limit 1,200,000
/// var roundSums = cap with { LendingUnit = 10_000m };
/// </code>
/// </example>
public sealed record ProvidentFundCap
{
    /// <summary>The largest multiple accepted (cities use about 8 to 30).</summary>
    public const decimal MaxMultiple = 1_000m;

    /// <summary>Creates a cap.</summary>
    /// <param name="accountBalance">The borrower's (or household's) provident-fund account balance, 0 to <see cref="Loan.MaxPrincipal"/>.</param>
    /// <param name="multiple">The city's multiple of the balance (贷款额度 = 余额 × 倍数), 0 to <see cref="MaxMultiple"/>.</param>
    /// <param name="cityCap">The city's cap that applies to this borrower (the individual or the family cap), 0 to <see cref="Loan.MaxPrincipal"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it, its value and the range.</exception>
    public ProvidentFundCap(decimal accountBalance, decimal multiple, decimal cityCap)
    {
        AccountBalance = accountBalance;
        Multiple = multiple;
        CityCap = cityCap;
    }

    /// <summary>The provident-fund account balance, 0 to <see cref="Loan.MaxPrincipal"/>.</summary>
    public decimal AccountBalance
    {
        get;
        init => field = InRange(value, 0m, Loan.MaxPrincipal, nameof(AccountBalance), nameof(Resources.LibraryText.Valid_Subject_AccountBalance));
    }

    /// <summary>The city's multiple of the balance, 0 to <see cref="MaxMultiple"/>.</summary>
    public decimal Multiple
    {
        get;
        init => field = InRange(value, 0m, MaxMultiple, nameof(Multiple), nameof(Resources.LibraryText.Valid_Subject_Multiple));
    }

    /// <summary>The city's cap for this borrower, 0 to <see cref="Loan.MaxPrincipal"/>.</summary>
    public decimal CityCap
    {
        get;
        init => field = InRange(value, 0m, Loan.MaxPrincipal, nameof(CityCap), nameof(Resources.LibraryText.Valid_Subject_CityCap));
    }

    /// <summary>The unit the fund lends in (e.g. 1,000 or 10,000 yuan); the limit is rounded down to a whole number of
    /// it. 0.01 (the cent) by default; greater than 0 and at most <see cref="Loan.MaxPrincipal"/>.</summary>
    public decimal LendingUnit
    {
        get;
        init
        {
            if (value <= 0m || value > Loan.MaxPrincipal)
            {
                throw new ArgumentOutOfRangeException(nameof(LendingUnit), value,
                    Resources.Localized.Format(Resources.LibraryText.Valid_LendingUnitRange, value));
            }

            field = value;
        }
    } = 0.01m;

    /// <summary>The most the fund lends: min(<see cref="AccountBalance"/> × <see cref="Multiple"/>, <see cref="CityCap"/>),
    /// rounded down to a whole number of <see cref="LendingUnit"/>s.</summary>
    public decimal Limit
    {
        get
        {
            decimal limit = Math.Min(AccountBalance * Multiple, CityCap);
            return limit - (limit % LendingUnit);
        }
    }

    private static decimal InRange(decimal value, decimal min, decimal max, string name, string what)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value,
                Resources.Localized.Format(Resources.LibraryText.Valid_AmountBetween, Resources.Localized.Text(what), min, max, value));
        }

        return value;
    }
}

/// <summary>
/// A home purchase split between a provident-fund loan and a commercial loan (组合贷款), beside the all-commercial
/// loan of the same amount: the provident fund lends as much as its cap allows and the commercial loan the rest. Made
/// by <see cref="CombinedLoan.SplitPurchase"/>. Immutable.
/// </summary>
/// <example>
/// <code>
/// var disbursed = new LocalDate(2025, 6, 20);
/// var rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));
/// var commercial = new Loan(1m, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, disbursed) { Rates = rates };
/// var fund = new Loan(1m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = rates };
/// PurchaseSplit split = CombinedLoan.SplitPurchase(3_000_000m, 900_000m, new ProvidentFundCap(100_000m, 15m, 1_200_000m), commercial, fund);
/// // split.ProvidentFundAmount 1,200,000; split.CommercialAmount 900,000; split.InterestSaving &gt; 0
/// </code>
/// </example>
public sealed partial class PurchaseSplit
{
    /// <summary>The name of the commercial leg (商业贷款) in <see cref="Combined"/>.</summary>
    public const string CommercialLeg = "commercial";

    /// <summary>The name of the provident-fund leg (公积金贷款) in <see cref="Combined"/>.</summary>
    public const string ProvidentFundLeg = "provident-fund";

    private PurchaseSplit(decimal price, decimal downPayment, decimal providentFundLimit, decimal providentFundAmount,
        decimal commercialAmount, CombinedSchedule combined, Schedule allCommercial)
    {
        Price = price;
        DownPayment = downPayment;
        ProvidentFundLimit = providentFundLimit;
        ProvidentFundAmount = providentFundAmount;
        CommercialAmount = commercialAmount;
        CombinedSchedule = combined;
        AllCommercialSchedule = allCommercial;
    }

    /// <summary>The purchase price.</summary>
    public decimal Price { get; }

    /// <summary>The down payment.</summary>
    public decimal DownPayment { get; }

    /// <summary>The amount borrowed: <see cref="Price"/> − <see cref="DownPayment"/> = <see cref="ProvidentFundAmount"/> + <see cref="CommercialAmount"/>.</summary>
    public decimal LoanAmount => ProvidentFundAmount + CommercialAmount;

    /// <summary>The most the provident fund would lend (<see cref="ProvidentFundCap.Limit"/>, rounded down to the
    /// provident-fund leg's minor unit); may exceed what is needed.</summary>
    public decimal ProvidentFundLimit { get; }

    /// <summary>The provident-fund leg: min(<see cref="LoanAmount"/>, <see cref="ProvidentFundLimit"/>); 0 when the fund lends nothing.</summary>
    public decimal ProvidentFundAmount { get; }

    /// <summary>The commercial leg: the rest of the loan; 0 when the provident fund covers it all.</summary>
    public decimal CommercialAmount { get; }

    /// <summary>The combined loan: a <see cref="CommercialLeg"/> leg then a <see cref="ProvidentFundLeg"/> leg, each only
    /// when its amount is above 0 (so one leg when either covers the whole loan).</summary>
    [JsonIgnore] // the caller has the loan; serialized results leave it out (docs/export.md)
    public CombinedLoan Combined => CombinedSchedule.Loan;

    /// <summary>The combined loan's schedule.</summary>
    public CombinedSchedule CombinedSchedule { get; }

    /// <summary>The comparison: one commercial loan of the whole <see cref="LoanAmount"/> on the commercial terms.</summary>
    [JsonIgnore] // the caller has the loan; serialized results leave it out (docs/export.md)
    public Loan AllCommercial => AllCommercialSchedule.Loan;

    /// <summary>The all-commercial loan's schedule.</summary>
    public Schedule AllCommercialSchedule { get; }

    /// <summary>How much less is paid a month with the split: the all-commercial calculator payment
    /// (<see cref="LoanQuote.Payment"/>) − the combined one (<see cref="CombinedQuote.Payment"/>).</summary>
    public decimal MonthlyPaymentSaving => AllCommercialSchedule.Quote.Payment - CombinedSchedule.Quote.Payment;

    /// <summary>How much less interest is paid over the life of the loans with the split: the all-commercial
    /// schedule's <see cref="Schedule.TotalInterest"/> − the combined schedule's <see cref="MortgageMath.CombinedSchedule.TotalInterest"/>.</summary>
    public decimal InterestSaving => AllCommercialSchedule.TotalInterest - CombinedSchedule.TotalInterest;

    internal static PurchaseSplit Create(decimal price, decimal downPayment, ProvidentFundCap cap, Loan commercialTerms, Loan providentFundTerms)
    {
        ArgumentNullException.ThrowIfNull(cap);
        ArgumentNullException.ThrowIfNull(commercialTerms);
        ArgumentNullException.ThrowIfNull(providentFundTerms);
        if (price <= 0m || price > Loan.MaxPrincipal)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price,
                Resources.Localized.Format(Resources.LibraryText.Valid_PriceRange, price));
        }

        if (downPayment < 0m || downPayment >= price)
        {
            throw new ArgumentOutOfRangeException(nameof(downPayment), downPayment, 
                Resources.Localized.Format(Resources.LibraryText.Valid_DownPaymentBelowPrice, price, downPayment));
        }

        decimal needed = price - downPayment;
        decimal unit = providentFundTerms.Rounding.MinorUnit;
        decimal limit = cap.Limit;
        limit -= limit % unit;
        decimal fund = Math.Min(needed, limit);
        decimal commercial = needed - fund;

        var legs = new List<LoanLeg>(2);
        if (commercial > 0m)
        {
            legs.Add(new LoanLeg(CommercialLeg, commercialTerms with { Principal = commercial }));
        }

        if (fund > 0m)
        {
            legs.Add(new LoanLeg(ProvidentFundLeg, providentFundTerms with { Principal = fund }));
        }

        CombinedSchedule combined = new CombinedLoan(legs).BuildSchedule();
        Schedule allCommercial = (commercialTerms with { Principal = needed }).BuildSchedule();
        return new PurchaseSplit(price, downPayment, limit, fund, commercial, combined, allCommercial);
    }
}
