using BetterCare.Pipeline.Workflow;

namespace BetterCare.App.Triggers;

/// <summary>The timer functions' handlers, by name; the cron scheduler and the host's timer trigger both call these.</summary>
public sealed class TimerFunctions
{
    private readonly InboxTrigger _inbox;
    private readonly PeriodWorkflow _periods;

    public TimerFunctions(InboxTrigger inbox, PeriodWorkflow periods)
    {
        _inbox = inbox;
        _periods = periods;
    }

    public async Task<string> RunAsync(string name, CancellationToken ct) => name switch
    {
        TimerSchedules.InboxSweep => $"{await _inbox.SweepAsync(ct).ConfigureAwait(false)} inbox blob(s) checked",
        TimerSchedules.Periods => await _periods.EnsureStartedAsync(ct).ConfigureAwait(false),
        _ => throw new ArgumentException($"No timer function named '{name}'.", nameof(name)),
    };
}
