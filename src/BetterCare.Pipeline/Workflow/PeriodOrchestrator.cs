using BetterCare.Pipeline.SignOff;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>What a period's orchestration is started (and continued) with: the period, and the instant of the last event it handled.</summary>
public sealed record PeriodInput(string Period, DateTimeOffset? After, int MaxAttempts, TimeSpan FirstRetryInterval);

/// <summary>Where a period's event search starts.</summary>
public sealed record PeriodCursor(string Period, DateTimeOffset? After);

/// <summary>A reminder to send, by how many working days before the deadline it falls.</summary>
public sealed record PeriodReminder(string Period, int WorkingDaysBefore);

/// <summary>One scope of a period's roll-up.</summary>
public sealed record ScopeRollup(string Period, string ScopeKey);

/// <summary>
/// A period's collection, one instance per period (<see cref="InstanceFor"/>): a durable timer to
/// its next event, then the event — the daily roll-up (fanned out over the counties and regions,
/// fanned in to the managers' summary), a reminder to the HWB leads without an accepted return, or
/// the managers' note of missing returns at the deadline — then <c>ContinueAsNew</c> from that
/// event, so the history stays one event long. It ends when no event is left.
/// </summary>
public sealed class PeriodOrchestrator : TaskOrchestrator<PeriodInput, string>
{
    public const string Name = nameof(PeriodOrchestrator);

    public static string InstanceFor(string period) => "period-" + period;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, PeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = StepRetry.Options(input.MaxAttempts, input.FirstRetryInterval);
        var next = await context.CallActivityAsync<PeriodEvent?>(nameof(NextPeriodEvent), new PeriodCursor(input.Period, input.After), retry);
        if (next is null)
        {
            return "Closed";
        }

        await DurableWait.UntilAsync(context, next.At, CancellationToken.None);
        switch (next.Kind)
        {
            case PeriodEventKind.Rollup:
                var scopes = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ListRollupScopes), input.Period, retry);
                await Task.WhenAll(scopes.Select(scope => context.CallActivityAsync(nameof(RollUpScope), new ScopeRollup(input.Period, scope), retry)));
                await context.CallActivityAsync<int>(nameof(SummariseRollup), input.Period, retry);
                break;
            case PeriodEventKind.Reminder:
                await context.CallActivityAsync<int>(nameof(RemindLeads), new PeriodReminder(input.Period, next.Number), retry);
                break;
            case PeriodEventKind.MissingReturns:
                await context.CallActivityAsync<int>(nameof(NoteMissingReturns), input.Period, retry);
                break;
        }

        context.ContinueAsNew(input with { After = next.At });
        return next.Kind.ToString();
    }
}
