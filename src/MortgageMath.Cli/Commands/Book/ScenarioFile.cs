using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
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
            throw new UsageException(Language.Format(CliText.Book_ErrScenarioUnreadable, path, e.Message));
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            return Parse(doc.RootElement, today);
        }
        catch (JsonException e)
        {
            throw new UsageException(Language.Format(CliText.Book_ErrScenarioJson, path, e.Message));
        }
    }

    internal static (RepricingScenario Scenario, LocalDate AssumeUnchangedUntil) Parse(JsonElement root, LocalDate today)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("$", CliText.Scenario_Object);
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
                        : throw Bad(path, Language.Format(CliText.Scenario_WindowMonths, Loan.MaxPeriods));
                    break;
                case "prepayment_rate":
                    prepaymentRate = Rate.TryParse(Text(p.Value, path), out Rate rate) && rate > Rate.Zero && rate < Rate.Percent(100m)
                        ? rate
                        : throw Bad(path, CliText.Scenario_PrepaymentRate);
                    break;
                case "prepayment_option":
                    option = PrepaymentOption.TryParse(Text(p.Value, path), out PrepaymentOption? o) ? o : throw Bad(path, CliText.Scenario_PrepaymentOption);
                    break;
                case "fixings":
                    hasFixings = true;
                    int k = 0;
                    foreach (JsonElement f in Array(p.Value, path))
                    {
                        string at = $"{path}[{k++}]";
                        Only(f, at, "index", "effective_date", "rate");
                        fixings.Add(new RateFixing(Index(f, at), Date(Required(f, at, "effective_date"), at + ".effective_date"),
                            Rate.TryParse(Text(Required(f, at, "rate"), at + ".rate"), out Rate v) ? v : throw Bad(at + ".rate", CliText.Scenario_Rate),
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
                    throw Bad(path, CliText.Scenario_Unknown);
            }
        }

        if (!hasFixings)
        {
            throw Bad("$.fixings", CliText.Scenario_FixingsRequired);
        }

        return (new RepricingScenario(valuation, fixings, spreads, prepaymentRate, option, window), assume);
    }

    private static RateIndex Index(JsonElement e, string at) =>
        RateIndex.TryParse(Text(Required(e, at, "index"), at + ".index"), out RateIndex? index) ? index : throw Bad(at + ".index", CliText.Scenario_Index);

    private static decimal Bp(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal bp) && Math.Abs(bp) <= 10_000m ? bp : throw Bad(path, CliText.Scenario_Bp);

    private static JsonElement Required(JsonElement e, string at, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw Bad($"{at}.{name}", CliText.Scenario_Required);

    private static void Only(JsonElement e, string at, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Bad(at, CliText.Scenario_AnObject);
        }

        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!names.Contains(p.Name))
            {
                throw Bad($"{at}.{p.Name}", Language.Format(CliText.Scenario_NotHere, string.Join(", ", names)));
            }
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw Bad(path, CliText.Scenario_Array);

    private static string Text(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(path, CliText.Scenario_String);

    private static LocalDate Date(JsonElement e, string path) =>
        LocalDatePattern.Iso.Parse(Text(e, path)) is { Success: true } r ? r.Value : throw Bad(path, CliText.Scenario_Date);

    private static UsageException Bad(string path, string what) =>
        new(Language.Format(CliText.Book_ErrScenario, path, what));
}
