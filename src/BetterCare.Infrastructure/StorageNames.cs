namespace BetterCare.Infrastructure;

/// <summary>The containers, tables and queues the app uses (the Bicep template creates the same).</summary>
public static class StorageNames
{
    public const string InboxContainer = "returns-inbox";
    public const string ArchiveContainer = "returns-archive";
    public const string ReportsContainer = "reports";
    public const string SubmissionsTable = "Submissions";
    public const string TotalsTable = "ReturnTotals";
    public const string SignaturesTable = "Signatures";
    public const string TimersTable = "Timers";
    public const string MailTable = "SentMail";
    public const string RollupsTable = "Rollups";
    public const string StepsQueue = "pipeline-steps";
    public const string PoisonQueue = "pipeline-steps-poison";

    public static IReadOnlyList<string> Containers { get; } = [InboxContainer, ArchiveContainer, ReportsContainer];

    public static IReadOnlyList<string> Tables { get; } = [SubmissionsTable, TotalsTable, SignaturesTable, TimersTable, MailTable, RollupsTable];

    public static IReadOnlyList<string> Queues { get; } = [StepsQueue, PoisonQueue];
}
