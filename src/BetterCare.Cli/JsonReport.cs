using BetterCare.Returns.Findings;

namespace BetterCare.Cli;

/// <summary>The machine-readable report: a JSON array with one object per file.</summary>
internal static class JsonReport
{
    public static void Write(TextWriter output, IEnumerable<(string File, ValidationReport Report)> reports) =>
        output.WriteLine(ReportJson.Write(reports));
}
