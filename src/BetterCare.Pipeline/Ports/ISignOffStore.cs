using BetterCare.Pipeline.SignOff;

namespace BetterCare.Pipeline.Ports;

/// <summary>
/// The sign-off's tables: one signature row per signatory (partitioned by submission), the
/// timers (rows with a due time, claimed by ETag so overlapping scans act once), and the mail
/// ledger that makes every notice go out once however often a step or a timer runs.
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

    /// <summary>Adds a timer unless one with the same id and due time exists.</summary>
    Task AddTimerAsync(SignOffTimer timer, CancellationToken cancellationToken);

    /// <summary>Adds timers, each unless one with the same id and due time exists (one transaction when none does).</summary>
    Task AddTimersAsync(IReadOnlyList<SignOffTimer> timers, CancellationToken cancellationToken);

    /// <summary>Timers due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<SignOffTimer>> DueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Takes a due timer for a while (ETag-guarded); null when another scan holds it or has finished it.</summary>
    Task<SignOffTimer?> ClaimTimerAsync(SignOffTimer timer, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Removes a claimed timer, if it is still as claimed.</summary>
    Task CompleteTimerAsync(SignOffTimer claimed, CancellationToken cancellationToken);

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

    /// <summary>Notes that the submission's history has a line for this notice.</summary>
    Task MarkMailRecordedAsync(MailLedgerEntry entry, CancellationToken cancellationToken);
}
