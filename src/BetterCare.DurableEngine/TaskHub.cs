using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

/// <summary>The task hub on Azure Storage (Azurite locally): one provider instance shared by this process's worker and client.</summary>
public sealed class TaskHub
{
    private readonly Lazy<Task> _created;

    /// <param name="requestPolicy">A policy every storage request of the engine passes through (a request counter), if any.</param>
    public TaskHub(string storageConnectionString, TaskHubOptions options, ILoggerFactory loggerFactory, HttpPipelinePolicy? requestPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = ClientsFor(storageConnectionString, requestPolicy),
            TaskHubName = options.Name,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,

            // The partition table's reads and writes: a busy emulator on two cores can take longer than the 2 s default.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(15),
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggerFactory,
        });
        _created = new Lazy<Task>(() => Service.CreateIfNotExistsAsync());
    }

    public TaskHubOptions Options { get; }

    internal AzureStorageOrchestrationService Service { get; }

    private static StorageAccountClientProvider ClientsFor(string connectionString, HttpPipelinePolicy? policy)
    {
        if (policy is null)
        {
            return new StorageAccountClientProvider(connectionString);
        }

        T With<T>(T options)
            where T : ClientOptions
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            return options;
        }

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, With(new BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connectionString, With(new QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connectionString, With(new TableClientOptions())));
    }

    /// <summary>The hub's queues, tables and containers, made once per process before first use.</summary>
    public Task EnsureCreatedAsync() => _created.Value;

    /// <summary>Deletes the hub's queues, tables and containers, with every instance's history: for a run that starts from nothing again, once its worker has stopped.</summary>
    public Task DeleteAsync() => Service.DeleteAsync();
}
