using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

/// <summary>The workflow client over DurableTask.Core's <see cref="TaskHubClient"/>, for the standalone host.</summary>
public sealed class TaskHubWorkflowClient : IWorkflowClient
{
    /// <summary>An instance in one of these is left alone by a start; any other is started afresh.</summary>
    private static readonly OrchestrationStatus[] Live = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];

    private readonly TaskHub _hub;
    private readonly TaskHubClient _client;

    public TaskHubWorkflowClient(TaskHub hub, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _hub = hub;
        _client = new TaskHubClient(hub.Service, new CoreDataConverter(JsonDataConverter.Default), loggerFactory);
    }

    public async Task<bool> StartAsync(string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        await _hub.EnsureCreatedAsync().ConfigureAwait(false);

        // The provider's dedupe does not see a pending instance (one created but not yet run): look first.
        if (await _client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false) is { } existing && Live.Contains(existing.OrchestrationStatus))
        {
            return false;
        }

        try
        {
            await _client.CreateOrchestrationInstanceAsync(orchestrator, string.Empty, instanceId, input, null, Live).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await _hub.EnsureCreatedAsync().ConfigureAwait(false);
        var state = await _client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false);
        return state is null
            ? null
            : new WorkflowInstance(instanceId, state.Name, StatusOf(state.OrchestrationStatus), state.Output, state.FailureDetails?.ErrorMessage);
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        await _hub.EnsureCreatedAsync().ConfigureAwait(false);
        await _client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload!).ConfigureAwait(false);
    }

    public async Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        await _hub.EnsureCreatedAsync().ConfigureAwait(false);
        await _client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason).ConfigureAwait(false);
    }

    private static WorkflowRuntimeStatus StatusOf(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew => WorkflowRuntimeStatus.Running,
        OrchestrationStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => WorkflowRuntimeStatus.Terminated,
        OrchestrationStatus.Suspended => WorkflowRuntimeStatus.Suspended,
        _ => WorkflowRuntimeStatus.Failed,
    };
}
