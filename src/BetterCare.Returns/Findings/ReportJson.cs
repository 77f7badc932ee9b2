using System.Text.Encodings.Web;
using System.Text.Json;

namespace BetterCare.Returns.Findings;

/// <summary>
/// The report as JSON: per file <c>{"file", "valid", "errors", "warnings", "findings": [{"code",
/// "severity", "sheet", "cell", "message"}]}</c>. The command line and the pipeline both write it.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<(string File, ValidationReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var (file, report) in reports)
            {
                WriteReport(json, file, report);
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Write(string file, ValidationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(json, file, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteReport(Utf8JsonWriter json, string file, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteBoolean("valid", report.IsValid);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WritePropertyName("findings");
        WriteFindings(json, report.Findings);
        json.WriteEndObject();
    }

    public static void WriteFindings(Utf8JsonWriter json, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(findings);
        json.WriteStartArray();
        foreach (var f in findings)
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
    }
}
