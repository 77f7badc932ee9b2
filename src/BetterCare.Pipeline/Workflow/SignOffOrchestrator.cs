using BetterCare.Pipeline.SignOff;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>What a return's sign-off orchestration is started with; the ETag of the state row as its Notify step left it.</summary>
public sealed record SignOffInput(string SubmissionId, int MaxAttempts, TimeSpan FirstRetryInterval, string? ETag = null);

/// <summary>A chaser that came due: which one, and when it was due (the next one is counted from it).</summary>
public sealed record ChaseInput(string SubmissionId, int Number, DateTimeOffset Due);

/// <summary>
/// The human-interaction pattern for one accepted return: send the requests, then wait for the
/// signatories' decisions (an external event per decision, raised by the sign-off page) with a
/// durable timer for the next chaser, one for the deadline (the escalation to the regional
/// managers) and one for when the links lapse. Ends at signed off, changes requested, superseded
/// (an event from the newer accepted return) or lapsed. Every instant comes from an activity, so
/// replay is deterministic and a calendar of seconds shortens the waits without another code path.
/// Instance id: <see cref="SignOffInstance.For"/> the submission.
/// </summary>
public sealed class SignOffOrchestrator : TaskOrchestrator<SignOffInput, string>
{
    public const string Lapsed = "Lapsed";

    private enum Wake
    {
        Chaser,
        Deadline,
        Closes,
    }

    public override async Task<string> RunAsync(TaskOrchestrationContext context, SignOffInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = StepRetry.Options(input.MaxAttempts, input.FirstRetryInterval);
        var id = input.SubmissionId;
        var state = await context.CallActivityAsync<SignOffState>(nameof(RequestSignOff), new StepInput(id, input.ETag), retry);

        // One waiter for the event at a time, kept across timers: a waiter left behind would take
        // the next decision and nobody would see it.
        Task<SignOffSignal>? signal = null;
        var chaser = 1;
        while (state.Outcome == SignOffOutcome.Waiting)
        {
            signal ??= context.WaitForExternalEvent<SignOffSignal>(SignOffInstance.EventName);
            var next = Next(state);
            if (next is null)
            {
                state = await OnSignalAsync(context, id, await signal, state, retry);
                signal = null;
                continue;
            }

            var (at, wake) = next.Value;

            // A timer that loses to a decision is cancelled (an orchestration with a timer outstanding does
            // not complete), synchronously: CancelAsync would run the timer's continuation on another
            // thread, outside the orchestration's own, and the orchestration stalled.
            using var cancel = new CancellationTokenSource();
            var timer = DurableWait.UntilAsync(context, at, cancel.Token);
            if (await Task.WhenAny(signal, timer) == signal)
            {
                cancel.Cancel();
                state = await OnSignalAsync(context, id, await signal, state, retry);
                signal = null;
                continue;
            }

            switch (wake)
            {
                case Wake.Chaser:
                    state = await context.CallActivityAsync<SignOffState>(nameof(ChaseSignOff), new ChaseInput(id, chaser++, at), retry);
                    break;
                case Wake.Deadline:
                    state = await context.CallActivityAsync<SignOffState>(nameof(EscalateSignOff), id, retry);
                    break;
                default:
                    return Lapsed;
            }
        }

        return state.Outcome.ToString();
    }

    /// <summary>A decision reconciled, or the return voided; a return still waiting keeps its next chaser.</summary>
    private static async Task<SignOffState> OnSignalAsync(TaskOrchestrationContext context, string id, SignOffSignal signal, SignOffState before, TaskOptions retry)
    {
        var after = await context.CallActivityAsync<SignOffState>(signal.Kind == SignOffSignalKind.Superseded ? nameof(VoidSignOff) : nameof(ReconcileSignOff), id, retry);
        return after.Outcome == SignOffOutcome.Waiting ? after with { NextChaser = before.NextChaser } : after;
    }

    /// <summary>The earliest of what the state waits for; a chaser due at the deadline gives way to it.</summary>
    private static (DateTimeOffset At, Wake Wake)? Next(SignOffState state)
    {
        (DateTimeOffset At, Wake Wake)? next = null;
        foreach (var (at, wake) in new[] { (state.NextChaser, Wake.Chaser), (state.Deadline, Wake.Deadline), (state.Closes, Wake.Closes) })
        {
            if (at is { } a && (next is null || a < next.Value.At))
            {
                next = (a, wake);
            }
        }

        return next;
    }
}

/// <summary>Durable waits that never end early.</summary>
public static class DurableWait
{
    /// <summary>
    /// Waits until <paramref name="at"/> by the orchestration's clock. The storage provider schedules
    /// a timer's message to the whole second, so one may fire up to a second early: then it waits again.
    /// </summary>
    public static async Task UntilAsync(TaskOrchestrationContext context, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        do
        {
            await context.CreateTimer(at.UtcDateTime, cancellationToken);
        }
        while (!cancellationToken.IsCancellationRequested && context.CurrentUtcDateTime < at.UtcDateTime);
    }
}

/// <summary>The retry policy every workflow activity runs under.</summary>
public static class StepRetry
{
    public static TaskOptions Options(int maxAttempts, TimeSpan firstRetryInterval) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(Math.Max(1, maxAttempts), firstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
}
