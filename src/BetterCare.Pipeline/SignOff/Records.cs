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
/// One signatory's row for one submission: who, the single-use token's nonce and expiry, and the
/// decision with its declaration or comment.
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
    string? ETag)
{
    public bool IsDecided => Status is SignatureStatus.Signed or SignatureStatus.Declined;

    public string Describe() => $"{Organisation} ({Name})";
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
public sealed record MailLedgerEntry(string Scope, string Key, MailClaimState State, string? Detail, string? ETag);
