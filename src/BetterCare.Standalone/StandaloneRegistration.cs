using BetterCare.App.Extensions;
using BetterCare.DurableEngine;
using BetterCare.Infrastructure;

namespace BetterCare.Standalone;

public static class StandaloneRegistration
{
    /// <summary>
    /// What the Functions host would otherwise do: the engine that runs the orchestrations (over
    /// the same storage account), the inbox watcher for the blob trigger, the cron scheduler for
    /// the timer triggers, and Kestrel's body limit for uploads.
    /// </summary>
    public static WebApplicationBuilder AddStandaloneHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var pipeline = ServiceRegistration.PipelineOptionsOf(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = pipeline.MaxUploadBytes + (64 * 1024));
        // The engine's storage requests are counted apart from the app's own.
        builder.Services.AddSingleton(new EngineRequests(new StorageRequestCounter()));
        builder.Services.AddDurableEngine(
            builder.Configuration, ServiceRegistration.StorageConnectionString(builder.Configuration), sp => sp.GetRequiredService<EngineRequests>().Counter);
        builder.Services.AddHostedService<InboxPoller>();
        builder.Services.AddHostedService<CronScheduler>();
        return builder;
    }
}

/// <summary>The counter of the engine's own storage requests (the app's are <c>StorageClients.Counter</c>).</summary>
public sealed record EngineRequests(StorageRequestCounter Counter);
