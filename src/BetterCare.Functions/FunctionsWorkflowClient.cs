using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace BetterCare.Functions;

/// <summary>
/// The workflow client over Durable Functions' own client. The host hands that client to a
/// function through its <c>[DurableClient]</c> binding, so each function that may start or
/// signal an orchestration passes it on here (<see cref="Use"/>) before calling the shared code.
/// </summary>
public sealed class FunctionsWorkflowClient : IWorkflowClient
{
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private volatile DurableTaskClient? _client;

    /// <summary>The bound client for this host (every binding gives an equivalent one).</summary>
    public void Use(DurableTaskClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    private DurableTaskClient Client => _client ?? throw new InvalidOperationException("No durable client has been bound yet: the function must take [DurableClient] and pass it to Use.");

    public async Task<bool> StartAsync(string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        if (await Client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } existing && Live.Contains(existing.RuntimeStatus))
        {
            return false;
        }

        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Live);
        try
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Started by another caller since the look above.
            return false;
        }
    }

    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return instance is null
            ? null
            : new WorkflowInstance(instanceId, instance.Name, StatusOf(instance.RuntimeStatus), instance.SerializedOutput, instance.FailureDetails?.ErrorMessage);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken) =>
        Client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken) =>
        Client.TerminateInstanceAsync(instanceId, reason, cancellationToken);

    private static WorkflowRuntimeStatus StatusOf(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running => WorkflowRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Terminated => WorkflowRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => WorkflowRuntimeStatus.Suspended,
        _ => WorkflowRuntimeStatus.Failed,
    };
}
