using System.Security.Cryptography;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Aggregation;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Validation;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// What the submission workflow does at each step, for its orchestration's activities
/// (<see cref="SubmissionOrchestrator"/>), and how a submission is started and retried. The state
/// row is the checkpoint: a step's work is idempotent and its result is saved in one transaction
/// conditional on the ETag read, so an activity run twice (the engine runs each at least once)
/// finds its step done. The Aggregate step is the one exception: its record is the period's row
/// (which names the submission it counts), and its history line is saved with the Notify step's,
/// handed on by the orchestration; run again, it finds the period's row already counting it.
/// </summary>
public sealed partial class SubmissionWorkflow
{
    private readonly IReturnTables _tables;
    private readonly RecentSubmissions _recent;
    private readonly IReturnBlobs _blobs;
    private readonly IWorkflowClient _client;
    private readonly ReturnValidator _validator;
    private readonly PeriodAggregator _aggregator;
    private readonly SignOffService _signOff;
    private readonly TimeProvider _clock;
    private readonly PipelineOptions _options;
    private readonly ReadGate _reads;
    private readonly ILogger<SubmissionWorkflow> _log;

    public SubmissionWorkflow(
        IReturnTables tables,
        RecentSubmissions recent,
        IReturnBlobs blobs,
        IWorkflowClient client,
        ReturnValidator validator,
        PeriodAggregator aggregator,
        SignOffService signOff,
        TimeProvider clock,
        PipelineOptions options,
        ReadGate reads,
        ILogger<SubmissionWorkflow> log)
    {
        _tables = tables;
        _recent = recent;
        _blobs = blobs;
        _client = client;
        _validator = validator;
        _aggregator = aggregator;
        _signOff = signOff;
        _clock = clock;
        _options = options;
        _reads = reads;
        _log = log;
    }

    /// <summary>
    /// Starts the workflow for an inbox blob: its state row, then its orchestration. The same blob
    /// always gives the same submission and the same orchestration instance, started once.
    /// </summary>
    public async Task<Submission> StartAsync(string inboxBlob, string blobETag, string fileName, string uploader, CancellationToken ct)
    {
        var id = SubmissionId.For(inboxBlob, blobETag);
        var submission = Submission.Receive(id, inboxBlob, fileName, uploader, _clock.GetUtcNow());
        if (await _tables.CreateSubmissionAsync(submission, ct).ConfigureAwait(false))
        {
            _recent.Remember(submission);
        }
        else
        {
            submission = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Submission {id} exists but cannot be read.");
        }

        if (submission.Step == WorkflowStep.Process && submission.Status != SubmissionStatus.Failed &&
            await StartOrchestrationAsync(id, retry: false, ct, submission.ETag).ConfigureAwait(false))
        {
            LogStarted(id, InboxBlob.ForLog(inboxBlob));
        }

        return submission;
    }

    /// <summary>
    /// Makes sure an inbox blob has its workflow: starts it (a no-op while its orchestration runs,
    /// and a new run if a stop left it unstarted), or clears a blob whose submission is past Process.
    /// </summary>
    public async Task EnsureStartedAsync(InboxBlob blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var id = SubmissionId.For(blob.Name, blob.ETag);
        var existing = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
        if (existing is null)
        {
            // Started the way its upload request would: the same uploader and file name, whichever comes first.
            await StartAsync(blob.Name, blob.ETag, blob.Upload?.FileName ?? blob.Name, blob.Upload?.Uploader ?? "inbox", ct).ConfigureAwait(false);
        }
        else if (existing.Step != WorkflowStep.Process)
        {
            await _blobs.DeleteInboxAsync(blob.Name, ct).ConfigureAwait(false);
        }
        else if (existing.Status != SubmissionStatus.Failed && await StartOrchestrationAsync(id, retry: false, ct).ConfigureAwait(false))
        {
            LogRequeued(id);
        }
    }

    /// <summary>
    /// An administrator sends a Failed submission through its workflow again, from the step it failed
    /// at. Null when there is no such submission; not retried when it is not Failed, or when its
    /// orchestration is still finishing.
    /// </summary>
    public async Task<(Submission Submission, bool Retried)?> RetryAsync(string id, CancellationToken ct)
    {
        var submission = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
        if (submission is null)
        {
            return null;
        }

        if (submission.Status != SubmissionStatus.Failed)
        {
            return (submission, false);
        }

        // The orchestration first, asked to put the submission back itself (ResumeSubmission), so a
        // stop right after this call loses nothing; then put it back here too, so the answer shows
        // it. The ETag decides between two retries at once: only one of them puts it back.
        if (!await StartRetryAsync(id, ct).ConfigureAwait(false))
        {
            // The failed run's orchestration has not ended: put back now, nothing would run it.
            return (submission, false);
        }

        if (await ResumeAsync(id, ct).ConfigureAwait(false) is { } resumed)
        {
            return (resumed, true);
        }

        return (await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false) ?? submission, false);
    }

    /// <summary>
    /// Runs <paramref name="step"/> of a submission, or finds it done. Not to continue when the
    /// submission has failed (and so is out of the workflow until an administrator retries it).
    /// </summary>
    public async Task<StepOutcome> RunStepAsync(StepInput input, WorkflowStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = input.SubmissionId;
        var sent = new SentThisRun();
        using var activity = PipelineTracing.StartStep(step, id);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // The row as the previous step left it when this process saved it; otherwise (and after a conflict) read.
            var submission = (attempt == 0 ? _recent.Find(id, input.ETag) : null)
                ?? await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Submission {id} has no state row.");
            if (submission.Status == SubmissionStatus.Failed)
            {
                return new StepOutcome(false);
            }

            if (step == WorkflowStep.Notify && submission.Step == WorkflowStep.Aggregate && input.Aggregated is { } aggregated)
            {
                // Aggregate's outcome, handed on: saved with this step's.
                Record(submission, aggregated);
            }

            if (submission.Step < step)
            {
                throw new InvalidOperationException($"Submission {id} is at {submission.Step}, before {step}.");
            }

            try
            {
                IReadOnlyList<string>? superseded = null;
                if (step == WorkflowStep.Aggregate && submission.Step == step)
                {
                    // Nothing is saved on the state row: the period's row records it (see the class's summary).
                    var result = await _aggregator.ApplyAsync(submission, ct).ConfigureAwait(false);
                    return new StepOutcome(true, result.Superseded, submission.ETag, new AggregateResult(result.Detail, result.SupersededBy));
                }

                if (submission.Step == step)
                {
                    superseded = await RunAsync(submission, sent, ct).ConfigureAwait(false);
                }
                else if (step == WorkflowStep.Aggregate)
                {
                    // Done by an earlier run whose answer was lost: the period's row names what it replaced.
                    superseded = await SupersededByAsync(submission, ct).ConfigureAwait(false);
                }

                if (step == WorkflowStep.Process)
                {
                    // Processed (now or by an earlier run that stopped before this): the archive has it.
                    await _blobs.DeleteInboxAsync(submission.InboxBlob, ct).ConfigureAwait(false);
                }

                if (step == WorkflowStep.Notify && submission.Status == SubmissionStatus.Accepted)
                {
                    // Notified (now or by an earlier run): its sign-off waits on its own orchestration, started once.
                    await _client.StartAsync(
                        nameof(SignOffOrchestrator), SignOffInstance.For(id), new SignOffInput(id, _options.MaxAttempts, _options.FirstRetryInterval, submission.ETag), ct).ConfigureAwait(false);
                }

                return new StepOutcome(true, superseded, submission.ETag);
            }
            catch (ConcurrencyException)
            {
                // Another run of this activity saved first; look again.
            }
        }

        throw new ConcurrencyException($"Submission {id} kept changing while its {step} step ran.");
    }

    private async Task<IReadOnlyList<string>> SupersededByAsync(Submission submission, CancellationToken ct)
    {
        if (submission.Status != SubmissionStatus.Accepted || submission.Period is null || submission.HwbCode is null)
        {
            return [];
        }

        var row = await _tables.GetPeriodReturnAsync(submission.Period, submission.HwbCode, ct).ConfigureAwait(false);
        return row?.AcceptedSubmissionId == submission.Id ? row.ReplacedSubmissionIds : [];
    }

    /// <summary>
    /// A Failed submission takes back the status it had (the first thing a retried orchestration
    /// does). The submission as saved when this call put it back; null when it was not Failed.
    /// </summary>
    public async Task<Submission?> ResumeAsync(string id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var submission = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
            if (submission is null || submission.Status != SubmissionStatus.Failed)
            {
                return null;
            }

            submission.Retry(_clock.GetUtcNow());
            try
            {
                await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
                return submission;
            }
            catch (ConcurrencyException)
            {
            }
        }

        return null;
    }

    /// <summary>
    /// Starts a Failed submission's orchestration again. The run that failed saves Failed in its last
    /// activity and ends just after, so a retry made at once can find it still running: then it waits
    /// for that end, for a few seconds at most. False when it did not end (or another retry started first).
    /// </summary>
    private async Task<bool> StartRetryAsync(string id, CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(5);
        var wait = TimeSpan.FromMilliseconds(50);
        for (var waited = TimeSpan.Zero; ; waited += wait, wait *= 2)
        {
            if (await StartOrchestrationAsync(id, retry: true, ct).ConfigureAwait(false))
            {
                return true;
            }

            if (waited >= limit)
            {
                return false;
            }

            await Task.Delay(wait, ct).ConfigureAwait(false);
        }
    }

    private Task<bool> StartOrchestrationAsync(string id, bool retry, CancellationToken ct, string? etag = null) =>
        _client.StartAsync(
            SubmissionOrchestrator.Name, id, new SubmissionInput(id, retry, _options.MaxAttempts, _options.FirstRetryInterval, etag), ct);

    /// <summary>
    /// What a step's run has sent, kept across its attempts: when its save meets a row changed by
    /// someone else (a newer return superseding it), the attempt after reads the row afresh but does
    /// not send the decision again.
    /// </summary>
    private sealed class SentThisRun
    {
        public string? Decision { get; set; }
    }

    /// <summary>Runs the submission's current step, Process or Notify (Aggregate is run by <see cref="RunStepAsync"/>).</summary>
    private async Task<IReadOnlyList<string>?> RunAsync(Submission submission, SentThisRun sent, CancellationToken ct)
    {
        switch (submission.Step)
        {
            case WorkflowStep.Process:
                await ProcessAsync(submission, ct).ConfigureAwait(false);
                return null;
            case WorkflowStep.Notify:
                await NotifyAsync(submission, sent, ct).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private async Task ProcessAsync(Submission submission, CancellationToken ct)
    {
        // From its bytes being fetched to its report being made, a workbook holds one of the process's read slots.
        using var slot = await _reads.EnterAsync(ct).ConfigureAwait(false);
        var content = await _blobs.ReadInboxAsync(submission.InboxBlob, _options.MaxUploadBytes, ct).ConfigureAwait(false);
        if (content is null)
        {
            // Gone because another delivery processed it meanwhile (then look again), or truly lost.
            var now = await _tables.GetSubmissionAsync(submission.Id, ct).ConfigureAwait(false);
            if (now is null || now.Step != WorkflowStep.Process || now.ETag != submission.ETag)
            {
                throw new ConcurrencyException($"Submission {submission.Id} moved on while its upload was being read.");
            }

            await FailAsync(submission.Id, WorkflowStep.Process, "the uploaded file left the inbox before it was archived", ct).ConfigureAwait(false);
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var checkedReturn = slot.Read(() => _validator.Check(new MemoryStream(content, writable: false), submission.FileName));
        var cover = checkedReturn.Return?.Cover;
        var period = cover?.Period;
        var hwb = cover is not null && Returns.Model.HwbCode.IsValid(cover.HwbCode) ? cover.HwbCode : null;
        // The archive is named by what the file is, not what it was called (an .xlsx sent as 'a.xls' stays .xlsx).
        var extension = Returns.Reading.FileSniffer.ExtensionOf(content);
        var archivePath = period is { } p && hwb is not null
            ? $"{p.Year}/{p.Quarter}/{hwb}/{submission.Id}{extension}"
            : $"unidentified/{submission.Id}{extension}";
        await _blobs.PutArchiveAsync(archivePath, content, ct).ConfigureAwait(false);

        // The findings travel with the state row; only a report too big for a row goes to a blob.
        var findings = ReportJson.Write(submission.FileName, checkedReturn.Report);
        string? reportPath = null;
        if (StoredFindings.Pack(findings).Count > StoredFindings.MaxChunks)
        {
            reportPath = $"submissions/{submission.Id}.json";
            await _blobs.PutReportAsync(reportPath, findings, ct).ConfigureAwait(false);
        }

        // Only an accepted return's figures and signatories are kept: they are within the spec's limits
        // (FieldLimits), so they always fit a row. A rejected one keeps its findings, and its name cut short.
        var accepted = checkedReturn.Report.Errors == 0 && period is not null && hwb is not null;
        var figures = accepted && checkedReturn.Return is { } parsed ? ReturnFigures.From(Aggregator.Aggregate(parsed)) : null;
        var signatories = accepted && checkedReturn.Return?.SignOff is { } signOff ? Signatory.From(signOff.Rows) : [];
        var contact = cover?.Text(Returns.Model.CoverField.Email)?.Trim();
        if (contact is { Length: > Returns.Validation.FieldLimits.Email })
        {
            contact = null;
        }

        var name = cover?.HwbName is { Length: > Returns.Validation.FieldLimits.Name } longName ? longName[..Returns.Validation.FieldLimits.Name] : cover?.HwbName;
        submission.Processed(
            new ProcessOutcome(hash, archivePath, reportPath, reportPath is null ? findings : null, hwb, name, period?.ToString(),
                checkedReturn.Report.Errors, checkedReturn.Report.Warnings, figures, signatories, contact is { Length: > 0 } && contact.Contains('@', StringComparison.Ordinal) ? contact : null),
            _clock.GetUtcNow());

        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
        _recent.Remember(submission);
        LogProcessed(submission.Id, submission.Status, submission.Errors, submission.Warnings);
    }

    /// <summary>Writes what the Aggregate step came to on the submission (saved by the caller): superseded on arrival, and its line.</summary>
    private void Record(Submission submission, AggregateResult aggregated)
    {
        var now = _clock.GetUtcNow();
        if (aggregated.SupersededBy is { } by && submission.Status == SubmissionStatus.Accepted)
        {
            submission.Supersede(by, now);
        }

        submission.Aggregated(now, aggregated.Detail);
    }

    /// <summary>
    /// The decision goes out, and this save records it: the Notified line and the step done, in one
    /// transaction. A run that stops before the save sends it again; a run done again after it finds
    /// the step done and sends nothing.
    /// </summary>
    private async Task NotifyAsync(Submission submission, SentThisRun sent, CancellationToken ct)
    {
        var detail = sent.Decision ??= await _signOff.NotifyAsync(submission, ct).ConfigureAwait(false);
        submission.Notified(_clock.GetUtcNow(), detail);
        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
        _recent.Remember(submission);
    }

    /// <summary>
    /// Marks the submission Failed at <paramref name="step"/>, unless it has meanwhile moved past it.
    /// A Notify step that failed before its save finds the row at Aggregate: what Aggregate came to
    /// (<paramref name="aggregated"/>) is saved with the failure, so it shows Failed at Notify.
    /// </summary>
    public async Task FailAsync(string id, WorkflowStep step, string reason, CancellationToken ct, AggregateResult? aggregated = null)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var submission = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
            var notSaved = step == WorkflowStep.Notify && submission?.Step == WorkflowStep.Aggregate;
            if (submission is null || submission.IsFinal || (submission.Step != step && !notSaved))
            {
                return;
            }

            if (notSaved && aggregated is not null)
            {
                Record(submission, aggregated);
            }

            submission.Fail(Plain(reason), _clock.GetUtcNow());
            try
            {
                await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
                LogFailed(id, InboxBlob.ForLog(reason));
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }
    }

    /// <summary>
    /// A failure's reason as people are shown it: on one line, at most 300 characters, and never a
    /// storage service's raw answer (status, error code, request id, headers), which goes to the log only.
    /// </summary>
    public static string Plain(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Contains("ErrorCode:", StringComparison.Ordinal) || reason.Contains("RequestId:", StringComparison.Ordinal) || reason.Contains("Status: ", StringComparison.Ordinal))
        {
            return "the service's storage refused to save or read this return; an administrator can see why in the log, and retry it once that is put right";
        }

        var line = string.Concat(reason.ReplaceLineEndings(" ").Where(c => !char.IsControl(c)));
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} started from inbox blob {Blob}")]
    private partial void LogStarted(string submissionId, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} was in the inbox without a running workflow; its orchestration is started again")]
    private partial void LogRequeued(string submissionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} processed: {Status}, {Errors} error(s), {Warnings} warning(s)")]
    private partial void LogProcessed(string submissionId, SubmissionStatus status, int errors, int warnings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} failed: {Reason}")]
    private partial void LogFailed(string submissionId, string reason);
}
