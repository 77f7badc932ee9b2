using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

public static class EngineRegistration
{
    /// <summary>The task hub, its worker (a hosted service) and the workflow client, on the given storage account.</summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration, string storageConnectionString)
    {
        var options = configuration.GetSection("BetterCare:TaskHub").Get<TaskHubOptions>() ?? new TaskHubOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => new TaskHub(storageConnectionString, options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IWorkflowClient, TaskHubWorkflowClient>();
        services.AddHostedService<DurableEngine>();
        return services;
    }
}
