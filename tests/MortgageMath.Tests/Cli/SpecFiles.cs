using System.Runtime.CompilerServices;

namespace MortgageMath.Tests.Cli;

/// <summary>Temporary spec and rate files for the tests, and the repository's docs/examples files.</summary>
internal static class SpecFiles
{
    private static readonly string Directory = CreateDirectory();

    /// <summary>Writes <paramref name="text"/> to a new temporary file and returns its path.</summary>
    internal static string Write(string text, string extension = ".json")
    {
        string path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The docs/examples directory of the repository.</summary>
    internal static string ExamplesDirectory([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(sourceFile) ?? "", AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "docs", "examples");
                if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "docs", "loan-spec.md")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("docs/examples not found above " + sourceFile);
    }

    private static string CreateDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mortgage-spec-tests-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
