namespace BetterCare.Returns.Findings;

/// <summary>One thing a person must look at: where it is and the figures involved.</summary>
public sealed record Finding(FindingCode Code, Severity Severity, string Sheet, string? Cell, string Message)
{
    public static Finding Of(FindingCode code, string sheet, string? cell, string message) =>
        new(code, code.DefaultSeverity, sheet, cell, message);

    public override string ToString() =>
        $"{Severity.ToText()} {Code} {Sheet}{(Cell is null ? string.Empty : "!" + Cell)}: {Message}";
}
