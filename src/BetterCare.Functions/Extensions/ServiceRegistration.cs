using BetterCare.DurableEngine;
using BetterCare.Functions.Auth;
using BetterCare.Functions.Standalone;
using BetterCare.Functions.Triggers;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BetterCare.Functions.Extensions;

public static class ServiceRegistration
{
    /// <summary>The environment variable the Functions host sets for a custom handler: its presence means "hosted".</summary>
    public const string CustomHandlerPort = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsHostedByFunctions(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[CustomHandlerPort]);

    /// <summary>Registers storage, the workflow and its engine, the triggers' handlers and, in standalone mode, the trigger loops.</summary>
    public static WebApplicationBuilder AddBetterCare(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.Configure<BetterCareSettings>(configuration.GetSection(BetterCareSettings.Section));
        var pipeline = configuration.GetSection("BetterCare:Pipeline").Get<PipelineOptions>() ?? new PipelineOptions();
        services.AddSingleton(pipeline);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = pipeline.MaxUploadBytes + (64 * 1024));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = pipeline.MaxUploadBytes + (64 * 1024));

        var storage = configuration.GetSection("AzureWebJobsStorage");
        services.AddSingleton(StorageClients.FromSettings(
            storage.Value, storage.GetChildren().ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LoadReference(sp.GetRequiredService<IOptions<BetterCareSettings>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton(sp => new ReturnValidator(sp.GetRequiredService<ReferenceData>()));
        services.AddSingleton<IReturnTables, AzureReturnTables>();
        services.AddSingleton<IReturnBlobs, AzureReturnBlobs>();
        services.AddSingleton<PeriodAggregator>();
        services.AddSingleton<AggregateService>();
        services.AddSingleton<IRollupStore, AzureRollupStore>();
        services.AddSingleton<Rollups.RollupService>();
        services.AddSingleton<SubmissionWorkflow>();
        services.AddSingleton<InboxTrigger>();
        services.AddSingleton<TimerFunctions>();
        services.AddSingleton<CallerAuthenticator>();
        builder.AddSignOff();
        services.AddHostedService<StorageStartup>();

        // The workflow's orchestrations on DurableTask.Core over the same storage account.
        services.AddDurableEngine(configuration, string.IsNullOrWhiteSpace(storage.Value) ? "UseDevelopmentStorage=true" : storage.Value);

        if (IsHostedByFunctions(configuration))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{configuration[CustomHandlerPort]}");
        }
        else
        {
            services.AddHostedService<InboxPoller>();
            services.AddHostedService<CronScheduler>();
        }

        return builder;
    }

    private static ReferenceData LoadReference(BetterCareSettings settings, string contentRoot) =>
        ReferenceData.Load(ReferenceDirectory(settings, contentRoot));

    /// <summary>The reference folder: the setting, found from the working folder, the content root or the app's folder.</summary>
    internal static string ReferenceDirectory(BetterCareSettings settings, string contentRoot) =>
        Path.IsPathRooted(settings.ReferenceDirectory)
            ? settings.ReferenceDirectory
            : new[] { Directory.GetCurrentDirectory(), contentRoot, AppContext.BaseDirectory }
                .Select(root => Path.GetFullPath(Path.Combine(root, settings.ReferenceDirectory)))
                .FirstOrDefault(Directory.Exists) ?? ReferenceData.FindDefaultDirectory(contentRoot) ?? settings.ReferenceDirectory;
}

/// <summary>Creates the containers, tables and queues before the loops start.</summary>
internal sealed class StorageStartup(StorageClients clients) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
