using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BetterCare.Testing;

namespace BetterCare.Pipeline.Tests.Support;

/// <summary>
/// SendGrid's mail-send endpoint on a loopback port: it accepts each request (202) and notes each
/// message in it (a personalization: its message id and each address), but at the
/// <c>killAt</c>-th request that <c>counts</c> picks (by its first message id) it kills a host
/// first and does not take that request (503), so the provider never had it. With
/// <c>refuseTogether</c> it refuses (400, not counted) any request of several messages, as
/// SendGrid refuses a whole request for one address it will not take.
/// </summary>
public sealed class KillingSendGrid : IAsyncDisposable
{
    private readonly Func<string, bool> _counts;
    private readonly int _killAt;
    private readonly Action _kill;
    private readonly bool _refuseTogether;
    private readonly LoopbackListener _listener;
    private int _counted;
    private volatile bool _killed;

    /// <param name="counts">Which requests are counted towards <paramref name="killAt"/> (by message id).</param>
    public KillingSendGrid(Func<string, bool> counts, int killAt, Action kill, bool refuseTogether = false)
    {
        _counts = counts;
        _killAt = killAt;
        _kill = kill;
        _refuseTogether = refuseTogether;
        _listener = new LoopbackListener(AnswerAsync);
    }

    public string BaseAddress => _listener.BaseAddress;

    public bool Killed => _killed;

    public ConcurrentQueue<(string MessageId, string To)> Accepted { get; } = new();

    /// <summary>How many messages the request it killed at held.</summary>
    public int KilledAtMessages { get; private set; }

    /// <summary>How many accepted messages have a message id containing <paramref name="part"/>.</summary>
    public int Count(string part) => Accepted.Count(a => a.MessageId.Contains(part, StringComparison.Ordinal));

    /// <summary>The message ids accepted for an address.</summary>
    public IReadOnlyList<string> To(string address) => [.. Accepted.Where(a => a.To == address).Select(a => a.MessageId)];

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        using var json = JsonDocument.Parse(await reader.ReadToEndAsync());
        var personalizations = json.RootElement.GetProperty("personalizations").EnumerateArray().ToList();
        var messageId = personalizations[0].GetProperty("custom_args").GetProperty("message_id").GetString()!;
        if (_refuseTogether && personalizations.Count > 1)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            context.Response.Close();
            return;
        }

        if (_counts(messageId) && Interlocked.Increment(ref _counted) == _killAt)
        {
            KilledAtMessages = personalizations.Count;
            _kill();
            _killed = true;
            context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            context.Response.Close();
            return;
        }

        foreach (var personalization in personalizations)
        {
            var id = personalization.GetProperty("custom_args").GetProperty("message_id").GetString()!;
            foreach (var to in personalization.GetProperty("to").EnumerateArray())
            {
                Accepted.Enqueue((id, to.GetProperty("email").GetString()!));
            }
        }

        context.Response.StatusCode = (int)HttpStatusCode.Accepted;
        context.Response.Headers["X-Message-Id"] = "stand-in-" + Accepted.Count;
        context.Response.Close();
    }
}
