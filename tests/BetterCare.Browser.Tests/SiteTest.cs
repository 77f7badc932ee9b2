namespace BetterCare.Browser.Tests;

/// <summary>A test class's own Azurite and site, made before each test and gone after it; the shared browser.</summary>
[Collection(BrowserCollection.Name)]
public abstract class SiteTest(BrowserFixture browser) : IAsyncLifetime
{
    private Azurite _azurite = null!;

    protected BrowserFixture Browser { get; } = browser;

    protected Site Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Site = new Site(_azurite.ConnectionString, Services, Settings);
    }

    /// <summary>Changes a test class makes to the site's services (none by default).</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    /// <summary>Settings a test class adds to the site's (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public virtual async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
