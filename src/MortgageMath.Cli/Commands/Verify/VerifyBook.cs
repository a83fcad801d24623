using System.Text.Json;
using System.Text.Json.Nodes;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using MortgageMath.Verification;
using Specs = MortgageMath.Specs;
using Spectre.Console;

namespace MortgageMath.Cli;

/// <summary>
/// <c>mortgage verify --book</c>: every loan of a JSON Lines book checked in one process, in parallel across the cores,
/// against <c>DIR/&lt;id&gt;.csv</c> (or <c>.json</c>) or the rows of one CSV with an id column. A loan that cannot
/// be checked (a bad spec line, a missing or unreadable file) is an outcome with an error, so the reports still cover
/// every loan; the command then exits 2. A progress bar is drawn on standard error only on an interactive terminal.
/// </summary>
internal static class VerifyBook
{
    internal static List<VerifyOutcome> Run(
        string book, string? schedule, string? schedules, ScheduleReadOptions read, VerificationOptions compare, RateTable table, TextWriter stdout)
    {
        if ((schedule is null) == (schedules is null))
        {
            throw new UsageException(CliText.Verify_ErrBookNeedsSchedules);
        }

        if (schedule is not null && read.IdColumn is null)
        {
            throw new UsageException(CliText.Verify_ErrBookNeedsIdColumn);
        }

        if (schedules is not null && read.IdColumn is not null)
        {
            throw new UsageException(CliText.Verify_ErrIdColumnWithSchedules);
        }

        if (schedules is not null && !Directory.Exists(schedules))
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrNotFolder, schedules)) { Path = schedules };
        }

        string text = InputFiles.ReadText("--book", book);
        List<(int Line, string Json)> lines = [];
        int number = 0;
        foreach (string line in text.Split('\n'))
        {
            number++;
            if (line.Trim().Length > 0)
            {
                lines.Add((number, line));
            }
        }

        if (lines.Count == 0)
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrBookEmpty, book)) { Path = book };
        }

        IReadOnlyDictionary<string, ForeignSchedule>? all = null;
        if (schedule is not null)
        {
            string csv = ScheduleReader.Decode(ReadBytes(schedule)); // the bytes are garbage from here
            all = VerifyCommand.Parse(() => ScheduleReader.ParseBook(csv, read, schedule), schedule);
            csv = null!; // nor is the text needed once read
        }

        var outcomes = new VerifyOutcome[lines.Count];
        int done = 0;
        void Work() => Parallel.For(0, lines.Count, k =>
        {
            outcomes[k] = One(book, lines[k].Line, lines[k].Json, schedule, schedules, all, read, compare, table);
            Interlocked.Increment(ref done);
        });

        if (Interactive(stdout))
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(context =>
            {
                ProgressTask task = context.AddTask("verify", maxValue: lines.Count);
                Task work = Task.Run(Work);
                while (!work.Wait(100))
                {
                    task.Value = Volatile.Read(ref done);
                }

                task.Value = lines.Count;
                work.GetAwaiter().GetResult();
            });
        }
        else
        {
            Work();
        }

        List<VerifyOutcome> result = [.. outcomes];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k].Id is { } id && !seen.Add(id))
            {
                result[k] = result[k] with { Result = null, Error = Language.Format(CliText.Verify_ErrIdTwice, Language.Format(CliText.Verify_ErrBookLine, book, lines[k].Line), id) };
            }
        }

        if (all is not null)
        {
            foreach (string id in all.Keys.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal))
            {
                result.Add(new VerifyOutcome(id, book, schedule!, null, Language.Format(CliText.Verify_ErrRowsNotInBook, schedule, id)));
            }
        }

        return result;
    }

    private static VerifyOutcome One(
        string book, int line, string json, string? schedule, string? schedules, IReadOnlyDictionary<string, ForeignSchedule>? all,
        ScheduleReadOptions read, VerificationOptions compare, RateTable table)
    {
        string at = Language.Format(CliText.Verify_ErrBookLine, book, line);
        string id = $"line {line}";
        string theirs = schedule ?? schedules!;
        try
        {
            JsonObject entry = JsonNode.Parse(json) as JsonObject ?? throw new UsageException(Language.Format(CliText.Verify_ErrNotObject, at));
            id = entry["id"] is JsonValue value && (value.TryGetValue(out string? s) ? s : value.ToJsonString()) is { Length: > 0 } text
                ? text
                : throw new UsageException(Language.Format(CliText.Verify_ErrNoId, at));
            if (id.IndexOfAny(['/', '\\']) >= 0 || id is "." or ".." || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new UsageException(Language.Format(CliText.Verify_ErrIdNotFileName, at, id));
            }

            entry.Remove("id");
            string spec = entry["spec"] is JsonObject inner ? inner.ToJsonString() : entry.ToJsonString();
            if (!Specs.LoanSpec.TryParse(spec, table, out Specs.LoanDocument? document, out IReadOnlyList<Specs.SpecError> errors))
            {
                throw new UsageException($"{at}: {errors[0]}");
            }

            if (document.IsCombined)
            {
                throw new UsageException(Language.Format(CliText.Verify_ErrCombinedLine, at));
            }

            Schedule ours = LoanSpec.FromDocument(document).BuildSchedule();
            ForeignSchedule foreign;
            if (all is not null)
            {
                foreign = all.TryGetValue(id, out ForeignSchedule? rows)
                    ? rows
                    : throw new UsageException(Language.Format(CliText.Verify_ErrNoRows, schedule, id, read.IdColumn));
            }
            else
            {
                string csv = Path.Combine(schedules!, id + ".csv");
                string file = File.Exists(csv) || !File.Exists(Path.Combine(schedules!, id + ".json")) ? csv : Path.Combine(schedules!, id + ".json");
                theirs = file;
                foreign = VerifyCommand.Load(file, read);
            }

            return new VerifyOutcome(id, $"{at}", theirs, ScheduleComparison.Compare(ours, foreign, compare), null, ours.Loan.Rounding.DecimalPlaces);
        }
        catch (UsageException e)
        {
            return new VerifyOutcome(id, at, theirs, null, e.Message);
        }
        catch (JsonException e)
        {
            return new VerifyOutcome(id, at, theirs, null, Language.Format(CliText.Verify_ErrNotJson, at, e.Message.Split('\n')[0].Trim()));
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrScheduleUnreadable, path, e.Message.Split('\n')[0].Trim())) { Path = path };
        }
    }

    /// <summary>A progress bar only for a person at a terminal: the real console, neither stream redirected, not in CI.</summary>
    private static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"));
}
