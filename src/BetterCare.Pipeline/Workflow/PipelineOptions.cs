namespace BetterCare.Pipeline.Workflow;

/// <summary>The workflow's settings (configuration section <c>BetterCare:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Deliveries of a step message before it goes to the poison queue and the submission fails. Matches host.json's maxDequeueCount.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Largest upload accepted, in bytes (the template spec's 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>An inbox blob whose submission has made no progress for this long is queued again.</summary>
    public TimeSpan RestartStalledAfter { get; set; } = TimeSpan.FromMinutes(2);
}
