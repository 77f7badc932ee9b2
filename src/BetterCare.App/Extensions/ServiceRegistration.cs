using BetterCare.App.Auth;
using BetterCare.App.Triggers;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BetterCare.App.Extensions;

public static class ServiceRegistration
{
    /// <summary>
    /// Set by App Service Authentication when it is enabled: only then does the platform strip a
    /// client's own <c>X-MS-CLIENT-PRINCIPAL</c> and set its own.
    /// </summary>
    public const string AuthenticationEnabled = "WEBSITE_AUTH_ENABLED";

    public static bool IsBehindAppServiceAuthentication(IConfiguration configuration) =>
        string.Equals(configuration?[AuthenticationEnabled], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Registers what both hosts share: settings, storage, the workflow, the HTTP endpoints'
    /// services and the triggers' handlers. Each host adds its own workflow client
    /// (<see cref="IWorkflowClient"/>) and its own way of running triggers.
    /// </summary>
    public static IHostApplicationBuilder AddBetterCareApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.Configure<BetterCareSettings>(configuration.GetSection(BetterCareSettings.Section));
        var pipeline = PipelineOptionsOf(configuration);
        services.AddSingleton(pipeline);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = pipeline.MaxUploadBytes + (64 * 1024));

        var storage = configuration.GetSection("AzureWebJobsStorage");
        services.AddSingleton(StorageClients.FromSettings(
            storage.Value, storage.GetChildren().ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LoadReference(sp.GetRequiredService<IOptions<BetterCareSettings>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton(sp => new ReturnValidator(sp.GetRequiredService<ReferenceData>()));
        services.AddSingleton<ReadGate>();
        services.AddSingleton<IReturnTables, AzureReturnTables>();
        services.AddSingleton<IReturnBlobs, AzureReturnBlobs>();
        services.AddSingleton<PeriodAggregator>();
        services.AddSingleton<AggregateService>();
        services.AddSingleton<IRollupStore, AzureRollupStore>();
        services.AddSingleton<Rollups.RollupService>();
        services.AddSingleton<IPeriodRollup>(sp => sp.GetRequiredService<Rollups.RollupService>());
        services.AddSingleton<BetterCare.Pipeline.Submissions.RecentSubmissions>();
        services.AddSingleton<SubmissionWorkflow>();
        services.AddSingleton<PeriodWorkflow>();
        foreach (var activity in WorkflowCatalog.Activities)
        {
            services.AddSingleton(activity);
        }

        services.AddSingleton<InboxTrigger>();
        services.AddSingleton<Uploads.ReturnUploads>();
        services.AddSingleton<TimerFunctions>();
        services.AddSingleton<CallerAuthenticator>();
        builder.AddSignOff();
        builder.AddPages();
        services.AddHostedService<StorageStartup>();
        return builder;
    }

    public static PipelineOptions PipelineOptionsOf(IConfiguration configuration) =>
        configuration.GetSection("BetterCare:Pipeline").Get<PipelineOptions>() ?? new PipelineOptions();

    /// <summary>The storage connection string for the task hub: <c>AzureWebJobsStorage</c>, Azurite when unset.</summary>
    public static string StorageConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["AzureWebJobsStorage"] is { Length: > 0 } connection ? connection : "UseDevelopmentStorage=true";
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

/// <summary>Creates the containers and tables before anything uses them.</summary>
internal sealed class StorageStartup(StorageClients clients) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
