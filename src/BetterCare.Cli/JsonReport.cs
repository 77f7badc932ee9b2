using System.Text.Encodings.Web;
using System.Text.Json;
using BetterCare.Returns.Findings;

namespace BetterCare.Cli;

/// <summary>The machine-readable report: a JSON array with one object per file.</summary>
internal static class JsonReport
{
    public static void Write(TextWriter output, IEnumerable<(string File, ValidationReport Report)> reports)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var (file, report) in reports)
            {
                json.WriteStartObject();
                json.WriteString("file", file);
                json.WriteBoolean("valid", report.IsValid);
                json.WriteNumber("errors", report.Errors);
                json.WriteNumber("warnings", report.Warnings);
                json.WriteStartArray("findings");
                foreach (var f in report.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("code", f.Code.Value);
                    json.WriteString("severity", f.Severity.ToText());
                    json.WriteString("sheet", f.Sheet);
                    if (f.Cell is null)
                    {
                        json.WriteNull("cell");
                    }
                    else
                    {
                        json.WriteString("cell", f.Cell);
                    }

                    json.WriteString("message", f.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
