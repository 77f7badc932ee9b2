using System.Collections.Concurrent;
using BetterCare.Pipeline.Ports;
using Microsoft.DurableTask;

namespace BetterCare.Benchmarks;

/// <summary>
/// The baseline: orchestrations of the product's shape whose activities do nothing, on the same
/// engine and settings as the product's. A submission's: three activities in a row, the third
/// starting the sign-off orchestration through the workflow client; a sign-off's: one activity,
/// then a wait of four weeks on a durable timer.
/// </summary>
public sealed class BareOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CallActivityAsync<bool>(nameof(BareStep), input + "|1");
        await context.CallActivityAsync<bool>(nameof(BareStep), input + "|2");
        await context.CallActivityAsync<bool>(nameof(BareStep), input + "|3");
        return "Done";
    }
}

/// <summary>The sign-off's shape: its first activity, then a long wait.</summary>
public sealed class BareSignOffOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CallActivityAsync<bool>(nameof(BareStep), input + "|requested");
        await context.CreateTimer(context.CurrentUtcDateTime.AddDays(28), CancellationToken.None);
        return "Lapsed";
    }
}

/// <summary>Does nothing but start the sign-off after the third step and note, in this process, that an instance's last step ran.</summary>
public sealed class BareStep(IWorkflowClient client) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.EndsWith("|3", StringComparison.Ordinal))
        {
            await client.StartAsync(nameof(BareSignOffOrchestrator), input[..^2] + ".signoff", input[..^2], CancellationToken.None).ConfigureAwait(false);
        }
        else if (input.EndsWith("|requested", StringComparison.Ordinal))
        {
            BareRuns.Finished(input[..^"|requested".Length]);
        }

        return true;
    }
}

/// <summary>The bare instances whose sign-off has run its first activity.</summary>
public static class BareRuns
{
    private static readonly ConcurrentDictionary<string, bool> Done = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Signal = new(0);

    public static void Finished(string id)
    {
        Done[id] = true;
        Signal.Release();
    }

    public static async Task WaitForAsync(IReadOnlyCollection<string> ids, TimeSpan giveUpAfter)
    {
        var deadline = DateTime.UtcNow + giveUpAfter;
        while (!ids.All(Done.ContainsKey))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{ids.Count(id => !Done.ContainsKey(id))} of {ids.Count} bare orchestrations did not finish.");
            }

            await Signal.WaitAsync(left).ConfigureAwait(false);
        }
    }
}
