using System.CommandLine;
using System.Globalization;
using MortgageMath.Cli.Spec;

namespace MortgageMath.Cli;

/// <summary>Reading the policy, the household and the purchase; the library's refusals name the option.</summary>
internal sealed partial class AffordOptions
{
    /// <summary>The policy; for the provident-fund policy also the account balance.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="pfBalance">The provident-fund balance, or null for another policy.</param>
    /// <returns>The policy.</returns>
    internal AffordabilityPolicy ReadPolicy(ParseResult result, out decimal? pfBalance)
    {
        string name = result.GetValue(_policy)?.Trim().ToLowerInvariant() ?? "china-commercial";
        Option[] pfOptions = [_pfMultiple, _pfCityCap, _pfBalance, _retirementAge];
        if (name != "china-provident-fund")
        {
            foreach (Option option in pfOptions)
            {
                if (result.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException($"{option.Name} applies to --policy china-provident-fund only.");
                }
            }
        }

        pfBalance = null;
        switch (name)
        {
            case "china-commercial":
                return AffordabilityPolicy.ChinaCommercial;
            case "us-qm":
                return AffordabilityPolicy.UsQualifiedMortgage;
            case "china-provident-fund":
                string Required(Option<string> option) => result.GetValue(option) ?? throw new UsageException(
                    $"--policy china-provident-fund needs the city's figures and the account: {option.Name} is missing (give --pf-multiple X --pf-city-cap AMOUNT --pf-balance AMOUNT).");
                string multipleText = Required(_pfMultiple);
                string capText = Required(_pfCityCap);
                string balanceText = Required(_pfBalance);
                if (!ArgumentParsers.TryParsePlainDecimal(multipleText, out decimal multiple))
                {
                    throw new UsageException($"--pf-multiple '{multipleText}' is not a number; write e.g. 15 or 12.5.");
                }

                decimal cap = ParseNonNegative("--pf-city-cap", capText);
                pfBalance = ParseNonNegative("--pf-balance", balanceText);
                int retirement = result.GetValue(_retirementAge) is { } ageText ? ParseWhole("--retirement-age", ageText) : 60;
                try
                {
                    return AffordabilityPolicy.ChinaProvidentFund(multiple, cap, retirement);
                }
                catch (ArgumentException e)
                {
                    string option = e.ParamName switch
                    {
                        "multiple" => "--pf-multiple",
                        "cityCap" or "cap" => "--pf-city-cap",
                        _ => "--retirement-age",
                    };
                    throw new UsageException($"{option}: {LoanSpecReader.LibraryText(e)}");
                }

            default:
                throw new UsageException($"--policy '{result.GetValue(_policy)}' is not a policy; write china-commercial, china-provident-fund or us-qm.");
        }
    }

    /// <summary>The household: one income and one age per borrower, debts, housing costs and the balance.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="solve">What is solved for (min-income needs no income).</param>
    /// <param name="pfBalance">The provident-fund balance, or null.</param>
    /// <returns>The household.</returns>
    internal Household ReadHousehold(ParseResult result, SolveFor solve, decimal? pfBalance)
    {
        string ageText = result.GetValue(_age)
            ?? throw new UsageException("Option '--age' is required (one age per borrower, main borrower first, e.g. --age 35 or --age 38,36); see 'mortgage afford --help'.");
        int[] ages = [.. Split(ageText).Select(a => ParseWhole("--age", a))];
        decimal[] incomes;
        if (result.GetValue(_income) is { } incomeText)
        {
            incomes = [.. Split(incomeText).Select(i => ParseNonNegative("--income", i))];
        }
        else if (solve == SolveFor.MinIncome)
        {
            incomes = new decimal[ages.Length];
        }
        else
        {
            throw new UsageException("Option '--income' is required (one monthly income per borrower, main borrower first, e.g. --income 12000 or --income 9000,6000); see 'mortgage afford --help'.");
        }

        if (incomes.Length != ages.Length)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--income has {incomes.Length} value(s) and --age {ages.Length}; give one income and one age per borrower, main borrower first, e.g. --income 9000,6000 --age 38,36."));
        }

        if (solve != SolveFor.MinIncome && incomes.Sum() == 0m)
        {
            throw new UsageException("--income: the borrowers' incomes add up to 0; the ratios need a monthly income greater than 0 (or use --solve min-income).");
        }

        decimal debts = result.GetValue(_debts) is { } debtText ? ParseNonNegative("--debts", debtText) : 0m;
        decimal housing = result.GetValue(_housingCosts) is { } housingText ? ParseNonNegative("--housing-costs", housingText) : 0m;
        try
        {
            var borrowers = new Borrower[ages.Length];
            for (int k = 0; k < ages.Length; k++)
            {
                try
                {
                    borrowers[k] = new Borrower(incomes[k], ages[k]);
                }
                catch (ArgumentException e)
                {
                    string option = e.ParamName == nameof(Borrower.Age) ? "--age" : "--income";
                    throw new UsageException($"{option}: {LoanSpecReader.LibraryText(e)}");
                }
            }

            return new Household(borrowers) { MonthlyDebtPayments = debts, MonthlyHousingCosts = housing, ProvidentFundBalance = pfBalance ?? 0m };
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--income/--age: {LoanSpecReader.LibraryText(e)}");
        }
    }

    /// <summary>The purchase from the price and/or the down payment and the loan; null when neither is given.</summary>
    /// <param name="price">The price, or null.</param>
    /// <param name="down">The down payment, or null.</param>
    /// <param name="loan">The loan amount.</param>
    /// <returns>The purchase.</returns>
    internal static Purchase? ReadPurchase(decimal? price, decimal? down, decimal loan)
    {
        if (price is null && down is null)
        {
            return null;
        }

        decimal p = price ?? loan + down!.Value;
        decimal d = down ?? p - loan;
        if (d < 0m)
        {
            throw new UsageException(
                $"--price {AffordFigures.Money(p)} is less than the loan {AffordFigures.Money(loan)}; the price is the loan plus the down payment.");
        }

        if (p != loan + d)
        {
            throw new UsageException(
                $"--price/--down-payment: the loan ({AffordFigures.Money(loan)}) plus the down payment ({AffordFigures.Money(d)}) must equal the price ({AffordFigures.Money(p)}); give one of the two and the other follows.");
        }

        try
        {
            return new Purchase(p, d);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--price/--down-payment: {LoanSpecReader.LibraryText(e)}");
        }
    }

    private static string[] Split(string text) => text.Split(',');

    private static decimal ParseNonNegative(string option, string text)
    {
        if (!ArgumentParsers.TryParsePlainDecimal(text, out decimal value))
        {
            throw new UsageException(
                $"{option} '{text.Trim()}' is not an amount; write a plain number without thousands separators, e.g. 12000 or 8500.50.");
        }

        if (value < 0m || value > Household.MaxAmount)
        {
            throw new UsageException($"{option} must be at least 0 and at most 1,000,000,000,000; was {text.Trim()}.");
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new UsageException($"{option} has more than 2 decimal places; was {text.Trim()}.");
        }

        return value;
    }

    private static int ParseWhole(string option, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw new UsageException($"{option} '{text.Trim()}' is not a whole number of years; write e.g. {option} 35.");
        }

        return value;
    }
}
