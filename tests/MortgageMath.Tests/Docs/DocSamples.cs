using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MortgageMath.Tests.Docs;

/// <summary>A C# sample of the docs: where it is, its code, its opt-out reason and the output the doc shows.</summary>
/// <param name="File">The Markdown file, relative to the repository root with '/' separators (e.g. <c>docs/apr.md</c>).</param>
/// <param name="Line">The 1-based line of the sample's opening fence.</param>
/// <param name="Code">The code between the fences.</param>
/// <param name="NoCompileReason">The reason of a <c>&lt;!-- no-compile: reason --&gt;</c> marker, or null.</param>
/// <param name="ExpectedOutput">The lines of the <c>```text</c> block that shows the output, or null.</param>
/// <param name="OutputLine">The 1-based line of that block's opening fence (0 without one).</param>
internal sealed record DocSample(string File, int Line, string Code, string? NoCompileReason, IReadOnlyList<string>? ExpectedOutput, int OutputLine)
{
    /// <summary>The sample's name in test results and messages: <c>file:line</c>.</summary>
    public string Name => $"{File}:{Line}";
}

/// <summary>
/// Finds the C# samples in README.md and docs/*.md following the convention of docs/architecture.md ("Docs
/// samples"): every <c>```csharp</c> block (also <c>```cs</c>, <c>```c#</c>) is a sample; a
/// <c>&lt;!-- no-compile: reason --&gt;</c> line right before its fence opts it out; the first fenced block after
/// it, before the next heading, is its expected output when that block is tagged <c>text</c>.
/// </summary>
internal static partial class DocSamples
{
    private static readonly Lazy<string> Root = new(FindRoot);

    private static readonly Lazy<IReadOnlyList<DocSample>> AllSamples = new(() => Parse(Root.Value));

    /// <summary>The repository root (the directory holding MortgageMath.sln, README.md and docs/).</summary>
    internal static string RepositoryRoot => Root.Value;

    /// <summary>Every sample, by file (README.md first, then docs/*.md in ordinal order) and line.</summary>
    internal static IReadOnlyList<DocSample> All => AllSamples.Value;

    /// <summary>The sample named <paramref name="name"/> (<c>file:line</c>).</summary>
    internal static DocSample Named(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"No C# sample at {name}.");

    /// <summary>The Markdown files searched: README.md and docs/*.md, relative to the root.</summary>
    internal static IReadOnlyList<string> Files(string root) =>
        [
            "README.md",
            .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md")
                .Select(path => "docs/" + Path.GetFileName(path))
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>Parses every Markdown file of <see cref="Files"/> under <paramref name="root"/>.</summary>
    internal static IReadOnlyList<DocSample> Parse(string root) =>
        [.. Files(root).SelectMany(file => Parse(file, File.ReadAllLines(Path.Combine(root, file))))];

    /// <summary>Parses one Markdown text: its fenced blocks, headings and markers.</summary>
    /// <exception cref="FormatException">A fence is never closed, or a no-compile marker has no reason.</exception>
    internal static IEnumerable<DocSample> Parse(string file, IReadOnlyList<string> lines)
    {
        // Pass 1: the fenced blocks (CommonMark: ``` or ~~~, up to 3 spaces of indent, closed by the same
        // character at least as long) and the headings outside them.
        var blocks = new List<(int Line, string Info, List<string> Body)>();
        var headings = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            Match open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                if (Heading().IsMatch(lines[i]))
                {
                    headings.Add(i + 1);
                }

                continue;
            }

            string fence = open.Groups["fence"].Value;
            var body = new List<string>();
            int start = i;
            for (i++; ; i++)
            {
                if (i == lines.Count)
                {
                    throw new FormatException($"{file}:{start + 1}: the fenced block opened here is never closed.");
                }

                Match close = Fence().Match(lines[i]);
                if (close.Success && close.Groups["fence"].Value[0] == fence[0]
                    && close.Groups["fence"].Length >= fence.Length && close.Groups["info"].Value.Trim().Length == 0)
                {
                    break;
                }

                body.Add(lines[i]);
            }

            blocks.Add((start + 1, open.Groups["info"].Value.Trim(), body));
        }

        // Pass 2: the samples, each with its marker and its output block.
        for (int b = 0; b < blocks.Count; b++)
        {
            (int line, string info, List<string> body) = blocks[b];
            if (!IsCSharp(info))
            {
                continue;
            }

            string? reason = null;
            if (line >= 2 && NoCompile().Match(lines[line - 2]) is { Success: true } marker)
            {
                reason = marker.Groups["reason"].Value.Trim();
                if (reason.Length == 0)
                {
                    throw new FormatException($"{file}:{line - 1}: a no-compile marker must give its reason: <!-- no-compile: why -->.");
                }
            }

            IReadOnlyList<string>? output = null;
            int outputLine = 0;
            if (b + 1 < blocks.Count && Language(blocks[b + 1].Info) == "text"
                && !headings.Any(h => h > line && h < blocks[b + 1].Line))
            {
                output = blocks[b + 1].Body;
                outputLine = blocks[b + 1].Line;
            }

            yield return new DocSample(file, line, string.Join('\n', body), reason, output, outputLine);
        }
    }

    private static string Language(string info) => info.Split(' ', 2)[0].ToLowerInvariant();

    private static bool IsCSharp(string info) => Language(info) is "csharp" or "cs" or "c#";

    private static string FindRoot() => FindRootFrom();

    private static string FindRootFrom([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(sourceFile) ?? "", AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            if (start.Length == 0 || !Directory.Exists(start))
            {
                continue;
            }

            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MortgageMath.sln"))
                    && File.Exists(Path.Combine(dir.FullName, "README.md"))
                    && Directory.Exists(Path.Combine(dir.FullName, "docs")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"The repository root (MortgageMath.sln, README.md, docs/) was not found above {sourceFile}, {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}#{1,6}(\s|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*<!--\s*no-compile\b:?(?<reason>.*?)-->\s*$")]
    private static partial Regex NoCompile();
}
