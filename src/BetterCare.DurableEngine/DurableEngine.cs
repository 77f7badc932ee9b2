using BetterCare.Pipeline.Workflow;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

/// <summary>
/// Runs the workflow's orchestrators and activities (<see cref="WorkflowCatalog"/>) on
/// DurableTask.Core's <see cref="TaskHubWorker"/> over the Azure Storage provider: the engine
/// Durable Functions uses, with the same classes, adapted by the worker's shim. Orchestrators are
/// made afresh for each work item; activities come from the service provider.
/// </summary>
public sealed class DurableEngine : IHostedService
{
    private readonly TaskHub _hub;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IReadOnlyList<Type> _orchestrators;
    private readonly IReadOnlyList<Type> _activities;
    private TaskHubWorker? _worker;

    public DurableEngine(TaskHub hub, IServiceProvider services, ILoggerFactory loggerFactory)
        : this(hub, services, loggerFactory, WorkflowCatalog.Orchestrators, WorkflowCatalog.Activities)
    {
    }

    /// <summary>An engine for other classes than the workflow's (the benchmark's bare orchestration).</summary>
    public DurableEngine(TaskHub hub, IServiceProvider services, ILoggerFactory loggerFactory, IReadOnlyList<Type> orchestrators, IReadOnlyList<Type> activities)
    {
        _hub = hub;
        _services = services;
        _loggerFactory = loggerFactory;
        _orchestrators = orchestrators;
        _activities = activities;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (hub, services, loggerFactory) = (_hub, _services, _loggerFactory);
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        var factory = new DurableTaskShimFactory(new DurableTaskWorkerOptions { MaximumTimerInterval = hub.Options.MaximumTimerInterval }, loggerFactory);
        var worker = new TaskHubWorker(hub.Service, loggerFactory);
        foreach (var type in _orchestrators)
        {
            var name = new TaskName(type.Name);
            worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(type.Name,
                () => factory.CreateOrchestration(name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))));
        }

        foreach (var type in _activities)
        {
            var name = new TaskName(type.Name);
            worker.AddTaskActivities(new ShimCreator<TaskActivity>(type.Name,
                () => factory.CreateActivity(name, (ITaskActivity)ActivatorUtilities.CreateInstance(services, type))));
        }

        await worker.StartAsync().ConfigureAwait(false);
        _worker = worker;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } worker)
        {
            // Forced: work in hand is abandoned to come back to another worker (or this one, restarted).
            // Within the host's shutdown time: if storage is already gone, the leases simply expire.
            try
            {
                await worker.StopAsync(isForced: true).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
