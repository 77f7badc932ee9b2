using System.Net;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using MimeKit;

namespace BetterCare.SignOff.Tests;

/// <summary>A return from upload to signed off: requests, chasers, a decline, a resubmission, every signature and the confirmations.</summary>
public class WalkThroughTests
{
    private const string Cfo = "cfo@nelccg.example";
    private const string Council = "das@nelc.example";
    private const string Chair = "hwb.chair@nelc.example";

    // Monday 2 October 2017, 09:00 in London; the 2017-18-Q2 deadline is Friday 24 November.
    private static readonly DateTimeOffset Start = new(2017, 10, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RequestChasersDeclineResubmissionAndSignOffSendEachEmailOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start);
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var scanner = app.Service<SignOffScanner>();

        // Upload: the uploader hears the decision; each signatory gets a personal request with the figures.
        var first = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        var status = await SignOffApp.DoneAsync(lead, first);
        Assert.Equal("Accepted", status.GetProperty("status").GetString());
        var warnings = status.GetProperty("warnings").GetInt32();
        var decision = Assert.Single(app.Outbox.To(SignOffApp.LeadEmail));
        Assert.Equal("Accepted: North East Lincolnshire 2017-18-Q2 Better Care Fund return", decision.Subject);
        Assert.Contains($"https://returns.example.org/api/returns/{first}", decision.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/api/returns/{first}", decision.HtmlBody, StringComparison.Ordinal);

        var request = Single(app, Cfo, "Please sign off the North East Lincolnshire 2017-18-Q2 Better Care Fund return");
        Assert.Contains("Pool total: £17,900,000", request.TextBody, StringComparison.Ordinal);
        Assert.Contains("North East Lincolnshire CCG's contribution: £11,400,000", request.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Warnings to look at: {warnings}", request.TextBody, StringComparison.Ordinal);
        Assert.Contains("£11,400,000", request.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("North East Lincolnshire Council's contribution: £6,500,000", Single(app, Council, "Please sign off").TextBody, StringComparison.Ordinal);
        Assert.Contains("the whole pool, £17,900,000", Single(app, Chair, "Please sign off").TextBody, StringComparison.Ordinal);
        var firstLinks = new[] { Cfo, Council, Chair }.ToDictionary(a => a, a => Mail.LinkPath(Single(app, a, "Please sign off")));
        Assert.Equal(3, firstLinks.Values.Distinct().Count());
        Assert.Equal("Notified", SignOffApp.Events(status)[^1]);

        // A redelivered Notify step (the state saved, the emails out) sends nothing again.
        var snapshot = app.Outbox.Files();
        var submission = await app.Service<IReturnTables>().GetSubmissionAsync(first, CancellationToken.None);
        await app.Service<SignOffService>().NotifyAsync(submission!, CancellationToken.None);
        Assert.Empty(app.Outbox.Since(snapshot));

        // The link shows what is being signed and the declaration.
        using (var page = await browser.GetAsync(new Uri(firstLinks[Cfo], UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("North East Lincolnshire (E06000012)", html, StringComparison.Ordinal);
            Assert.Contains("£17,900,000", html, StringComparison.Ordinal);
            Assert.Contains("I, NELCCG Chief Finance Officer, Chief Finance Officer and pooled budget manager, signing for CCG", html, StringComparison.Ordinal);
            Assert.Contains("name=\"confirm\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }

        // Nothing before three working days; then a chaser each, once, however many scans overlap.
        app.Clock.SetUtcNow(Start.AddDays(3).AddMinutes(-1));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Empty(app.Outbox.Since(snapshot));
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 10, 5, 8, 30, 0, TimeSpan.Zero));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => scanner.ScanAsync(CancellationToken.None))));
        var chasers = app.Outbox.Since(snapshot);
        Assert.Equal(3, chasers.Count);
        Assert.All(chasers, m => Assert.StartsWith("Reminder 1: please sign off the North East Lincolnshire 2017-18-Q2", m.Subject, StringComparison.Ordinal));
        Assert.Equal(firstLinks[Cfo], Mail.LinkPath(chasers.Single(m => m.To.Mailboxes.Single().Address == Cfo)));

        app.Clock.SetUtcNow(new DateTimeOffset(2017, 10, 9, 8, 30, 0, TimeSpan.Zero));
        await Task.WhenAll(scanner.ScanAsync(CancellationToken.None), scanner.ScanAsync(CancellationToken.None));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Equal(3, app.Outbox.All().Count(m => m.Subject?.StartsWith("Reminder 2:", StringComparison.Ordinal) == true));

        // One signs (the box must be ticked), one declines with a reason.
        using (var unticked = await Post(browser, firstLinks[Cfo], ("decision", "approve")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
            Assert.Contains("Tick the box", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var signed = await Post(browser, firstLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            Assert.Contains("You signed off", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        snapshot = app.Outbox.Files();
        using (var declined = await Post(browser, firstLinks[Council], ("decision", "decline"), ("comment", "The council's forecast outturn should be £6.6m <not 6.5>.")))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var changes = Assert.Single(app.Outbox.Since(snapshot));
        Assert.Equal(SignOffApp.LeadEmail, changes.To.Mailboxes.Single().Address);
        Assert.Equal("Changes requested: North East Lincolnshire 2017-18-Q2 Better Care Fund return", changes.Subject);
        Assert.Contains("The council's forecast outturn should be £6.6m <not 6.5>.", changes.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;not 6.5&gt;", changes.HtmlBody, StringComparison.Ordinal);
        status = await SignOffApp.StatusAsync(lead, first);
        Assert.Equal("ChangesRequested", status.GetProperty("status").GetString());
        using (var reused = await Post(browser, firstLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        }

        // No more chasers once a signatory has declined; reconciling again adds nothing.
        snapshot = app.Outbox.Files();
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 10, 11, 8, 30, 0, TimeSpan.Zero));
        await scanner.ScanAsync(CancellationToken.None);
        await app.Service<SignOffService>().ReconcileAsync(first, CancellationToken.None);
        Assert.Empty(app.Outbox.Since(snapshot));

        // The resubmission replaces the return: old links are refused, new requests go out.
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 10, 12, 8, 0, 0, TimeSpan.Zero));
        var second = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(6.6), "nel-q2-corrected.xlsx");
        Assert.Equal("Accepted", (await SignOffApp.DoneAsync(lead, second)).GetProperty("status").GetString());
        Assert.Equal("Superseded", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());
        var secondMails = app.Outbox.Since(snapshot);
        Assert.Equal(4, secondMails.Count);
        var secondLinks = new[] { Cfo, Council, Chair }.ToDictionary(a => a, a => Mail.LinkPath(secondMails.Single(m => m.To.Mailboxes.Single().Address == a)));
        Assert.All(secondLinks, l => Assert.NotEqual(firstLinks[l.Key], l.Value));
        using (var stale = await browser.GetAsync(new Uri(firstLinks[Chair], UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
            Assert.Contains("replaced", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Everyone signs: the last signature makes it SignedOff and confirms to the uploader and every signatory.
        snapshot = app.Outbox.Files();
        foreach (var signatory in new[] { Cfo, Council, Chair })
        {
            using var signed = await Post(browser, secondLinks[signatory], ("decision", "approve"), ("confirm", "yes"));
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        var confirmations = app.Outbox.Since(snapshot);
        Assert.Equal(4, confirmations.Count);
        Assert.All(confirmations, m => Assert.Equal("Signed off: North East Lincolnshire 2017-18-Q2 Better Care Fund return", m.Subject));
        Assert.Equal(new[] { Chair, Cfo, Council, SignOffApp.LeadEmail }.Order(StringComparer.Ordinal), confirmations.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var final = await SignOffApp.StatusAsync(lead, second);
        Assert.Equal("SignedOff", final.GetProperty("status").GetString());
        var events = SignOffApp.Events(final);
        Assert.Equal(3, events.Count(e => e == "Signed"));
        Assert.Equal(4, events.Count(e => e == "Emailed"));
        Assert.Single(events, e => e == "SignedOff");

        // The printable summary shows who signed, when, and what they declared.
        using (var summary = await lead.GetAsync(new Uri($"/api/returns/{second}/signed-summary", UriKind.Relative)))
        {
            var html = await summary.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            Assert.Contains("signed off", html, StringComparison.Ordinal);
            Assert.Equal(3, CountOf(html, "<td>Signed</td>"));
            Assert.Contains("Thursday 12 October 2017", html, StringComparison.Ordinal);
            Assert.Contains("I, HWB Chair, Chair, Health and Wellbeing Board", html, StringComparison.Ordinal);
        }

        using (var receipt = await browser.GetAsync(new Uri(secondLinks[Chair] + "/summary", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        }

        // The first return's history records everything that happened to it.
        var history = SignOffApp.Events(await SignOffApp.StatusAsync(lead, first));
        Assert.Equal(6, history.Count(e => e == "Chased"));
        Assert.Equal(["Signed", "Declined", "ChangesRequested", "Emailed"], history.Where(e => e is "Signed" or "Declined" or "ChangesRequested" or "Emailed"));
        Assert.Contains("Superseded", history);

        // Later scans send nothing more, and no message was ever written twice.
        snapshot = app.Outbox.Files();
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 10, 17, 9, 0, 0, TimeSpan.Zero));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Empty(app.Outbox.Since(snapshot));
        var all = app.Outbox.All();
        Assert.Equal(19, all.Count);
        Assert.All(all.GroupBy(m => m.MessageId), g => Assert.Single(g));
        Assert.All(all, m => Assert.NotNull(m.HtmlBody));
        Assert.All(all, m => Assert.NotNull(m.TextBody));

        // The logs name submissions, never an address or a token.
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains(second, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains('@', StringComparison.Ordinal));
        Assert.All(firstLinks.Values.Concat(secondLinks.Values), link => Assert.DoesNotContain(logs, l => l.Contains(link["/api/signoff/".Length..], StringComparison.Ordinal)));
    }

    private static MimeMessage Single(SignOffApp app, string to, string subjectStart) =>
        Assert.Single(app.Outbox.To(to), m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true);

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
