using BetterCare.App.Extensions;
using BetterCare.Functions;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.AddBetterCareApp();
builder.Services.AddSingleton<FunctionsWorkflowClient>();
builder.Services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<FunctionsWorkflowClient>());
builder.Build().Run();
