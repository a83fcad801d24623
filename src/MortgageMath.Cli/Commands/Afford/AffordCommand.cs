using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage afford</c> command: can this household carry this loan under a policy (China commercial, China
/// provident fund with the city's multiple and cap, US qualified mortgage)? Prints an explained report (each rule
/// with its actual figure, limit and margin; the payment judged; the verdict) or, with <c>--solve</c>, the largest
/// loan, the lowest income or the largest price to the cent, with the report one cent beyond, which fails.
/// </summary>
internal sealed class AffordCommand
{
    private readonly LoanOptions _loan;

    private readonly AffordOptions _options = new();

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal AffordCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("afford", today);
        Command = new Command("afford", CliText.Help_Afford);
        foreach (Option option in (Option[])[.. _loan.All, .. _options.All])
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>Runs the command.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code: 0 whether approved or not.</returns>
    /// <exception cref="UsageException">An option or the spec is invalid.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = _options.ReadFormat(result);
        SolveFor solve = _options.ReadSolve(result);
        AffordabilityPolicy policy = _options.ReadPolicy(result, out decimal? pfBalance);
        Household household = _options.ReadHousehold(result, solve, pfBalance);
        decimal? price = _options.ReadPrice(result);
        decimal? down = _options.ReadDownPayment(result);

        switch (solve)
        {
            case SolveFor.MaxLoan when price is not null || down is not null:
                throw new UsageException(CliText.Afford_ErrMaxLoanPurchase);
            case SolveFor.MaxPrice when down is null:
                throw new UsageException(CliText.Afford_ErrMaxPriceDown);
            case SolveFor.MaxPrice when price is not null:
                throw new UsageException(CliText.Afford_ErrMaxPricePrice);
        }

        decimal? placeholder = solve is SolveFor.MaxLoan or SolveFor.MaxPrice ? 1m : null;
        (Loan? single, LoanSpec? spec, CombinedSpec? combined) = _loan.ReadAny(result, placeholder);
        if (combined is not null && solve is (SolveFor.MaxLoan or SolveFor.MaxPrice) && policy.Rules.Any(r => r.JudgesProvidentFundLoan))
        {
            throw new UsageException(CliText.Afford_ErrCombinedFund);
        }

        var subject = new AffordSubject(single, spec ?? (single is null ? null : LoanSpec.FromOptions(single, "--principal")), combined);
        if (solve is SolveFor.None or SolveFor.MinIncome)
        {
            subject.Validate();
        }

        Purchase? purchase = solve is SolveFor.None or SolveFor.MinIncome ? AffordOptions.ReadPurchase(price, down, subject.Principal) : null;

        AffordOutcome outcome = solve switch
        {
            SolveFor.None => new AffordOutcome(policy, household, subject.Evaluate(policy, household, purchase), purchase, subject.Schedules(subject.Principal), null, null),
            _ => Solve(solve, policy, household, subject, purchase, down),
        };

        string text = format switch
        {
            OutputFormat.Json => AffordJsonWriter.Write(outcome),
            OutputFormat.Markdown => AffordTextWriter.Write(outcome, markdown: true),
            _ => AffordTextWriter.Write(outcome, markdown: false),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }

    private static AffordOutcome Solve(SolveFor solve, AffordabilityPolicy policy, Household household, AffordSubject subject, Purchase? purchase, decimal? down)
    {
        AffordabilitySolution solution;
        string? note = null;
        switch (solve)
        {
            case SolveFor.MaxLoan:
                solution = subject.MaxLoan(policy, household);
                note = subject.IsCombined
                    ? Language.Format(CliText.Afford_NoteMaxLoanCombined, subject.SplitRule())
                    : CliText.Afford_NoteMaxLoan;
                break;
            case SolveFor.MaxPrice:
                solution = subject.MaxPrice(policy, household, down!.Value);
                note = subject.IsCombined
                    ? Language.Format(CliText.Afford_NoteMaxPriceCombined, AffordFigures.Money(down.Value), subject.SplitRule())
                    : Language.Format(CliText.Afford_NoteMaxPrice, AffordFigures.Money(down.Value));
                break;
            default:
                solution = subject.MinIncome(policy, household, purchase);
                note = household.Borrowers.Count > 1
                    ? CliText.Afford_NoteIncomesScaled
                    : null;
                break;
        }

        decimal loanAmount = solution.Report.LoanAmount;
        Purchase? reportPurchase = solve switch
        {
            SolveFor.MaxPrice when solution.Value is { } value => new Purchase(value, down!.Value),
            SolveFor.MinIncome => purchase,
            _ => null,
        };
        return new AffordOutcome(policy, household, solution.Report, reportPurchase, subject.Schedules(loanAmount), solution, note);
    }
}
