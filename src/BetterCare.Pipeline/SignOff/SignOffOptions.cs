using System.Globalization;

namespace BetterCare.Pipeline.SignOff;

/// <summary>The sign-off's settings (configuration section <c>BetterCare:SignOff</c>; the base URL is <c>BetterCare:PublicBaseUrl</c>).</summary>
public sealed class SignOffOptions
{
    /// <summary>Where people reach the app; every link in an email starts with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The HMAC key for sign-off links (at least 32 characters). Without one, a random key lives as long as the process.</summary>
    public string? TokenKey { get; set; }

    /// <summary>How long a sign-off link works.</summary>
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

    /// <summary>How long a scan holds a timer, or a worker a notice, before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timers handled per scan at most.</summary>
    public int MaxTimersPerScan { get; set; } = 200;

    public IReadOnlyList<int> ReminderDays =>
        [.. ReminderWorkingDaysBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture)).Where(d => d > 0).Distinct().OrderDescending()];

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
