using System.Text;
using System.Text.Json;

namespace MortgageMath.Cli;

/// <summary>An error as one JSON object on one line (<c>--errors json</c>), for CI tooling: <c>code</c> (<c>input</c>
/// for exit code 2, <c>failure</c> for 1), <c>exit_code</c>, <c>message</c> (the text the <c>error:</c> line would
/// have), and <c>path</c>, <c>line</c>, <c>column</c> where known.</summary>
internal static class ErrorJson
{
    internal static string Line(int exitCode, string message, string? path, int? line, string? column)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("error", exitCode == ExitCodes.BadInput ? "input" : "failure");
            json.WriteNumber("exit_code", exitCode);
            json.WriteString("message", message);
            if (path is not null)
            {
                json.WriteString("path", path);
            }

            if (line is { } l)
            {
                json.WriteNumber("line", l);
            }

            if (column is not null)
            {
                json.WriteString("column", column);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
