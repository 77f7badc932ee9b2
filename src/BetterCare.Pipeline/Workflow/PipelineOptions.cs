namespace BetterCare.Pipeline.Workflow;

/// <summary>The workflow's settings (configuration section <c>BetterCare:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Tries of each step (an activity) before the submission fails; the engine retries with a doubling wait.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before a step's second try; it doubles for each try after that, up to a minute.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest upload accepted, in bytes (the template spec's 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// How many workbooks this instance reads at once (uploads checked in their request, and the
    /// workflow's Process step together); the rest wait their turn. Reading one costs memory in
    /// proportion to the file, so this bounds what a flood of uploads can take. Default: 2.
    /// </summary>
    public int MaxConcurrentReads { get; set; } = 2;

    /// <summary>How long the inbox watcher leaves a blob it has just seen before looking at it again.</summary>
    public TimeSpan RestartStalledAfter { get; set; } = TimeSpan.FromMinutes(2);
}
