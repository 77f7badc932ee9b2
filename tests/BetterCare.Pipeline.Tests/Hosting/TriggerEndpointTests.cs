using System.Net;
using System.Text;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>
/// What an attacker tried on the custom handler: its trigger endpoints without any key, a blob name
/// reaching out of the inbox, and a cross-origin no-cors fetch. No trigger is reachable over HTTP now.
/// </summary>
public class TriggerEndpointTests
{
    private const string Archived = "2016-17/Q2/E10000012/s0123456789abcdef01234567.xlsx";
    private const string Report = "2017-18-Q2/county-essex.xlsx";

    [Theory]
    [InlineData("/InboxBlob", "{\"Data\":{\"blob\":\"AAAA\"},\"Metadata\":{\"name\":\"\\\"../returns-archive/" + Archived + "\\\"\"}}")]
    [InlineData("/InboxBlob", "{\"Data\":{\"blob\":\"AAAA\"},\"Metadata\":{\"name\":\"\\\"../reports/" + Report + "\\\"\"}}")]
    [InlineData("/PipelineSteps", "{\"Data\":{\"message\":\"{}\"},\"Metadata\":{}}")]
    [InlineData("/InboxSweep", "{\"Data\":{\"timer\":{}},\"Metadata\":{}}")]
    [InlineData("/SignOffTimers", "{\"Data\":{\"timer\":{}},\"Metadata\":{}}")]
    [InlineData("/Rollup", "{\"Data\":{\"timer\":{}},\"Metadata\":{}}")]
    [InlineData("/admin/functions/InboxBlob", "{\"input\":\"../returns-archive/" + Archived + "\"}")]
    public async Task ATriggerPostedFromAnotherOriginWithoutAKeyIsNotFoundAndChangesNothing(string path, string body)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var browser = app.Client(key: null);
        var storage = new Storage(azurite.ConnectionString);
        var blobs = app.Services.GetRequiredService<IReturnBlobs>();
        await blobs.PutArchiveAsync(Archived, Workbook.Clean(), CancellationToken.None);
        await storage.Clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).UploadBlobAsync(Report, BinaryData.FromString("report"));

        // What fetch(url, {method: "POST", mode: "no-cors", body}) from another site sends.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(await storage.SubmissionStatesAsync());
        Assert.Equal([Archived], await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Equal([Report], await storage.BlobNamesAsync(StorageNames.ReportsContainer));
        Assert.Empty(await storage.OrchestrationsAsync());
    }

    [Fact]
    public async Task TheRollupEndpointFromAnotherOriginWithoutAKeyIsRefusedAndRunsNothing()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var browser = app.Client(key: null);
        var storage = new Storage(azurite.ConnectionString);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/rollups/2017-18-Q2", UriKind.Relative)) { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "https://attacker.example");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.ReportsContainer));
    }
}
