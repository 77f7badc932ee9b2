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
public sealed class DurableEngine(TaskHub hub, IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService
{
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        var factory = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        var worker = new TaskHubWorker(hub.Service, loggerFactory);
        foreach (var type in WorkflowCatalog.Orchestrators)
        {
            var name = new TaskName(type.Name);
            worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(type.Name,
                () => factory.CreateOrchestration(name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))));
        }

        foreach (var type in WorkflowCatalog.Activities)
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
            await worker.StopAsync(isForced: true).ConfigureAwait(false);
        }
    }
}
