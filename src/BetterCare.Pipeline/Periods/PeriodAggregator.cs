using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;

namespace BetterCare.Pipeline.Periods;

/// <summary>
/// What applying a submission to its period came to: a line for its history, the returns it
/// superseded, and the later accepted return that supersedes it instead when it arrived second.
/// The submission itself is not changed: its step records this (see <c>SubmissionWorkflow</c>).
/// </summary>
public sealed record Aggregation(string Detail, IReadOnlyList<string> Superseded, string? SupersededBy = null);

/// <summary>
/// Folds a decided submission into its period's totals. Only the latest accepted submission of
/// an HWB and period counts: a newer one replaces the older one's row and partner lines, and the
/// older one is marked Superseded. Safe to run twice for the same submission.
/// </summary>
public sealed class PeriodAggregator
{
    private readonly IReturnTables _tables;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _clock;

    public PeriodAggregator(IReturnTables tables, ReferenceData reference, TimeProvider clock)
    {
        _tables = tables;
        _reference = reference;
        _clock = clock;
    }

    /// <summary>Applies the submission to its period; returns a line for its history, the returns it superseded, and what supersedes it.</summary>
    public async Task<Aggregation> ApplyAsync(Submission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Period is null || submission.HwbCode is null)
        {
            return new Aggregation("nothing to aggregate: the return names no HWB or period that can be read", []);
        }

        // Most returns are their HWB's first for the period, so the row is added without reading it
        // first. If it exists, the add (one transaction with the partner lines) fails whole and
        // changes nothing: the row is read and the submission applied to it as usual.
        try
        {
            return await ApplyAsync(submission, null, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
        }

        var row = await _tables.GetPeriodReturnAsync(submission.Period, submission.HwbCode, ct).ConfigureAwait(false);
        return await ApplyAsync(submission, row, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Notes on the period's row how the counted return's sign-off stands, when the submission is the
    /// counted one (a replaced return's signatures change nothing). Reads the row, and writes it only
    /// when the progress differs: safe to run after every decision, and again after a crash.
    /// </summary>
    public async Task RecordSignOffAsync(Submission submission, int signed, int signatories, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Period is null || submission.HwbCode is null)
        {
            return;
        }

        var progress = new SignOffProgress(submission.Status, signed, signatories);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await _tables.GetPeriodReturnAsync(submission.Period, submission.HwbCode, ct).ConfigureAwait(false);
            if (row?.AcceptedSubmissionId != submission.Id || row.SignOff == progress)
            {
                return;
            }

            try
            {
                await _tables.SavePeriodReturnAsync(row with { SignOff = progress }, [], [], ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }

        throw new ConcurrencyException($"The {submission.Period} row of {submission.HwbCode} kept changing while its sign-off was noted.");
    }

    private async Task<Aggregation> ApplyAsync(Submission submission, PeriodReturn? row, CancellationToken ct)
    {
        if (submission.Status == SubmissionStatus.Accepted)
        {
            return await ApplyAcceptedAsync(submission, row, ct).ConfigureAwait(false);
        }

        if (row is not null && !IsNewer(submission.ReceivedAt, submission.Id, row.LatestReceivedAt, row.LatestSubmissionId))
        {
            return new Aggregation($"{submission.Status}; a later submission is already the latest for {submission.HwbCode} {submission.Period}", []);
        }

        var area = _reference.Area(submission.HwbCode);
        var updated = (row ?? Empty(submission, area)) with
        {
            HwbName = submission.HwbName ?? row?.HwbName,
            LatestSubmissionId = submission.Id,
            LatestStatus = submission.Status,
            LatestReceivedAt = submission.ReceivedAt,
        };
        await _tables.SavePeriodReturnAsync(updated, [], [], ct).ConfigureAwait(false);
        return new Aggregation(row?.HasAccepted == true
            ? $"{submission.Status}; {row.AcceptedSubmissionId} remains the accepted return for {submission.Period}"
            : $"{submission.Status}; {submission.HwbCode} has no accepted return for {submission.Period}", []);
    }

    private async Task<Aggregation> ApplyAcceptedAsync(Submission submission, PeriodReturn? row, CancellationToken ct)
    {
        if (row?.AcceptedSubmissionId == submission.Id)
        {
            // Applied already, by an earlier delivery that stopped before saving the submission.
            await SupersedeAsync(row.ReplacedSubmissionIds, submission.Id, ct).ConfigureAwait(false);
            return new Aggregation($"counted in the {submission.Period} totals", row.ReplacedSubmissionIds);
        }

        if (row?.AcceptedSubmissionId is { } current && !IsNewer(submission.ReceivedAt, submission.Id, row.AcceptedReceivedAt!.Value, current))
        {
            return new Aggregation($"not counted: {current} is a later accepted return for {submission.Period}", [], SupersededBy: current);
        }

        var area = _reference.Area(submission.HwbCode);
        var figures = submission.Figures ?? new ReturnFigures(PoolPence.Zero, new Dictionary<string, PoolPence>(), SpendPence.Zero, new Dictionary<string, SpendPence>(), []);
        var replaced = Replaced(row, submission.Id);
        var latest = row is null || IsNewer(submission.ReceivedAt, submission.Id, row.LatestReceivedAt, row.LatestSubmissionId);
        var updated = (row ?? Empty(submission, area)) with
        {
            HwbName = submission.HwbName ?? row?.HwbName,
            LatestSubmissionId = latest ? submission.Id : row!.LatestSubmissionId,
            LatestStatus = latest ? SubmissionStatus.Accepted : row!.LatestStatus,
            LatestReceivedAt = latest ? submission.ReceivedAt : row!.LatestReceivedAt,
            AcceptedSubmissionId = submission.Id,
            AcceptedReceivedAt = submission.ReceivedAt,
            ReplacedSubmissionIds = replaced,
            Figures = figures,
            SignOff = new SignOffProgress(SubmissionStatus.Accepted, 0, submission.Signatories.Count),
        };
        var lines = figures.Partners
            .Select(p => new ContributionLine(submission.Period!, p.Key, p.Name, p.Kind, submission.HwbCode!, p.Figures))
            .ToList();
        var removed = row?.Figures?.Partners.Select(p => p.Key).Except(lines.Select(l => l.PartnerKey)).ToList() ?? [];
        await _tables.SavePeriodReturnAsync(updated, lines, removed, ct).ConfigureAwait(false);
        await SupersedeAsync(replaced, submission.Id, ct).ConfigureAwait(false);
        return new Aggregation(row?.AcceptedSubmissionId is { } previous
            ? $"counted in the {submission.Period} totals, replacing {previous}"
            : $"counted in the {submission.Period} totals", replaced);
    }

    /// <summary>
    /// What the row's new accepted submission replaces: the one counted until now, and every one
    /// that one replaced, since a worker may have stopped before marking them Superseded.
    /// </summary>
    private static IReadOnlyList<string> Replaced(PeriodReturn? row, string byId)
    {
        if (row is null)
        {
            return [];
        }

        IEnumerable<string> ids = row.AcceptedSubmissionId is { } current ? [.. row.ReplacedSubmissionIds, current] : row.ReplacedSubmissionIds;
        var replaced = ids.Where(id => id != byId).Distinct(StringComparer.Ordinal).ToList();
        return replaced.Count > PeriodReturn.MaxReplaced ? replaced[^PeriodReturn.MaxReplaced..] : replaced;
    }

    /// <summary>Marks each replaced submission Superseded unless it is already (or was never accepted).</summary>
    private async Task SupersedeAsync(IReadOnlyList<string> replaced, string byId, CancellationToken ct)
    {
        // The newest first: it is the one most likely still marked Accepted.
        for (var i = replaced.Count - 1; i >= 0; i--)
        {
            await SupersedeAsync(replaced[i], byId, ct).ConfigureAwait(false);
        }
    }

    private async Task SupersedeAsync(string previousId, string byId, CancellationToken ct)
    {
        if (previousId == byId)
        {
            return;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var previous = await _tables.GetSubmissionAsync(previousId, ct).ConfigureAwait(false);
            if (previous is null || previous.Status is not (SubmissionStatus.Accepted or SubmissionStatus.SignedOff or SubmissionStatus.ChangesRequested))
            {
                return;
            }

            previous.Supersede(byId, _clock.GetUtcNow());
            try
            {
                await _tables.SaveSubmissionAsync(previous, ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }

        throw new ConcurrencyException($"Submission {previousId} kept changing while being superseded by {byId}.");
    }

    /// <summary>Later received wins; the id breaks a tie so every worker orders two submissions the same way.</summary>
    public static bool IsNewer(DateTimeOffset at, string id, DateTimeOffset otherAt, string otherId) =>
        at > otherAt || (at == otherAt && string.CompareOrdinal(id, otherId) > 0);

    private static PeriodReturn Empty(Submission s, Area? area) => new(
        s.Period!, s.HwbCode!, s.HwbName, area?.Region ?? "Unknown", area?.County ?? "Unknown",
        s.Id, s.Status, s.ReceivedAt, null, null, [], null, null);
}
