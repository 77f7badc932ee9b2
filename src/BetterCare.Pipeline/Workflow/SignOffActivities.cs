using BetterCare.Pipeline.SignOff;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>The rows, the requests and one history line; the state to wait in (first chaser, deadline, links lapse).</summary>
public sealed class RequestSignOff(SignOffService signOff) : TaskActivity<StepInput, SignOffState>
{
    public override async Task<SignOffState> RunAsync(TaskActivityContext context, StepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var activity = PipelineTracing.StartSignOffRequest(input.SubmissionId);
        return await signOff.RequestAsync(input.SubmissionId, input.ETag, CancellationToken.None).ConfigureAwait(false);
    }
}

/// <summary>A decision came in: history, status and confirmations brought up to date.</summary>
public sealed class ReconcileSignOff(SignOffService signOff) : TaskActivity<string, SignOffState>
{
    public override Task<SignOffState> RunAsync(TaskActivityContext context, string input) => signOff.ReconcileAsync(input, CancellationToken.None);
}

/// <summary>A chaser to each signatory still to decide, and when the next falls.</summary>
public sealed class ChaseSignOff(SignOffService signOff) : TaskActivity<ChaseInput, SignOffState>
{
    public override Task<SignOffState> RunAsync(TaskActivityContext context, ChaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return signOff.ChaseAsync(input.SubmissionId, input.Number, input.Due, CancellationToken.None);
    }
}

/// <summary>The deadline passed unsigned: the regional managers are told who has not signed.</summary>
public sealed class EscalateSignOff(SignOffService signOff) : TaskActivity<string, SignOffState>
{
    public override Task<SignOffState> RunAsync(TaskActivityContext context, string input) => signOff.EscalateAsync(input, CancellationToken.None);
}

/// <summary>A newer accepted return replaced this one: its undecided links are void.</summary>
public sealed class VoidSignOff(SignOffService signOff) : TaskActivity<string, SignOffState>
{
    public override Task<SignOffState> RunAsync(TaskActivityContext context, string input) => signOff.VoidAsync(input, CancellationToken.None);
}
