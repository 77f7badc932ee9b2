using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

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
        Blobs = new BlobServiceClient(connectionString, Configure(new BlobClientOptions()));
        Tables = new TableServiceClient(connectionString, Configure(new TableClientOptions()));
    }

    /// <summary>Identity-based access, as in Azure: the service endpoints and a token credential (no keys).</summary>
    public StorageClients(StorageEndpoints endpoints, TokenCredential credential, StorageRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Counter = counter ?? new StorageRequestCounter();
        Blobs = new BlobServiceClient(endpoints.Blob, credential, Configure(new BlobClientOptions()));
        Tables = new TableServiceClient(endpoints.Table, credential, Configure(new TableClientOptions()));
    }

    /// <summary>
    /// The clients from the Functions setting <c>AzureWebJobsStorage</c>: a connection string, or
    /// its identity-based form <c>AzureWebJobsStorage__accountName</c> (or <c>__blobServiceUri</c>,
    /// <c>__queueServiceUri</c>, <c>__tableServiceUri</c>) with <c>__credential=managedidentity</c>
    /// and <c>__clientId</c> for a user-assigned identity.
    /// </summary>
    public static StorageClients FromSettings(string? connectionString, IReadOnlyDictionary<string, string?> section, StorageRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        string? Get(string key) => section.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var account = Get("accountName");
        var blob = Get("blobServiceUri");
        if (account is null && blob is null)
        {
            return new StorageClients(string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString, counter);
        }

        var endpoints = new StorageEndpoints(
            new Uri(blob ?? $"https://{account}.blob.core.windows.net"),
            new Uri(Get("queueServiceUri") ?? $"https://{account}.queue.core.windows.net"),
            new Uri(Get("tableServiceUri") ?? $"https://{account}.table.core.windows.net"));
        var clientId = Get("clientId");
        TokenCredential credential = string.Equals(Get("credential"), "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new StorageClients(endpoints, credential, counter);
    }

    public StorageRequestCounter Counter { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Creates the containers and tables if they are missing.</summary>
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

/// <summary>The three storage service endpoints of an account.</summary>
public sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table);
