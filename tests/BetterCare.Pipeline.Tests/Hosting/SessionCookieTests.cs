using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The session cookie of a site served over HTTPS is Secure even when TLS ends before the app (as it may in Azure), and the sign-in still works.</summary>
public partial class SessionCookieTests
{
    [Fact]
    public async Task OnAnHttpsSiteTheCookiesAreSecureHttpOnlyAndStrictThoughTheRequestReachedTheAppOverHttp()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine, new Dictionary<string, string> { ["BetterCare:PublicBaseUrl"] = "https://returns.example.org" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var form = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bc_af=", StringComparison.Ordinal));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__bc_af"] = token, ["key"] = PipelineApp.NelKey, ["returnUrl"] = "/" }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bc_session=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex("name=\"__bc_af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
