using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Cli.Spec;

/// <summary>
/// A loan read from a loan spec file (or from the loan options), with what is needed to point a later library error
/// (raised while a schedule or a quote is built) at the JSON value, or the option, that caused it.
/// </summary>
internal sealed class LoanSpec
{
    private readonly Dictionary<string, string> _paths;
    private readonly List<(LocalDate Date, string Path)> _events;

    internal LoanSpec(Loan loan, Dictionary<string, string> paths, List<(LocalDate Date, string Path)> events)
    {
        Loan = loan;
        _paths = paths;
        _events = events;
    }

    /// <summary>The loan.</summary>
    internal Loan Loan { get; }

    /// <summary>
    /// A loan given by the command-line options: library errors name the option (<c>--start</c>, <c>--method</c>…);
    /// errors about events name <paramref name="eventOption"/> (the option that added the prepayment).
    /// </summary>
    /// <param name="loan">The loan.</param>
    /// <param name="eventOption">The option an event error is about, e.g. <c>--date</c>.</param>
    /// <returns>The wrapper.</returns>
    internal static LoanSpec FromOptions(Loan loan, string eventOption) => new(loan, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Loan.Principal)] = "--principal",
        [nameof(Loan.RatePlan)] = "--rate",
        [nameof(Loan.Periods)] = "--months/--years",
        [nameof(Loan.Disbursement)] = "--start",
        [nameof(Loan.RepaymentDay)] = "--payment-day",
        [nameof(Loan.Method)] = "--method",
        [nameof(Loan.Events)] = eventOption,
    }, []);

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
    /// <param name="extraEvent">An event the command adds (e.g. the prepayment of <c>--date</c>), by date and the option to name.</param>
    /// <returns>What the action returns.</returns>
    /// <exception cref="UsageException">The library refused.</exception>
    internal T Guard<T>(Func<T> action, (LocalDate Date, string Path)? extraEvent = null)
    {
        List<(LocalDate Date, string Path)> events = extraEvent is { } extra ? [.. _events, extra] : _events;
        try
        {
            return action();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(MessageFor(e, _paths, events));
        }
        catch (PrepaymentRuleViolationException e)
        {
            throw new UsageException(RuleMessage(e, events));
        }
        catch (MissingRateFixingException e)
        {
            throw new UsageException(RateTables.MissingFixingMessage(e));
        }
    }

    /// <summary>The message of a library exception, prefixed with the JSON path of the value it is about when known.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>One line, without <c>error: </c>.</returns>
    internal string MessageFor(ArgumentException exception) => MessageFor(exception, _paths, _events);

    /// <summary>The message of a library exception, prefixed with the JSON path from <paramref name="paths"/> (by parameter name) or <paramref name="events"/> (by date).</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="paths">JSON paths by the loan property's name.</param>
    /// <param name="events">The events' dates and JSON paths.</param>
    /// <returns>One line, without <c>error: </c>.</returns>
    internal static string MessageFor(ArgumentException exception, Dictionary<string, string> paths, List<(LocalDate Date, string Path)> events)
    {
        string message = LoanSpecReader.LibraryText(exception);
        string? path = exception.ParamName == nameof(Loan.Events) && events.Count > 0
            ? EventPath(message, events)
            : exception.ParamName is { } name && paths.TryGetValue(name, out string? p) ? p : null;
        return path is null ? message : $"{path}: {message}";
    }

    /// <summary>A broken prepayment rule as one line: the event's path, the rule's name, the library's message.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="events">The events' dates and JSON paths.</param>
    /// <returns>One line, without <c>error: </c>.</returns>
    internal static string RuleMessage(PrepaymentRuleViolationException exception, List<(LocalDate Date, string Path)> events)
    {
        string message = $"breaks the rule '{exception.Rule}': {FirstLine(exception.Message)}";
        string? path = events.Count > 0 ? EventPath(message, events) : null;
        return path is null ? message : $"{path}: {message}";
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }

    /// <summary>The path of the event a message is about: the event whose date is the last date the message names
    /// ("... after disbursement (D) ...; was E."), else the only event, else <c>$.events</c>.</summary>
    private static string EventPath(string message, List<(LocalDate Date, string Path)> events)
    {
        // "The prepayment of X on D ..." / "A prepayment on D comes after ...": D is the event's own date.
        Match own = Regex.Match(message, @"[Pp]repayment (?:of \S+ )?on (\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        List<string> candidates = [.. Regex.Matches(message, @"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Select(m => m.Value)];
        if (own.Success)
        {
            candidates.Add(own.Groups[1].Value);
        }

        for (int i = candidates.Count - 1; i >= 0; i--)
        {
            if (LocalDatePattern.Iso.Parse(candidates[i]) is { Success: true } parsed)
            {
                foreach ((LocalDate eventDate, string eventPath) in events)
                {
                    if (eventDate == parsed.Value)
                    {
                        return eventPath;
                    }
                }
            }
        }

        if (events.Count == 1)
        {
            return events[0].Path;
        }

        // Several events and none matched: the events list itself ("$.events", or "$.legs[1].events" in a leg).
        string first = events[0].Path;
        int bracket = first.LastIndexOf('[');
        return first.EndsWith(']') && bracket > 0 ? first[..bracket] : "$.events";
    }
}

/// <summary>
/// Reads a loan spec (a JSON file describing a whole loan, see <c>docs/loan-spec.md</c>) into a <see cref="Loan"/>.
/// Walks the document itself so that every mistake is reported as <c>$.json.path: what is wrong and how to write it</c>.
/// Unknown properties are errors (typos are caught); the <c>version</c> is checked first, so a file written for a
/// newer tool is reported as such rather than as a list of unknown properties.
/// </summary>
internal static class LoanSpecReader
{
    /// <summary>The newest spec version this tool reads (it reads every version from 1 up to it).</summary>
    internal const int CurrentVersion = 2;

    private static readonly string[] RootPropertiesV1 =
    [
        "$schema", "version", "description", "principal", "disbursement", "months", "years", "repayment_day", "first_due_date",
        "method", "rounding", "day_count", "odd_first_period", "rate_change_interest", "rate", "events", "rates",
    ];

    /// <summary>The root properties version 2 adds.</summary>
    private static readonly string[] RootPropertiesAddedInV2 = ["prepayment_interest", "prepayment_penalty", "prepayment_rules"];

    /// <summary>The loan fields: what a single-loan spec and each leg of a combined spec describe a loan with.</summary>
    private static readonly string[] LoanProperties =
    [
        "principal", "disbursement", "months", "years", "repayment_day", "first_due_date", "method", "rounding", "day_count",
        "odd_first_period", "rate_change_interest", "rate", "events", "prepayment_interest", "prepayment_penalty", "prepayment_rules",
    ];

    /// <summary>The root properties of a combined spec (version 2): the legs instead of the loan fields.</summary>
    private static readonly string[] CombinedRootProperties = ["$schema", "version", "description", "legs", "rates"];

    /// <summary>The properties of a leg: its name, a description, the loan fields and its own rate table adjustments.</summary>
    private static readonly string[] LegProperties = ["name", "description", .. LoanProperties, "rates"];

    /// <summary>The name the combined CSV gives its sum rows; no leg may be called so (ignoring case).</summary>
    internal const string CombinedTotalName = "total";

    /// <summary>Reads a spec file.</summary>
    /// <param name="file">The file, UTF-8.</param>
    /// <param name="table">The rate table to start from (the shipped history, maybe with a <c>--rates</c> file).</param>
    /// <returns>The loan spec.</returns>
    /// <exception cref="UsageException">The file cannot be read or is not a valid spec; the message names the JSON path.</exception>
    internal static LoanSpec ReadFile(string file, RateTable table) => Parse(ReadText(file), table, file);

    /// <summary>Reads a spec from its text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="table">The rate table to start from.</param>
    /// <param name="source">The file name, for JSON syntax errors.</param>
    /// <returns>The loan spec.</returns>
    /// <exception cref="UsageException">The text is not a valid spec; the message names the JSON path.</exception>
    internal static LoanSpec Parse(string json, RateTable table, string source = "spec")
    {
        JsonDocument document = ParseDocument(json, source);
        using (document)
        {
            return new Walker(table).Read(document.RootElement);
        }
    }

    /// <summary>Reads a spec file that may describe a single loan or a combined loan (<c>"legs"</c>).</summary>
    /// <param name="file">The file, UTF-8.</param>
    /// <param name="table">The rate table to start from.</param>
    /// <returns>Either the single loan's spec or the combined loan's spec (exactly one is not null).</returns>
    /// <exception cref="UsageException">The file cannot be read or is not a valid spec; the message names the JSON path.</exception>
    internal static (LoanSpec? Single, CombinedSpec? Combined) ReadAnyFile(string file, RateTable table) =>
        ParseAny(ReadText(file), table, file);

    /// <summary>Reads a spec that may describe a single loan or a combined loan (<c>"legs"</c>) from its text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="table">The rate table to start from.</param>
    /// <param name="source">The file name, for JSON syntax errors.</param>
    /// <returns>Either the single loan's spec or the combined loan's spec (exactly one is not null).</returns>
    /// <exception cref="UsageException">The text is not a valid spec; the message names the JSON path.</exception>
    internal static (LoanSpec? Single, CombinedSpec? Combined) ParseAny(string json, RateTable table, string source = "spec")
    {
        using JsonDocument document = ParseDocument(json, source);
        return new Walker(table).ReadAny(document.RootElement);
    }

    private static string ReadText(string file) => InputFiles.ReadText("--spec", file);

    private static JsonDocument ParseDocument(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            string message = e.Message;
            int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (tail >= 0)
            {
                message = message[..tail];
            }

            string where = e.LineNumber is { } line
                ? $" line {(line + 1).ToString(CultureInfo.InvariantCulture)}, column {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}:"
                : "";
            throw new UsageException($"{source}:{where} not valid JSON: {message.Trim()}");
        }
    }

    /// <summary>A library message as one line, without .NET's <c>(Parameter 'x')</c> and <c>Actual value was</c> tails.</summary>
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

        int tail = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (tail >= 0 ? message[..tail] : message).Trim();
    }

    private static UsageException Error(string path, string reason) => new($"{path}: {reason}");

    /// <summary>The state of one read: the table being built and the paths of the values read.</summary>
    private sealed class Walker(RateTable table, string root = "$", int version = CurrentVersion)
    {
        private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
        private readonly List<(LocalDate Date, string Path)> _events = [];
        private readonly string _root = root;
        private RateTable _table = table;
        private int _version = version;

        /// <summary>Reads a single-loan spec; a combined spec is refused naming <c>$.legs</c>.</summary>
        internal LoanSpec Read(JsonElement root)
        {
            (LoanSpec? single, _) = ReadAny(root);
            return single ?? throw Error("$.legs",
                "this command reads a single loan; a combined loan (\"legs\") is read only by 'mortgage schedule --spec'.");
        }

        /// <summary>Reads a single-loan or a combined (<c>"legs"</c>) spec.</summary>
        internal (LoanSpec? Single, CombinedSpec? Combined) ReadAny(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", $"a loan spec is a JSON object {{ \"version\": {CurrentVersion}, \"principal\": ..., ... }}; was {Kind(root)}.");
            }

            Dictionary<string, JsonElement> props = Properties(root, "$");
            _version = ReadVersion(props);
            if (props.ContainsKey("legs"))
            {
                return (null, ReadCombined(props));
            }

            foreach (string name in RootPropertiesAddedInV2)
            {
                if (props.ContainsKey(name))
                {
                    NeedsVersion2(Child("$", name), $"\"{name}\"");
                }
            }

            CheckKnown(props, "$", _version >= 2 ? [.. RootPropertiesV1, .. RootPropertiesAddedInV2] : RootPropertiesV1, "a loan spec");
            CheckSchemaAndDescription(props);
            return (ReadLoan(props), null);
        }

        /// <summary>
        /// A combined spec: <c>legs</c> (each a whole loan with a name) instead of the loan fields, and the shared
        /// <c>rates</c> every leg starts from.
        /// </summary>
        private CombinedSpec ReadCombined(Dictionary<string, JsonElement> props)
        {
            NeedsVersion2("$.legs", "\"legs\" (a combined loan)");
            foreach (string name in props.Keys)
            {
                if (Array.IndexOf(LoanProperties, name) >= 0)
                {
                    throw Error(Child("$", name),
                        $"a combined spec (\"legs\") has no loan fields of its own: every leg is a whole loan; move \"{name}\" into the legs (or remove \"legs\" for a single loan).");
                }
            }

            CheckKnown(props, "$", CombinedRootProperties, "a combined loan spec");
            CheckSchemaAndDescription(props);

            // The shared rate table first: every leg starts from it (and may adjust it for itself with its own "rates").
            if (props.TryGetValue("rates", out JsonElement rates))
            {
                ReadRates(rates, "$.rates");
            }

            JsonElement legsElement = props["legs"];
            if (legsElement.ValueKind != JsonValueKind.Array)
            {
                throw Error("$.legs", $"expected a list of legs [ {{ \"name\": \"commercial\", \"principal\": ..., ... }}, {{ \"name\": \"provident-fund\", ... }} ]; was {Kind(legsElement)}.");
            }

            var legs = new List<LoanLeg>();
            var specs = new List<LoanSpec>();
            var paths = new List<string>();
            int k = 0;
            foreach (JsonElement item in legsElement.EnumerateArray())
            {
                string at = $"$.legs[{(k++).ToString(CultureInfo.InvariantCulture)}]";
                (LoanLeg leg, LoanSpec spec) = new Walker(_table, at, _version).ReadLeg(item);
                legs.Add(leg);
                specs.Add(spec);
                paths.Add(at);
            }

            CombinedLoan loan;
            try
            {
                loan = new CombinedLoan(legs);
            }
            catch (ArgumentException e)
            {
                // Name the leg whose name repeats an earlier one's; otherwise (no leg, too many) the list.
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                int duplicate = legs.FindIndex(l => !seen.Add(l.Name));
                throw Error(duplicate >= 0 ? paths[duplicate] + ".name" : "$.legs", LibraryText(e));
            }

            return new CombinedSpec(loan, specs, paths);
        }

        /// <summary>One leg of a combined spec: its name and the loan fields of a single-loan spec.</summary>
        private (LoanLeg Leg, LoanSpec Spec) ReadLeg(JsonElement element)
        {
            Dictionary<string, JsonElement> props = Object(element, _root,
                "a leg { \"name\": \"commercial\", \"principal\": ..., \"disbursement\": ..., \"months\": ..., \"rate\": ... }");
            if (props.ContainsKey("version"))
            {
                throw Error(At("version"), "the version is given once, at the top of the file; remove it from the leg.");
            }

            CheckKnown(props, _root, LegProperties, "a leg");
            string name = ReadString(Required(props, _root, "name", "the leg's name, e.g. \"name\": \"commercial\""), At("name"));
            if (string.Equals(name.Trim(), CombinedTotalName, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(At("name"), $"'{name}' is reserved for the sum rows of the combined schedule; give the leg another name, e.g. \"commercial\" or \"provident-fund\".");
            }

            if (props.TryGetValue("description", out JsonElement description) && description.ValueKind != JsonValueKind.String)
            {
                throw Error(At("description"), $"expected a string; was {Kind(description)}.");
            }

            LoanSpec spec = ReadLoan(props);
            LoanLeg leg = Library(At("name"), () => new LoanLeg(name, spec.Loan));
            return (leg, spec);
        }

        private static void CheckSchemaAndDescription(Dictionary<string, JsonElement> props)
        {
            if (props.TryGetValue("$schema", out JsonElement schema) && schema.ValueKind != JsonValueKind.String)
            {
                throw Error("$['$schema']", $"expected a string (the schema's URL or path); was {Kind(schema)}.");
            }

            if (props.TryGetValue("description", out JsonElement description) && description.ValueKind != JsonValueKind.String)
            {
                throw Error("$.description", $"expected a string; was {Kind(description)}.");
            }
        }

        /// <summary>The path of a property of the loan being read: <c>$.principal</c>, or <c>$.legs[1].principal</c> in a leg.</summary>
        private string At(string name) => Child(_root, name);

        /// <summary>The loan fields (principal, dates, term, rate, events, …) of a single-loan spec or of a leg.</summary>
        private LoanSpec ReadLoan(Dictionary<string, JsonElement> props)
        {
            decimal principal = ReadPrincipal(Required(props, _root, "principal", "e.g. \"principal\": 1000000"), At("principal"));
            LocalDate disbursement = ReadDate(Required(props, _root, "disbursement", "e.g. \"disbursement\": \"2024-03-20\""), At("disbursement"));
            int periods = ReadTerm(props, _root);

            // The rate table first: an index of the loan may be a custom one defined by the fixings.
            if (props.TryGetValue("rates", out JsonElement rates))
            {
                ReadRates(rates, At("rates"));
            }

            RatePlan plan = ReadRatePlan(Required(props, _root, "rate", "e.g. \"rate\": { \"type\": \"fixed\", \"annual\": \"4.9%\" }"), At("rate"));
            List<LoanEvent> events = props.TryGetValue("events", out JsonElement eventsElement)
                ? ReadEvents(eventsElement, At("events"))
                : [];

            int? repaymentDay = props.TryGetValue("repayment_day", out JsonElement day) ? ReadInt(day, At("repayment_day"), "e.g. 20") : null;
            LocalDate? firstDue = props.TryGetValue("first_due_date", out JsonElement first) ? ReadDate(first, At("first_due_date")) : null;
            RepaymentMethod method = props.TryGetValue("method", out JsonElement methodElement)
                ? ReadMethod(methodElement, At("method"))
                : RepaymentMethod.EqualInstallment;
            RoundingPolicy rounding = props.TryGetValue("rounding", out JsonElement roundingElement)
                ? ReadRounding(roundingElement, At("rounding"))
                : RoundingPolicy.Default;
            DayCount dayCount = props.TryGetValue("day_count", out JsonElement dc)
                ? ReadChoice(dc, At("day_count"), ("actual/360", DayCount.Actual360), ("actual/365", DayCount.Actual365Fixed))
                : DayCount.Actual360;
            OddFirstPeriodPolicy odd = props.TryGetValue("odd_first_period", out JsonElement oddElement)
                ? ReadChoice(oddElement, At("odd_first_period"),
                    ("adjust-first-payment", OddFirstPeriodPolicy.AdjustFirstPayment), ("keep-regular-payment", OddFirstPeriodPolicy.KeepRegularPayment))
                : OddFirstPeriodPolicy.AdjustFirstPayment;
            RateChangeInterest rateChange = props.TryGetValue("rate_change_interest", out JsonElement rci)
                ? ReadChoice(rci, At("rate_change_interest"),
                    ("split-by-actual-days", RateChangeInterest.SplitByActualDays), ("new-rate-for-whole-period", RateChangeInterest.NewRateForWholePeriod))
                : RateChangeInterest.SplitByActualDays;
            PrepaymentInterest prepaymentInterest = props.TryGetValue("prepayment_interest", out JsonElement pi)
                ? ReadChoice(pi, At("prepayment_interest"),
                    ("accrued-on-balance", PrepaymentInterest.AccruedOnBalance),
                    ("accrued-on-prepaid-amount", PrepaymentInterest.AccruedOnPrepaidAmount),
                    ("none", PrepaymentInterest.None))
                : PrepaymentInterest.AccruedOnBalance;
            PrepaymentPenalty penalty = props.TryGetValue("prepayment_penalty", out JsonElement penaltyElement)
                ? ReadPenalty(penaltyElement, At("prepayment_penalty"))
                : PrepaymentPenalty.None;
            PrepaymentRules rules = props.TryGetValue("prepayment_rules", out JsonElement rulesElement)
                ? ReadRules(rulesElement, At("prepayment_rules"))
                : PrepaymentRules.None;

            _paths[nameof(Loan.Principal)] = At("principal");
            _paths[nameof(Loan.Periods)] = props.ContainsKey("months") ? At("months") : At("years");
            _paths[nameof(Loan.Disbursement)] = At("disbursement");
            _paths[nameof(Loan.RepaymentDay)] = At("repayment_day");
            _paths[nameof(Loan.FirstDueDate)] = At("first_due_date");
            _paths[nameof(Loan.RatePlan)] = At("rate");
            _paths[nameof(Loan.Rates)] = At("rates");
            _paths[nameof(Loan.Method)] = At("method");
            _paths[nameof(Loan.Rounding)] = At("rounding");
            _paths[nameof(Loan.Events)] = At("events");
            _paths[nameof(Loan.PrepaymentInterest)] = At("prepayment_interest");
            _paths[nameof(Loan.PrepaymentPenalty)] = At("prepayment_penalty");
            _paths[nameof(Loan.PrepaymentRules)] = At("prepayment_rules");

            Loan loan;
            try
            {
                loan = new Loan(principal, plan, periods, disbursement)
                {
                    RepaymentDay = repaymentDay,
                    FirstDueDate = firstDue,
                    Method = method,
                    Rounding = rounding,
                    DayCount = dayCount,
                    OddFirstPeriod = odd,
                    RateChangeInterest = rateChange,
                    PrepaymentInterest = prepaymentInterest,
                    PrepaymentPenalty = penalty,
                    PrepaymentRules = rules,
                    Events = events,
                    Rates = _table,
                };
            }
            catch (ArgumentException e)
            {
                throw new UsageException(LoanSpec.MessageFor(e, _paths, _events));
            }

            return new LoanSpec(loan, _paths, _events);
        }

        private static int ReadVersion(Dictionary<string, JsonElement> props)
        {
            if (!props.TryGetValue("version", out JsonElement version))
            {
                throw Error("$.version", $"required: the spec format version; add \"version\": 1 (or {CurrentVersion} to use prepayments, penalties, balloon or interest-first methods).");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int value))
            {
                throw Error("$.version", $"expected a whole number, 1 or {CurrentVersion}; was {Raw(version)}.");
            }

            if (value > CurrentVersion)
            {
                throw Error("$.version", $"this tool reads spec versions 1 to {CurrentVersion}; the file is version {value}; upgrade the tool.");
            }

            if (value < 1)
            {
                throw Error("$.version", $"must be 1 or {CurrentVersion}; was {value}.");
            }

            return value;
        }

        /// <summary>Refuses a version-2 feature in a version-1 file.</summary>
        private void NeedsVersion2(string path, string what)
        {
            if (_version < 2)
            {
                throw Error(path, $"{what} needs spec version 2; set \"version\": 2 (version 1 files keep their meaning).");
            }
        }

        private static decimal ReadPrincipal(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal number))
            {
                return number;
            }

            if (element.ValueKind == JsonValueKind.String && ArgumentParsers.TryParsePlainDecimal(element.GetString()!, out decimal text))
            {
                return text;
            }

            throw Error(path, $"{Raw(element)} is not an amount; write a number such as 1000000 or 250000.50 (or a string \"250000.50\"), without thousands separators.");
        }

        private static int ReadTerm(Dictionary<string, JsonElement> props, string root)
        {
            bool hasMonths = props.TryGetValue("months", out JsonElement months);
            bool hasYears = props.TryGetValue("years", out JsonElement years);
            if (hasMonths && hasYears)
            {
                throw Error(Child(root, "years"), "give the term once: either \"months\" or \"years\", not both.");
            }

            if (!hasMonths && !hasYears)
            {
                throw Error(Child(root, "months"), "the term is missing; add \"months\": N (e.g. 360) or \"years\": N (e.g. 30).");
            }

            if (hasMonths)
            {
                int value = ReadInt(months, Child(root, "months"), "e.g. 360");
                return value is < 1 or > Loan.MaxPeriods
                    ? throw Error(Child(root, "months"), $"must be between 1 and {Loan.MaxPeriods}; was {value}.")
                    : value;
            }

            int y = ReadInt(years, Child(root, "years"), "e.g. 30");
            return y is < 1 or > Loan.MaxPeriods / 12
                ? throw Error(Child(root, "years"), $"must be between 1 and {Loan.MaxPeriods / 12}; was {y}.")
                : y * 12;
        }

        private void ReadRates(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "the rate table adjustments");
            CheckKnown(props, path, ["fixings", "assume_unchanged_until"], "\"rates\"");
            if (props.TryGetValue("fixings", out JsonElement fixings))
            {
                string fixingsPath = path + ".fixings";
                if (fixings.ValueKind != JsonValueKind.Array)
                {
                    throw Error(fixingsPath, $"expected a list of fixings [ {{ \"index\": \"lpr5y\", \"date\": \"2026-04-20\", \"rate\": \"3.5%\" }} ]; was {Kind(fixings)}.");
                }

                int i = 0;
                foreach (JsonElement fixing in fixings.EnumerateArray())
                {
                    string at = $"{fixingsPath}[{i++}]";
                    Dictionary<string, JsonElement> f = Object(fixing, at, "a fixing");
                    CheckKnown(f, at, ["index", "date", "rate", "source"], "a fixing");
                    RateIndex index = ReadIndex(Required(f, at, "index", "e.g. \"index\": \"lpr5y\""), at + ".index", allowNew: true);
                    LocalDate date = ReadDate(Required(f, at, "date", "e.g. \"date\": \"2026-04-20\""), at + ".date");
                    Rate rate = ReadRate(Required(f, at, "rate", "e.g. \"rate\": \"3.5%\""), at + ".rate", isSpread: false);
                    string source = f.TryGetValue("source", out JsonElement s) ? ReadString(s, at + ".source") : "user (loan spec)";
                    _table = _table.WithFixing(index, date, rate, source);
                }
            }

            if (props.TryGetValue("assume_unchanged_until", out JsonElement until))
            {
                LocalDate date = ReadDate(until, path + ".assume_unchanged_until");
                if (date > _table.AsOf)
                {
                    _table = _table.AssumingUnchangedUntil(date);
                }
            }
        }

        private RatePlan ReadRatePlan(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "a rate");
            string type = ReadString(Required(props, path, "type", "one of fixed, floating, provident-fund, stepped"), path + ".type");
            switch (type)
            {
                case "fixed":
                {
                    CheckKnown(props, path, ["type", "annual"], "a fixed rate");
                    string annualPath = path + ".annual";
                    Rate annual = ReadRate(Required(props, path, "annual", "e.g. \"annual\": \"4.9%\""), annualPath, isSpread: false);
                    return Library(annualPath, () => RatePlan.Fixed(annual));
                }

                case "floating":
                {
                    CheckKnown(props, path, ["type", "index", "spread", "repricing", "floor"], "a floating rate");
                    RateIndex index = ReadIndex(Required(props, path, "index", "e.g. \"index\": \"lpr5y\""), path + ".index", allowNew: false);
                    Spread spread = ReadSpread(Required(props, path, "spread", "e.g. \"spread\": \"-30bp\" (or \"0bp\")"), path + ".spread");
                    RepricingRule repricing = ReadRepricing(
                        Required(props, path, "repricing", "e.g. \"repricing\": { \"rule\": \"january-1\" }"), path + ".repricing");
                    Rate? floor = null;
                    if (props.TryGetValue("floor", out JsonElement floorElement))
                    {
                        floor = ReadRate(floorElement, path + ".floor", isSpread: false);
                    }

                    return Library(path + ".floor", () => RatePlan.Floating(index, spread, repricing, floor));
                }

                case "provident-fund":
                {
                    CheckKnown(props, path, ["type", "index"], "a provident-fund rate");
                    RateIndex index = ReadIndex(Required(props, path, "index", "e.g. \"index\": \"pf-first-gt5y\""), path + ".index", allowNew: false);
                    return RatePlan.ProvidentFund(index);
                }

                case "stepped":
                {
                    CheckKnown(props, path, ["type", "first", "periods", "then"], "a stepped rate");
                    RatePlan firstPlan = ReadRatePlan(Required(props, path, "first", "the rate for the first periods, e.g. { \"type\": \"fixed\", \"annual\": \"3.5%\" }"), path + ".first");
                    int periods = ReadInt(Required(props, path, "periods", "how many periods the first rate lasts, e.g. 36"), path + ".periods", "e.g. 36");
                    RatePlan thenPlan = ReadRatePlan(Required(props, path, "then", "the rate afterwards"), path + ".then");
                    return Library(path + ".periods", () => RatePlan.Stepped(firstPlan, periods, thenPlan));
                }

                default:
                    throw Error(path + ".type", $"'{type}' is not a rate type; write fixed, floating, provident-fund or stepped.");
            }
        }

        private RepricingRule ReadRepricing(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "a repricing rule");
            string rule = ReadString(Required(props, path, "rule", "january-1, anniversary or every-months"), path + ".rule");
            switch (rule)
            {
                case "january-1":
                    CheckKnown(props, path, ["rule"], "the january-1 rule");
                    return RepricingRule.EveryJanuary1;
                case "anniversary":
                    CheckKnown(props, path, ["rule"], "the anniversary rule");
                    return RepricingRule.EveryAnniversary;
                case "every-months":
                {
                    CheckKnown(props, path, ["rule", "months", "from"], "the every-months rule");
                    int months = ReadInt(Required(props, path, "months", "the cycle in months, e.g. \"months\": 12"), path + ".months", "e.g. 12");
                    LocalDate? from = props.TryGetValue("from", out JsonElement f) ? ReadDate(f, path + ".from") : null;
                    return Library(path + ".months", () => RepricingRule.EveryMonths(months, from));
                }

                default:
                    throw Error(path + ".rule", $"'{rule}' is not a repricing rule; write january-1, anniversary or every-months.");
            }
        }

        private List<LoanEvent> ReadEvents(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, $"expected a list of events [ {{ \"type\": \"spread-change\", \"date\": ..., ... }} ]; was {Kind(element)}.");
            }

            var events = new List<LoanEvent>();
            int i = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                string at = $"{path}[{i++}]";
                Dictionary<string, JsonElement> props = Object(item, at, "an event");
                string type = ReadString(Required(props, at, "type", "spread-change, switch-to-floating, convert-to-lpr, fixed-rate, prepayment, payoff or payment-holiday"), at + ".type");
                LoanEvent e = type switch
                {
                    "spread-change" => SpreadChange(props, at),
                    "switch-to-floating" => SwitchToFloating(props, at),
                    "convert-to-lpr" => ConvertToLpr(props, at),
                    "fixed-rate" => FixedRate(props, at),
                    "prepayment" => PrepaymentEvent(props, at),
                    "payoff" => PayoffEvent(props, at),
                    "payment-holiday" => HolidayEvent(props, at),
                    _ => throw Error(at + ".type", $"'{type}' is not an event type; write spread-change, switch-to-floating, convert-to-lpr, fixed-rate, prepayment, payoff or payment-holiday."),
                };
                _events.Add((e.Date, at));
                events.Add(e);
            }

            return events;
        }

        private RateEvent SpreadChange(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "spread"], "a spread-change event");
            LocalDate date = EventDate(props, at);
            Spread spread = ReadSpread(Required(props, at, "spread", "e.g. \"spread\": \"-30bp\""), at + ".spread");
            return RateEvent.SpreadChange(date, spread);
        }

        private RateEvent SwitchToFloating(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "index", "spread", "repricing"], "a switch-to-floating event");
            LocalDate date = EventDate(props, at);
            RateIndex index = ReadIndex(Required(props, at, "index", "e.g. \"index\": \"lpr5y\""), at + ".index", allowNew: false);
            Spread spread = ReadSpread(Required(props, at, "spread", "e.g. \"spread\": \"+10bp\""), at + ".spread");
            RepricingRule repricing = ReadRepricing(Required(props, at, "repricing", "e.g. \"repricing\": { \"rule\": \"january-1\" }"), at + ".repricing");
            return RateEvent.SwitchToFloating(date, index, spread, repricing);
        }

        private RateEvent ConvertToLpr(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "repricing", "index", "reference_date"], "a convert-to-lpr event");
            LocalDate date = EventDate(props, at);
            RepricingRule repricing = ReadRepricing(Required(props, at, "repricing", "e.g. \"repricing\": { \"rule\": \"january-1\" }"), at + ".repricing");
            RateIndex? index = props.TryGetValue("index", out JsonElement i) ? ReadIndex(i, at + ".index", allowNew: false) : null;
            LocalDate? reference = props.TryGetValue("reference_date", out JsonElement r) ? ReadDate(r, at + ".reference_date") : null;
            return RateEvent.ConvertToLpr(date, repricing, index, reference);
        }

        private RateEvent FixedRate(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "annual"], "a fixed-rate event");
            LocalDate date = EventDate(props, at);
            Rate annual = ReadRate(Required(props, at, "annual", "e.g. \"annual\": \"3.9%\""), at + ".annual", isSpread: false);
            return Library(at + ".annual", () => RateEvent.FixedRate(date, annual));
        }

        private Prepayment PrepaymentEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, "a prepayment event");
            CheckKnown(props, at, ["type", "date", "amount", "option"], "a prepayment event");
            LocalDate date = EventDate(props, at);
            decimal amount = ReadAmount(Required(props, at, "amount", "the principal prepaid, e.g. \"amount\": 200000"), at + ".amount", "200000");
            PrepaymentOption option = ReadOption(
                Required(props, at, "option", "lower-payment, shorten-term, shorten-term-keep-payment or { \"new_term_months\": 120 }"), at + ".option");
            return Library(at + ".amount", () => Prepayment.Partial(date, amount, option));
        }

        private Prepayment PayoffEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, "a payoff event");
            CheckKnown(props, at, ["type", "date"], "a payoff event");
            return Prepayment.Payoff(EventDate(props, at));
        }

        private PaymentHoliday HolidayEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, "a payment-holiday event");
            CheckKnown(props, at, ["type", "date", "skipped_interest"], "a payment-holiday event");
            LocalDate date = EventDate(props, at);
            string path = at + ".skipped_interest";
            string policy = ReadString(Required(props, at, "skipped_interest", "\"capitalized\" or \"collected-later\""), path);
            SkippedInterest skipped = policy switch
            {
                "capitalized" => SkippedInterest.Capitalized,
                "collected-later" => SkippedInterest.CollectedLater,
                _ => throw Error(path, $"'{policy}' is not a skipped-interest policy; write capitalized or collected-later."),
            };
            return PaymentHoliday.On(date, skipped);
        }

        private PrepaymentOption ReadOption(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                Dictionary<string, JsonElement> props = Properties(element, path);
                CheckKnown(props, path, ["new_term_months"], "a new-term option");
                string at = path + ".new_term_months";
                int months = ReadInt(Required(props, path, "new_term_months", "the periods left after the prepayment, e.g. 120"), at, "e.g. 120");
                return Library(at, () => PrepaymentOption.NewTerm(months));
            }

            return ReadChoice(element, path,
                ("lower-payment", PrepaymentOption.LowerPayment),
                ("shorten-term", PrepaymentOption.ShortenTerm),
                ("shorten-term-keep-payment", PrepaymentOption.ShortenTermKeepPayment));
        }

        private static LocalDate EventDate(Dictionary<string, JsonElement> props, string at) =>
            ReadDate(Required(props, at, "date", "the date the event takes effect, e.g. \"date\": \"2024-10-25\""), at + ".date");

        private RateIndex ReadIndex(JsonElement element, string path, bool allowNew)
        {
            string name = ReadString(element, path);
            if (RateIndex.TryParse(name, out RateIndex? builtIn))
            {
                return builtIn;
            }

            string lower = name.Trim().ToLowerInvariant();
            foreach (RateIndex known in _table.Indexes)
            {
                if (known.Name == lower)
                {
                    return known;
                }
            }

            if (allowNew)
            {
                try
                {
                    return RateIndex.Custom(lower, $"Custom index '{lower}' (from a loan spec)");
                }
                catch (ArgumentException e)
                {
                    throw Error(path, LibraryText(e));
                }
            }

            string names = string.Join(", ", RateIndex.All.Select(i => i.Name).Concat(_table.Indexes.Select(i => i.Name)).Distinct());
            throw Error(path, $"'{name}' is not a known index; use one of {names} (or define your own with --rates FILE).");
        }

        private static Spread ReadSpread(JsonElement element, string path)
        {
            Rate rate = ReadRate(element, path, isSpread: true);
            return Library(path, () => Spread.FromBasisPoints(rate.ToBasisPoints()));
        }

        private static Rate ReadRate(JsonElement element, string path, bool isSpread)
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                string raw = element.GetRawText();
                string suggestion = isSpread
                    ? $"write \"{raw}bp\" or \"{Shift(raw, -2)}%\""
                    : $"write \"{raw}%\" or \"{Shift(raw, 2)}bp\"";
                throw Error(path, $"{raw} has no unit; {suggestion} (a string with its unit).");
            }

            string text = ReadString(element, path);
            return Library(path, () => ArgumentParsers.ParseRateText(text, isSpread, problem => Error(path, problem)));
        }

        private RepaymentMethod ReadMethod(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                NeedsVersion2(path, "a repayment method written as an object");
                Dictionary<string, JsonElement> props = Properties(element, path);
                string type = ReadString(Required(props, path, "type", "balloon or interest-first"), path + ".type");
                switch (type)
                {
                    case "equal-installment":
                    case "equal-principal":
                        CheckKnown(props, path, ["type"], $"the {type} method");
                        return SimpleMethod(type, path + ".type");
                    case "balloon":
                    {
                        CheckKnown(props, path, ["type", "amortization_months"], "the balloon method");
                        string at = path + ".amortization_months";
                        int months = ReadInt(Required(props, path, "amortization_months", "the term the payment is computed on, e.g. \"amortization_months\": 240"), at, "e.g. 240");
                        return Library(at, () => RepaymentMethod.Balloon(months));
                    }

                    case "interest-first":
                    {
                        CheckKnown(props, path, ["type", "interest_only_months", "then", "minimum_principal"], "the interest-first method");
                        string at = path + ".interest_only_months";
                        int months = ReadInt(Required(props, path, "interest_only_months", "the periods of interest only, e.g. \"interest_only_months\": 24"), at, "e.g. 24");
                        RepaymentMethod then = props.TryGetValue("then", out JsonElement thenElement)
                            ? SimpleMethod(ReadString(thenElement, path + ".then"), path + ".then")
                            : RepaymentMethod.EqualInstallment;
                        decimal minimum = props.TryGetValue("minimum_principal", out JsonElement m)
                            ? ReadAmount(m, path + ".minimum_principal", "1 or \"0.50\"")
                            : 0m;
                        try
                        {
                            return RepaymentMethod.InterestFirst(months, then, minimum);
                        }
                        catch (ArgumentException e)
                        {
                            throw Error(e.ParamName == "minimumPrincipal" ? path + ".minimum_principal" : at, LibraryText(e));
                        }
                    }

                    default:
                        throw Error(path + ".type", $"'{type}' is not a repayment method; write equal-installment, equal-principal, balloon or interest-first.");
                }
            }

            string name = ReadString(element, path);
            if (!RepaymentMethod.TryParse(name, out RepaymentMethod method))
            {
                string more = name.Trim().ToLowerInvariant() is "balloon" or "interest-first"
                    ? $"; a {name.Trim().ToLowerInvariant()} loan is an object (spec version 2), e.g. {(name.Trim().ToLowerInvariant() == "balloon" ? "{ \"type\": \"balloon\", \"amortization_months\": 240 }" : "{ \"type\": \"interest-first\", \"interest_only_months\": 24 }")}"
                    : "";
                throw Error(path, $"'{name}' is not a repayment method; write {RepaymentMethod.EqualInstallment.Name} or {RepaymentMethod.EqualPrincipal.Name}{more}.");
            }

            return method;
        }

        private static RepaymentMethod SimpleMethod(string name, string path) =>
            RepaymentMethod.TryParse(name, out RepaymentMethod method)
                ? method
                : throw Error(path, $"'{name}' is not allowed; write {RepaymentMethod.EqualInstallment.Name} or {RepaymentMethod.EqualPrincipal.Name}.");

        /// <summary>An amount: a JSON number or a string holding a plain decimal number.</summary>
        private static decimal ReadAmount(JsonElement element, string path, string example)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal number))
            {
                return number;
            }

            if (element.ValueKind == JsonValueKind.String && ArgumentParsers.TryParsePlainDecimal(element.GetString()!, out decimal text))
            {
                return text;
            }

            throw Error(path, $"{Raw(element)} is not an amount; write a number such as {example}, without thousands separators.");
        }

        /// <summary>A percentage that is not a rate (a penalty, an allowance): a string with its <c>%</c>, e.g. <c>"3%"</c>.</summary>
        private static Percentage ReadPercentage(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                string raw = element.GetRawText();
                throw Error(path, $"{raw} has no unit; write \"{raw}%\" (a string with its %).");
            }

            string text = ReadString(element, path).Trim();
            if (!text.EndsWith('%'))
            {
                throw Error(path, $"'{text}' is not a percentage; write it with its %, e.g. \"3%\".");
            }

            string number = text[..^1].TrimEnd();
            if (!ArgumentParsers.TryParsePlainDecimal(number, out decimal percent))
            {
                throw Error(path, $"'{text}' is not a percentage: '{number}' is not a number; write e.g. \"3%\".");
            }

            return Library(path, () => Percentage.Percent(percent));
        }

        private static Percentage[] ReadPercentages(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, $"expected a list of percentages by loan year, e.g. [\"3%\", \"2%\", \"1%\"]; was {Kind(element)}.");
            }

            var list = new List<Percentage>();
            int i = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                list.Add(ReadPercentage(item, $"{path}[{i++}]"));
            }

            return [.. list];
        }

        private PrepaymentPenalty ReadPenalty(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "a prepayment penalty");
            string type = ReadString(Required(props, path, "type", "none, percent-of-amount-by-year, months-of-interest, uk-erc or sum"), path + ".type");
            PrepaymentPenalty penalty;
            switch (type)
            {
                case "none":
                    CheckKnown(props, path, ["type", "check_us_limit"], "the none penalty");
                    penalty = PrepaymentPenalty.None;
                    break;
                case "percent-of-amount-by-year":
                    CheckKnown(props, path, ["type", "percents", "check_us_limit"], "the percent-of-amount-by-year penalty");
                    penalty = PrepaymentPenalty.PercentOfAmountByYear(
                        ReadPercentages(Required(props, path, "percents", "the percentage for loan year 1, 2, …, e.g. [\"3%\", \"2%\", \"1%\"]"), path + ".percents"));
                    break;
                case "months-of-interest":
                {
                    CheckKnown(props, path, ["type", "months", "within_years", "check_us_limit"], "the months-of-interest penalty");
                    int months = ReadInt(Required(props, path, "months", "e.g. \"months\": 3"), path + ".months", "e.g. 3");
                    int? years = props.TryGetValue("within_years", out JsonElement y) ? ReadInt(y, path + ".within_years", "e.g. 1") : null;
                    try
                    {
                        penalty = PrepaymentPenalty.MonthsOfInterest(months, years);
                    }
                    catch (ArgumentException e)
                    {
                        throw Error(e.ParamName == "withinYears" ? path + ".within_years" : path + ".months", LibraryText(e));
                    }

                    break;
                }

                case "uk-erc":
                {
                    CheckKnown(props, path, ["type", "yearly_allowance", "percents", "check_us_limit"], "the uk-erc penalty");
                    Percentage allowance = ReadPercentage(Required(props, path, "yearly_allowance", "the penalty-free share of the balance each loan year, e.g. \"10%\""), path + ".yearly_allowance");
                    Percentage[] percents = ReadPercentages(
                        Required(props, path, "percents", "the charge for loan year 1, 2, …, e.g. [\"5%\", \"4%\", \"3%\", \"2%\", \"1%\"]"), path + ".percents");
                    penalty = PrepaymentPenalty.UkEarlyRepaymentCharge(allowance, percents);
                    break;
                }

                case "sum":
                {
                    CheckKnown(props, path, ["type", "of", "check_us_limit"], "the sum penalty");
                    string ofPath = path + ".of";
                    JsonElement of = Required(props, path, "of", "a list of penalties, e.g. [ { \"type\": \"months-of-interest\", \"months\": 1 }, ... ]");
                    if (of.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(ofPath, $"expected a list of penalties [ {{ \"type\": ... }}, ... ]; was {Kind(of)}.");
                    }

                    var parts = new List<PrepaymentPenalty>();
                    int i = 0;
                    foreach (JsonElement item in of.EnumerateArray())
                    {
                        parts.Add(ReadPenalty(item, $"{ofPath}[{i++}]"));
                    }

                    penalty = PrepaymentPenalty.Sum([.. parts]);
                    break;
                }

                default:
                    throw Error(path + ".type", $"'{type}' is not a penalty type; write none, percent-of-amount-by-year, months-of-interest, uk-erc or sum.");
            }

            if (props.TryGetValue("check_us_limit", out JsonElement check))
            {
                if (check.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Error(path + ".check_us_limit", $"expected true or false; was {Raw(check)}.");
                }

                if (check.ValueKind == JsonValueKind.True)
                {
                    penalty = PrepaymentPenalty.CheckedAgainstUsLimit(penalty);
                }
            }

            return penalty;
        }

        private PrepaymentRules ReadRules(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "the prepayment rules");
            CheckKnown(props, path, ["minimum_amount", "minimum_payment_multiple", "allowed_after_months"], "\"prepayment_rules\"");
            PrepaymentRules rules = PrepaymentRules.None;
            if (props.TryGetValue("minimum_amount", out JsonElement amount))
            {
                string at = path + ".minimum_amount";
                decimal value = ReadAmount(amount, at, "10000");
                rules = Library(at, () => rules with { MinimumAmount = value });
            }

            if (props.TryGetValue("minimum_payment_multiple", out JsonElement multiple))
            {
                string at = path + ".minimum_payment_multiple";
                decimal value = ReadAmount(multiple, at, "6");
                rules = Library(at, () => rules with { MinimumPaymentMultiple = value });
            }

            if (props.TryGetValue("allowed_after_months", out JsonElement after))
            {
                string at = path + ".allowed_after_months";
                int value = ReadInt(after, at, "e.g. 12");
                rules = Library(at, () => rules with { AllowedAfterMonths = value });
            }

            return rules;
        }

        private RoundingPolicy ReadRounding(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, "a rounding policy");
            CheckKnown(props, path, ["decimal_places", "mode"], "\"rounding\"");
            int places = props.TryGetValue("decimal_places", out JsonElement p) ? ReadInt(p, path + ".decimal_places", "e.g. 2") : 2;
            RoundingMode mode = props.TryGetValue("mode", out JsonElement m)
                ? ReadChoice(m, path + ".mode", ("half-up", RoundingMode.HalfUp), ("half-even", RoundingMode.HalfEven), ("truncate", RoundingMode.Truncate))
                : RoundingMode.HalfUp;
            return Library(path + ".decimal_places", () => new RoundingPolicy(places, mode));
        }

        private static T ReadChoice<T>(JsonElement element, string path, params (string Name, T Value)[] choices)
        {
            string text = ReadString(element, path);
            foreach ((string name, T value) in choices)
            {
                if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            string list = choices.Length == 2
                ? $"{choices[0].Name} or {choices[1].Name}"
                : string.Join(", ", choices[..^1].Select(c => c.Name)) + " or " + choices[^1].Name;
            throw Error(path, $"'{text}' is not allowed; write {list}.");
        }

        private static LocalDate ReadDate(JsonElement element, string path)
        {
            string text = element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw Error(path, $"expected a date string \"yyyy-MM-dd\" (e.g. \"2024-03-20\"); was {Raw(element)}.");
            ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text.Trim());
            return result.Success
                ? result.Value
                : throw Error(path, $"'{text}' is not a valid date; write yyyy-MM-dd, e.g. 2024-03-20.");
        }

        private static int ReadInt(JsonElement element, string path, string example) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value)
                ? value
                : throw Error(path, $"expected a whole number ({example}); was {Raw(element)}.");

        private static string ReadString(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw Error(path, $"expected a string; was {Raw(element)}.");

        private static Dictionary<string, JsonElement> Object(JsonElement element, string path, string what) =>
            element.ValueKind == JsonValueKind.Object
                ? Properties(element, path)
                : throw Error(path, $"expected {what} as a JSON object {{ ... }}; was {Raw(element)}.");

        private static JsonElement Required(Dictionary<string, JsonElement> props, string path, string name, string hint) =>
            props.TryGetValue(name, out JsonElement value)
                ? value
                : throw Error(Child(path, name), $"required; {hint}.");

        private static T Library<T>(string path, Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException e)
            {
                throw Error(path, LibraryText(e));
            }
        }

        private void CheckKnown(Dictionary<string, JsonElement> props, string path, string[] known, string what)
        {
            foreach (string name in props.Keys)
            {
                if (Array.IndexOf(known, name) < 0)
                {
                    string? near = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(k.Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                    string hint = near is null ? "" : $" (did you mean '{near}'?)";
                    throw Error(Child(path, name),
                        $"unknown property{hint}; the properties of {what} (spec version {_version}) are {string.Join(", ", known)}.");
                }
            }
        }

        /// <summary>The number with its decimal point moved two places (percent ↔ basis points), in decimal.</summary>
        private static string Shift(string number, int places) =>
            decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
                ? ((places >= 0 ? value * 100m : value / 100m) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                : number;
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element, string path)
    {
        var props = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!props.TryAdd(property.Name, property.Value))
            {
                throw Error(Child(path, property.Name), "given twice; keep one.");
            }
        }

        return props;
    }

    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Raw(JsonElement element)
    {
        string raw = element.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Kind(element) : element.GetRawText();
        return raw.Length > 60 ? raw[..57] + "..." : raw;
    }
}
