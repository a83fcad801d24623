using System.CommandLine;
using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
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
                    throw new UsageException(Language.Format(CliText.Afford_ErrPfOnly, option.Name));
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
                    Language.Format(CliText.Afford_ErrPfMissing, option.Name));
                string multipleText = Required(_pfMultiple);
                string capText = Required(_pfCityCap);
                string balanceText = Required(_pfBalance);
                if (!ArgumentParsers.TryParsePlainDecimal(multipleText, out decimal multiple))
                {
                    throw new UsageException(Language.Format(CliText.Afford_ErrPfMultiple, multipleText));
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
                throw new UsageException(Language.Format(CliText.Afford_ErrPolicy, result.GetValue(_policy)));
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
            ?? throw new UsageException(CliText.Afford_ErrAgeRequired);
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
            throw new UsageException(CliText.Afford_ErrIncomeRequired);
        }

        if (incomes.Length != ages.Length)
        {
            throw new UsageException(Language.Format(CliText.Afford_ErrIncomeAgeCount, incomes.Length, ages.Length));
        }

        if (solve != SolveFor.MinIncome && incomes.Sum() == 0m)
        {
            throw new UsageException(CliText.Afford_ErrIncomeZero);
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
            throw new UsageException(Language.Format(CliText.Afford_ErrPriceBelowLoan, AffordFigures.Money(p), AffordFigures.Money(loan)));
        }

        if (p != loan + d)
        {
            throw new UsageException(Language.Format(
                CliText.Afford_ErrPriceSum, AffordFigures.Money(loan), AffordFigures.Money(d), AffordFigures.Money(p)));
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
            throw new UsageException(Language.Format(CliText.Afford_ErrNotAmount, option, text.Trim()));
        }

        if (value < 0m || value > Household.MaxAmount)
        {
            throw new UsageException(Language.Format(CliText.Afford_ErrAmountRange, option, text.Trim()));
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new UsageException(Language.Format(CliText.Afford_ErrDecimals, option, text.Trim()));
        }

        return value;
    }

    private static int ParseWhole(string option, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw new UsageException(Language.Format(CliText.Afford_ErrYears, option, text.Trim()));
        }

        return value;
    }
}
