namespace BetterCare.Infrastructure;

/// <summary>The containers and tables the app uses (the Bicep template creates the same); the task hub's own belong to the engine.</summary>
public static class StorageNames
{
    public const string InboxContainer = "returns-inbox";
    public const string ArchiveContainer = "returns-archive";
    public const string ReportsContainer = "reports";
    public const string SubmissionsTable = "Submissions";
    public const string TotalsTable = "ReturnTotals";
    public const string SignaturesTable = "Signatures";
    public const string MailTable = "SentMail";
    public const string RollupsTable = "Rollups";

    public static IReadOnlyList<string> Containers { get; } = [InboxContainer, ArchiveContainer, ReportsContainer];

    public static IReadOnlyList<string> Tables { get; } = [SubmissionsTable, TotalsTable, SignaturesTable, MailTable, RollupsTable];
}
