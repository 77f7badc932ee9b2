using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Periods;

/// <summary>
/// One HWB's place in one period: its latest submission's status, and the figures of its
/// latest accepted submission, which is the only one that counts. Stored in the period's
/// partition, so every HWB of a period (or of a region in it) is one partition query.
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
    string? PreviousAcceptedSubmissionId,
    ReturnFigures? Figures,
    string? ETag)
{
    public bool HasAccepted => AcceptedSubmissionId is not null;
}

/// <summary>One partner's contribution to one HWB's pool in a period, from that HWB's accepted return.</summary>
public sealed record ContributionLine(string Period, string PartnerKey, string PartnerName, string PartnerKind, string HwbCode, PoolPence Figures);
