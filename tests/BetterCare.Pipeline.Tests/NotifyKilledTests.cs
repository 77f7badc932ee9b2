using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Pipeline.Tests.Support;
using BetterCare.Workbooks;

namespace BetterCare.Pipeline.Tests;

/// <summary>The host killed while the Notify step is sending a return's 120 sign-off requests.</summary>
public class NotifyKilledTests
{
    [Fact]
    public async Task HostKilledMidNotifyStillAsksEverySignatoryExactlyOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        AppProcess? app = null;

        // The 31st request is where the host dies: the provider never answers it, so it was not sent.
        await using var sendGrid = new KillingSendGrid(killAt: 31, () => app!.Kill());
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
            id = await Workbook.UploadedIdAsync(client, WithSignatories(120), "nel-120-signatories.xlsx");
            await Eventually.Async(() => Task.FromResult(sendGrid.Killed), k => k, "the host to be killed mid-notify", seconds: 120);
        }

        Assert.Equal(30, sendGrid.Accepted.Count);
        await using (var restarted = await AppProcess.StartAsync(azurite.ConnectionString, settings))
        {
            await Eventually.Async(() => storage.EventsAsync(id), events => events.Contains("Requested"), "the sign-off requests to be recorded after the restart", seconds: 120);
        }

        // The decision to the uploader and a request to each of the 120 signatories, each accepted once.
        var accepted = sendGrid.Accepted.ToList();
        Assert.Equal(accepted.Distinct(), accepted);
        Assert.Equal(121, accepted.Count);
        Assert.Equal(120, accepted.Count(a => a.MessageId.StartsWith(id + ".request-", StringComparison.Ordinal)));
        Assert.Equal(120, accepted.Where(a => a.MessageId.Contains(".request-", StringComparison.Ordinal)).Select(a => a.To).Distinct().Count());
        var events = await storage.EventsAsync(id);
        Assert.Single(events, e => e == "Notified");
        Assert.Single(events, e => e == "Requested");
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
    /// SendGrid's mail-send endpoint on a loopback port: it accepts each request (202) and notes
    /// whom it was for, but when the <c>killAt</c>-th request arrives it kills the host first and
    /// never answers that one.
    /// </summary>
    private sealed class KillingSendGrid : IAsyncDisposable
    {
        private readonly int _killAt;
        private readonly Action _kill;
        private readonly LoopbackListener _listener;
        private int _received;
        private volatile bool _killed;

        public KillingSendGrid(int killAt, Action kill)
        {
            _killAt = killAt;
            _kill = kill;
            _listener = new LoopbackListener(AnswerAsync);
        }

        public string BaseAddress => _listener.BaseAddress;

        public bool Killed => _killed;

        public ConcurrentQueue<(string MessageId, string To)> Accepted { get; } = new();

        public ValueTask DisposeAsync() => _listener.DisposeAsync();

        private async Task AnswerAsync(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Increment(ref _received) == _killAt)
            {
                _kill();
                _killed = true;
                context.Response.Abort();
                return;
            }

            using var json = JsonDocument.Parse(body);
            var personalization = json.RootElement.GetProperty("personalizations")[0];
            Accepted.Enqueue((
                personalization.GetProperty("custom_args").GetProperty("message_id").GetString()!,
                personalization.GetProperty("to")[0].GetProperty("email").GetString()!));
            context.Response.StatusCode = (int)HttpStatusCode.Accepted;
            context.Response.Headers["X-Message-Id"] = "stand-in-" + _received;
            context.Response.Close();
        }
    }
}
