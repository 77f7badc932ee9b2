namespace BetterCare.Functions.Functions;

/// <summary>How the Functions host invokes a function.</summary>
public enum TriggerKind
{
    Http = 1,
    Blob = 2,
    Queue = 3,
    Timer = 4,
}

/// <summary>
/// One function of the app: its name (the host's <c>POST /{name}</c> endpoint), its trigger and
/// the trigger's settings. For timers, <see cref="Schedule"/> is the default NCRONTAB (six
/// fields, UTC), overridable by the setting <c>BetterCare:Schedules:{Name}</c>; in Azure the
/// generated function.json reads it from that app setting, which the Bicep template sets.
/// </summary>
public sealed record FunctionDefinition(string Name, TriggerKind Trigger, string Binding, string? Schedule = null);

/// <summary>Every function the app has. The standalone loops and the generated function.json files both read this table.</summary>
public static class FunctionCatalog
{
    public const string Http = "Http";
    public const string InboxBlob = "InboxBlob";
    public const string InboxSweep = "InboxSweep";
    public const string SignOffTimers = "SignOffTimers";
    public const string Rollup = "Rollup";

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        new(Http, TriggerKind.Http, "{*route}"),
        new(InboxBlob, TriggerKind.Blob, "returns-inbox/{name}"),
        new(InboxSweep, TriggerKind.Timer, "timer", "0 */5 * * * *"),
        new(SignOffTimers, TriggerKind.Timer, "timer", "30 */5 * * * *"),
        new(Rollup, TriggerKind.Timer, "timer", "0 0 6 * * *"),
    ];

    public static IEnumerable<FunctionDefinition> Timers => All.Where(f => f.Trigger == TriggerKind.Timer);

    /// <summary>The app setting holding a timer's schedule, as the host reads it (<c>%BetterCare__Schedules__Name%</c> in function.json).</summary>
    public static string ScheduleSetting(FunctionDefinition timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"BetterCare__Schedules__{timer.Name}";
    }

    /// <summary>The schedule in force: the setting when given, else the table's default.</summary>
    public static string ScheduleOf(FunctionDefinition timer, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.TryGetValue(timer.Name, out var schedule) && !string.IsNullOrWhiteSpace(schedule) ? schedule : timer.Schedule!;
    }
}
