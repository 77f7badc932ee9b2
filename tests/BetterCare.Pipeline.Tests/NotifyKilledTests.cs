using BetterCare.Pipeline.Tests.Support;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// The host killed while a return's sign-off is sending its 40 requests (the most a return may ask
/// for): as the one request to the provider that holds them all, or, when the provider refuses
/// them together (one address it will not take), as the 31st request of those sent one by one.
/// </summary>
public class NotifyKilledTests
{
    [Theory]
    [InlineData(false, 1, 0, 40)]
    [InlineData(true, 31, 30, 1)]
    public async Task HostKilledMidNotifyStillAsksEverySignatoryExactlyOnce(bool refusedTogether, int killAtRequest, int requestsBeforeTheKill, int messagesInTheKilledRequest)
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        AppProcess? app = null;

        // The host dies at that request: the provider never answers it, so it was not sent.
        await using var sendGrid = new KillingSendGrid(m => m.Contains(".request-", StringComparison.Ordinal), killAtRequest, () => app!.Kill(), refusedTogether);
        var settings = new Dictionary<string, string>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.BaseAddress,
            ["BetterCare:Mail:RetryDelay"] = "00:00:00.050",
        };
        string id;
        app = await AppProcess.StartAsync(azurite.ConnectionString, settings);
        await using (app)
        {
            using var client = app.Client(PipelineApp.NelKey);
            id = await Workbook.UploadedIdAsync(client, Workbook.WithSignatories(40), "nel-40-signatories.xlsx");
            await Eventually.Async(() => Task.FromResult(sendGrid.Killed), k => k, "the host to be killed mid-notify", seconds: 120);
        }

        // The decision, and the requests before the one the host died at.
        Assert.Equal(1 + requestsBeforeTheKill, sendGrid.Accepted.Count);
        Assert.Equal(messagesInTheKilledRequest, sendGrid.KilledAtMessages);
        await using (var restarted = await AppProcess.StartAsync(azurite.ConnectionString, settings))
        {
            await Eventually.Async(() => storage.EventsAsync(id), events => events.Contains("Requested"), "the sign-off requests to be recorded after the restart", seconds: 120);
        }

        // The decision to the uploader and a request to each of the 40 signatories, each accepted once
        // (after the restart one by one: the signature rows were there, so each request is claimed first).
        var accepted = sendGrid.Accepted.ToList();
        Assert.Equal(accepted.Distinct(), accepted);
        Assert.Equal(41, accepted.Count);
        Assert.Equal(40, accepted.Count(a => a.MessageId.StartsWith(id + ".request-", StringComparison.Ordinal)));
        Assert.Equal(40, accepted.Where(a => a.MessageId.Contains(".request-", StringComparison.Ordinal)).Select(a => a.To).Distinct().Count());
        var events = await storage.EventsAsync(id);
        Assert.Single(events, e => e == "Notified");
        Assert.Single(events, e => e == "Requested");
    }
}
