using BetterCare.Functions.Apis;
using BetterCare.Functions.Extensions;
using BetterCare.Functions.Functions;

if (args is ["--emit-functions", var folder])
{
    // The build step of the deployable folder: one function.json per function of the catalog.
    FunctionJson.WriteAll(folder);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.Configuration.AddEnvironmentVariables(); // the environment wins over local.settings.json
builder.AddBetterCare();

var app = builder.Build();
app.MapGet("/", () => Results.Ok(new { service = "BetterCare Returns", status = "ready" }));
app.MapReturnsApi();
app.MapAggregatesApi();
app.MapRollupsApi();
app.MapSignOffPages();
if (ServiceRegistration.IsHostedByFunctions(app.Configuration))
{
    // The Functions host's calls; never mapped standalone, where nothing but the app's own loops may trigger work.
    app.MapHostInvocations();
}
app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
