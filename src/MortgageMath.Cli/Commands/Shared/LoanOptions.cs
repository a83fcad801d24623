using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The options that describe a loan, shared by <c>schedule</c>, <c>prepay</c> and <c>payoff</c>: either the
/// fixed-rate loan flags (<c>--principal</c>, <c>--rate</c>, <c>--months</c>/<c>--years</c>, <c>--method</c>,
/// <c>--start</c>, <c>--payment-day</c>) or a loan spec file (<c>--spec</c>, with <c>--rates</c>).
/// </summary>
internal sealed class LoanOptions
{
    private readonly Option<string> _principal = new("--principal")
    {
        Description = CliText.Help_Loan_Principal,
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _rate = new("--rate")
    {
        Description = CliText.Help_Loan_Rate,
        HelpName = "RATE",
    };

    private readonly Option<string> _months = new("--months")
    {
        Description = Language.Format(CliText.Help_Loan_Months, Loan.MaxPeriods),
        HelpName = "N",
    };

    private readonly Option<string> _years = new("--years")
    {
        Description = Language.Format(CliText.Help_Loan_Years, Loan.MaxPeriods / 12),
        HelpName = "N",
    };

    private readonly Option<string> _method = new("--method")
    {
        Description = CliText.Help_Loan_Method,
        HelpName = "equal-installment|equal-principal",
    };

    private readonly Option<string> _start = new("--start")
    {
        Description = CliText.Help_Loan_Start,
        HelpName = "yyyy-MM-dd",
    };

    private readonly Option<string> _paymentDay = new("--payment-day")
    {
        Description = CliText.Help_Loan_PaymentDay,
        HelpName = "D",
    };

    private readonly Option<string> _spec = new("--spec")
    {
        Description = CliText.Help_Loan_Spec,
        HelpName = "FILE",
    };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = CliText.Help_Loan_Rates,
        HelpName = "FILE",
    };

    private readonly Option<string>? _leg;

    private readonly Func<LocalDate> _today;
    private readonly string _commandName;

    /// <summary>Creates the options.</summary>
    /// <param name="commandName">The command they belong to, for messages (<c>schedule</c>).</param>
    /// <param name="today">Supplies the default disbursement date.</param>
    /// <param name="withLeg">True for a command that works on one loan and so takes <c>--leg NAME</c> to pick one leg of a combined spec.</param>
    internal LoanOptions(string commandName, Func<LocalDate> today, bool withLeg = false)
    {
        _commandName = commandName;
        _today = today;
        if (withLeg)
        {
            _leg = new Option<string>("--leg")
            {
                Description = CliText.Help_Loan_Leg,
                HelpName = "NAME",
            };
        }
    }

    /// <summary>The loan-term options, in help order.</summary>
    internal Option[] TermOptions => [_principal, _rate, _months, _years, _method, _start, _paymentDay];

    /// <summary>Every option, in help order: the loan terms, then <c>--spec</c> and <c>--rates</c>.</summary>
    internal Option[] All => _leg is null ? [.. TermOptions, _spec, _rates] : [.. TermOptions, _spec, _rates, _leg];

    /// <summary>One loan to work on: a single loan (from the options or a spec), or one leg of a combined spec.</summary>
    /// <param name="Loan">The loan.</param>
    /// <param name="Spec">The spec it was read from (the leg's, for a leg), or null for the options.</param>
    /// <param name="Leg">The leg's name when the loan is a leg of a combined spec, else null.</param>
    /// <param name="Legs">All the legs' names when the loan is a leg, else null.</param>
    internal sealed record SingleLoan(Loan Loan, LoanSpec? Spec, string? Leg = null, IReadOnlyList<string>? Legs = null)
    {
        /// <summary>The line that says which leg the output is about, or null for a single loan.</summary>
        internal string? LegLine => Leg is null
            ? null
            : $"Leg {Leg} of the combined loan (legs {string.Join(", ", Legs!)}); the other legs are unchanged.";
    }

    /// <summary>Reads the loan: from the spec file, or from the loan-term options; with <c>--leg</c>, one leg of a combined spec.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <returns>The loan, the spec it came from (null for the options) and, for a leg, its name.</returns>
    /// <exception cref="UsageException">An option is unparsable, missing, given twice or in conflict with --spec, the spec is invalid,
    /// or a combined spec comes without --leg (or with one it does not have).</exception>
    /// <exception cref="ArgumentException">A loan term is out of the library's range.</exception>
    internal SingleLoan Read(ParseResult result)
    {
        string? legName = _leg is null ? null : result.GetValue(_leg);
        (Loan? loan, LoanSpec? spec, CombinedSpec? combined) = ReadAny(result);
        if (combined is not null)
        {
            if (_leg is null)
            {
                throw new UsageException(
                    Language.Format(CliText.Err_CombinedSingleOnly, _commandName));
            }

            IReadOnlyList<string> names = combined.Names;
            if (legName is null)
            {
                string choices = string.Join(CliText.Err_Or, names.Select(n => "--leg " + n));
                throw new UsageException(Language.Format(CliText.Err_CombinedNeedsLeg, _commandName, choices));
            }

            if (!combined.TryGetLeg(legName, out LoanSpec leg))
            {
                throw new UsageException(Language.Format(CliText.Err_LegUnknown, ArgumentParsers.Echo(legName), string.Join(", ", names)));
            }

            return new SingleLoan(leg.Loan, leg, legName, names);
        }

        if (legName is not null)
        {
            throw new UsageException(spec is null ? CliText.Err_LegWithOptions : CliText.Err_LegWithSingleSpec);
        }

        return new SingleLoan(loan!, spec);
    }

    /// <summary>Reads the loan: from the spec file (a single loan, or a combined loan with <c>"legs"</c>), or from the loan-term options.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <returns>The single loan and the spec it came from (null for the options), or the combined spec (the others null).</returns>
    /// <exception cref="UsageException">An option is unparsable, missing, given twice or in conflict with --spec, or the spec is invalid.</exception>
    /// <exception cref="ArgumentException">A loan term is out of the library's range.</exception>
    internal (Loan? Loan, LoanSpec? Spec, CombinedSpec? Combined) ReadAny(ParseResult result) => ReadAny(result, null);

    /// <summary>Reads the loan as <see cref="ReadAny(ParseResult)"/> does; <c>--principal</c> may be left out when
    /// <paramref name="placeholderPrincipal"/> is given (a solver replaces the principal anyway).</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="placeholderPrincipal">The principal to use when <c>--principal</c> is not given, or null to require it.</param>
    /// <returns>The single loan and the spec it came from (null for the options), or the combined spec (the others null).</returns>
    /// <exception cref="UsageException">An option is unparsable, missing, given twice or in conflict with --spec, or the spec is invalid.</exception>
    /// <exception cref="ArgumentException">A loan term is out of the library's range.</exception>
    internal (Loan? Loan, LoanSpec? Spec, CombinedSpec? Combined) ReadAny(ParseResult result, decimal? placeholderPrincipal)
    {
        if (result.GetValue(_spec) is { } specPath)
        {
            foreach (Option option in TermOptions)
            {
                if (result.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException(Language.Format(CliText.Err_OptionWithSpec, option.Name));
                }
            }

            if (string.IsNullOrWhiteSpace(specPath))
            {
                throw new UsageException(CliText.Err_SpecEmpty);
            }

            RateTable table = RateTables.Load(result.GetValue(_rates));
            (LoanSpec? spec, CombinedSpec? combined) = LoanSpecReader.ReadAnyFile(specPath, table);
            return (spec?.Loan, spec, combined);
        }

        if (result.GetResult(_rates) is { Implicit: false })
        {
            throw new UsageException(CliText.Err_RatesWithoutSpec);
        }

        string? principalText = result.GetValue(_principal);
        if (principalText is null && placeholderPrincipal is null)
        {
            throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--principal", _commandName));
        }

        string rateText = result.GetValue(_rate)
            ?? throw new UsageException(Language.Format(CliText.Loan_OptionRequired, "--rate", _commandName));
        decimal principal = principalText is null ? placeholderPrincipal!.Value : ArgumentParsers.ParsePrincipal(principalText);
        Rate rate = ArgumentParsers.ParseRate(rateText);

        string? monthsText = result.GetValue(_months);
        string? yearsText = result.GetValue(_years);
        int periods = (monthsText, yearsText) switch
        {
            (not null, not null) => throw new UsageException(CliText.Loan_TermTwice),
            (null, null) => throw new UsageException(CliText.Loan_TermMissing),
            (not null, null) => ArgumentParsers.ParseTerm("--months", monthsText, Loan.MaxPeriods),
            _ => ArgumentParsers.ParseTerm("--years", yearsText!, Loan.MaxPeriods / 12) * 12,
        };

        RepaymentMethod method = result.GetValue(_method) is { } methodText
            ? ArgumentParsers.ParseMethod(methodText)
            : RepaymentMethod.EqualInstallment;
        LocalDate start = result.GetValue(_start) is { } startText ? ArgumentParsers.ParseDate(startText) : _today();
        int? paymentDay = result.GetValue(_paymentDay) is { } dayText ? ArgumentParsers.ParsePaymentDay(dayText) : null;

        var loan = new Loan(principal, rate, periods, start) { Method = method, RepaymentDay = paymentDay };
        return (loan, null, null);
    }
}
