using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

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
        Description = CliText.Help_Afford_Income,
        HelpName = "AMOUNT[,AMOUNT...]",
    };

    internal readonly Option<string> _age = new("--age")
    {
        Description = CliText.Help_Afford_Age,
        HelpName = "N[,N...]",
    };

    internal readonly Option<string> _debts = new("--debts")
    {
        Description = CliText.Help_Afford_Debts,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _housingCosts = new("--housing-costs")
    {
        Description = CliText.Help_Afford_HousingCosts,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _price = new("--price")
    {
        Description = CliText.Help_Afford_Price,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _downPayment = new("--down-payment")
    {
        Description = CliText.Help_Afford_DownPayment,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _policy = new("--policy")
    {
        Description = CliText.Help_Afford_Policy,
        HelpName = "china-commercial|china-provident-fund|us-qm",
    };

    internal readonly Option<string> _pfMultiple = new("--pf-multiple")
    {
        Description = CliText.Help_Afford_PfMultiple,
        HelpName = "X",
    };

    internal readonly Option<string> _pfCityCap = new("--pf-city-cap")
    {
        Description = CliText.Help_Afford_PfCityCap,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _pfBalance = new("--pf-balance")
    {
        Description = CliText.Help_Afford_PfBalance,
        HelpName = "AMOUNT",
    };

    internal readonly Option<string> _retirementAge = new("--retirement-age")
    {
        Description = CliText.Help_Afford_RetirementAge,
        HelpName = "N",
    };

    internal readonly Option<string> _solve = new("--solve")
    {
        Description = CliText.Help_Afford_Solve,
        HelpName = "max-loan|min-income|max-price",
    };

    internal readonly Option<string> _format = new("--format")
    {
        Description = CliText.Help_Afford_Format,
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
            _ => throw new UsageException(Language.Format(CliText.Afford_ErrSolve, text)),
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
