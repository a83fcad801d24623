using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Spec;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Rendering;

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

    private readonly Option<string> _income = new("--income")
    {
        Description = "Gross monthly income of each borrower, main borrower first, comma-separated: 12000 or 9000,6000. Required (with --solve min-income it only gives the split).",
        HelpName = "AMOUNT[,AMOUNT...]",
    };

    private readonly Option<string> _age = new("--age")
    {
        Description = "Each borrower's age in whole years, in the order of --income: 35 or 38,36. Required.",
        HelpName = "N[,N...]",
    };

    private readonly Option<string> _debts = new("--debts")
    {
        Description = "Monthly payments on the household's other debts (car loan, card instalments). Default: 0.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _housingCosts = new("--housing-costs")
    {
        Description = "Other monthly housing costs of the home (property tax, insurance, fees), added to the loan payment. Default: 0.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _price = new("--price")
    {
        Description = "The purchase price; with --down-payment the loan must be price − down payment. Enables the price rules (minimum down payment).",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _downPayment = new("--down-payment")
    {
        Description = "The down payment (首付). Alone: the price is the loan + the down payment. Required by --solve max-price.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _policy = new("--policy")
    {
        Description = "The rules: china-commercial (the default), china-provident-fund (needs --pf-multiple, --pf-city-cap, --pf-balance) or us-qm (28/36/43).",
        HelpName = "china-commercial|china-provident-fund|us-qm",
    };

    private readonly Option<string> _pfMultiple = new("--pf-multiple")
    {
        Description = "china-provident-fund: the city's multiple of the account balance (e.g. 15).",
        HelpName = "X",
    };

    private readonly Option<string> _pfCityCap = new("--pf-city-cap")
    {
        Description = "china-provident-fund: the city's cap on the loan for this household (e.g. 1200000).",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _pfBalance = new("--pf-balance")
    {
        Description = "china-provident-fund: the household's provident-fund account balance.",
        HelpName = "AMOUNT",
    };

    private readonly Option<string> _retirementAge = new("--retirement-age")
    {
        Description = "china-provident-fund: the statutory retirement age the loan must end by. Default: 60.",
        HelpName = "N",
    };

    private readonly Option<string> _solve = new("--solve")
    {
        Description = "Solve instead of judging: max-loan (the largest principal on these terms), min-income (the lowest total income), max-price (the largest price for --down-payment).",
        HelpName = "max-loan|min-income|max-price",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The output format: table (the default), json or markdown.",
        HelpName = "table|json|markdown",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">Supplies the default disbursement date.</param>
    internal AffordCommand(Func<LocalDate> today)
    {
        _loan = new LoanOptions("afford", today);
        Command = new Command("afford", "Judge whether a household can carry a loan under an affordability policy, rule by rule, or solve for the largest loan, the lowest income or the largest price.");
        foreach (Option option in (Option[])[.. _loan.All, _income, _age, _debts, _housingCosts, _price, _downPayment, _policy,
                     _pfMultiple, _pfCityCap, _pfBalance, _retirementAge, _solve, _format])
        {
            Command.Options.Add(option);
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

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>Runs the command.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>The exit code: 0 whether approved or not.</returns>
    /// <exception cref="UsageException">An option or the spec is invalid.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        OutputFormat format = PrepayCommand.ReadFormat(result.GetValue(_format), "afford");
        SolveFor solve = ParseSolve(result.GetValue(_solve));
        AffordabilityPolicy policy = ReadPolicy(result, out decimal? pfBalance);
        Household household = ReadHousehold(result, solve, pfBalance);
        decimal? price = result.GetValue(_price) is { } priceText ? ArgumentParsers.ParseAmount("--price", priceText) : null;
        decimal? down = result.GetValue(_downPayment) is { } downText ? ParseNonNegative("--down-payment", downText) : null;

        switch (solve)
        {
            case SolveFor.MaxLoan when price is not null || down is not null:
                throw new UsageException(
                    "--solve max-loan judges the loan without a purchase; drop --price/--down-payment, or use --solve max-price --down-payment AMOUNT for the largest price.");
            case SolveFor.MaxPrice when down is null:
                throw new UsageException("--solve max-price needs --down-payment AMOUNT: the largest price is the down payment plus the largest loan that passes.");
            case SolveFor.MaxPrice when price is not null:
                throw new UsageException("--price cannot be combined with --solve max-price, which solves for the price; give --down-payment only.");
        }

        decimal? placeholder = solve is SolveFor.MaxLoan or SolveFor.MaxPrice ? 1m : null;
        (Loan? single, LoanSpec? spec, CombinedSpec? combined) = _loan.ReadAny(result, placeholder);
        if (combined is not null && solve is (SolveFor.MaxLoan or SolveFor.MaxPrice) && policy.Rules.Any(r => r.Name.StartsWith("pf-", StringComparison.Ordinal)))
        {
            throw new UsageException(
                "--solve max-loan/max-price with a combined spec scales the commercial leg, which the provident-fund rules do not judge; to find the largest provident-fund loan, write the provident-fund leg as a spec of its own.");
        }

        var subject = new Subject(single, spec ?? (single is null ? null : LoanSpec.FromOptions(single, "--principal")), combined);
        if (solve is SolveFor.None or SolveFor.MinIncome)
        {
            subject.Validate();
        }

        Purchase? purchase = solve is SolveFor.None or SolveFor.MinIncome ? ReadPurchase(price, down, subject.Principal) : null;

        Outcome outcome = solve switch
        {
            SolveFor.None => new Outcome(policy, household, subject.Evaluate(policy, household, purchase), purchase, subject.Schedules(subject.Principal), null, null),
            _ => Solve(solve, policy, household, subject, purchase, down),
        };

        string text = format switch
        {
            OutputFormat.Json => Json(outcome),
            OutputFormat.Markdown => Text(outcome, markdown: true),
            _ => Text(outcome, markdown: false),
        };
        OutputFile.WriteStandardOutput(stdout, text);
        return ExitCodes.Ok;
    }

    // ------------------------------------------------------------------ reading the options

    private static SolveFor ParseSolve(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => SolveFor.None,
        "max-loan" => SolveFor.MaxLoan,
        "min-income" => SolveFor.MinIncome,
        "max-price" => SolveFor.MaxPrice,
        _ => throw new UsageException($"--solve '{text}' is not something to solve for; write max-loan, min-income or max-price."),
    };

    private AffordabilityPolicy ReadPolicy(ParseResult result, out decimal? pfBalance)
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

    private Household ReadHousehold(ParseResult result, SolveFor solve, decimal? pfBalance)
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

    private static Purchase? ReadPurchase(decimal? price, decimal? down, decimal loan)
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
                $"--price {Money(p)} is less than the loan {Money(loan)}; the price is the loan plus the down payment.");
        }

        if (p != loan + d)
        {
            throw new UsageException(
                $"--price/--down-payment: the loan ({Money(loan)}) plus the down payment ({Money(d)}) must equal the price ({Money(p)}); give one of the two and the other follows.");
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

    // ------------------------------------------------------------------ the loan: single or combined

    /// <summary>The loan judged: a single loan (with the spec that names its JSON paths) or a combined loan.</summary>
    private sealed class Subject(Loan? single, LoanSpec? guard, CombinedSpec? combined)
    {
        internal bool IsCombined => combined is not null;

        internal decimal Principal => single?.Principal ?? combined!.Loan.Principal;

        internal void Validate()
        {
            if (combined is not null)
            {
                combined.BuildSchedule();
            }
            else
            {
                guard!.BuildSchedule();
            }
        }

        internal T Guard<T>(Func<T> action) => guard is null ? WithCombinedErrors(action) : guard.Guard(action);

        internal AffordabilityReport Evaluate(AffordabilityPolicy policy, Household household, Purchase? purchase) => single is not null
            ? Guard(() => policy.Evaluate(household, single, purchase))
            : Guard(() => policy.Evaluate(household, combined!.Loan, purchase));

        internal AffordabilitySolution MaxLoan(AffordabilityPolicy policy, Household household) => single is not null
            ? Guard(() => AffordabilitySolver.MaxLoan(policy, household, single))
            : Guard(() => AffordabilitySolver.MaxLoan(policy, household, CombinedFor()));

        internal AffordabilitySolution MaxPrice(AffordabilityPolicy policy, Household household, decimal down) => single is not null
            ? Guard(() => AffordabilitySolver.MaxPrice(policy, household, down, single))
            : Guard(() => AffordabilitySolver.MaxPrice(policy, household, down, CombinedFor()));

        internal AffordabilitySolution MinIncome(AffordabilityPolicy policy, Household household, Purchase? purchase) => single is not null
            ? Guard(() => AffordabilitySolver.MinIncome(policy, household, single, purchase))
            : Guard(() => AffordabilitySolver.MinIncome(policy, household, combined!.Loan, purchase));

        /// <summary>Each leg's schedule for a total loan of <paramref name="total"/> (one for a single loan).</summary>
        internal IReadOnlyList<(string? Leg, Schedule Schedule)> Schedules(decimal total)
        {
            if (single is not null)
            {
                Loan loan = single.Principal == total ? single : single with { Principal = total };
                return [(null, Guard(loan.BuildSchedule))];
            }

            CombinedLoan at = combined!.Loan.Principal == total ? combined.Loan : CombinedFor()(total);
            CombinedSchedule schedule = Guard(at.BuildSchedule);
            return [.. at.Legs.Select((l, k) => ((string?)l.Name, schedule.Legs[k]))];
        }

        /// <summary>How a combined loan lends a total: the provident-fund leg keeps its amount (and is filled first, as
        /// <see cref="PurchaseSplit"/> does), the other leg takes the rest.</summary>
        internal string SplitRule()
        {
            (LoanLeg fund, LoanLeg other) = TwoLegs();
            return $"the {fund.Name} leg keeps its {Money(fund.Loan.Principal)} (filled first), the {other.Name} leg takes the rest";
        }

        private Func<decimal, CombinedLoan> CombinedFor()
        {
            (LoanLeg fund, LoanLeg other) = TwoLegs();
            decimal fundAmount = fund.Loan.Principal;
            bool fundFirst = combined!.Loan.Legs[0] == fund;
            return total =>
            {
                if (total <= fundAmount)
                {
                    return new CombinedLoan(fund with { Loan = fund.Loan with { Principal = total } });
                }

                LoanLeg rest = other with { Loan = other.Loan with { Principal = total - fundAmount } };
                return fundFirst ? new CombinedLoan(fund, rest) : new CombinedLoan(rest, fund);
            };
        }

        private (LoanLeg Fund, LoanLeg Other) TwoLegs()
        {
            IReadOnlyList<LoanLeg> legs = combined!.Loan.Legs;
            LoanLeg? fund = legs.FirstOrDefault(l => string.Equals(l.Name, PurchaseSplit.ProvidentFundLeg, StringComparison.OrdinalIgnoreCase));
            if (legs.Count != 2 || fund is null)
            {
                throw new UsageException(
                    $"--solve max-loan/max-price with a combined spec needs exactly two legs, one named '{PurchaseSplit.ProvidentFundLeg}' (kept at its amount) and one that takes the rest; this spec has {string.Join(", ", legs.Select(l => $"'{l.Name}'"))}.");
            }

            return (fund, legs[0] == fund ? legs[1] : legs[0]);
        }

        private static T WithCombinedErrors<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"$.legs: {LoanSpecReader.LibraryText(e)}");
            }
            catch (PrepaymentRuleViolationException e)
            {
                throw new UsageException($"$.legs: breaks the rule '{e.Rule}': {e.Message.Split('\n')[0]}");
            }
            catch (MissingRateFixingException e)
            {
                throw new UsageException(RateTables.MissingFixingMessage(e));
            }
        }
    }

    // ------------------------------------------------------------------ solving

    /// <summary>What is printed: the report (at the answer, for a solve), the loan it judged and the solution.</summary>
    private sealed record Outcome(
        AffordabilityPolicy Policy,
        Household Household,
        AffordabilityReport Report,
        Purchase? Purchase,
        IReadOnlyList<(string? Leg, Schedule Schedule)> Schedules,
        AffordabilitySolution? Solution,
        string? SolveNote)
    {
        internal Household ReportHousehold => Solution is { Question: "the lowest monthly income", Value: { } income }
            ? Scale(Household, income)
            : Household;

        private static Household Scale(Household household, decimal total)
        {
            // The split the library reports: in proportion to the incomes given (equally when all are 0), each rounded
            // down to the cent, the remainder to the main borrower.
            decimal current = household.MonthlyIncome;
            var borrowers = new Borrower[household.Borrowers.Count];
            decimal given = 0m;
            for (int k = borrowers.Length - 1; k >= 1; k--)
            {
                decimal share = current == 0m ? total / borrowers.Length : total * household.Borrowers[k].MonthlyIncome / current;
                share = decimal.Floor(share * 100m) / 100m;
                borrowers[k] = household.Borrowers[k] with { MonthlyIncome = share };
                given += share;
            }

            borrowers[0] = household.Borrowers[0] with { MonthlyIncome = total - given };
            return household with { Borrowers = borrowers };
        }
    }

    private static Outcome Solve(SolveFor solve, AffordabilityPolicy policy, Household household, Subject subject, Purchase? purchase, decimal? down)
    {
        AffordabilitySolution solution;
        string? note = null;
        switch (solve)
        {
            case SolveFor.MaxLoan:
                solution = subject.MaxLoan(policy, household);
                note = subject.IsCombined
                    ? $"The loan's terms are the spec's; for a combined loan {subject.SplitRule()}."
                    : "The loan's terms are given; its principal is replaced by the answer.";
                break;
            case SolveFor.MaxPrice:
                solution = subject.MaxPrice(policy, household, down!.Value);
                note = $"The loan is the price minus the down payment {Money(down.Value)}" +
                    (subject.IsCombined ? $"; for a combined loan {subject.SplitRule()}." : ", on the terms given.");
                break;
            default:
                solution = subject.MinIncome(policy, household, purchase);
                note = household.Borrowers.Count > 1
                    ? "The borrowers' incomes are scaled together, in proportion to the incomes given (equally when all are 0)."
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
        return new Outcome(policy, household, solution.Report, reportPurchase, subject.Schedules(loanAmount), solution, note);
    }

    // ------------------------------------------------------------------ figures

    internal static string Money(decimal amount) => Amounts.Grouped(amount, 2);

    private static string Result(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "pass",
        RuleOutcome.Failed => "fail",
        _ => "n.a.",
    };

    private static string UnitName(RuleUnit unit) => unit switch
    {
        RuleUnit.Percent => "percent",
        RuleUnit.Years => "years",
        _ => "money",
    };

    /// <summary>Whether the rule's limit is a minimum (a down payment ≥ a share of the price) rather than a maximum.</summary>
    private static bool IsMinimum(AffordabilityPolicy policy, RuleResult result) =>
        policy.Rule(result.Rule).Description.Contains('≥', StringComparison.Ordinal);

    private static string Figure(decimal value, RuleUnit unit, decimal limit) => unit switch
    {
        RuleUnit.Percent => Percent(value, limit) + "%",
        RuleUnit.Years => Number(value) + " years",
        _ => Money(value),
    };

    private static string Actual(RuleResult r) => r.Outcome == RuleOutcome.NotApplicable ? "—" : Figure(r.Actual, r.Unit, r.Limit);

    private static string Limit(AffordabilityPolicy policy, RuleResult r) =>
        (IsMinimum(policy, r) ? "≥ " : "≤ ") + r.Unit switch
        {
            RuleUnit.Percent => r.Limit.ToString("0.########", CultureInfo.InvariantCulture) + "%",
            _ => Figure(r.Limit, r.Unit, r.Limit),
        };

    private static string Margin(RuleResult r)
    {
        if (r.Outcome == RuleOutcome.NotApplicable)
        {
            return "—";
        }

        string sign = r.Margin < 0m ? "-" : r.Margin > 0m ? "+" : "";
        string text = r.Unit switch
        {
            RuleUnit.Percent => sign + Percent(Math.Abs(r.Margin), 0m) + " points",
            RuleUnit.Years => sign + Number(Math.Abs(r.Margin)) + " years",
            _ => sign + Money(Math.Abs(r.Margin)),
        };
        if (r.Unit != RuleUnit.Money && r.Headroom is { } headroom)
        {
            text += $" ({(headroom < 0m ? "-" : headroom > 0m ? "+" : "")}{Money(Math.Abs(headroom))})";
        }

        return text;
    }

    /// <summary>A percentage with two decimals, more when two would hide the difference from <paramref name="against"/>
    /// (6,000.01 of 12,000.00 is 50.0001%, not 50%).</summary>
    private static string Percent(decimal value, decimal against)
    {
        for (int places = 2; places < 8; places++)
        {
            decimal rounded = decimal.Round(value, places, MidpointRounding.AwayFromZero);
            if (value == against || rounded != against)
            {
                return rounded.ToString("0.00######", CultureInfo.InvariantCulture);
            }
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string PaymentLine(HighestPayment highest)
    {
        string text = highest.Description;
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string VerdictLine(AffordabilityReport report) =>
        $"Verdict: {(report.Approved ? "approved" : "not approved")} ({report.Verdict}).";

    private static string Answer(AffordabilitySolution s) => s.Value is { } value
        ? $"Answer: {s.Question} is {Money(value)}."
        : $"Answer: no value passes; {FailingAt(s.Report)} even at the most favourable value.";

    private static string? BeyondLine(AffordabilitySolution s)
    {
        if (s.Value is null)
        {
            return null;
        }

        if (s.Beyond is not { } beyond)
        {
            return s.Question == "the lowest monthly income"
                ? "Beyond: none; no rule needs more than 0.01 of income."
                : "Beyond: none; the answer is the end of the accepted range.";
        }

        string more = s.Question == "the lowest monthly income" ? "One cent less" : "One cent more";
        return $"{more}: {Money(s.BeyondValue!.Value)} is not approved: {FailingAt(beyond)}.";
    }

    private static string FailingAt(AffordabilityReport report) =>
        string.Join("; ", report.Failures.Select(r => $"{r.Rule} fails ({r.Explanation})"));

    private static List<string> HeaderLines(Outcome o)
    {
        Household h = o.ReportHousehold;
        var lines = new List<string> { $"Policy: {o.Policy.Name}." };
        foreach ((string? leg, Schedule schedule) in o.Schedules)
        {
            lines.Add(leg is null ? QuoteFigures.Summary(schedule) : $"{leg} leg: {QuoteFigures.Summary(schedule)}");
        }

        if (o.Schedules.Count > 1)
        {
            lines.Add($"Combined loan: {Money(o.Report.LoanAmount)} in {o.Schedules.Count} legs.");
        }

        string borrowers = string.Join(", ", h.Borrowers.Select((b, k) =>
            string.Create(CultureInfo.InvariantCulture, $"{(k == 0 ? "main borrower" : $"co-borrower {k}")} {Money(b.MonthlyIncome)}, age {b.Age}")));
        string household = $"Household: monthly income {Money(h.MonthlyIncome)} ({borrowers}); other debt payments {Money(h.MonthlyDebtPayments)}; other housing costs {Money(h.MonthlyHousingCosts)}";
        if (o.Policy.Rules.Any(r => r.Name.StartsWith("pf-", StringComparison.Ordinal)))
        {
            household += $"; provident-fund balance {Money(h.ProvidentFundBalance)}";
        }

        lines.Add(household + ".");
        lines.Add(o.Purchase is { } p
            ? $"Purchase: price {Money(p.Price)}, down payment {Money(p.DownPayment)}, loan {Money(p.LoanAmount)}."
            : "Purchase: none given; the price rules are not applicable.");
        return lines;
    }

    // ------------------------------------------------------------------ table and markdown

    private static string Text(Outcome o, bool markdown)
    {
        var text = new StringBuilder();
        string gap = markdown ? "\n\n" : "\n";
        string bullet = markdown ? "- " : "  ";
        if (o.Solution is { } s)
        {
            text.Append("Solve: ").Append(s.Question).Append('.').Append(gap);
            if (o.SolveNote is { } note)
            {
                text.Append(note).Append(gap);
            }

            text.Append(Answer(s)).Append(gap);
            text.Append(s.Value is null ? "The report at the most favourable value tried:" : "The report at the answer:").Append(gap);
        }

        foreach (string line in HeaderLines(o))
        {
            text.Append(markdown ? "- " : "").Append(line).Append('\n');
        }

        text.Append(markdown ? "\n" : "");
        if (markdown)
        {
            text.Append("| Rule | Result | Actual | Limit | Margin | Source |\n|---|---|---:|---:|---:|---|\n");
            foreach (RuleResult r in o.Report.Results)
            {
                text.Append($"| {r.Rule} | {Result(r.Outcome)} | {Actual(r)} | {Limit(o.Policy, r)} | {Margin(r)} | {r.Source.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }

            text.Append('\n');
        }
        else
        {
            text.Append(SpectreTable(o));
        }

        text.Append("Explanations:").Append(gap);
        foreach (RuleResult r in o.Report.Results)
        {
            text.Append(bullet).Append(r.Rule).Append(": ").Append(r.Explanation).Append('\n');
        }

        text.Append(markdown ? "\n" : "");
        text.Append("Payment judged: ").Append(PaymentLine(o.Report.HighestPayment)).Append(gap);
        text.Append(VerdictLine(o.Report)).Append('\n');
        if (o.Solution is { } solution && BeyondLine(solution) is { } beyondLine)
        {
            text.Append(markdown ? "\n" : "").Append(beyondLine).Append('\n');
        }

        return text.ToString();
    }

    private static string SpectreTable(Outcome o)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = TableScheduleWriter.WideWidth;
        console.Profile.Capabilities.Unicode = true;
        var table = new Table().Border(TableBorder.Square);
        table.AddColumn(new TableColumn("Rule").NoWrap());
        table.AddColumn(new TableColumn("Result").NoWrap());
        table.AddColumn(new TableColumn("Actual").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Limit").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Margin").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Source"));
        foreach (RuleResult r in o.Report.Results)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(r.Rule), new Text(Result(r.Outcome)), new Text(Actual(r)), new Text(Limit(o.Policy, r)),
                new Text(Margin(r)), new Text(r.Source),
            });
        }

        console.Write(table);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ json

    private static string Json(Outcome o)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("policy", o.Policy.Name);
            WriteHousehold(json, o.ReportHousehold);
            WriteLoan(json, o);
            json.WritePropertyName("purchase");
            if (o.Purchase is { } p)
            {
                json.WriteStartObject();
                JsonScheduleWriter.WriteAmount(json, "price", p.Price, 2);
                JsonScheduleWriter.WriteAmount(json, "down_payment", p.DownPayment, 2);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            WriteReportFields(json, o.Policy, o.Report);
            if (o.Solution is { } s)
            {
                json.WriteStartObject("solution");
                json.WriteString("question", s.Question);
                json.WriteBoolean("found", s.Found);
                JsonScheduleWriter.WriteAmount(json, "value", s.Value, 2);
                JsonScheduleWriter.WriteAmount(json, "beyond_value", s.BeyondValue, 2);
                json.WriteStartArray("binding_rules");
                foreach (string rule in s.BindingRules)
                {
                    json.WriteStringValue(rule);
                }

                json.WriteEndArray();
                json.WriteString("explanation", s.Explanation);
                if (o.SolveNote is { } note)
                {
                    json.WriteString("note", note);
                }

                json.WritePropertyName("beyond");
                if (s.Beyond is { } beyond)
                {
                    json.WriteStartObject();
                    JsonScheduleWriter.WriteAmount(json, "loan_amount", beyond.LoanAmount, 2);
                    JsonScheduleWriter.WriteAmount(json, "monthly_income", beyond.MonthlyIncome, 2);
                    WriteReportFields(json, o.Policy, beyond);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteHousehold(Utf8JsonWriter json, Household h)
    {
        json.WriteStartObject("household");
        json.WriteStartArray("borrowers");
        foreach (Borrower b in h.Borrowers)
        {
            json.WriteStartObject();
            JsonScheduleWriter.WriteAmount(json, "monthly_income", b.MonthlyIncome, 2);
            json.WriteNumber("age", b.Age);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonScheduleWriter.WriteAmount(json, "monthly_income", h.MonthlyIncome, 2);
        JsonScheduleWriter.WriteAmount(json, "monthly_debt_payments", h.MonthlyDebtPayments, 2);
        JsonScheduleWriter.WriteAmount(json, "monthly_housing_costs", h.MonthlyHousingCosts, 2);
        JsonScheduleWriter.WriteAmount(json, "provident_fund_balance", h.ProvidentFundBalance, 2);
        json.WriteEndObject();
    }

    private static void WriteLoan(Utf8JsonWriter json, Outcome o)
    {
        json.WriteStartObject("loan");
        JsonScheduleWriter.WriteAmount(json, "principal", o.Report.LoanAmount, 2);
        if (o.Schedules.Count == 1 && o.Schedules[0].Leg is null)
        {
            Schedule s = o.Schedules[0].Schedule;
            json.WriteNumber("periods", s.Loan.Periods);
            json.WriteString("method", s.Loan.Method.Name);
            json.WriteString("disbursement", Amounts.Date(s.Loan.Disbursement));
            json.WriteString("summary", QuoteFigures.Summary(s));
        }
        else
        {
            json.WriteStartArray("legs");
            foreach ((string? leg, Schedule s) in o.Schedules)
            {
                json.WriteStartObject();
                json.WriteString("name", leg);
                JsonScheduleWriter.WriteAmount(json, "principal", s.Loan.Principal, s.Loan.Rounding.DecimalPlaces);
                json.WriteNumber("periods", s.Loan.Periods);
                json.WriteString("method", s.Loan.Method.Name);
                json.WriteString("summary", QuoteFigures.Summary(s));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteReportFields(Utf8JsonWriter json, AffordabilityPolicy policy, AffordabilityReport report)
    {
        json.WriteStartArray("rules");
        foreach (RuleResult r in report.Results)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Rule);
            json.WriteString("outcome", Result(r.Outcome));
            json.WritePropertyName("actual");
            if (r.Outcome == RuleOutcome.NotApplicable)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(Amounts.Exact(r.Actual));
            }

            json.WritePropertyName("limit");
            json.WriteRawValue(Amounts.Exact(r.Limit));
            json.WriteString("limit_kind", IsMinimum(policy, r) ? "minimum" : "maximum");
            json.WritePropertyName("margin");
            if (r.Outcome == RuleOutcome.NotApplicable)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(Amounts.Exact(r.Margin));
            }

            JsonScheduleWriter.WriteAmount(json, "headroom", r.Outcome == RuleOutcome.NotApplicable ? null : r.Headroom, 2);
            json.WriteString("unit", UnitName(r.Unit));
            json.WriteString("source", r.Source);
            json.WriteString("explanation", r.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        HighestPayment h = report.HighestPayment;
        json.WriteStartObject("highest_payment");
        JsonScheduleWriter.WriteAmount(json, "amount", h.Amount, 2);
        json.WriteString("date", Amounts.Date(h.Date));
        if (h.Period is { } period)
        {
            json.WriteNumber("period", period);
        }
        else
        {
            json.WriteNull("period");
        }

        json.WriteBoolean("is_first_payment", h.IsFirstPayment);
        JsonScheduleWriter.WriteAmount(json, "first_payment", h.FirstPayment, 2);
        json.WriteString("description", h.Description);
        json.WriteEndObject();
        json.WriteBoolean("approved", report.Approved);
        json.WriteString("verdict", report.Verdict);
    }
}
