using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Periods;

/// <summary>
/// One HWB's place in one period: its latest submission's status, and the figures of its
/// latest accepted submission, which is the only one that counts. Stored in the period's
/// partition, so every HWB of a period (or of a region in it) is one partition query.
/// <see cref="ReplacedSubmissionIds"/> lists every accepted submission the counted one's
/// predecessors replaced, oldest first: marking them Superseded follows the row's write, and a
/// worker that stops in between leaves that to the next acceptance, whichever submission it is.
/// </summary>
public sealed record PeriodReturn(
    string Period,
    string HwbCode,
    string? HwbName,
    string Region,
    string County,
    string LatestSubmissionId,
    SubmissionStatus LatestStatus,
    DateTimeOffset LatestReceivedAt,
    string? AcceptedSubmissionId,
    DateTimeOffset? AcceptedReceivedAt,
    IReadOnlyList<string> ReplacedSubmissionIds,
    ReturnFigures? Figures,
    string? ETag)
{
    /// <summary>The most replaced ids a row keeps (the oldest go first); far more than a period's resubmissions.</summary>
    public const int MaxReplaced = 200;

    public bool HasAccepted => AcceptedSubmissionId is not null;

    /// <summary>Where the counted (accepted) return's sign-off stands: kept on the row so a region's dashboard is one query.</summary>
    public SignOffProgress? SignOff { get; init; }
}

/// <summary>The counted return's sign-off: its status (Accepted while it waits, SignedOff, ChangesRequested) and how many of its signatories have signed.</summary>
public sealed record SignOffProgress(SubmissionStatus Status, int Signed, int Signatories)
{
    public int Waiting => Math.Max(0, Signatories - Signed);
}

/// <summary>One partner's contribution to one HWB's pool in a period, from that HWB's accepted return.</summary>
public sealed record ContributionLine(string Period, string PartnerKey, string PartnerName, string PartnerKind, string HwbCode, PoolPence Figures);
