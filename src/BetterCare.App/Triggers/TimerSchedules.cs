namespace BetterCare.App.Triggers;

/// <summary>
/// A timer function: its name and its default NCRONTAB schedule (six fields, UTC), overridable by
/// the setting <c>BetterCare:Schedules:{Name}</c>. In Azure each timer's <c>[TimerTrigger]</c>
/// reads the app setting <c>BetterCare__Schedules__{Name}</c>, which the Bicep template sets.
/// </summary>
public sealed record TimerDefinition(string Name, string Schedule, bool RunOnStartup = false);

/// <summary>The timer functions. The standalone cron scheduler and the Functions host's timer triggers both run these.</summary>
public static class TimerSchedules
{
    public const string InboxSweep = "InboxSweep";

    /// <summary>Starts each live period's orchestration (reminders, roll-ups, the deadline note); also once at start-up, since it is idempotent.</summary>
    public const string Periods = "Periods";

    public static IReadOnlyList<TimerDefinition> All { get; } =
    [
        new(InboxSweep, "0 */5 * * * *"),
        new(Periods, "0 0 5 * * *", RunOnStartup: true),
    ];

    /// <summary>The app setting holding a timer's schedule, as the host reads it (<c>%BetterCare__Schedules__Name%</c>).</summary>
    public static string ScheduleSetting(TimerDefinition timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"BetterCare__Schedules__{timer.Name}";
    }

    /// <summary>The schedule in force: the setting when given, else the default.</summary>
    public static string ScheduleOf(TimerDefinition timer, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.TryGetValue(timer.Name, out var schedule) && !string.IsNullOrWhiteSpace(schedule) ? schedule : timer.Schedule;
    }
}
