using BetterCare.Pipeline.Submissions;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>What a submission's orchestration is started with: the submission, whether an administrator retried it, and its steps' retry policy.</summary>
public sealed record SubmissionInput(string SubmissionId, bool Retry, int MaxAttempts, TimeSpan FirstRetryInterval);

/// <summary>A step that kept failing, for <see cref="FailSubmission"/>.</summary>
public sealed record StepFailure(string SubmissionId, WorkflowStep Step, string Reason);

/// <summary>
/// One submission's way through the workflow: process (archive, check, decide) → aggregate →
/// notify. Each step is an idempotent activity with its own retries; one that keeps failing marks
/// the submission Failed at that step, and an administrator's retry starts the orchestration again
/// (steps already done are found done). The instance id is the submission id, which comes from the
/// inbox blob, so the same blob runs one orchestration however often its trigger fires.
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
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            Math.Max(1, input.MaxAttempts), input.FirstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
        if (input.Retry)
        {
            await context.CallActivityAsync(nameof(ResumeSubmission), input.SubmissionId, retry);
        }

        foreach (var (step, activity) in Steps)
        {
            try
            {
                if (!await context.CallActivityAsync<bool>(activity, input.SubmissionId, retry))
                {
                    // Final already (failed earlier and not retried): nothing more to do.
                    return "Stopped";
                }
            }
            catch (TaskFailedException failure)
            {
                var reason = failure.FailureDetails.ErrorMessage;
                await context.CallActivityAsync(nameof(FailSubmission), new StepFailure(input.SubmissionId, step, reason), retry);
                return "Failed";
            }
        }

        return "Done";
    }
}
