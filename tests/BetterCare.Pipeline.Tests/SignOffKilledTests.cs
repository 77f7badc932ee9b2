using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Pipeline.Tests.Support;
using BetterCare.Testing;
using BetterCare.Workbooks;

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
        await using var sendGrid = new RecordingSendGrid(killOnChaser: 8, () => first!.Kill());

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
            id = await Workbook.UploadedIdAsync(client, WithSignatories(Signatories), "nel-20-signatories.xlsx");
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

    /// <summary>The clean return with <paramref name="count"/> signatories in all, each with an address of their own.</summary>
    private static byte[] WithSignatories(int count)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        for (var i = draft.Signatories.Count; i < count; i++)
        {
            draft.Signatories.Add(new SignatoryDraft(NorthEastLincolnshire.Ccg, "CCG", $"Deputy officer {i}", "Deputy chief finance officer", $"deputy{i}@nelccg.example", null));
        }

        return Workbook.Bytes(draft);
    }

    /// <summary>
    /// SendGrid's mail-send endpoint on a loopback port: it accepts each request (202) and notes its
    /// message id and address, but when the <c>killOnChaser</c>-th chaser arrives it kills the host
    /// first and does not take that one (503).
    /// </summary>
    private sealed class RecordingSendGrid : IAsyncDisposable
    {
        private readonly int _killOnChaser;
        private readonly Action _kill;
        private readonly LoopbackListener _listener;
        private int _chasers;
        private volatile bool _killed;

        public RecordingSendGrid(int killOnChaser, Action kill)
        {
            _killOnChaser = killOnChaser;
            _kill = kill;
            _listener = new LoopbackListener(AnswerAsync);
        }

        public string BaseAddress => _listener.BaseAddress;

        public bool Killed => _killed;

        public ConcurrentQueue<(string MessageId, string To)> Accepted { get; } = new();

        public int Count(string part) => Accepted.Count(a => a.MessageId.Contains(part, StringComparison.Ordinal));

        public IReadOnlyList<string> To(string address) => [.. Accepted.Where(a => a.To == address).Select(a => a.MessageId)];

        public ValueTask DisposeAsync() => _listener.DisposeAsync();

        private async Task AnswerAsync(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream);
            using var json = JsonDocument.Parse(await reader.ReadToEndAsync());
            var personalization = json.RootElement.GetProperty("personalizations")[0];
            var messageId = personalization.GetProperty("custom_args").GetProperty("message_id").GetString()!;
            if (messageId.Contains(".chaser-", StringComparison.Ordinal) && Interlocked.Increment(ref _chasers) == _killOnChaser)
            {
                _kill();
                _killed = true;
                context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                context.Response.Close();
                return;
            }

            foreach (var to in personalization.GetProperty("to").EnumerateArray())
            {
                Accepted.Enqueue((messageId, to.GetProperty("email").GetString()!));
            }

            context.Response.StatusCode = (int)HttpStatusCode.Accepted;
            context.Response.Headers["X-Message-Id"] = "stand-in-" + Accepted.Count;
            context.Response.Close();
        }
    }
}
