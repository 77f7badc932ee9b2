using BetterCare.Pipeline.SignOff;

namespace BetterCare.Pipeline.Ports;

/// <summary>
/// The sign-off's tables: one signature row per signatory (partitioned by submission), and the mail
/// ledger that makes every notice go out once however often an activity runs.
/// </summary>
public interface ISignOffStore
{
    Task<IReadOnlyList<SignatureRecord>> GetSignaturesAsync(string submissionId, CancellationToken cancellationToken);

    Task<SignatureRecord?> GetSignatureAsync(string submissionId, string signatoryKey, CancellationToken cancellationToken);

    /// <summary>Adds a signature row unless it exists; returns the stored row (the existing one keeps its token).</summary>
    Task<SignatureRecord> AddSignatureAsync(SignatureRecord row, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a submission's signature rows, each unless it exists (one table transaction when none
    /// does); returns the stored rows in the order given.
    /// </summary>
    Task<IReadOnlyList<SignatureRecord>> AddSignaturesAsync(IReadOnlyList<SignatureRecord> rows, CancellationToken cancellationToken);

    /// <summary>Replaces a signature row if its ETag still matches; else <see cref="ConcurrencyException"/>. Returns it with the new ETag.</summary>
    Task<SignatureRecord> SaveSignatureAsync(SignatureRecord row, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a notice for sending (taking over a claim never finished), or says it went out (or
    /// failed) already, or that another claimant took it at the same moment.
    /// </summary>
    Task<MailLedgerEntry> ClaimMailAsync(string scope, string key, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Claims several notices of one scope, as <see cref="ClaimMailAsync"/> does each (one table
    /// transaction when none has been claimed before); the entries come back in the order given.
    /// </summary>
    Task<IReadOnlyList<MailLedgerEntry>> ClaimMailsAsync(string scope, IReadOnlyList<string> keys, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records how sending a claimed notice ended.</summary>
    Task<MailLedgerEntry> FinishMailAsync(MailLedgerEntry claim, MailResult result, DateTimeOffset at, CancellationToken cancellationToken);
}
