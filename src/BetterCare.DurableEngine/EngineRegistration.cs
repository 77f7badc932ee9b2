using Azure.Core.Pipeline;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BetterCare.DurableEngine;

public static class EngineRegistration
{
    /// <summary>
    /// The task hub, its worker (a hosted service) and the workflow client, on the given storage
    /// account; <paramref name="requestPolicy"/> gives a policy for the engine's storage requests (a counter).
    /// </summary>
    public static IServiceCollection AddDurableEngine(
        this IServiceCollection services, IConfiguration configuration, string storageConnectionString, Func<IServiceProvider, HttpPipelinePolicy?>? requestPolicy = null)
    {
        var options = configuration.GetSection("BetterCare:TaskHub").Get<TaskHubOptions>() ?? new TaskHubOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => new TaskHub(storageConnectionString, options, sp.GetRequiredService<ILoggerFactory>(), requestPolicy?.Invoke(sp)));
        services.AddSingleton<IWorkflowClient, TaskHubWorkflowClient>();
        services.AddHostedService<DurableEngine>();
        return services;
    }
}
