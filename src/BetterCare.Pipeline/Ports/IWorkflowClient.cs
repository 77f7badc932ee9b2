namespace BetterCare.Pipeline.Ports;

/// <summary>
/// Starting and following orchestrations, whichever host runs them: the Functions host's durable
/// client in Azure, DurableTask.Core's task hub client standalone.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless an instance of
    /// that id is pending or running; one that has finished is started afresh. False when one was
    /// already pending or running.
    /// </summary>
    Task<bool> StartAsync(string orchestrator, string instanceId, object input, CancellationToken cancellationToken);

    /// <summary>Where an instance stands; null when there is none.</summary>
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Raises an external event on a running instance.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken);

    /// <summary>Stops a pending or running instance, with the reason for its history.</summary>
    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken);
}

/// <summary>An orchestration instance as a client sees it.</summary>
public sealed record WorkflowInstance(string InstanceId, string Name, WorkflowRuntimeStatus Status, string? Output, string? FailureMessage);

/// <summary>An instance's runtime status, common to both hosts.</summary>
public enum WorkflowRuntimeStatus
{
    Pending = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
    Terminated = 5,
    Suspended = 6,
}
