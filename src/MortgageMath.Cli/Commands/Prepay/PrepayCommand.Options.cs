using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;

namespace MortgageMath.Cli;

/// <summary>Reading <c>--option</c> for <c>mortgage prepay</c>.</summary>
internal sealed partial class PrepayCommand
{
    private static readonly PrepaymentOption[] AllOptions =
        [PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment];

    /// <summary>
    /// Reads <c>--option</c>: one option, <c>all</c> (the three that keep or shorten the term), or several separated
    /// by commas, compared side by side in the order given; <c>new-term:N</c> is a new term of N payments after the
    /// prepayment (<see cref="PrepaymentOption.NewTerm"/>).
    /// </summary>
    private static PrepaymentOption[] ParseOptions(string? text)
    {
        if (text is null)
        {
            return AllOptions;
        }

        var options = new List<PrepaymentOption>();
        foreach (string part in text.Split(','))
        {
            foreach (PrepaymentOption option in ParseOption(part.Trim()))
            {
                if (options.Contains(option))
                {
                    throw new UsageException(Language.Format(CliText.Err_OptionTwice, ArgumentParsers.Echo(option.ToString())));
                }

                options.Add(option);
            }
        }

        return [.. options];
    }

    private static PrepaymentOption[] ParseOption(string text)
    {
        const string NewTerm = "new-term";
        string lower = text.ToLowerInvariant();
        if (lower == NewTerm || lower.StartsWith(NewTerm + ":", StringComparison.Ordinal))
        {
            string number = text.Length > NewTerm.Length ? text[(NewTerm.Length + 1)..].Trim() : "";
            if (number.Length == 0)
            {
                throw new UsageException(Language.Format(CliText.Err_PrepayNewTermNoPeriods, ArgumentParsers.Echo(text)));
            }

            if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int periods))
            {
                throw new UsageException(Language.Format(CliText.Err_PrepayNewTermNotWhole, ArgumentParsers.Echo(text), ArgumentParsers.Echo(number)));
            }

            try
            {
                return [PrepaymentOption.NewTerm(periods)];
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--option '{ArgumentParsers.Echo(text)}': {LoanSpecReader.LibraryText(e)}");
            }
        }

        if (lower == "all")
        {
            return AllOptions;
        }

        // Every other name is the library's (what PrepaymentOption.ToString writes, new-term(N) included).
        try
        {
            return [PrepaymentOption.Parse(text)];
        }
        catch (FormatException)
        {
            throw new UsageException(Language.Format(CliText.Err_PrepayOptionUnknown, ArgumentParsers.Echo(text)));
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--option '{ArgumentParsers.Echo(text)}': {LoanSpecReader.LibraryText(e)}");
        }
    }
}
