using BetterCare.Functions.Functions;

namespace BetterCare.Functions.Triggers;

/// <summary>The timer functions' handlers, by name; the cron scheduler and the host's timer trigger both call these.</summary>
public sealed class TimerFunctions
{
    private readonly InboxTrigger _inbox;

    public TimerFunctions(InboxTrigger inbox) => _inbox = inbox;

    public async Task<string> RunAsync(string name, CancellationToken ct) => name switch
    {
        FunctionCatalog.InboxSweep => $"{await _inbox.SweepAsync(ct).ConfigureAwait(false)} inbox blob(s) checked",
        _ => throw new ArgumentException($"No timer function named '{name}'.", nameof(name)),
    };
}
