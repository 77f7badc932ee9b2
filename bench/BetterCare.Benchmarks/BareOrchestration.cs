using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace BetterCare.Benchmarks;

/// <summary>
/// The baseline: an orchestration of the submission's shape (three activities in a row) whose
/// activities do nothing, run on the same engine and settings as the product's.
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

/// <summary>Does nothing but note, in this process, that an instance's last step ran.</summary>
public sealed class BareStep : TaskActivity<string, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.EndsWith("|3", StringComparison.Ordinal))
        {
            BareRuns.Finished(input[..^2]);
        }

        return Task.FromResult(true);
    }
}

/// <summary>The bare instances whose last step has run.</summary>
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
