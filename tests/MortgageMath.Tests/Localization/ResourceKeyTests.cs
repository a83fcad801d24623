using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// Guards the translations (docs/localization.md): for every resource set, every language has exactly the keys of the
/// English (neutral) file, no value is empty, and every translation uses the same placeholders ({0}, {1}, …) as the
/// English text, so a missing or half-translated key fails here rather than showing English in a Chinese table or
/// throwing a FormatException in front of a user.
/// </summary>
public partial class ResourceKeyTests
{
    /// <summary>The languages every resource set must have, besides English; a new language is added here and in docs/localization.md.</summary>
    public static readonly string[] Languages = ["zh-Hans"];

    /// <summary>Every resource set: the tool's texts, the library's, and the charts' and report's.</summary>
    public static TheoryData<string, string> Sets()
    {
        var data = new TheoryData<string, string>();
        foreach (string language in Languages)
        {
            data.Add("cli", language);
            data.Add("library", language);
            data.Add("charts", language);
        }

        return data;
    }

    private static ResourceManager Manager(string set) => set switch
    {
        "cli" => MortgageMath.Cli.Resources.CliText.ResourceManager,
        // The charts package keeps its accessor internal: its resources by name (Resources/ChartText.resx).
        "charts" => new ResourceManager("MortgageMath.Charts.Resources.ChartText", typeof(MortgageMath.Charts.Chart).Assembly),
        _ => MortgageMath.Resources.LibraryText.ResourceManager,
    };

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        // tryParents: false, so that a missing satellite or key is not filled in from English.
        ResourceSet set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new Xunit.Sdk.XunitException($"no resources for '{culture.Name}' in {manager.BaseName} (is the satellite assembly built?)");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            entries[(string)entry.Key] = (string)entry.Value!;
        }

        return entries;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_key_exists_in_every_language_with_the_same_placeholders(string set, string language)
    {
        ResourceManager manager = Manager(set);
        Dictionary<string, string> english = Entries(manager, CultureInfo.InvariantCulture);
        Dictionary<string, string> translated = Entries(manager, CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{k}: missing in {language}"));
        Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{k}: in {language} but not in English"));
        foreach ((string key, string text) in english)
        {
            Assert.False(string.IsNullOrEmpty(translated[key]), $"{key} is empty in {language}");
            Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])),
                $"{key}: English has the placeholders {{{string.Join(",", Placeholders(text))}}}, {language} {{{string.Join(",", Placeholders(translated[key]))}}}");
        }
    }

    [Fact]
    public void Every_built_language_is_checked()
    {
        // A satellite assembly directory that is not in Languages would be a language nobody guards.
        string directory = Path.GetDirectoryName(typeof(MortgageMath.Cli.Resources.CliText).Assembly.Location)!;
        string[] built = [.. Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "mortgage.resources.dll")) || File.Exists(Path.Combine(d, "MortgageMath.resources.dll"))
                || File.Exists(Path.Combine(d, "MortgageMath.Charts.resources.dll")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!];
        Assert.Equal(Languages.Order(StringComparer.Ordinal), built);
    }

    [Fact]
    public void A_missing_key_is_reported()
    {
        // The check itself: a translation without one of the English keys fails.
        var english = new Dictionary<string, string> { ["A"] = "a {0}", ["B"] = "b" };
        var translated = new Dictionary<string, string> { ["A"] = "甲 {0}" };
        Assert.Equal(["B"], english.Keys.Except(translated.Keys));
        Assert.False(Placeholders("a {0} {1}").SetEquals(Placeholders("甲 {0}")));
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
