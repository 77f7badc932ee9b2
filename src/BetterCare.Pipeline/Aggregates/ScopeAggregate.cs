using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Aggregates;

/// <summary>One HWB in an aggregate: its latest status and, when it has one, its accepted return's figures.</summary>
public sealed record HwbAggregate(
    string HwbCode,
    string? HwbName,
    string Region,
    string County,
    string Status,
    string? AcceptedSubmissionId,
    ReturnFigures? Figures,
    HwbState State);

/// <summary>A partner's contributions across the HWBs in scope it pays into.</summary>
public sealed record PartnerAggregate(string PartnerKey, string Name, string? Code, string Kind, PoolPence Figures, IReadOnlyList<string> HwbCodes);

/// <summary>
/// The state of a scope for a period: each HWB's status and figures, each partner's totals, the
/// scope's totals (accepted returns only), and the HWBs that have no accepted return yet.
/// </summary>
public sealed record ScopeAggregate(
    string Period,
    Scope Scope,
    IReadOnlyList<HwbAggregate> Hwbs,
    IReadOnlyList<PartnerAggregate> Partners,
    PoolPence Totals,
    IReadOnlyDictionary<string, PoolPence> ByPartnerType,
    SpendPence Spend,
    IReadOnlyDictionary<string, SpendPence> BySchemeType,
    IReadOnlyList<string> WithoutAcceptedReturn);
