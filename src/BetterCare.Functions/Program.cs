using BetterCare.Functions.Apis;
using BetterCare.Functions.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.Configuration.AddEnvironmentVariables(); // the environment wins over local.settings.json
builder.AddBetterCare();

var app = builder.Build();
app.MapGet("/", () => Results.Ok(new { service = "BetterCare Returns", status = "ready" }));
app.MapReturnsApi();
app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
