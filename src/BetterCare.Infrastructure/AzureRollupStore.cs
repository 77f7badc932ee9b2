using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Infrastructure;

/// <summary>
/// Roll-ups in table <c>Rollups</c> (partition = period, row = "county|Essex" or "region|East of
/// England") and their workbooks under <c>reports/{period}/</c>. Rows are written in one
/// transaction per period and carry no time stamps of their own, so a second run writes the same rows.
/// </summary>
public sealed class AzureRollupStore : IRollupStore
{
    private readonly TableClient _table;
    private readonly BlobContainerClient _reports;

    public AzureRollupStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _table = clients.Tables.GetTableClient(StorageNames.RollupsTable);
        _reports = clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
    }

    public async Task SaveAsync(string period, IReadOnlyList<RollupRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var chunk in rows.Chunk(100))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))).ToList();
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<RollupRow>> ListAsync(string period, CancellationToken cancellationToken)
    {
        var rows = new List<RollupRow>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(e));
        }

        return rows;
    }

    public async Task PutReportAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await _reports.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetReportAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _reports.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(RollupRow r)
    {
        var e = new TableEntity(r.Period, $"{r.Kind}|{r.Name}")
        {
            ["Kind"] = r.Kind,
            ["Name"] = r.Name,
            ["Hwbs"] = r.Hwbs,
            ["Accepted"] = r.Accepted,
            ["WithoutAcceptedReturn"] = string.Join(' ', r.WithoutAcceptedReturn),
            ["PlannedSpendPence"] = r.Spend.Planned,
            ["SpendActualToDatePence"] = r.Spend.ActualToDate,
            ["SpendForecastPence"] = r.Spend.Forecast,
            ["ReportPath"] = r.ReportPath,
        };
        PenceColumns.Write(e, r.Totals);
        return e;
    }

    private static RollupRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Kind") ?? string.Empty,
        e.GetString("Name") ?? string.Empty,
        e.GetInt32("Hwbs") ?? 0,
        e.GetInt32("Accepted") ?? 0,
        (e.GetString("WithoutAcceptedReturn") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        PenceColumns.Read(e),
        new SpendPence(e.GetInt64("PlannedSpendPence") ?? 0, e.GetInt64("SpendActualToDatePence") ?? 0, e.GetInt64("SpendForecastPence") ?? 0),
        e.GetString("ReportPath") ?? string.Empty);
}
