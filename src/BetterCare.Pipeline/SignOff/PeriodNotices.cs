using BetterCare.Pipeline.Ports;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.Pipeline.SignOff;

/// <summary>
/// A period's calendar of events (roll-ups, reminders, the deadline note) from the reference
/// deadlines and the working-day calendar.
/// </summary>
public sealed class PeriodCalendar(SignOffCalendar calendar, SignOffOptions options, TimeProvider clock)
{
    private readonly SignOffCalendar _calendar = calendar;
    private readonly SignOffOptions _options = options;
    private readonly TimeProvider _clock = clock;

    /// <summary>The periods whose orchestration should be running now: each whose final roll-up (the day after the deadline) is still ahead.</summary>
    public IReadOnlyList<string> LivePeriods()
    {
        var now = _clock.GetUtcNow();
        return [.. _calendar.Deadlines.Keys.Where(p => Events(p).Any(e => e.At > now)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The first event of the period after <paramref name="after"/> (after now when not given); null when none is left.</summary>
    public PeriodEvent? Next(string period, DateTimeOffset? after)
    {
        var from = after ?? _clock.GetUtcNow();
        return Events(period).FirstOrDefault(e => e.At > from);
    }

    /// <summary>
    /// Every event of a period, in order: a roll-up each day of the collection window (from the day
    /// after the quarter ends to the deadline day) and one the day after the deadline, the reminders
    /// on their working days, and the note at the deadline.
    /// </summary>
    public IReadOnlyList<PeriodEvent> Events(string period)
    {
        if (!ReturnPeriod.TryParse(period, out var parsed) || !_calendar.Deadlines.TryGetValue(parsed.ToString(), out var day))
        {
            return [];
        }

        var events = new List<PeriodEvent>();
        for (var d = QuarterEnd(parsed).AddDays(1); d <= day.AddDays(1); d = d.AddDays(1))
        {
            events.Add(new PeriodEvent(PeriodEventKind.Rollup, _calendar.AtTimeOn(d, _options.RollupTimeOfDay)));
        }

        events.AddRange(_options.ReminderDays.Select(n => new PeriodEvent(PeriodEventKind.Reminder, _calendar.WorkingDaysBefore(day, n, _options.ReminderTimeOfDay), n)));
        events.Add(new PeriodEvent(PeriodEventKind.MissingReturns, _calendar.DeadlineOf(period)!.Value));
        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Kind)];
    }

    /// <summary>The last day of a financial quarter: Q1 ends in June, Q2 September, Q3 December, Q4 the next March.</summary>
    public static DateOnly QuarterEnd(ReturnPeriod period) => period.Quarter.Number switch
    {
        1 => new DateOnly(period.Year.StartYear, 6, 30),
        2 => new DateOnly(period.Year.StartYear, 9, 30),
        3 => new DateOnly(period.Year.StartYear, 12, 31),
        _ => new DateOnly(period.Year.StartYear + 1, 3, 31),
    };
}

/// <summary>What a period orchestration does next. Numbers are explicit because they travel in orchestration history.</summary>
public enum PeriodEventKind
{
    /// <summary>The daily roll-up while the collection window is open (and the final one the day after the deadline).</summary>
    Rollup = 1,

    /// <summary>HWB leads with no accepted return reminded (number: working days before the deadline).</summary>
    Reminder = 2,

    /// <summary>At the deadline, each region's managers told which HWBs have no accepted return.</summary>
    MissingReturns = 3,
}

/// <summary>One thing a period orchestration waits for: what, and the real instant it falls.</summary>
public sealed record PeriodEvent(PeriodEventKind Kind, DateTimeOffset At, int Number = 0);

/// <summary>The period's notices: reminders to HWB leads without an accepted return, and the managers' note of missing returns at the deadline.</summary>
public sealed class PeriodNotices
{
    private readonly IReturnTables _tables;
    private readonly MailDispatcher _mail;
    private readonly IContactDirectory _contacts;
    private readonly SignOffCalendar _calendar;
    private readonly SignOffEmails _emails;
    private readonly SignOffOptions _options;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _clock;

    public PeriodNotices(
        IReturnTables tables, MailDispatcher mail, IContactDirectory contacts, SignOffCalendar calendar, SignOffEmails emails, SignOffOptions options, ReferenceData reference, TimeProvider clock)
    {
        _tables = tables;
        _mail = mail;
        _contacts = contacts;
        _calendar = calendar;
        _emails = emails;
        _options = options;
        _reference = reference;
        _clock = clock;
    }

    /// <summary>Reminds the leads of each HWB with no accepted return; a reminder a nearer one has overtaken (a late start) is skipped.</summary>
    public async Task<int> RemindLeadsAsync(string period, int workingDaysBefore, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (_calendar.DeadlineOf(period) is not { } deadline || now >= deadline || !_calendar.Deadlines.TryGetValue(period, out var day) ||
            _options.ReminderDays.Any(n => n < workingDaysBefore && _calendar.WorkingDaysBefore(day, n, _options.ReminderTimeOfDay) <= now))
        {
            return 0;
        }

        var rows = (await _tables.ListPeriodAsync(period, null, ct).ConfigureAwait(false)).ToDictionary(r => r.HwbCode, StringComparer.OrdinalIgnoreCase);
        var sent = 0;
        foreach (var area in _reference.Areas.OrderBy(a => a.HwbCode, StringComparer.Ordinal))
        {
            var row = rows.GetValueOrDefault(area.HwbCode);
            if (row?.HasAccepted == true)
            {
                continue;
            }

            var leads = _contacts.HwbLeads(area.HwbCode);
            var outcome = await _mail.SendOnceAsync(
                "period-" + period, $"reminder-{workingDaysBefore}|{area.HwbCode}",
                id => _emails.LeadReminder(id, area.HwbCode, area.HwbName, period, leads, deadline, workingDaysBefore, row?.LatestStatus.ToString()), ct).ConfigureAwait(false);
            sent += outcome.SentNow ? 1 : 0;
        }

        return sent;
    }

    /// <summary>At the deadline: one note per region naming its HWBs with no accepted return.</summary>
    public async Task<int> NoteMissingReturnsAsync(string period, CancellationToken ct)
    {
        var deadline = _calendar.DeadlineOf(period) ?? _clock.GetUtcNow();
        var rows = (await _tables.ListPeriodAsync(period, null, ct).ConfigureAwait(false)).ToDictionary(r => r.HwbCode, StringComparer.OrdinalIgnoreCase);
        var sent = 0;
        foreach (var region in _reference.Areas.Where(a => rows.GetValueOrDefault(a.HwbCode)?.HasAccepted != true).GroupBy(a => a.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var missing = region.OrderBy(a => a.HwbCode, StringComparer.Ordinal).Select(a => (a.HwbCode, a.HwbName, rows.GetValueOrDefault(a.HwbCode)?.LatestStatus.ToString())).ToList();
            var managers = _contacts.RegionalManagers(region.Key);
            var outcome = await _mail.SendOnceAsync("period-" + period, "missing|" + region.Key, id => _emails.MissingReturns(id, period, region.Key, managers, missing, deadline), ct).ConfigureAwait(false);
            sent += outcome.SentNow ? 1 : 0;
        }

        return sent;
    }
}
