using System.Text.Json;
using MortgageMath.Specs;
using MortgageMath.Tests.Docs;

namespace MortgageMath.Tests.Specs;

/// <summary>
/// The JSON Schema in docs/ and the library's reader cannot drift: the schema allows exactly the property names the
/// reader knows, its enumerations are the spec names of <see cref="SpecNames"/>, and every spec the writer produces
/// uses only names the schema allows.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(DocSamples.RepositoryRoot, "docs", "loan-spec.schema.json"))));

    /// <summary>Every name under a <c>properties</c> object of the schema.</summary>
    private static SortedSet<string> SchemaPropertyNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty q in p.Value.EnumerateObject())
                        {
                            names.Add(q.Name);
                            Walk(q.Value);
                        }
                    }
                    else
                    {
                        Walk(p.Value);
                    }
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(Schema.Value.RootElement);
        return names;
    }

    /// <summary>Every string in an <c>enum</c> or a <c>const</c> of the schema.</summary>
    private static SortedSet<string> SchemaValues()
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (p.Name == "enum" && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        values.UnionWith(p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
                    }
                    else if (p.Name == "const" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        values.Add(p.Value.GetString()!);
                    }
                    else
                    {
                        Walk(p.Value);
                    }
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(Schema.Value.RootElement);
        return values;
    }

    [Fact]
    public void The_schema_allows_exactly_the_property_names_the_reader_knows()
    {
        SortedSet<string> schema = SchemaPropertyNames();
        var reader = new SortedSet<string>(LoanSpecReader.PropertyNames, StringComparer.Ordinal);
        Assert.Equal(reader, schema);
    }

    /// <summary>The spec names (types, rules, options, policies): each is a value the schema allows.</summary>
    public static TheoryData<string> SpecNameValues => new(Names());

    private static IEnumerable<string> Names()
    {
        {
            var names = new List<string>
            {
                SpecNames.Methods.EqualInstallment, SpecNames.Methods.EqualPrincipal, SpecNames.Methods.Balloon, SpecNames.Methods.InterestFirst,
                SpecNames.PrepaymentOptions.LowerPayment, SpecNames.PrepaymentOptions.ShortenTerm, SpecNames.PrepaymentOptions.ShortenTermKeepPayment,
                SpecNames.Penalties.None, SpecNames.Penalties.PercentOfAmountByYear, SpecNames.Penalties.MonthsOfInterest,
                SpecNames.Penalties.UkEarlyRepaymentCharge, SpecNames.Penalties.Sum,
                SpecNames.Repricing.January1, SpecNames.Repricing.Anniversary, SpecNames.Repricing.EveryMonths,
                SpecNames.RatePlans.Fixed, SpecNames.RatePlans.Floating, SpecNames.RatePlans.ProvidentFund, SpecNames.RatePlans.Stepped,
                SpecNames.Events.SpreadChange, SpecNames.Events.SwitchToFloating, SpecNames.Events.ConvertToLpr, SpecNames.Events.FixedRate,
                SpecNames.Events.Prepayment, SpecNames.Events.Payoff, SpecNames.Events.PaymentHoliday,
                SpecNames.Events.TermChange, SpecNames.Events.MethodChange, SpecNames.Events.InterestOnly, SpecNames.Events.RepaymentDayChange,
                SpecNames.Events.ArrearsCapitalization, SpecNames.Events.PaymentDeferral,
                SpecNames.InterestOnlyResumes.OverRemainingTerm, SpecNames.InterestOnlyResumes.ToMaturity,
                SpecNames.ExtensionLimits.ChinaHousing, SpecNames.ExtensionLimits.None,
                SpecNames.OverduePolicies.China, SpecNames.OverduePolicies.UnitedStates,
            };
            names.AddRange(SpecNames.SkippedInterests.Names);
            names.AddRange(SpecNames.PrepaymentInterests.Names);
            names.AddRange(SpecNames.RateChangeInterests.Names);
            names.AddRange(SpecNames.OddFirstPeriods.Names);
            names.AddRange(SpecNames.DayCounts.Names);
            names.AddRange(SpecNames.RoundingModes.Names);
            return names.Distinct(StringComparer.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SpecNameValues))]
    public void Every_spec_name_is_a_value_the_schema_allows(string name) => Assert.Contains(name, SchemaValues());

    [Fact]
    public void Every_enumerated_value_of_the_schema_is_a_spec_name_or_an_index()
    {
        var known = new HashSet<string>(Names(), StringComparer.Ordinal);
        known.UnionWith(RateIndex.All.Select(i => i.Name));
        string[] unknown = [.. SchemaValues().Where(v => !known.Contains(v))];
        Assert.True(unknown.Length == 0, "Schema values that are not spec names: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Written_specs_use_only_names_the_schema_allows()
    {
        SortedSet<string> schema = SchemaPropertyNames();
        for (int seed = 0; seed < 200; seed++)
        {
            using JsonDocument written = JsonDocument.Parse(LoanSpec.Write(LoanSpecGen.Build(seed)));
            var used = new List<string>();
            void Walk(JsonElement e)
            {
                if (e.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty p in e.EnumerateObject())
                    {
                        used.Add(p.Name);
                        Walk(p.Value);
                    }
                }
                else if (e.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in e.EnumerateArray())
                    {
                        Walk(item);
                    }
                }
            }

            Walk(written.RootElement);
            string[] unknown = [.. used.Where(n => !schema.Contains(n))];
            Assert.True(unknown.Length == 0, $"seed {seed} writes names the schema does not allow: " + string.Join(", ", unknown));
        }
    }
}
