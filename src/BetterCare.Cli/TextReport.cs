using BetterCare.Returns.Findings;

namespace BetterCare.Cli;

/// <summary>The readable report: a verdict line per file, then each finding with its place and figures.</summary>
internal static class TextReport
{
    public static void Write(TextWriter output, string file, ValidationReport report)
    {
        var verdict = report.IsValid ? "valid" : "NOT VALID";
        output.WriteLine($"{file}: {verdict} — {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}");
        foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
        {
            var where = f.Cell is null ? f.Sheet : $"{f.Sheet}!{f.Cell}";
            output.WriteLine($"  {f.Severity.ToText(),-7} {f.Code.Value,-22} {where}");
            output.WriteLine($"          {f.Message}");
        }

        output.WriteLine();
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
