using System.Security.Cryptography;
using System.Text;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;
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
/// The sign-off of accepted returns, as the activities of its orchestration do it: the decision to
/// the uploader (the workflow's Notify step), the requests, the signatories' decisions through their
/// links (each raises an event on the orchestration), the reconciliation that turns decisions into
/// history, status and confirmations, the chasers, the escalation and the voiding of a superseded
/// return. Every part can run again and finds its work done: emails through the mail ledger,
/// history lines once each (<see cref="Submission.NoteOnce"/>).
/// </summary>
public sealed partial class SignOffService
{
    private readonly IReturnTables _tables;
    private readonly Periods.PeriodAggregator _periods;
    private readonly RecentSubmissions _recent;
    private readonly IReturnBlobs _blobs;
    private readonly ISignOffStore _store;
    private readonly MailDispatcher _mail;
    private readonly IContactDirectory _contacts;
    private readonly IWorkflowClient _workflow;
    private readonly SignOffTokens _tokens;
    private readonly SignOffCalendar _calendar;
    private readonly SignOffEmails _emails;
    private readonly SignOffOptions _options;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _clock;
    private readonly ILogger<SignOffService> _log;

    public SignOffService(
        IReturnTables tables, Periods.PeriodAggregator periods, RecentSubmissions recent, IReturnBlobs blobs, ISignOffStore store, MailDispatcher mail, IContactDirectory contacts, IWorkflowClient workflow, SignOffTokens tokens,
        SignOffCalendar calendar, SignOffEmails emails, SignOffOptions options, ReferenceData reference, TimeProvider clock, ILogger<SignOffService> log)
    {
        _tables = tables;
        _periods = periods;
        _recent = recent;
        _blobs = blobs;
        _store = store;
        _mail = mail;
        _contacts = contacts;
        _workflow = workflow;
        _tokens = tokens;
        _calendar = calendar;
        _emails = emails;
        _options = options;
        _reference = reference;
        _clock = clock;
        _log = log;
    }

    public string TokenFor(SignatureRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return _tokens.Issue(new SignOffClaims(r.SubmissionId, r.SignatoryKey, r.TokenExpiresAt, r.TokenNonce));
    }

    /// <summary>
    /// The Notify step's work: the decision to the uploader. Returns the history line's detail. The
    /// step's own save records that it went (its Notified line, with the step done), so the decision
    /// has no mail ledger row: a submission past its Notify step gets nothing, and a step that
    /// stopped before its save sends the decision again.
    /// </summary>
    public async Task<string> NotifyAsync(Submission s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Step != WorkflowStep.Notify || s.Status == SubmissionStatus.Failed)
        {
            return "the decision was emailed when the Notify step was first done";
        }

        var uploader = UploaderOf(s);
        if (uploader is null)
        {
            return "no address is known for the uploader, so the decision was not emailed";
        }

        var findings = FindingLine.FromReport(s.FindingsJson ?? (s.ReportPath is { } path ? await _blobs.ReadReportAsync(path, ct).ConfigureAwait(false) : null));
        var decision = await _mail.SendRecordedByCallerAsync(s.Id, new Notice("decision", id => _emails.Decision(id, s, uploader, findings)), ct).ConfigureAwait(false);
        return decision.Sent ? $"{s.Status} notice emailed to the uploader" : $"the {s.Status} notice to the uploader failed ({decision.Detail})";
    }

    /// <summary>
    /// The sign-off orchestration's first activity: a signature row per signatory (existing rows keep
    /// their tokens), a request to each who has not decided, one history line naming them, and when
    /// the first chaser and the deadline fall. A return superseded before its requests went out has
    /// its rows voided instead.
    /// </summary>
    /// <param name="etag">The state row's ETag as the Notify step left it: when this process saved that version, it is not read again.</param>
    public async Task<SignOffState> RequestAsync(string submissionId, string? etag, CancellationToken ct)
    {
        var s = _recent.Find(submissionId, etag) ?? await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
        if (s is null)
        {
            return new SignOffState(SignOffOutcome.Closed);
        }

        if (s.Status == SubmissionStatus.Superseded)
        {
            return await VoidAsync(submissionId, ct).ConfigureAwait(false);
        }

        if (s.Status != SubmissionStatus.Accepted)
        {
            return await StateAsync(s, null, ct).ConfigureAwait(false);
        }

        var now = _clock.GetUtcNow();
        var deadline = _calendar.DeadlineOf(s.Period);
        if (s.HasNoted("requested"))
        {
            // Done by an earlier run: its history line's save also recorded the last request, so nothing goes again.
            var stored = await _store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false);
            var chaser = stored.Count == 0 ? null : FirstChaser(stored.Min(r => r.RequestedAt), deadline);
            return (await StateAsync(s, chaser, ct, stored).ConfigureAwait(false)) with { NextChaser = chaser };
        }

        var expires = _calendar.AddDays(now, _options.TokenLifetime.TotalDays);
        if (deadline is { } d && _calendar.AddDays(d, 1) > expires)
        {
            expires = _calendar.AddDays(d, 1);
        }

        var fresh = s.Signatories.Select(signatory => new SignatureRecord(s.Id, signatory.Key, signatory.Organisation, signatory.SigningFor, signatory.Name, signatory.Position, signatory.Email,
            SignatureStatus.Pending, SignOffTokens.NewNonce(), expires, false, now, null, null, null, null)).ToList();
        var rows = await _store.AddSignaturesAsync(fresh, ct).ConfigureAwait(false);

        // A row that kept the nonce made just now was added by this call, so no earlier run can have
        // sent its link (a request is only sent for a stored row, with the stored nonce).
        var added = fresh.Select(r => r.TokenNonce).ToHashSet(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            await NoteAsync(s.Id, "requested", SignOffEvent.Requested, "the Sign-off sheet names nobody with an email address, so no sign-off was requested", ct).ConfigureAwait(false);
            return new SignOffState(SignOffOutcome.Closed);
        }

        var pending = rows.Where(r => r.Status == SignatureStatus.Pending).ToList();
        // Each request's result goes to the ledger as the provider answers, but the last one's: the
        // history line's save just after records it (a stop before that save sends it again).
        var outcomes = await _mail.SendOnceAsync(
            s.Id,
            [.. pending.Select(row =>
            {
                var token = TokenFor(row);
                return new Notice("request|" + row.SignatoryKey, id => _emails.Request(id, s, row, token, deadline), NeverSent: added.Contains(row.TokenNonce));
            })],
            ct,
            lastRecordedByCaller: true).ConfigureAwait(false);
        var firstChaser = FirstChaser(rows.Min(r => r.RequestedAt), deadline);

        // The row as read above is tried first (nothing here writes it); the rows just stored say when the links close.
        await SaveLinesAsync(s.Id, [("requested", SignOffEvent.Requested, DescribeRequest(rows, pending, outcomes, firstChaser, deadline))], ct, s).ConfigureAwait(false);
        LogRequested(s.Id, outcomes.Count(o => o.Sent), outcomes.Count(o => !o.Sent));
        return (await StateAsync(s, firstChaser, ct, rows).ConfigureAwait(false)) with { NextChaser = firstChaser };
    }

    /// <summary>When the first chaser falls for requests made at <paramref name="requestedAt"/>: none when chasers are off or it would be at or after the deadline.</summary>
    private DateTimeOffset? FirstChaser(DateTimeOffset requestedAt, DateTimeOffset? deadline)
    {
        var first = _options.MaxChasers > 0 ? _calendar.AddWorkingDays(requestedAt, _options.FirstChaserAfterWorkingDays) : (DateTimeOffset?)null;
        return deadline is { } d && first >= d ? null : first;
    }

    private string DescribeRequest(IReadOnlyList<SignatureRecord> rows, IReadOnlyList<SignatureRecord> pending, IReadOnlyList<MailOutcome> outcomes, DateTimeOffset? firstChaser, DateTimeOffset? deadline)
    {
        var asked = rows.Where(r => r.Status != SignatureStatus.Pending).Select(r => r.Describe()).ToList();
        var failed = new List<string>();
        for (var i = 0; i < pending.Count; i++)
        {
            if (outcomes[i].Sent)
            {
                asked.Add(pending[i].Describe());
            }
            else
            {
                failed.Add($"{pending[i].Describe()} ({outcomes[i].Detail})");
            }
        }

        var text = new StringBuilder($"sign-off requested from {string.Join(", ", asked)}");
        if (failed.Count > 0)
        {
            text.Append("; the request failed for ").Append(string.Join(", ", failed));
        }

        text.Append(firstChaser is { } c ? $"; first chaser due {_calendar.Describe(c)}" : "; no chasers (the deadline is too near or has passed)");
        text.Append(deadline is { } dl ? $"; deadline {_calendar.Describe(dl)}" : "; the period has no deadline in the reference data");
        return text.ToString();
    }

    /// <summary>
    /// A chaser to each signatory who has not decided (decisions whose signal was lost are picked up
    /// first), a history line each; then when the next one falls: <see cref="SignOffOptions.ChaserEveryWorkingDays"/>
    /// after <paramref name="due"/>, while before the deadline and within <see cref="SignOffOptions.MaxChasers"/>.
    /// </summary>
    public async Task<SignOffState> ChaseAsync(string submissionId, int number, DateTimeOffset due, CancellationToken ct)
    {
        var state = await ReconcileAsync(submissionId, ct).ConfigureAwait(false);
        if (state.Outcome != SignOffOutcome.Waiting)
        {
            return state;
        }

        var s = (await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false))!;
        var deadline = _calendar.DeadlineOf(s.Period);
        if (deadline is { } d && _clock.GetUtcNow() >= d)
        {
            return state with { NextChaser = null };
        }

        var pending = (await _store.GetSignaturesAsync(submissionId, ct).ConfigureAwait(false)).Where(r => r.Status == SignatureStatus.Pending).ToList();
        var outcomes = await _mail.SendOnceAsync(
            s.Id,
            [.. pending.Select(row =>
            {
                var token = TokenFor(row);
                return new Notice($"chaser-{number}|{row.SignatoryKey}", id => _emails.Request(id, s, row, token, deadline, number));
            })],
            ct).ConfigureAwait(false);
        await SaveLinesAsync(
            submissionId,
            pending.Select((row, i) => (
                $"mail|chaser-{number}|{row.SignatoryKey}",
                outcomes[i].Sent ? SignOffEvent.Chased : SignOffEvent.EmailFailed,
                outcomes[i].Sent ? $"chaser {number} to {row.Describe()}" : $"chaser {number} to {row.Describe()} failed ({outcomes[i].Detail})")).ToList(),
            ct).ConfigureAwait(false);
        LogChased(submissionId, number, pending.Count);
        var next = _calendar.AddWorkingDays(due, _options.ChaserEveryWorkingDays);
        var more = number < _options.MaxChasers && (deadline is not { } dl || next < dl);
        return state with { NextChaser = more ? next : null };
    }

    /// <summary>At the deadline, unsigned: the region's managers are told who has not signed, once; the return keeps waiting for its signatures.</summary>
    public async Task<SignOffState> EscalateAsync(string submissionId, CancellationToken ct)
    {
        var state = await ReconcileAsync(submissionId, ct).ConfigureAwait(false);
        var s = await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
        if (state.Outcome != SignOffOutcome.Waiting || s is null || s.Period is null || s.HwbCode is null)
        {
            return state;
        }

        var region = _reference.Area(s.HwbCode)?.Region ?? "Unknown";
        var managers = _contacts.RegionalManagers(region);
        var unsigned = (await _store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false)).Where(r => r.Status == SignatureStatus.Pending).ToList();
        var deadline = _calendar.DeadlineOf(s.Period) ?? _clock.GetUtcNow();
        var outcome = await _mail.SendOnceAsync("period-" + s.Period, "escalation|" + s.HwbCode, id => _emails.Escalation(id, s, region, managers, unsigned, deadline), ct).ConfigureAwait(false);
        var names = string.Join(", ", unsigned.Select(u => u.Describe()));
        await NoteAsync(
            s.Id,
            "escalated",
            outcome.Sent ? SignOffEvent.Escalated : SignOffEvent.EmailFailed,
            outcome.Sent
                ? $"deadline passed unsigned; the {region} regional manager(s) told who has not signed: {names}"
                : $"escalation to the {region} regional manager(s) failed ({outcome.Detail}); not signed: {names}",
            ct).ConfigureAwait(false);
        LogEscalated(s.Id, unsigned.Count);
        return state with { NextChaser = null, Deadline = null };
    }

    /// <summary>A superseded return's undecided signatures are void: their links stop working and nothing more is sent for them.</summary>
    public async Task<SignOffState> VoidAsync(string submissionId, CancellationToken ct)
    {
        foreach (var row in await _store.GetSignaturesAsync(submissionId, ct).ConfigureAwait(false))
        {
            if (row.Status != SignatureStatus.Pending)
            {
                continue;
            }

            try
            {
                await _store.SaveSignatureAsync(row with { Status = SignatureStatus.Void }, ct).ConfigureAwait(false);
            }
            catch (ConcurrencyException)
            {
                // Decided meanwhile; the status check refuses its link anyway.
            }
        }

        return new SignOffState(SignOffOutcome.Superseded);
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
            : submission.Status != SubmissionStatus.Accepted || signatures.Any(r => r.Status == SignatureStatus.Declined) ? LinkProblem.Closed
            : null;
        return link with { Problem = problem };
    }

    /// <summary>
    /// Records a signatory's decision, once (the row's ETag decides between two at once), then tells
    /// the return's sign-off orchestration, which brings the history, status and confirmations up to
    /// date. If that signal is lost, the orchestration finds the decision at its next chaser or the deadline.
    /// </summary>
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
        SignatureRecord decided;
        try
        {
            decided = await _store.SaveSignatureAsync(
                row with
                {
                    Status = approve ? SignatureStatus.Signed : SignatureStatus.Declined,
                    TokenUsed = true,
                    DecidedAt = _clock.GetUtcNow(),
                    Declaration = approve ? link.Declaration : null,
                    Comment = approve ? null : comment,
                },
                ct).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            return new DecisionOutcome(link with { Problem = LinkProblem.Used }, null, false);
        }

        LogDecided(submission.Id, Ports.InboxBlob.ForLog(row.SignatoryKey), decided.Status);
        try
        {
            await _workflow.RaiseEventAsync(SignOffInstance.For(submission.Id), SignOffInstance.EventName, new SignOffSignal(SignOffSignalKind.Decided, row.SignatoryKey), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSignalDeferred(e, submission.Id);
        }

        var signatures = link.Signatures.Select(r => r.SignatoryKey == decided.SignatoryKey ? decided : r).ToList();
        return new DecisionOutcome(new SignOffLink(null, submission, decided, signatures, link.Declaration), null, true);
    }

    /// <summary>
    /// Brings a submission in line with its signature rows: a history line per decision, SignedOff
    /// when all have signed or ChangesRequested when one declined, and the notices those call for.
    /// Safe to run any number of times: each line and each email goes once.
    /// </summary>
    public async Task<SignOffState> ReconcileAsync(string submissionId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var s = await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
            if (s is null || s.Step < WorkflowStep.Notify || s.Status == SubmissionStatus.Failed)
            {
                return new SignOffState(SignOffOutcome.Closed);
            }

            var rows = await _store.GetSignaturesAsync(submissionId, ct).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            foreach (var r in rows.Where(r => r.IsDecided).OrderBy(r => r.DecidedAt))
            {
                s.NoteOnce(
                    "decision|" + r.SignatoryKey,
                    r.Status == SignatureStatus.Signed ? SignOffEvent.Signed : SignOffEvent.Declined,
                    r.DecidedAt ?? now,
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

            var uploader = UploaderOf(s);
            if (s.Status == SubmissionStatus.ChangesRequested)
            {
                foreach (var r in live.Where(r => r.Status == SignatureStatus.Declined))
                {
                    var o = await _mail.SendOnceAsync(s.Id, "declined|" + r.SignatoryKey, id => _emails.ChangesRequested(id, s, uploader ?? NoOne, r), ct).ConfigureAwait(false);
                    Note(s, "declined|" + r.SignatoryKey, o, now, $"changes requested by {r.Describe()}: notice to the uploader");
                }
            }

            if (s.Status == SubmissionStatus.SignedOff)
            {
                var o = await _mail.SendOnceAsync(s.Id, "signedoff|uploader", id => _emails.SignedOff(id, s, uploader ?? NoOne, live, _emails.SignedSummaryUrl(s.Id)), ct).ConfigureAwait(false);
                Note(s, "signedoff|uploader", o, now, "signed-off confirmation to the uploader");
                foreach (var r in live)
                {
                    var token = TokenFor(r);
                    var confirmation = await _mail.SendOnceAsync(s.Id, "signedoff|" + r.SignatoryKey, id => _emails.SignedOff(id, s, new MailAddress(r.Email, r.Name), live, _emails.SummaryUrl(token)), ct).ConfigureAwait(false);
                    Note(s, "signedoff|" + r.SignatoryKey, confirmation, now, $"signed-off confirmation to {r.Describe()}");
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

            // Every run, not only one that changed something: a run that stopped after saving the submission left the row behind.
            if (s.Status is SubmissionStatus.Accepted or SubmissionStatus.SignedOff or SubmissionStatus.ChangesRequested)
            {
                await _periods.RecordSignOffAsync(s, live.Count(r => r.Status == SignatureStatus.Signed), live.Count, ct).ConfigureAwait(false);
            }

            return await StateAsync(s, null, ct).ConfigureAwait(false);
        }

        throw new ConcurrencyException($"Submission {submissionId} kept changing while its sign-off was reconciled.");
    }

    /// <summary>The state an orchestration goes on from, given where the submission stands.</summary>
    private async Task<SignOffState> StateAsync(Submission s, DateTimeOffset? nextChaser, CancellationToken ct, IReadOnlyList<SignatureRecord>? known = null)
    {
        var outcome = s.Status switch
        {
            SubmissionStatus.Accepted => SignOffOutcome.Waiting,
            SubmissionStatus.SignedOff => SignOffOutcome.SignedOff,
            SubmissionStatus.ChangesRequested => SignOffOutcome.ChangesRequested,
            SubmissionStatus.Superseded => SignOffOutcome.Superseded,
            _ => SignOffOutcome.Closed,
        };
        if (outcome != SignOffOutcome.Waiting)
        {
            return new SignOffState(outcome);
        }

        var rows = known ?? await _store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false);

        // Escalated once, and only for a return asked to sign before its deadline passed.
        var deadline = _calendar.DeadlineOf(s.Period);
        if (s.HasNoted("escalated") || rows.Count == 0 || rows.Min(r => r.RequestedAt) >= deadline)
        {
            deadline = null;
        }

        DateTimeOffset? closes = rows.Count == 0 ? null : rows.Max(r => r.TokenExpiresAt);
        return new SignOffState(rows.Count == 0 ? SignOffOutcome.Closed : outcome, nextChaser, deadline, closes);
    }

    /// <summary>Adds a history line once for its key, saving the submission (again if it changed meanwhile).</summary>
    private Task NoteAsync(string submissionId, string key, SignOffEvent what, string detail, CancellationToken ct) =>
        SaveLinesAsync(submissionId, [(key, what, detail)], ct);

    /// <param name="known">The row as this caller read it, if any: tried first, and read again only if it changed meanwhile.</param>
    private async Task SaveLinesAsync(string submissionId, IReadOnlyList<(string Key, SignOffEvent What, string Detail)> lines, CancellationToken ct, Submission? known = null)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var s = attempt == 0 && known is not null ? known : await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
            if (s is null || s.Step < WorkflowStep.Notify || s.Status == SubmissionStatus.Failed)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            foreach (var (key, what, detail) in lines)
            {
                s.NoteOnce(key, what, now, detail);
            }

            if (s.PendingHistory.Count == 0)
            {
                return;
            }

            try
            {
                await _tables.SaveSubmissionAsync(s, ct).ConfigureAwait(false);

                // The row as saved now: a step handed the ETag it had before does not start from an older copy.
                _recent.Remember(s);
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }

        throw new ConcurrencyException($"Submission {submissionId} kept changing while its sign-off history was written.");
    }

    /// <summary>Notes an email in the submission's history once, whether it went or failed.</summary>
    private static void Note(Submission s, string key, MailOutcome o, DateTimeOffset at, string what) =>
        s.NoteOnce("mail|" + key, o.Sent ? SignOffEvent.Emailed : SignOffEvent.EmailFailed, at, o.Sent ? what : $"{what} failed ({o.Detail})");

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId}: a decision is saved but its sign-off orchestration could not be told; it finds the decision at its next chaser or the deadline")]
    private partial void LogSignalDeferred(Exception exception, string submissionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: chaser {Number} to {Pending} signatory(ies)")]
    private partial void LogChased(string submissionId, int number, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: deadline escalation naming {Unsigned} unsigned signatory(ies)")]
    private partial void LogEscalated(string submissionId, int unsigned);
}
