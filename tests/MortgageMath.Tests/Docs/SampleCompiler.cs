using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NodaTime;

namespace MortgageMath.Tests.Docs;

/// <summary>
/// Compiles a doc sample in-process with Roslyn as a console app would build it (top-level statements, the SDK's
/// implicit usings, nullable on, warnings as errors, references to the .NET runtime, MortgageMath and NodaTime),
/// and runs it with <see cref="Console.Out"/> captured.
/// </summary>
internal static class SampleCompiler
{
    /// <summary>The implicit usings of an SDK console app (Microsoft.NET.Sdk with ImplicitUsings enabled).</summary>
    internal static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly SyntaxTree GlobalUsings = CSharpSyntaxTree.ParseText(
        string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), ParseOptions, path: "ImplicitUsings.g.cs");

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithDeterministic(true);

    // Built once: Roslyn caches each reference's metadata on the instance, so every compilation after the first
    // reads nothing again.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The shared framework's assemblies (the trusted platform assemblies of the runtime directory), not the
        // test host's own dependencies (xunit, Roslyn, ...), which a console app would not see.
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        IEnumerable<string> framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.StartsWith(runtime, StringComparison.Ordinal));
        return
        [
            .. framework.Append(typeof(Loan).Assembly.Location).Append(typeof(LocalDate).Assembly.Location)
                .Append(typeof(MortgageMath.Charts.Chart).Assembly.Location) // docs/charts.md and docs/report.md
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    });

    private static readonly Lock ConsoleLock = new();

    /// <summary>Compiles <paramref name="sample"/>; the diagnostics name the doc's file and line.</summary>
    /// <returns>The assembly image, or null with the errors in <paramref name="errors"/>.</returns>
    internal static byte[]? Compile(DocSample sample, out IReadOnlyList<string> errors)
    {
        // #line maps the sample's first line to the line after the opening fence, so messages read docs/x.md(12,5).
        string source = $"#line {sample.Line + 1} \"{sample.File}\"\n{sample.Code}\n";
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: sample.File, encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "DocSample_" + Path.GetFileNameWithoutExtension(sample.File).Replace('-', '_') + "_" + sample.Line.ToString(CultureInfo.InvariantCulture),
            [GlobalUsings, tree], References.Value, Options);

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        errors =
        [
            .. result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.ToString()),
        ];
        return result.Success ? image.ToArray() : null;
    }

    /// <summary>
    /// Runs a compiled sample in a collectible load context (MortgageMath and NodaTime resolve to the test's own
    /// copies) under the invariant culture, and returns what it wrote to <see cref="Console.Out"/>.
    /// </summary>
    /// <exception cref="TargetInvocationException">The sample threw; the inner exception is the sample's.</exception>
    internal static string Run(byte[] image, string name)
    {
        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(new MemoryStream(image));
            MethodInfo entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{name} has no entry point.");
            object?[]? arguments = entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()];

            lock (ConsoleLock)
            {
                TextWriter originalOut = Console.Out;
                CultureInfo originalCulture = CultureInfo.CurrentCulture, originalUiCulture = CultureInfo.CurrentUICulture;
                var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                try
                {
                    Console.SetOut(output);
                    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                    CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                    object? returned = entry.Invoke(null, arguments);
                    if (returned is Task task)
                    {
                        task.GetAwaiter().GetResult();
                    }
                }
                finally
                {
                    Console.SetOut(originalOut);
                    CultureInfo.CurrentCulture = originalCulture;
                    CultureInfo.CurrentUICulture = originalUiCulture;
                }

                return output.ToString().ReplaceLineEndings("\n");
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
