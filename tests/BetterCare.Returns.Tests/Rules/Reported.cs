using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

/// <summary>Assertions on a report as a user reads it: which finding, how serious, where, the figures, and nothing else.</summary>
internal static class Reported
{
    /// <summary>The one finding with this code, checked for severity, sheet and cell.</summary>
    public static Finding Once(ValidationReport report, FindingCode code, Severity severity, string sheet, string? cell)
    {
        var found = report.WithCode(code).ToList();
        Assert.True(found.Count == 1, $"Expected one {code}, found {found.Count}:\n{string.Join("\n", report.Findings)}");
        return Is(found[0], severity, sheet, cell);
    }

    /// <summary>The finding with this code at this cell, checked for severity.</summary>
    public static Finding At(ValidationReport report, FindingCode code, Severity severity, string sheet, string cell)
    {
        var finding = report.WithCode(code).SingleOrDefault(f => f.Sheet == sheet && f.Cell == cell);
        Assert.True(finding is not null, $"Expected {code} at {sheet}!{cell}:\n{string.Join("\n", report.Findings)}");
        return Is(finding, severity, sheet, cell);
    }

    /// <summary>No error or warning beyond the codes the case is about.</summary>
    public static void NothingElse(ValidationReport report, params FindingCode[] expected)
    {
        var others = report.Findings.Where(f => f.Severity >= Severity.Warning && !expected.Contains(f.Code)).ToList();
        Assert.True(others.Count == 0, "Unexpected findings:\n" + string.Join("\n", others));
    }

    /// <summary>No finding of any severity.</summary>
    public static void Nothing(ValidationReport report) =>
        Assert.True(report.Findings.Count == 0, "Unexpected findings:\n" + string.Join("\n", report.Findings));

    /// <summary>The message states every figure, as written in a report (e.g. "£1,253,000").</summary>
    public static void States(Finding finding, params string[] figures)
    {
        foreach (var figure in figures)
        {
            Assert.Contains(figure, finding.Message, StringComparison.Ordinal);
        }
    }

    private static Finding Is(Finding finding, Severity severity, string sheet, string? cell)
    {
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(sheet, finding.Sheet);
        Assert.Equal(cell, finding.Cell);
        return finding;
    }
}
