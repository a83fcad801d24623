using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;
using MortgageMath.Cli.Resources;
using MortgageMath.Specs;

namespace MortgageMath.Cli;

/// <summary>
/// The <c>mortgage spec</c> commands: <c>spec schema</c> prints the JSON Schema of the loan spec (shipped inside the
/// tool, the same file as docs/loan-spec.schema.json); <c>spec validate FILE...</c> reads each file through the
/// library (<see cref="LoanSpec.TryParse(string, RateTable, out LoanDocument?, out IReadOnlyList{SpecError})"/>), builds its
/// schedule, and lists every error with its JSON path. Exit code 0 when every file is valid, 1 when any is invalid,
/// 2 when a file cannot be read (or the command line is wrong).
/// </summary>
internal sealed class SpecCommand
{
    /// <summary>The manifest name of the schema embedded in the tool (see MortgageMath.Cli.csproj).</summary>
    internal const string SchemaResource = "MortgageMath.Cli.loan-spec.schema.json";

    private readonly Command _schema = new("schema", CliText.Help_SpecSchema);

    private readonly Command _validate = new("validate", CliText.Help_SpecValidateCommand);

    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = CliText.Help_Spec_Validate,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _rates = new("--rates")
    {
        Description = CliText.Help_Spec_Rates,
        HelpName = "FILE",
    };

    /// <summary>Creates the command.</summary>
    internal SpecCommand()
    {
        _validate.Arguments.Add(_files);
        _validate.Options.Add(_rates);
        Command = new Command("spec", CliText.Help_Spec);
        Command.Subcommands.Add(_schema);
        Command.Subcommands.Add(_validate);
    }

    /// <summary>The System.CommandLine command; its subcommands' actions are bound by <see cref="Bind"/>.</summary>
    internal Command Command { get; }

    /// <summary>Binds the subcommands' actions.</summary>
    /// <param name="stdout">Standard output.</param>
    internal void Bind(TextWriter stdout)
    {
        _schema.SetAction(_ => Schema(stdout));
        _validate.SetAction(result => Validate(result, stdout));
    }

    /// <summary>The schema's text, as shipped.</summary>
    /// <returns>The JSON Schema.</returns>
    internal static string SchemaText()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The tool was built without its schema resource '{SchemaResource}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static int Schema(TextWriter stdout)
    {
        string text = SchemaText();
        OutputFile.WriteStandardOutput(stdout, text.EndsWith('\n') ? text : text + "\n");
        return ExitCodes.Ok;
    }

    private int Validate(ParseResult result, TextWriter stdout)
    {
        RateTable table = RateTables.Load(result.GetValue(_rates));
        string[] files = result.GetValue(_files) ?? [];
        var report = new StringBuilder();
        int invalid = 0;
        foreach (string file in files)
        {
            string name = file == "-" ? "(standard input)" : file;
            IReadOnlyList<SpecError> errors = Check(InputFiles.ReadText("--spec", file), table);
            if (errors.Count == 0)
            {
                report.Append(name).Append(": valid\n");
                continue;
            }

            invalid++;
            report.Append(name).Append(": ")
                .Append(errors.Count.ToString(CultureInfo.InvariantCulture))
                .Append(errors.Count == 1 ? " error\n" : " errors\n");
            foreach (SpecError error in errors)
            {
                report.Append("  ").Append(error.Path).Append(": ").Append(error.Message);
                if (error.Line is { } line)
                {
                    report.Append(" (line ").Append(line.ToString(CultureInfo.InvariantCulture));
                    if (error.Column is { } column)
                    {
                        report.Append(", column ").Append(column.ToString(CultureInfo.InvariantCulture));
                    }

                    report.Append(')');
                }

                report.Append('\n');
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"{files.Length - invalid} valid, {invalid} invalid\n");
        OutputFile.WriteStandardOutput(stdout, report.ToString());
        return invalid == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>Every error of one document: what the reader finds, or else what building its schedule finds.</summary>
    private static IReadOnlyList<SpecError> Check(string json, RateTable table)
    {
        if (!LoanSpec.TryParse(json, table, out LoanDocument? document, out IReadOnlyList<SpecError> errors))
        {
            return errors;
        }

        try
        {
            if (document.IsCombined)
            {
                document.BuildCombinedSchedule();
            }
            else
            {
                document.BuildSchedule();
            }

            return [];
        }
        catch (LoanSpecException e)
        {
            return e.Errors;
        }
    }
}
