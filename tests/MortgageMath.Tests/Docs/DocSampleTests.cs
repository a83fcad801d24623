using System.Globalization;
using System.Reflection;
using System.Text;

namespace MortgageMath.Tests.Docs;

/// <summary>
/// Runs this class alone: a sample's output is captured through <see cref="Console.SetOut"/>, which is global, so
/// no other test may write to the console meanwhile.
/// </summary>
[CollectionDefinition(nameof(DocSampleCollection), DisableParallelization = true)]
public sealed class DocSampleCollection
{
}

/// <summary>
/// Every C# sample in README.md and docs/*.md compiles as a console program, and one that prints prints exactly what
/// the doc shows (the convention: docs/architecture.md, "Docs samples"). Samples cannot drift from the library.
/// </summary>
[Collection(nameof(DocSampleCollection))]
public sealed class DocSampleTests
{
    /// <summary>One case per sample, named <c>file:line</c> of its opening fence.</summary>
    public static TheoryData<string> Samples => [.. DocSamples.All.Select(s => s.Name)];

    /// <summary>The sample compiles (or, marked no-compile, really does not), and prints what the doc shows.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_compiles_and_prints_what_the_doc_shows(string sample)
    {
        DocSample s = DocSamples.Named(sample);
        byte[]? image = SampleCompiler.Compile(s, out IReadOnlyList<string> errors);

        if (s.NoCompileReason is { } reason)
        {
            Assert.True(image is null,
                $"{s.Name} is marked <!-- no-compile: {reason} --> but compiles: remove the marker so the test checks it.");
            Assert.True(s.ExpectedOutput is null, $"{s.Name} is marked no-compile, so the output shown at line {s.OutputLine} cannot be checked.");
            return;
        }

        Assert.True(image is not null,
            $"{s.Name} does not compile as a console program (top-level statements, the SDK's implicit usings, MortgageMath "
            + "and NodaTime referenced; see docs/architecture.md, \"Docs samples\"):\n" + string.Join('\n', errors));

        if (s.ExpectedOutput is null)
        {
            Assert.False(s.Code.Contains("Console.", StringComparison.Ordinal),
                $"{s.Name} writes to the console but shows no output: add a ```text block with what it prints right after it.");
            return;
        }

        string actual;
        try
        {
            actual = SampleCompiler.Run(image, s.Name);
        }
        catch (Exception e)
        {
            Exception thrown = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            Assert.Fail($"{s.Name} threw {thrown.GetType().Name}: {thrown}");
            return;
        }

        string expected = string.Concat(s.ExpectedOutput.Select(line => line + "\n"));
        if (actual != expected)
        {
            Assert.Fail(Difference(s, expected, actual));
        }
    }

    /// <summary>The finder sees the samples it must: a finder that silently found nothing would pass every sample.</summary>
    [Fact]
    public void Finds_the_samples_of_the_readme_and_docs()
    {
        IReadOnlyList<string> files = DocSamples.Files(DocSamples.RepositoryRoot);
        Assert.Contains("README.md", files);
        Assert.Contains("docs/apr.md", files);

        IReadOnlyList<DocSample> all = DocSamples.All;
        Assert.Contains(all, s => s.File == "README.md" && s.ExpectedOutput is not null);
        Assert.Contains(all, s => s.File == "docs/apr.md");
        Assert.True(all.Count >= 10, $"only {all.Count} samples found");
    }

    /// <summary>The parser's rules: markers, output blocks, fences.</summary>
    [Fact]
    public void Parses_markers_output_blocks_and_fences()
    {
        string[] md =
        [
            "# Title",                              // 1
            "```csharp",                            // 2: a sample with its output
            "Console.WriteLine(1);",
            "```",
            "prints",
            "",
            "```text",                              // 7
            "1",
            "```",
            "<!-- no-compile: a fragment of the loop above -->",
            "~~~cs",                                // 11: opted out; its next block is after a heading
            "x += 1;",
            "~~~",
            "## Next",
            "```text",
            "not output",
            "```",
            "````c#",                               // 18: a longer fence holds a shorter one
            "var s = \"\"\"",
            "```",
            "\"\"\";",
            "````",
            "```json",
            "{}",
            "```",
        ];

        DocSample[] samples = [.. DocSamples.Parse("docs/x.md", md)];

        Assert.Equal(3, samples.Length);
        Assert.Equal(("docs/x.md:2", "Console.WriteLine(1);", null, 7), (samples[0].Name, samples[0].Code, samples[0].NoCompileReason, samples[0].OutputLine));
        Assert.Equal(["1"], samples[0].ExpectedOutput!);
        Assert.Equal(("docs/x.md:11", "a fragment of the loop above"), (samples[1].Name, samples[1].NoCompileReason));
        Assert.Null(samples[1].ExpectedOutput);
        Assert.Equal(("docs/x.md:18", "var s = \"\"\"\n```\n\"\"\";"), (samples[2].Name, samples[2].Code));
        Assert.Null(samples[2].ExpectedOutput);
    }

    /// <summary>No heading sits inside a fenced block in the README or the docs: one would mean a fence left open
    /// earlier, which turns the rest of the page inside out (code rendered as text and text as code), while the
    /// fences still pair up.</summary>
    [Fact]
    public void No_heading_is_inside_a_fenced_block()
    {
        var found = new List<string>();
        foreach (string file in DocSamples.Files(DocSamples.RepositoryRoot))
        {
            bool inBlock = false;
            string[] lines = File.ReadAllLines(Path.Combine(DocSamples.RepositoryRoot, file));
            for (int k = 0; k < lines.Length; k++)
            {
                if (lines[k].StartsWith("```", StringComparison.Ordinal))
                {
                    inBlock = !inBlock;
                }
                else if (inBlock && System.Text.RegularExpressions.Regex.IsMatch(lines[k], "^#{2,6} "))
                {
                    found.Add($"{file}:{k + 1}: {lines[k]}");
                }
            }
        }

        Assert.Empty(found);
    }

    /// <summary>A marker without a reason and an unclosed fence are errors, not silently skipped samples.</summary>
    [Fact]
    public void Refuses_a_marker_without_reason_and_an_unclosed_fence()
    {
        var noReason = Assert.Throws<FormatException>(() => DocSamples.Parse("a.md", ["<!-- no-compile -->", "```csharp", "x", "```"]).ToList());
        Assert.Contains("a.md:1", noReason.Message, StringComparison.Ordinal);

        var unclosed = Assert.Throws<FormatException>(() => DocSamples.Parse("a.md", ["text", "```csharp", "x"]).ToList());
        Assert.Contains("a.md:2", unclosed.Message, StringComparison.Ordinal);
    }

    /// <summary>A compile error names the doc's file and line, not the sample's own line.</summary>
    [Fact]
    public void A_compile_error_names_the_doc_line()
    {
        var sample = new DocSample("docs/x.md", 40, "using MortgageMath;\n\nvar x = payments;", null, null, 0);

        Assert.Null(SampleCompiler.Compile(sample, out IReadOnlyList<string> errors));
        Assert.Contains(errors, e => e.StartsWith("docs/x.md(43,9): error CS0103", StringComparison.Ordinal));
    }

    /// <summary>Nullable is on and a warning fails the sample, as in the repository's own projects.</summary>
    [Fact]
    public void A_warning_fails_the_sample()
    {
        var sample = new DocSample("docs/x.md", 1, "string s = null;\nConsole.WriteLine(s);", null, null, 0);

        Assert.Null(SampleCompiler.Compile(sample, out IReadOnlyList<string> errors));
        Assert.Contains(errors, e => e.Contains("CS8600", StringComparison.Ordinal));
    }

    /// <summary>A run captures the console under the invariant culture, and gives the caller's culture back.</summary>
    [Fact]
    public void A_run_captures_the_console_under_the_invariant_culture()
    {
        var sample = new DocSample("docs/x.md", 1, "Console.WriteLine($\"{1234.5m:N2} {args.Length}\");\nConsole.Write(\"end\");", null, null, 0);
        byte[]? image = SampleCompiler.Compile(sample, out IReadOnlyList<string> errors);
        Assert.True(image is not null, string.Join('\n', errors));

        CultureInfo original = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;

            Assert.Equal("1,234.50 0\nend", SampleCompiler.Run(image, sample.Name));
            Assert.Same(comma, CultureInfo.CurrentCulture);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    private static string Difference(DocSample s, string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        var message = new StringBuilder()
            .Append(s.Name).Append(" prints other than the ```text block at ").Append(s.File).Append(':').Append(s.OutputLine)
            .Append(" shows; first difference on output line ").Append(line + 1).Append(":\n")
            .Append("  shown:   ").Append(line < e.Length ? e[line] : "(nothing)").Append('\n')
            .Append("  printed: ").Append(line < a.Length ? a[line] : "(nothing)").Append('\n')
            .Append("The whole output:\n").Append(actual);
        return message.ToString();
    }
}
