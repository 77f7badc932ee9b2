using System.Net.Sockets;
using System.Text;

namespace BetterCare.Browser.Tests;

/// <summary>
/// An upload whose body trickles in slower than the server's minimum data rate (Kestrel's, on the
/// real loopback server): the answer is 408, the upload came too slowly, not that it was too large.
/// </summary>
public sealed class SlowUploadTests(BrowserFixture browser) : SiteTest(browser)
{
    [Fact]
    public async Task ABodyThatTricklesInIsStoppedWith408()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Site.Address.Host, Site.Address.Port);
        await using var stream = tcp.GetStream();
        var head = "POST /api/returns HTTP/1.1\r\n" +
            $"Host: {Site.Address.Authority}\r\n" +
            $"X-Api-Key: {Site.LeadKey}\r\n" +
            "Content-Type: multipart/form-data; boundary=b\r\n" +
            "Content-Length: 1000000\r\n\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // A byte a second, far under the server's minimum rate once its grace period is over.
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = stream.ReadAsync(buffer, giveUp.Token).AsTask();
        while (!reading.IsCompleted && !giveUp.IsCancellationRequested)
        {
            try
            {
                await stream.WriteAsync("x"u8.ToArray(), giveUp.Token);
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1), giveUp.Token));
        }

        // The answer may come in more than one piece: read until the server closes or the body has come.
        for (var n = await reading; n > 0; n = await stream.ReadAsync(buffer, giveUp.Token))
        {
            answer.Append(Encoding.UTF8.GetString(buffer, 0, n));
            if (answer.ToString().Contains("too slowly", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("too slowly", answer.ToString(), StringComparison.Ordinal);
    }
}
