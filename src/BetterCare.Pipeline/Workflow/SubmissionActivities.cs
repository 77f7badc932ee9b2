using BetterCare.Pipeline.Submissions;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>Process: archive the upload with its SHA-256, read and validate it, store its figures and findings, accept or reject it.</summary>
public sealed class ProcessSubmission(SubmissionWorkflow workflow) : TaskActivity<StepInput, StepOutcome>
{
    public override Task<StepOutcome> RunAsync(TaskActivityContext context, StepInput input) => workflow.RunStepAsync(input, WorkflowStep.Process, CancellationToken.None);
}

/// <summary>Aggregate: fold the outcome into the period's totals; a newer accepted return supersedes the older (the superseded are named).</summary>
public sealed class AggregateSubmission(SubmissionWorkflow workflow) : TaskActivity<StepInput, StepOutcome>
{
    public override Task<StepOutcome> RunAsync(TaskActivityContext context, StepInput input) => workflow.RunStepAsync(input, WorkflowStep.Aggregate, CancellationToken.None);
}

/// <summary>Notify: the decision to the uploader; whether the return now waits for sign-off.</summary>
public sealed class NotifySubmission(SubmissionWorkflow workflow) : TaskActivity<StepInput, StepOutcome>
{
    public override Task<StepOutcome> RunAsync(TaskActivityContext context, StepInput input) => workflow.RunStepAsync(input, WorkflowStep.Notify, CancellationToken.None);
}

/// <summary>An administrator's retry: the Failed submission goes back to the status it had at the step it failed at.</summary>
public sealed class ResumeSubmission(SubmissionWorkflow workflow) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        // Put back here, or already by the administrator's request: either way it goes on.
        await workflow.ResumeAsync(input, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}

/// <summary>A step kept failing: the submission shows Failed at that step, with the reason.</summary>
public sealed class FailSubmission(SubmissionWorkflow workflow) : TaskActivity<StepFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StepFailure input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await workflow.FailAsync(input.SubmissionId, input.Step, input.Reason, CancellationToken.None, input.Aggregated).ConfigureAwait(false);
        return true;
    }
}
