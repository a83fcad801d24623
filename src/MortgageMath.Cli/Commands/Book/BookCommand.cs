using System.CommandLine;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Portfolio;
using NodaTime;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage book</c> commands (docs/book.md): <c>book sample</c> writes a synthetic book; <c>book reprice</c>
/// reprices a book under a scenario with the library's <see cref="BookRepricer"/> (row-free, all cores, streaming),
/// writing one result row per priced loan and, with <c>--summary</c>, the counts and sums. A thin shell: the figures
/// are the library's.
/// </summary>
internal sealed class BookCommand
{
    private readonly Func<LocalDate> _today;

    private readonly Command _sample = new("sample", CliText.Help_BookSample);

    private readonly Command _reprice = new("reprice", CliText.Help_BookReprice);

    private readonly Option<int> _count = new("--count") { Description = CliText.Help_Book_Count, Required = true, HelpName = "N", CustomParser = WholeNumber };

    private readonly Option<string> _sampleOutput = new("--output")
    {
        Description = CliText.Help_Book_Output,
        Required = true,
        HelpName = "FILE",
    };

    private readonly Option<string> _loans = new("--loans") { Description = CliText.Help_Book_Loans, Required = true, HelpName = "FILE" };

    private readonly Option<string> _scenario = new("--scenario") { Description = CliText.Help_Book_Scenario, Required = true, HelpName = "FILE" };

    private readonly Option<string> _output = new("--output")
    {
        Description = CliText.Help_Book_Output2,
        HelpName = "FILE",
    };

    private readonly Option<bool> _summary = new("--summary") { Description = CliText.Help_Book_Summary };

    private readonly Option<string> _onError = new("--on-error")
    {
        Description = CliText.Help_Book_OnError,
        HelpName = "fail|skip",
    };

    private readonly Option<int> _threads = new("--threads") { Description = CliText.Help_Book_Threads, HelpName = "N", CustomParser = WholeNumber };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = CliText.Help_Book_Rates,
        HelpName = "FILE",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="today">The default valuation date of a scenario that gives none.</param>
    internal BookCommand(Func<LocalDate> today)
    {
        _today = today;
        _sample.Options.Add(_count);
        _sample.Options.Add(_sampleOutput);
        foreach (Option option in new Option[] { _loans, _scenario, _output, _summary, _onError, _threads, _rates })
        {
            _reprice.Options.Add(option);
        }

        Command = new Command("book", CliText.Help_Book);
        Command.Subcommands.Add(_sample);
        Command.Subcommands.Add(_reprice);
    }

    /// <summary>A whole-number option's value, refused in the run's language (the parser's own text names a .NET type:
    /// "as expected type 'System.Int32'"); absent, the type's default (the option's own default or requirement applies).</summary>
    private static int WholeNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return 0;
        }

        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        string name = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "";
        result.AddError(Language.Format(CliText.Error_NotWholeNumber, name, text));
        return 0;
    }

    /// <summary>The System.CommandLine command; its subcommands' actions are bound by <see cref="Bind"/>.</summary>
    internal Command Command { get; }

    /// <summary>Binds the subcommands' actions.</summary>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error (skipped loans, the progress line).</param>
    internal void Bind(TextWriter stdout, TextWriter stderr)
    {
        _sample.SetAction(result => Sample(result, stdout));
        _reprice.SetAction(result => Reprice(result, stdout, stderr));
    }

    /// <summary>The rate table the book's loans read: the shipped one (or --rates), assumed unchanged after its last
    /// fixings up to <paramref name="until"/> (a projection needs every future date to have a rate).</summary>
    private RateTable Table(ParseResult result, LocalDate until)
    {
        RateTable table = RateTables.Load(result.GetValue(_rates));
        return until > table.AsOf ? table.AssumingUnchangedUntil(until) : table;
    }

    private int Sample(ParseResult result, TextWriter stdout)
    {
        int count = result.GetValue(_count);
        if (count is < 1 or > 100_000_000)
        {
            throw new UsageException(Language.Format(CliText.Book_ErrCount, count));
        }

        string path = result.GetValue(_sampleOutput)!;
        BookFiles.Kind kind = BookFiles.KindOf(path, "--output");
        RateTable table = Table(result, ScenarioFile.DefaultAssumeUnchangedUntil);
        StreamedOutput.Write(path, stream =>
        {
            BookFiles.Write(stream, kind, BookSample.Generate(count, table, json: kind == BookFiles.Kind.Jsonl));
            return 0;
        });
        stdout.Write(Language.Format(CliText.Book_Wrote, count, path) + "\n");
        return ExitCodes.Ok;
    }

    private int Reprice(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        string? onError = result.GetValue(_onError) ?? "fail";
        if (onError is not ("fail" or "skip"))
        {
            throw new UsageException(Language.Format(CliText.Book_ErrOnError, onError));
        }

        int threads = result.GetValue(_threads);
        if (threads < 0)
        {
            throw new UsageException(Language.Format(CliText.Book_ErrThreads, threads));
        }

        string? output = result.GetValue(_output);
        bool parquet = output is not null && BookFiles.KindOf(output, "--output") switch
        {
            BookFiles.Kind.Parquet => true,
            BookFiles.Kind.Csv => false,
            _ => throw new UsageException(Language.Format(CliText.Book_ErrResultFormat, output)),
        };
        bool summary = result.GetValue(_summary);
        (RepricingScenario scenario, LocalDate assume) = ScenarioFile.Read(result.GetValue(_scenario)!, _today());
        RateTable table = Table(result, assume);
        IEnumerable<BookRecord> records = BookFiles.Read(result.GetValue(_loans)!);

        bool interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        IProgress<RepricingProgress>? progress = interactive ? new ProgressLine(stderr) : null;
        var sum = new RepricingTally();
        IEnumerable<LoanRepricing> priced = Counted(
            BookRepricer.Reprice(records, r => r.ToBookLoan(table), r => r.Id(), scenario, progress, threads),
            sum, onError == "skip", stderr);

        if (output is not null)
        {
            StreamedOutput.Write(output, stream =>
            {
                ResultFiles.Write(stream, parquet, priced);
                return 0;
            });
        }
        else if (!summary)
        {
            using var buffer = new MemoryStream();
            ResultFiles.Write(buffer, false, priced);
            OutputFile.WriteStandardOutput(stdout, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            foreach (LoanRepricing _ in priced)
            {
                // Only the summary is wanted: price every loan, keep nothing.
            }
        }

        if (interactive)
        {
            stderr.Write("\r\u001b[K");
        }

        if (summary || output is not null)
        {
            RepricingSummary s = sum.ToSummary();
            OutputFile.WriteStandardOutput(stdout, summary ? SummaryText(s) : Language.Format(CliText.Book_Done, s.Read, s.Priced, s.Failed, output) + "\n");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The summary (<c>--summary</c>) in the run's language, one figure per line: in English exactly
    /// <see cref="RepricingSummary.ToString"/>; the figures and bucket labels are written the same way in every language.
    /// </summary>
    internal static string SummaryText(RepricingSummary s)
    {
        var b = new System.Text.StringBuilder();
        b.Append(Language.Format(CliText.Book_SummaryCounts, s.Read, s.Priced, s.Failed)).Append('\n');
        b.Append(Language.Format(CliText.Book_SummaryBalance, s.Balance)).Append('\n');
        b.Append(Language.Format(CliText.Book_SummaryPayment, s.PaymentNow, s.PaymentBefore, s.PaymentAfter)).Append('\n');
        b.Append(Language.Format(CliText.Book_SummaryWindowInterest, s.WindowInterestBefore, s.WindowInterestAfter)).Append('\n');
        b.Append(Language.Format(CliText.Book_SummaryLifeInterest, s.InterestBefore, s.InterestAfter)).Append('\n');
        for (int k = 0; k < s.PaymentChangeBuckets.Count; k++)
        {
            b.Append(Language.Format(CliText.Book_SummaryBucket, RepricingSummary.BucketLabel(k), s.PaymentChangeBuckets[k])).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The priced results, summed as they pass; a failure is fatal (<c>fail</c>) or reported and left out (<c>skip</c>).</summary>
    private static IEnumerable<LoanRepricing> Counted(IEnumerable<LoanRepricing> results, RepricingTally sum, bool skip, TextWriter stderr)
    {
        foreach (LoanRepricing r in results)
        {
            sum.Add(r);
            if (r.IsPriced)
            {
                yield return r;
                continue;
            }

            string row = r.Id is { } id ? Language.Format(CliText.Book_ErrRowAtId, r.Row, id) : Language.Format(CliText.Book_ErrRowAt, r.Row);
            if (!skip)
            {
                throw new UsageException(Language.Format(CliText.Book_ErrRow, row, r.Failure));
            }

            stderr.Write(Language.Format(CliText.Book_Skipped, row, r.Failure) + "\n");
        }
    }

    /// <summary>The progress line on an interactive terminal's standard error, redrawn after each chunk.</summary>
    private sealed class ProgressLine(TextWriter stderr) : IProgress<RepricingProgress>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(RepricingProgress value)
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            stderr.Write("\r\u001b[K" + Language.Format(CliText.Book_Progress, value.Priced, value.Read, value.Failed, value.Read / seconds));
        }
    }
}
