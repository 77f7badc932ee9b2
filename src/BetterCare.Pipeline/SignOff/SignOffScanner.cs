using System.Collections.Concurrent;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.SignOff;

/// <summary>
/// The timer function's work: take each due timer (an ETag-guarded claim, so overlapping scans
/// act once), do what it is for, and remove it. Chasers schedule the next chaser; the deadline
/// escalates; the period timers remind HWB leads and tell regional managers who is missing.
/// </summary>
public sealed partial class SignOffScanner
{
    private readonly IReturnTables _tables;
    private readonly ISignOffStore _store;
    private readonly SignOffService _signOff;
    private readonly MailDispatcher _mail;
    private readonly IContactDirectory _contacts;
    private readonly SignOffCalendar _calendar;
    private readonly SignOffEmails _emails;
    private readonly SignOffOptions _options;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _clock;
    private readonly ILogger<SignOffScanner> _log;
    private readonly ConcurrentDictionary<string, bool> _seeded = new(StringComparer.Ordinal);

    public SignOffScanner(
        IReturnTables tables, ISignOffStore store, SignOffService signOff, MailDispatcher mail, IContactDirectory contacts, SignOffCalendar calendar,
        SignOffEmails emails, SignOffOptions options, ReferenceData reference, TimeProvider clock, ILogger<SignOffScanner> log)
    {
        _tables = tables;
        _store = store;
        _signOff = signOff;
        _mail = mail;
        _contacts = contacts;
        _calendar = calendar;
        _emails = emails;
        _options = options;
        _reference = reference;
        _clock = clock;
        _log = log;
    }

    /// <summary>One scan; returns a line for the timer function's log.</summary>
    public async Task<string> ScanAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        await SeedPeriodTimersAsync(now, ct).ConfigureAwait(false);
        var due = await _store.DueTimersAsync(now, _options.MaxTimersPerScan, ct).ConfigureAwait(false);
        var handled = 0;
        foreach (var timer in due)
        {
            if (timer.LeaseUntil > now)
            {
                continue;
            }

            var claimed = await _store.ClaimTimerAsync(timer, now, _options.Lease, ct).ConfigureAwait(false);
            if (claimed is null)
            {
                continue;
            }

            try
            {
                await RunAsync(claimed, now, ct).ConfigureAwait(false);
                await _store.CompleteTimerAsync(claimed, ct).ConfigureAwait(false);
                handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim lapses and a later scan tries again; the mail ledger keeps what was sent.
                LogTimerFailed(e, claimed.Kind, claimed.Scope);
            }
        }

        return $"{handled} of {due.Count} due sign-off timer(s) handled";
    }

    private Task RunAsync(SignOffTimer t, DateTimeOffset now, CancellationToken ct) => t.Kind switch
    {
        TimerKind.Chaser => ChaseAsync(t, now, ct),
        TimerKind.Deadline => EscalateAsync(t, ct),
        TimerKind.Reminder => RemindLeadsAsync(t, now, ct),
        TimerKind.DeadlineNote => NoteMissingReturnsAsync(t, ct),
        TimerKind.Reconcile => _signOff.ReconcileAsync(t.Scope, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>Each period with a deadline still ahead gets its reminder and deadline-note timers (once per process; storing them twice stores them once).</summary>
    private async Task SeedPeriodTimersAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (period, day) in _calendar.Deadlines)
        {
            var deadline = _calendar.DeadlineOf(period)!.Value;
            if (deadline.AddDays(1) <= now || !_seeded.TryAdd(period, true))
            {
                continue;
            }

            foreach (var days in _options.ReminderDays)
            {
                await _store.AddTimerAsync(new SignOffTimer(TimerKind.Reminder, _calendar.WorkingDaysBefore(day, days, _options.ReminderTimeOfDay), period, null, days), ct).ConfigureAwait(false);
            }

            await _store.AddTimerAsync(new SignOffTimer(TimerKind.DeadlineNote, deadline, period, null, 0), ct).ConfigureAwait(false);
        }
    }

    private async Task ChaseAsync(SignOffTimer t, DateTimeOffset now, CancellationToken ct)
    {
        var s = await _tables.GetSubmissionAsync(t.Scope, ct).ConfigureAwait(false);
        var row = s is null || t.SignatoryKey is null ? null : await _store.GetSignatureAsync(s.Id, t.SignatoryKey, ct).ConfigureAwait(false);
        if (s is null || row is null)
        {
            return;
        }

        if (row.IsDecided && !row.HistoryRecorded)
        {
            await _signOff.ReconcileAsync(s.Id, ct).ConfigureAwait(false);
        }

        var deadline = _calendar.DeadlineOf(s.Period);
        if (s.Status != SubmissionStatus.Accepted || row.Status != SignatureStatus.Pending || (deadline is { } d && now >= d))
        {
            return;
        }

        var token = _signOff.TokenFor(row);
        var outcome = await _mail.SendOnceAsync(s.Id, $"chaser-{t.Number}|{row.SignatoryKey}", id => _emails.Request(id, s, row, token, deadline, t.Number), ct).ConfigureAwait(false);
        var next = _calendar.AddWorkingDays(t.Due, _options.ChaserEveryWorkingDays);
        var more = deadline is { } dl ? next < dl : t.Number < _options.MaxChasers;
        if (more)
        {
            await _store.AddTimerAsync(new SignOffTimer(TimerKind.Chaser, next, s.Id, row.SignatoryKey, t.Number + 1), ct).ConfigureAwait(false);
        }

        try
        {
            await _store.SaveSignatureAsync(row with { ChasersSent = Math.Max(row.ChasersSent, t.Number), NextChaserDue = more ? next : null }, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            // Decided meanwhile: the next chaser finds it decided and stops.
        }

        await NoteAsync(s.Id, outcome, o => o.Sent ? (SignOffEvent.Chased, $"chaser {t.Number} to {row.Describe()}") : (SignOffEvent.EmailFailed, $"chaser {t.Number} to {row.Describe()} failed ({o.Detail})"), ct).ConfigureAwait(false);
        LogChased(s.Id, t.Number, row.SignatoryKey);
    }

    private async Task EscalateAsync(SignOffTimer t, CancellationToken ct)
    {
        var s = await _tables.GetSubmissionAsync(t.Scope, ct).ConfigureAwait(false);
        if (s is null || s.Status is not (SubmissionStatus.Accepted or SubmissionStatus.ChangesRequested) || s.Period is null || s.HwbCode is null)
        {
            return;
        }

        var region = _reference.Area(s.HwbCode)?.Region ?? "Unknown";
        var managers = _contacts.RegionalManagers(region);
        var unsigned = (await _store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false)).Where(r => r.Status is SignatureStatus.Pending or SignatureStatus.Declined).ToList();
        var deadline = _calendar.DeadlineOf(s.Period) ?? t.Due;
        var outcome = await _mail.SendOnceAsync("period-" + s.Period, "escalation|" + s.HwbCode, id => _emails.Escalation(id, s, region, managers, unsigned, deadline), ct).ConfigureAwait(false);
        var names = string.Join(", ", unsigned.Select(u => u.Describe()));
        await NoteAsync(s.Id, outcome, o => o.Sent
            ? (SignOffEvent.Escalated, $"deadline passed unsigned; the {region} regional manager(s) told who has not signed: {names}")
            : (SignOffEvent.EmailFailed, $"escalation to the {region} regional manager(s) failed ({o.Detail}); not signed: {names}"), ct).ConfigureAwait(false);
        LogEscalated(s.Id, unsigned.Count);
    }

    private async Task RemindLeadsAsync(SignOffTimer t, DateTimeOffset now, CancellationToken ct)
    {
        var deadline = _calendar.DeadlineOf(t.Scope);
        if (deadline is not { } d || now >= d || !_calendar.Deadlines.TryGetValue(t.Scope, out var day))
        {
            return;
        }

        // A scan that starts late (after a nearer reminder's day) sends only the nearer reminder.
        if (_options.ReminderDays.Any(n => n < t.Number && _calendar.WorkingDaysBefore(day, n, _options.ReminderTimeOfDay) <= now))
        {
            return;
        }

        var rows = (await _tables.ListPeriodAsync(t.Scope, null, ct).ConfigureAwait(false)).ToDictionary(r => r.HwbCode, StringComparer.OrdinalIgnoreCase);
        foreach (var area in _reference.Areas.OrderBy(a => a.HwbCode, StringComparer.Ordinal))
        {
            var row = rows.GetValueOrDefault(area.HwbCode);
            if (row?.HasAccepted == true)
            {
                continue;
            }

            var leads = _contacts.HwbLeads(area.HwbCode);
            var outcome = await _mail.SendOnceAsync("period-" + t.Scope, $"reminder-{t.Number}|{area.HwbCode}", id => _emails.LeadReminder(id, area.HwbCode, area.HwbName, t.Scope, leads, d, t.Number, row?.LatestStatus.ToString()), ct).ConfigureAwait(false);
            await _mail.MarkRecordedAsync(outcome, ct).ConfigureAwait(false);
        }
    }

    private async Task NoteMissingReturnsAsync(SignOffTimer t, CancellationToken ct)
    {
        var deadline = _calendar.DeadlineOf(t.Scope) ?? t.Due;
        var rows = (await _tables.ListPeriodAsync(t.Scope, null, ct).ConfigureAwait(false)).ToDictionary(r => r.HwbCode, StringComparer.OrdinalIgnoreCase);
        foreach (var region in _reference.Areas.Where(a => rows.GetValueOrDefault(a.HwbCode)?.HasAccepted != true).GroupBy(a => a.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var missing = region.OrderBy(a => a.HwbCode, StringComparer.Ordinal).Select(a => (a.HwbCode, a.HwbName, rows.GetValueOrDefault(a.HwbCode)?.LatestStatus.ToString())).ToList();
            var managers = _contacts.RegionalManagers(region.Key);
            var outcome = await _mail.SendOnceAsync("period-" + t.Scope, "missing|" + region.Key, id => _emails.MissingReturns(id, t.Scope, region.Key, managers, missing, deadline), ct).ConfigureAwait(false);
            await _mail.MarkRecordedAsync(outcome, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a line for an email to the submission's history, once (the ledger remembers it is recorded).</summary>
    private async Task NoteAsync(string submissionId, MailOutcome outcome, Func<MailOutcome, (SignOffEvent Event, string Detail)> line, CancellationToken ct)
    {
        if (!outcome.NeedsHistory)
        {
            return;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var s = await _tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false);
            if (s is null)
            {
                return;
            }

            var (what, detail) = line(outcome);
            s.Note(what, _clock.GetUtcNow(), detail);
            try
            {
                await _tables.SaveSubmissionAsync(s, ct).ConfigureAwait(false);
                await _mail.MarkRecordedAsync(outcome, ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException)
            {
            }
        }

        throw new ConcurrencyException($"Submission {submissionId} kept changing while a sign-off email was recorded.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-off timer {Kind} for {Scope} failed; a later scan tries again")]
    private partial void LogTimerFailed(Exception exception, TimerKind kind, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: chaser {Number} for signatory {SignatoryKey}")]
    private partial void LogChased(string submissionId, int number, string signatoryKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId}: deadline escalation naming {Unsigned} unsigned signatory(ies)")]
    private partial void LogEscalated(string submissionId, int unsigned);
}
