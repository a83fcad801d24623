using System.CommandLine;
using System.Globalization;
using System.Text;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Cli.Spec;
using MortgageMath.Verification;
using Specs = MortgageMath.Specs;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage verify</c> command: checks another system's repayment schedules against ours, one loan
/// (<c>--spec</c> + <c>--schedule</c>) or a book (<c>--book</c> + <c>--schedules DIR</c> or <c>--schedule all.csv
/// --id-column</c>), in parallel. A thin shell over <c>MortgageMath.Verification</c>: reading their file, matching
/// columns, comparing and recognising patterns are the library's; this reads the options, renders the reports and
/// chooses the exit code: 0 everything matches, 1 something differs, 2 bad input (docs/ci.md).
/// </summary>
internal sealed class VerifyCommand
{
    private readonly Option<string> _spec = new("--spec") { Description = CliText.Help_Verify_Spec, HelpName = "FILE" };

    private readonly Option<string> _schedule = new("--schedule")
    {
        Description = CliText.Help_Verify_Schedule,
        HelpName = "FILE",
    };

    private readonly Option<string> _book = new("--book")
    {
        Description = CliText.Help_Verify_Book,
        HelpName = "FILE",
    };

    private readonly Option<string> _schedules = new("--schedules") { Description = CliText.Help_Verify_Schedules, HelpName = "DIR" };

    private readonly Option<string> _idColumn = new("--id-column") { Description = CliText.Help_Verify_IdColumn, HelpName = "NAME" };

    private readonly Option<string> _columns = new("--columns")
    {
        Description = CliText.Help_Verify_Columns,
        HelpName = "PRESET|MAP",
    };

    private readonly Option<string> _dateFormat = new("--date-format") { Description = CliText.Help_Verify_DateFormat, HelpName = "PATTERN" };

    private readonly Option<string> _delimiter = new("--delimiter") { Description = CliText.Help_Verify_Delimiter, HelpName = "CHAR" };

    private readonly Option<string> _tolerance = new("--tolerance") { Description = CliText.Help_Verify_Tolerance, HelpName = "AMOUNT" };

    private readonly Option<string> _rates = new("--rates") { Description = CliText.Help_Verify_Rates, HelpName = "FILE" };

    private readonly Option<string> _reportJson = new("--report-json") { Description = CliText.Help_Verify_ReportJson, HelpName = "FILE" };

    private readonly Option<string> _reportJunit = new("--report-junit") { Description = CliText.Help_Verify_ReportJunit, HelpName = "FILE" };

    private readonly Option<string> _show = new("--show") { Description = CliText.Help_Verify_Show, HelpName = "N" };

    private readonly Option<string> _errors = new("--errors") { Description = CliText.Help_Verify_Errors, HelpName = "text|json" };

    /// <summary>Creates the command.</summary>
    internal VerifyCommand()
    {
        Command = new Command("verify", CliText.Help_Verify);
        foreach (Option option in (Option[])[_spec, _schedule, _book, _schedules, _idColumn, _columns, _dateFormat, _delimiter, _tolerance, _rates, _reportJson, _reportJunit, _show, _errors])
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>The System.CommandLine command; its action is bound by <see cref="CliApp"/>.</summary>
    internal Command Command { get; }

    /// <summary>Whether the command line asks for JSON errors (<c>--errors json</c>), read before parsing so that parse errors are JSON too.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>True for JSON errors.</returns>
    internal static bool WantsJsonErrors(string[] args)
    {
        for (int k = 0; k < args.Length; k++)
        {
            if (args[k] == "--errors" && k + 1 < args.Length && args[k + 1].Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (args[k].Equals("--errors=json", StringComparison.OrdinalIgnoreCase) || args[k].Equals("--errors:json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="result">A parse result without errors.</param>
    /// <param name="stdout">Standard output.</param>
    /// <returns>0 when everything matches, 1 when something differs.</returns>
    /// <exception cref="UsageException">An option or an input file is invalid.</exception>
    internal int Execute(ParseResult result, TextWriter stdout)
    {
        string? errors = result.GetValue(_errors);
        if (errors is not null && errors.ToLowerInvariant() is not ("text" or "json"))
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrErrors, ArgumentParsers.Echo(errors)));
        }

        ScheduleReadOptions read = ReadOptions(result);
        var compare = new VerificationOptions { Tolerance = Tolerance(result.GetValue(_tolerance)) };
        int shown = Show(result.GetValue(_show));
        RateTable table = RateTables.Load(result.GetValue(_rates));
        string? spec = result.GetValue(_spec), book = result.GetValue(_book), schedule = result.GetValue(_schedule), schedules = result.GetValue(_schedules);
        if (spec is not null && book is not null)
        {
            throw new UsageException(CliText.Verify_ErrSpecAndBook);
        }

        List<VerifyOutcome> outcomes;
        var text = new StringBuilder();
        if (book is null)
        {
            if (spec is null || schedule is null)
            {
                throw new UsageException(CliText.Verify_ErrNothing);
            }

            if (schedules is not null || read.IdColumn is not null)
            {
                throw new UsageException(CliText.Verify_ErrBookOptions);
            }

            Schedule ours = BuildOne(spec, table);
            ForeignSchedule theirs = Load(schedule, read);
            VerificationResult verdict = ScheduleComparison.Compare(ours, theirs, compare);
            outcomes = [new VerifyOutcome(null, spec, schedule, verdict, null, ours.Loan.Rounding.DecimalPlaces)];
            VerifyWriters.Text(text, outcomes[0], shown);
        }
        else
        {
            outcomes = VerifyBook.Run(book, schedule, schedules, read, compare, table, stdout);
            BookText(text, book, outcomes, shown);
        }

        string? jsonReport = result.GetValue(_reportJson), junitReport = result.GetValue(_reportJunit);
        if (jsonReport is not null)
        {
            OutputFile.Write(jsonReport, VerifyWriters.Json(outcomes, compare.Tolerance));
        }

        if (junitReport is not null)
        {
            OutputFile.Write(junitReport, VerifyWriters.Junit(outcomes, shown));
        }

        OutputFile.WriteStandardOutput(stdout, text.ToString());
        (_, int differing, int failed) = VerifyWriters.Counts(outcomes);
        if (failed > 0)
        {
            VerifyOutcome first = outcomes.First(o => o.Result is null);
            throw new UsageException(VerifyMessages.BookErrors(failed, $"{first.Name}: {first.Error}"));
        }

        return differing > 0 ? ExitCodes.Differs : ExitCodes.Ok;
    }

    private static void BookText(StringBuilder text, string book, List<VerifyOutcome> outcomes, int shown)
    {
        (int matching, int differing, int errors) = VerifyWriters.Counts(outcomes);
        text.Append(VerifyMessages.BookTitle(book, outcomes.Count, matching, differing, errors)).Append('\n');
        int listed = 0;
        foreach (VerifyOutcome outcome in outcomes)
        {
            if (outcome.Result is { IsMatch: true })
            {
                continue;
            }

            if (listed == Math.Max(1, shown / 2))
            {
                text.Append(VerifyMessages.MoreLoans(differing + errors - listed)).Append('\n');
                break;
            }

            listed++;
            if (outcome.Result is null)
            {
                text.Append(VerifyMessages.LoanError(outcome.Name, outcome.Error ?? "")).Append('\n');
            }
            else
            {
                VerifyWriters.Text(text, outcome, Math.Min(shown, 5));
            }
        }
    }

    /// <summary>Our schedule from a spec file (a single loan).</summary>
    internal static Schedule BuildOne(string spec, RateTable table)
    {
        (LoanSpec? single, CombinedSpec? combined) = LoanSpecReader.ReadAnyFile(spec, table);
        if (combined is not null || single is null)
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrSpecCombined, spec)) { Path = spec };
        }

        return single.BuildSchedule();
    }

    /// <summary>Their schedule from a file, its errors as one line naming the file, line and column.</summary>
    internal static ForeignSchedule Load(string path, ScheduleReadOptions options)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > InputFiles.MaxBytes)
            {
                throw new UsageException(Language.Format(CliText.Verify_ErrScheduleTooLarge, path)) { Path = path };
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException(Language.Format(CliText.Verify_ErrScheduleUnreadable, path, FirstLine(e.Message))) { Path = path };
        }

        return Parse(() => ScheduleReader.Parse(ScheduleReader.Decode(bytes), options, path), path);
    }

    /// <summary>Runs a read of their file; its error becomes a <see cref="UsageException"/> with the file, line and column.</summary>
    internal static T Parse<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (ScheduleFileException e)
        {
            throw new UsageException($"{path}: {e.Message}") { Path = path, Line = e.LineNumber, Column = e.Column };
        }
        catch (ArgumentException e) when (e.ParamName == "DateFormat")
        {
            throw new UsageException($"--date-format: {LoanSpecReader.LibraryText(e)}");
        }
    }

    private ScheduleReadOptions ReadOptions(ParseResult result)
    {
        var options = ScheduleReadOptions.Default;
        if (result.GetValue(_columns) is { } columns)
        {
            ColumnMapping mapping;
            if (!ColumnMapping.TryGetPreset(columns, out ColumnMapping? preset))
            {
                try
                {
                    mapping = ColumnMapping.Parse(columns);
                }
                catch (ColumnMappingException e)
                {
                    throw new UsageException($"--columns: {e.Message}") { Column = e.Value };
                }
            }
            else
            {
                mapping = preset;
            }

            options = options with { Columns = mapping };
        }

        if (result.GetValue(_dateFormat) is { } format)
        {
            if (string.IsNullOrWhiteSpace(format))
            {
                throw new UsageException(CliText.Verify_ErrDateFormatEmpty);
            }

            try
            {
                _ = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture(format);
            }
            catch (NodaTime.Text.InvalidPatternException e)
            {
                throw new UsageException(Language.Format(CliText.Verify_ErrDateFormat, ArgumentParsers.Echo(format), FirstLine(e.Message)));
            }

            options = options with { DateFormat = format };
        }

        if (result.GetValue(_delimiter) is { } delimiter)
        {
            char c = delimiter switch
            {
                "," or "comma" => ',',
                ";" or "semicolon" => ';',
                "\\t" or "\t" or "tab" => '\t',
                "|" or "pipe" => '|',
                _ => throw new UsageException(Language.Format(CliText.Verify_ErrDelimiter, ArgumentParsers.Echo(delimiter))),
            };
            options = options with { Delimiter = c };
        }

        if (result.GetValue(_idColumn) is { } id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new UsageException(CliText.Verify_ErrIdColumnEmpty);
            }

            options = options with { IdColumn = id };
        }

        return options;
    }

    private static decimal Tolerance(string? text)
    {
        if (text is null)
        {
            return 0m;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value) && value >= 0m && value <= 1_000_000m
            ? value
            : throw new UsageException(Language.Format(CliText.Verify_ErrTolerance, ArgumentParsers.Echo(text)));
    }

    private static int Show(string? text)
    {
        if (text is null)
        {
            return 20;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 0 and <= 100_000
            ? n
            : throw new UsageException(Language.Format(CliText.Verify_ErrShow, ArgumentParsers.Echo(text)));
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}
