namespace BetterCare.Pipeline.Submissions;

/// <summary>
/// One uploaded workbook's way through the workflow. Its status and step change only through
/// the methods below, which refuse moves that make no sense; each change adds a history line,
/// written in the same transaction as the state.
/// </summary>
public sealed class Submission
{
    private readonly List<HistoryEntry> _pending = [];
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);

    private Submission(string id)
    {
        Id = id;
    }

    public string Id { get; }

    public string InboxBlob { get; private init; } = string.Empty;

    public string FileName { get; private init; } = string.Empty;

    public string Uploader { get; private init; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private init; }

    public SubmissionStatus Status { get; private set; }

    public WorkflowStep Step { get; private set; }

    public string? ContentHash { get; private set; }

    public string? ArchivePath { get; private set; }

    public string? ReportPath { get; private set; }

    /// <summary>The validation report as JSON, when it is stored with the state (else at <see cref="ReportPath"/>).</summary>
    public string? FindingsJson { get; private set; }

    public string? HwbCode { get; private set; }

    public string? HwbName { get; private set; }

    public string? Period { get; private set; }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public ReturnFigures? Figures { get; private set; }

    /// <summary>The Sign-off sheet's signatories, who are asked to sign an accepted return off.</summary>
    public IReadOnlyList<Signatory> Signatories { get; private set; } = [];

    /// <summary>The Cover's contact email: where the decision goes when the uploader has no address of its own.</summary>
    public string? ContactEmail { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>What the status was when the submission failed, so a retry can restore it.</summary>
    public SubmissionStatus? StatusBeforeFailure { get; private set; }

    public string? SupersededBy { get; private set; }

    /// <summary>How many history lines are stored; the next line's sequence number follows it.</summary>
    public int HistoryCount { get; private set; }

    /// <summary>The stored row's ETag; every save is conditional on it.</summary>
    public string? ETag { get; set; }

    /// <summary>History lines added since the last save.</summary>
    public IReadOnlyList<HistoryEntry> PendingHistory => _pending;

    public bool IsFinal => Step == WorkflowStep.Done || Status == SubmissionStatus.Failed;

    public static Submission Receive(string id, string inboxBlob, string fileName, string uploader, DateTimeOffset at)
    {
        var s = new Submission(id)
        {
            InboxBlob = inboxBlob,
            FileName = fileName,
            Uploader = uploader,
            ReceivedAt = at,
            Status = SubmissionStatus.Received,
            Step = WorkflowStep.Process,
        };
        s.Record(at, "Received", $"'{fileName}' uploaded by {uploader}");
        return s;
    }

    /// <summary>The archive, validation and decision, recorded together.</summary>
    public void Processed(ProcessOutcome outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Require(Step == WorkflowStep.Process && Status == SubmissionStatus.Received, "record its processing");
        ContentHash = outcome.ContentHash;
        ArchivePath = outcome.ArchivePath;
        ReportPath = outcome.ReportPath;
        FindingsJson = outcome.FindingsJson;
        HwbCode = outcome.HwbCode;
        HwbName = outcome.HwbName;
        Period = outcome.Period;
        Errors = outcome.Errors;
        Warnings = outcome.Warnings;
        Figures = outcome.Figures;
        Signatories = outcome.Signatories ?? [];
        ContactEmail = outcome.ContactEmail;
        Record(at, "Archived", $"{ArchivePath} (SHA-256 {ContentHash})");
        Record(at, "Validated", $"{Errors} error(s), {Warnings} warning(s)");
        Status = Errors == 0 && Period is not null && HwbCode is not null ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        Record(at, Status.ToString(), Status == SubmissionStatus.Accepted
            ? $"{HwbName} {Period}: accepted"
            : Period is null || HwbCode is null ? "the return names no HWB or period that can be read" : $"{HwbName} {Period}: rejected with {Errors} error(s)");
        Step = WorkflowStep.Aggregate;
    }

    /// <summary>The period's totals now reflect this submission (or, for a rejection, its status).</summary>
    public void Aggregated(DateTimeOffset at, string detail)
    {
        Require(Step == WorkflowStep.Aggregate && Status is SubmissionStatus.Accepted or SubmissionStatus.Rejected or SubmissionStatus.Superseded, "record its aggregation");
        Step = WorkflowStep.Notify;
        Record(at, "Aggregated", detail);
    }

    /// <summary>The decision is emailed and, for an accepted return, the sign-off requests are out; the detail names each email.</summary>
    public void Notified(DateTimeOffset at, string detail)
    {
        Require(Step == WorkflowStep.Notify && Status != SubmissionStatus.Failed, "record its notices");
        Step = WorkflowStep.Done;
        Record(at, "Notified", detail);
    }

    /// <summary>Every signatory has signed: the return is final.</summary>
    public void SignOff(DateTimeOffset at, string detail)
    {
        Require(Status == SubmissionStatus.Accepted && Step is WorkflowStep.Notify or WorkflowStep.Done, "be signed off");
        Status = SubmissionStatus.SignedOff;
        Record(at, nameof(SubmissionStatus.SignedOff), detail);
    }

    /// <summary>A signatory declined to sign and said why: the return waits for a resubmission.</summary>
    public void RequestChanges(DateTimeOffset at, string detail)
    {
        Require(Status == SubmissionStatus.Accepted && Step is WorkflowStep.Notify or WorkflowStep.Done, "have changes requested");
        Status = SubmissionStatus.ChangesRequested;
        Record(at, nameof(SubmissionStatus.ChangesRequested), detail);
    }

    /// <summary>Something the sign-off did (an email, a decision, a chaser, an escalation), for the history; the status is unchanged.</summary>
    public void Note(SignOffEvent what, DateTimeOffset at, string detail)
    {
        Require(Step is WorkflowStep.Notify or WorkflowStep.Done && Status != SubmissionStatus.Failed && Enum.IsDefined(what), "note " + what);
        Record(at, what.ToString(), detail);
    }

    /// <summary>
    /// <see cref="Note"/>, once for a given <paramref name="key"/> (a decision, an email): the key is
    /// kept on the state row, saved in the same transaction as the line, so a step run again after a
    /// stop finds the line there. False when a line for the key exists.
    /// </summary>
    public bool NoteOnce(string key, SignOffEvent what, DateTimeOffset at, string detail)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_noted.Add(NotedKey(key)))
        {
            return false;
        }

        Note(what, at, detail);
        return true;
    }

    /// <summary>Whether a line for <paramref name="key"/> has been noted (see <see cref="NoteOnce"/>).</summary>
    public bool HasNoted(string key) => _noted.Contains(NotedKey(key));

    /// <summary>Keys are kept as 16 hex digits of their SHA-256, so the row stays small however long they are.</summary>
    private static string NotedKey(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];

    /// <summary>A later accepted submission for the same HWB and period replaces this one.</summary>
    public void Supersede(string byId, DateTimeOffset at)
    {
        Require(Status is SubmissionStatus.Accepted or SubmissionStatus.SignedOff or SubmissionStatus.ChangesRequested, "be superseded");
        Status = SubmissionStatus.Superseded;
        SupersededBy = byId;
        Record(at, "Superseded", $"replaced by {byId}");
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Require(Step != WorkflowStep.Done && Status != SubmissionStatus.Failed, "fail");
        StatusBeforeFailure = Status;
        Status = SubmissionStatus.Failed;
        FailureReason = reason;
        Record(at, "Failed", $"{Step} step: {reason}");
    }

    /// <summary>An operator sends a failed submission back to the step it failed at.</summary>
    public void Retry(DateTimeOffset at)
    {
        Require(Status == SubmissionStatus.Failed, "be retried");
        Status = StatusBeforeFailure ?? SubmissionStatus.Received;
        StatusBeforeFailure = null;
        FailureReason = null;
        Record(at, "Retried", $"{Step} step run again");
    }

    public void MarkSaved(string etag)
    {
        HistoryCount += _pending.Count;
        _pending.Clear();
        ETag = etag;
    }

    private void Record(DateTimeOffset at, string @event, string detail) =>
        _pending.Add(new HistoryEntry(HistoryCount + _pending.Count + 1, at, @event, detail));

    private void Require(bool allowed, string what)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"Submission {Id} is {Status} at step {Step} and cannot {what}.");
        }
    }

    /// <summary>Rebuilds a submission from its stored row.</summary>
    public static Submission Restore(StoredSubmission row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Submission(row.Id)
        {
            InboxBlob = row.InboxBlob,
            FileName = row.FileName,
            Uploader = row.Uploader,
            ReceivedAt = row.ReceivedAt,
            Status = row.Status,
            Step = row.Step,
            ContentHash = row.ContentHash,
            ArchivePath = row.ArchivePath,
            ReportPath = row.ReportPath,
            FindingsJson = row.FindingsJson,
            HwbCode = row.HwbCode,
            HwbName = row.HwbName,
            Period = row.Period,
            Errors = row.Errors,
            Warnings = row.Warnings,
            Figures = ReturnFigures.FromJson(row.FiguresJson),
            Signatories = Signatory.ListFromJson(row.SignatoriesJson),
            ContactEmail = row.ContactEmail,
            FailureReason = row.FailureReason,
            StatusBeforeFailure = row.StatusBeforeFailure,
            SupersededBy = row.SupersededBy,
            HistoryCount = row.HistoryCount,
            ETag = row.ETag,
        }.WithNoted(row.Noted);
    }

    private Submission WithNoted(string? noted)
    {
        foreach (var key in (noted ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            _noted.Add(key);
        }

        return this;
    }

    public StoredSubmission ToStored() => new(
        Id, InboxBlob, FileName, Uploader, ReceivedAt, Status, Step, ContentHash, ArchivePath, ReportPath, FindingsJson, HwbCode, HwbName,
        Period, Errors, Warnings, Figures?.ToJson(), FailureReason, StatusBeforeFailure, SupersededBy, HistoryCount + _pending.Count, ETag,
        Signatories.Count == 0 ? null : Signatory.ListToJson(Signatories), ContactEmail, _noted.Count == 0 ? null : string.Join(' ', _noted.Order(StringComparer.Ordinal)));
}

/// <summary>A submission's state row as the table stores it.</summary>
public sealed record StoredSubmission(
    string Id,
    string InboxBlob,
    string FileName,
    string Uploader,
    DateTimeOffset ReceivedAt,
    SubmissionStatus Status,
    WorkflowStep Step,
    string? ContentHash,
    string? ArchivePath,
    string? ReportPath,
    string? FindingsJson,
    string? HwbCode,
    string? HwbName,
    string? Period,
    int Errors,
    int Warnings,
    string? FiguresJson,
    string? FailureReason,
    SubmissionStatus? StatusBeforeFailure,
    string? SupersededBy,
    int HistoryCount,
    string? ETag,
    string? SignatoriesJson = null,
    string? ContactEmail = null,
    string? Noted = null);

/// <summary>What processing a workbook found, for <see cref="Submission.Processed"/>.</summary>
public sealed record ProcessOutcome(
    string ContentHash,
    string ArchivePath,
    string? ReportPath,
    string? FindingsJson,
    string? HwbCode,
    string? HwbName,
    string? Period,
    int Errors,
    int Warnings,
    ReturnFigures? Figures,
    IReadOnlyList<Signatory>? Signatories = null,
    string? ContactEmail = null);
