using System.Security.Cryptography;
using System.Text;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.SignOff;

/// <summary>Why a sign-off link cannot be used. Numbers are explicit because pages map them to answers.</summary>
public enum LinkProblem
{
    /// <summary>Not a token we issued for a signature that exists (forged, tampered, wrong submission or signatory).</summary>
    Invalid = 1,
    Expired = 2,
    Used = 3,

    /// <summary>A later accepted submission replaced the return.</summary>
    Superseded = 4,

    /// <summary>The return no longer waits for sign-off (signed off, or changes requested).</summary>
    Closed = 5,
}

/// <summary>A link looked up: the return and the signature it is for, or why it cannot be used.</summary>
public sealed record SignOffLink(LinkProblem? Problem, Submission? Submission, SignatureRecord? Signature, IReadOnlyList<SignatureRecord> Signatures, string? Declaration);

/// <summary>What a decision came to: recorded, refused for the link's sake, or refused for the form's (nothing changed).</summary>
public sealed record DecisionOutcome(SignOffLink Link, string? FormProblem, bool Recorded);

/// <summary>
/// The sign-off of accepted returns: the workflow's Notify step (decision to the uploader,
/// signature rows, requests, chasers), the signatories' decisions through their links, and the
/// reconciliation that turns decisions into history, status and confirmations. Every part can
/// run again and finds its work done.
/// </summary>
public sealed partial class SignOffService
{
    private readonly IReturnTables _tables;
    private readonly IReturnBlobs _blobs;
    private readonly ISignOffStore _store;
    private readonly MailDispatcher _mail;
    private readonly IContactDirectory _contacts;
    private readonly SignOffTokens _tokens;
    private readonly SignOffCalendar _calendar;
    private readonly SignOffEmails _emails;
    private readonly SignOffOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SignOffService> _log;

    public SignOffService(
        IReturnTables tables, IReturnBlobs blobs, ISignOffStore store, MailDispatcher mail, IContactDirectory contacts, SignOffTokens tokens,
        SignOffCalendar calendar, SignOffEmails emails, SignOffOptions options, TimeProvider clock, ILogger<SignOffService> log)
    {
        _tables = tables;
        _blobs = blobs;
        _store = store;
        _mail = mail;
        _contacts = contacts;
        _tokens = tokens;
        _calendar = calendar;
        _emails = emails;
        _options = options;
        _clock = clock;
        _log = log;
    }

    public string TokenFor(SignatureRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return _tokens.Issue(new SignOffClaims(r.SubmissionId, r.SignatoryKey, r.TokenExpiresAt, r.TokenNonce));
    }

    /// <summary>
    /// The Notify step's work; returns the history line's detail, naming each email. The
    /// signature rows are added together, the emails claimed and finished together in the mail
    /// ledger, and the timers added together: a handful of table transactions per return.
    /// </summary>
    public async Task<string> NotifyAsync(Submission s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var notices = new List<Notice>();
        var uploader = UploaderOf(s);
        if (uploader is not null)
        {
            var findings = FindingLine.FromReport(s.FindingsJson ?? (s.ReportPath is { } path ? await _blobs.ReadReportAsync(path, ct).ConfigureAwait(false) : null));
            notices.Add(new Notice("decision", id => _emails.Decision(id, s, uploader, findings)));
        }

        var request = s.Status is SubmissionStatus.Accepted or SubmissionStatus.SignedOff or SubmissionStatus.ChangesRequested
            ? await PrepareSignOffAsync(s, ct).ConfigureAwait(false)
            : null;
        var pending = request?.Rows.Where(r => r.Status == SignatureStatus.Pending).ToList() ?? [];
        notices.AddRange(pending.Select(row =>
        {
            var token = TokenFor(row);
            return new Notice("request|" + row.SignatoryKey, id => _emails.Request(id, s, row, token, request!.Deadline));
        }));

        var outcomes = await _mail.SendOnceAsync(s.Id, notices, ct).ConfigureAwait(false);
        var parts = new List<string>();
        if (uploader is null)
        {
            parts.Add("no address is known for the uploader, so the decision was not emailed");
        }
        else
        {
            var decision = outcomes[0];
            parts.Add(decision.Sent ? $"{s.Status} notice emailed to the uploader" : $"the {s.Status} notice to the uploader failed ({decision.Detail})");
        }

        if (request is not null)
        {
            var requests = outcomes.Skip(uploader is null ? 0 : 1).ToList();
            parts.Add(await DescribeRequestAsync(s, request, requests, ct).ConfigureAwait(false));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The signature rows of a return asked to sign off, and its dates.</summary>
    private sealed record SignOffRequest(IReadOnlyList<SignatureRecord> Rows, DateTimeOffset? Deadline, DateTimeOffset? ChaserDue);

    /// <summary>Voids the returns this one replaced, then adds a signature row per signatory (existing rows keep their tokens).</summary>
    private async Task<SignOffRequest> PrepareSignOffAsync(Submission s, CancellationToken ct)
    {
        var period = await _tables.GetPeriodReturnAsync(s.Period!, s.HwbCode!, ct).ConfigureAwait(false);
        if (period?.AcceptedSubmissionId == s.Id)
        {
            foreach (var replaced in period.ReplacedSubmissionIds.Where(id => id != s.Id))
            {
                await VoidAsync(replaced, ct).ConfigureAwait(false);
            }
        }

        var now = _clock.GetUtcNow();
        var deadline = _calendar.DeadlineOf(s.Period);
        var expires = now + _options.TokenLifetime;
        if (deadline is { } d && d.AddDays(1) > expires)
        {
            expires = d.AddDays(1);
        }

        var firstChaser = _calendar.AddWorkingDays(now, _options.FirstChaserAfterWorkingDays);
        DateTimeOffset? chaserDue = deadline is null || firstChaser < deadline ? firstChaser : null;
        var rows = await _store.AddSignaturesAsync(
            [.. s.Signatories.Select(signatory => new SignatureRecord(s.Id, signatory.Key, signatory.Organisation, signatory.SigningFor, signatory.Name, signatory.Position, signatory.Email,
                SignatureStatus.Pending, SignOffTokens.NewNonce(), expires, false, now, null, null, null, 0, chaserDue, false, null))],
            ct).ConfigureAwait(false);
        return new SignOffRequest(rows, deadline, chaserDue);
    }

    /// <summary>Schedules the chasers and the deadline, and says who was asked and what comes next.</summary>
    private async Task<string> DescribeRequestAsync(Submission s, SignOffRequest request, IReadOnlyList<MailOutcome> outcomes, CancellationToken ct)
    {
        if (request.Rows.Count == 0)
        {
            return "the Sign-off sheet names nobody with an email address, so no sign-off was requested";
        }

        var asked = new List<string>();
        var failed = new List<string>();
        var timers = new List<SignOffTimer>();
        var next = 0;
        foreach (var row in request.Rows)
        {
            if (row.Status != SignatureStatus.Pending)
            {
                // Decided (or void) already: asked before, by an earlier delivery.
                asked.Add(row.Describe());
                continue;
            }

            var outcome = outcomes[next++];
            (outcome.Sent ? asked : failed).Add(outcome.Sent ? row.Describe() : $"{row.Describe()} ({outcome.Detail})");
            if (row.NextChaserDue is { } due)
            {
                timers.Add(new SignOffTimer(TimerKind.Chaser, due, s.Id, row.SignatoryKey, 1));
            }
        }

        if (request.Deadline is { } at && at > _clock.GetUtcNow())
        {
            timers.Add(new SignOffTimer(TimerKind.Deadline, at, s.Id, null, 0));
        }

        await _store.AddTimersAsync(timers, ct).ConfigureAwait(false);
        LogRequested(s.Id, asked.Count, failed.Count);
        var text = new StringBuilder($"sign-off requested from {string.Join(", ", asked)}");
        if (failed.Count > 0)
        {
            text.Append("; the request failed for ").Append(string.Join(", ", failed));
        }

        text.Append(request.ChaserDue is { } c ? $"; first chaser due {_calendar.Describe(c)}" : "; no chasers (the deadline is too near or has passed)");
        text.Append(request.Deadline is { } dl ? $"; deadline {_calendar.Describe(dl)}" : "; the period has no deadline in the reference data");
        return text.ToString();
    }

    /// <summary>A superseded return's undecided signatures are void: their links stop working and their chasers stop.</summary>
    private async Task VoidAsync(string submissionId, CancellationToken ct)
    {
        foreach (var row in await _store.GetSignaturesAsync(submissionId, ct).ConfigureAwait(false))
        {
            if (row.Status != SignatureStatus.Pending)
            {
                continue;
            }

            try
            {
                await _store.SaveSignatureAsync(row with { Status = SignatureStatus.Void, NextChaserDue = null }, ct).ConfigureAwait(false);
            }
            catch (ConcurrencyException)
            {
                // Decided meanwhile; the status check refuses its link anyway.
            }
        }
    }

    /// <summary>Looks a link up; <paramref name="toDecide"/> also refuses a used link or a closed return.</summary>
    public async Task<SignOffLink> OpenAsync(string? token, bool toDecide, CancellationToken ct)
    {
        var check = _tokens.Read(token, _clock.GetUtcNow(), out var claims);
        if (check == TokenCheck.Forged || claims is null || !SubmissionId.IsWellFormed(claims.SubmissionId))
        {
            return Refused(LinkProblem.Invalid);
        }

        if (check == TokenCheck.Expired)
        {
            return Refused(LinkProblem.Expired);
        }

        var submission = await _tables.GetSubmissionAsync(claims.SubmissionId, ct).ConfigureAwait(false);
        var row = submission is null ? null : await _store.GetSignatureAsync(claims.SubmissionId, claims.SignatoryKey, ct).ConfigureAwait(false);
        if (submission is null || row is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.TokenNonce), Encoding.ASCII.GetBytes(claims.Nonce)))
        {
            return Refused(LinkProblem.Invalid);
        }

        var signatures = await _store.GetSignaturesAsync(submission.Id, ct).ConfigureAwait(false);
        var link = new SignOffLink(null, submission, row, signatures, SignOffEmails.Declaration(submission, row));
        if (!toDecide)
        {
            return link;
        }

        LinkProblem? problem = submission.Status == SubmissionStatus.Superseded || row.Status == SignatureStatus.Void ? LinkProblem.Superseded
            : row.TokenUsed || row.IsDecided ? LinkProblem.Used
            : submission.Status != SubmissionStatus.Accepted ? LinkProblem.Closed
            : null;
        return link with { Problem = problem };
    }

    /// <summary>Records a signatory's decision, once; then brings the submission's history and status up to date.</summary>
    public async Task<DecisionOutcome> DecideAsync(string? token, bool approve, bool confirmed, string? comment, CancellationToken ct)
    {
        var link = await OpenAsync(token, toDecide: true, ct).ConfigureAwait(false);
        if (link.Problem is not null)
        {
            return new DecisionOutcome(link, null, false);
        }

        comment = comment?.Trim();
        if (approve && !confirmed)
        {
            return new DecisionOutcome(link, "Tick the box to confirm the declaration before signing off.", false);
        }

        if (!approve && string.IsNullOrEmpty(comment))
        {
            return new DecisionOutcome(link, "Say what needs to change before declining.", false);
        }

        if (comment is { Length: > 2000 })
        {
            comment = comment[..2000];
        }

        var (submission, row) = (link.Submission!, link.Signature!);
        var now = _clock.GetUtcNow();

        // The repair timer goes first: if this process stops after the decision is saved, a scan finishes the job.
        var repair = new SignOffTimer(TimerKind.Reconcile, now, submission.Id, row.SignatoryKey, 0);
        await _store.AddTimerAsync(repair, ct).ConfigureAwait(false);
        SignatureRecord decided;
        try
        {
            decided = await _store.SaveSignatureAsync(
                row with
                {
                    Status = approve ? SignatureStatus.Signed : SignatureStatus.Declined,
                    TokenUsed = true,
                    DecidedAt = now,
                    Declaration = approve ? link.Declaration : null,
                    Comment = approve ? null : comment,
                    NextChaserDue = null,
                    HistoryRecorded = false,
                },
                ct).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            return new DecisionOutcome(link with { Problem = LinkProblem.Used }, null, false);
        }

        LogDecided(submission.Id, row.SignatoryKey, decided.Status);
        try
        {
            await ReconcileAsync(submission.Id, ct).ConfigureAwait(false);
            await _store.CompleteTimerAsync(repair, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileDeferred(e, submission.Id);
        }

        var after = await _tables.GetSubmissionAsync(submission.Id, ct).ConfigureAwait(false) ?? submission;
        var signatures = await _store.GetSignaturesAsync(submission.Id, ct).ConfigureAwait(false);
        return new DecisionOutcome(new SignOffLink(null, after, signatures.FirstOrDefault(r => r.SignatoryKey == row.SignatoryKey) ?? decided, signatures, link.Declaration), null, true);
    }

    /// <summary>
    /// Brings a submission in line with its signature rows: a history line per decision not yet
    /// recorded, SignedOff when all have signed or ChangesRequested when one declined, and the
    /// notices those call for. Safe to run any number of times.
    /// </summary>
    public async Task ReconcileAsync(string submissionId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var s = await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
            if (s is null || s.Step < WorkflowStep.Notify || s.Status == SubmissionStatus.Failed)
            {
                return;
            }

            var rows = await _store.GetSignaturesAsync(submissionId, ct).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var unrecorded = rows.Where(r => r.IsDecided && !r.HistoryRecorded).ToList();
            foreach (var r in unrecorded)
            {
                s.Note(
                    r.Status == SignatureStatus.Signed ? SignOffEvent.Signed : SignOffEvent.Declined,
                    now,
                    r.Status == SignatureStatus.Signed ? $"signed off by {r.Describe()}, signing for {r.SigningFor}" : $"declined by {r.Describe()}: {r.Comment}");
            }

            var live = rows.Where(r => r.Status != SignatureStatus.Void).ToList();
            if (s.Status == SubmissionStatus.Accepted && live.Any(r => r.Status == SignatureStatus.Declined))
            {
                s.RequestChanges(now, $"declined by {string.Join(", ", live.Where(r => r.Status == SignatureStatus.Declined).Select(r => r.Describe()))}");
            }
            else if (s.Status == SubmissionStatus.Accepted && live.Count > 0 && live.All(r => r.Status == SignatureStatus.Signed))
            {
                s.SignOff(now, $"signed off by all {live.Count} signatories");
            }

            var outcomes = new List<MailOutcome>();
            var uploader = UploaderOf(s);
            if (s.Status is SubmissionStatus.Accepted or SubmissionStatus.ChangesRequested)
            {
                foreach (var r in live.Where(r => r.Status == SignatureStatus.Declined))
                {
                    var o = await _mail.SendOnceAsync(s.Id, "declined|" + r.SignatoryKey, id => _emails.ChangesRequested(id, s, uploader ?? NoOne, r), ct).ConfigureAwait(false);
                    Note(s, o, now, $"changes requested by {r.Describe()}: notice to the uploader");
                    outcomes.Add(o);
                }
            }

            if (s.Status == SubmissionStatus.SignedOff)
            {
                var o = await _mail.SendOnceAsync(s.Id, "signedoff|uploader", id => _emails.SignedOff(id, s, uploader ?? NoOne, live, _emails.SignedSummaryUrl(s.Id)), ct).ConfigureAwait(false);
                Note(s, o, now, "signed-off confirmation to the uploader");
                outcomes.Add(o);
                foreach (var r in live)
                {
                    var token = TokenFor(r);
                    var confirmation = await _mail.SendOnceAsync(s.Id, "signedoff|" + r.SignatoryKey, id => _emails.SignedOff(id, s, new MailAddress(r.Email, r.Name), live, _emails.SummaryUrl(token)), ct).ConfigureAwait(false);
                    Note(s, confirmation, now, $"signed-off confirmation to {r.Describe()}");
                    outcomes.Add(confirmation);
                }
            }

            if (s.PendingHistory.Count > 0)
            {
                try
                {
                    await _tables.SaveSubmissionAsync(s, ct).ConfigureAwait(false);
                }
                catch (ConcurrencyException)
                {
                    continue;
                }
            }

            foreach (var r in unrecorded)
            {
                try
                {
                    await _store.SaveSignatureAsync(r with { HistoryRecorded = true }, ct).ConfigureAwait(false);
                }
                catch (ConcurrencyException)
                {
                    // Another reconciliation marked it.
                }
            }

            foreach (var o in outcomes)
            {
                await _mail.MarkRecordedAsync(o, ct).ConfigureAwait(false);
            }

            return;
        }

        throw new ConcurrencyException($"Submission {submissionId} kept changing while its sign-off was reconciled.");
    }

    /// <summary>Notes an email in the submission's history if no line names it yet.</summary>
    public static void Note(Submission s, MailOutcome o, DateTimeOffset at, string what)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(o);
        if (o.NeedsHistory)
        {
            s.Note(o.Sent ? SignOffEvent.Emailed : SignOffEvent.EmailFailed, at, o.Sent ? what : $"{what} failed ({o.Detail})");
        }
    }

    private static readonly MailAddress NoOne = new(string.Empty);

    public MailAddress? UploaderOf(Submission s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return _contacts.Uploader(s.Uploader) ?? (s.ContactEmail is { } e ? new MailAddress(e, null) : null);
    }

    private static SignOffLink Refused(LinkProblem problem) => new(problem, null, null, [], null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: sign-off requested from {Asked} signatory(ies), {Failed} request(s) failed")]
    private partial void LogRequested(string submissionId, int asked, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: signatory {SignatoryKey} decided {Decision}")]
    private partial void LogDecided(string submissionId, string signatoryKey, SignatureStatus decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId}: a decision is saved but its history waits for the next timer scan")]
    private partial void LogReconcileDeferred(Exception exception, string submissionId);
}
