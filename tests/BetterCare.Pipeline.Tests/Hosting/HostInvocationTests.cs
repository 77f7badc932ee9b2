using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BetterCare.Functions.Apis;
using BetterCare.Functions.Functions;
using BetterCare.Infrastructure;
using NCrontab;

namespace BetterCare.Pipeline.Tests.Hosting;

public class HostInvocationTests
{
    [Fact]
    public void EveryNonHttpFunctionHasAHandlerAndEveryHandlerAFunction()
    {
        var functions = FunctionCatalog.All.Where(f => f.Trigger != TriggerKind.Http).Select(f => f.Name).Order(StringComparer.Ordinal);
        var handlers = HostInvocationsApi.Handlers.Keys.Order(StringComparer.Ordinal);

        Assert.Equal(functions, handlers);
        Assert.Single(FunctionCatalog.All, f => f.Trigger == TriggerKind.Http);
    }

    [Fact]
    public void GeneratedFunctionJsonMatchesTheCatalogAndTheStorageNames()
    {
        var root = Directory.CreateTempSubdirectory("functions-").FullName;
        try
        {
            FunctionJson.WriteAll(root);

            Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            JsonNode Trigger(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(root, name, "function.json")))!["bindings"]![0]!;
            Assert.StartsWith(StorageNames.InboxContainer + "/", (string?)Trigger(FunctionCatalog.InboxBlob)["path"], StringComparison.Ordinal);
            Assert.Equal("EventGrid", (string?)Trigger(FunctionCatalog.InboxBlob)["source"]);
            Assert.Equal("binary", (string?)Trigger(FunctionCatalog.InboxBlob)["dataType"]);
            foreach (var timer in FunctionCatalog.Timers)
            {
                // The host reads each schedule from its app setting; the sample settings give it, as six NCRONTAB fields.
                Assert.Equal($"%BetterCare__Schedules__{timer.Name}%", (string?)Trigger(timer.Name)["schedule"]);
                var configured = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "local.settings.sample.json")))!["Values"]![$"BetterCare__Schedules__{timer.Name}"];
                Assert.Equal(6, configured!.Split(' ').Length);
                Assert.NotNull(CrontabSchedule.TryParse(configured, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
            }
            var http = JsonNode.Parse(File.ReadAllText(Path.Combine(root, FunctionCatalog.Http, "function.json")))!["bindings"]!.AsArray();
            Assert.Equal(["httpTrigger", "http"], http.Select(b => (string?)b!["type"]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task BlobInvocationTakesAnInboxBlobToAccepted()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = HostedApp.Create(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);
        await storage.Clients.EnsureCreatedAsync(CancellationToken.None);
        var blobs = new AzureReturnBlobs(storage.Clients);
        var content = Workbook.Clean();
        var etag = await blobs.PutInboxAsync("nel-dropped.xlsx", content, null, CancellationToken.None);

        var (data, metadata) = HostedApp.BlobPayload(StorageNames.InboxContainer, "nel-dropped.xlsx", content, etag);
        using (var started = await HostedApp.InvokeAsync(client, FunctionCatalog.InboxBlob, data, metadata))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            var body = await HostedApp.JsonAsync(started);
            Assert.Contains("has its workflow", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        }

        var final = await Eventually.Async(async () => (await storage.SubmissionStatesAsync()).SingleOrDefault(), s => s?.GetString("Step") == "Done", "the submission to finish");
        Assert.Equal("Accepted", final!.GetString("Status"));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
        Assert.Contains(await storage.TotalsAsync("2017-18-Q2"), e => e.RowKey == "hwb|E06000012");
    }

    [Theory]
    [InlineData("../returns-archive/2017-18/Q2/E06000012/s0123456789abcdef01234567.xlsx")]
    [InlineData("../reports/2017-18-Q2/county-essex.xlsx")]
    [InlineData("E06000012/dropped/nel.xlsx")]
    [InlineData("nel\\dropped.xlsx")]
    [InlineData("nel.xlsx\nForged log line")]
    public async Task BlobInvocationNamingAnythingButAPlainInboxFileChangesNothing(string name)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = HostedApp.Create(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);
        await storage.Clients.EnsureCreatedAsync(CancellationToken.None);
        const string archived = "2017-18/Q2/E06000012/s0123456789abcdef01234567.xlsx";
        await new AzureReturnBlobs(storage.Clients).PutArchiveAsync(archived, Workbook.Clean(), CancellationToken.None);

        var (data, metadata) = HostedApp.BlobPayload(StorageNames.InboxContainer, name, Workbook.Clean(), "\"0x1\"");
        using var response = await HostedApp.InvokeAsync(client, FunctionCatalog.InboxBlob, data, metadata);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await storage.SubmissionStatesAsync());
        Assert.Equal([archived], await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Empty(await storage.OrchestrationsAsync());
    }

    [Fact]
    public async Task SweepTimerStartsAWorkflowForEveryWaitingBlob()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = HostedApp.Create(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);
        await storage.Clients.EnsureCreatedAsync(CancellationToken.None);
        var blobs = new AzureReturnBlobs(storage.Clients);
        await blobs.PutInboxAsync("one.xlsx", Workbook.Clean(), null, CancellationToken.None);
        await blobs.PutInboxAsync("two.xlsx", Workbook.CleanWithCouncilForecast(6.6), null, CancellationToken.None);

        var (data, metadata) = HostedApp.TimerPayload(FunctionCatalog.InboxSweep);
        using var response = await HostedApp.InvokeAsync(client, FunctionCatalog.InboxSweep, data, metadata);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 inbox blob(s) checked", (await HostedApp.JsonAsync(response)).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await storage.SubmissionStatesAsync()).Count);
    }

    [Theory]
    [InlineData("InboxBlob", "this is not json")]
    [InlineData("InboxBlob", "{}")]
    [InlineData("InboxBlob", "{\"Data\": 5, \"Metadata\": {}}")]
    [InlineData("InboxBlob", "{\"Data\": {\"blob\": \"AAAA\"}, \"Metadata\": {}}")]
    [InlineData("InboxSweep", "{\"Data\": {}, \"Metadata\": {}}")]
    public async Task MalformedPayloadsGet400AndChangeNothing(string function, string body)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = HostedApp.Create(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/" + function, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(function, (await HostedApp.JsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await storage.SubmissionStatesAsync());
    }

    [Fact]
    public async Task UnknownFunctionIsNotFoundAndHttpIsServedAsForwarded()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = HostedApp.Create(azurite.ConnectionString);
        using var client = app.Client(PipelineApp.NationalKey);

        using var unknown = await client.PostAsync(new Uri("/NoSuchFunction", UriKind.Relative), new StringContent("{\"Data\":{}}"));
        using var forwarded = await client.GetAsync(new Uri("/api/periods/2017-18-Q2/returns", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("[]", await forwarded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
