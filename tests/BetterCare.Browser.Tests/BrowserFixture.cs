using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>
/// One Chromium for the whole run (Debian's, since Playwright cannot download its own here), and
/// a fresh context per test that reaches nothing but loopback addresses.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How long any one browser step may take before its test fails.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: ./scripts/test installs it (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync().WaitAsync(StepTimeout);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true }).WaitAsync(StepTimeout);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A context of its own: its own cookies; requests to anywhere but this machine are refused and counted.</summary>
    public async Task<Visit> VisitAsync(Uri site, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.ToString(), JavaScriptEnabled = javaScript }).WaitAsync(StepTimeout);
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        var visit = new Visit(context, javaScript);
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost")
            {
                await route.ContinueAsync();
            }
            else
            {
                visit.Offsite.Add(route.Request.Url);
                await route.AbortAsync();
            }
        }).WaitAsync(StepTimeout);
        visit.Page = await context.NewPageAsync().WaitAsync(StepTimeout);
        return visit;
    }
}

/// <summary>One person's browser for one test.</summary>
public sealed class Visit(IBrowserContext context, bool javaScript) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; set; } = null!;

    public bool JavaScript { get; } = javaScript;

    /// <summary>Requests the pages tried to make off this machine (there should be none).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Offsite { get; } = [];

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
