using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BetterCare.Testing;

namespace BetterCare.Pipeline.Tests.Support;

/// <summary>
/// SendGrid's mail-send endpoint on a loopback port: it accepts each request (202) and notes its
/// message id and each address, but for the first request <c>killWhen</c> picks (given its message
/// id and how many such requests came before it, counting from 1) it kills a host first and does
/// not take that one (503), so the provider never had it.
/// </summary>
public sealed class KillingSendGrid : IAsyncDisposable
{
    private readonly Func<string, bool> _counts;
    private readonly int _killAt;
    private readonly Action _kill;
    private readonly LoopbackListener _listener;
    private int _counted;
    private volatile bool _killed;

    /// <param name="counts">Which requests are counted towards <paramref name="killAt"/> (by message id).</param>
    public KillingSendGrid(Func<string, bool> counts, int killAt, Action kill)
    {
        _counts = counts;
        _killAt = killAt;
        _kill = kill;
        _listener = new LoopbackListener(AnswerAsync);
    }

    public string BaseAddress => _listener.BaseAddress;

    public bool Killed => _killed;

    public ConcurrentQueue<(string MessageId, string To)> Accepted { get; } = new();

    /// <summary>How many accepted messages have a message id containing <paramref name="part"/>.</summary>
    public int Count(string part) => Accepted.Count(a => a.MessageId.Contains(part, StringComparison.Ordinal));

    /// <summary>The message ids accepted for an address.</summary>
    public IReadOnlyList<string> To(string address) => [.. Accepted.Where(a => a.To == address).Select(a => a.MessageId)];

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        using var json = JsonDocument.Parse(await reader.ReadToEndAsync());
        var personalization = json.RootElement.GetProperty("personalizations")[0];
        var messageId = personalization.GetProperty("custom_args").GetProperty("message_id").GetString()!;
        if (_counts(messageId) && Interlocked.Increment(ref _counted) == _killAt)
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
