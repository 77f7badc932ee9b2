using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.Pipeline.Workflow;

/// <summary>Starts each live period's orchestration, idempotently (the daily timer, and at start-up): a running one is left alone.</summary>
public sealed class PeriodWorkflow(IWorkflowClient client, PeriodCalendar periods, PipelineOptions options)
{
    public async Task<string> EnsureStartedAsync(CancellationToken ct)
    {
        var live = periods.LivePeriods();
        var started = new List<string>();
        foreach (var period in live)
        {
            if (await client.StartAsync(PeriodOrchestrator.Name, PeriodOrchestrator.InstanceFor(period), new PeriodInput(period, null, options.MaxAttempts, options.FirstRetryInterval), ct)
                    .ConfigureAwait(false))
            {
                started.Add(period);
            }
        }

        return live.Count == 0
            ? "no period has a deadline ahead"
            : $"{live.Count} period(s) live ({string.Join(", ", live)}); started {(started.Count == 0 ? "none" : string.Join(", ", started))}";
    }
}
