namespace BetterCare.Returns.Findings;

/// <summary>Everything found in one file. Valid means no error-severity finding.</summary>
public sealed class ValidationReport
{
    public ValidationReport(string file, IReadOnlyList<Finding> findings)
    {
        File = file;
        Findings = findings;
        Errors = findings.Count(f => f.Severity == Severity.Error);
        Warnings = findings.Count(f => f.Severity == Severity.Warning);
    }

    public string File { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public int Errors { get; }

    public int Warnings { get; }

    public bool IsValid => Errors == 0;

    public IEnumerable<Finding> WithCode(FindingCode code) => Findings.Where(f => f.Code == code);

    /// <summary>One line per finding, "CODE Sheet!Cell", for tests and logs to compare.</summary>
    public IReadOnlyList<string> Flatten() =>
        Findings.Select(f => f.Cell is null ? $"{f.Code} {f.Sheet}" : $"{f.Code} {f.Sheet}!{f.Cell}").ToList();
}
