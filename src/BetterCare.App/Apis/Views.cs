using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.App.Apis;

/// <summary>Money in API answers: pounds with pence, exact (never a binary fraction).</summary>
public sealed record PoolView(decimal Pool, decimal Minimum, decimal Additional, decimal ActualToDate, decimal Forecast)
{
    public static PoolView From(PoolPence p) => new(p.Pool / 100m, p.Minimum / 100m, p.Additional / 100m, p.ActualToDate / 100m, p.Forecast / 100m);
}

public sealed record SpendView(decimal Planned, decimal ActualToDate, decimal Forecast)
{
    public static SpendView From(SpendPence s) => new(s.Planned / 100m, s.ActualToDate / 100m, s.Forecast / 100m);
}

public sealed record PartnerView(string Name, string? Code, string Kind, PoolView Figures);

public sealed record FiguresView(PoolView Pool, IReadOnlyDictionary<string, PoolView> ByPartnerType, SpendView Spend, IReadOnlyDictionary<string, SpendView> BySchemeType, IReadOnlyList<PartnerView> Partners)
{
    public static FiguresView? From(ReturnFigures? f) => f is null
        ? null
        : new FiguresView(
            PoolView.From(f.Pool),
            f.ByPartnerType.ToDictionary(kv => kv.Key, kv => PoolView.From(kv.Value)),
            SpendView.From(f.Spend),
            f.BySchemeType.ToDictionary(kv => kv.Key, kv => SpendView.From(kv.Value)),
            f.Partners.Select(p => new PartnerView(p.Name, p.Code, p.Kind, PoolView.From(p.Figures))).ToList());
}

public sealed record HistoryView(DateTimeOffset At, string Event, string Detail);

public sealed record SubmissionView(
    string SubmissionId,
    string Status,
    string Step,
    string FileName,
    DateTimeOffset ReceivedAt,
    string? HwbCode,
    string? HwbName,
    string? Period,
    int Errors,
    int Warnings,
    string? ArchivePath,
    string? ContentHash,
    string? FailureReason,
    string? SupersededBy,
    FiguresView? Figures,
    IReadOnlyList<HistoryView> History,
    System.Text.Json.JsonElement? Findings)
{
    public static SubmissionView From(Submission s, IReadOnlyList<HistoryEntry> history, System.Text.Json.JsonElement? findings) => new(
        s.Id, s.Status.ToString(), s.Step.ToString(), s.FileName, s.ReceivedAt, s.HwbCode, s.HwbName, s.Period, s.Errors, s.Warnings,
        s.ArchivePath, s.ContentHash, s.FailureReason, s.SupersededBy, FiguresView.From(s.Figures),
        history.Select(h => new HistoryView(h.At, h.Event, h.Detail)).ToList(), findings);
}

public sealed record PeriodReturnView(
    string HwbCode,
    string? HwbName,
    string Region,
    string County,
    string LatestSubmissionId,
    string LatestStatus,
    DateTimeOffset LatestReceivedAt,
    string? AcceptedSubmissionId,
    PoolView? Totals)
{
    public static PeriodReturnView From(PeriodReturn r) => new(
        r.HwbCode, r.HwbName, r.Region, r.County, r.LatestSubmissionId, r.LatestStatus.ToString(), r.LatestReceivedAt,
        r.AcceptedSubmissionId, r.Figures is { } f && r.HasAccepted ? PoolView.From(f.Pool) : null);
}

public sealed record UploadAccepted(string SubmissionId, string Status, string StatusUrl);
