using System.Net;
using System.Net.Sockets;

namespace BetterCare.Testing;

/// <summary>An HTTP listener on a free loopback port that hands each request to a handler, until disposed.</summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    public LoopbackListener(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        BaseAddress = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(BaseAddress + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The listener's address, e.g. http://127.0.0.1:40123 (no trailing slash).</summary>
    public string BaseAddress { get; }

    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await _handle(context).ConfigureAwait(false);
        }
    }
}
