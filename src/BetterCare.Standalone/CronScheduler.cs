using BetterCare.App;
using BetterCare.App.Triggers;
using Microsoft.Extensions.Options;
using NCrontab;

namespace BetterCare.Standalone;

/// <summary>Standalone mode's timer trigger: runs each timer function at the times its NCRONTAB schedule (six fields, UTC) gives.</summary>
public sealed partial class CronScheduler : BackgroundService
{
    private readonly TimerFunctions _timers;
    private readonly TimeProvider _clock;
    private readonly BetterCareSettings _settings;
    private readonly ILogger<CronScheduler> _log;

    public CronScheduler(TimerFunctions timers, TimeProvider clock, IOptions<BetterCareSettings> settings, ILogger<CronScheduler> log)
    {
        _timers = timers;
        _clock = clock;
        _settings = settings.Value;
        _log = log;
    }

    public static CrontabSchedule Parse(string expression) =>
        CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(TimerSchedules.All.Select(t => RunTimerAsync(t, Parse(TimerSchedules.ScheduleOf(t, _settings.Schedules)), stoppingToken)));

    private async Task RunTimerAsync(TimerDefinition timer, CrontabSchedule schedule, CancellationToken ct)
    {
        var first = timer.RunOnStartup;
        while (!ct.IsCancellationRequested)
        {
            if (!first)
            {
                var now = _clock.GetUtcNow().UtcDateTime;
                var next = schedule.GetNextOccurrence(now);
                await Task.Delay(next - now, _clock, ct).ConfigureAwait(false);
            }

            first = false;
            try
            {
                var outcome = await _timers.RunAsync(timer.Name, ct).ConfigureAwait(false);
                LogRan(timer.Name, outcome);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, timer.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Name} ran: {Outcome}")]
    private partial void LogRan(string name, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Name} failed")]
    private partial void LogFailed(Exception exception, string name);
}
