using System.Globalization;
using System.Text.Json;
using MortgageMath.Portfolio;
using NodaTime;
using NodaTime.Text;

namespace MortgageMath.Cli;

/// <summary>
/// Reads a scenario file (docs/book.md "Scenario"): <c>fixings</c> (required), <c>valuation_date</c>,
/// <c>window_months</c>, <c>assume_unchanged_until</c>, <c>spread_changes</c>, <c>prepayment_rate</c>,
/// <c>prepayment_option</c>. Any other property, or a bad value, is a <see cref="UsageException"/> naming its path.
/// </summary>
internal static class ScenarioFile
{
    /// <summary>Rates are assumed unchanged after their last fixing up to this date unless the scenario says otherwise.</summary>
    internal static readonly LocalDate DefaultAssumeUnchangedUntil = new(2099, 12, 31);

    internal static (RepricingScenario Scenario, LocalDate AssumeUnchangedUntil) Read(string path, LocalDate today)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--scenario: cannot read '{path}': {e.Message}");
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            return Parse(doc.RootElement, today);
        }
        catch (JsonException e)
        {
            throw new UsageException($"--scenario: '{path}' is not valid JSON: {e.Message}");
        }
    }

    internal static (RepricingScenario Scenario, LocalDate AssumeUnchangedUntil) Parse(JsonElement root, LocalDate today)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("$", "must be a JSON object");
        }

        LocalDate valuation = today;
        LocalDate assume = DefaultAssumeUnchangedUntil;
        int window = 12;
        var fixings = new List<RateFixing>();
        var spreads = new List<SpreadChange>();
        Rate? prepaymentRate = null;
        PrepaymentOption? option = null;
        bool hasFixings = false;
        foreach (JsonProperty p in root.EnumerateObject())
        {
            string path = "$." + p.Name;
            switch (p.Name)
            {
                case "valuation_date":
                    valuation = Date(p.Value, path);
                    break;
                case "assume_unchanged_until":
                    assume = Date(p.Value, path);
                    break;
                case "window_months":
                    window = p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out int w) && w is >= 0 and <= Loan.MaxPeriods
                        ? w
                        : throw Bad(path, $"must be a whole number of months, 0 to {Loan.MaxPeriods}");
                    break;
                case "prepayment_rate":
                    prepaymentRate = Rate.TryParse(Text(p.Value, path), out Rate rate) && rate > Rate.Zero && rate < Rate.Percent(100m)
                        ? rate
                        : throw Bad(path, "must be a rate above 0% and below 100%, e.g. \"5%\"");
                    break;
                case "prepayment_option":
                    option = PrepaymentOption.TryParse(Text(p.Value, path), out PrepaymentOption? o) ? o : throw Bad(path, "must be a prepayment option, e.g. \"shorten-term\" or \"lower-payment\"");
                    break;
                case "fixings":
                    hasFixings = true;
                    int k = 0;
                    foreach (JsonElement f in Array(p.Value, path))
                    {
                        string at = $"{path}[{k++}]";
                        Only(f, at, "index", "effective_date", "rate");
                        fixings.Add(new RateFixing(Index(f, at), Date(Required(f, at, "effective_date"), at + ".effective_date"),
                            Rate.TryParse(Text(Required(f, at, "rate"), at + ".rate"), out Rate v) ? v : throw Bad(at + ".rate", "must be a rate, e.g. \"3.40%\""),
                            "scenario"));
                    }

                    break;
                case "spread_changes":
                    int j = 0;
                    foreach (JsonElement s in Array(p.Value, path))
                    {
                        string at = $"{path}[{j++}]";
                        Only(s, at, "index", "change_bp", "effective_date", "not_below_bp", "segment");
                        spreads.Add(new SpreadChange(Index(s, at), Spread.FromBasisPoints(Bp(Required(s, at, "change_bp"), at + ".change_bp")),
                            Date(Required(s, at, "effective_date"), at + ".effective_date"),
                            s.TryGetProperty("not_below_bp", out JsonElement nb) ? Spread.FromBasisPoints(Bp(nb, at + ".not_below_bp")) : null,
                            s.TryGetProperty("segment", out JsonElement seg) ? Text(seg, at + ".segment") : null));
                    }

                    break;
                default:
                    throw Bad(path, "is not a scenario property (fixings, valuation_date, window_months, assume_unchanged_until, spread_changes, prepayment_rate, prepayment_option)");
            }
        }

        if (!hasFixings)
        {
            throw Bad("$.fixings", "is required (an empty list when the scenario changes no fixing)");
        }

        return (new RepricingScenario(valuation, fixings, spreads, prepaymentRate, option, window), assume);
    }

    private static RateIndex Index(JsonElement e, string at) =>
        RateIndex.TryParse(Text(Required(e, at, "index"), at + ".index"), out RateIndex? index) ? index : throw Bad(at + ".index", "must be a rate index, e.g. \"lpr5y\"");

    private static decimal Bp(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal bp) && Math.Abs(bp) <= 10_000m ? bp : throw Bad(path, "must be a number of basis points, e.g. -20");

    private static JsonElement Required(JsonElement e, string at, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw Bad($"{at}.{name}", "is required");

    private static void Only(JsonElement e, string at, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Bad(at, "must be an object");
        }

        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!names.Contains(p.Name))
            {
                throw Bad($"{at}.{p.Name}", $"is not a property here ({string.Join(", ", names)})");
            }
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw Bad(path, "must be an array");

    private static string Text(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(path, "must be a string");

    private static LocalDate Date(JsonElement e, string path) =>
        LocalDatePattern.Iso.Parse(Text(e, path)) is { Success: true } r ? r.Value : throw Bad(path, "must be a date yyyy-MM-dd");

    private static UsageException Bad(string path, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"--scenario: {path} {what}."));
}
