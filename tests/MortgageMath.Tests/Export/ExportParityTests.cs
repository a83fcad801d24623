using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Spec;
using MortgageMath.Serialization;
using MortgageMath.Tests.Cli;

namespace MortgageMath.Tests.Export;

/// <summary>The library's CSV and JSON are the tool's output, byte for byte: for every docs/examples loan, through
/// every entry point (TextWriter, Stream, Utf8JsonWriter, JsonSerializer with MortgageJson.Options).</summary>
public class ExportParityTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in Directory.GetFiles(SpecFiles.ExamplesDirectory(), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), "csv");
            data.Add(Path.GetFileName(file), "json");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Library_output_is_the_tools_output(string example, string format)
    {
        string file = Path.Combine(SpecFiles.ExamplesDirectory(), example);
        CliResult tool = CliRunner.Run("schedule", "--spec", file, "--format", format);
        Assert.Equal(0, tool.ExitCode);

        (LoanSpec? single, CombinedSpec? combined) = LoanSpecReader.ReadAnyFile(file, RateTable.China);
        if (single is not null)
        {
            Schedule schedule = single.BuildSchedule();
            Assert.Equal(tool.Stdout, format == "csv" ? Text(schedule.WriteCsv) : Text(schedule.WriteJson));
            if (format == "json")
            {
                Assert.Equal(tool.Stdout, Bytes(schedule.WriteJson));
                Assert.Equal(tool.Stdout, JsonSerializer.Serialize(schedule, MortgageJson.Options) + "\n");
                Assert.Equal(tool.Stdout, Utf8(w => schedule.WriteJson(w)) + "\n");
            }
        }
        else
        {
            CombinedSchedule schedule = combined!.BuildSchedule();
            Assert.Equal(tool.Stdout, format == "csv" ? Text(schedule.WriteCsv) : Text(schedule.WriteJson));
            if (format == "json")
            {
                Assert.Equal(tool.Stdout, Bytes(schedule.WriteJson));
                Assert.Equal(tool.Stdout, JsonSerializer.Serialize(schedule, MortgageJson.Options) + "\n");
                Assert.Equal(tool.Stdout, Utf8(w => schedule.WriteJson(w)) + "\n");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_loaded_document_writes_the_tools_schedule(string example, string format)
    {
        // The one library call a .NET app or a file-based script makes (examples/spec-schedule.cs): load, write.
        string file = Path.Combine(SpecFiles.ExamplesDirectory(), example);
        CliResult tool = CliRunner.Run("schedule", "--spec", file, "--format", format);
        Assert.Equal(0, tool.ExitCode);
        MortgageMath.Specs.LoanDocument document = MortgageMath.Specs.LoanSpec.Load(file);
        Assert.Equal(tool.Stdout, format == "csv" ? Text(document.WriteScheduleCsv) : Bytes(document.WriteScheduleJson));
    }

    [Fact]
    public void A_loan_built_in_code_exports_as_the_command_line_schedule()
    {
        Schedule schedule = ExportSupport.Tv1.BuildSchedule();
        Assert.Equal(CliRunner.Run([.. CliRunner.Tv1, "--format", "csv"]).Stdout, Text(schedule.WriteCsv));
        Assert.Equal(CliRunner.Run([.. CliRunner.Tv1, "--format", "json"]).Stdout, Text(schedule.WriteJson));
    }

    [Fact]
    public void The_csv_starts_as_docs_cli_md_shows_it()
    {
        string[] lines = Text(ExportSupport.Tv1.BuildSchedule().WriteCsv).Split('\n');
        Assert.Equal(ScheduleFormat.CsvHeader, lines[0]);
        Assert.Equal("1,2024-04-20,4.9,1000000.00,5307.27,1223.94,4083.33,998776.06", lines[1]);
        Assert.Equal(362, lines.Length); // header, 360 rows, and the empty string after the last \n
    }

    [Fact]
    public void Writing_to_a_stream_leaves_it_open_and_writes_utf8_without_a_bom()
    {
        using var stream = new MemoryStream();
        ExportSupport.Tv9.BuildSchedule().WriteJson(stream);
        stream.WriteByte((byte)' '); // still open
        byte[] bytes = stream.ToArray();
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal((byte)'\n', bytes[^2]);
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    private static string Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Utf8(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MortgageJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
