using System.Globalization;

namespace BetterCare.Pipeline.SignOff;

/// <summary>Where one signatory stands. Numbers are explicit because they are stored.</summary>
public enum SignatureStatus
{
    Pending = 1,
    Signed = 2,
    Declined = 3,

    /// <summary>A later accepted submission replaced the return before this signatory decided.</summary>
    Void = 4,
}

/// <summary>
/// One signatory's row for one submission: who, the single-use token's nonce and expiry, the
/// decision with its declaration or comment, and the chasers. <see cref="HistoryRecorded"/> says
/// the submission's history has the decision, so a repair run adds it once.
/// </summary>
public sealed record SignatureRecord(
    string SubmissionId,
    string SignatoryKey,
    string Organisation,
    string SigningFor,
    string Name,
    string Position,
    string Email,
    SignatureStatus Status,
    string TokenNonce,
    DateTimeOffset TokenExpiresAt,
    bool TokenUsed,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt,
    string? Declaration,
    string? Comment,
    int ChasersSent,
    DateTimeOffset? NextChaserDue,
    bool HistoryRecorded,
    string? ETag)
{
    public bool IsDecided => Status is SignatureStatus.Signed or SignatureStatus.Declined;

    public string Describe() => $"{Organisation} ({Name})";
}

/// <summary>What a timer does when it comes due. Numbers are explicit because they are stored.</summary>
public enum TimerKind
{
    /// <summary>Remind a signatory who has not signed (scope: submission).</summary>
    Chaser = 1,

    /// <summary>At the period's deadline, tell the regional managers who has not signed (scope: submission).</summary>
    Deadline = 2,

    /// <summary>Remind HWB leads with no accepted return for the period (scope: period; number: working days before the deadline).</summary>
    Reminder = 3,

    /// <summary>On the deadline day, tell each region's managers which HWBs have no accepted return (scope: period).</summary>
    DeadlineNote = 4,

    /// <summary>Bring the submission's history and status in line with its decided signatures (scope: submission).</summary>
    Reconcile = 5,
}

/// <summary>A row with a due time. <see cref="Id"/> is deterministic, so scheduling the same timer twice stores it once.</summary>
public sealed record SignOffTimer(TimerKind Kind, DateTimeOffset Due, string Scope, string? SignatoryKey, int Number, DateTimeOffset? LeaseUntil = null, string? ETag = null)
{
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Kind}|{Scope}|{SignatoryKey ?? "-"}|{Number}");
}

public enum MailClaimState
{
    /// <summary>The caller holds the claim: it sends, then finishes the entry.</summary>
    Claimed = 1,
    Sent = 2,
    Failed = 3,

    /// <summary>Another worker holds a live claim on it.</summary>
    InFlight = 4,
}

/// <summary>One notice in the mail ledger (scope: a submission id or a period; key: which notice).</summary>
public sealed record MailLedgerEntry(string Scope, string Key, MailClaimState State, bool Recorded, string? Detail, string? ETag);
