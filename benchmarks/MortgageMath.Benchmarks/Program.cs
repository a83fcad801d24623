using BenchmarkDotNet.Running;

namespace MortgageMath.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter '*' --job dry</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "book")
        {
            // The million-loan book run (docs/performance.md): book COUNT [THREADS] [--schedules].
            BookRun.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
                args.Length > 2 && args[2] != "--schedules" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1,
                args.Contains("--schedules"));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
