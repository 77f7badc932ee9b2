using BetterCare.App.Rollups;
using BetterCare.App.Triggers;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.App.Triggers;

/// <summary>The timer functions' handlers, by name; the cron scheduler and the host's timer trigger both call these.</summary>
public sealed class TimerFunctions
{
    private readonly InboxTrigger _inbox;
    private readonly SignOffScanner _signOff;
    private readonly RollupService _rollups;
    private readonly SignOffCalendar _calendar;
    private readonly TimeProvider _clock;

    public TimerFunctions(InboxTrigger inbox, SignOffScanner signOff, RollupService rollups, SignOffCalendar calendar, TimeProvider clock)
    {
        _inbox = inbox;
        _signOff = signOff;
        _rollups = rollups;
        _calendar = calendar;
        _clock = clock;
    }

    public async Task<string> RunAsync(string name, CancellationToken ct) => name switch
    {
        TimerSchedules.InboxSweep => $"{await _inbox.SweepAsync(ct).ConfigureAwait(false)} inbox blob(s) checked",
        TimerSchedules.SignOffTimers => await _signOff.ScanAsync(ct).ConfigureAwait(false),
        TimerSchedules.Rollup => await RollupAsync(ct).ConfigureAwait(false),
        _ => throw new ArgumentException($"No timer function named '{name}'.", nameof(name)),
    };

    /// <summary>Rolls up every period whose collection window is open, or whose deadline passed within the day.</summary>
    private async Task<string> RollupAsync(CancellationToken ct)
    {
        var due = RollupSchedule.Due(_clock.GetUtcNow(), _calendar.Deadlines, TimeSpan.FromDays(1));
        foreach (var period in due)
        {
            await _rollups.RunAsync(period, ct).ConfigureAwait(false);
        }

        return due.Count == 0 ? "no period is in its collection window" : $"rolled up {string.Join(", ", due)}";
    }
}
