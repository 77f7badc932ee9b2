using BetterCare.Functions.Auth;

namespace BetterCare.Functions;

/// <summary>The app's own settings (section <c>BetterCare</c>); storage comes from <c>AzureWebJobsStorage</c>.</summary>
public sealed class BetterCareSettings
{
    public const string Section = "BetterCare";

    /// <summary>Folder of the reference CSVs (areas, partners, minimum contributions).</summary>
    public string ReferenceDirectory { get; set; } = "samples/reference";

    public List<ApiKeySetting> ApiKeys { get; set; } = [];

    /// <summary>Standalone mode: how often the inbox is polled (the blob trigger's stand-in).</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Standalone mode: how long a received step message stays invisible before it is delivered again.</summary>
    public TimeSpan StepVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Standalone mode: step messages handled at once.</summary>
    public int StepConcurrency { get; set; } = 4;

    /// <summary>NCRONTAB schedules (six fields, UTC) of the timer functions, by function name.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];
}
