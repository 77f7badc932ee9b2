using BetterCare.App.Apis;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>Both hosts serve the one route table: the standalone host's endpoints and the Functions app's HTTP triggers.</summary>
public class RouteTableTests
{
    [Fact]
    public async Task BothHostsExposeTheSameRoutes()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine);
        _ = app.Services;

        var standalone = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal);
        var functions = FunctionsBuild.Functions()
            .Where(f => f["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger"))
            .Select(f => FunctionsBuild.Trigger((string)f["name"]!))
            .Select(t => $"{string.Join(",", t["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()))} /{((string?)t["route"] == BetterCare.App.Apis.Route.RootRoute ? string.Empty : (string?)t["route"])}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(Routes.All.Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal), standalone);
        Assert.Equal(standalone, functions);
    }
}
