using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using BetterCare.Functions.Functions;
using BetterCare.Infrastructure;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The deployable folder from scripts/publish, started the way the Functions host starts a custom handler.</summary>
public class PublishedHandlerTests
{
    [Fact]
    public async Task PublishedHandlerStartsAsTheHostStartsItAndTakesAnInboxBlobToAccepted()
    {
        var output = Directory.CreateTempSubdirectory("publish-").FullName;
        try
        {
            var publish = await RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "publish"), output], Repo.Root);
            Assert.True(publish.ExitCode == 0, publish.Output);

            var app = Path.Combine(output, "app");
            var handler = Path.Combine(app, "handler", "BetterCare.Functions");
            Assert.True(File.Exists(Path.Combine(app, "host.json")));
            Assert.True(File.Exists(Path.Combine(app, "reference", "areas.csv")));
            foreach (var function in FunctionCatalog.All)
            {
                Assert.True(File.Exists(Path.Combine(app, function.Name, "function.json")), $"{function.Name}/function.json is missing");
            }

            using (var zip = ZipFile.OpenRead(Path.Combine(output, "bettercare-functions.zip")))
            {
                var entry = zip.GetEntry("handler/BetterCare.Functions")!;
                Assert.NotEqual(0, (entry.ExternalAttributes >> 16) & 0b001_001_001);
            }

            await using var azurite = await Azurite.StartAsync();
            var port = FreePort();
            var start = new ProcessStartInfo(handler) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
            start.Environment["FUNCTIONS_APP_ROOT_PATH"] = app;
            start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
            using var process = Process.Start(start)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await Eventually.Async(() => Ready(client), ok => ok, "the handler to answer GET /");

                var storage = new Storage(azurite.ConnectionString);
                var content = Workbook.Clean();
                var etag = await new AzureReturnBlobs(storage.Clients).PutInboxAsync("nel-published.xlsx", content, null, CancellationToken.None);
                var (data, metadata) = HostedApp.BlobPayload(StorageNames.InboxContainer, "nel-published.xlsx", content, etag);
                using (var started = await HostedApp.InvokeAsync(client, FunctionCatalog.InboxBlob, data, metadata))
                {
                    Assert.Equal(HttpStatusCode.OK, started.StatusCode);
                }

                // The submission's orchestration runs on the app's engine and takes it to Accepted.
                var state = await Eventually.Async(async () => (await storage.SubmissionStatesAsync()).SingleOrDefault(), s => s?.GetString("Step") == "Done", "the submission to finish");
                Assert.Equal("Accepted", state!.GetString("Status"));
                Assert.Equal($"2017-18/Q2/E06000012/{state.PartitionKey}.xlsx", state.GetString("ArchivePath"));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<bool> Ready(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
