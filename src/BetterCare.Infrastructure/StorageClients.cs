using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace BetterCare.Infrastructure;

/// <summary>
/// The three storage service clients, made once from the <c>AzureWebJobsStorage</c> connection
/// string with the SDKs' own retry policies, and shared (they are thread-safe).
/// </summary>
public sealed class StorageClients
{
    public StorageClients(string connectionString, StorageRequestCounter? counter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Counter = counter ?? new StorageRequestCounter();
        var blobOptions = Configure(new BlobClientOptions());
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var tableOptions = Configure(new TableClientOptions());
        Blobs = new BlobServiceClient(connectionString, blobOptions);
        Queues = new QueueServiceClient(connectionString, queueOptions);
        Tables = new TableServiceClient(connectionString, tableOptions);
    }

    public StorageRequestCounter Counter { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Creates the containers, tables and queues if they are missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var container in StorageNames.Containers)
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        }

        foreach (var table in StorageNames.Tables)
        {
            await Tables.CreateTableIfNotExistsAsync(table, ct).ConfigureAwait(false);
        }

        foreach (var queue in StorageNames.Queues)
        {
            await Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 4;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        options.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
        return options;
    }
}
