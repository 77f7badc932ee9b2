using BetterCare.Pipeline.Tests.Support;

namespace BetterCare.Pipeline.Tests;

/// <summary>The host killed while a return's sign-off is sending its 40 requests (the most a return may ask for).</summary>
public class NotifyKilledTests
{
    [Fact]
    public async Task HostKilledMidNotifyStillAsksEverySignatoryExactlyOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        AppProcess? app = null;

        // The 31st request is where the host dies: the provider never answers it, so it was not sent.
        await using var sendGrid = new KillingSendGrid(_ => true, killAt: 31, () => app!.Kill());
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

        Assert.Equal(30, sendGrid.Accepted.Count);
        await using (var restarted = await AppProcess.StartAsync(azurite.ConnectionString, settings))
        {
            await Eventually.Async(() => storage.EventsAsync(id), events => events.Contains("Requested"), "the sign-off requests to be recorded after the restart", seconds: 120);
        }

        // The decision to the uploader and a request to each of the 40 signatories, each accepted once.
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
