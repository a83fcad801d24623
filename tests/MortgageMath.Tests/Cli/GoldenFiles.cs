using System.Runtime.CompilerServices;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// Finds the committed golden files without copying them to the output directory: next to this source file
/// (<see cref="CallerFilePathAttribute"/>), or, when the build maps source paths (deterministic CI builds write
/// <c>/_/…</c>), by walking up from the test assembly's directory or the working directory to the repository.
/// </summary>
internal static class GoldenFiles
{
    private const string RelativeDirectory = "tests/MortgageMath.Tests/Cli/Golden";

    internal static string PathOf(string name, [CallerFilePath] string sourceFile = "")
    {
        string besideSource = Path.Combine(Path.GetDirectoryName(sourceFile) ?? "", "Golden", name);
        if (File.Exists(besideSource))
        {
            return besideSource;
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativeDirectory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"Golden file '{name}' not found beside {sourceFile} or under any parent of {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    internal static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
