using BetterCare.Pipeline.Tests.Support;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// On a calendar of seconds, a host killed outright while it sends a round of chasers, then two
/// hosts on one task hub, one of them killed while the sign-off waits: every request, chaser,
/// escalation, reminder, deadline note and roll-up summary went out once, and none was lost.
/// </summary>
public class SignOffKilledTests
{
    private const int Signatories = 20;
    private const string NorthManager = "north.manager@england.example";
    private const string EastManager = "east.manager@england.example";
    private const string EssexLead = "essex.lead@essex.example";

    [Fact]
    public async Task HostsKilledWhileAChaserRoundIsSentAndWhileWaitingLoseAndRepeatNothing()
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        AppProcess? first = null;
        await using var sendGrid = new KillingSendGrid(id => id.Contains(".chaser-", StringComparison.Ordinal), killAt: 8, () => first!.Kill());

        // Monday 13 November 2017, 09:00 in London, a calendar day every four seconds, shared by every process:
        // the first chaser falls on Thursday 16 November (twelve seconds after the request), the deadline on
        // Friday 24 November at 17:00 (some 45 seconds on).
        var settings = new Dictionary<string, string>
        {
            ["SendGrid:ApiKey"] = "SG.test-only",
            ["SendGrid:Host"] = sendGrid.BaseAddress,
            ["BetterCare:Mail:RetryDelay"] = "00:00:00.050",
            ["BetterCare:SignOff:CalendarDayLength"] = "00:00:04",
            ["BetterCare:SignOff:CalendarStart"] = "2017-11-13T09:00:00+00:00",
            ["BetterCare:SignOff:CalendarRealStart"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["BetterCare:TaskHub:MaxQueuePollingInterval"] = "00:00:00.500",
            ["BetterCare:ApiKeys:0:Email"] = EssexLead,
            ["BetterCare:ApiKeys:1:Email"] = "nel.lead@nelc.example",
            ["BetterCare:RegionalManagers:North East and Yorkshire"] = NorthManager,
            ["BetterCare:RegionalManagers:East of England"] = EastManager,
        };

        // One host alone sends the requests and starts the first round of chasers; it is killed as it sends the eighth.
        first = await AppProcess.StartAsync(azurite.ConnectionString, settings);
        string id;
        await using (first)
        {
            using var client = first.Client(PipelineApp.NelKey);
            id = await Workbook.UploadedIdAsync(client, Workbook.WithSignatories(Signatories), "nel-20-signatories.xlsx");
            await Eventually.Async(() => Task.FromResult(sendGrid.Killed), k => k, "the host to be killed mid-chaser", seconds: 120);
        }

        // Two hosts take over on the same task hub; once the round is out, one of them is killed while the sign-off waits.
        await using var second = await AppProcess.StartAsync(azurite.ConnectionString, settings);
        var third = await AppProcess.StartAsync(azurite.ConnectionString, settings);
        await using (third)
        {
            await Eventually.Async(() => Task.FromResult(sendGrid.Count(".chaser-1-")), n => n == Signatories, "the first round of chasers to finish", seconds: 120);
            third.Kill();
        }

        await Eventually.Async(() => Task.FromResult(sendGrid.To(EastManager).Count(m => m.Contains(".missing-", StringComparison.Ordinal))), n => n > 0, "the deadline note", seconds: 150);
        await Eventually.Async(() => storage.EventsAsync(id), events => events.Contains("Escalated"), "the escalation", seconds: 60);

        // Nothing went twice, and every round that started reached every signatory.
        var accepted = sendGrid.Accepted.ToList();
        Assert.All(accepted.GroupBy(a => a.MessageId), g => Assert.Single(g));
        Assert.Equal(Signatories, sendGrid.Count(".request-"));
        var rounds = accepted.Select(a => a.MessageId).Where(m => m.Contains(".chaser-", StringComparison.Ordinal))
            .GroupBy(m => m[(m.IndexOf(".chaser-", StringComparison.Ordinal) + 8)..].Split('-')[0]).ToList();
        Assert.Contains(rounds, r => r.Key == "1");
        Assert.All(rounds, r => Assert.Equal(Signatories, r.Count()));
        Assert.Single(accepted, a => a.MessageId.Contains(".escalation-", StringComparison.Ordinal));
        Assert.Single(sendGrid.To(EssexLead), m => m.Contains(".reminder-3-", StringComparison.Ordinal));
        Assert.Single(sendGrid.To(EastManager), m => m.Contains(".missing-", StringComparison.Ordinal));
        var summaries = sendGrid.To(EastManager).Where(m => m.StartsWith("rollup.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(summaries);
        Assert.Equal(summaries.Distinct(), summaries);

        // The history says each of them once.
        var history = await storage.EventsAsync(id);
        Assert.Single(history, e => e == "Requested");
        Assert.Single(history, e => e == "Escalated");
        Assert.Equal(rounds.Count * Signatories, history.Count(e => e == "Chased"));
    }
}
