using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// What a submission's orchestration is started with: the submission, whether an administrator
/// retried it, its steps' retry policy, and the ETag of its state row as created.
/// </summary>
public sealed record SubmissionInput(string SubmissionId, bool Retry, int MaxAttempts, TimeSpan FirstRetryInterval, string? ETag = null);

/// <summary>
/// What the Aggregate step came to, for the state row: its history line, and the later accepted
/// return that supersedes this one when it arrived second. The period's row is that step's own
/// record; this travels in the orchestration's history to the Notify step, whose save writes it
/// with the decision (one save of the state row fewer per return).
/// </summary>
public sealed record AggregateResult(string Detail, string? SupersededBy = null);

/// <summary>
/// A step's input: the submission, and the ETag its state row had when the previous step ended
/// (null when not known), so a step on the same process starts from the row it left (<see cref="RecentSubmissions"/>);
/// for the Notify step, what Aggregate came to.
/// </summary>
public sealed record StepInput(string SubmissionId, string? ETag, AggregateResult? Aggregated = null);

/// <summary>
/// How a step ended: false <see cref="Continue"/> when the submission is final already (failed
/// earlier and not retried); the returns an accepted one superseded (Aggregate); the state row's
/// ETag as the step left it; what Aggregate came to, when it was not yet saved.
/// </summary>
public sealed record StepOutcome(bool Continue, IReadOnlyList<string>? Superseded = null, string? ETag = null, AggregateResult? Aggregated = null);

/// <summary>A step that kept failing, for <see cref="FailSubmission"/>; what Aggregate came to, when Notify failed.</summary>
public sealed record StepFailure(string SubmissionId, WorkflowStep Step, string Reason, AggregateResult? Aggregated = null);

/// <summary>
/// One submission's way through the workflow: process (archive, check, decide) → aggregate (the
/// returns it supersedes are told, so each voids its own sign-off) → notify (the decision; for an
/// accepted return, its sign-off orchestration started: <see cref="SignOffOrchestrator"/>, which
/// waits for weeks on its own). Each step is an
/// idempotent activity with its own retries; one that keeps failing marks the submission Failed at
/// that step, and an administrator's retry starts the orchestration again (steps already done are
/// found done). The instance id is the submission id, which comes from the inbox blob, so the same
/// blob runs one orchestration however often its trigger fires.
/// </summary>
public sealed class SubmissionOrchestrator : TaskOrchestrator<SubmissionInput, string>
{
    public const string Name = nameof(SubmissionOrchestrator);

    private static readonly (WorkflowStep Step, string Activity)[] Steps =
    [
        (WorkflowStep.Process, nameof(ProcessSubmission)),
        (WorkflowStep.Aggregate, nameof(AggregateSubmission)),
        (WorkflowStep.Notify, nameof(NotifySubmission)),
    ];

    public override async Task<string> RunAsync(TaskOrchestrationContext context, SubmissionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = StepRetry.Options(input.MaxAttempts, input.FirstRetryInterval);
        var etag = input.ETag;
        AggregateResult? aggregated = null;
        if (input.Retry)
        {
            await context.CallActivityAsync(nameof(ResumeSubmission), input.SubmissionId, retry);
            etag = null;
        }

        foreach (var (step, activity) in Steps)
        {
            StepOutcome outcome;
            try
            {
                outcome = await context.CallActivityAsync<StepOutcome>(activity, new StepInput(input.SubmissionId, etag, aggregated), retry);
            }
            catch (TaskFailedException failure)
            {
                var reason = failure.FailureDetails.ErrorMessage;
                await context.CallActivityAsync(nameof(FailSubmission), new StepFailure(input.SubmissionId, step, reason, aggregated), retry);
                return "Failed";
            }

            if (!outcome.Continue)
            {
                return "Stopped";
            }

            etag = outcome.ETag;
            aggregated = outcome.Aggregated ?? aggregated;

            foreach (var older in outcome.Superseded ?? [])
            {
                context.SendEvent(SignOffInstance.For(older), SignOffInstance.EventName, new SignOffSignal(SignOffSignalKind.Superseded, input.SubmissionId));
            }
        }

        return "Done";
    }
}
