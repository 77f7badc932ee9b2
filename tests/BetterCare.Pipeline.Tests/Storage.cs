using Azure.Data.Tables;
using BetterCare.Infrastructure;

namespace BetterCare.Pipeline.Tests;

/// <summary>Direct looks into Azurite, to check what the pipeline wrote.</summary>
public sealed class Storage
{
    public Storage(string connection) => Clients = new StorageClients(connection);

    public StorageClients Clients { get; }

    public async Task<List<TableEntity>> SubmissionStatesAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var e in Clients.Tables.GetTableClient(StorageNames.SubmissionsTable).QueryAsync<TableEntity>(e => e.RowKey == "state"))
        {
            rows.Add(e);
        }

        return rows;
    }

    public async Task<List<TableEntity>> HistoryAsync(string submissionId)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in Clients.Tables.GetTableClient(StorageNames.SubmissionsTable).QueryAsync<TableEntity>(e => e.PartitionKey == submissionId && e.RowKey != "state"))
        {
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>A submission's history events in sequence order.</summary>
    public async Task<List<string>> EventsAsync(string submissionId) =>
        [.. (await HistoryAsync(submissionId)).OrderBy(e => e.GetInt32("Sequence")).Select(e => e.GetString("Event"))];

    public async Task<List<TableEntity>> TotalsAsync(string period)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in Clients.Tables.GetTableClient(StorageNames.TotalsTable).QueryAsync<TableEntity>(e => e.PartitionKey == period))
        {
            rows.Add(e);
        }

        return rows;
    }

    public async Task<List<string>> BlobNamesAsync(string container)
    {
        var names = new List<string>();
        var client = Clients.Blobs.GetBlobContainerClient(container);
        if (!await client.ExistsAsync())
        {
            return names;
        }

        await foreach (var b in client.GetBlobsAsync())
        {
            names.Add(b.Name);
        }

        return names;
    }

    /// <summary>An orchestration's runtime status as the engine's instances table holds it (Running, Completed, …); null when there is none.</summary>
    public async Task<string?> OrchestrationStatusAsync(string instanceId, string taskHub = "BetterCareLocal")
    {
        var table = Clients.Tables.GetTableClient(taskHub + "Instances");
        var row = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty);
        return row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
    }

    /// <summary>Every submission's orchestration the engine knows, with its runtime status (not the sign-offs and periods it started).</summary>
    public async Task<Dictionary<string, string>> OrchestrationsAsync(string taskHub = "BetterCareLocal") =>
        (await AllOrchestrationsAsync(taskHub)).Where(o => o.Value.Name == "SubmissionOrchestrator").ToDictionary(o => o.Key, o => o.Value.Status, StringComparer.Ordinal);

    /// <summary>Every orchestration instance the engine knows: its orchestrator's name and runtime status.</summary>
    public async Task<Dictionary<string, (string Name, string Status)>> AllOrchestrationsAsync(string taskHub = "BetterCareLocal")
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await foreach (var e in Clients.Tables.GetTableClient(taskHub + "Instances").QueryAsync<TableEntity>())
        {
            found[e.PartitionKey] = (e.GetString("Name"), e.GetString("RuntimeStatus"));
        }

        return found;
    }
}
