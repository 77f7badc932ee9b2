namespace BetterCare.DurableEngine;

/// <summary>
/// The standalone engine's task hub (configuration section <c>BetterCare:TaskHub</c>). The defaults
/// are chosen for a quick recovery and a quick first response on one machine, not for cost; in
/// Azure the Functions host reads its own from host.json.
/// </summary>
public sealed class TaskHubOptions
{
    /// <summary>The task hub's name: its queues, tables and lease container are named after it.</summary>
    public string Name { get; set; } = "BetterCareLocal";

    /// <summary>
    /// Control queues. One: a single machine gains nothing from more, and each is polled while idle.
    /// A second host process on the same hub still shares the activity work.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// How long a dequeued orchestration or activity message stays hidden: a killed worker's
    /// in-flight work comes back after this (the provider's default is five minutes).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest wait between polls of an empty queue. Work this process queues itself (an
    /// upload's orchestration, an orchestration's activities) wakes its own pollers at once, so
    /// this bounds only how late a due timer, or work queued by another process, is noticed after
    /// a quiet spell (a killed host's work: the 15 s visibility timeout, then at most this, within
    /// 30 s). Ten seconds: the two queues' idle polls are then 0.2 requests a second, and the idle
    /// app, with the partition lease renewed every 5 s and the inbox listed every 5 s, about 0.8
    /// (at 5 s it measured 1.03 to 1.07).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a control-queue lease lasts unrenewed: how soon another process takes over a killed one's partition.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Activities run at once by this process.</summary>
    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>
    /// The longest single durable timer: a longer wait (a deadline weeks away) is a chain of timers
    /// this long, since a storage queue message cannot be hidden for more than seven days. The SDK's
    /// default, three days; tests shorten it so a chain is walked in seconds. Never change it under
    /// orchestrations in flight (their replay would no longer match their history).
    /// </summary>
    public TimeSpan MaximumTimerInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Orchestration episodes run at once by this process.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 8;
}
