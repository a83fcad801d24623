using System.Globalization;
using System.Text.RegularExpressions;

namespace MortgageMath.Charts.Tests;

/// <summary>The chart and report texts (Resources/ChartText.resx): every key the code asks for is in the resources,
/// every key in them is used (so a localization translates exactly the texts that appear), and every text formats in
/// every language. That each key is translated is checked by ResourceKeyTests in MortgageMath.Tests.</summary>
public sealed partial class TextsTests
{
    private static HashSet<string> UsedKeys()
    {
        string source = Path.Combine(Samples.RepositoryRoot, "src", "MortgageMath.Charts");
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "Texts.cs")
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_key_the_code_uses_is_in_the_table_and_every_key_in_the_table_is_used()
    {
        HashSet<string> used = UsedKeys();
        Assert.True(used.Count > 50, $"only {used.Count} keys found: the pattern no longer matches the code");
        Assert.Empty(used.Except(Texts.Keys));
        Assert.Empty(Texts.Keys.Except(used));
    }

    [Fact]
    public void Every_format_formats()
    {
        foreach (string key in Texts.Keys)
        {
            _ = Texts.Format(key, CultureInfo.InvariantCulture, "a", "b", "c", "d", "e", "f");
            _ = Texts.Format(key, CultureInfo.GetCultureInfo("zh-CN"), "a", "b", "c", "d", "e", "f");
        }
    }

    // "Chart.Balance.Title", "Series.Balance", ... : a dotted key of the table, as a string literal.
    [GeneratedRegex("\"((?:Chart|Axis|Series|Option|Method|Report|Term|Plan|Figure|Column|Cause|Reason|Schedule|Repricing)\\.[A-Za-z.]+)\"")]
    private static partial Regex KeyLiteral();
}
