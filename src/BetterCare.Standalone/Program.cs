using BetterCare.App.Apis;
using BetterCare.App.Extensions;
using BetterCare.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.Configuration.AddEnvironmentVariables(); // the environment wins over local.settings.json
builder.AddBetterCareApp();
builder.AddStandaloneHost();

var app = builder.Build();
app.MapBetterCareRoutes();
app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
