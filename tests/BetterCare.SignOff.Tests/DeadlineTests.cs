using BetterCare.Pipeline.SignOff;

namespace BetterCare.SignOff.Tests;

/// <summary>Reminders before the 2017-18-Q2 deadline (Friday 24 November 2017, 17:00) and the escalation when it passes.</summary>
public class DeadlineTests
{
    private static readonly DateTimeOffset Start = new(2017, 11, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LeadsAreRemindedAndManagersToldOnceWhenTheDeadlinePasses()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start);
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var scanner = app.Service<SignOffScanner>();
        var id = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, id);
        var cfoLink = Mail.LinkPath(Assert.Single(app.Outbox.To("cfo@nelccg.example")));
        using (var form = new FormUrlEncodedContent([new("decision", "approve"), new("confirm", "yes")]))
        {
            (await browser.PostAsync(new Uri(cfoLink, UriKind.Relative), form)).EnsureSuccessStatusCode();
        }

        await scanner.ScanAsync(CancellationToken.None);
        Assert.Empty(app.Outbox.To(SignOffApp.EssexLeadEmail));

        // Ten working days before: Friday 10 November. Essex has no accepted return; North East Lincolnshire has.
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 11, 10, 9, 30, 0, TimeSpan.Zero));
        await Task.WhenAll(scanner.ScanAsync(CancellationToken.None), scanner.ScanAsync(CancellationToken.None));
        var reminder = Assert.Single(app.Outbox.To(SignOffApp.EssexLeadEmail));
        Assert.Equal("Essex: no accepted Better Care Fund return for 2017-18-Q2 yet", reminder.Subject);
        Assert.Contains("Friday 24 November 2017, 17:00: 10 working day(s) away", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Outbox.To(SignOffApp.LeadEmail), m => m.Subject?.Contains("no accepted", StringComparison.Ordinal) == true);

        // Three working days before: Tuesday 21 November.
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 11, 21, 9, 30, 0, TimeSpan.Zero));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Equal(2, app.Outbox.To(SignOffApp.EssexLeadEmail).Count);

        // The deadline passes: one escalation naming who has not signed, one note per region of the boards with no accepted return.
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 11, 24, 17, 30, 0, TimeSpan.Zero));
        var before = app.Outbox.Files();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => scanner.ScanAsync(CancellationToken.None))));
        await scanner.ScanAsync(CancellationToken.None);
        var sent = app.Outbox.Since(before);
        var escalation = Assert.Single(sent, m => m.To.Mailboxes.Single().Address == SignOffApp.NorthManager);
        Assert.Equal("Deadline passed without sign-off: North East Lincolnshire 2017-18-Q2 Better Care Fund return", escalation.Subject);
        Assert.Contains("NELC Director of Adult Services", escalation.TextBody, StringComparison.Ordinal);
        Assert.Contains("HWB Chair", escalation.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("NELCCG Chief Finance Officer", escalation.TextBody, StringComparison.Ordinal);
        var note = Assert.Single(sent, m => m.To.Mailboxes.Single().Address == SignOffApp.EastManager);
        Assert.Equal("2017-18-Q2 deadline: 3 board(s) in East of England without an accepted return", note.Subject);
        Assert.All(["Essex", "Southend-on-Sea", "Thurrock"], name => Assert.Contains(name, note.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true);
        Assert.Equal(2, sent.Count);

        var events = SignOffApp.Events(await SignOffApp.StatusAsync(lead, id));
        Assert.Single(events, e => e == "Escalated");
        Assert.All(app.Outbox.All().GroupBy(m => m.MessageId), g => Assert.Single(g));
    }
}
