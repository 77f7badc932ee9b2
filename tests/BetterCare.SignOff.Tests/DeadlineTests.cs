using BetterCare.App.Triggers;
using BetterCare.Pipeline.Ports;

namespace BetterCare.SignOff.Tests;

/// <summary>
/// The 2017-18-Q2 deadline (Friday 24 November 2017, 17:00) on a calendar of seconds: chasers at
/// their instants, the escalation when it passes, the period's reminders, roll-ups and missing-returns note.
/// </summary>
public class DeadlineTests
{
    private const string Cfo = "cfo@nelccg.example";
    private const string Council = "das@nelc.example";
    private const string Chair = "hwb.chair@nelc.example";

    [Fact]
    public async Task ChasersFallOnTheirWorkingDaysThenTheDeadlineEscalatesAndThePeriodRemindsAndRollsUp()
    {
        // Monday 6 November 2017, noon in London; a calendar day every two seconds, so the first
        // reminder (Friday 10 November, 09:00) is some eight seconds off when the app starts.
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, new DateTimeOffset(2017, 11, 6, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(2));
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var started = await app.Service<TimerFunctions>().RunAsync(TimerSchedules.Periods, CancellationToken.None);
        Assert.Contains("started 2017-18-Q2", started, StringComparison.Ordinal);
        Assert.Contains("started none", await app.Service<TimerFunctions>().RunAsync(TimerSchedules.Periods, CancellationToken.None), StringComparison.Ordinal);

        var id = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, id);
        var cfoLink = Mail.LinkPath(Assert.Single(app.Outbox.To(Cfo)));
        using (var signed = await Forms.PostAsync(browser, cfoLink, ("decision", "approve"), ("confirm", "yes")))
        {
            signed.EnsureSuccessStatusCode();
        }

        // The deadline passes: one escalation naming who has not signed, one note per region of the boards with no accepted return.
        var escalation = Assert.Single(await app.MailAsync(m => m.To.Mailboxes.Any(a => a.Address == SignOffApp.NorthManager) && m.Subject?.StartsWith("Deadline passed", StringComparison.Ordinal) == true));
        Assert.Equal("Deadline passed without sign-off: North East Lincolnshire 2017-18-Q2 Better Care Fund return", escalation.Subject);
        Assert.Contains("NELC Director of Adult Services", escalation.TextBody, StringComparison.Ordinal);
        Assert.Contains("HWB Chair", escalation.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("NELCCG Chief Finance Officer", escalation.TextBody, StringComparison.Ordinal);
        var deadline = app.Calendar.DeadlineOf("2017-18-Q2")!.Value;
        Assert.True(escalation.Date >= deadline.AddSeconds(-1), $"escalated at {escalation.Date:O}, deadline {deadline:O}");
        var note = Assert.Single(await app.MailAsync(m => m.Subject == "2017-18-Q2 deadline: 3 board(s) in East of England without an accepted return"));
        Assert.Equal(SignOffApp.EastManager, note.To.Mailboxes.Single().Address);
        Assert.All(["Essex", "Southend-on-Sea", "Thurrock"], name => Assert.Contains(name, note.TextBody, StringComparison.Ordinal));

        // Chasers to the two who had not signed, three working days after the request and every two after; none at or
        // after the deadline (one due within a calendar day of it may be overtaken by it on a busy machine).
        // (The history line follows the email a moment later.)
        await SignOffApp.EventsWithAsync(lead, id, "Escalated");
        var status = await SignOffApp.StatusAsync(lead, id);
        var requestedAt = (await app.Service<ISignOffStore>().GetSignaturesAsync(id, CancellationToken.None)).Min(r => r.RequestedAt);
        var due = new List<DateTimeOffset> { app.Calendar.AddWorkingDays(requestedAt, 3) };
        while (app.Calendar.AddWorkingDays(due[^1], 2) < deadline)
        {
            due.Add(app.Calendar.AddWorkingDays(due[^1], 2));
        }

        Assert.InRange(due.Count, 5, 7);
        var chasers = 0;
        foreach (var signatory in new[] { "NELC Director of Adult Services", "HWB Chair" })
        {
            var chased = WalkThroughTests.History(status, "Chased").Where(h => h.Detail.Contains(signatory, StringComparison.Ordinal)).ToList();
            Assert.InRange(chased.Count, due.Count(d => d < deadline - app.DayLength), due.Count);
            chasers = chased.Count;
            Assert.All(chased.Zip(due), pair => Assert.True(pair.First.At >= pair.Second, $"chaser at {pair.First.At:O}, due {pair.Second:O}"));
            Assert.All(chased, h => Assert.True(h.At < deadline + TimeSpan.FromSeconds(1)));
        }

        Assert.Single(SignOffApp.Events(status), e => e == "Escalated");
        Assert.Equal(chasers, app.Outbox.To(Council).Count(m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true));
        Assert.Equal(chasers, app.Outbox.To(Chair).Count(m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(app.Outbox.To(Cfo), m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true && m.Date > escalation.Date);

        // Ten and three working days before the deadline (Friday 10 and Tuesday 21 November): Essex, with no accepted return, is reminded; North East Lincolnshire is not.
        var reminders = app.Outbox.To(SignOffApp.EssexLeadEmail);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal("Essex: no accepted Better Care Fund return for 2017-18-Q2 yet", r.Subject));
        Assert.Contains(reminders, r => r.TextBody?.Contains("Friday 24 November 2017, 17:00: 10 working day(s) away", StringComparison.Ordinal) == true);
        Assert.Contains(reminders, r => r.TextBody?.Contains("Friday 24 November 2017, 17:00: 3 working day(s) away", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(app.Outbox.To(SignOffApp.LeadEmail), m => m.Subject?.Contains("no accepted", StringComparison.Ordinal) == true);

        // The roll-up ran each day of the window from the day after the period's orchestration began, one summary a day to
        // each manager, the final one the day after the deadline (Saturday 25 November).
        static bool Summary(MimeKit.MimeMessage m) => m.Subject == "Better Care Fund roll-up: East of England, 2017-18-Q2";
        static DateOnly DayOf(MimeKit.MimeMessage m) => DateOnly.ParseExact((m.MessageId ?? string.Empty).Split('@')[0][^10..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await app.MailAsync(m => Summary(m) && DayOf(m) == new DateOnly(2017, 11, 25));
        var days = app.Outbox.All().Where(Summary).Select(DayOf).ToList();
        Assert.Equal(days.Distinct(), days);
        Assert.InRange(days.Count, 14, 19);
        Assert.All(days, d => Assert.InRange(d, new DateOnly(2017, 11, 7), new DateOnly(2017, 11, 25)));
        Assert.Contains("2017-18-Q2/county-essex.xlsx", (await app.Service<IRollupStore>().ListAsync("2017-18-Q2", CancellationToken.None)).Select(r => r.ReportPath));

        Assert.All(app.Outbox.All().GroupBy(m => m.MessageId), g => Assert.Single(g));
    }

    [Fact]
    public async Task AnEightWeekDeadlineIsOneDurableWaitThatFires()
    {
        // Saturday 30 September 2017, the quarter's last day: the deadline is eight weeks on. No chasers, so the
        // orchestration's only wait is the deadline, a chain of the engine's longest timers (five seconds here).
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(
            azurite.ConnectionString,
            new DateTimeOffset(2017, 9, 30, 9, 0, 0, TimeSpan.FromHours(1)),
            TimeSpan.FromMilliseconds(250),
            new Dictionary<string, string> { ["BetterCare:SignOff:MaxChasers"] = "0" });
        using var lead = app.Client();
        var id = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, id);
        var deadline = app.Calendar.DeadlineOf("2017-18-Q2")!.Value;
        Assert.True(deadline - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(10), "the deadline is further off than one of the engine's timers");

        var escalation = Assert.Single(await app.MailAsync(m => m.Subject?.StartsWith("Deadline passed", StringComparison.Ordinal) == true, seconds: 90));
        Assert.True(escalation.Date >= deadline.AddSeconds(-1), $"escalated at {escalation.Date:O}, deadline {deadline:O}");
        Assert.DoesNotContain(app.Outbox.All(), m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true);
    }
}
