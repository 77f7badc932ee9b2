using BetterCare.App;
using BetterCare.App.Triggers;
using Microsoft.Extensions.Options;

namespace BetterCare.Standalone;

/// <summary>Standalone mode's blob trigger: polls returns-inbox and hands each blob to <see cref="InboxTrigger"/>.</summary>
public sealed partial class InboxPoller : BackgroundService
{
    private readonly InboxTrigger _trigger;
    private readonly BetterCareSettings _settings;
    private readonly ILogger<InboxPoller> _log;

    public InboxPoller(InboxTrigger trigger, IOptions<BetterCareSettings> settings, ILogger<InboxPoller> log)
    {
        _trigger = trigger;
        _settings = settings.Value;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_settings.InboxPollInterval);
        do
        {
            try
            {
                await _trigger.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the inbox failed; trying again at the next tick")]
    private partial void LogPollFailed(Exception exception);
}
