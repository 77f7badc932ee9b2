using System.Globalization;

namespace BetterCare.Pipeline.SignOff;

/// <summary>The sign-off's settings (configuration section <c>BetterCare:SignOff</c>; the base URL is <c>BetterCare:PublicBaseUrl</c>).</summary>
public sealed class SignOffOptions
{
    /// <summary>Where people reach the app; every link in an email starts with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The HMAC key for sign-off links (at least 32 characters). Without one, a random key lives as long as the process.</summary>
    public string? TokenKey { get; set; }

    /// <summary>How long a sign-off link works (calendar days; at least until the day after the deadline).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(28);

    public int FirstChaserAfterWorkingDays { get; set; } = 3;

    public int ChaserEveryWorkingDays { get; set; } = 2;

    /// <summary>Chasers per signatory when the period has no deadline in the reference data.</summary>
    public int MaxChasers { get; set; } = 10;

    /// <summary>Working days before the deadline on which HWB leads with no accepted return are reminded, comma-separated.</summary>
    public string ReminderWorkingDaysBefore { get; set; } = "10,3";

    /// <summary>The time on the deadline day when the deadline passes (local time).</summary>
    public TimeSpan DeadlineTimeOfDay { get; set; } = new(17, 0, 0);

    /// <summary>The time reminders go out on their day (local time).</summary>
    public TimeSpan ReminderTimeOfDay { get; set; } = new(9, 0, 0);

    /// <summary>The time zone of working days and deadlines (IANA or Windows id); UTC if unknown.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How long a worker holds a notice it is sending before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The local time of day of a period's daily roll-up.</summary>
    public TimeSpan RollupTimeOfDay { get; set; } = new(6, 0, 0);

    /// <summary>
    /// A demonstration calendar: the real length of one calendar day (e.g. 00:00:05). Unset, the
    /// calendar is the clock. With it, <see cref="CalendarStart"/> is the calendar's moment at
    /// <see cref="CalendarRealStart"/> (default: when the process started).
    /// </summary>
    public TimeSpan? CalendarDayLength { get; set; }

    /// <summary>The calendar's moment when a demonstration calendar starts (e.g. 2017-11-06T09:00:00Z).</summary>
    public DateTimeOffset? CalendarStart { get; set; }

    /// <summary>The real moment a demonstration calendar starts; give it so that every process of one run shares one calendar.</summary>
    public DateTimeOffset? CalendarRealStart { get; set; }

    public IReadOnlyList<int> ReminderDays =>
        [.. ReminderWorkingDaysBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture)).Where(d => d > 0).Distinct().OrderDescending()];

    private static readonly DateTimeOffset ProcessStart = DateTimeOffset.UtcNow;

    /// <summary>The calendar's scale: the clock itself unless a demonstration day length is set.</summary>
    public CalendarScale Scale() =>
        CalendarDayLength is { } day && day > TimeSpan.Zero
            ? new CalendarScale(CalendarRealStart ?? ProcessStart, CalendarStart ?? CalendarRealStart ?? ProcessStart, day)
            : CalendarScale.Real;

    public TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
