namespace BetterCare.Returns.Findings;

/// <summary>How much a finding matters. Numbers are explicit because they are stored.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

public static class SeverityText
{
    public static string ToText(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
