using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MortgageMath.Portfolio;

namespace MortgageMath.Benchmarks;

/// <summary>
/// A book of 2,000 synthetic loans (<see cref="SyntheticBook"/>): every schedule built (the job today without a
/// row-free path), every loan's totals row-free, and the book repriced (before and after a 10 bp LPR cut) on one
/// thread. The million-loan figures come from <see cref="BookRun"/> (<c>-- book N THREADS</c>).
/// </summary>
[MemoryDiagnoser]
public class BookBenchmarks
{
    private BookLoan[] _book = null!;

    [GlobalSetup]
    public void Setup() => _book = SyntheticBook.Generate(2_000);

    [Benchmark(Baseline = true, Description = "2,000 schedules (rows)")]
    public decimal Schedules()
    {
        decimal total = 0;
        foreach (BookLoan b in _book)
        {
            total += b.Loan is { } l ? l.BuildSchedule().TotalInterest : b.Combined!.BuildSchedule().TotalInterest;
        }

        return total;
    }

    [Benchmark(Description = "2,000 totals (row-free)")]
    public decimal Totals()
    {
        decimal total = 0;
        foreach (BookLoan b in _book)
        {
            total += b.Loan is { } l ? l.Totals().TotalInterest : b.Combined!.Totals().TotalInterest;
        }

        return total;
    }

    [Benchmark(Description = "2,000 repriced before/after, 1 thread")]
    public RepricingSummary Repriced() => BookRepricer.Summarize(BookRepricer.Reprice(_book, SyntheticBook.Scenario, maxDegreeOfParallelism: 1));
}

/// <summary>
/// The million-loan run (not a BenchmarkDotNet benchmark: one pass, wall and CPU time, GC counts, allocation, peak
/// memory): <c>dotnet run -c Release --project benchmarks/MortgageMath.Benchmarks -- book 1000000 1</c> (the last
/// argument: threads). The book is generated and held in memory first, so the run measures pricing, not I/O.
/// </summary>
public static class BookRun
{
    public static void Run(int count, int threads, bool schedules)
    {
        BookLoan[] book = SyntheticBook.Generate(count);
        BookRepricer.Summarize(BookRepricer.Reprice(book.Take(2_000), SyntheticBook.Scenario, maxDegreeOfParallelism: threads)); // warm up
        if (schedules)
        {
            Measure($"{count:N0} loans, every schedule built (rows), {threads} thread(s)", threads, () =>
            {
                Parallel.For(0, book.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
                {
                    _ = book[k].Loan is { } l ? l.BuildSchedule().TotalInterest : book[k].Combined!.BuildSchedule().TotalInterest;
                });
                return $"{count:N0} schedules";
            }, count);
            Measure($"{count:N0} loans, every loan's totals (row-free), {threads} thread(s)", threads, () =>
            {
                Parallel.For(0, book.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
                {
                    _ = book[k].Loan is { } l ? l.Totals().TotalInterest : book[k].Combined!.Totals().TotalInterest;
                });
                return $"{count:N0} totals";
            }, count);
        }

        Measure($"{count:N0} loans repriced before/after (2 row-free walks each), {threads} thread(s)", threads, () =>
        {
            RepricingSummary s = BookRepricer.Summarize(BookRepricer.Reprice(book, SyntheticBook.Scenario, maxDegreeOfParallelism: threads));
            return $"priced {s.Priced:N0}, failed {s.Failed:N0}, life interest {s.InterestBefore:N2} -> {s.InterestAfter:N2}";
        }, count);
    }

    private static void Measure(string what, int threads, Func<string> run, int count)
    {
        GC.Collect();
        int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan pause = GC.GetTotalPauseDuration();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        string result = run();
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {clock.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, {count / clock.Elapsed.TotalSeconds:N0} loans/s, " +
            $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e9:F2} GB allocated, GC gen0/1/2 {GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]}, " +
            $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB; {result}"));
    }
}
