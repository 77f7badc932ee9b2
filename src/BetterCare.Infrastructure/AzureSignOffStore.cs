using System.Globalization;
using Azure;
using Azure.Data.Tables;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.Infrastructure;

/// <summary>
/// The sign-off's tables. <c>Signatures</c>: partition = submission id, a row per signatory
/// ("sig|{key}"). <c>Timers</c>: one partition "due", rows "{due yyyyMMddHHmmss}|{timer id}", so the
/// due timers are one range query; a claim is an ETag-guarded update, so one scan wins.
/// <c>SentMail</c>: partition = scope (submission id, or "period-{period}"), row = the notice's key.
/// </summary>
public sealed class AzureSignOffStore : ISignOffStore
{
    private const string SignaturePrefix = "sig|";
    private const string DuePartition = "due";
    private const string StampFormat = "yyyyMMddHHmmss";

    /// <summary>The most operations one table transaction may hold.</summary>
    private const int MaxTransaction = 100;

    private readonly TableClient _signatures;
    private readonly TableClient _timers;
    private readonly TableClient _mail;

    public AzureSignOffStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _signatures = clients.Tables.GetTableClient(StorageNames.SignaturesTable);
        _timers = clients.Tables.GetTableClient(StorageNames.TimersTable);
        _mail = clients.Tables.GetTableClient(StorageNames.MailTable);
    }

    public async Task<IReadOnlyList<SignatureRecord>> GetSignaturesAsync(string submissionId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {submissionId} and RowKey ge {SignaturePrefix} and RowKey lt {"sig}"}");
        var rows = new List<SignatureRecord>();
        await foreach (var e in _signatures.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(e));
        }

        return rows.OrderBy(r => r.RequestedAt).ThenBy(r => r.Organisation, StringComparer.Ordinal).ToList();
    }

    public async Task<SignatureRecord?> GetSignatureAsync(string submissionId, string signatoryKey, CancellationToken cancellationToken)
    {
        var response = await _signatures.GetEntityIfExistsAsync<TableEntity>(submissionId, SignaturePrefix + signatoryKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<SignatureRecord> AddSignatureAsync(SignatureRecord row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await _signatures.AddEntityAsync(ToEntity(row), cancellationToken).ConfigureAwait(false);
            return row with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await GetSignatureAsync(row.SubmissionId, row.SignatoryKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Signature {row.SignatoryKey} of {row.SubmissionId} exists but cannot be read.");
        }
    }

    public async Task<IReadOnlyList<SignatureRecord>> AddSignaturesAsync(IReadOnlyList<SignatureRecord> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        // Some may exist already (a step done again): then they are added one by one, keeping those.
        if (await AddAllAsync(_signatures, [.. rows.Select(ToEntity)], cancellationToken).ConfigureAwait(false) is { } added)
        {
            return [.. rows.Select((r, i) => r with { ETag = added[i].Headers.ETag?.ToString() })];
        }

        var stored = new List<SignatureRecord>(rows.Count);
        foreach (var row in rows)
        {
            stored.Add(await AddSignatureAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return stored;
    }

    public async Task<SignatureRecord> SaveSignatureAsync(SignatureRecord row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await _signatures.UpdateEntityAsync(ToEntity(row), new ETag(row.ETag ?? throw new InvalidOperationException("The signature row was never read.")), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return row with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyException($"Signature {row.SignatoryKey} of {row.SubmissionId} changed since it was read.", e);
        }
    }

    public async Task AddTimersAsync(IReadOnlyList<SignOffTimer> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var distinct = timers.DistinctBy(RowKey).ToList();
        // Some may be scheduled already: then they are added one by one.
        if (await AddAllAsync(_timers, [.. distinct.Select(ToEntity)], cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        foreach (var timer in distinct)
        {
            await AddTimerAsync(timer, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AddTimerAsync(SignOffTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await _timers.AddEntityAsync(ToEntity(timer), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Scheduled already.
        }
    }

    public async Task<IReadOnlyList<SignOffTimer>> DueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var to = now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and RowKey lt {to}");
        var timers = new List<SignOffTimer>();
        await foreach (var e in _timers.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            timers.Add(new SignOffTimer(
                Enum.Parse<TimerKind>(e.GetString("Kind") ?? nameof(TimerKind.Chaser)),
                e.GetDateTimeOffset("Due") ?? now,
                e.GetString("Scope") ?? string.Empty,
                e.GetString("SignatoryKey"),
                e.GetInt32("Number") ?? 0,
                e.GetDateTimeOffset("LeaseUntil"),
                e.ETag.ToString()));
            if (timers.Count >= max)
            {
                break;
            }
        }

        return timers;
    }

    public async Task<SignOffTimer?> ClaimTimerAsync(SignOffTimer timer, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var until = now + lease;
        var entity = new TableEntity(DuePartition, RowKey(timer)) { ["LeaseUntil"] = until };
        try
        {
            var response = await _timers.UpdateEntityAsync(entity, new ETag(timer.ETag ?? throw new InvalidOperationException("The timer was never read.")), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return timer with { LeaseUntil = until, ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    public async Task CompleteTimerAsync(SignOffTimer claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        try
        {
            await _timers.DeleteEntityAsync(DuePartition, RowKey(claimed), claimed.ETag is null ? ETag.All : new ETag(claimed.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or taken over by a later scan after the claim lapsed.
        }
    }

    public async Task<MailLedgerEntry> ClaimMailAsync(string scope, string key, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _mail.AddEntityAsync(NewClaim(scope, key, now, lease), cancellationToken).ConfigureAwait(false);
            return new MailLedgerEntry(scope, key, MailClaimState.Claimed, false, null, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await _mail.GetEntityAsync<TableEntity>(scope, Key(key), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var state = Enum.Parse<MailClaimState>(existing.GetString("State") ?? nameof(MailClaimState.Claimed));
        var recorded = existing.GetBoolean("Recorded") ?? false;
        if (state != MailClaimState.Claimed)
        {
            return new MailLedgerEntry(scope, key, state, recorded, existing.GetString("Detail"), existing.ETag.ToString());
        }

        // Claimed but never finished: whoever claimed it stopped before the provider accepted it (or
        // before that was recorded), so it is sent again; a duplicate is possible only when the
        // provider took it and the stop came before the ledger write. Of two takers at once, one
        // wins the ETag.
        existing["ClaimedUntil"] = now + lease;
        try
        {
            var response = await _mail.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new MailLedgerEntry(scope, key, MailClaimState.Claimed, recorded, null, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new MailLedgerEntry(scope, key, MailClaimState.InFlight, recorded, null, null);
        }
    }

    public async Task<IReadOnlyList<MailLedgerEntry>> ClaimMailsAsync(string scope, IReadOnlyList<string> keys, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Some may have been claimed before (a step done again): then each is claimed as usual.
        if (await AddAllAsync(_mail, [.. keys.Select(k => NewClaim(scope, k, now, lease))], cancellationToken).ConfigureAwait(false) is { } added)
        {
            return [.. keys.Select((k, i) => new MailLedgerEntry(scope, k, MailClaimState.Claimed, false, null, added[i].Headers.ETag?.ToString()))];
        }

        var entries = new List<MailLedgerEntry>(keys.Count);
        foreach (var key in keys)
        {
            entries.Add(await ClaimMailAsync(scope, key, now, lease, cancellationToken).ConfigureAwait(false));
        }

        return entries;
    }

    public async Task<MailLedgerEntry> FinishMailAsync(MailLedgerEntry claim, MailResult result, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);

        // Unconditional: whoever sent it says how it went; a slow first claimant only repeats it.
        var response = await _mail.UpsertEntityAsync(Finished(claim, result, at), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return Finished(claim, result, response.Headers.ETag?.ToString());
    }

    /// <summary>
    /// Adds rows of one partition in one transaction; the responses in order, or null when they
    /// cannot go in one (one row, over 100, several partitions, a key twice) or when any exists
    /// already, in which case none is added.
    /// </summary>
    private static async Task<IReadOnlyList<Response>?> AddAllAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count is < 2 or > MaxTransaction ||
            rows.Select(r => r.PartitionKey).Distinct(StringComparer.Ordinal).Count() != 1 ||
            rows.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count() != rows.Count)
        {
            return null;
        }

        try
        {
            var response = await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    private static TableEntity NewClaim(string scope, string key, DateTimeOffset now, TimeSpan lease) =>
        new(scope, Key(key)) { ["State"] = nameof(MailClaimState.Claimed), ["ClaimedUntil"] = now + lease, ["Recorded"] = false };

    private static MailClaimState StateOf(MailResult result) => result.Status == MailStatus.Sent ? MailClaimState.Sent : MailClaimState.Failed;

    private static TableEntity Finished(MailLedgerEntry claim, MailResult result, DateTimeOffset at) => new(claim.Scope, Key(claim.Key))
    {
        ["State"] = StateOf(result).ToString(),
        ["Detail"] = result.Detail,
        ["FinishedAt"] = at,
        ["Recorded"] = false,
    };

    private static MailLedgerEntry Finished(MailLedgerEntry claim, MailResult result, string? etag) =>
        claim with { State = StateOf(result), Recorded = false, Detail = result.Detail, ETag = etag };

    public async Task MarkMailRecordedAsync(MailLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _mail.UpsertEntityAsync(new TableEntity(entry.Scope, Key(entry.Key)) { ["Recorded"] = true }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity ToEntity(SignOffTimer t) => new(DuePartition, RowKey(t))
    {
        ["Kind"] = t.Kind.ToString(),
        ["Due"] = t.Due,
        ["Scope"] = t.Scope,
        ["SignatoryKey"] = t.SignatoryKey,
        ["Number"] = t.Number,
    };

    private static string RowKey(SignOffTimer t) => t.Due.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + "|" + t.Id;

    /// <summary>Table keys may not hold '/', '\', '#' or '?'.</summary>
    private static string Key(string key) => new([.. key.Select(c => c is '/' or '\\' or '#' or '?' ? '_' : c)]);

    private static TableEntity ToEntity(SignatureRecord r) => new(r.SubmissionId, SignaturePrefix + r.SignatoryKey)
    {
        ["Organisation"] = r.Organisation,
        ["SigningFor"] = r.SigningFor,
        ["Name"] = r.Name,
        ["Position"] = r.Position,
        ["Email"] = r.Email,
        ["Status"] = r.Status.ToString(),
        ["TokenNonce"] = r.TokenNonce,
        ["TokenExpiresAt"] = r.TokenExpiresAt,
        ["TokenUsed"] = r.TokenUsed,
        ["RequestedAt"] = r.RequestedAt,
        ["DecidedAt"] = r.DecidedAt,
        ["Declaration"] = r.Declaration,
        ["Comment"] = r.Comment,
        ["ChasersSent"] = r.ChasersSent,
        ["NextChaserDue"] = r.NextChaserDue,
        ["HistoryRecorded"] = r.HistoryRecorded,
    };

    private static SignatureRecord FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey[SignaturePrefix.Length..],
        e.GetString("Organisation") ?? string.Empty,
        e.GetString("SigningFor") ?? string.Empty,
        e.GetString("Name") ?? string.Empty,
        e.GetString("Position") ?? string.Empty,
        e.GetString("Email") ?? string.Empty,
        Enum.Parse<SignatureStatus>(e.GetString("Status") ?? nameof(SignatureStatus.Pending)),
        e.GetString("TokenNonce") ?? string.Empty,
        e.GetDateTimeOffset("TokenExpiresAt") ?? default,
        e.GetBoolean("TokenUsed") ?? false,
        e.GetDateTimeOffset("RequestedAt") ?? default,
        e.GetDateTimeOffset("DecidedAt"),
        e.GetString("Declaration"),
        e.GetString("Comment"),
        e.GetInt32("ChasersSent") ?? 0,
        e.GetDateTimeOffset("NextChaserDue"),
        e.GetBoolean("HistoryRecorded") ?? false,
        e.ETag.ToString());
}
