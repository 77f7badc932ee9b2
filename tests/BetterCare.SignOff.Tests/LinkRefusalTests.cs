using System.Net;
using BetterCare.Pipeline.SignOff;

namespace BetterCare.SignOff.Tests;

/// <summary>Forged, wrong-submission, replayed, superseded and expired links get a plain error page and change nothing.</summary>
public class LinkRefusalTests
{
    // Monday 20 November 2017, 09:00 in London, a calendar day a minute: nothing falls due while the links are tried.
    private static readonly DateTimeOffset Start = new(2017, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryBadLinkIsRefusedAndChangesNothing()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start, TimeSpan.FromMinutes(1));
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var first = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, first);
        var cfo = Mail.LinkPath(Assert.Single(app.Outbox.To("cfo@nelccg.example")));
        var chair = Mail.LinkPath(Assert.Single(app.Outbox.To("hwb.chair@nelc.example")));
        var token = cfo["/sign-off/".Length..];
        var tokens = SignOffTokens.FromSetting(SignOffApp.TokenKey);
        Assert.Equal(TokenCheck.Valid, tokens.Read(token, DateTimeOffset.UtcNow, out var claims));

        // Tampered: one character of the signature changed.
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        await Refused(browser, "/sign-off/" + tampered, HttpStatusCode.NotFound, "not valid");

        // Well signed, but for another submission than the signature row's.
        var other = tokens.Issue(claims! with { SubmissionId = "s0123456789abcdef01234567" });
        await Refused(browser, "/sign-off/" + other, HttpStatusCode.NotFound, "not valid");

        // Well signed for this submission and signatory, but not with the nonce the row holds.
        var guessed = tokens.Issue(claims! with { Nonce = SignOffTokens.NewNonce() });
        await Refused(browser, "/sign-off/" + guessed, HttpStatusCode.NotFound, "not valid");
        Assert.Equal("Accepted", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());

        // Replayed: the link works once.
        using (var signed = await Decide(browser, cfo))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        var events = await SignOffApp.EventsWithAsync(lead, first, "Signed");
        await Refused(browser, cfo, HttpStatusCode.Gone, "already been used");
        Assert.Equal(events, SignOffApp.Events(await SignOffApp.StatusAsync(lead, first)));

        // Superseded: a resubmission's acceptance voids the old links.
        var second = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(6.6), "nel-q2-corrected.xlsx");
        await SignOffApp.DoneAsync(lead, second);
        await Refused(browser, chair, HttpStatusCode.Gone, "replaced");
        Assert.Equal("Superseded", (await SignOffApp.StatusAsync(lead, first)).GetProperty("status").GetString());

        // The old return's sign-off, still waiting for two signatories, hears of it and ends; its undecided rows are void.
        Assert.Equal("\"Superseded\"", (await WalkThroughTests.InstanceEndsAsync(app, first)).Output);
        var rows = await app.Service<Pipeline.Ports.ISignOffStore>().GetSignaturesAsync(first, CancellationToken.None);
        Assert.Equal([SignatureStatus.Signed, SignatureStatus.Void, SignatureStatus.Void], rows.OrderBy(r => r.Status).Select(r => r.Status));

    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedAndChangesNothing()
    {
        // Friday 24 November 2017, 09:00, a calendar day a second: links work for a day, and at least until the day after the deadline.
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(
            azurite.ConnectionString, new DateTimeOffset(2017, 11, 24, 9, 0, 0, TimeSpan.Zero), settings: new Dictionary<string, string> { ["BetterCare:SignOff:TokenLifetime"] = "1.00:00:00" });
        using var lead = app.Client();
        using var browser = app.Client(key: null);
        var id = await SignOffApp.UploadAsync(lead, SignOffApp.Nel(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, id);
        var chair = Mail.LinkPath(Assert.Single(app.Outbox.To("hwb.chair@nelc.example")));
        var tokens = SignOffTokens.FromSetting(SignOffApp.TokenKey);
        var check = tokens.Read(chair["/sign-off/".Length..], DateTimeOffset.UtcNow, out var claims);
        var dayAfterDeadline = app.Calendar.AtTimeOn(new DateOnly(2017, 11, 25), TimeSpan.FromHours(17));
        Assert.True(check == TokenCheck.Expired || claims!.ExpiresAt >= dayAfterDeadline.AddSeconds(-1), $"the link expires at {claims?.ExpiresAt:O}, before the day after the deadline");

        var wait = claims!.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        await Refused(browser, chair, HttpStatusCode.Gone, "expired");
        Assert.DoesNotContain("Signed", SignOffApp.Events(await SignOffApp.StatusAsync(lead, id)));
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
        return await Forms.PostAsync(browser, path, ("decision", "approve"), ("confirm", "yes"));
    }
}
