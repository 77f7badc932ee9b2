using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BetterCare.App.Apis;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The deployable zip from scripts/publish: what the Functions host on Flex Consumption would load.</summary>
public class PublishTests
{
    [Fact]
    public async Task PublishMakesAZipOfTheIsolatedWorkerWithItsMetadataHostJsonAndReferenceData()
    {
        var output = Directory.CreateTempSubdirectory("publish-").FullName;
        try
        {
            var publish = await RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "publish"), output], Repo.Root);
            Assert.True(publish.ExitCode == 0, publish.Output);

            using var zip = ZipFile.OpenRead(Path.Combine(output, "bettercare-functions.zip"));
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("BetterCare.Functions.dll", entries);
            Assert.Contains("host.json", entries);
            Assert.Contains("worker.config.json", entries);
            Assert.Contains("reference/areas.csv", entries);
            Assert.DoesNotContain(entries, e => e.EndsWith("function.json", StringComparison.Ordinal));

            var metadata = JsonNode.Parse(await ReadAsync(zip, "functions.metadata"))!.AsArray();
            Assert.Equal(FunctionsBuild.Functions().Count, metadata.Count);
            Assert.All(Routes.All, r => Assert.Contains(metadata, f => (string?)f!["name"] == r.Name));
            var worker = JsonNode.Parse(await ReadAsync(zip, "worker.config.json"))!;
            Assert.Equal("dotnet-isolated", (string?)worker["description"]!["language"]);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
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
