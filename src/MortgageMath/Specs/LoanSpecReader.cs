using System.Globalization;
using System.Text.Json;
using MortgageMath.Resources;
using NodaTime;
using NodaTime.Text;
using Texts = MortgageMath.Resources.LibraryText;

namespace MortgageMath.Specs;

/// <summary>
/// Reads a loan spec (a JSON file describing a whole loan, see <c>docs/loan-spec.md</c>) into a <see cref="Loan"/>.
/// Walks the document itself so that every mistake is reported as <c>$.json.path: what is wrong and how to write it</c>.
/// Unknown properties are errors (typos are caught); the <c>version</c> is checked first, so a file written for a
/// newer tool is reported as such rather than as a list of unknown properties.
/// </summary>
internal static class LoanSpecReader
{
    /// <summary>The newest spec version this tool reads (it reads every version from 1 up to it).</summary>
    internal const int CurrentVersion = 3;

    private static readonly string[] RootPropertiesV1 =
    [
        "$schema", "version", "description", "principal", "disbursement", "months", "years", "repayment_day", "first_due_date",
        "method", "rounding", "day_count", "odd_first_period", "rate_change_interest", "rate", "events", "rates",
    ];

    /// <summary>The root properties version 2 adds.</summary>
    private static readonly string[] RootPropertiesAddedInV2 = ["prepayment_interest", "prepayment_penalty", "prepayment_rules"];

    /// <summary>The root properties version 3 adds: the account's payments and overdue policy (a single loan only).</summary>
    private static readonly string[] RootPropertiesAddedInV3 = ["payments", "overdue_policy"];

    /// <summary>The properties of an <c>overdue_policy</c>: a preset, then the fields that override it.</summary>
    private static readonly string[] OverduePolicyProperties =
    [
        "preset", "penalty_rate", "compound_interest", "day_count", "grace_days", "late_fee", "tolerance", "allocation", "excess", "classification",
    ];

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

    /// <summary>
    /// Every property name a spec may use, in any object (the JSON Schema <c>docs/loan-spec.schema.json</c> allows
    /// exactly these; a test checks it). Each object's list of known properties must be drawn from it
    /// (<see cref="Walker"/> checks this whenever it checks an object), so the reader cannot learn a name the schema
    /// does not know.
    /// </summary>
    internal static readonly IReadOnlySet<string> PropertyNames = new HashSet<string>(
    [
        .. RootPropertiesV1, .. RootPropertiesAddedInV2, .. RootPropertiesAddedInV3, .. CombinedRootProperties, .. LegProperties,
        .. OverduePolicyProperties,
        "type", "annual", "index", "spread", "repricing", "floor", "first", "periods", "then", "rule", "months", "from",
        "date", "reference_date", "amount", "option", "new_term_months", "skipped_interest",
        "amortization_months", "interest_only_months", "minimum_principal",
        "percents", "within_years", "yearly_allowance", "of", "check_us_limit",
        "minimum_amount", "minimum_payment_multiple", "allowed_after_months",
        "decimal_places", "mode", "fixings", "assume_unchanged_until", "source",
        "multiplier", "extend_months", "remaining_months", "limits", "general_loan_rules", "max_total_months",
        "resume", "day", "minimum_months_between", "maximum_months",
    ], StringComparer.Ordinal);

    /// <summary>The name the combined CSV gives its sum rows; no leg may be called so (ignoring case).</summary>
    internal const string CombinedTotalName = "total";

    /// <summary>Reads a spec from its text: the document, or every error found (each with its JSON path).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="table">The rate table to start from.</param>
    /// <param name="errors">The errors, in document order as far as they are independent; empty when the document was read.</param>
    /// <returns>The document, or null when there are errors.</returns>
    internal static LoanDocument? Read(string json, RateTable table, out List<SpecError> errors)
    {
        errors = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            string message = e.Message;
            int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (tail >= 0)
            {
                message = message[..tail];
            }

            int? line = e.LineNumber is { } l ? checked((int)l + 1) : null;
            int? column = e.LineNumber is not null ? checked((int)(e.BytePositionInLine ?? 0) + 1) : null;
            errors.Add(new SpecError("$", Say(Texts.Err_SpecJson, message.Trim())) { Line = line, Column = column });
            return null;
        }

        using (document)
        {
            var walker = new Walker(table, errors);
            try
            {
                LoanDocument? read = walker.ReadAny(document.RootElement);
                return errors.Count == 0 ? read : null;
            }
            catch (SpecFailure failure)
            {
                errors.Add(failure.Error);
                return null;
            }
        }
    }

    /// <summary>A library message as one line, without the <c>(Parameter 'x')</c> tail .NET appends for <see cref="ArgumentException.ParamName"/>
    /// and the <c>Actual value was</c> line of <see cref="ArgumentOutOfRangeException"/>.</summary>
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

    private static SpecFailure Error(string path, string reason) => new(new SpecError(path, reason));

    /// <summary>A library text in the reader's language with its placeholders filled in, invariantly (docs/localization.md).</summary>
    private static string Say(string format, params object?[] args) => Localized.Format(format, args);

    /// <summary>"e.g. <paramref name="example"/>" in the reader's language; the example itself is JSON or a number, the same in every language.</summary>
    private static string Eg(string example) => Localized.Format(Texts.Err_SpecEg, example);

    /// <summary>The event types a spec knows, as its errors list them.</summary>
    private static readonly string[] EventTypes =
    [
        "spread-change", "switch-to-floating", "convert-to-lpr", "fixed-rate", "prepayment", "payoff", "payment-holiday", "term-change",
        "method-change", "interest-only", "repayment-day-change", "arrears-capitalization", "payment-deferral",
    ];

    /// <summary>The state of one read: the table being built and the errors found.</summary>
    private sealed class Walker(RateTable table, List<SpecError> errors, string root = "$", int version = CurrentVersion)
    {
        private readonly string _root = root;
        private readonly List<SpecError> _errors = errors;
        private RateTable _table = table;
        private int _version = version;

        /// <summary>Runs one independent read; its failure is recorded and the read goes on with the next part.</summary>
        private bool Try(Action read)
        {
            try
            {
                read();
                return true;
            }
            catch (SpecFailure failure)
            {
                _errors.Add(failure.Error);
                return false;
            }
        }

        /// <summary>Reads a single-loan or a combined (<c>"legs"</c>) spec; null when an error was recorded.</summary>
        internal LoanDocument? ReadAny(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", Say(Texts.Err_SpecNotObject, CurrentVersion, Kind(root)));
            }

            Dictionary<string, JsonElement> props = Properties(root, "$");
            _version = ReadVersion(props);
            string? description = null;
            if (props.ContainsKey("legs"))
            {
                return ReadCombined(props);
            }

            foreach (string name in RootPropertiesAddedInV2)
            {
                if (props.ContainsKey(name))
                {
                    Try(() => NeedsVersion2(Child("$", name), () => $"\"{name}\""));
                }
            }

            foreach (string name in RootPropertiesAddedInV3)
            {
                if (props.ContainsKey(name))
                {
                    Try(() => NeedsVersion3(Child("$", name), () => $"\"{name}\""));
                }
            }

            CheckKnown(props, "$", _version switch
            {
                >= 3 => [.. RootPropertiesV1, .. RootPropertiesAddedInV2, .. RootPropertiesAddedInV3],
                2 => [.. RootPropertiesV1, .. RootPropertiesAddedInV2],
                _ => RootPropertiesV1,
            }, static () => Texts.Err_SpecWhatSpec);
            Try(() => description = CheckSchemaAndDescription(props));
            (Loan? loan, string termKey) = ReadLoan(props);
            List<ReceivedPayment>? payments = null;
            OverduePolicy? policy = null;
            if (_version >= 3)
            {
                if (props.TryGetValue("payments", out JsonElement paymentsElement))
                {
                    Try(() => payments = ReadPayments(paymentsElement, "$.payments"));
                }

                if (props.TryGetValue("overdue_policy", out JsonElement policyElement))
                {
                    Try(() => policy = ReadOverduePolicy(policyElement, "$.overdue_policy"));
                }
            }

            return loan is null ? null : new LoanDocument(loan, null, description, [termKey], payments, policy);
        }

        /// <summary>
        /// A combined spec: <c>legs</c> (each a whole loan with a name) instead of the loan fields, and the shared
        /// <c>rates</c> every leg starts from.
        /// </summary>
        private LoanDocument? ReadCombined(Dictionary<string, JsonElement> props)
        {
            NeedsVersion2("$.legs", static () => Texts.Err_SpecWhatLegs);
            foreach (string name in props.Keys)
            {
                if (Array.IndexOf(RootPropertiesAddedInV3, name) >= 0)
                {
                    _errors.Add(new SpecError(Child("$", name), ServicingInCombined(name)));
                    continue;
                }

                if (Array.IndexOf(LoanProperties, name) >= 0)
                {
                    _errors.Add(new SpecError(Child("$", name),
                        Say(Texts.Err_SpecCombinedLoanField, name)));
                }
            }

            // A loan field is reported above; the rest is checked against the combined root's properties.
            CheckKnown(props.Where(p => Array.IndexOf(LoanProperties, p.Key) < 0 && Array.IndexOf(RootPropertiesAddedInV3, p.Key) < 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                "$", CombinedRootProperties, static () => Texts.Err_SpecWhatCombinedSpec);
            string? description = null;
            Try(() => description = CheckSchemaAndDescription(props));

            // The shared rate table first: every leg starts from it (and may adjust it for itself with its own "rates").
            if (props.TryGetValue("rates", out JsonElement rates))
            {
                Try(() => ReadRates(rates, "$.rates"));
            }

            JsonElement legsElement = props["legs"];
            if (legsElement.ValueKind != JsonValueKind.Array)
            {
                throw Error("$.legs", Say(Texts.Err_SpecLegsList, Kind(legsElement)));
            }

            var legs = new List<LoanLeg>();
            var termKeys = new List<string>();
            var paths = new List<string>();
            bool failed = false;
            int k = 0;
            foreach (JsonElement item in legsElement.EnumerateArray())
            {
                string at = $"$.legs[{(k++).ToString(CultureInfo.InvariantCulture)}]";
                var walker = new Walker(_table, _errors, at, _version);
                LoanLeg? leg = null;
                string termKey = SpecNames.Fields.Months;
                if (Try(() => (leg, termKey) = walker.ReadLeg(item)) && leg is not null)
                {
                    legs.Add(leg);
                    termKeys.Add(termKey);
                    paths.Add(at);
                }
                else
                {
                    failed = true;
                }
            }

            if (failed || _errors.Count > 0)
            {
                return null;
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

            return new LoanDocument(null, loan, description, termKeys);
        }

        /// <summary>One leg of a combined spec: its name and the loan fields of a single-loan spec.</summary>
        private (LoanLeg? Leg, string TermKey) ReadLeg(JsonElement element)
        {
            Dictionary<string, JsonElement> props = Object(element, _root, static () => Texts.Err_SpecWhatLegObject);
            if (props.ContainsKey("version"))
            {
                throw Error(At("version"), Texts.Err_SpecLegVersion);
            }

            foreach (string servicing in RootPropertiesAddedInV3)
            {
                if (props.ContainsKey(servicing))
                {
                    throw Error(At(servicing), ServicingInCombined(servicing));
                }
            }

            CheckKnown(props, _root, LegProperties, static () => Texts.Err_SpecWhatLeg);
            string name = "";
            bool named = Try(() =>
            {
                name = ReadString(Required(props, _root, "name", static () => Texts.Err_SpecHintLegName), At("name"));
                if (string.Equals(name.Trim(), CombinedTotalName, StringComparison.OrdinalIgnoreCase))
                {
                    throw Error(At("name"), Say(Texts.Err_SpecLegNameReserved, name));
                }
            });

            if (props.TryGetValue("description", out JsonElement description) && description.ValueKind != JsonValueKind.String)
            {
                _errors.Add(new SpecError(At("description"), Say(Texts.Err_SpecString, Kind(description))));
            }

            (Loan? loan, string termKey) = ReadLoan(props);
            if (loan is null || !named)
            {
                return (null, termKey);
            }

            LoanLeg leg = Library(At("name"), () => new LoanLeg(name, loan));
            return (leg, termKey);
        }

        private static string? CheckSchemaAndDescription(Dictionary<string, JsonElement> props)
        {
            if (props.TryGetValue("$schema", out JsonElement schema) && schema.ValueKind != JsonValueKind.String)
            {
                throw Error("$['$schema']", Say(Texts.Err_SpecSchema, Kind(schema)));
            }

            if (props.TryGetValue("description", out JsonElement description))
            {
                return description.ValueKind == JsonValueKind.String
                    ? description.GetString()
                    : throw Error("$.description", Say(Texts.Err_SpecString, Kind(description)));
            }

            return null;
        }

        /// <summary>The path of a property of the loan being read: <c>$.principal</c>, or <c>$.legs[1].principal</c> in a leg.</summary>
        private string At(string name) => Child(_root, name);

        /// <summary>
        /// The loan fields (principal, dates, term, rate, events, …) of a single-loan spec or of a leg. Each field is
        /// read on its own, so that every bad field is reported; the loan is null when any was.
        /// </summary>
        private (Loan? Loan, string TermKey) ReadLoan(Dictionary<string, JsonElement> props)
        {
            int before = _errors.Count;
            string termKey = props.ContainsKey("years") && !props.ContainsKey("months") ? SpecNames.Fields.Years : SpecNames.Fields.Months;
            decimal principal = 0m;
            LocalDate disbursement = default;
            int periods = 0;
            Try(() => principal = ReadPrincipal(Required(props, _root, "principal", static () => Eg("\"principal\": 1000000")), At("principal")));
            Try(() => disbursement = ReadDate(Required(props, _root, "disbursement", static () => Eg("\"disbursement\": \"2024-03-20\"")), At("disbursement")));
            Try(() => periods = ReadTerm(props, _root));

            // The rate table first: an index of the loan may be a custom one defined by the fixings.
            if (props.TryGetValue("rates", out JsonElement rates))
            {
                Try(() => ReadRates(rates, At("rates")));
            }

            RatePlan? plan = null;
            Try(() => plan = ReadRatePlan(Required(props, _root, "rate", static () => Eg("\"rate\": { \"type\": \"fixed\", \"annual\": \"4.9%\" }")), At("rate")));
            List<LoanEvent> events = [];
            if (props.TryGetValue("events", out JsonElement eventsElement))
            {
                Try(() => events = ReadEvents(eventsElement, At("events")));
            }

            int? repaymentDay = null;
            LocalDate? firstDue = null;
            RepaymentMethod method = RepaymentMethod.EqualInstallment;
            RoundingPolicy rounding = RoundingPolicy.Default;
            DayCount dayCount = DayCount.Actual360;
            OddFirstPeriodPolicy odd = OddFirstPeriodPolicy.AdjustFirstPayment;
            RateChangeInterest rateChange = RateChangeInterest.SplitByActualDays;
            PrepaymentInterest prepaymentInterest = PrepaymentInterest.AccruedOnBalance;
            PrepaymentPenalty penalty = PrepaymentPenalty.None;
            PrepaymentRules rules = PrepaymentRules.None;
            Optional("repayment_day", e => repaymentDay = ReadInt(e, At("repayment_day"), static () => Eg("20")));
            Optional("first_due_date", e => firstDue = ReadDate(e, At("first_due_date")));
            Optional("method", e => method = ReadMethod(e, At("method")));
            Optional("rounding", e => rounding = ReadRounding(e, At("rounding")));
            Optional("day_count", e => dayCount = ReadName(e, At("day_count"), SpecNames.DayCounts));
            Optional("odd_first_period", e => odd = ReadName(e, At("odd_first_period"), SpecNames.OddFirstPeriods));
            Optional("rate_change_interest", e => rateChange = ReadName(e, At("rate_change_interest"), SpecNames.RateChangeInterests));
            Optional("prepayment_interest", e => prepaymentInterest = ReadName(e, At("prepayment_interest"), SpecNames.PrepaymentInterests));
            Optional("prepayment_penalty", e => penalty = ReadPenalty(e, At("prepayment_penalty")));
            Optional("prepayment_rules", e => rules = ReadRules(e, At("prepayment_rules")));
            if (_errors.Count > before || plan is null)
            {
                return (null, termKey);
            }

            try
            {
                Loan loan = new Loan(principal, plan, periods, disbursement)
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
                return (loan, termKey);
            }
            catch (ArgumentException e)
            {
                throw Error(SpecPaths.ForParameter(_root, termKey, e), LibraryText(e));
            }

            void Optional(string name, Action<JsonElement> read)
            {
                if (props.TryGetValue(name, out JsonElement element))
                {
                    Try(() => read(element));
                }
            }
        }

        private static int ReadVersion(Dictionary<string, JsonElement> props)
        {
            if (!props.TryGetValue("version", out JsonElement version))
            {
                throw Error("$.version", Texts.Err_SpecVersionMissing);
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int value))
            {
                throw Error("$.version", Say(Texts.Err_SpecVersionNumber, CurrentVersion, Raw(version)));
            }

            if (value > CurrentVersion)
            {
                throw Error("$.version", Say(Texts.Err_SpecVersionNewer, CurrentVersion, value));
            }

            if (value < 1)
            {
                throw Error("$.version", Say(Texts.Err_SpecVersionRange, CurrentVersion, value));
            }

            return value;
        }

        /// <summary>Why a combined spec (or a leg) cannot carry an account's payments or overdue policy.</summary>
        private static string ServicingInCombined(string name) =>
            Say(Texts.Err_SpecServicingInCombined, name);

        /// <summary>Refuses a version-3 feature in a version-1 or version-2 file.</summary>
        private void NeedsVersion3(string path, Func<string> what)
        {
            if (_version < 3)
            {
                throw Error(path, Say(Texts.Err_SpecNeedsVersion3, what()));
            }
        }

        /// <summary>The payments received: <c>[ { "date": "2025-04-20", "amount": "5307.27" }, ... ]</c>.</summary>
        private List<ReceivedPayment> ReadPayments(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, Say(Texts.Err_SpecPaymentsList, Kind(element)));
            }

            var payments = new List<ReceivedPayment>();
            int i = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                string at = $"{path}[{(i++).ToString(CultureInfo.InvariantCulture)}]";
                Try(() =>
                {
                    Dictionary<string, JsonElement> props = Object(item, at, static () => Texts.Err_SpecWhatPaymentObject);
                    CheckKnown(props, at, ["date", "amount"], static () => Texts.Err_SpecWhatPayment);
                    LocalDate date = ReadDate(Required(props, at, "date", static () => Texts.Err_SpecHintPaymentDate), at + ".date");
                    decimal amount = ReadAmount(Required(props, at, "amount", static () => Texts.Err_SpecHintPaymentAmount), at + ".amount", static () => List(["5307.27", "\"5307.27\""]));
                    try
                    {
                        payments.Add(new ReceivedPayment(date, amount));
                    }
                    catch (ArgumentException e)
                    {
                        throw Error(e.ParamName == "date" ? at + ".date" : at + ".amount", LibraryText(e));
                    }
                });
            }

            return payments;
        }

        /// <summary>The overdue policy: its <c>preset</c> (default <c>china</c>), then each field given overrides it.</summary>
        private OverduePolicy ReadOverduePolicy(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatOverduePolicy);
            CheckKnown(props, path, OverduePolicyProperties, static () => "\"overdue_policy\"");
            OverduePolicy policy = props.TryGetValue("preset", out JsonElement preset)
                ? ReadChoice(preset, path + ".preset", (SpecNames.OverduePolicies.China, OverduePolicy.China), (SpecNames.OverduePolicies.UnitedStates, OverduePolicy.UnitedStates))
                : OverduePolicy.China;
            int before = _errors.Count;
            Field("penalty_rate", (e, at) => policy = policy with { PenaltyRate = Text(e, at, PenaltyRate.Parse) });
            Field("compound_interest", (e, at) => policy = policy with { CompoundInterest = ReadBool(e, at) });
            Field("day_count", (e, at) => policy = policy with { DayCount = ReadName(e, at, SpecNames.DayCounts) });
            Field("grace_days", (e, at) =>
            {
                int days = ReadInt(e, at, static () => Eg("15"));
                policy = Library(at, () => policy with { GraceDays = days });
            });
            Field("late_fee", (e, at) => policy = policy with { LateFee = Text(e, at, LateFee.Parse) });
            Field("tolerance", (e, at) =>
            {
                decimal tolerance = ReadAmount(e, at, static () => List(["\"0.00\"", "\"1.00\""]));
                policy = Library(at, () => policy with { Tolerance = tolerance });
            });
            Field("allocation", (e, at) => policy = policy with { Allocation = Text(e, at, AllocationOrder.Parse) });
            Field("excess", (e, at) => policy = policy with { Excess = Text(e, at, ExcessPayment.Parse) });
            Field("classification", (e, at) => policy = policy with { Classification = Text(e, at, RiskClassification.Preset) });
            return _errors.Count > before ? OverduePolicy.China : policy;

            void Field(string name, Action<JsonElement, string> read)
            {
                if (props.TryGetValue(name, out JsonElement value))
                {
                    Try(() => read(value, Child(path, name)));
                }
            }
        }

        /// <summary>A policy value in its text form (<c>markup(50%)</c>, <c>percent(5%, 50)</c>, <c>china</c>), read by the library's parser.</summary>
        private static T Text<T>(JsonElement element, string path, Func<string, T> parse)
        {
            string text = ReadString(element, path);
            try
            {
                return parse(text);
            }
            catch (ArgumentException e)
            {
                throw Error(path, LibraryText(e));
            }
            catch (FormatException e)
            {
                throw Error(path, FirstLine(e.Message));
            }
        }

        private static bool ReadBool(JsonElement element, string path) => element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path, Say(Texts.Err_SpecBool, Raw(element))),
        };

        private static string FirstLine(string text)
        {
            int end = text.IndexOfAny(['\r', '\n']);
            return (end >= 0 ? text[..end] : text).Trim();
        }

        /// <summary>Refuses a version-2 feature in a version-1 file.</summary>
        private void NeedsVersion2(string path, Func<string> what)
        {
            if (_version < 2)
            {
                throw Error(path, Say(Texts.Err_SpecNeedsVersion2, what()));
            }
        }

        private static decimal ReadPrincipal(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal number))
            {
                return number;
            }

            if (element.ValueKind == JsonValueKind.String && SpecNumbers.TryParseDecimal(element.GetString()!, out decimal text))
            {
                return text;
            }

            throw Error(path, Say(Texts.Err_SpecPrincipal, Raw(element)));
        }

        private static int ReadTerm(Dictionary<string, JsonElement> props, string root)
        {
            bool hasMonths = props.TryGetValue("months", out JsonElement months);
            bool hasYears = props.TryGetValue("years", out JsonElement years);
            if (hasMonths && hasYears)
            {
                throw Error(Child(root, "years"), Texts.Err_SpecTermTwice);
            }

            if (!hasMonths && !hasYears)
            {
                throw Error(Child(root, "months"), Texts.Err_SpecTermMissing);
            }

            if (hasMonths)
            {
                int value = ReadInt(months, Child(root, "months"), static () => Eg("360"));
                return value is < 1 or > Loan.MaxPeriods
                    ? throw Error(Child(root, "months"), Say(Texts.Err_SpecBetween, 1, Loan.MaxPeriods, value))
                    : value;
            }

            int y = ReadInt(years, Child(root, "years"), static () => Eg("30"));
            return y is < 1 or > Loan.MaxPeriods / 12
                ? throw Error(Child(root, "years"), Say(Texts.Err_SpecBetween, 1, Loan.MaxPeriods / 12, y))
                : y * 12;
        }

        private void ReadRates(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatRates);
            CheckKnown(props, path, ["fixings", "assume_unchanged_until"], static () => "\"rates\"");
            if (props.TryGetValue("fixings", out JsonElement fixings))
            {
                string fixingsPath = path + ".fixings";
                if (fixings.ValueKind != JsonValueKind.Array)
                {
                    throw Error(fixingsPath, Say(Texts.Err_SpecFixingsList, Kind(fixings)));
                }

                int i = 0;
                foreach (JsonElement fixing in fixings.EnumerateArray())
                {
                    string at = $"{fixingsPath}[{i++}]";
                    Dictionary<string, JsonElement> f = Object(fixing, at, static () => Texts.Err_SpecWhatFixing);
                    CheckKnown(f, at, ["index", "date", "rate", "source"], static () => Texts.Err_SpecWhatFixing);
                    RateIndex index = ReadIndex(Required(f, at, "index", static () => Eg("\"index\": \"lpr5y\"")), at + ".index", allowNew: true);
                    LocalDate date = ReadDate(Required(f, at, "date", static () => Eg("\"date\": \"2026-04-20\"")), at + ".date");
                    Rate rate = ReadRate(Required(f, at, "rate", static () => Eg("\"rate\": \"3.5%\"")), at + ".rate", isSpread: false);
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
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatRatePlan);
            string type = ReadString(Required(props, path, "type", static () => Say(Texts.Err_SpecOneOf, "fixed, floating, provident-fund, stepped")), path + ".type");
            switch (type)
            {
                case "fixed":
                {
                    CheckKnown(props, path, ["type", "annual"], static () => Say(Texts.Err_SpecWhatRate, "fixed"));
                    string annualPath = path + ".annual";
                    Rate annual = ReadRate(Required(props, path, "annual", static () => Eg("\"annual\": \"4.9%\"")), annualPath, isSpread: false);
                    return Library(annualPath, () => RatePlan.Fixed(annual));
                }

                case "floating":
                {
                    if (props.ContainsKey("multiplier"))
                    {
                        NeedsVersion3(path + ".multiplier", static () => Texts.Err_SpecWhatMultiplier);
                    }

                    CheckKnown(props, path, _version >= 3 ? ["type", "index", "spread", "multiplier", "repricing", "floor"] : ["type", "index", "spread", "repricing", "floor"], static () => Say(Texts.Err_SpecWhatRate, "floating"));
                    RateIndex index = ReadIndex(Required(props, path, "index", static () => Eg("\"index\": \"lpr5y\"")), path + ".index", allowNew: false);
                    if (props.TryGetValue("multiplier", out JsonElement multiplierElement))
                    {
                        return ReadMultipleRate(props, path, index, multiplierElement);
                    }

                    Spread spread = ReadSpread(Required(props, path, "spread", static () => Texts.Err_SpecHintSpread), path + ".spread");
                    RepricingRule repricing = ReadRepricing(
                        Required(props, path, "repricing", static () => Eg("\"repricing\": { \"rule\": \"january-1\" }")), path + ".repricing");
                    Rate? floor = null;
                    if (props.TryGetValue("floor", out JsonElement floorElement))
                    {
                        floor = ReadRate(floorElement, path + ".floor", isSpread: false);
                    }

                    return Library(path + ".floor", () => RatePlan.Floating(index, spread, repricing, floor));
                }

                case "provident-fund":
                {
                    CheckKnown(props, path, ["type", "index"], static () => Say(Texts.Err_SpecWhatRate, "provident-fund"));
                    RateIndex index = ReadIndex(Required(props, path, "index", static () => Eg("\"index\": \"pf-first-gt5y\"")), path + ".index", allowNew: false);
                    return RatePlan.ProvidentFund(index);
                }

                case "stepped":
                {
                    CheckKnown(props, path, ["type", "first", "periods", "then"], static () => Say(Texts.Err_SpecWhatRate, "stepped"));
                    RatePlan firstPlan = ReadRatePlan(Required(props, path, "first", static () => Texts.Err_SpecHintSteppedFirst), path + ".first");
                    int periods = ReadInt(Required(props, path, "periods", static () => Texts.Err_SpecHintSteppedPeriods), path + ".periods", static () => Eg("36"));
                    RatePlan thenPlan = ReadRatePlan(Required(props, path, "then", static () => Texts.Err_SpecHintSteppedThen), path + ".then");
                    return Library(path + ".periods", () => RatePlan.Stepped(firstPlan, periods, thenPlan));
                }

                default:
                    throw Error(path + ".type", Say(Texts.Err_SpecRateType, type, List(["fixed", "floating", "provident-fund", "stepped"])));
            }
        }

        /// <summary>A floating rate priced as a multiple of the index (version 3): <c>"multiplier": "x1.1"</c> instead of a spread, no floor.</summary>
        private RatePlan ReadMultipleRate(Dictionary<string, JsonElement> props, string path, RateIndex index, JsonElement element)
        {
            string at = path + ".multiplier";
            if (props.ContainsKey("spread"))
            {
                throw Error(at, Texts.Err_SpecSpreadAndMultiplier);
            }

            if (props.ContainsKey("floor"))
            {
                throw Error(path + ".floor", Texts.Err_SpecMultiplierFloor);
            }

            if (element.ValueKind == JsonValueKind.Number)
            {
                string raw = element.GetRawText();
                throw Error(at, Say(Texts.Err_SpecMultiplierNumber, raw));
            }

            RateMultiplier multiplier = Text(element, at, RateMultiplier.Parse);
            RepricingRule repricing = ReadRepricing(
                Required(props, path, "repricing", static () => Eg("\"repricing\": { \"rule\": \"january-1\" }")), path + ".repricing");
            return Library(at, () => RatePlan.FloatingMultiple(index, multiplier, repricing));
        }

        private RepricingRule ReadRepricing(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatRepricing);
            string rule = ReadString(Required(props, path, "rule", static () => List(["january-1", "anniversary", "every-months"])), path + ".rule");
            switch (rule)
            {
                case "january-1":
                    CheckKnown(props, path, ["rule"], static () => Say(Texts.Err_SpecWhatRule, "january-1"));
                    return RepricingRule.EveryJanuary1;
                case "anniversary":
                    CheckKnown(props, path, ["rule"], static () => Say(Texts.Err_SpecWhatRule, "anniversary"));
                    return RepricingRule.EveryAnniversary;
                case "every-months":
                {
                    CheckKnown(props, path, ["rule", "months", "from"], static () => Say(Texts.Err_SpecWhatRule, "every-months"));
                    int months = ReadInt(Required(props, path, "months", static () => Texts.Err_SpecHintCycle), path + ".months", static () => Eg("12"));
                    LocalDate? from = props.TryGetValue("from", out JsonElement f) ? ReadDate(f, path + ".from") : null;
                    return Library(path + ".months", () => RepricingRule.EveryMonths(months, from));
                }

                default:
                    throw Error(path + ".rule", Say(Texts.Err_SpecRepricingRule, rule, List(["january-1", "anniversary", "every-months"])));
            }
        }

        private List<LoanEvent> ReadEvents(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, Say(Texts.Err_SpecEventsList, Kind(element)));
            }

            var events = new List<LoanEvent>();
            int i = 0;
            bool failed = false;
            foreach (JsonElement item in element.EnumerateArray())
            {
                string at = $"{path}[{i++}]";
                LoanEvent? read = null;
                if (Try(() => read = ReadEvent(item, at)) && read is not null)
                {
                    events.Add(read);
                }
                else
                {
                    failed = true;
                }
            }

            // A bad event is recorded already; the loan is then not built (ReadLoan counts the errors).
            _ = failed;
            return events;
        }

        private LoanEvent ReadEvent(JsonElement item, string at)
        {
            Dictionary<string, JsonElement> props = Object(item, at, static () => Texts.Err_SpecWhatEventAny);
                string type = ReadString(Required(props, at, "type", static () => List(EventTypes)), at + ".type");
                LoanEvent e = type switch
                {
                    SpecNames.Events.SpreadChange => SpreadChange(props, at),
                    SpecNames.Events.SwitchToFloating => SwitchToFloating(props, at),
                    SpecNames.Events.ConvertToLpr => ConvertToLpr(props, at),
                    SpecNames.Events.FixedRate => FixedRate(props, at),
                    SpecNames.Events.Prepayment => PrepaymentEvent(props, at),
                    SpecNames.Events.Payoff => PayoffEvent(props, at),
                    SpecNames.Events.PaymentHoliday => HolidayEvent(props, at),
                    SpecNames.Events.TermChange => TermChangeEvent(props, at),
                    SpecNames.Events.MethodChange => MethodChangeEvent(props, at),
                    SpecNames.Events.InterestOnly => InterestOnlyEvent(props, at),
                    SpecNames.Events.RepaymentDayChange => RepaymentDayChangeEvent(props, at),
                    SpecNames.Events.ArrearsCapitalization => CapitalizationEvent(props, at),
                    SpecNames.Events.PaymentDeferral => DeferralEvent(props, at),
                    _ => throw Error(at + ".type", Say(Texts.Err_SpecEventType, type, List(EventTypes))),
                };
                return e;
        }

        private RateEvent SpreadChange(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "spread"], static () => Say(Texts.Err_SpecWhatEvent, "spread-change"));
            LocalDate date = EventDate(props, at);
            Spread spread = ReadSpread(Required(props, at, "spread", static () => Eg("\"spread\": \"-30bp\"")), at + ".spread");
            return RateEvent.SpreadChange(date, spread);
        }

        private RateEvent SwitchToFloating(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "index", "spread", "repricing"], static () => Say(Texts.Err_SpecWhatEvent, "switch-to-floating"));
            LocalDate date = EventDate(props, at);
            RateIndex index = ReadIndex(Required(props, at, "index", static () => Eg("\"index\": \"lpr5y\"")), at + ".index", allowNew: false);
            Spread spread = ReadSpread(Required(props, at, "spread", static () => Eg("\"spread\": \"+10bp\"")), at + ".spread");
            RepricingRule repricing = ReadRepricing(Required(props, at, "repricing", static () => Eg("\"repricing\": { \"rule\": \"january-1\" }")), at + ".repricing");
            return RateEvent.SwitchToFloating(date, index, spread, repricing);
        }

        private RateEvent ConvertToLpr(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "repricing", "index", "reference_date"], static () => Say(Texts.Err_SpecWhatEvent, "convert-to-lpr"));
            LocalDate date = EventDate(props, at);
            RepricingRule repricing = ReadRepricing(Required(props, at, "repricing", static () => Eg("\"repricing\": { \"rule\": \"january-1\" }")), at + ".repricing");
            RateIndex? index = props.TryGetValue("index", out JsonElement i) ? ReadIndex(i, at + ".index", allowNew: false) : null;
            LocalDate? reference = props.TryGetValue("reference_date", out JsonElement r) ? ReadDate(r, at + ".reference_date") : null;
            return RateEvent.ConvertToLpr(date, repricing, index, reference);
        }

        private RateEvent FixedRate(Dictionary<string, JsonElement> props, string at)
        {
            CheckKnown(props, at, ["type", "date", "annual"], static () => Say(Texts.Err_SpecWhatEvent, "fixed-rate"));
            LocalDate date = EventDate(props, at);
            Rate annual = ReadRate(Required(props, at, "annual", static () => Eg("\"annual\": \"3.9%\"")), at + ".annual", isSpread: false);
            return Library(at + ".annual", () => RateEvent.FixedRate(date, annual));
        }

        private Prepayment PrepaymentEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, static () => Say(Texts.Err_SpecWhatEvent, "prepayment"));
            CheckKnown(props, at, ["type", "date", "amount", "option"], static () => Say(Texts.Err_SpecWhatEvent, "prepayment"));
            LocalDate date = EventDate(props, at);
            decimal amount = ReadAmount(Required(props, at, "amount", static () => Texts.Err_SpecHintPrepaymentAmount), at + ".amount", static () => "200000");
            PrepaymentOption option = ReadOption(
                Required(props, at, "option", static () => List(["lower-payment", "shorten-term", "shorten-term-keep-payment", "{ \"new_term_months\": 120 }"])), at + ".option");
            return Library(at + ".amount", () => Prepayment.Partial(date, amount, option));
        }

        private Prepayment PayoffEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, static () => Say(Texts.Err_SpecWhatEvent, "payoff"));
            CheckKnown(props, at, ["type", "date"], static () => Say(Texts.Err_SpecWhatEvent, "payoff"));
            return Prepayment.Payoff(EventDate(props, at));
        }

        private PaymentHoliday HolidayEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion2(at, static () => Say(Texts.Err_SpecWhatEvent, "payment-holiday"));
            CheckKnown(props, at, ["type", "date", "skipped_interest"], static () => Say(Texts.Err_SpecWhatEvent, "payment-holiday"));
            LocalDate date = EventDate(props, at);
            string path = at + ".skipped_interest";
            string policy = ReadString(Required(props, at, "skipped_interest", static () => List(["\"capitalized\"", "\"collected-later\""])), path);
            SkippedInterest skipped = SpecNames.SkippedInterests.TryParse(policy, out SkippedInterest named)
                ? named
                : throw Error(path, Say(Texts.Err_SpecSkippedInterest, policy, List(SpecNames.SkippedInterests.Names)));
            return PaymentHoliday.On(date, skipped);
        }

        /// <summary>
        /// A term change (version 3): <c>extend_months</c> (展期 by N periods; negative shortens) or
        /// <c>remaining_months</c> (N periods left after the payment on <c>date</c>), exactly one; optional <c>limits</c>.
        /// </summary>
        private TermChange TermChangeEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEvent, "term-change"));
            CheckKnown(props, at, ["type", "date", "extend_months", "remaining_months", "limits"], static () => Say(Texts.Err_SpecWhatEvent, "term-change"));
            LocalDate date = EventDate(props, at);
            bool extends = props.TryGetValue("extend_months", out JsonElement extend);
            bool names = props.TryGetValue("remaining_months", out JsonElement remaining);
            if (extends && names)
            {
                throw Error(at + ".remaining_months", Texts.Err_SpecNewTermTwice);
            }

            if (!extends && !names)
            {
                throw Error(at + ".extend_months", Texts.Err_SpecNewTermMissing);
            }

            ExtensionLimits limits = props.TryGetValue("limits", out JsonElement l) ? ReadLimits(l, at + ".limits") : ExtensionLimits.ChinaHousing;
            if (extends)
            {
                string path = at + ".extend_months";
                int months = ReadInt(extend, path, static () => Eg("36"));
                return Library(path, () => TermChange.Extend(date, months, limits));
            }

            string left = at + ".remaining_months";
            int periods = ReadInt(remaining, left, static () => Eg("264"));
            return Library(left, () => TermChange.To(date, periods, limits));
        }

        /// <summary>An extension's limits: <c>china-housing</c>, <c>none</c>, or <c>{ "general_loan_rules": true, "max_total_months": 360 }</c>
        /// (each member optional, defaulting to china-housing's).</summary>
        private ExtensionLimits ReadLimits(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    throw Error(path, Say(Texts.Err_SpecLimits, SpecNames.ExtensionLimits.ChinaHousing, SpecNames.ExtensionLimits.None, Raw(element)));
                }

                return ReadChoice(element, path,
                    (SpecNames.ExtensionLimits.ChinaHousing, ExtensionLimits.ChinaHousing),
                    (SpecNames.ExtensionLimits.None, ExtensionLimits.None));
            }

            Dictionary<string, JsonElement> props = Properties(element, path);
            CheckKnown(props, path, ["general_loan_rules", "max_total_months"], static () => Texts.Err_SpecWhatLimits);
            ExtensionLimits limits = ExtensionLimits.ChinaHousing;
            if (props.TryGetValue("general_loan_rules", out JsonElement rules))
            {
                limits = limits with { GeneralLoanRules = ReadBool(rules, path + ".general_loan_rules") };
            }

            if (props.TryGetValue("max_total_months", out JsonElement max))
            {
                string at = path + ".max_total_months";
                int months = ReadInt(max, at, static () => Eg("360"));
                limits = months is < 1 or > Loan.MaxPeriods
                    ? throw Error(at, Say(Texts.Err_SpecBetween, 1, Loan.MaxPeriods, months))
                    : limits with { MaxTotalPeriods = months };
            }

            return limits;
        }

        /// <summary>A method change (version 3): from <c>date</c> on, <c>equal-installment</c> or <c>equal-principal</c>.</summary>
        private MethodChange MethodChangeEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEvent, "method-change"));
            CheckKnown(props, at, ["type", "date", "method"], static () => Say(Texts.Err_SpecWhatEvent, "method-change"));
            LocalDate date = EventDate(props, at);
            string path = at + ".method";
            RepaymentMethod method = ReadChoice(Required(props, at, "method", static () => List(["equal-installment", "equal-principal"])), path,
                (SpecNames.Methods.EqualInstallment, RepaymentMethod.EqualInstallment),
                (SpecNames.Methods.EqualPrincipal, RepaymentMethod.EqualPrincipal));
            return Library(path, () => MethodChange.To(date, method));
        }

        /// <summary>An arrears capitalization (version 3): <c>amount</c> added to the balance after the payment due on <c>date</c>.</summary>
        private ArrearsCapitalization CapitalizationEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEventAn, "arrears-capitalization"));
            CheckKnown(props, at, ["type", "date", "amount"], static () => Say(Texts.Err_SpecWhatEventAn, "arrears-capitalization"));
            LocalDate date = EventDate(props, at);
            decimal amount = ReadAmount(Required(props, at, "amount", static () => Texts.Err_SpecHintArrears), at + ".amount", static () => "13088.88");
            return Library(at + ".amount", () => ArrearsCapitalization.On(date, amount));
        }

        /// <summary>A payment deferral (version 3): the payments due on <c>months</c> due dates from <c>date</c> on move
        /// to the last row; optional <c>maximum_months</c> (the product's maximum, default 6).</summary>
        private PaymentDeferral DeferralEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEvent, "payment-deferral"));
            CheckKnown(props, at, ["type", "date", "months", "maximum_months"], static () => Say(Texts.Err_SpecWhatEvent, "payment-deferral"));
            LocalDate date = EventDate(props, at);
            string monthsPath = at + ".months";
            int months = ReadInt(Required(props, at, "months", static () => Texts.Err_SpecHintDeferred), monthsPath, static () => Eg("3"));
            int maximum = props.TryGetValue("maximum_months", out JsonElement m)
                ? ReadInt(m, at + ".maximum_months", static () => Eg("6"))
                : PaymentDeferral.DefaultMaximumPeriods;
            return Library(monthsPath, () => PaymentDeferral.Of(date, months, maximum));
        }

        /// <summary>A temporary interest-only period (version 3): <c>months</c> payments of interest from <c>date</c>,
        /// optional <c>minimum_principal</c>, <c>resume</c> (<c>over-remaining-term</c>, the default, or
        /// <c>to-maturity</c>) and <c>limits</c>.</summary>
        private InterestOnlyPeriod InterestOnlyEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEventAn, "interest-only"));
            CheckKnown(props, at, ["type", "date", "months", "minimum_principal", "resume", "limits"], static () => Say(Texts.Err_SpecWhatEventAn, "interest-only"));
            LocalDate date = EventDate(props, at);
            string monthsPath = at + ".months";
            int months = ReadInt(Required(props, at, "months", static () => Texts.Err_SpecHintInterestOnly), monthsPath, static () => Eg("6"));
            decimal minimum = props.TryGetValue("minimum_principal", out JsonElement m) ? ReadAmount(m, at + ".minimum_principal", static () => List(["100", "\"100.00\""])) : 0m;
            InterestOnlyResume resume = props.TryGetValue("resume", out JsonElement r)
                ? ReadChoice(r, at + ".resume", (SpecNames.InterestOnlyResumes.OverRemainingTerm, InterestOnlyResume.OverRemainingTerm), (SpecNames.InterestOnlyResumes.ToMaturity, InterestOnlyResume.ToMaturity))
                : InterestOnlyResume.OverRemainingTerm;
            ExtensionLimits limits = props.TryGetValue("limits", out JsonElement l) ? ReadLimits(l, at + ".limits") : ExtensionLimits.ChinaHousing;
            return Library(monthsPath, () => InterestOnlyPeriod.From(date, months, minimum, resume, limits));
        }

        /// <summary>A repayment-day change (version 3): from the period after <c>date</c> on, payments fall due on
        /// <c>day</c> (1–28); optional <c>minimum_months_between</c> (default 12).</summary>
        private RepaymentDayChange RepaymentDayChangeEvent(Dictionary<string, JsonElement> props, string at)
        {
            NeedsVersion3(at, static () => Say(Texts.Err_SpecWhatEvent, "repayment-day-change"));
            CheckKnown(props, at, ["type", "date", "day", "minimum_months_between"], static () => Say(Texts.Err_SpecWhatEvent, "repayment-day-change"));
            LocalDate date = EventDate(props, at);
            string dayPath = at + ".day";
            int day = ReadInt(Required(props, at, "day", static () => Texts.Err_SpecHintDay), dayPath, static () => Eg("5"));
            int between = props.TryGetValue("minimum_months_between", out JsonElement b) ? ReadInt(b, at + ".minimum_months_between", static () => Eg("12")) : 12;
            return Library(dayPath, () => RepaymentDayChange.From(date, day, between));
        }

        private PrepaymentOption ReadOption(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                Dictionary<string, JsonElement> props = Properties(element, path);
                CheckKnown(props, path, ["new_term_months"], static () => Texts.Err_SpecWhatNewTerm);
                string at = path + ".new_term_months";
                int months = ReadInt(Required(props, path, "new_term_months", static () => Texts.Err_SpecHintNewTerm), at, static () => Eg("120"));
                return Library(at, () => PrepaymentOption.NewTerm(months));
            }

            return ReadChoice(element, path,
                ("lower-payment", PrepaymentOption.LowerPayment),
                ("shorten-term", PrepaymentOption.ShortenTerm),
                ("shorten-term-keep-payment", PrepaymentOption.ShortenTermKeepPayment));
        }

        private static LocalDate EventDate(Dictionary<string, JsonElement> props, string at) =>
            ReadDate(Required(props, at, "date", static () => Texts.Err_SpecHintEventDate), at + ".date");

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
            throw Error(path, Say(Texts.Err_SpecIndex, name, names));
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
                throw Error(path, isSpread
                    ? Say(Texts.Err_SpecRateNoUnit, raw, raw + "bp", Shift(raw, -2) + "%")
                    : Say(Texts.Err_SpecRateNoUnit, raw, raw + "%", Shift(raw, 2) + "bp"));
            }

            string text = ReadString(element, path);
            return Library(path, () => SpecNumbers.ParseRateText(text, isSpread, problem => Error(path, problem)));
        }

        private RepaymentMethod ReadMethod(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                NeedsVersion2(path, static () => Texts.Err_SpecWhatMethodObject);
                Dictionary<string, JsonElement> props = Properties(element, path);
                string type = ReadString(Required(props, path, "type", static () => List(["balloon", "interest-first"])), path + ".type");
                switch (type)
                {
                    case "equal-installment":
                    case "equal-principal":
                        CheckKnown(props, path, ["type"], () => Say(Texts.Err_SpecWhatMethod, type));
                        return SimpleMethod(type, path + ".type");
                    case "balloon":
                    {
                        CheckKnown(props, path, ["type", "amortization_months"], static () => Say(Texts.Err_SpecWhatMethod, "balloon"));
                        string at = path + ".amortization_months";
                        int months = ReadInt(Required(props, path, "amortization_months", static () => Texts.Err_SpecHintAmortization), at, static () => Eg("240"));
                        return Library(at, () => RepaymentMethod.Balloon(months));
                    }

                    case "interest-first":
                    {
                        CheckKnown(props, path, ["type", "interest_only_months", "then", "minimum_principal"], static () => Say(Texts.Err_SpecWhatMethod, "interest-first"));
                        string at = path + ".interest_only_months";
                        int months = ReadInt(Required(props, path, "interest_only_months", static () => Texts.Err_SpecHintInterestFirst), at, static () => Eg("24"));
                        RepaymentMethod then = props.TryGetValue("then", out JsonElement thenElement)
                            ? SimpleMethod(ReadString(thenElement, path + ".then"), path + ".then")
                            : RepaymentMethod.EqualInstallment;
                        decimal minimum = props.TryGetValue("minimum_principal", out JsonElement m)
                            ? ReadAmount(m, path + ".minimum_principal", static () => List(["1", "\"0.50\""]))
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
                        throw Error(path + ".type", Say(Texts.Err_SpecMethodType, type, List(["equal-installment", "equal-principal", "balloon", "interest-first"])));
                }
            }

            string name = ReadString(element, path);
            if (!RepaymentMethod.TryParse(name, out RepaymentMethod method))
            {
                string more = name.Trim().ToLowerInvariant() is "balloon" or "interest-first"
                    ? Say(Texts.Err_SpecMethodIsObject, name.Trim().ToLowerInvariant(), name.Trim().ToLowerInvariant() == "balloon" ? "{ \"type\": \"balloon\", \"amortization_months\": 240 }" : "{ \"type\": \"interest-first\", \"interest_only_months\": 24 }")
                    : "";
                throw Error(path, Say(Texts.Err_SpecMethod, name, List([RepaymentMethod.EqualInstallment.Name, RepaymentMethod.EqualPrincipal.Name]), more));
            }

            return method;
        }

        private static RepaymentMethod SimpleMethod(string name, string path) =>
            RepaymentMethod.TryParse(name, out RepaymentMethod method)
                ? method
                : throw Error(path, Say(Texts.Err_SpecNotAllowed, name, List([RepaymentMethod.EqualInstallment.Name, RepaymentMethod.EqualPrincipal.Name])));

        /// <summary>An amount: a JSON number or a string holding a plain decimal number.</summary>
        private static decimal ReadAmount(JsonElement element, string path, Func<string> example)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out decimal number))
            {
                return number;
            }

            if (element.ValueKind == JsonValueKind.String && SpecNumbers.TryParseDecimal(element.GetString()!, out decimal text))
            {
                return text;
            }

            throw Error(path, Say(Texts.Err_SpecAmount, Raw(element), example()));
        }

        /// <summary>A percentage that is not a rate (a penalty, an allowance): a string with its <c>%</c>, e.g. <c>"3%"</c>.</summary>
        private static Percentage ReadPercentage(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                string raw = element.GetRawText();
                throw Error(path, Say(Texts.Err_SpecPercentNoUnit, raw));
            }

            string text = ReadString(element, path).Trim();
            if (!text.EndsWith('%'))
            {
                throw Error(path, Say(Texts.Err_SpecPercentSign, text));
            }

            string number = text[..^1].TrimEnd();
            if (!SpecNumbers.TryParseDecimal(number, out decimal percent))
            {
                throw Error(path, Say(Texts.Err_SpecPercentNumber, text, number));
            }

            return Library(path, () => Percentage.Percent(percent));
        }

        private static Percentage[] ReadPercentages(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, Say(Texts.Err_SpecPercentList, Kind(element)));
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
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatPenaltyAny);
            string type = ReadString(Required(props, path, "type", static () => List(PenaltyTypes)), path + ".type");
            PrepaymentPenalty penalty;
            switch (type)
            {
                case "none":
                    CheckKnown(props, path, ["type", "check_us_limit"], static () => Say(Texts.Err_SpecWhatPenalty, "none"));
                    penalty = PrepaymentPenalty.None;
                    break;
                case "percent-of-amount-by-year":
                    CheckKnown(props, path, ["type", "percents", "check_us_limit"], static () => Say(Texts.Err_SpecWhatPenalty, "percent-of-amount-by-year"));
                    penalty = PrepaymentPenalty.PercentOfAmountByYear(
                        ReadPercentages(Required(props, path, "percents", static () => Texts.Err_SpecHintPercents), path + ".percents"));
                    break;
                case "months-of-interest":
                {
                    CheckKnown(props, path, ["type", "months", "within_years", "check_us_limit"], static () => Say(Texts.Err_SpecWhatPenalty, "months-of-interest"));
                    int months = ReadInt(Required(props, path, "months", static () => Eg("\"months\": 3")), path + ".months", static () => Eg("3"));
                    int? years = props.TryGetValue("within_years", out JsonElement y) ? ReadInt(y, path + ".within_years", static () => Eg("1")) : null;
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
                    CheckKnown(props, path, ["type", "yearly_allowance", "percents", "check_us_limit"], static () => Say(Texts.Err_SpecWhatPenalty, "uk-erc"));
                    Percentage allowance = ReadPercentage(Required(props, path, "yearly_allowance", static () => Texts.Err_SpecHintAllowance), path + ".yearly_allowance");
                    Percentage[] percents = ReadPercentages(
                        Required(props, path, "percents", static () => Texts.Err_SpecHintErcPercents), path + ".percents");
                    penalty = PrepaymentPenalty.UkEarlyRepaymentCharge(allowance, percents);
                    break;
                }

                case "sum":
                {
                    CheckKnown(props, path, ["type", "of", "check_us_limit"], static () => Say(Texts.Err_SpecWhatPenalty, "sum"));
                    string ofPath = path + ".of";
                    JsonElement of = Required(props, path, "of", static () => Texts.Err_SpecHintPenalties);
                    if (of.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(ofPath, Say(Texts.Err_SpecPenaltiesList, Kind(of)));
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
                    throw Error(path + ".type", Say(Texts.Err_SpecPenaltyType, type, List(PenaltyTypes)));
            }

            if (props.TryGetValue("check_us_limit", out JsonElement check))
            {
                if (check.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Error(path + ".check_us_limit", Say(Texts.Err_SpecBool, Raw(check)));
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
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatRules);
            CheckKnown(props, path, ["minimum_amount", "minimum_payment_multiple", "allowed_after_months"], static () => "\"prepayment_rules\"");
            PrepaymentRules rules = PrepaymentRules.None;
            if (props.TryGetValue("minimum_amount", out JsonElement amount))
            {
                string at = path + ".minimum_amount";
                decimal value = ReadAmount(amount, at, static () => "10000");
                rules = Library(at, () => rules with { MinimumAmount = value });
            }

            if (props.TryGetValue("minimum_payment_multiple", out JsonElement multiple))
            {
                string at = path + ".minimum_payment_multiple";
                decimal value = ReadAmount(multiple, at, static () => "6");
                rules = Library(at, () => rules with { MinimumPaymentMultiple = value });
            }

            if (props.TryGetValue("allowed_after_months", out JsonElement after))
            {
                string at = path + ".allowed_after_months";
                int value = ReadInt(after, at, static () => Eg("12"));
                rules = Library(at, () => rules with { AllowedAfterMonths = value });
            }

            return rules;
        }

        private RoundingPolicy ReadRounding(JsonElement element, string path)
        {
            Dictionary<string, JsonElement> props = Object(element, path, static () => Texts.Err_SpecWhatRounding);
            CheckKnown(props, path, ["decimal_places", "mode"], static () => "\"rounding\"");
            int places = props.TryGetValue("decimal_places", out JsonElement p) ? ReadInt(p, path + ".decimal_places", static () => Eg("2")) : 2;
            RoundingMode mode = props.TryGetValue("mode", out JsonElement m)
                ? ReadName(m, path + ".mode", SpecNames.RoundingModes)
                : RoundingMode.HalfUp;
            return Library(path + ".decimal_places", () => new RoundingPolicy(places, mode));
        }

        private static T ReadName<T>(JsonElement element, string path, NameTable<T> names)
            where T : struct, Enum
        {
            string text = ReadString(element, path);
            return names.TryParse(text, out T value) ? value : throw Error(path, Say(Texts.Err_SpecNotAllowed, text, List(names.Names)));
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

            throw Error(path, Say(Texts.Err_SpecNotAllowed, text, List([.. choices.Select(c => c.Name)])));
        }

        private static LocalDate ReadDate(JsonElement element, string path)
        {
            string text = element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw Error(path, Say(Texts.Err_SpecDateString, Raw(element)));
            ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text.Trim());
            return result.Success
                ? result.Value
                : throw Error(path, Say(Texts.Err_SpecDate, text));
        }

        private static int ReadInt(JsonElement element, string path, Func<string> example) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value)
                ? value
                : throw Error(path, Say(Texts.Err_SpecWholeNumber, example(), Raw(element)));

        private static string ReadString(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw Error(path, Say(Texts.Err_SpecString, Raw(element)));

        private static Dictionary<string, JsonElement> Object(JsonElement element, string path, Func<string> what) =>
            element.ValueKind == JsonValueKind.Object
                ? Properties(element, path)
                : throw Error(path, Say(Texts.Err_SpecObject, what(), Raw(element)));

        private static JsonElement Required(Dictionary<string, JsonElement> props, string path, string name, Func<string> hint) =>
            props.TryGetValue(name, out JsonElement value)
                ? value
                : throw Error(Child(path, name), Say(Texts.Err_SpecRequired, hint()));

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

        private void CheckKnown(Dictionary<string, JsonElement> props, string path, string[] known, Func<string> what)
        {
            foreach (string name in known)
            {
                if (!PropertyNames.Contains(name))
                {
                    throw new InvalidOperationException($"The reader knows '{name}' ({what()}) but PropertyNames (and so the schema) does not.");
                }
            }

            foreach (string name in props.Keys)
            {
                if (Array.IndexOf(known, name) < 0)
                {
                    string? near = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(k.Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                    string hint = near is null ? "" : Say(Texts.Err_SpecDidYouMean, near);
                    _errors.Add(new SpecError(Child(path, name), Say(Texts.Err_SpecUnknownProperty, hint, what(), _version, string.Join(", ", known))));
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
                throw Error(Child(path, property.Name), Texts.Err_SpecTwice);
            }
        }

        return props;
    }

    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>"a or b", "a, b or c" in the reader's language (<see cref="Localized.Either"/>); the names themselves are what a spec writes.</summary>
    private static string List(IReadOnlyList<string> names) => Localized.Either(names);

    /// <summary>The penalty types a spec knows, as its errors list them.</summary>
    private static readonly string[] PenaltyTypes = ["none", "percent-of-amount-by-year", "months-of-interest", "uk-erc", "sum"];

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Texts.Err_SpecKindObject,
        JsonValueKind.Array => Texts.Err_SpecKindList,
        JsonValueKind.String => Texts.Err_SpecKindString,
        JsonValueKind.Number => Texts.Err_SpecKindNumber,
        JsonValueKind.True or JsonValueKind.False => Texts.Err_SpecKindBoolean,
        _ => "null",
    };

    private static string Raw(JsonElement element)
    {
        string raw = element.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Kind(element) : element.GetRawText();
        return raw.Length > 60 ? raw[..57] + "..." : raw;
    }
}
