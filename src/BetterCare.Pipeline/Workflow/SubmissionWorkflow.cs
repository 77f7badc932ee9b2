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
/// The durable workflow of one submission: start it from an inbox blob, then handle its step
/// messages. The state row is the checkpoint: a step's work is idempotent, its result is saved
/// (conditional on the ETag read) before the next step's message is put on the queue (a new
/// message, or the one in hand rewritten), and a message is deleted only when the workflow is done
/// with it. A crash anywhere leaves a message to come back: it redoes its step, or finds it done
/// and hands on to the next step again.
/// </summary>
public sealed partial class SubmissionWorkflow
{
    private readonly IReturnTables _tables;
    private readonly IReturnBlobs _blobs;
    private readonly IStepQueue _queue;
    private readonly ReturnValidator _validator;
    private readonly PeriodAggregator _aggregator;
    private readonly SignOffService _signOff;
    private readonly TimeProvider _clock;
    private readonly PipelineOptions _options;
    private readonly ILogger<SubmissionWorkflow> _log;

    public SubmissionWorkflow(
        IReturnTables tables,
        IReturnBlobs blobs,
        IStepQueue queue,
        ReturnValidator validator,
        PeriodAggregator aggregator,
        SignOffService signOff,
        TimeProvider clock,
        PipelineOptions options,
        ILogger<SubmissionWorkflow> log)
    {
        _tables = tables;
        _blobs = blobs;
        _queue = queue;
        _validator = validator;
        _aggregator = aggregator;
        _signOff = signOff;
        _clock = clock;
        _options = options;
        _log = log;
    }

    /// <summary>Starts the workflow for an inbox blob; the same blob always gives the same submission, started once.</summary>
    public async Task<Submission> StartAsync(string inboxBlob, string blobETag, string fileName, string uploader, CancellationToken ct)
    {
        var id = SubmissionId.For(inboxBlob, blobETag);
        var submission = Submission.Receive(id, inboxBlob, fileName, uploader, _clock.GetUtcNow());
        if (await _tables.CreateSubmissionAsync(submission, ct).ConfigureAwait(false))
        {
            await _queue.SendAsync(new StepMessage(id, WorkflowStep.Process).ToText(), null, ct).ConfigureAwait(false);
            LogStarted(id, inboxBlob);
            return submission;
        }

        return await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Submission {id} exists but cannot be read.");
    }

    /// <summary>
    /// Makes sure an inbox blob has a running workflow: starts it, or queues its first step again
    /// when it has stalled (a crash between saving and sending), or clears a blob already archived.
    /// </summary>
    public async Task EnsureStartedAsync(InboxBlob blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var id = SubmissionId.For(blob.Name, blob.ETag);
        var existing = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
        if (existing is null)
        {
            await StartAsync(blob.Name, blob.ETag, FileNameOf(blob.Name), "inbox", ct).ConfigureAwait(false);
        }
        else if (existing.Step != WorkflowStep.Process)
        {
            await _blobs.DeleteInboxAsync(blob.Name, ct).ConfigureAwait(false);
        }
        else if (existing.Status == SubmissionStatus.Received && _clock.GetUtcNow() - existing.ReceivedAt > _options.RestartStalledAfter)
        {
            await _queue.SendAsync(new StepMessage(id, WorkflowStep.Process).ToText(), null, ct).ConfigureAwait(false);
            LogRequeued(id);
        }
    }

    /// <summary>Handles one delivery of a step message, handing each next step on as a new message.</summary>
    public Task<StepResult> HandleAsync(string messageText, int dequeueCount, CancellationToken ct) =>
        HandleAsync(messageText, dequeueCount, new SendHandoff(_queue), ct);

    /// <summary>
    /// Handles one delivery of a step message. <paramref name="dequeueCount"/> counts this delivery.
    /// Each step's result is saved before <paramref name="handoff"/> puts the next step's message on
    /// the queue; when the hand-off leaves that message in this worker's hands, the next step runs
    /// at once, on the state just saved.
    /// </summary>
    public async Task<StepResult> HandleAsync(string messageText, int dequeueCount, IStepHandoff handoff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (!StepMessage.TryParse(messageText, out var message))
        {
            LogMalformed();
            return StepResult.Malformed;
        }

        var delivery = message.DeliveryOfStep(dequeueCount);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var lastTry = delivery >= _options.MaxDequeueCount;
            var submission = await _tables.GetSubmissionAsync(message.SubmissionId, ct).ConfigureAwait(false);
            if (submission is null || message.Step > submission.Step ||
                (submission.Status == SubmissionStatus.Failed && message.Step == submission.Step))
            {
                // Messages are sent only after the state that wants them is saved, so this is a stray,
                // or an operator's retry, whose message is sent before the retry is saved and can
                // overtake it: look again later, then let it go.
                return lastTry ? StepResult.Done : StepResult.Retry;
            }

            if (message.Step < submission.Step || submission.Status == SubmissionStatus.Failed)
            {
                // Done already. An earlier delivery may have stopped between saving and handing on,
                // so hand on again (a duplicate finds its step done and is dropped).
                if (!await HandOnAsync(submission, message.Step, dequeueCount, handoff, ct).ConfigureAwait(false))
                {
                    return StepResult.Done;
                }

                (message, delivery) = (new StepMessage(submission.Id, submission.Step), 1);
            }

            try
            {
                while (true)
                {
                    var step = submission.Step;
                    using var activity = PipelineTracing.StartStep(step, submission.Id);
                    await RunAsync(submission, ct).ConfigureAwait(false);
                    if (submission.Step == step || submission.IsFinal)
                    {
                        return StepResult.Done;
                    }

                    if (!await HandOnAsync(submission, step, dequeueCount, handoff, ct).ConfigureAwait(false))
                    {
                        return StepResult.Done;
                    }

                    (message, delivery) = (new StepMessage(submission.Id, submission.Step), 1);
                }
            }
            catch (ConcurrencyException)
            {
                // Another worker moved it on; look again.
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The step that failed is the message's: the submission in hand may have moved on
                // in memory before its save failed.
                LogStepFailed(e, submission.Id, message.Step, delivery);
                if (delivery < _options.MaxDequeueCount)
                {
                    return StepResult.Retry;
                }

                await FailAsync(submission.Id, message.Step, Describe(e), ct).ConfigureAwait(false);
                return StepResult.Poison;
            }
        }

        return StepResult.Retry;
    }

    /// <summary>
    /// Hands a submission on to the step it has reached (unless it is final), then clears its upload
    /// from the inbox once it is past Process. True when this worker goes on with that step itself.
    /// </summary>
    private async Task<bool> HandOnAsync(Submission submission, WorkflowStep from, int dequeueCount, IStepHandoff handoff, CancellationToken ct)
    {
        var goOn = !submission.IsFinal && await handoff.HandOffAsync(Next(submission, dequeueCount), ct).ConfigureAwait(false);
        if (from == WorkflowStep.Process && submission.Step > WorkflowStep.Process)
        {
            await _blobs.DeleteInboxAsync(submission.InboxBlob, ct).ConfigureAwait(false);
        }

        return goOn;
    }

    /// <summary>The message for the step a submission has reached; a message rewritten in place counts the deliveries before it.</summary>
    private static StepMessage Next(Submission submission, int dequeueCount) =>
        new(submission.Id, submission.Step, Math.Max(0, dequeueCount - 1));

    /// <summary>An operator sends a failed submission back to the step it failed at. Null when there is no such submission.</summary>
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

        submission.Retry(_clock.GetUtcNow());
        await _queue.SendAsync(new StepMessage(id, submission.Step).ToText(), null, ct).ConfigureAwait(false);
        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
        return (submission, true);
    }

    private Task RunAsync(Submission submission, CancellationToken ct) => submission.Step switch
    {
        WorkflowStep.Process => ProcessAsync(submission, ct),
        WorkflowStep.Aggregate => AggregateAsync(submission, ct),
        WorkflowStep.Notify => NotifyAsync(submission, ct),
        _ => Task.CompletedTask,
    };

    private async Task ProcessAsync(Submission submission, CancellationToken ct)
    {
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
        var checkedReturn = _validator.Check(new MemoryStream(content, writable: false), submission.FileName);
        var cover = checkedReturn.Return?.Cover;
        var period = cover?.Period;
        var hwb = cover is not null && Returns.Model.HwbCode.IsValid(cover.HwbCode) ? cover.HwbCode : null;
        var extension = Path.GetExtension(submission.FileName).ToLowerInvariant() is ".xls" ? ".xls" : ".xlsx";
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

        var figures = checkedReturn.Return is { } parsed ? ReturnFigures.From(Aggregator.Aggregate(parsed)) : null;
        var signatories = checkedReturn.Return?.SignOff is { } signOff ? Signatory.From(signOff.Rows) : [];
        var contact = cover?.Text(Returns.Model.CoverField.Email)?.Trim();
        submission.Processed(
            new ProcessOutcome(hash, archivePath, reportPath, reportPath is null ? findings : null, hwb, cover?.HwbName, period?.ToString(),
                checkedReturn.Report.Errors, checkedReturn.Report.Warnings, figures, signatories, contact is { Length: > 0 } && contact.Contains('@', StringComparison.Ordinal) ? contact : null),
            _clock.GetUtcNow());

        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
        LogProcessed(submission.Id, submission.Status, submission.Errors, submission.Warnings);
    }

    private async Task AggregateAsync(Submission submission, CancellationToken ct)
    {
        var detail = await _aggregator.ApplyAsync(submission, ct).ConfigureAwait(false);
        submission.Aggregated(_clock.GetUtcNow(), detail);
        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
    }

    /// <summary>Emails go out once each whatever the deliveries (the mail ledger); the history line lists them.</summary>
    private async Task NotifyAsync(Submission submission, CancellationToken ct)
    {
        var detail = await _signOff.NotifyAsync(submission, ct).ConfigureAwait(false);
        submission.Notified(_clock.GetUtcNow(), detail);
        await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
    }

    /// <summary>Marks the submission Failed at <paramref name="step"/>, unless it has meanwhile moved past it.</summary>
    private async Task FailAsync(string id, WorkflowStep step, string reason, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var submission = await _tables.GetSubmissionAsync(id, ct).ConfigureAwait(false);
            if (submission is null || submission.IsFinal || submission.Step != step)
            {
                return;
            }

            submission.Fail(reason, _clock.GetUtcNow());
            try
            {
                await _tables.SaveSubmissionAsync(submission, ct).ConfigureAwait(false);
                LogFailed(id, reason);
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }
    }

    /// <summary>Hands on by sending a new message (the Functions host deletes the one it delivered).</summary>
    private sealed class SendHandoff(IStepQueue queue) : IStepHandoff
    {
        public async Task<bool> HandOffAsync(StepMessage next, CancellationToken cancellationToken)
        {
            await queue.SendAsync((next with { PriorDeliveries = 0 }).ToText(), null, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return message.Length > 300 ? message[..300] + "…" : message;
    }

    private static string FileNameOf(string blobName)
    {
        var name = blobName[(blobName.LastIndexOf('/') + 1)..];
        return name.Length == 0 ? blobName : name;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} started from inbox blob {Blob}")]
    private partial void LogStarted(string submissionId, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} had stalled before processing; its first step is queued again")]
    private partial void LogRequeued(string submissionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on the steps queue is not a step message; it goes to the poison queue")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} step {Step} failed on delivery {DequeueCount}")]
    private partial void LogStepFailed(Exception exception, string submissionId, WorkflowStep step, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} processed: {Status}, {Errors} error(s), {Warnings} warning(s)")]
    private partial void LogProcessed(string submissionId, SubmissionStatus status, int errors, int warnings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} failed: {Reason}")]
    private partial void LogFailed(string submissionId, string reason);
}
