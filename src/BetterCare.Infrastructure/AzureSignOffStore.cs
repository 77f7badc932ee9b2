using System.Globalization;
using Azure;
using Azure.Data.Tables;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.Infrastructure;

/// <summary>
/// The sign-off's tables. <c>Signatures</c>: partition = submission id, a row per signatory
/// ("sig|{key}").
/// <c>SentMail</c>: partition = scope (submission id, or "period-{period}"), row = the notice's key.
/// </summary>
public sealed class AzureSignOffStore : ISignOffStore
{
    private const string SignaturePrefix = "sig|";

    /// <summary>The most operations one table transaction may hold.</summary>
    private const int MaxTransaction = 100;

    private readonly TableClient _signatures;
    private readonly TableClient _mail;

    public AzureSignOffStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _signatures = clients.Tables.GetTableClient(StorageNames.SignaturesTable);
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

    public async Task<MailLedgerEntry> ClaimMailAsync(string scope, string key, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _mail.AddEntityAsync(NewClaim(scope, key, now, lease), cancellationToken).ConfigureAwait(false);
            return new MailLedgerEntry(scope, key, MailClaimState.Claimed, null, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await _mail.GetEntityAsync<TableEntity>(scope, Key(key), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var state = Enum.Parse<MailClaimState>(existing.GetString("State") ?? nameof(MailClaimState.Claimed));
        if (state != MailClaimState.Claimed)
        {
            return new MailLedgerEntry(scope, key, state, existing.GetString("Detail"), existing.ETag.ToString());
        }

        // Claimed but never finished: whoever claimed it stopped before the provider accepted it (or
        // before that was recorded), so it is sent again; a duplicate is possible only when the
        // provider took it and the stop came before the ledger write. Of two takers at once, one
        // wins the ETag.
        existing["ClaimedUntil"] = now + lease;
        try
        {
            var response = await _mail.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new MailLedgerEntry(scope, key, MailClaimState.Claimed, null, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new MailLedgerEntry(scope, key, MailClaimState.InFlight, null, null);
        }
    }

    public async Task<IReadOnlyList<MailLedgerEntry>> ClaimMailsAsync(string scope, IReadOnlyList<string> keys, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Some may have been claimed before (a step done again): then each is claimed as usual.
        if (await AddAllAsync(_mail, [.. keys.Select(k => NewClaim(scope, k, now, lease))], cancellationToken).ConfigureAwait(false) is { } added)
        {
            return [.. keys.Select((k, i) => new MailLedgerEntry(scope, k, MailClaimState.Claimed, null, added[i].Headers.ETag?.ToString()))];
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
        new(scope, Key(key)) { ["State"] = nameof(MailClaimState.Claimed), ["ClaimedUntil"] = now + lease };

    private static MailClaimState StateOf(MailResult result) => result.Status == MailStatus.Sent ? MailClaimState.Sent : MailClaimState.Failed;

    private static TableEntity Finished(MailLedgerEntry claim, MailResult result, DateTimeOffset at) => new(claim.Scope, Key(claim.Key))
    {
        ["State"] = StateOf(result).ToString(),
        ["Detail"] = result.Detail,
        ["FinishedAt"] = at,
    };

    private static MailLedgerEntry Finished(MailLedgerEntry claim, MailResult result, string? etag) =>
        claim with { State = StateOf(result), Detail = result.Detail, ETag = etag };

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
        e.ETag.ToString());
}
