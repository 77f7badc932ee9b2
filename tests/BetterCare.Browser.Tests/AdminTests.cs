using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>An administrator finds a failed submission with its reason, retries it once the fault is gone, and rolls a period up.</summary>
public sealed class AdminTests(BrowserFixture browser) : SiteTest(browser)
{
    private readonly Returns _returns = new();
    private readonly BrokenArchive _archive = new();

    protected override Action<IServiceCollection>? Services => _archive.Register;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["BetterCare:Pipeline:MaxAttempts"] = "2",
        ["BetterCare:Pipeline:FirstRetryInterval"] = "00:00:00.100",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _returns.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAdministratorRetriesAFailedSubmissionAndRollsAPeriodUp(bool javaScript)
    {
        var suffix = javaScript ? string.Empty : "-no-js";
        var id = await Uploads.SendAsync(Site, Site.LeadKey, _returns.Clean());

        await using var admin = await Browser.VisitAsync(Site.Address, javaScript);
        await admin.GotoAsync("/");
        await admin.SignInAsync(Site.AdminKey);
        await admin.ClickToNavigateAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Administration: failed submissions, roll-ups and reference data" }));
        Assert.Equal("Administration", await admin.HeadingAsync());
        var row = admin.Page.Locator($"tr[data-submission='{id}']");
        Assert.Contains(BrokenArchive.Reason, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("North East Lincolnshire", await admin.Page.Locator("table", new() { HasText = "Region" }).InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(admin, "admin" + suffix);

        // A retry posted without the page's anti-forgery token (as a form on another site would send it) is refused and changes nothing.
        var forged = await admin.Context.APIRequest.PostAsync(new Uri(Site.Address, $"/admin/retry/{id}").ToString(), new() { Form = admin.Context.APIRequest.CreateFormData(), MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        Assert.Contains("That form could not be sent", await forged.TextAsync(), StringComparison.Ordinal);
        await admin.GotoAsync("/admin");
        Assert.Equal(1, await admin.Page.Locator($"tr[data-submission='{id}']").CountAsync());

        // The fault is put right; the retry carries the submission on, and its page follows it to the sign-off requests.
        _archive.Broken = false;
        await admin.ClickToNavigateAsync(row.GetByRole(AriaRole.Button, new() { Name = "Retry" }));
        Assert.EndsWith($"/submissions/{id}", admin.Page.Url, StringComparison.Ordinal);
        var timeline = admin.Page.Locator("table", new() { HasText = "What happened" });
        await Eventually.Async(() => Pages.TextWhileReloadingAsync(timeline), t => t.Contains("sign-off requested from", StringComparison.Ordinal), "the retried return to reach its sign-off", seconds: 60);
        Assert.Contains("Retried", await timeline.InnerTextAsync(), StringComparison.Ordinal);
        await admin.GotoAsync("/admin");
        Assert.Equal(0, await admin.Page.Locator($"tr[data-submission='{id}']").CountAsync());
        Assert.Contains("No submission has failed.", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Roll 2017-18 quarter 2 up now: the region and county rows, with the board's accepted return counted.
        await admin.Page.GetByLabel("Period").SelectOptionAsync("2017-18-Q2");
        await admin.ClickToNavigateAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Roll up now" }));
        Assert.Equal("2017-18 quarter 2 rolled up", await admin.Page.Locator(".nhsuk-panel__title").InnerTextAsync());
        var areas = await admin.Page.Locator("table").InnerTextAsync();
        Assert.Contains("North East and Yorkshire (region)", areas, StringComparison.Ordinal);
        Assert.Contains("£17,900,000", areas, StringComparison.Ordinal);
        await Pages.CheckAsync(admin, "admin-rolled-up" + suffix);
    }

    /// <summary>The archive refuses every write while broken, as a storage outage would.</summary>
    private sealed class BrokenArchive
    {
        public const string Reason = "the archive container is unavailable (test fault)";

        private volatile bool _broken = true;

        public bool Broken
        {
            get => _broken;
            set => _broken = value;
        }

        public void Register(IServiceCollection services) =>
            services.AddSingleton<IReturnBlobs>(sp => new Blobs(new AzureReturnBlobs(sp.GetRequiredService<StorageClients>()), this));

        private sealed class Blobs(IReturnBlobs inner, BrokenArchive fault) : IReturnBlobs
        {
            public Task<string> PutInboxAsync(string name, ReadOnlyMemory<byte> content, InboxUpload? upload, CancellationToken cancellationToken) => inner.PutInboxAsync(name, content, upload, cancellationToken);

            public Task<IReadOnlyList<InboxBlob>> ListInboxAsync(CancellationToken cancellationToken) => inner.ListInboxAsync(cancellationToken);

            public Task<byte[]?> ReadInboxAsync(string name, long maxBytes, CancellationToken cancellationToken) => inner.ReadInboxAsync(name, maxBytes, cancellationToken);

            public Task DeleteInboxAsync(string name, CancellationToken cancellationToken) => inner.DeleteInboxAsync(name, cancellationToken);

            public Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
                fault.Broken ? throw new IOException(Reason) : inner.PutArchiveAsync(path, content, cancellationToken);

            public Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken) => inner.ReadArchiveAsync(path, cancellationToken);

            public Task PutReportAsync(string path, string json, CancellationToken cancellationToken) => inner.PutReportAsync(path, json, cancellationToken);

            public Task<string?> ReadReportAsync(string path, CancellationToken cancellationToken) => inner.ReadReportAsync(path, cancellationToken);
        }
    }
}
