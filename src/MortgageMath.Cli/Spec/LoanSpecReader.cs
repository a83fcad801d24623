using NodaTime;
using Specs = MortgageMath.Specs;

namespace MortgageMath.Cli.Spec;

/// <summary>
/// A single loan the tool works on, read from a loan spec (through the library's <see cref="Specs.LoanSpec"/>) or
/// given by the loan options, with what turns a later library error (raised while a schedule or a quote is built)
/// into one line naming the JSON path, or the option, at fault. The path comes from the exception's data
/// (<see cref="LoanEventException.EventIndex"/>, <see cref="ArgumentException.ParamName"/>), never from its message.
/// </summary>
internal sealed class LoanSpec
{
    private readonly Specs.LoanDocument? _document;
    private readonly string? _eventOption;
    private readonly string _root;

    private LoanSpec(Loan loan, Specs.LoanDocument? document, string? eventOption, string root = "$")
    {
        Loan = loan;
        _document = document;
        _eventOption = eventOption;
        _root = root;
    }

    /// <summary>The loan.</summary>
    internal Loan Loan { get; }

    /// <summary>The spec document the loan was read from (a leg's own document, without payments or policy, for a
    /// leg), or null when it came from the options.</summary>
    internal Specs.LoanDocument? Document => _document;

    /// <summary>A loan read from a spec document (a single loan).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The wrapper.</returns>
    internal static LoanSpec FromDocument(Specs.LoanDocument document) => new(document.Loan!, document, null);

    /// <summary>One leg of a combined spec as a loan of its own: its errors name paths under <paramref name="root"/>
    /// (<c>$.legs[1]</c>), where the leg's fields stand in the combined document.</summary>
    /// <param name="leg">The leg's loan.</param>
    /// <param name="root">The leg's JSON path.</param>
    /// <returns>The wrapper.</returns>
    internal static LoanSpec FromLeg(Loan leg, string root) => new(leg, new Specs.LoanDocument(leg), null, root);

    /// <summary>
    /// A loan given by the command-line options: library errors name the option (<c>--start</c>, <c>--method</c>…);
    /// errors about events name <paramref name="eventOption"/> (the option that added the prepayment).
    /// </summary>
    /// <param name="loan">The loan.</param>
    /// <param name="eventOption">The option an event error is about, e.g. <c>--date</c>.</param>
    /// <returns>The wrapper.</returns>
    internal static LoanSpec FromOptions(Loan loan, string eventOption) => new(loan, null, eventOption);

    /// <summary>Builds the schedule; a library error becomes a <see cref="UsageException"/> naming the JSON path.</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="UsageException">The terms do not fit together, a rule is broken, or a fixing is missing.</exception>
    internal Schedule BuildSchedule() => Guard(Loan.BuildSchedule);

    /// <summary>
    /// Runs <paramref name="action"/> (something that builds schedules of this loan); a library error becomes a
    /// <see cref="UsageException"/> naming the JSON path (or option) it is about.
    /// </summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="action">The action.</param>
    /// <param name="extraEvent">An event the command adds after the loan's own (e.g. the prepayment of <c>--date</c>), by date and the option to name.</param>
    /// <returns>What the action returns.</returns>
    /// <exception cref="UsageException">The library refused.</exception>
    internal T Guard<T>(Func<T> action, (LocalDate Date, string Path)? extraEvent = null)
    {
        try
        {
            return action();
        }
        catch (MissingRateFixingException e)
        {
            throw new UsageException(RateTables.MissingFixingMessage(e));
        }
        catch (Exception e) when (e is ArgumentException or PrepaymentRuleViolationException)
        {
            throw new UsageException(MessageFor(e, extraEvent));
        }
    }

    /// <summary>The error line (without <c>error: </c>) for a library refusal: the path or option, then the message.</summary>
    private string MessageFor(Exception exception, (LocalDate Date, string Path)? extraEvent)
    {
        int? eventIndex = exception switch
        {
            LoanEventException e => e.EventIndex,
            TermExtensionException e => e.EventIndex,
            PrepaymentRuleViolationException { EventIndex: { } i } => i,
            _ => null,
        };
        string text = exception is PrepaymentRuleViolationException rule
            ? Localization.Language.Format(Resources.CliText.Error_BreaksRule, rule.Rule, FirstLine(rule.Message))
            : LoanSpecReader.LibraryText((ArgumentException)exception);

        // An event the command added (it follows the loan's own events) is named by its option.
        if (eventIndex is { } index && index >= Loan.Events.Count && extraEvent is { } extra)
        {
            return $"{extra.Path}: {text}";
        }

        if (_document is not null)
        {
            Specs.SpecError? error = _document.ErrorFor(exception);
            return error is null ? text : $"{_root}{error.Path[1..]}: {error.Message}";
        }

        if (eventIndex is not null)
        {
            return $"{_eventOption}: {text}";
        }

        return exception is ArgumentException argument ? CliApp.LibraryMessage(argument) : text;
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}

/// <summary>
/// Reads loan spec files for the tool through the library (<see cref="Specs.LoanSpec"/>): the file is read with the
/// tool's size limit and messages, then every error the library finds is a line <c>path: message</c>; the first one is
/// reported.
/// </summary>
internal static class LoanSpecReader
{
    /// <summary>The name the combined CSV gives its sum rows; no leg may be called so (ignoring case).</summary>
    internal const string CombinedTotalName = "total";

    /// <summary>Reads a spec file that may describe a single loan or a combined loan (<c>"legs"</c>).</summary>
    /// <param name="file">The file, UTF-8.</param>
    /// <param name="table">The rate table to start from (the shipped history, maybe with a <c>--rates</c> file).</param>
    /// <returns>Either the single loan's spec or the combined loan's spec (exactly one is not null).</returns>
    /// <exception cref="UsageException">The file cannot be read or is not a valid spec; the message names the JSON path.</exception>
    internal static (LoanSpec? Single, CombinedSpec? Combined) ReadAnyFile(string file, RateTable table) =>
        ParseAny(InputFiles.ReadText("--spec", file), table, file);

    /// <summary>Reads a spec that may describe a single loan or a combined loan (<c>"legs"</c>) from its text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="table">The rate table to start from.</param>
    /// <param name="source">The file name, for JSON syntax errors.</param>
    /// <returns>Either the single loan's spec or the combined loan's spec (exactly one is not null).</returns>
    /// <exception cref="UsageException">The text is not a valid spec; the message names the JSON path.</exception>
    internal static (LoanSpec? Single, CombinedSpec? Combined) ParseAny(string json, RateTable table, string source = "spec")
    {
        if (!Specs.LoanSpec.TryParse(json, table, out Specs.LoanDocument? document, out IReadOnlyList<Specs.SpecError> errors))
        {
            Specs.SpecError first = errors[0];
            throw new UsageException(first.Line is not null ? $"{source}: {first}" : first.ToString());
        }

        return document.IsCombined ? (null, new CombinedSpec(document)) : (LoanSpec.FromDocument(document), null);
    }

    /// <summary>A library message as one line: the first line, without the <c>(Parameter 'x')</c> tail .NET appends for
    /// <see cref="ArgumentException.ParamName"/> (the tail is built from the parameter's name, so it is removed exactly).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The text.</returns>
    internal static string LibraryText(ArgumentException exception)
    {
        string message = exception.Message;
        int end = message.IndexOfAny(['\r', '\n']);
        if (end >= 0)
        {
            message = message[..end];
        }

        string tail = $" (Parameter '{exception.ParamName}')";
        return (exception.ParamName is not null && message.EndsWith(tail, StringComparison.Ordinal) ? message[..^tail.Length] : message).Trim();
    }
}
