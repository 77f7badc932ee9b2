using BetterCare.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Browser.Tests;

/// <summary>
/// The standalone host on a real loopback port (Kestrel, so a browser can reach it) against one
/// Azurite, with a lead, a regional manager and an administrator able to sign in, and mail to a
/// throwaway outbox. The cron loop is out; the engine runs.
/// </summary>
public sealed class Site : WebApplicationFactory<Program>
{
    public const string LeadKey = "nel-lead-browser-key";
    public const string LeadName = "North East Lincolnshire HWB lead";
    public const string ManagerKey = "north-manager-browser-key";
    public const string AdminKey = "admin-browser-key";

    private readonly string _connection;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string> _extra;

    /// <param name="connection">Azurite's connection string.</param>
    /// <param name="services">Changes to the app's services, for a test that breaks one part on purpose.</param>
    /// <param name="settings">Settings beyond the site's own.</param>
    public Site(string connection, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connection = connection;
        _services = services;
        _extra = settings ?? new Dictionary<string, string>();

        // A port known before the app starts, so the links in its emails point at it and open in the browser as they are.
        var port = LoopbackListener.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(port);
        StartServer();
    }

    /// <summary>Where the site listens; its emails' links start with it.</summary>
    public Uri Address { get; }

    /// <summary>The folder the site writes its email to, a <c>.eml</c> file a message.</summary>
    public string Outbox { get; } = Directory.CreateTempSubdirectory("outbox-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _connection,
            ["BetterCare:ReferenceDirectory"] = Repo.Reference,
            ["BetterCare:PublicBaseUrl"] = Address.ToString().TrimEnd('/'),
            ["BetterCare:Mail:OutboxDirectory"] = Outbox,
            ["BetterCare:ApiKeys:0:Key"] = LeadKey,
            ["BetterCare:ApiKeys:0:Name"] = LeadName,
            ["BetterCare:ApiKeys:0:Role"] = "HwbLead",
            ["BetterCare:ApiKeys:0:Scope"] = "E06000012",
            ["BetterCare:ApiKeys:1:Key"] = ManagerKey,
            ["BetterCare:ApiKeys:1:Name"] = "North East and Yorkshire Better Care manager",
            ["BetterCare:ApiKeys:1:Role"] = "RegionalManager",
            ["BetterCare:ApiKeys:1:Scope"] = "North East and Yorkshire",
            ["BetterCare:ApiKeys:2:Key"] = AdminKey,
            ["BetterCare:ApiKeys:2:Name"] = "Service administrator",
            ["BetterCare:ApiKeys:2:Role"] = "Admin",
            ["BetterCare:TaskHub:MaxQueuePollingInterval"] = "00:00:00.500",

            // No font from the NHS's host: the pages' own policy then stops the browser asking for it, so nothing leaves the machine.
            ["BetterCare:FontOrigin"] = string.Empty,
        };
        foreach (var (key, value) in settings.Concat(_extra))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Remove(services.Single(d => d.ImplementationType == typeof(CronScheduler)));
            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Outbox, recursive: true);
    }
}
