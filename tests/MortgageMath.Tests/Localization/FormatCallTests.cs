using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MortgageMath.Tests.Docs;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// Every <c>Localized.Format(LibraryText.X, …)</c> and <c>Language.Format(CliText.X, …)</c> in the sources passes
/// exactly as many values as the English text has placeholders (<c>{0}</c> … <c>{n}</c>). Most of these calls build
/// an error message, on a path a test may never take: one value too few would throw a <see cref="FormatException"/>
/// in front of the user instead of the message, one too many would drop a figure silently. (ResourceKeyTests checks
/// that each translation has the English text's placeholders; this checks the calls against the English text.)
/// </summary>
public partial class FormatCallTests
{
    [Fact]
    public void Every_format_call_passes_as_many_values_as_its_text_has_placeholders()
    {
        string root = DocSamples.RepositoryRoot;
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["LibraryText"] = Texts(Path.Combine(root, "src", "MortgageMath", "Resources", "LibraryText.resx")),
            ["CliText"] = Texts(Path.Combine(root, "src", "MortgageMath.Cli", "Resources", "CliText.resx")),
        };
        var problems = new List<string>();
        int checkedCalls = 0;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            string source = File.ReadAllText(file);
            foreach (Match call in FormatCall().Matches(source))
            {
                List<string> args = Arguments(source, call.Index + call.Length - 1);
                Match key = TextKey().Match(args.Count > 0 ? args[0].Trim() : "");
                if (!key.Success)
                {
                    continue; // a format chosen at run time (a conditional): not checked here
                }

                checkedCalls++;
                int line = source.AsSpan(0, call.Index).Count('\n') + 1;
                string where = $"{Path.GetRelativePath(root, file)}:{line} {key.Groups[2].Value}";
                if (!texts[key.Groups[1].Value].TryGetValue(key.Groups[2].Value, out string? text))
                {
                    problems.Add($"{where}: no such text");
                }
                else if (Placeholders(text) != args.Count - 1)
                {
                    problems.Add($"{where}: the text has {Placeholders(text)} placeholder(s), the call passes {args.Count - 1} value(s)");
                }
            }
        }

        Assert.True(checkedCalls > 500, $"only {checkedCalls} calls found: the pattern no longer matches the sources");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("no placeholder", 0)]
    [InlineData("{0} and {1}", 2)]
    [InlineData("{1} before {0}, {0} again", 2)]
    [InlineData("{{\"fixings\": [...]}} then {0}", 1)]
    [InlineData("{0,8} and {1:F2}", 2)]
    public void Placeholders_are_counted_by_their_highest_index(string text, int count) => Assert.Equal(count, Placeholders(text));

    [Fact]
    public void Arguments_are_split_at_top_level_commas_only()
    {
        const string source = "Format(LibraryText.X, f(a, b), \"x, y\", ',', new[] { 1, 2 }, c)";
        Assert.Equal(["LibraryText.X", " f(a, b)", " \"x, y\"", " ','", " new[] { 1, 2 }", " c"], Arguments(source, source.IndexOf('(', StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> Texts(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>How many values a composite format string takes: its highest placeholder index plus one.</summary>
    private static int Placeholders(string text)
    {
        int count = 0;
        foreach (Match m in Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)))
        {
            count = Math.Max(count, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1);
        }

        return count;
    }

    /// <summary>The arguments of the call whose '(' is at <paramref name="open"/>, split at its top-level commas (strings,
    /// characters and nested brackets skipped).</summary>
    private static List<string> Arguments(string source, int open)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        for (int i = open; i < source.Length; i++)
        {
            char c = source[i];
            if (c is '"' or '\'')
            {
                int start = i;
                for (i++; i < source.Length && source[i] != c; i++)
                {
                    if (source[i] == '\\')
                    {
                        i++;
                    }
                }

                current.Append(source, start, i - start + 1);
            }
            else if (c is '(' or '[' or '{')
            {
                if (depth++ > 0)
                {
                    current.Append(c);
                }
            }
            else if (c is ')' or ']' or '}')
            {
                if (--depth == 0)
                {
                    args.Add(current.ToString());
                    return args;
                }

                current.Append(c);
            }
            else if (c == ',' && depth == 1)
            {
                args.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        return args;
    }

    [GeneratedRegex(@"\b(?:Localized|Language)\.Format\(")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"^(?:[\w.]*\.)?(LibraryText|CliText)\.(\w+)$")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
