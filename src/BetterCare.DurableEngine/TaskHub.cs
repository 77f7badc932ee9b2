using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

/// <summary>The task hub on Azure Storage (Azurite locally): one provider instance shared by this process's worker and client.</summary>
public sealed class TaskHub
{
    private readonly Lazy<Task> _created;

    public TaskHub(string storageConnectionString, TaskHubOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            TaskHubName = options.Name,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggerFactory,
        });
        _created = new Lazy<Task>(() => Service.CreateIfNotExistsAsync());
    }

    public TaskHubOptions Options { get; }

    internal AzureStorageOrchestrationService Service { get; }

    /// <summary>The hub's queues, tables and containers, made once per process before first use.</summary>
    public Task EnsureCreatedAsync() => _created.Value;
}
