using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage</c> tool. Parses the command line, runs the command and turns every failure into one line on
/// standard error that begins with <c>error:</c>: exit code 2 for bad input (<see cref="ExitCodes"/>), never a stack trace.
/// The tool speaks the language of <c>--lang</c> (a global option), else of the user's UI culture, else English
/// (<see cref="Language"/>); the <c>error:</c> prefix is the same in every language, so scripts can look for it.
/// </summary>
internal static partial class CliApp
{
    /// <summary>Runs the tool with today as the default disbursement date.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where output and help go.</param>
    /// <param name="stderr">Where the error line goes.</param>
    /// <returns>The exit code: 0 ok, 1 output could not be written, 2 bad input.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, static () => LocalDate.FromDateTime(DateTime.Today));

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where output and help go.</param>
    /// <param name="stderr">Where the error line goes.</param>
    /// <param name="today">Supplies the default disbursement date.</param>
    /// <returns>The exit code: 0 ok, 1 output could not be written, 2 bad input.</returns>
    /// <param name="stdin">Standard input (<c>--spec -</c>); the console's when null.</param>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<LocalDate> today, TextReader? stdin = null)
    {
        // The texts (Resources/CliText.*.resx, and System.CommandLine's own parse errors) follow CurrentUICulture:
        // set for this run only, on this thread, and restored, so that runs in one process (the tests) do not interfere.
        CultureInfo caller = CultureInfo.CurrentUICulture;
        // The form of the error line is this run's choice, made before anything can fail (a bad --lang included).
        ErrorsAsJson.Value = VerifyCommand.WantsJsonErrors(args);
        try
        {
            CultureInfo.CurrentUICulture = Language.Default(caller);
            if (!TryChooseLanguage(args, out CultureInfo language, out string? problem))
            {
                return Fail(stderr, problem, ExitCodes.BadInput);
            }

            CultureInfo.CurrentUICulture = language;
            return RunIn(args, stdout, stderr, today, stdin);
        }
        finally
        {
            CultureInfo.CurrentUICulture = caller;
        }
    }

    /// <summary>The global option <c>--lang</c>: the language of everything the tool writes for people.</summary>
    internal static Option<string> LanguageOption() => new("--lang")
    {
        Description = CliText.Help_Root_Lang,
        HelpName = "en|zh-CN",
        Recursive = true,
    };

    /// <summary>
    /// The language asked for by <c>--lang X</c> (or <c>--lang=X</c>, <c>--lang:X</c>), read before the command line is
    /// parsed so that the parser's own messages are in that language too; <see cref="CultureInfo.CurrentUICulture"/> when absent.
    /// </summary>
    private static bool TryChooseLanguage(string[] args, out CultureInfo language, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        language = CultureInfo.CurrentUICulture;
        problem = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--lang")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith('-'))
                {
                    problem = CliText.Error_LangMissing;
                    return false;
                }

                value = args[i + 1];
            }
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
            {
                value = args[i]["--lang=".Length..];
            }

            if (value is not null)
            {
                if (!Language.TryParse(value, out language))
                {
                    problem = Language.Format(CliText.Error_Lang, ArgumentParsers.Echo(value));
                    return false;
                }

                return true;
            }
        }

        return true;
    }

    private static int RunIn(string[] args, TextWriter stdout, TextWriter stderr, Func<LocalDate> today, TextReader? stdin)
    {
        InputFiles.StandardInput.Value = stdin;
        var schedule = new ScheduleCommand(today);
        var prepay = new PrepayCommand(today);
        var payoff = new PayoffCommand(today);
        var afford = new AffordCommand(today);
        var rates = new RatesCommand();
        var apr = new AprCommand(today);
        var tvm = new TvmCommand();
        var spec = new SpecCommand();
        var account = new AccountCommand(today);
        var statement = new StatementCommand(today);
        var verify = new VerifyCommand();
        var book = new BookCommand(today);
        var report = new ReportCommand(today);
        RootCommand root = BuildRoot(schedule.Command, prepay.Command, payoff.Command, account.Command, statement.Command, afford.Command, rates.Command, apr.Command, tvm.Command, spec.Command, verify.Command, book.Command, report.Command);
        try
        {
            ParseResult result = root.Parse(args);
            // Help and version clear the parser's errors, but a token nobody knows is still an error
            // (`mortgage -h --foo`, `mortgage --version x` must not exit 0).
            if (result.Action is ParseErrorAction || result.UnmatchedTokens.Count > 0)
            {
                string message = FirstParseError(result);
                string helpFor = CommandPath(result.CommandResult) + " --help";
                string? nearest = result.UnmatchedTokens.Count > 0 ? Nearest(result.UnmatchedTokens[0], result.CommandResult.Command) : null;
                return Fail(stderr, nearest is null
                    ? Language.Format(CliText.Error_SeeHelp, FirstLine(message).TrimEnd('.', '。'), helpFor)
                    : Language.Format(CliText.Error_SeeHelpSuggest, FirstLine(message).TrimEnd('.', '。'), nearest, helpFor), ExitCodes.BadInput);
            }

            schedule.Command.SetAction(parseResult => schedule.Execute(parseResult, stdout));
            prepay.Command.SetAction(parseResult => prepay.Execute(parseResult, stdout));
            payoff.Command.SetAction(parseResult => payoff.Execute(parseResult, stdout));
            account.Command.SetAction(parseResult => account.Execute(parseResult, stdout));
            statement.Command.SetAction(parseResult => statement.Execute(parseResult, stdout));
            verify.Command.SetAction(parseResult => verify.Execute(parseResult, stdout));
            afford.Command.SetAction(parseResult => afford.Execute(parseResult, stdout));
            rates.Command.SetAction(parseResult => rates.Execute(parseResult, stdout));
            apr.Command.SetAction(parseResult => apr.Execute(parseResult, stdout));
            report.Command.SetAction(parseResult => report.Execute(parseResult, stdout));
            tvm.Bind(stdout);
            spec.Bind(stdout);
            book.Bind(stdout, stderr);
            // Help is written to a buffer first, so that the one heading System.CommandLine's satellite leaves in
            // English ("Description:") is written in the run's language (its help builder is internal in 2.0.0).
            StringWriter? help = result.Action is HelpAction ? new StringWriter(CultureInfo.InvariantCulture) : null;
            int code = result.Invoke(new InvocationConfiguration
            {
                Output = help ?? stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
            if (help is not null)
            {
                stdout.Write(HelpHeading().Replace(help.ToString(), CliText.Help_DescriptionHeading));
            }

            return code;
        }
        catch (OutputWriteException e)
        {
            return Fail(stderr, e.Message, ExitCodes.Failure);
        }
        catch (UsageException e)
        {
            return Fail(stderr, e.Message, ExitCodes.BadInput, e.Path, e.Line, e.Column);
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, LibraryMessage(e), ExitCodes.BadInput);
        }
        catch (MissingRateFixingException e)
        {
            return Fail(stderr, RateTables.MissingFixingMessage(e), ExitCodes.BadInput);
        }
        catch (PrepaymentRuleViolationException e)
        {
            return Fail(stderr, Language.Format(CliText.Error_BreaksRule, e.Rule, FirstLine(e.Message)), ExitCodes.BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, Language.Format(CliText.Error_CouldNotWrite, FirstLine(e.Message)), ExitCodes.Failure);
        }
#pragma warning disable CA1031 // The tool's contract is one error line and an exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(stderr, Language.Format(CliText.Error_Unexpected, e.GetType().Name, FirstLine(e.Message)), ExitCodes.Failure);
        }
    }

    /// <summary>
    /// The library's message as one line naming the CLI option: the message without the <c> (Parameter 'x')</c> and
    /// <c>Actual value was</c> tails .NET appends, prefixed with the option the parameter came from (by
    /// <see cref="ArgumentException.ParamName"/>, never by the message's words).
    /// </summary>
    /// <param name="exception">The library's exception.</param>
    /// <returns>The line, without the <c>error: </c> prefix.</returns>
    internal static string LibraryMessage(ArgumentException exception)
    {
        string message = Spec.LoanSpecReader.LibraryText(exception);

        string? option = exception.ParamName switch
        {
            nameof(Loan.Principal) => "--principal",
            "annualRate" or nameof(Loan.RatePlan) or "percent" or "basisPoints" => "--rate",
            nameof(Loan.Periods) => "--months/--years",
            nameof(Loan.Disbursement) => "--start",
            nameof(Loan.RepaymentDay) => "--payment-day",
            nameof(Loan.Method) => "--method",
            _ => null,
        };
        return option is null ? message : $"{option}: {message}";
    }

    private static RootCommand BuildRoot(params Command[] commands)
    {
        var root = new RootCommand(CliText.Help_Root);
        root.Options.Add(LanguageOption());
        foreach (Command command in commands)
        {
            root.Subcommands.Add(command);
        }

        foreach (Option option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help })
            {
                help.MaxWidth = 120;
                // System.CommandLine's zh-Hans satellite leaves this one in English.
                option.Description = CliText.Help_HelpOption;
            }
        }

        return root;
    }

    /// <summary>
    /// The parse error to show: the first one, except that a word the parser did not recognise is reported before
    /// the "required command" error it causes (<c>mortgage shedule</c> is a typo, not a missing command).
    /// </summary>
    private static string FirstParseError(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return result.UnmatchedTokens.Count > 0
                ? Language.Format(CliText.Error_Unrecognized, result.UnmatchedTokens[0])
                : CliText.Error_CommandLineUnreadable;
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in result.Errors)
            {
                if (error.Message.Contains($"'{result.UnmatchedTokens[0]}'", StringComparison.Ordinal))
                {
                    return InRunLanguage(error, result);
                }
            }
        }

        return InRunLanguage(result.Errors[0], result);
    }

    /// <summary>
    /// A parse error in the run's language. System.CommandLine's zh-Hans satellite leaves two of its texts English: an
    /// option given too many values and a required option missing; those are recognised from the parse result (the
    /// option's result and its tokens, the command's required options it lacks) and written from CliText. Any other
    /// error is the parser's own text, already in the run's language.
    /// </summary>
    private static string InRunLanguage(System.CommandLine.Parsing.ParseError error, ParseResult result)
    {
        switch (error.SymbolResult)
        {
            case System.CommandLine.Parsing.OptionResult given when given.Option.Arity.MaximumNumberOfValues == 1 && given.Tokens.Count > 1:
                return Language.Format(CliText.Error_OptionOneValue, given.Option.Name, given.Tokens.Count);
        }

        // A required option missing: the error names it; the command parsed (or the error's own) lacks it.
        IEnumerable<Option> options = error.SymbolResult is System.CommandLine.Parsing.CommandResult command
            ? command.Command.Options.Concat(result.CommandResult.Command.Options)
            : result.CommandResult.Command.Options;
        foreach (Option option in options)
        {
            // (A value-type option, Option<int>, has an implicit result when it is missing.)
            if (option.Required && result.GetResult(option) is null or System.CommandLine.Parsing.OptionResult { Implicit: true }
                && error.Message.Contains($"'{option.Name}'", StringComparison.Ordinal))
            {
                return Language.Format(CliText.Error_OptionMissing, option.Name);
            }
        }

        return error.Message;
    }

    /// <summary>The option or subcommand of <paramref name="command"/> (or a recursive option of its parents) nearest to an
    /// unknown token, when it is a likely typo (at most two edits away, and not the whole token): <c>--yeras</c> →
    /// <c>--years</c>, <c>shedule</c> → <c>schedule</c>; null otherwise.</summary>
    internal static string? Nearest(string token, Command command)
    {
        var names = new List<string>();
        foreach (Command sub in command.Subcommands)
        {
            names.Add(sub.Name);
        }

        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (Option option in c.Options)
            {
                if (ReferenceEquals(c, command) || option.Recursive)
                {
                    names.Add(option.Name);
                }
            }
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            int distance = EditDistance(token, name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return bestDistance <= Math.Min(2, token.TrimStart('-').Length - 1) ? best : null;
    }

    /// <summary>The number of single-character insertions, deletions, substitutions or swaps of neighbours that turn
    /// one text into the other (optimal string alignment distance).</summary>
    private static int EditDistance(string a, string b)
    {
        int[,] d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The command line that names the command, e.g. <c>mortgage tvm pmt</c>, for "see '... --help'".</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.CommandResult? at = result; at is not null && at.Command is not RootCommand; at = at.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, at.Command.Name);
        }

        return names.Count == 0 ? "mortgage" : "mortgage " + string.Join(' ', names);
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }

    /// <summary>True when this run writes its error as a JSON object (<c>verify --errors json</c>); flows with the run.</summary>
    private static readonly AsyncLocal<bool> ErrorsAsJson = new();

    private static int Fail(TextWriter stderr, string message, int exitCode, string? path = null, int? line = null, string? column = null)
    {
        stderr.Write(ErrorsAsJson.Value ? ErrorJson.Line(exitCode, message, path, line, column) : "error: " + message + "\n");
        stderr.Flush();
        return exitCode;
    }

    /// <summary>The line System.CommandLine writes above a command's description in <c>--help</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^Description:$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex HelpHeading();
}
