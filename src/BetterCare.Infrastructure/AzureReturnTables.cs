using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Infrastructure;

/// <summary>
/// The workflow's tables. <c>Submissions</c>: partition = submission id, holding its state row
/// and its append-only history rows. <c>ReturnTotals</c>: partition = period ("2016-17-Q3"),
/// holding a row per HWB ("hwb|E10000012") and a row per partner contribution
/// ("line|06Q|E10000012"). Every save is one transaction within one partition.
/// </summary>
public sealed class AzureReturnTables : IReturnTables
{
    private const string StateRow = "state";
    private const string HistoryPrefix = "history|";
    private const string HwbPrefix = "hwb|";
    private const string LinePrefix = "line|";

    private readonly TableClient _submissions;
    private readonly TableClient _totals;

    public AzureReturnTables(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _submissions = clients.Tables.GetTableClient(StorageNames.SubmissionsTable);
        _totals = clients.Tables.GetTableClient(StorageNames.TotalsTable);
    }

    public async Task<Submission?> GetSubmissionAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _submissions.GetEntityIfExistsAsync<TableEntity>(id, StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Submission.Restore(SubmissionMapping.FromEntity(response.Value!)) : null;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {HistoryPrefix} and RowKey lt {"history}"}");
        var entries = new List<HistoryEntry>();
        await foreach (var e in _submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new HistoryEntry(e.GetInt32("Sequence") ?? 0, e.GetDateTimeOffset("At") ?? default, e.GetString("Event") ?? string.Empty, e.GetString("Detail") ?? string.Empty));
        }

        return entries.OrderBy(h => h.Sequence).ToList();
    }

    public async Task<bool> CreateSubmissionAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, SubmissionMapping.ToEntity(submission.ToStored(), StateRow)) };
        actions.AddRange(History(submission));
        try
        {
            var response = await _submissions.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            submission.MarkSaved(response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var state = SubmissionMapping.ToEntity(submission.ToStored(), StateRow);
        state.ETag = new ETag(submission.ETag ?? throw new InvalidOperationException($"Submission {submission.Id} was never read, so it has no ETag to save against."));
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, state, state.ETag) };
        actions.AddRange(History(submission));
        try
        {
            var response = await _submissions.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            submission.MarkSaved(response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyException($"Submission {submission.Id} changed since it was read.", e);
        }
    }

    public async Task<PeriodReturn?> GetPeriodReturnAsync(string period, string hwbCode, CancellationToken cancellationToken)
    {
        var response = await _totals.GetEntityIfExistsAsync<TableEntity>(period, HwbPrefix + hwbCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? PeriodMapping.FromEntity(response.Value!) : null;
    }

    public async Task SavePeriodReturnAsync(PeriodReturn row, IReadOnlyList<ContributionLine> lines, IReadOnlyList<string> removedPartnerKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(removedPartnerKeys);
        var entity = PeriodMapping.ToEntity(row, HwbPrefix + row.HwbCode);
        var actions = new List<TableTransactionAction>
        {
            row.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(row.ETag)),
        };
        actions.AddRange(lines.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PeriodMapping.ToEntity(l, LineKey(l.PartnerKey, l.HwbCode)))));
        actions.AddRange(removedPartnerKeys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.Period, LineKey(k, row.HwbCode)), ETag.All)));
        try
        {
            await _totals.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyException($"The {row.Period} row of {row.HwbCode} changed since it was read.", e);
        }
    }

    public async Task<IReadOnlyList<PeriodReturn>> ListPeriodAsync(string period, string? region, CancellationToken cancellationToken)
    {
        var filter = region is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {HwbPrefix} and RowKey lt {"hwb}"}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {HwbPrefix} and RowKey lt {"hwb}"} and Region eq {region}");
        var rows = new List<PeriodReturn>();
        await foreach (var e in _totals.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(PeriodMapping.FromEntity(e));
        }

        return rows;
    }

    public async Task<IReadOnlyList<Submission>> ListFailedAsync(int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {StateRow} and Status eq {nameof(SubmissionStatus.Failed)}");
        var failed = new List<Submission>();
        await foreach (var e in _submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            failed.Add(Submission.Restore(SubmissionMapping.FromEntity(e)));
        }

        return [.. failed.OrderByDescending(s => s.ReceivedAt).Take(max)];
    }

    public async Task<IReadOnlyList<ContributionLine>> ListContributionsAsync(string period, string? partnerKey, CancellationToken cancellationToken)
    {
        var from = partnerKey is null ? LinePrefix : LinePrefix + partnerKey + "|";
        var to = partnerKey is null ? "line}" : LinePrefix + partnerKey + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {from} and RowKey lt {to}");
        var lines = new List<ContributionLine>();
        await foreach (var e in _totals.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            lines.Add(PeriodMapping.LineFromEntity(e));
        }

        return lines;
    }

    private static string LineKey(string partnerKey, string hwbCode) => $"{LinePrefix}{partnerKey}|{hwbCode}";

    private static IEnumerable<TableTransactionAction> History(Submission submission) =>
        submission.PendingHistory.Select(h => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(submission.Id, HistoryPrefix + h.Sequence.ToString("D5", CultureInfo.InvariantCulture))
        {
            ["Sequence"] = h.Sequence,
            ["At"] = h.At,
            ["Event"] = h.Event,
            ["Detail"] = h.Detail,
        }));
}

/// <summary>A submission's state row as table properties.</summary>
internal static class SubmissionMapping
{
    public static TableEntity ToEntity(StoredSubmission s, string rowKey)
    {
        var e = Properties(s, rowKey);
        if (s.FindingsJson is { } json)
        {
            var chunks = StoredFindings.Pack(json);
            for (var i = 0; i < chunks.Count; i++)
            {
                e["Findings" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
            }

            e["FindingsChunks"] = chunks.Count;
        }

        return e;
    }

    private static TableEntity Properties(StoredSubmission s, string rowKey) => new(s.Id, rowKey)
    {
        ["InboxBlob"] = s.InboxBlob,
        ["FileName"] = s.FileName,
        ["Uploader"] = s.Uploader,
        ["ReceivedAt"] = s.ReceivedAt,
        ["Status"] = s.Status.ToString(),
        ["Step"] = s.Step.ToString(),
        ["ContentHash"] = s.ContentHash,
        ["ArchivePath"] = s.ArchivePath,
        ["ReportPath"] = s.ReportPath,
        ["HwbCode"] = s.HwbCode,
        ["HwbName"] = s.HwbName,
        ["Period"] = s.Period,
        ["Errors"] = s.Errors,
        ["Warnings"] = s.Warnings,
        ["Figures"] = s.FiguresJson,
        ["FailureReason"] = s.FailureReason,
        ["StatusBeforeFailure"] = s.StatusBeforeFailure?.ToString(),
        ["SupersededBy"] = s.SupersededBy,
        ["HistoryCount"] = s.HistoryCount,
        ["Signatories"] = s.SignatoriesJson,
        ["ContactEmail"] = s.ContactEmail,
        ["Noted"] = s.Noted,
    };

    public static StoredSubmission FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("InboxBlob") ?? string.Empty,
        e.GetString("FileName") ?? string.Empty,
        e.GetString("Uploader") ?? string.Empty,
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        Enum.Parse<SubmissionStatus>(e.GetString("Status") ?? nameof(SubmissionStatus.Received)),
        Enum.Parse<WorkflowStep>(e.GetString("Step") ?? nameof(WorkflowStep.Process)),
        e.GetString("ContentHash"),
        e.GetString("ArchivePath"),
        e.GetString("ReportPath"),
        Findings(e),
        e.GetString("HwbCode"),
        e.GetString("HwbName"),
        e.GetString("Period"),
        e.GetInt32("Errors") ?? 0,
        e.GetInt32("Warnings") ?? 0,
        e.GetString("Figures"),
        e.GetString("FailureReason"),
        e.GetString("StatusBeforeFailure") is { } before ? Enum.Parse<SubmissionStatus>(before) : null,
        e.GetString("SupersededBy"),
        e.GetInt32("HistoryCount") ?? 0,
        e.ETag.ToString(),
        e.GetString("Signatories"),
        e.GetString("ContactEmail"),
        e.GetString("Noted"));

    private static string? Findings(TableEntity e)
    {
        var count = e.GetInt32("FindingsChunks") ?? 0;
        return count == 0
            ? null
            : StoredFindings.Unpack(Enumerable.Range(0, count).Select(i => e.GetBinary("Findings" + i.ToString(CultureInfo.InvariantCulture)) ?? []));
    }
}

/// <summary>Period rows and partner lines as table properties. Money is pence in Int64 columns.</summary>
internal static class PeriodMapping
{
    public static TableEntity ToEntity(PeriodReturn r, string rowKey)
    {
        var e = new TableEntity(r.Period, rowKey)
        {
            ["HwbCode"] = r.HwbCode,
            ["HwbName"] = r.HwbName,
            ["Region"] = r.Region,
            ["County"] = r.County,
            ["LatestSubmissionId"] = r.LatestSubmissionId,
            ["LatestStatus"] = r.LatestStatus.ToString(),
            ["LatestReceivedAt"] = r.LatestReceivedAt,
            ["AcceptedSubmissionId"] = r.AcceptedSubmissionId,
            ["AcceptedReceivedAt"] = r.AcceptedReceivedAt,
            ["ReplacedSubmissionIds"] = r.ReplacedSubmissionIds.Count == 0 ? null : string.Join(',', r.ReplacedSubmissionIds),
            ["Figures"] = r.Figures?.ToJson(),
            ["CountedStatus"] = r.SignOff?.Status.ToString(),
            ["Signed"] = r.SignOff?.Signed,
            ["Signatories"] = r.SignOff?.Signatories,
        };
        if (r.Figures is { } f)
        {
            PenceColumns.Write(e, f.Pool);
        }

        return e;
    }

    public static PeriodReturn FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("HwbCode") ?? e.RowKey[(e.RowKey.IndexOf('|') + 1)..],
        e.GetString("HwbName"),
        e.GetString("Region") ?? "Unknown",
        e.GetString("County") ?? "Unknown",
        e.GetString("LatestSubmissionId") ?? string.Empty,
        Enum.Parse<SubmissionStatus>(e.GetString("LatestStatus") ?? nameof(SubmissionStatus.Received)),
        e.GetDateTimeOffset("LatestReceivedAt") ?? default,
        e.GetString("AcceptedSubmissionId"),
        e.GetDateTimeOffset("AcceptedReceivedAt"),
        e.GetString("ReplacedSubmissionIds")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        ReturnFigures.FromJson(e.GetString("Figures")),
        e.ETag.ToString())
    {
        SignOff = Enum.TryParse<SubmissionStatus>(e.GetString("CountedStatus"), out var counted)
            ? new SignOffProgress(counted, e.GetInt32("Signed") ?? 0, e.GetInt32("Signatories") ?? 0)
            : null,
    };

    public static TableEntity ToEntity(ContributionLine l, string rowKey)
    {
        var e = new TableEntity(l.Period, rowKey)
        {
            ["PartnerKey"] = l.PartnerKey,
            ["PartnerName"] = l.PartnerName,
            ["PartnerKind"] = l.PartnerKind,
            ["HwbCode"] = l.HwbCode,
        };
        PenceColumns.Write(e, l.Figures);
        return e;
    }

    public static ContributionLine LineFromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("PartnerKey") ?? string.Empty,
        e.GetString("PartnerName") ?? string.Empty,
        e.GetString("PartnerKind") ?? string.Empty,
        e.GetString("HwbCode") ?? string.Empty,
        PenceColumns.Read(e));
}
