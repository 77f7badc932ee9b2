using System.Globalization;
using BetterCare.Returns.Reference;

namespace BetterCare.Pipeline.SignOff;

/// <summary>
/// Working days (Monday to Friday, less bank holidays) and each period's deadline, in the
/// configured time zone. Loaded from <c>deadlines.csv</c> (period, deadline) and, if present,
/// <c>bank-holidays.csv</c> (date) in the reference folder. Every instant it takes or gives is a
/// real one (what a clock or a durable timer reads); a <see cref="CalendarScale"/> may make the
/// calendar run faster than the clock (a demonstration, or a test on a calendar of seconds), and
/// then only this class knows.
/// </summary>
public sealed class SignOffCalendar
{
    public const string DeadlinesFile = "deadlines.csv";
    public const string BankHolidaysFile = "bank-holidays.csv";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private readonly Dictionary<string, DateOnly> _deadlines;
    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _deadlineTime;
    private readonly CalendarScale _scale;

    public SignOffCalendar(IReadOnlyDictionary<string, DateOnly> deadlines, IEnumerable<DateOnly> bankHolidays, TimeZoneInfo zone, TimeSpan deadlineTimeOfDay, CalendarScale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        _deadlines = new Dictionary<string, DateOnly>(deadlines, StringComparer.Ordinal);
        _holidays = [.. bankHolidays];
        _zone = zone;
        _deadlineTime = TimeOnly.FromTimeSpan(deadlineTimeOfDay);
        _scale = scale ?? CalendarScale.Real;
    }

    public IReadOnlyDictionary<string, DateOnly> Deadlines => _deadlines;

    /// <summary>The calendar's day (in its time zone) at a real instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_scale.ToCalendar(at), _zone).DateTime);

    /// <summary>The real instant at which a calendar day reaches a local time of day.</summary>
    public DateTimeOffset AtTimeOn(DateOnly day, TimeSpan timeOfDay) => At(day, TimeOnly.FromTimeSpan(timeOfDay));

    /// <summary>The real instant <paramref name="days"/> calendar days after <paramref name="from"/>.</summary>
    public DateTimeOffset AddDays(DateTimeOffset from, double days) => _scale.ToReal(_scale.ToCalendar(from).AddDays(days));

    /// <summary>Reads the CSVs from the reference folder; a folder without them gives no deadlines and no holidays.</summary>
    public static SignOffCalendar Load(string? directory, SignOffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var deadlines = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var holidays = new List<DateOnly>();
        if (directory is not null && File.Exists(Path.Combine(directory, DeadlinesFile)))
        {
            using var reader = new StreamReader(Path.Combine(directory, DeadlinesFile));
            foreach (var r in Csv.ReadRecords(reader, DeadlinesFile))
            {
                var period = Csv.Field(r, "period", DeadlinesFile);
                if (!Returns.Model.ReturnPeriod.TryParse(period, out var parsed))
                {
                    throw new InvalidDataException($"{DeadlinesFile}: '{period}' is not a period such as 2017-18-Q2.");
                }

                deadlines[parsed.ToString()] = Date(Csv.Field(r, "deadline", DeadlinesFile), DeadlinesFile);
            }
        }

        if (directory is not null && File.Exists(Path.Combine(directory, BankHolidaysFile)))
        {
            using var reader = new StreamReader(Path.Combine(directory, BankHolidaysFile));
            holidays.AddRange(Csv.ReadRecords(reader, BankHolidaysFile).Select(r => Date(Csv.Field(r, "date", BankHolidaysFile), BankHolidaysFile)));
        }

        return new SignOffCalendar(deadlines, holidays, options.Zone(), options.DeadlineTimeOfDay, options.Scale());
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The moment a period's deadline passes, or null when the reference data has none.</summary>
    public DateTimeOffset? DeadlineOf(string? period) =>
        period is not null && _deadlines.TryGetValue(period, out var day) ? At(day, _deadlineTime) : null;

    /// <summary>The same local time of day, <paramref name="days"/> working days later.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        var local = TimeZoneInfo.ConvertTime(_scale.ToCalendar(from), _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return At(day, TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="day"/>, at a local time.</summary>
    public DateTimeOffset WorkingDaysBefore(DateOnly day, int days, TimeSpan timeOfDay)
    {
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return At(day, TimeOnly.FromTimeSpan(timeOfDay));
    }

    /// <summary>A moment as a person in the time zone reads it: "Friday 24 November 2017, 17:00".</summary>
    public string Describe(DateTimeOffset at) => TimeZoneInfo.ConvertTime(ToNearestSecond(_scale.ToCalendar(at)), _zone).ToString("dddd d MMMM yyyy, HH:mm", Uk);

    public string DescribeDate(DateTimeOffset at) => TimeZoneInfo.ConvertTime(ToNearestSecond(_scale.ToCalendar(at)), _zone).ToString("d MMMM yyyy", Uk);

    /// <summary>A scaled calendar's round trip can land a tick before the moment it stands for (17:00 read as 16:59:59.9999): to the second, as people read times.</summary>
    private static DateTimeOffset ToNearestSecond(DateTimeOffset at) =>
        new(TimeSpan.TicksPerSecond * ((at.UtcTicks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return _scale.ToReal(new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime());
    }

    private static DateOnly Date(string text, string source) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidDataException($"{source}: '{text}' is not a date written yyyy-MM-dd.");
}

/// <summary>
/// How the calendar's time runs against the clock's: from <see cref="RealStart"/> (a real instant,
/// when the calendar reads <see cref="CalendarStart"/>), each <see cref="DayLength"/> of real time is
/// one calendar day. <see cref="Real"/> is the identity: the calendar is the clock.
/// </summary>
public sealed record CalendarScale(DateTimeOffset RealStart, DateTimeOffset CalendarStart, TimeSpan DayLength)
{
    public static CalendarScale Real { get; } = new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.FromDays(1));

    private double Speed => TimeSpan.FromDays(1) / DayLength;

    public DateTimeOffset ToCalendar(DateTimeOffset real) =>
        DayLength == TimeSpan.FromDays(1) && RealStart == CalendarStart ? real : CalendarStart + ((real - RealStart) * Speed);

    public DateTimeOffset ToReal(DateTimeOffset calendar) =>
        DayLength == TimeSpan.FromDays(1) && RealStart == CalendarStart ? calendar : RealStart + ((calendar - CalendarStart) / Speed);
}
