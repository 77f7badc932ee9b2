using System.Net;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.SignOff.Tests;

/// <summary>Forged, wrong-submission, replayed, superseded and expired links get a plain error page and change nothing.</summary>
public class LinkRefusalTests
{
    private static readonly DateTimeOffset Start = new(2017, 10, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryBadLinkIsRefusedAndChangesNothing()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start);
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var first = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, first);
        var cfo = Mail.LinkPath(Assert.Single(app.Outbox.To("cfo@nelccg.example")));
        var chair = Mail.LinkPath(Assert.Single(app.Outbox.To("hwb.chair@nelc.example")));
        var token = cfo["/api/signoff/".Length..];
        var tokens = SignOffTokens.FromSetting(SignOffApp.TokenKey);
        Assert.Equal(TokenCheck.Valid, tokens.Read(token, Start, out var claims));

        // Tampered: one character of the signature changed.
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        await Refused(browser, "/api/signoff/" + tampered, HttpStatusCode.NotFound, "not valid");

        // Well signed, but for another submission than the signature row's.
        var other = tokens.Issue(claims! with { SubmissionId = "s0123456789abcdef01234567" });
        await Refused(browser, "/api/signoff/" + other, HttpStatusCode.NotFound, "not valid");

        // Well signed for this submission and signatory, but not with the nonce the row holds.
        var guessed = tokens.Issue(claims! with { Nonce = SignOffTokens.NewNonce() });
        await Refused(browser, "/api/signoff/" + guessed, HttpStatusCode.NotFound, "not valid");
        Assert.Equal("Accepted", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());

        // Replayed: the link works once.
        using (var signed = await Decide(browser, cfo))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        var events = SignOffApp.Events(await SignOffApp.StatusAsync(lead, first));
        await Refused(browser, cfo, HttpStatusCode.Gone, "already been used");
        Assert.Equal(events, SignOffApp.Events(await SignOffApp.StatusAsync(lead, first)));

        // Superseded: a resubmission's acceptance voids the old links.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var second = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(6.6), "nel-q2-corrected.xlsx");
        await SignOffApp.DoneAsync(lead, second);
        await Refused(browser, chair, HttpStatusCode.Gone, "replaced");
        Assert.Equal("Superseded", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());

        // Expired: the new chair's link after its expiry (the day after the deadline).
        var newChair = Mail.LinkPath(app.Outbox.To("hwb.chair@nelc.example").OrderBy(m => m.Date).Last());
        app.Clock.SetUtcNow(new DateTimeOffset(2017, 11, 25, 17, 0, 1, TimeSpan.Zero));
        await Refused(browser, newChair, HttpStatusCode.Gone, "expired");
        Assert.Equal("Accepted", (await SignOffApp.StatusAsync(lead, second)).GetProperty("status").GetString());
    }

    private static async Task Refused(HttpClient browser, string path, HttpStatusCode status, string says)
    {
        using (var get = await browser.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(status, get.StatusCode);
            var html = await get.Content.ReadAsStringAsync();
            Assert.Contains(says, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        }

        using var post = await Decide(browser, path);
        Assert.Equal(status, post.StatusCode);
    }

    private static async Task<HttpResponseMessage> Decide(HttpClient browser, string path)
    {
        using var form = new FormUrlEncodedContent([new("decision", "approve"), new("confirm", "yes")]);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
