using System.Net;
using System.Text.Json;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using MimeKit;

namespace BetterCare.SignOff.Tests;

/// <summary>
/// A return from upload to signed off on a calendar of seconds, through the sign-off orchestration:
/// requests, chasers, a decline, a resubmission, every signature (the last two at once) and the
/// confirmations, each email once.
/// </summary>
public class WalkThroughTests
{
    private const string Cfo = "cfo@nelccg.example";
    private const string Council = "das@nelc.example";
    private const string Chair = "hwb.chair@nelc.example";

    // Monday 13 November 2017, 09:00 in London; the 2017-18-Q2 deadline is Friday 24 November, 17:00.
    private static readonly DateTimeOffset Start = new(2017, 11, 13, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RequestChasersDeclineResubmissionAndSignOffSendEachEmailOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start);
        using var lead = app.Client();
        using var browser = app.Client(key: null);

        // Upload: the uploader hears the decision; each signatory gets a personal request with the figures.
        var first = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        var status = await SignOffApp.DoneAsync(lead, first);
        Assert.Equal("Accepted", status.GetProperty("status").GetString());
        var warnings = status.GetProperty("warnings").GetInt32();
        var decision = Assert.Single(app.Outbox.To(SignOffApp.LeadEmail));
        Assert.Equal("Accepted: North East Lincolnshire 2017-18-Q2 Better Care Fund return", decision.Subject);
        Assert.Contains($"https://returns.example.org/submissions/{first}", decision.TextBody, StringComparison.Ordinal);

        var request = Single(app, Cfo, "Please sign off the North East Lincolnshire 2017-18-Q2 Better Care Fund return");
        Assert.Contains("Pool total: £17,900,000", request.TextBody, StringComparison.Ordinal);
        Assert.Contains("North East Lincolnshire CCG's contribution: £11,400,000", request.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Warnings to look at: {warnings}", request.TextBody, StringComparison.Ordinal);
        Assert.Contains("North East Lincolnshire Council's contribution: £6,500,000", Single(app, Council, "Please sign off").TextBody, StringComparison.Ordinal);
        Assert.Contains("the whole pool, £17,900,000", Single(app, Chair, "Please sign off").TextBody, StringComparison.Ordinal);
        var firstLinks = new[] { Cfo, Council, Chair }.ToDictionary(a => a, a => Mail.LinkPath(Single(app, a, "Please sign off")));
        Assert.Equal(3, firstLinks.Values.Distinct().Count());
        Assert.Equal(["Aggregated", "Notified", "Requested"], SignOffApp.Events(status).TakeLast(3));

        // The Notify step and the requests run again (an activity runs at least once): nothing is sent twice.
        var snapshot = app.Outbox.Files();
        var submission = await app.Service<IReturnTables>().GetSubmissionAsync(first, CancellationToken.None);
        await app.Service<SignOffService>().NotifyAsync(submission!, CancellationToken.None);
        await app.Service<SignOffService>().RequestAsync(first, submission!.ETag, CancellationToken.None);
        Assert.DoesNotContain(app.Outbox.Since(snapshot), m => m.Subject?.StartsWith("Please sign off", StringComparison.Ordinal) == true || m.Subject?.StartsWith("Accepted:", StringComparison.Ordinal) == true);
        Assert.Single(SignOffApp.Events(await SignOffApp.StatusAsync(lead, first)), e => e == "Requested");

        // The link shows what is being signed and the declaration.
        using (var page = await browser.GetAsync(new Uri(firstLinks[Cfo], UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("North East Lincolnshire (E06000012)", html, StringComparison.Ordinal);
            Assert.Contains("I, NELCCG Chief Finance Officer, Chief Finance Officer and pooled budget manager of North East Lincolnshire CCG, confirm that", html, StringComparison.Ordinal);
            Assert.Contains("2 other signatories still to sign", html, StringComparison.Ordinal);
            Assert.Contains("Friday 24 November 2017, 17:00", html, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        }

        // A form posted from anywhere but the page itself (no anti-forgery token) is refused and records nothing.
        using (var forged = await Forms.PostWithoutTokenAsync(browser, firstLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("That form could not be sent", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Signed", SignOffApp.Events(await SignOffApp.StatusAsync(lead, first)));

        // Three working days after the request (Thursday 16 November), a chaser to each, with the same link, not before it is due.
        var requestedAt = (await app.Service<ISignOffStore>().GetSignaturesAsync(first, CancellationToken.None)).Min(r => r.RequestedAt);
        var firstChaserDue = app.Calendar.AddWorkingDays(requestedAt, 3);
        var chasers = await app.MailAsync(m => m.Subject?.StartsWith("Reminder 1: please sign off the North East Lincolnshire 2017-18-Q2", StringComparison.Ordinal) == true, atLeast: 3);
        Assert.Equal(3, chasers.Count);
        Assert.Equal(firstLinks[Cfo], Mail.LinkPath(chasers.Single(m => m.To.Mailboxes.Single().Address == Cfo)));
        Assert.All(History(await SignOffApp.StatusAsync(lead, first), "Chased"), h => Assert.True(h.At >= firstChaserDue, $"chaser at {h.At:O}, due {firstChaserDue:O}"));

        // One signs (the box must be ticked), one declines with a reason: ChangesRequested, the uploader told.
        using (var unticked = await Post(browser, firstLinks[Cfo], ("decision", "approve")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
            Assert.Contains("Tick the box", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var signed = await Post(browser, firstLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            var html = await signed.Content.ReadAsStringAsync();
            Assert.Contains("You signed off", html, StringComparison.Ordinal);
            Assert.Contains("2 other signatories are still to sign", html, StringComparison.Ordinal);
        }

        using (var declined = await Post(browser, firstLinks[Council], ("decision", "decline"), ("comment", "The council's forecast outturn should be £6.6m <not 6.5>.")))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        status = await SignOffApp.StatusBecomesAsync(lead, first, "ChangesRequested");
        var changes = Assert.Single(await app.MailAsync(m => m.Subject == "Changes requested: North East Lincolnshire 2017-18-Q2 Better Care Fund return"));
        Assert.Equal(SignOffApp.LeadEmail, changes.To.Mailboxes.Single().Address);
        Assert.Contains("The council's forecast outturn should be £6.6m <not 6.5>.", changes.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;not 6.5&gt;", changes.HtmlBody, StringComparison.Ordinal);
        using (var reused = await Post(browser, firstLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        }

        using (var closed = await browser.GetAsync(new Uri(firstLinks[Chair], UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
            Assert.DoesNotContain("<form", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The orchestration ends there: no chaser after the decline, however the timers fell.
        var ended = await InstanceEndsAsync(app, first);
        Assert.Equal("\"ChangesRequested\"", ended.Output);
        var changesAt = History(await SignOffApp.StatusAsync(lead, first), "ChangesRequested").Single().At;
        Assert.All(History(await SignOffApp.StatusAsync(lead, first), "Chased"), h => Assert.True(h.At < changesAt));

        // The resubmission replaces the return: old links are refused, new requests go out.
        snapshot = app.Outbox.Files();
        var second = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(6.6), "nel-q2-corrected.xlsx");
        Assert.Equal("Accepted", (await SignOffApp.DoneAsync(lead, second)).GetProperty("status").GetString());
        Assert.Equal("Superseded", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());
        var secondRequests = app.Outbox.Since(snapshot).Where(m => m.Subject?.StartsWith("Please sign off", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, secondRequests.Count);
        var secondLinks = new[] { Cfo, Council, Chair }.ToDictionary(a => a, a => Mail.LinkPath(secondRequests.Single(m => m.To.Mailboxes.Single().Address == a)));
        Assert.All(secondLinks, l => Assert.NotEqual(firstLinks[l.Key], l.Value));
        using (var stale = await browser.GetAsync(new Uri(firstLinks[Chair], UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
            Assert.Contains("replaced", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Everyone signs, the last two at the same moment: SignedOff once, one line per signature, a confirmation each.
        using (var signed = await Post(browser, secondLinks[Cfo], ("decision", "approve"), ("confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        var together = await Task.WhenAll(new[] { Council, Chair }.Select(a => Post(browser, secondLinks[a], ("decision", "approve"), ("confirm", "yes"))));
        Assert.All(together, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in together)
        {
            response.Dispose();
        }

        var final = await SignOffApp.StatusBecomesAsync(lead, second, "SignedOff");
        var confirmations = await app.MailAsync(m => m.Subject == "Signed off: North East Lincolnshire 2017-18-Q2 Better Care Fund return", atLeast: 4);
        Assert.Equal(new[] { Chair, Cfo, Council, SignOffApp.LeadEmail }.Order(StringComparer.Ordinal), confirmations.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal("\"SignedOff\"", (await InstanceEndsAsync(app, second)).Output);
        final = await SignOffApp.StatusAsync(lead, second);
        var events = SignOffApp.Events(final);
        Assert.Equal(3, events.Count(e => e == "Signed"));
        Assert.Single(events, e => e == "SignedOff");
        Assert.Equal(4, History(final, "Emailed").Count(h => h.Detail.StartsWith("signed-off confirmation", StringComparison.Ordinal)));

        // The printable summary shows who signed, when, and what they declared.
        using var leadBrowser = app.Client(key: null);
        await Forms.SignInAsync(leadBrowser, SignOffApp.LeadKey);
        using (var summary = await leadBrowser.GetAsync(new Uri($"/submissions/{second}/record", UriKind.Relative)))
        {
            var html = await summary.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            Assert.Equal(3, CountOf(html, "<td class=\"nhsuk-table__cell\">Signed "));
            Assert.Contains("November 2017", html, StringComparison.Ordinal);
            Assert.Contains("I, HWB Chair, Chair, Health and Wellbeing Board", html, StringComparison.Ordinal);
        }

        // The first return's history records what happened to it, once each.
        var history = SignOffApp.Events(await SignOffApp.StatusAsync(lead, first));
        Assert.True(history.Count(e => e == "Chased") >= 3, string.Join(", ", history));
        Assert.Equal(["Signed", "Declined", "ChangesRequested"], history.Where(e => e is "Signed" or "Declined" or "ChangesRequested"));
        Assert.Contains("Superseded", history);

        // No message was ever written twice; every one has both bodies.
        var all = app.Outbox.All();
        Assert.All(all.GroupBy(m => m.MessageId), g => Assert.Single(g));
        Assert.All(all, m => Assert.NotNull(m.HtmlBody));
        Assert.All(all, m => Assert.NotNull(m.TextBody));

        // The logs name submissions, never an address or a token.
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains(second, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains('@', StringComparison.Ordinal));
        Assert.All(firstLinks.Values.Concat(secondLinks.Values), link => Assert.DoesNotContain(logs, l => l.Contains(link["/sign-off/".Length..], StringComparison.Ordinal)));
    }

    internal static IReadOnlyList<(DateTimeOffset At, string Detail)> History(JsonElement status, string @event) =>
        [.. status.GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("event").GetString() == @event)
            .Select(h => (h.GetProperty("at").GetDateTimeOffset(), h.GetProperty("detail").GetString() ?? string.Empty))];

    /// <summary>Waits until a submission's sign-off orchestration has finished.</summary>
    internal static async Task<WorkflowInstance> InstanceEndsAsync(SignOffApp app, string submissionId) =>
        (await Eventually.Async(
            () => app.Service<IWorkflowClient>().GetAsync(SignOffInstance.For(submissionId), CancellationToken.None),
            instance => instance is { Status: not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending) },
            $"the sign-off of {submissionId} to end"))!;

    private static MimeMessage Single(SignOffApp app, string to, string subjectStart) =>
        Assert.Single(app.Outbox.To(to), m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        Forms.PostAsync(client, path, fields);

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
