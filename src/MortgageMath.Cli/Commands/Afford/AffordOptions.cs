using System.CommandLine;
using System.Globalization;

namespace MortgageMath.Cli;

/// <summary>
/// The options of <c>mortgage afford</c> other than the loan's, and how they are read into the library's types: the
/// policy, the household and the purchase. Every rule is the library's; this only turns text into values and names
/// the option when the library refuses one.
/// </summary>
internal sealed partial class AffordOptions
{
    internal readonly Option<string> _income = new("--income")
    {
        Description = "Gross monthly income of each borrower, main borrower first, comma-separated: 12000 or 9000,6000. Required (with --solve min-income it only gives the split).",
        HelpName = "AMOUNT[,AMOUNT...]",
    };

    internal readonly Option<string> _age = new("--age")
    {
        Description = "Each borrower's age in whole years, in the order of --income: 35 or 38,36. Required.",
        HelpName = "N[,N...]",
    };

    internal readonly Option<string> _debts = new("--debts")
    {
        Description = "Monthly payments on the household's other debts (car loan, card instalments). Default: 0.",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _housingCosts = new("--housing-costs")
    {
        Description = "Other monthly housing costs of the home (property tax, insurance, fees), added to the loan payment. Default: 0.",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _price = new("--price")
    {
        Description = "The purchase price; with --down-payment the loan must be price − down payment. Enables the price rules (minimum down payment).",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _downPayment = new("--down-payment")
    {
        Description = "The down payment (首付). Alone: the price is the loan + the down payment. Required by --solve max-price.",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _policy = new("--policy")
    {
        Description = "The rules: china-commercial (the default), china-provident-fund (needs --pf-multiple, --pf-city-cap, --pf-balance) or us-qm (28/36/43).",
        HelpName = "china-commercial|china-provident-fund|us-qm",
    };

    internal readonly Option<string> _pfMultiple = new("--pf-multiple")
    {
        Description = "china-provident-fund: the city's multiple of the account balance (e.g. 15).",
        HelpName = "X",
    };

    internal readonly Option<string> _pfCityCap = new("--pf-city-cap")
    {
        Description = "china-provident-fund: the city's cap on the loan for this household (e.g. 1200000).",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _pfBalance = new("--pf-balance")
    {
        Description = "china-provident-fund: the household's provident-fund account balance.",
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _retirementAge = new("--retirement-age")
    {
        Description = "china-provident-fund: the statutory retirement age the loan must end by. Default: 60.",
        HelpName = "N",
    };

    internal readonly Option<string> _solve = new("--solve")
    {
        Description = "Solve instead of judging: max-loan (the largest principal on these terms), min-income (the lowest total income), max-price (the largest price for --down-payment).",
        HelpName = "max-loan|min-income|max-price",
    };

    internal readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), json or markdown.",
        HelpName = "table|json|markdown",
    };

    /// <summary>Every option, in the order of the help.</summary>
    internal Option[] All => [_income, _age, _debts, _housingCosts, _price, _downPayment, _policy, _pfMultiple, _pfCityCap, _pfBalance, _retirementAge, _solve, _format];

    /// <summary>The price, or null.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The price.</returns>
    internal decimal? ReadPrice(ParseResult result) => result.GetValue(_price) is { } priceText ? ArgumentParsers.ParseAmount("--price", priceText) : null;

    /// <summary>The down payment, or null.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The down payment.</returns>
    internal decimal? ReadDownPayment(ParseResult result) => result.GetValue(_downPayment) is { } downText ? ParseNonNegative("--down-payment", downText) : null;

    /// <summary>The output format.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The format.</returns>
    internal OutputFormat ReadFormat(ParseResult result) => PrepayCommand.ReadFormat(result.GetValue(_format), "afford");

    /// <summary>What <c>--solve</c> asks for.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The question, or <see cref="SolveFor.None"/>.</returns>
    internal SolveFor ReadSolve(ParseResult result)
    {
        string? text = result.GetValue(_solve);
        return text?.Trim().ToLowerInvariant() switch
        {
            null => SolveFor.None,
            "max-loan" => SolveFor.MaxLoan,
            "min-income" => SolveFor.MinIncome,
            "max-price" => SolveFor.MaxPrice,
            _ => throw new UsageException($"--solve '{text}' is not something to solve for; write max-loan, min-income or max-price."),
        };
    }
}

/// <summary>What <c>--solve</c> asks for.</summary>
internal enum SolveFor
{
    /// <summary>No solve: judge the loan.</summary>
    None = 0,

    /// <summary>The largest loan.</summary>
    MaxLoan = 1,

    /// <summary>The lowest total monthly income.</summary>
    MinIncome = 2,

    /// <summary>The largest price for the down payment.</summary>
    MaxPrice = 3,
}
